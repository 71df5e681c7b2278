import Budget
import Sheets

/// The `tidy` CSV layout: one header row of canonical column names and one record per table row,
/// ready for scripts. An empty table keeps its note as a record of kind `note`, so that title,
/// department and year survive.
public enum TidyCSV {
  /// The leading columns, before the amount columns.
  public static let leadingColumns = ["table", "title", "department", "year", "section", "kind", "code", "name", "second_name"]

  /// The records of one table, header first.
  public static func rows(_ table: BudgetTable, in disclosure: Disclosure) -> [[CSVField]] {
    var amountKeys: [String] = []
    for section in table.sections { for key in section.columns where !amountKeys.contains(key) { amountKeys.append(key) } }
    var out: [[CSVField]] = [(leadingColumns + amountKeys).map(CSVField.text)]
    let lead = { (section: String, kind: String, code: String, name: String, second: String) -> [CSVField] in
      [
        .number(String(table.number)), .text(table.title), .text(disclosure.department),
        disclosure.year.map { .number(String($0)) } ?? .text(""), .text(section), .text(kind), .text(code), .text(name),
        .text(second),
      ]
    }
    for section in table.sections {
      for row in section.rows {
        var record = lead(section.role.rawValue, row.kind.rawValue, row.code ?? "", row.name, row.secondName ?? "")
        for key in amountKeys {
          record.append(section.amount(row, key).map { .number($0.text()) } ?? .text(""))
        }
        out.append(record)
      }
    }
    if let note = table.note {
      out.append(lead(table.sections.first?.role.rawValue ?? "main", "note", "", note, "") + amountKeys.map { _ in .text("") })
    }
    return out
  }

  /// Whether a grid is a tidy CSV (its first row starts with the leading columns).
  public static func isTidy(_ grid: Grid) -> Bool {
    guard let first = grid.rows.first, first.index == 0 else { return false }
    return leadingColumns.enumerated().allSatisfy { i, name in first.value(at: i)?.text == name }
  }

  /// Reads a tidy CSV grid back into a table and the disclosure facts it carries.
  public static func read(_ grid: Grid, file: String, layouts: LayoutSet) throws(ReadIssue) -> TableReading {
    let header = (0..<grid.columnCount).map { grid[0, $0]?.text ?? "" }
    let amountKeys = Array(header.dropFirst(leadingColumns.count))
    let cell = { (r: Int, c: Int) -> String in grid[r, c]?.text ?? "" }
    func fail(_ row: Int, _ zh: String, _ en: String) -> ReadIssue {
      ReadIssue(location: "\(file)!\(CellAddress(row: row, column: 0).a1)", zh: zh, en: en)
    }
    guard grid.rowCount > 1, let number = Int(cell(1, 0)), let layout = layouts.layout(number) else {
      throw fail(1, "整洁格式 CSV 缺少有效的表号（table 列应为 1–13）", "tidy CSV lacks a valid table number (column table must be 1–13)")
    }
    var sections = layout.sections.map { TableSection(role: $0.role, columns: $0.amountKeys) }
    var note: String?
    var issues: [ReadIssue] = []
    for r in 1..<grid.rowCount {
      guard Int(cell(r, 0)) == number else {
        throw fail(r, "整洁格式 CSV 的每行应属于同一张表（第 \(r + 1) 行）", "every record of a tidy CSV must belong to one table (line \(r + 1))")
      }
      let kind = cell(r, 5)
      if kind == "note" {
        note = cell(r, 7)
        continue
      }
      guard let role = SectionRole(rawValue: cell(r, 4)), let s = sections.firstIndex(where: { $0.role == role }),
        let rowKind = RowKind(rawValue: kind)
      else {
        throw fail(r, "第 \(r + 1) 行的 section 或 kind 无法识别", "line \(r + 1): unknown section or kind")
      }
      var amounts: [Amount?] = Array(repeating: nil, count: sections[s].columns.count)
      for (i, key) in amountKeys.enumerated() {
        let text = cell(r, leadingColumns.count + i).trimmingWhitespace()
        guard !text.isEmpty else { continue }
        guard let a = Amount(parsing: text) else {
          issues.append(.unreadableAmount(text, at: "\(file)!\(CellAddress(row: r, column: leadingColumns.count + i).a1)"))
          continue
        }
        if let k = sections[s].columns.firstIndex(of: key) { amounts[k] = a }
      }
      let code = cell(r, 6)
      let second = cell(r, 8)
      sections[s].rows.append(
        BudgetRow(kind: rowKind, code: code.isEmpty ? nil : code, name: cell(r, 7), secondName: second.isEmpty ? nil : second,
          amounts: amounts, line: r + 1))
      let letters = amountKeys.indices.map { CellAddress.columnLetters(leadingColumns.count + $0) }
      sections[s].columnLetters = sections[s].columns.map { key in amountKeys.firstIndex(of: key).map { letters[$0] } ?? "" }
    }
    let table = BudgetTable(
      number: number, title: cell(1, 1), note: note, sections: sections,
      source: SourceRef(file: file, range: grid.usedRange?.a1))
    return TableReading(
      table: table, department: cell(1, 2), year: Int(cell(1, 3)), titleCell: CellAddress(row: 0, column: 0),
      headerRows: 1...1, columnMap: header.enumerated().map { ColumnMapping(column: CellAddress.columnLetters($0), header: $1, field: $1, section: .main) },
      dataRowCount: grid.rowCount - 1, issues: issues)
  }
}
