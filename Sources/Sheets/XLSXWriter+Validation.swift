/// Checks a styled workbook against Excel's and libxlsxwriter's rules before any file is touched,
/// so that refusals are typed errors and the C library never prints warnings or writes a corrupt file.
extension XLSXWriter {
  /// Excel's longest cell text, in characters.
  static let maxTextLength = 32_767
  /// Excel's longest header, footer or document-property text.
  static let maxShortTextLength = 255

  /// Throws the first rule the workbook breaks: sheet names, cell positions, texts, numbers, merges.
  public static func validate(_ workbook: StyledWorkbook) throws {
    guard !workbook.sheets.isEmpty else { throw WriteError.noSheets }
    var seen: Set<String> = []
    for sheet in workbook.sheets {
      try validateSheetName(sheet.name)
      guard seen.insert(sheet.name.lowercased()).inserted else { throw WriteError.duplicateSheetName(name: sheet.name) }
      try validate(sheet)
    }
  }

  /// Excel's sheet-name rules: 1–31 characters, none of `[]:*?/\`, no leading or trailing `'`.
  static func validateSheetName(_ name: String) throws(WriteError) {
    let count = name.unicodeScalars.count
    let forbidden: Set<Unicode.Scalar> = ["[", "]", ":", "*", "?", "/", "\\"]
    guard count >= 1, count <= 31, !name.unicodeScalars.contains(where: forbidden.contains),
      !name.hasPrefix("'"), !name.hasSuffix("'"), name.lowercased() != "history"
    else { throw .invalidSheetName(name: name) }
  }

  static func validate(_ sheet: StyledSheet) throws(WriteError) {
    let name = sheet.name
    // Stored cells come in address order, so a sheet with several faults always reports the first.
    for stored in sheet.storedRows {
      for cell in stored.cells {
        let address = CellAddress(row: stored.row, column: cell.column)
        try checkInGrid(address, sheet: name)
        if let value = cell.value { try checkValue(value, at: address, sheet: name) }
      }
    }
    for merge in sheet.merges {
      try checkInGrid(merge.range.first, sheet: name)
      try checkInGrid(merge.range.last, sheet: name)
      guard merge.range.cellCount > 1 else { throw .singleCellMerge(sheet: name, range: merge.range) }
      if let value = merge.value { try checkValue(value, at: merge.range.first, sheet: name) }
    }
    try checkOverlaps(sheet.merges.map(\.range), sheet: name)
    try checkCoveredCells(sheet)
    for column in sheet.columnWidths.keys { try checkInGrid(CellAddress(row: 0, column: column), sheet: name) }
    for row in sheet.rowHeights.keys { try checkInGrid(CellAddress(row: row, column: 0), sheet: name) }
    if let freeze = sheet.freezePanes { try checkInGrid(freeze, sheet: name) }
    if let rows = sheet.print.repeatRows {
      try checkInGrid(CellAddress(row: rows.lowerBound, column: 0), sheet: name)
      try checkInGrid(CellAddress(row: rows.upperBound, column: 0), sheet: name)
    }
    for range in sheet.ignoreNumberStoredAsText {
      try checkInGrid(range.first, sheet: name)
      try checkInGrid(range.last, sheet: name)
    }
    for (label, text) in [("header", sheet.print.header), ("footer", sheet.print.footer)] {
      if let text, text.unicodeScalars.count > maxShortTextLength {
        throw .textTooLong(sheet: name, cell: label, length: text.unicodeScalars.count, limit: maxShortTextLength)
      }
    }
  }

  static func checkInGrid(_ address: CellAddress, sheet: String) throws(WriteError) {
    guard (0...CellAddress.maxRow).contains(address.row), (0...CellAddress.maxColumn).contains(address.column) else {
      throw .cellOutOfRange(sheet: sheet, cell: address)
    }
  }

