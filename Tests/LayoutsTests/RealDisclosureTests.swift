import Budget
import Foundation
import Layouts
import TestSupport
import Validation
import XCTest

/// Real published disclosures of other provinces (Tests/Fixtures/real/): each table recognized
/// with its set and kind, and amounts equal to the PDF's, copied here by hand from the PDFs' text.
/// "" is a cell the PDF leaves blank.
final class RealDisclosureTests: XCTestCase {
  static func real(_ path: String) -> String {
    Fixtures.repoRoot.appendingPathComponent("Tests/Fixtures/real/" + path).path
  }

  nonisolated(unsafe) private static var cache: [String: DisclosureReading] = [:]
  private static let lock = NSLock()

  static func reading(_ path: String) throws -> DisclosureReading {
    lock.lock()
    defer { lock.unlock() }
    if let r = cache[path] { return r }
    let r = try DisclosureReader().read([real(path)])
    cache[path] = r
    return r
  }

  /// The amount of a row (by code, else by name) in a column of a table's section.
  func value(
    _ d: Disclosure, _ table: Int, _ row: String, _ key: String, role: SectionRole? = nil,
    file: StaticString = #filePath,
    line: UInt = #line
  ) throws -> Amount? {
    let t = try XCTUnwrap(d.table(table), "table \(table)", file: file, line: line)
    let section = try XCTUnwrap(role.map { t.section($0) } ?? t.sections.first, "section", file: file, line: line)
    let r = try XCTUnwrap(
      section.rows.first { $0.code == row } ?? section.row(named: row) ?? (row.isEmpty ? section.rows.first : nil),
      "table \(table) row \(row)", file: file, line: line)
    let i = try XCTUnwrap(section.columnIndex(key), "table \(table) column \(key)", file: file, line: line)
    return r.amounts[i]
  }

  func expect(
    _ d: Disclosure, _ table: Int, _ row: String, _ key: String, _ printed: String, role: SectionRole? = nil,
    file: StaticString = #filePath, line: UInt = #line
  ) throws {
    XCTAssertEqual(
      try value(d, table, row, key, role: role, file: file, line: line), amt(printed), "表\(table) \(row) \(key)",
      file: file, line: line)
  }

  // MARK: Shanghai 部门预算 (上海市普陀区司法局 2026), PDF-to-Excel conversion

  func testShanghaiDepartmentBudgetIsEveryTableOfItsSetWithTheKindsOfTheVocabulary() throws {
    let reading = try Self.reading("shanghai/department-budget-2026.pdf-pages.xlsx")
    let d = reading.disclosure
    XCTAssertEqual(d.templateSet, "shanghai-district-department")
    XCTAssertEqual(d.entity, .department)
    XCTAssertEqual(d.department, "上海市普陀区司法局", "the department, without the unit of the same cell")
    XCTAssertEqual(d.year, 2026)
    XCTAssertEqual(
      d.tables.map(\.kind),
      [
        .budgetSummary, .revenueSummary, .expenditureSummary, .fiscalSummary, .generalPublicExpenditure,
        .governmentFundExpenditure, .stateCapitalExpenditure, .generalPublicBasicEconomic, .threePublic,
      ])
    XCTAssertEqual(d.tables.map(\.unit), Array(repeating: "元", count: 8) + ["万元"], "元, and the 三公 table in 万元")
    XCTAssertEqual(reading.issues.map(\.description), [])
  }

