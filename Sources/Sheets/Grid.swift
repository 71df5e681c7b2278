/// One row of a sheet: its index and its non-empty cells, sorted by column.
public struct GridRow: Sendable, Equatable {
  /// Zero-based row index.
  public var index: Int
  /// The stored cells of the row, in increasing column order.
  public var cells: [(column: Int, value: CellValue)]

  /// Creates a row; `cells` must be sorted by column.
  public init(index: Int, cells: [(column: Int, value: CellValue)]) {
    self.index = index
    self.cells = cells
  }

  /// The value at a column, if stored.
  public func value(at column: Int) -> CellValue? {
    var lo = 0
    var hi = cells.count - 1
    while lo <= hi {
      let mid = (lo + hi) / 2
      let c = cells[mid].column
      if c == column { return cells[mid].value }
      if c < column { lo = mid + 1 } else { hi = mid - 1 }
    }
    return nil
  }

  public static func == (lhs: GridRow, rhs: GridRow) -> Bool {
    lhs.index == rhs.index && lhs.cells.count == rhs.cells.count
      && zip(lhs.cells, rhs.cells).allSatisfy { $0.column == $1.column && $0.value == $1.value }
  }
}

/// A sheet's cells, stored sparsely (only cells that hold a value), with its merged ranges.
///
/// Extents come from the real cells, never from a file's `<dimension>` claim.
public struct Grid: Sendable, Equatable {
  /// The sheet name (or the CSV file name).
  public var name: String
  /// Stored rows in increasing row order; rows without cells are absent.
  public private(set) var rows: [GridRow]
  /// Merged ranges, in file order.
  public private(set) var merges: [CellRange]
  /// Rows the file marks as hidden.
  public var hiddenRows: Set<Int>

  /// Creates a grid from rows (any order; they are sorted) and merged ranges.
  public init(name: String, rows: [GridRow] = [], merges: [CellRange] = [], hiddenRows: Set<Int> = []) {
    self.name = name
    var sorted = rows.filter { !$0.cells.isEmpty }
    if !sorted.isSorted(by: { $0.index < $1.index }) { sorted.sort { $0.index < $1.index } }
    for i in sorted.indices where !sorted[i].cells.isSorted(by: { $0.column < $1.column }) {
      sorted[i].cells.sort { $0.column < $1.column }
    }
    self.rows = sorted
    self.merges = merges
    self.hiddenRows = hiddenRows
  }

  /// Creates a grid from a dense array of texts (row-major); empty strings are not stored.
  public init(name: String, texts: [[String]], merges: [CellRange] = []) {
    var rows: [GridRow] = []
    for (r, line) in texts.enumerated() {
      let cells = line.enumerated().compactMap { c, s in s.isEmpty ? nil : (column: c, value: CellValue.text(s)) }
      if !cells.isEmpty { rows.append(GridRow(index: r, cells: cells)) }
    }
    self.init(name: name, rows: rows, merges: merges)
  }

  /// Number of rows up to the last stored cell (0 for an empty grid).
  public var rowCount: Int { (rows.last?.index ?? -1) + 1 }
  /// Number of columns up to the last stored cell in any row.
  public var columnCount: Int { (rows.map { $0.cells.last?.column ?? -1 }.max() ?? -1) + 1 }
  /// Number of stored cells.
  public var cellCount: Int { rows.reduce(0) { $0 + $1.cells.count } }

  /// The range from A1 to the last stored row and column, or nil for an empty grid.
  public var usedRange: CellRange? {
    guard rowCount > 0 else { return nil }
    return CellRange(firstRow: 0, firstColumn: 0, lastRow: rowCount - 1, lastColumn: max(columnCount - 1, 0))
  }

  /// The stored row at a row index, if any.
  public func row(_ index: Int) -> GridRow? {
    var lo = 0
    var hi = rows.count - 1
    while lo <= hi {
      let mid = (lo + hi) / 2
      let r = rows[mid].index
      if r == index { return rows[mid] }
      if r < index { lo = mid + 1 } else { hi = mid - 1 }
    }
    return nil
  }

  /// The value stored at a cell, if any.
  public subscript(row: Int, column: Int) -> CellValue? {
    self.row(row)?.value(at: column)
  }

  /// The value stored at an address, if any.
  public subscript(address: CellAddress) -> CellValue? {
    self[address.row, address.column]
  }

  /// The value at an A1 reference, if any.
  public subscript(a1 a1: String) -> CellValue? {
    CellAddress(a1: a1).flatMap { self[$0] }
  }

  /// The merged range that covers a cell, if any.
  public func mergedRange(containing address: CellAddress) -> CellRange? {
    merges.first { $0.contains(address) }
  }

  /// Adds a merged range (used by writers building styled grids and by readers).
  public mutating func addMerge(_ range: CellRange) {
    merges.append(range)
  }

  /// Stores a value, keeping rows and cells sorted. Intended for building small grids.
  public mutating func set(_ value: CellValue?, row: Int, column: Int) {
    var lo = 0
    var hi = rows.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if rows[mid].index < row { lo = mid + 1 } else { hi = mid }
    }
    if lo == rows.count || rows[lo].index != row {
      guard let value else { return }
      rows.insert(GridRow(index: row, cells: [(column, value)]), at: lo)
      return
    }
    var cells = rows[lo].cells
    if let i = cells.firstIndex(where: { $0.column >= column }) {
      if cells[i].column == column {
        if let value { cells[i].value = value } else { cells.remove(at: i) }
      } else if let value {
        cells.insert((column, value), at: i)
      }
    } else if let value {
      cells.append((column, value))
    }
    if cells.isEmpty { rows.remove(at: lo) } else { rows[lo].cells = cells }
  }

  public static func == (lhs: Grid, rhs: Grid) -> Bool {
    lhs.name == rhs.name && lhs.rows == rhs.rows && lhs.merges == rhs.merges && lhs.hiddenRows == rhs.hiddenRows
  }
}

extension Array {
  fileprivate func isSorted(by areInIncreasingOrder: (Element, Element) -> Bool) -> Bool {
    guard count > 1 else { return true }
    for i in 1..<count where !areInIncreasingOrder(self[i - 1], self[i]) { return false }
    return true
  }
}
