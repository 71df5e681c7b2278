/// A workbook to be written with formatting: sheets plus document properties.
public struct StyledWorkbook: Sendable, Equatable {
  /// The sheets, in tab order.
  public var sheets: [StyledSheet]
  /// Title, author and other document properties.
  public var properties: DocumentProperties

  /// Creates a workbook.
  public init(sheets: [StyledSheet] = [], properties: DocumentProperties = DocumentProperties()) {
    self.sheets = sheets
    self.properties = properties
  }
}

/// Document properties shown in Excel's File › Info.
public struct DocumentProperties: Sendable, Equatable {
  /// Title.
  public var title: String?
  /// Subject.
  public var subject: String?
  /// Author.
  public var author: String?
  /// Company.
  public var company: String?
  /// Comments.
  public var comments: String?
  /// Custom string properties (name → value), written in name order.
  public var custom: [String: String]

  /// Creates properties; all empty by default.
  public init(
    title: String? = nil, subject: String? = nil, author: String? = nil, company: String? = nil,
    comments: String? = nil, custom: [String: String] = [:]
  ) {
    self.title = title
    self.subject = subject
    self.author = author
    self.company = company
    self.comments = comments
    self.custom = custom
  }
}

/// A cell to be written: an optional value and its style (a styled blank has no value).
public struct StyledCell: Sendable, Equatable {
  /// The value; nil writes a blank cell that still carries the style (borders, for example).
  public var value: CellValue?
  /// The look.
  public var style: CellStyle

  /// Creates a cell.
  public init(_ value: CellValue?, style: CellStyle = .plain) {
    self.value = value
    self.style = style
  }
}

/// A merged range with the value shown in it and the style of every cell it covers.
public struct StyledMerge: Sendable, Equatable {
  /// The cells merged; must cover at least two cells.
  public var range: CellRange
  /// The value shown (stored in the top-left cell).
  public var value: CellValue?
  /// The style of every covered cell, so borders surround the whole range.
  public var style: CellStyle

  /// Creates a merge.
  public init(_ range: CellRange, value: CellValue?, style: CellStyle = .plain) {
    self.range = range
    self.value = value
    self.style = style
  }
}

/// One sheet to be written: sparse cells, merges, sizes, frozen panes and print setup.
public struct StyledSheet: Sendable, Equatable {
  /// Tab name: 1–31 characters, none of `[]:*?/\`, unique in the workbook.
  public var name: String
  /// Merged ranges; they must not overlap.
  public var merges: [StyledMerge]
  /// Column widths in character units, by zero-based column.
  public var columnWidths: [Int: Double]
  /// Row heights in points, by zero-based row.
  public var rowHeights: [Int: Double]
  /// The top-left cell that is not frozen (`A5` freezes rows 1–4); nil for no frozen panes.
  public var freezePanes: CellAddress?
  /// Page setup.
  public var print: PrintSetup
  /// Ranges where Excel should not flag numbers stored as text (classification codes).
  public var ignoreNumberStoredAsText: [CellRange]

  /// The stored cells by row, rows in order and each row's cells in column order, so the writer
  /// walks them in address order without sorting or hashing.
  private(set) var storedRows: [StoredRow] = []
  /// The distinct styles of the stored cells; a cell keeps an index into this table, so a cell is
  /// small to store and the writer makes one format per style rather than one lookup per cell.
  private(set) var styles: [CellStyle] = []
  /// The style table index the last `set` used: runs of cells with one style skip the scan.
  private var lastStyleIndex = 0

  /// Creates a sheet.
  public init(
    name: String, cells: [CellAddress: StyledCell] = [:], merges: [StyledMerge] = [], columnWidths: [Int: Double] = [:],
    rowHeights: [Int: Double] = [:], freezePanes: CellAddress? = nil, print: PrintSetup = PrintSetup(),
    ignoreNumberStoredAsText: [CellRange] = []
  ) {
    self.name = name
    self.merges = merges
    self.columnWidths = columnWidths
    self.rowHeights = rowHeights
    self.freezePanes = freezePanes
    self.print = print
    self.ignoreNumberStoredAsText = ignoreNumberStoredAsText
    self.cells = cells
  }

  /// Cells by address (sparse); cells covered by a merge may carry a style but no value.
  /// A convenience view: building or replacing it costs a pass over every cell, so renderers use
  /// `set` and `cell(at:)` instead.
  public var cells: [CellAddress: StyledCell] {
    get {
      var out: [CellAddress: StyledCell] = [:]
      out.reserveCapacity(cellCount)
      for stored in storedRows {
        for cell in stored.cells {
          out[CellAddress(row: stored.row, column: cell.column)] = StyledCell(cell.value, style: styles[cell.style])
        }
      }
      return out
    }
    set {
      storedRows = []
      styles = []
      lastStyleIndex = 0
      for (address, cell) in newValue.sorted(by: { $0.key < $1.key }) {
        set(cell.value, at: address, style: cell.style)
      }
    }
  }

