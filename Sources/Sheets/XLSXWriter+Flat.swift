import CXlsxWriter

/// A column of a flat export: its header text, the style of its data cells and its width.
public struct FlatColumn: Sendable, Equatable {
  /// Header text in row 1.
  public var header: String
  /// Style of the data cells, e.g. `CellStyle(numberFormat: "#,##0.00")` for amounts.
  public var style: CellStyle
  /// Width in character units; nil keeps Excel's default.
  public var width: Double?

  /// Creates a column.
  public init(header: String, style: CellStyle = .plain, width: Double? = nil) {
    self.header = header
    self.style = style
    self.width = width
  }
}

/// Appends data rows to a flat sheet, strictly in order, while `XLSXWriter.writeFlat` runs.
///
/// Valid only inside the `writeFlat` call that handed it out.
public final class FlatRowWriter {
  private let sheet: UnsafeMutablePointer<lxw_worksheet>
  private let formats: [UnsafeMutablePointer<lxw_format>?]
  private let sheetName: String
  private var isOpen = true
  /// Data rows written so far (the header row not counted).
  public private(set) var rowCount = 0

  fileprivate init(sheet: UnsafeMutablePointer<lxw_worksheet>, formats: [UnsafeMutablePointer<lxw_format>?], sheetName: String) {
    self.sheet = sheet
    self.formats = formats
    self.sheetName = sheetName
  }

  fileprivate func invalidate() { isOpen = false }

  /// Writes the next row; values beyond the declared columns are written unstyled.
  public func append(_ values: [CellValue?]) throws {
    precondition(isOpen, "FlatRowWriter used outside its writeFlat call")
    let rowIndex = rowCount + 1
    guard rowIndex <= CellAddress.maxRow else {
      throw WriteError.cellOutOfRange(sheet: sheetName, cell: CellAddress(row: rowIndex, column: 0))
    }
    let row = lxw_row_t(rowIndex)
    for (column, value) in values.enumerated() {
      guard column <= CellAddress.maxColumn else {
        throw WriteError.cellOutOfRange(sheet: sheetName, cell: CellAddress(row: rowIndex, column: column))
      }
      let format = column < formats.count ? formats[column] : nil
      let col = lxw_col_t(column)
      let code: lxw_error
      switch value {
      case .text(let s)? where !s.isEmpty, .error(let s)? where !s.isEmpty:
        if s.utf8.count > XLSXWriter.maxTextLength {
          try XLSXWriter.checkTextLength(s, cell: CellAddress(row: rowIndex, column: column).a1, sheet: sheetName)
        }
        code = worksheet_write_string(sheet, row, col, s, format)
      case .number(let s)?:
        guard let number = XLSXWriter.number(s) else {
          throw WriteError.invalidNumber(sheet: sheetName, cell: CellAddress(row: rowIndex, column: column), text: s)
        }
        code = worksheet_write_number(sheet, row, col, number, format)
      case .bool(let b)?:
        code = worksheet_write_boolean(sheet, row, col, b ? 1 : 0, format)
      default:
        guard format != nil else { continue }
        code = worksheet_write_blank(sheet, row, col, format)
      }
      try WorkbookHandle.check(code, "sheet \(sheetName) row \(rowIndex + 1)")
    }
    rowCount += 1
  }
}

extension XLSXWriter {
  /// Writes one plain sheet (a header row, then data rows) in libxlsxwriter's constant-memory mode,
  /// so memory stays flat however many rows `body` appends. Atomic like `write(_:to:refusing:)`.
  ///
  /// Rows are written strictly in order and nothing can be merged: this is for big exports, not
  /// for the formatted disclosure layout.
  public static func writeFlat(
    to path: String, sheetName: String = "Sheet1", columns: [FlatColumn],
    headerStyle: CellStyle = CellStyle(bold: true), freezeHeader: Bool = true,
    properties: DocumentProperties = DocumentProperties(), refusing inputs: [String] = [],
    _ body: (FlatRowWriter) throws -> Void
  ) throws {
    try validateSheetName(sheetName)
    guard columns.count <= CellAddress.maxColumn + 1 else {
      throw WriteError.cellOutOfRange(sheet: sheetName, cell: CellAddress(row: 0, column: columns.count - 1))
    }
    for (index, column) in columns.enumerated() {
      try checkTextLength(column.header, cell: CellAddress(row: 0, column: index).a1, sheet: sheetName)
    }
    try AtomicFile.write(to: path, refusing: inputs) { tempPath in
      try WorkbookHandle.withCLocale {
        let handle = try WorkbookHandle(path: tempPath, constantMemory: true)
        try handle.setProperties(properties)
        let ws = try handle.addWorksheet(sheetName)
        for (index, column) in columns.enumerated() {
          if let width = column.width {
            try WorkbookHandle.check(
              worksheet_set_column(ws, lxw_col_t(index), lxw_col_t(index), width, nil), "sheet \(sheetName) width")
          }
        }
        if freezeHeader { worksheet_freeze_panes(ws, 1, 0) }
        let headerFormat = handle.format(headerStyle)
        for (index, column) in columns.enumerated() where !column.header.isEmpty {
          try WorkbookHandle.check(
            worksheet_write_string(ws, 0, lxw_col_t(index), column.header, headerFormat), "sheet \(sheetName) header")
        }
        let writer = FlatRowWriter(sheet: ws, formats: columns.map { handle.format($0.style) }, sheetName: sheetName)
        defer { writer.invalidate() }
        try body(writer)
        try handle.close()
      }
    }
  }

  /// Writes a header row and the rows of a sequence (each an array of optional values) in
  /// constant-memory mode; see `writeFlat(to:sheetName:columns:headerStyle:freezeHeader:properties:refusing:_:)`.
  public static func writeFlat<Rows: Sequence>(
    to path: String, sheetName: String = "Sheet1", columns: [FlatColumn], rows: Rows,
    headerStyle: CellStyle = CellStyle(bold: true), freezeHeader: Bool = true,
    properties: DocumentProperties = DocumentProperties(), refusing inputs: [String] = []
  ) throws where Rows.Element == [CellValue?] {
    try writeFlat(
      to: path, sheetName: sheetName, columns: columns, headerStyle: headerStyle, freezeHeader: freezeHeader,
      properties: properties, refusing: inputs
    ) { writer in
      for row in rows { try writer.append(row) }
    }
  }
}
