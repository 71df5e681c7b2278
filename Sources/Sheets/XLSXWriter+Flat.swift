internal import CXlsxWriter

/// A column of a flat export: its header text, the style of its data cells and its width.
package struct FlatColumn: Sendable, Equatable {
  /// Header text in row 1.
  package var header: String
  /// Style of the data cells, e.g. `CellStyle(numberFormat: "#,##0.00")` for amounts.
  package var style: CellStyle
  /// Width in character units; nil keeps Excel's default.
  package var width: Double?

  /// Creates a column.
  package init(header: String, style: CellStyle = .plain, width: Double? = nil) {
    self.header = header
    self.style = style
    self.width = width
  }
}

/// Appends data rows to a flat sheet, strictly in order, while `XLSXWriter.writeFlat` runs:
/// either a whole row at a time (`append(_:)`), or cell by cell (`startRow()`, then `write…`),
/// which builds no array and no number text per cell.
///
/// Valid only inside the `writeFlat` call that handed it out.
package final class FlatRowWriter {
  private let sheet: UnsafeMutablePointer<lxw_worksheet>
  private let formats: [UnsafeMutablePointer<lxw_format>?]
  private let sheetName: String
  private var isOpen = true
  /// Data rows started so far (the header row not counted); the last one is the row being written.
  package private(set) var rowCount = 0

  fileprivate init(
    sheet: UnsafeMutablePointer<lxw_worksheet>, formats: [UnsafeMutablePointer<lxw_format>?], sheetName: String
  ) {
    self.sheet = sheet
    self.formats = formats
    self.sheetName = sheetName
  }

  fileprivate func invalidate() { isOpen = false }

  /// Writes the next row; values beyond the declared columns are written unstyled.
  package func append(_ values: [CellValue?]) throws {
    try startRow()
    for (column, value) in values.enumerated() {
      switch value {
      case .text(let s)?, .error(let s)?:
        try write(text: s, column: column)
      case .number(let s)?:
        guard let number = XLSXWriter.number(s) else {
          throw WriteError.invalidNumber(sheet: sheetName, cell: CellAddress(row: rowCount, column: column), text: s)
        }
        try write(number: number, column: column)
      case .bool(let b)?:
        try write(bool: b, column: column)
      case nil:
        try writeBlank(column: column)
      }
    }
  }

  /// Starts the next data row; the `write…` methods then fill its cells, in any column order.
  package func startRow() throws {
    precondition(isOpen, "FlatRowWriter used outside its writeFlat call")
    guard rowCount + 1 <= CellAddress.maxRow else {
      throw WriteError.cellOutOfRange(sheet: sheetName, cell: CellAddress(row: rowCount + 1, column: 0))
    }
    rowCount += 1
  }

  /// Writes text into a column of the current row; empty text counts as a blank cell.
  package func write(text: String, column: Int) throws {
    guard !text.isEmpty else { return try writeBlank(column: column) }
    let (col, format) = try cell(column)
    if text.utf8.count > XLSXWriter.maxTextLength {
      try XLSXWriter.checkTextLength(text, cell: CellAddress(row: rowCount, column: column).a1, sheet: sheetName)
    }
    try check(worksheet_write_string(sheet, lxw_row_t(rowCount), col, OOXMLText.escaped(text), format))
  }

  /// Writes a number into a column of the current row; it must be finite.
  package func write(number: Double, column: Int) throws {
    let (col, format) = try cell(column)
    guard number.isFinite else {
      throw WriteError.invalidNumber(
        sheet: sheetName, cell: CellAddress(row: rowCount, column: column), text: "\(number)")
    }
    try check(worksheet_write_number(sheet, lxw_row_t(rowCount), col, number, format))
  }

  /// Writes a boolean into a column of the current row.
  package func write(bool: Bool, column: Int) throws {
    let (col, format) = try cell(column)
    try check(worksheet_write_boolean(sheet, lxw_row_t(rowCount), col, bool ? 1 : 0, format))
  }

  /// Marks a column of the current row blank: nothing is written unless the column is styled.
  package func writeBlank(column: Int) throws {
    let (col, format) = try cell(column)
    guard format != nil else { return }
    try check(worksheet_write_blank(sheet, lxw_row_t(rowCount), col, format))
  }

  /// The checked column and its format, for a cell of the current row.
  @inline(__always)
  private func cell(_ column: Int) throws -> (lxw_col_t, UnsafeMutablePointer<lxw_format>?) {
    precondition(isOpen && rowCount > 0, "FlatRowWriter: startRow() first, inside writeFlat")
    guard column >= 0, column <= CellAddress.maxColumn else {
      throw WriteError.cellOutOfRange(sheet: sheetName, cell: CellAddress(row: rowCount, column: max(column, 0)))
    }
    return (lxw_col_t(column), column < formats.count ? formats[column] : nil)
  }

  @inline(__always)
  private func check(_ code: lxw_error) throws {
    try WorkbookHandle.check(code, "sheet \(sheetName) row \(rowCount + 1)")
  }
}

extension XLSXWriter {
  /// Writes one plain sheet (a header row, then data rows) in libxlsxwriter's constant-memory mode,
  /// so memory stays flat however many rows `body` appends. Atomic like `write(_:to:refusing:)`.
  ///
  /// Rows are written strictly in order and nothing can be merged: this is for big exports, not
  /// for the formatted disclosure layout. Package access: the Sheets benchmark's writer, not
  /// part of the public API.
  package static func writeFlat(
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
            worksheet_write_string(ws, 0, lxw_col_t(index), OOXMLText.escaped(column.header), headerFormat),
            "sheet \(sheetName) header")
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
  package static func writeFlat<Rows: Sequence>(
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
