import Sheets

/// How one column of the flat sheet is styled.
struct BenchColumn {
  /// Width in character units.
  var width: Double
  /// Excel number format (`@` text, `#,##0.00`), or nil for General.
  var numberFormat: String?
}

/// Writes the flat formatted sheet with Sheets' constant-memory writer: bold header, the
/// columns' widths and number formats; `writeRow(i, writer)` fills data row i cell by cell.
func writeFlat(
  path: String, sheetName: String, header: [String], columns: [BenchColumn],
  rowCount: Int, writeRow: (Int, FlatRowWriter) throws -> Void
) throws {
  let flat = zip(header, columns).map { name, column in
    FlatColumn(header: name, style: CellStyle(numberFormat: column.numberFormat), width: column.width)
  }
  try XLSXWriter.writeFlat(to: path, sheetName: sheetName, columns: flat) { writer in
    for i in 0..<rowCount {
      try writer.startRow()
      try writeRow(i, writer)
    }
  }
}
