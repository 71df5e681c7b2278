import Budget
import Foundation
import Validation
import XCTest

/// The sample department (大同市科学技术局 2023) as canonical JSON, read from Tests/Fixtures.
func loadFixture() throws -> Disclosure {
  let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/datong-kejiju-2023.json")
  return try Disclosure(jsonBytes: Array(try Data(contentsOf: url)))
}

/// Parses an amount literal in tests.
func amt(_ text: String) -> Amount { Amount(parsing: text)! }

/// A small catalog for tests: the codes of the sample department and of the made-up one.
struct TestCatalog: ClassificationLookup {
  static let functional: [String: (String, BudgetKind)] = [
    "201": ("一般公共服务支出", .mixed), "20101": ("人大事务", .generalPublic), "2010101": ("行政运行", .generalPublic),
    "205": ("教育支出", .mixed), "20502": ("普通教育", .generalPublic), "2050201": ("学前教育", .generalPublic),
    "206": ("科学技术支出", .mixed), "20601": ("科学技术管理事务", .generalPublic), "2060101": ("行政运行", .generalPublic),
    "20602": ("基础研究", .generalPublic), "2060201": ("机构运行", .generalPublic),
    "20605": ("科技条件与服务", .generalPublic), "2060501": ("机构运行", .generalPublic),
    "20608": ("科技交流与合作", .generalPublic), "2060899": ("其他科技交流与合作支出", .generalPublic),
    "208": ("社会保障和就业支出", .mixed), "20805": ("行政事业单位养老支出", .generalPublic),
    "2080501": ("行政单位离退休", .generalPublic), "2080502": ("事业单位离退休", .generalPublic),
    "2080505": ("机关事业单位基本养老保险缴费支出", .generalPublic),
    "210": ("卫生健康支出", .mixed), "21011": ("行政事业单位医疗", .generalPublic),
    "2101101": ("行政单位医疗", .generalPublic), "2101102": ("事业单位医疗", .generalPublic),
    "212": ("城乡社区支出", .mixed), "21208": ("国有土地使用权出让收入安排的支出", .governmentFund),
    "2120899": ("其他国有土地使用权出让收入安排的支出", .governmentFund),
    "221": ("住房保障支出", .mixed), "22102": ("住房改革支出", .generalPublic),
    "2210201": ("住房公积金", .generalPublic), "2210202": ("提租补贴", .generalPublic),
    "223": ("国有资本经营预算支出", .stateCapital), "22301": ("解决历史遗留问题及改革成本支出", .stateCapital),
    "2230199": ("其他解决历史遗留问题及改革成本支出", .stateCapital),
  ]
  static let revenue: [String: (String, BudgetKind)] = [
    "103": ("非税收入", .mixed), "10301": ("政府性基金收入", .governmentFund),
    "1030148": ("国有土地使用权出让收入", .governmentFund),
  ]
  static let department: [String: String] = [
    "工资福利支出": "301", "基本工资": "30101", "津贴补贴": "30102", "奖金": "30103", "绩效工资": "30107",
    "机关事业单位基本养老保险缴费": "30108", "职工基本医疗保险缴费": "30110", "其他社会保障缴费": "30112",
    "住房公积金": "30113", "商品和服务支出": "302", "办公费": "30201", "印刷费": "30202", "水费": "30205",
    "电费": "30206", "邮电费": "30207", "物业管理费": "30209", "差旅费": "30211", "培训费": "30216",
    "工会经费": "30228", "福利费": "30229", "公务用车运行维护费": "30231", "其他交通费用": "30239",
    "其他商品和服务支出": "30299", "对个人和家庭的补助": "303", "离休费": "30301", "退休费": "30302", "奖励金": "30309",
  ]
  static let government: [String: String] = [
    "工资奖金津补贴": "50101", "社会保障缴费": "50102", "住房公积金": "50103", "办公经费": "50201",
    "公务用车运行维护费": "50208", "其他商品和服务支出": "50299", "工资福利支出": "50501", "商品和服务支出": "50502",
    "离退休费": "50905", "社会福利和救助": "50901",
  ]

  func record(_ code: String, kind: CodeKind) -> ClassificationRecord? {
    let table = kind == .revenue ? Self.revenue : kind == .functional ? Self.functional : [:]
    return table[code].map { ClassificationRecord(code: code, name: $0.0, budget: $0.1) }
  }

  func economicCode(named name: String, kind: CodeKind) -> String? {
    kind == .economicDepartment ? Self.department[name] : kind == .economicGovernment ? Self.government[name] : nil
  }
}

extension Disclosure {
  /// A copy with one amount changed: table, section role, the row picked by a predicate, column key.
  func changing(
    _ table: Int, _ role: SectionRole = .main, row: (BudgetRow) -> Bool, column: String, to value: Amount?,
    file: StaticString = #filePath, line: UInt = #line
  ) -> Disclosure {
    var copy = self
    guard let ti = copy.tables.firstIndex(where: { $0.number == table }),
      let si = copy.tables[ti].sections.firstIndex(where: { $0.role == role }),
      let ri = copy.tables[ti].sections[si].rows.firstIndex(where: row),
      let ci = copy.tables[ti].sections[si].columns.firstIndex(of: column)
    else {
      XCTFail("no such cell: 表\(table) \(role) \(column)", file: file, line: line)
      return self
    }
    copy.tables[ti].sections[si].rows[ri].amounts[ci] = value
    return copy
  }

  /// A copy with one row's name or code changed.
  func renaming(
    _ table: Int, _ role: SectionRole = .main, row: (BudgetRow) -> Bool, code: String? = nil, name: String? = nil
  )
    -> Disclosure
  {
    var copy = self
    let ti = copy.tables.firstIndex { $0.number == table }!
    let si = copy.tables[ti].sections.firstIndex { $0.role == role }!
    let ri = copy.tables[ti].sections[si].rows.firstIndex(where: row)!
    if let code { copy.tables[ti].sections[si].rows[ri].code = code }
    if let name { copy.tables[ti].sections[si].rows[ri].name = name }
    return copy
  }
}

/// Row pickers.
func code(_ c: String) -> (BudgetRow) -> Bool { { $0.code == c } }
func named(_ n: String) -> (BudgetRow) -> Bool { { $0.name == n } }
func named(_ n: String, _ second: String?) -> (BudgetRow) -> Bool { { $0.name == n && $0.secondName == second } }
func totalRow(_ r: BudgetRow) -> Bool { r.kind == .total }