  /// Texts within Excel's length, numbers plain decimals that `Double` can hold.
  static func checkValue(_ value: CellValue, at address: CellAddress, sheet: String) throws(WriteError) {
    switch value {
    case .text(let s), .error(let s):
      try checkTextLength(s, cell: address.a1, sheet: sheet)
    case .number(let s):
      guard number(s) != nil else { throw .invalidNumber(sheet: sheet, cell: address, text: s) }
    case .bool: break
    }
  }

  /// Fails when a text has more characters than a cell may hold; counts only when the byte count could exceed it.
  static func checkTextLength(_ s: String, cell: @autoclosure () -> String, sheet: String) throws(WriteError) {
    guard s.utf8.count > maxTextLength else { return }
    let length = s.unicodeScalars.count
    if length > maxTextLength { throw .textTooLong(sheet: sheet, cell: cell(), length: length, limit: maxTextLength) }
  }

  /// The `Double` of a plain decimal text, or nil (hex, `inf`, `nan`, spaces and overflow are refused).
  static func number(_ text: String) -> Double? {
    guard DecimalText.isDecimal(text, allowGrouping: false), let value = Double(text), value.isFinite else {
      return nil
    }
    return value
  }

  /// Refuses overlapping merges (libxlsxwriter would write them and Excel would call the file corrupt).
  /// Sweeps merges in row order so that only ranges sharing rows are compared.
  static func checkOverlaps(_ ranges: [CellRange], sheet: String) throws(WriteError) {
    let order = ranges.indices.sorted { (ranges[$0].first.row, $0) < (ranges[$1].first.row, $1) }
    var active: [Int] = []
    for index in order {
      let range = ranges[index]
      active.removeAll { ranges[$0].last.row < range.first.row }
      for other in active where ranges[other].overlaps(range) {
        let (a, b) = other < index ? (other, index) : (index, other)
        throw .overlappingMerges(sheet: sheet, first: ranges[a], second: ranges[b])
      }
      active.append(index)
    }
  }

  /// Refuses a value in a cell that a merge covers: only the merge's own value is shown.
  static func checkCoveredCells(_ sheet: StyledSheet) throws(WriteError) {
    guard !sheet.merges.isEmpty else { return }
    var merged = MergeSweep(sheet.merges)
    for stored in sheet.storedRows {
      merged.advance(to: stored.row)
      for cell in stored.cells where cell.value != nil && merged.covers(column: cell.column) {
        let address = CellAddress(row: stored.row, column: cell.column)
        let merge = sheet.merges.first { $0.range.contains(address) }!.range
        throw .valueCoveredByMerge(sheet: sheet.name, cell: address, merge: merge)
      }
    }
  }

  /// The stored cells that lie inside a merge.
  static func coveredCells(_ sheet: StyledSheet) -> Set<CellAddress> {
    var covered: Set<CellAddress> = []
    var merged = MergeSweep(sheet.merges)
    for stored in sheet.storedRows {
      merged.advance(to: stored.row)
      for cell in stored.cells where merged.covers(column: cell.column) {
        covered.insert(CellAddress(row: stored.row, column: cell.column))
      }
    }
    return covered
  }
}

/// Which columns the merges cover, row by row, for rows visited in increasing order: only the
/// merges spanning the current row are kept, so a cell is checked against a handful of ranges.
struct MergeSweep {
  /// Merge ranges in order of their first row.
  private let ranges: [CellRange]
  private var next = 0
  /// The merges spanning the current row.
  private var active: [CellRange] = []

  init(_ merges: [StyledMerge]) {
    ranges = merges.map(\.range).sorted { $0.first.row < $1.first.row }
  }

  /// Moves to `row`, which must not be before the previous one.
  mutating func advance(to row: Int) {
    active.removeAll { $0.last.row < row }
    while next < ranges.count, ranges[next].first.row <= row {
      if ranges[next].last.row >= row { active.append(ranges[next]) }
      next += 1
    }
  }

  /// Whether a merge spanning the current row covers `column`.
  func covers(column: Int) -> Bool {
    active.contains { $0.first.column <= column && column <= $0.last.column }
  }
}