  func testShanghaiDepartmentBudgetAmountsEqualThePDF() throws {
    let d = try Self.reading("shanghai/department-budget-2026.pdf-pages.xlsx").disclosure
    typealias K = ColumnKey
    // 表1 财务收支预算总表.
    try expect(d, 1, "一、财政拨款收入", K.amount, "96282213.44", role: .income)
    try expect(d, 1, "2. 政府性基金预算", K.amount, "0.00", role: .income)
    try expect(d, 1, "四、其他收入", K.amount, "0.00", role: .income)
    try expect(d, 1, "收入总计", K.amount, "96282213.44", role: .income)
    try expect(d, 1, "四、住房保障支出", K.total, "4521559.00", role: .expenditure)
    try expect(d, 1, "支出总计", K.total, "96282213.44", role: .expenditure)
    // 表2 收入预算总表: codes from 类/款/项 columns.
    try expect(d, 2, "2040601", K.total, "16726725.44")
    try expect(d, 2, "2040601", K.businessIncome, "0.00")
    try expect(d, 2, "2080599", K.fiscal, "6440.00")
    try expect(d, 2, "2210203", K.otherIncome, "0.00")
    try expect(d, 2, "合计", K.total, "96282213.44")
    XCTAssertEqual(d.table(2)?.sections[0].rows.last?.kind, .total, "合计 printed last")
    // 表3 支出预算总表, continued on the next page.
    try expect(d, 3, "2040604", K.project, "21703947.00")
    try expect(d, 3, "2040601", K.project, "0.00")
    try expect(d, 3, "2080506", K.basic, "919739.00")
    try expect(d, 3, "2210203", K.total, "2433600.00")
    try expect(d, 3, "合计", K.basic, "25741666.44")
    try expect(d, 3, "合计", K.project, "70540547.00")
    XCTAssertEqual(d.table(3)?.sections[0].rows.count, 22)
    // 表4 财政拨款收支预算总表: blanks stay blank.
    try expect(d, 4, "一、一般公共预算", K.amount, "96282213.44", role: .income)
    try expect(d, 4, "三、国有资本经营预算", K.amount, "0.00", role: .income)
    try expect(d, 4, "一、公共安全支出", K.generalPublic, "87267272.44", role: .expenditure)
    try expect(d, 4, "一、公共安全支出", K.governmentFund, "", role: .expenditure)
    try expect(d, 4, "支出总计", K.total, "96282213.44", role: .expenditure)
    // 表5 一般公共预算支出功能分类预算表, its headers repeated on the next page.
    try expect(d, 5, "2040613", K.project, "2278800.00")
    try expect(d, 5, "2040613", K.basic, "0.00")
    try expect(d, 5, "2101101", K.total, "1149678.00")
    try expect(d, 5, "合计", K.total, "96282213.44")
    try expect(d, 5, "合计", K.project, "70540547.00")
    XCTAssertEqual(d.table(5)?.sections[0].rows.count, 22)
    // 表6/7: published empty, with their notes.
    XCTAssertEqual(d.table(6)?.note, "注:本部门2026年无政府性基金预算财政拨款安排的预算，故本表为空表。")
    XCTAssertEqual(d.table(7)?.sections[0].rows.filter { $0.amounts.contains { $0 != nil } }.count, 0)
    // 表8 基本支出 by economic class (类/款 columns), continued.
    try expect(d, 8, "30101", K.personnel, "2892504.00")
    try expect(d, 8, "30101", K.publicUse, "0.00")
    try expect(d, 8, "30207", K.publicUse, "130000.00")
    try expect(d, 8, "30302", K.total, "478680.00")
    try expect(d, 8, "合计", K.personnel, "23563342.00")
    try expect(d, 8, "合计", K.publicUse, "2178324.44")
    // 表9 三公 and 机关运行经费, one row in 万元.
    try expect(d, 9, "", K.threePublicTotal, "10.81")
    try expect(d, 9, "", K.travelAbroad, "0")
    try expect(d, 9, "", K.reception, "0.83")
    try expect(d, 9, "", K.vehicleRunning, "9.98")
    try expect(d, 9, "", K.vehiclePurchase, "0")
    try expect(d, 9, "", K.operatingExpenses, "217.83")
  }

  func testShanghaiUnitBudgetIsTheUnitSet() throws {
    let reading = try Self.reading("shanghai/unit-budget-2026.pdf-pages.xlsx")
    let d = reading.disclosure
    XCTAssertEqual(d.templateSet, "shanghai-district-unit")
    XCTAssertEqual(d.entity, .unit)
    XCTAssertEqual(d.department, "上海市普陀区司法局")
    XCTAssertEqual(d.tables.count, 9)
    typealias K = ColumnKey
    // The unit set prints table 1's expenditure side by 人员/公用/项目.
    try expect(d, 1, "一、公共安全支出", K.total, "79189400.34", role: .expenditure)
    try expect(d, 1, "一、公共安全支出", K.personnel, "12604173", role: .expenditure)
    try expect(d, 1, "一、公共安全支出", K.publicUse, "1744680", role: .expenditure)
    try expect(d, 1, "一、公共安全支出", K.project, "64840547", role: .expenditure)
    try expect(d, 1, "1、一般公共预算", K.amount, "86959408.34", role: .income)
    try expect(d, 2, "2040601", K.total, "14348853.34")
    try expect(d, 2, "2080506", K.total, "786150.00")
    try expect(d, 3, "2040601", K.project, "64840547.00", role: nil)
    try expect(d, 9, "", K.operatingExpenses, "184.59")
    XCTAssertEqual(reading.issues.map(\.description), [])
  }

