import Budget
import Sheets

/// The `tidy` CSV layout: one header row of canonical column names and one record per table row,
/// ready for scripts. An empty table keeps its note as a record of kind `note`, or without a note
/// one record of kind `table`, so that the table, its title, department and year survive.
public enum TidyCSV {
  /// The leading columns, before the amount columns.
  public static let leadingColumns = [
    "template", "table", "table_kind", "title", "department", "year", "unit", "section", "kind", "code", "name",
    "second_name",
  ]
  /// The leading columns written before version 2 of the model (Datong/Shanxi tables in 万元),
  /// which still read.
  static let version1Columns = [
    "table", "title", "department", "year", "section", "kind", "code", "name", "second_name",
  ]

  /// The records of one table, header first.
  public static func rows(_ table: BudgetTable, in disclosure: Disclosure) -> [[CSVField]] {
    var amountKeys: [String] = []
    for section in table.sections {
      for key in section.columns where !amountKeys.contains(key) { amountKeys.append(key) }
    }
    var out: [[CSVField]] = [(leadingColumns + amountKeys).map(CSVField.text)]
    let lead = { (section: String, kind: String, code: String, name: String, second: String) -> [CSVField] in
      [
        .text(disclosure.templateSet), .number(String(table.number)), .text(table.kind.rawValue), .text(table.title),
        .text(disclosure.department), disclosure.year.map { .number(String($0)) } ?? .text(""), .text(table.unit),
        .text(section), .text(kind), .text(code), .text(name), .text(second),
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
    let section = table.sections.first?.role.rawValue ?? "main"
    if let note = table.note {
      out.append(lead(section, "note", "", note, "") + amountKeys.map { _ in .text("") })
    } else if out.count == 1 {
      out.append(lead(section, "table", "", "", "") + amountKeys.map { _ in .text("") })
    }
    return out
  }

  /// The leading columns of a grid's first row, if it is a tidy CSV.
  static func columns(of grid: Grid) -> [String]? {
    guard let first = grid.rows.first, first.index == 0 else { return nil }
    for columns in [leadingColumns, version1Columns]
    where columns.enumerated().allSatisfy({ i, name in first.value(at: i)?.text == name }) {
      return columns
    }
    return nil
  }

  /// Whether a grid is a tidy CSV (its first row starts with the leading columns).
  public static func isTidy(_ grid: Grid) -> Bool { columns(of: grid) != nil }

  /// Reads a tidy CSV grid back into a table and the disclosure facts it carries. The table's set
  /// comes from its `template` column (version-1 files: the Datong/Shanxi set).
  public static func read(_ grid: Grid, file: String, sets: [LayoutSet]) throws(ReadIssue) -> TableReading {
    let lead = columns(of: grid) ?? leadingColumns
    let header = (0..<grid.columnCount).map { grid[0, $0]?.text ?? "" }
    let amountKeys = Array(header.dropFirst(lead.count))
    let position = Dictionary(uniqueKeysWithValues: lead.enumerated().map { ($1, $0) })
    let cell = { (r: Int, c: Int) -> String in grid[r, c]?.text ?? "" }
    let field = { (r: Int, name: String) -> String in position[name].map { cell(r, $0) } ?? "" }
    func fail(_ row: Int, _ zh: String, _ en: String) -> ReadIssue {
      ReadIssue(
        location: "\(file)!\(CellAddress(row: row, column: 0).a1)", zh: zh, en: en, ruleId: "read.tidy-csv",
        severity: .error)
    }
    let isVersion1 = lead == version1Columns
    let setID = isVersion1 ? Disclosure.datongSet : field(1, "template")
    guard let set = sets.first(where: { $0.name == setID }) ?? TemplateSets.set(setID) else {
      throw fail(
        1, "整洁格式 CSV 的模板“\(setID)”未知（yusuan templates 列出可用模板）",
        "tidy CSV names the unknown template \(setID) (see yusuan templates)")
    }
    guard grid.rowCount > 1, let number = Int(field(1, "table")), let layout = set.layout(number) else {
      throw fail(
        1, "整洁格式 CSV 缺少有效的表号（table 列应为模板“\(set.nameZh)”中的表号）",
        "tidy CSV lacks a valid table number of the template \(set.nameEn)")
    }
    let unit = isVersion1 ? "万元" : field(1, "unit")
    guard unit == "万元" || unit == "元" else {
      throw fail(1, "整洁格式 CSV 的 unit 列应为 万元 或 元", "the unit column of a tidy CSV must be 万元 or 元")
    }
    var sections = layout.sections.map { TableSection(role: $0.role, columns: $0.amountKeys) }
    var note: String?
    var issues: [ReadIssue] = []
    for r in 1..<grid.rowCount {
      guard Int(field(r, "table")) == number else {
        throw fail(
          r, "整洁格式 CSV 的每行应属于同一张表（第 \(r + 1) 行）", "every record of a tidy CSV must belong to one table (line \(r + 1))")
      }
      let kind = field(r, "kind")
      if kind == "note" {
        note = field(r, "name")
        continue
      }
      if kind == "table" { continue }  // the table's own record: it has no rows
      guard let role = SectionRole(rawValue: field(r, "section")),
        let s = sections.firstIndex(where: { $0.role == role }),
        let rowKind = RowKind(rawValue: kind)
      else {
        throw fail(r, "第 \(r + 1) 行的 section 或 kind 无法识别", "line \(r + 1): unknown section or kind")
      }
      var amounts: [Amount?] = Array(repeating: nil, count: sections[s].columns.count)
      for (i, key) in amountKeys.enumerated() {
        let text = cell(r, lead.count + i).trimmingWhitespace()
        guard !text.isEmpty else { continue }
        guard let a = Amount(parsing: text) else {
          issues.append(.unreadableAmount(text, at: "\(file)!\(CellAddress(row: r, column: lead.count + i).a1)"))
          continue
        }
        if let k = sections[s].columns.firstIndex(of: key) { amounts[k] = a }
      }
      let code = field(r, "code")
      let second = field(r, "second_name")
      sections[s].rows.append(
        BudgetRow(
          kind: rowKind, code: code.isEmpty ? nil : code, name: field(r, "name"),
          secondName: second.isEmpty ? nil : second,
          amounts: amounts, line: r + 1))
      let letters = amountKeys.indices.map { CellAddress.columnLetters(lead.count + $0) }
      sections[s].columnLetters = sections[s].columns.map { key in
        amountKeys.firstIndex(of: key).map { letters[$0] } ?? ""
      }
    }
    let table = BudgetTable(
      number: number, kind: layout.kind, title: field(1, "title"), note: note, sourceUnit: unit, sections: sections,
      source: SourceRef(file: file, range: grid.usedRange?.a1))
    var reading = TableReading(
      table: table, department: field(1, "department"), year: Int(field(1, "year")),
      titleCell: CellAddress(row: 0, column: 0),
      headerRows: 1...1,
      columnMap: header.enumerated().map {
        ColumnMapping(column: CellAddress.columnLetters($0), header: $1, field: $1, section: .main)
      },
      dataRowCount: grid.rowCount - 1, issues: issues)
    reading.evidence = 3
    reading.tidySet = set.name
    return reading
  }
}
