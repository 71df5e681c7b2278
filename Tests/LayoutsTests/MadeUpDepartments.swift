import Budget
import Layouts

/// A made-up department for any template set, built from the set's declarations alone: every
/// table of the set, coded tables over a small 类/款/项 (or 类/款 economic) hierarchy, named lines
/// with their closing totals, one-row tables, amounts with blanks and 0.00, in the set's units.
enum MadeUpDepartments {
  static let functionRows: [(String, String)] = [
    ("208", "社会保障和就业支出"), ("20805", "行政事业单位养老支出"), ("2080505", "机关事业单位基本养老保险缴费支出"),
    ("2080506", "机关事业单位职业年金缴费支出"), ("221", "住房保障支出"), ("22102", "住房改革支出"), ("2210201", "住房公积金"),
  ]
  static let economicRows: [(String, String)] = [
    ("301", "工资福利支出"), ("30101", "基本工资"), ("30102", "津贴补贴"), ("302", "商品和服务支出"), ("30201", "办公费"),
  ]
  static let economicKinds: Set<TableKind> = [.generalPublicBasicEconomic, .fiscalBasicEconomic, .operatingExpenses]

  /// The department of `set`, year 2025.
  static func disclosure(_ set: LayoutSet, department: String = "某某区示范局", year: Int = 2025) -> Disclosure {
    var seed = 7
    func next() -> Amount? {
      seed = (seed * 37 + 11) % 997
      if seed % 9 == 0 { return nil }
      if seed % 7 == 0 { return Amount(parsing: "0.00") }
      return Amount(parsing: "\(seed * 13).\(seed % 100 < 10 ? "0" : "")\(seed % 100)")
    }
    let tables = set.tables.map { layout -> BudgetTable in
      let sections = layout.sections.enumerated().map { s, section -> TableSection in
        let keys = section.amountKeys
        let amounts = { () -> [Amount?] in
          var row = keys.map { _ in next() }
          if !row.contains(where: { $0 != nil }) { row[0] = Amount(parsing: "1.00") }
          return row
        }
        let coded = section.columns.contains { spec in
          switch spec.role {
          case .code, .codePart: true
          default: false
          }
        }
        let hasName = section.columns.contains { if case .name = $0.role { true } else { false } }
        let hasSecondName = section.columns.contains { if case .secondName = $0.role { true } else { false } }
        let parts = section.columns.filter { if case .codePart = $0.role { true } else { false } }.count
        var rows: [BudgetRow] = []
        if coded {
          let economic = economicKinds.contains(layout.kind) || parts == 2
          rows = (economic ? economicRows : functionRows).map { code, name in
            BudgetRow(code: code, name: name, secondName: hasSecondName ? "政府经济分类\(name)" : nil, amounts: amounts())
          }
          let total = BudgetRow(kind: .total, name: "合计", amounts: amounts())
          rows = layout.closingNames.contains("合计") ? rows + [total] : [total] + rows
        } else if hasName {
          rows = ["一、甲项", "二、乙项"].map { BudgetRow(name: $0 + (s == 0 ? "收入" : "支出"), amounts: amounts()) }
          let closing =
            layout.closingNames.isEmpty
            ? layout.totalNames.first ?? "合计" : layout.closingNames[min(s, layout.closingNames.count - 1)]
          rows.append(BudgetRow(kind: .total, name: closing, amounts: amounts()))
        } else {
          rows = [BudgetRow(name: "", amounts: amounts())]
        }
        return TableSection(role: section.role, columns: keys, rows: rows)
      }
      let unit = set.unit(of: layout)
      return BudgetTable(
        number: layout.number, kind: layout.kind, title: "\(year)年" + layout.titleStem,
        sourceUnit: unit, sections: sections)
    }
    return Disclosure(
      department: department, year: year, unit: set.unit, templateSet: set.name, stage: set.stage, entity: set.entity,
      tables: tables)
  }
}