  /// How many cells are stored.
  public var cellCount: Int { storedRows.reduce(0) { $0 + $1.cells.count } }

  /// The cell at `address`, if one is stored.
  public func cell(at address: CellAddress) -> StyledCell? {
    guard let r = rowIndex(address.row), let c = storedRows[r].index(of: address.column) else { return nil }
    let cell = storedRows[r].cells[c]
    return StyledCell(cell.value, style: styles[cell.style])
  }

  /// Sets the value and style of one cell.
  public mutating func set(_ value: CellValue?, at address: CellAddress, style: CellStyle = .plain) {
    let cell = StoredCell(column: address.column, value: value, style: styleIndex(style))
    // Rows mostly arrive in order, so the common case is the last row or a new one after it.
    if let last = storedRows.last, last.row == address.row {
      storedRows[storedRows.count - 1].set(cell)
      return
    }
    if storedRows.last.map({ $0.row < address.row }) ?? true {
      // Rows of a sheet tend to be equally wide: room for as many cells as the last row spares regrowing.
      var cells: [StoredCell] = []
      cells.reserveCapacity(storedRows.last?.cells.count ?? 1)
      cells.append(cell)
      storedRows.append(StoredRow(row: address.row, cells: cells))
      return
    }
    let position = firstRowIndex(notBefore: address.row)
    if position < storedRows.count, storedRows[position].row == address.row {
      storedRows[position].set(cell)
    } else {
      storedRows.insert(StoredRow(row: address.row, cells: [cell]), at: position)
    }
  }

  /// Sets the value and style of the cell at zero-based row and column.
  public mutating func set(_ value: CellValue?, row: Int, column: Int, style: CellStyle = .plain) {
    set(value, at: CellAddress(row: row, column: column), style: style)
  }

  /// Adds a merged range showing `value`.
  public mutating func merge(_ range: CellRange, value: CellValue?, style: CellStyle = .plain) {
    merges.append(StyledMerge(range, value: value, style: style))
  }

  public static func == (a: StyledSheet, b: StyledSheet) -> Bool {
    a.name == b.name && a.merges == b.merges && a.columnWidths == b.columnWidths && a.rowHeights == b.rowHeights
      && a.freezePanes == b.freezePanes && a.print == b.print
      && a.ignoreNumberStoredAsText == b.ignoreNumberStoredAsText
      && a.cells == b.cells
  }

  /// The index of `style` in the style table, adding it when new.
  private mutating func styleIndex(_ style: CellStyle) -> Int {
    if lastStyleIndex < styles.count, styles[lastStyleIndex] == style { return lastStyleIndex }
    let index =
      styles.firstIndex(of: style)
      ?? {
        styles.append(style)
        return styles.count - 1
      }()
    lastStyleIndex = index
    return index
  }

  /// The position of the first stored row at or after `row` (binary search).
  func firstRowIndex(notBefore row: Int) -> Int {
    storedRows.partitionPoint { $0.row >= row }
  }

  private func rowIndex(_ row: Int) -> Int? {
    let i = firstRowIndex(notBefore: row)
    return i < storedRows.count && storedRows[i].row == row ? i : nil
  }
}

/// One stored cell of a row: its column, value and index into the sheet's style table.
struct StoredCell: Sendable {
  var column: Int
  var value: CellValue?
  var style: Int
}

/// The stored cells of one row, in column order.
struct StoredRow: Sendable {
  var row: Int
  var cells: [StoredCell]

  /// Adds or replaces the cell in its column.
  mutating func set(_ cell: StoredCell) {
    if cells.last.map({ $0.column < cell.column }) ?? true {
      cells.append(cell)
      return
    }
    let position = firstIndex(notBefore: cell.column)
    if cells[position].column == cell.column { cells[position] = cell } else { cells.insert(cell, at: position) }
  }

  /// The position of the cell in `column`, if stored.
  func index(of column: Int) -> Int? {
    let i = firstIndex(notBefore: column)
    return i < cells.count && cells[i].column == column ? i : nil
  }

  private func firstIndex(notBefore column: Int) -> Int {
    cells.partitionPoint { $0.column >= column }
  }
}

extension Array {
  /// The index of the first element that satisfies `isAfter`, found by binary search: the
  /// elements are ordered so that it is false for a prefix and true for the rest.
  fileprivate func partitionPoint(_ isAfter: (Element) -> Bool) -> Int {
    var low = 0
    var high = count
    while low < high {
      let mid = (low + high) / 2
      if isAfter(self[mid]) { high = mid } else { low = mid + 1 }
    }
    return low
  }
}
