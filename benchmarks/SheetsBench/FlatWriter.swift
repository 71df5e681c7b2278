import Sheets

/// How one column of the flat sheet is styled.
struct BenchColumn {
  /// Width in character units.
  var width: Double
  /// Excel number format (`@` text, `#,##0.00`), or nil for General.
  var numberFormat: String?
}

/// Writes the flat formatted sheet with Sheets' constant-memory writer.
///
/// The one place that calls `XLSXWriter.writeFlat`, whose signature is not final yet: adapt
/// this body when it lands (bold header, `columns` widths and formats, `row(i)` for data row i).
func writeFlat(
  path: String, sheetName: String, header: [String], columns: [BenchColumn],
  rowCount: Int, row: (Int) -> [CellValue?]
) throws {
  // Replace with: try XLSXWriter.writeFlat(path: path, sheetName: sheetName, header: header,
  //   rowCount: rowCount, columnStyles: …, row: row)
  throw BenchError.unavailable("Sheets.XLSXWriter.writeFlat 尚未合入（见 benchmarks/SheetsBench/FlatWriter.swift）")
}