  /// The published unit budget prints 64,840,547.00 as 项目支出 of 2040601 行政运行 in its 支出总表
  /// and 一般公共预算 table, whose 合计 is the 基本支出 alone: the shared rules find it.
  func testShanghaiUnitBudgetPublicationErrorIsFound() throws {
    let d = try Self.reading("shanghai/unit-budget-2026.pdf-pages.xlsx").disclosure
    XCTAssertEqual(try value(d, 3, "2040601", ColumnKey.total), amt("14348853.34"))
    XCTAssertEqual(try value(d, 3, "2040601", ColumnKey.basic), amt("14348853.34"))
  }

  // MARK: Shanghai templates (empty)

  func testShanghaiTemplatesReadAsEmptyTablesOfTheirSets() throws {
    for (file, set) in [
      ("shanghai/department_budget_template.xlsx", "shanghai-district-department"),
      ("shanghai/unit_budget_template.xlsx", "shanghai-district-unit"),
    ] {
      let reading = try Self.reading(file)
      let d = reading.disclosure
      XCTAssertEqual(d.templateSet, set, file)
      XCTAssertEqual(d.tables.map(\.number), Array(1...9), file)
      XCTAssertTrue(d.tables.allSatisfy(\.hasNoData), file)
      XCTAssertEqual(d.department, "", "the template leaves 编制部门 blank")
      // Its table of contents (`9. 2026年单位“三公”经费和机关运行经费预算表`) names titles without being tables.
      XCTAssertEqual(reading.issues.filter { $0.severity != .info }.map(\.description), [], file)
      // Placeholder lines (`…`) are not rows; numbered lines are not joined as wrapped names.
      let incomes = try XCTUnwrap(d.table(1)?.section(.income)).rows.map(\.name)
      XCTAssertTrue(incomes.contains("1. 一般公共预算") || incomes.contains("1、一般公共预算"), "\(incomes)")
      XCTAssertFalse(
        d.tables.flatMap { $0.sections.flatMap(\.rows) }.contains { $0.name.allSatisfy { $0 == "…" } }, file)
      XCTAssertEqual(d.table(2)?.sections[0].rows.compactMap(\.code).prefix(3), ["205", "20502", "2050205"])
    }
  }

  // MARK: Jiangsu 部门预算 (江苏省委办公厅 2019), PDF-to-Excel conversion

