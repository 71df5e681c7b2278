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
/// findings list shows it as text. Places are looked up when asked (a report names a few), so
/// indexing costs one entry per table, not one string per cell.
struct ReportCellIndex: Sendable {
  /// One rendered table with the table it renders.
  struct Entry: Sendable {
    var sheet: Int
    var table: BudgetTable
    var rendered: RenderedTable
  }

  private var entries: [Entry] = []
  /// The tables by the text before `!` in their places: the rules' spelling (the sheet, or the
  /// file of a CSV) and the reader's (`file sheet`).
  private var bySource: [String: [Int]] = [:]
  private var forms: [String: [PrintedCell]] = [:]

  /// Indexes the rendered tables (each with the table it renders) and the forms, by sheet position.
  init(
    tables: [(sheet: Int, table: BudgetTable, rendered: RenderedTable)], forms: [(sheet: Int, form: PerformanceForm)]
  ) {
    for (sheet, table, rendered) in tables {
      guard let source = table.source else { continue }
      let index = entries.count
      entries.append(Entry(sheet: sheet, table: table, rendered: rendered))
      bySource[source.sheet ?? source.file, default: []].append(index)
      if let sheetName = source.sheet { bySource["\(source.file) \(sheetName)", default: []].append(index) }
    }
    for (sheet, form) in forms {
      guard let source = form.source else { continue }
      let title = PrintedCell(sheet: sheet, address: CellAddress(row: 0, column: 0))
      self.forms[[source.file, source.sheet].compactMap { $0 }.joined(separator: " "), default: []].append(title)
    }
  }

  /// The printed cells of a place, if known.
  func cells(_ place: String) -> [PrintedCell] {
    if let form = forms[place] { return form }
    guard let bang = place.lastIndex(of: "!"), let tables = bySource[String(place[..<bang])] else { return [] }
    let reference = place[place.index(after: bang)...]
    var out: [PrintedCell] = []
    for t in tables {
      let entry = entries[t]
      if let line = Self.wholeRow(reference) {
        forEachRow(of: entry, line: line) { s, i in
          if let address = entry.rendered.rowCells[s][i] {
            out.append(PrintedCell(sheet: entry.sheet, address: address))
          }
        }
      } else if let (letters, line) = Self.cell(reference) {
        forEachRow(of: entry, line: line) { s, i in
          guard let k = entry.table.sections[s].columnLetters?.firstIndex(of: letters),
            k < entry.rendered.amountCells[s][i].count, let address = entry.rendered.amountCells[s][i][k]
          else { return }
          out.append(PrintedCell(sheet: entry.sheet, address: address))
        }
      }
    }
    return out
  }

  /// Calls `body` with the section and row index of every row read from a source line.
  private func forEachRow(of entry: Entry, line: Int, _ body: (Int, Int) -> Void) {
    for (s, section) in entry.table.sections.enumerated() where s < entry.rendered.amountCells.count {
      for (i, row) in section.rows.enumerated() where row.line == line && i < entry.rendered.amountCells[s].count {
        body(s, i)
      }
    }
  }

  /// `8` for `8:8`.
  static func wholeRow(_ reference: Substring) -> Int? {
    let parts = reference.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 2, parts[0] == parts[1], let line = Int(parts[0]) else { return nil }
    return line
  }

  /// `("C", 5)` for `C5`.
  static func cell(_ reference: Substring) -> (String, Int)? {
    guard let firstDigit = reference.firstIndex(where: \.isASCIIDigitCharacter), firstDigit > reference.startIndex,
      reference[..<firstDigit].allSatisfy({ $0.isASCII && $0.isUppercase }), let line = Int(reference[firstDigit...])
    else { return nil }
    return (String(reference[..<firstDigit]), line)
  }
}

extension Character {
  fileprivate var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
