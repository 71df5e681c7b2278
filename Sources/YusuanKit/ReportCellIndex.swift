import Budget
import Layouts
import Sheets

/// A cell of the report: which printed sheet (a table or a form) and which cell of it.
struct PrintedCell: Hashable, Sendable {
  /// The position of the sheet in the report.
  var sheet: Int
  /// The cell in the rendered sheet.
  var address: CellAddress
}

/// From the places findings and read notes name (source cells such as `预算公开表6!C5`,
/// `book.xlsx 预算公开表6!C5`, whole rows `预算公开表3!8:8`, a form's sheet) to the cells the
/// report prints those values in. A place the index does not know stays unmarked, and the
/// findings list shows it as text.
struct ReportCellIndex: Sendable {
  private var places: [String: [PrintedCell]] = [:]

  /// Indexes the rendered tables (each with the table it renders) and the forms, by sheet position.
  init(tables: [(sheet: Int, table: BudgetTable, rendered: RenderedTable)], forms: [(sheet: Int, form: PerformanceForm)]) {
    for (sheet, table, rendered) in tables {
      guard let source = table.source else { continue }
      for (s, section) in table.sections.enumerated() {
        let letters = section.columnLetters ?? []
        for (i, row) in section.rows.enumerated() {
          guard let line = row.line else { continue }
          for (k, letter) in letters.enumerated() where !letter.isEmpty {
            guard s < rendered.amountCells.count, i < rendered.amountCells[s].count, k < rendered.amountCells[s][i].count,
              let address = rendered.amountCells[s][i][k]
            else { continue }
            add(source, "\(letter)\(line)", PrintedCell(sheet: sheet, address: address))
          }
          if s < rendered.rowCells.count, i < rendered.rowCells[s].count, let address = rendered.rowCells[s][i] {
            add(source, "\(line):\(line)", PrintedCell(sheet: sheet, address: address))
          }
        }
      }
    }
    for (sheet, form) in forms {
      guard let source = form.source else { continue }
      let title = PrintedCell(sheet: sheet, address: CellAddress(row: 0, column: 0))
      places[[source.file, source.sheet].compactMap { $0 }.joined(separator: " "), default: []].append(title)
    }
  }

  /// The printed cells of a place, if known.
  func cells(_ place: String) -> [PrintedCell] { places[place] ?? [] }

  /// Records a source cell under both spellings: the rules' (`sheet!C5`, or `file!C5` for a CSV)
  /// and the reader's (`file sheet!C5`).
  private mutating func add(_ source: SourceRef, _ a1: String, _ cell: PrintedCell) {
    places[source.cell(a1), default: []].append(cell)
    if let sheet = source.sheet { places["\(source.file) \(sheet)!\(a1)", default: []].append(cell) }
  }
}