  func testJiangsuDepartmentBudgetAmountsEqualThePDF() throws {
    let reading = try Self.reading("jiangsu/tables-2019.pdf-pages.xlsx")
    let d = reading.disclosure
    XCTAssertEqual(d.templateSet, "jiangsu-provincial-department")
    XCTAssertEqual(d.department, "中共江苏省委办公厅", "from the title's own cell: 收支预算总表部门：… 单位：万元")
    XCTAssertEqual(d.tables.map(\.number), Array(1...11))
    XCTAssertTrue(d.tables.allSatisfy { $0.unit == "万元" })
    typealias K = ColumnKey
    // 公开01表 收支预算总表: three sides.
    try expect(d, 1, "一、财政拨款", K.amount, "27664.22", role: .income)
    try expect(d, 1, "2.政府性基金预算", K.amount, "", role: .income)
    try expect(d, 1, "收入合计", K.amount, "27664.22", role: .income)
    try expect(d, 1, "一、一般公共服务支出", K.total, "22395.5", role: .expenditure)
    try expect(d, 1, "二、外交支出", K.total, "", role: .expenditure)
    try expect(d, 1, "十八、住房保障支出", K.total, "3894.09", role: .expenditure)
    try expect(d, 1, "三、单位预留机动经费", K.total, "2938.21", role: .expenditureByUse)
    // 公开03表 支出预算总表: one row of amounts.
    try expect(d, 3, "", K.total, "27664.22")
    try expect(d, 3, "", K.basic, "11700.63")
    try expect(d, 3, "", K.reserve, "2938.21")
    try expect(d, 3, "", K.carryforward, "")
    // 公开04表 财政拨款收支预算总表.
    try expect(d, 4, "一、一般公共预算", K.amount, "27664.22", role: .income)
    try expect(d, 4, "二、政府性基金预算", K.amount, "", role: .income)
    try expect(d, 4, "二、项目支出", K.total, "13025.38", role: .expenditure)
    try expect(d, 4, "支出合计", K.total, "27664.22", role: .expenditure)
    // 公开05表 and 公开07表 by function code; 06 and 08 by economic code.
    for t in [5, 7] {
      try expect(d, t, "合计", K.total, "27664.22")
      try expect(d, t, "201", K.total, "22395.5")
      try expect(d, t, "2013101", K.total, "9370.12")
      try expect(d, t, "2080505", K.total, "785.06")
      try expect(d, t, "2210202", K.total, "2928.22")
    }
    for t in [6, 8] {
      try expect(d, t, "合计", K.total, "11700.63")
      try expect(d, t, "30101", K.total, "1581.26")
      try expect(d, t, "30231", K.total, "411.2")
      try expect(d, t, "30309", K.total, "1.6")
      try expect(d, t, "302", K.total, "2232.91")
    }
    // 公开09表 三公, 会议费, 培训费.
    try expect(d, 9, "", K.total, "1471.7")
    try expect(d, 9, "", K.threePublicTotal, "508.2")
    try expect(d, 9, "", K.travelAbroad, "70")
    try expect(d, 9, "", K.vehiclePurchase, "")
    try expect(d, 9, "", K.vehicleRunning, "411.2")
    try expect(d, 9, "", K.reception, "27")
    try expect(d, 9, "", K.meetings, "933.5")
    try expect(d, 9, "", K.training, "30")
    // 公开10表 published empty; 公开11表 机关运行经费.
    XCTAssertEqual(d.table(10)?.note, "注：本部门无相关收支项目")
    try expect(d, 11, "合计", K.total, "2232.91")
    try expect(d, 11, "30201", K.total, "450")
    try expect(d, 11, "30299", K.total, "50")
    // 公开02表: the second name column, whose header the conversion lost (项目名称 merged over B:C
    // in the PDF), is read as the sub-item names.
    let income = try XCTUnwrap(d.table(2)?.sections.first?.rows)
    XCTAssertEqual(income.count, 14)
    XCTAssertEqual(income[1].name, "一般公共预算资金")
    XCTAssertEqual(income[1].secondName, "小计")
    XCTAssertEqual(income[2].secondName, "公共财政拨款(补助)资金")
    XCTAssertEqual(income[2].amounts, [Amount(parsing: "27664.22")])
    XCTAssertEqual(income[3].secondName, "专项收入")
    XCTAssertEqual(income[3].amounts, [nil])
    XCTAssertEqual(income[13].secondName, "其中：动用上年结转和结余资金")
    // What is not read is said: the 政府采购 table the set does not declare.
    XCTAssertEqual(
      Set(reading.issues.map(\.ruleId)), ["read.title-unrecognized"],
      reading.issues.map(\.description).joined(separator: "\n"))
    // The code rules read tables by kind, so they run for this set too.
    let report = RuleSet.standard.validate(d, catalog: Catalog.builtin2023)
    for id in ["codes.shape", "codes.parent", "codes.same-name", "catalog.known"] {
      XCTAssertEqual(report.outcomes.first { $0.ruleId == id }?.status, .passed, id)
    }
  }
}

/// Legacy .xls inputs read to the same model as their .xlsx siblings, in the same detected set.
final class LegacyWorkbookSetTests: XCTestCase {
  func testXLSWorkbooksReadAsTheirXLSXSiblings() throws {
    let pairs = [
      (
        RealDisclosureTests.real("shanghai/unit_budget_template.xls"),
        RealDisclosureTests.real("shanghai/unit_budget_template.xlsx"), "shanghai-district-unit"
      ),
      (
        Fixtures.repoRoot.appendingPathComponent("Tests/Fixtures/shanghai-sifaju-2026.xls").path,
        Fixtures.repoRoot.appendingPathComponent("Tests/Fixtures/shanghai-sifaju-2026.xlsx").path,
        "shanghai-district-department"
      ),
    ]
    for (xls, xlsx, set) in pairs {
      let a = try DisclosureReader().read([xls]).disclosure
      let b = try DisclosureReader().read([xlsx]).disclosure
      XCTAssertEqual(a.templateSet, set, xls)
      XCTAssertEqual(b.templateSet, set, xlsx)
      XCTAssertEqual(a.withoutProvenance().differences(from: b.withoutProvenance()).map(\.description), [], xls)
      XCTAssertGreaterThan(a.tables.count, 0)
    }
  }
}
