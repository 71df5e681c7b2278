import Budget
import Foundation
import Layouts
import TestSupport
import Validation
import XCTest

/// 上海市普陀区财政局's published 2024 部门决算, as a PDF-to-Excel conversion (one sheet per page,
/// tables running over pages). Every value below is copied by hand from the published PDF
/// (its text: `final-accounts-2024.txt`), page by page.
final class FinalAccountsRealTests: XCTestCase {
  static let path = Fixtures.repoRoot.appendingPathComponent(
    "Tests/Fixtures/real/putuo-caizhengju-2024-final-accounts.pdf-pages.xlsx"
  ).path

  nonisolated(unsafe) static var cached: DisclosureReading?

  private func read() throws -> DisclosureReading {
    if let cached = Self.cached { return cached }
    let reading = try DisclosureReader().read([Self.path])
    Self.cached = reading
    return reading
  }

  func testEveryTableIsRecognizedWithTheFinalAccountsSetAndKind() throws {
    let d = try read().disclosure
    XCTAssertEqual(d.templateSet, "final-accounts-department")
    XCTAssertEqual(d.stage, .finalAccounts)
    XCTAssertEqual(d.tables.map(\.number), Array(1...9))
    XCTAssertEqual(
      d.tables.map(\.kind),
      [
        .budgetSummary, .revenueSummary, .expenditureSummary, .fiscalSummary, .generalPublicExpenditure,
        .generalPublicBasicEconomic, .threePublic, .governmentFundBalance, .stateCapitalBalance,
      ])
    XCTAssertTrue(d.tables.allSatisfy { $0.sourceUnit == "万元" })
    // Nothing printed is left unread: no unmapped header, no amount that is not a number.
    let issues = try read().issues.filter { $0.severity != .info }
    XCTAssertEqual(issues.map(\.ruleId), [], "\(issues)")
    // The department from the set's heading `第二部分 上海市普陀区财政局 年度部门决算表` (the
    // conversion lost its 2024, which the titles do not print either).
    XCTAssertEqual(d.department, "上海市普陀区财政局")
    XCTAssertNil(d.year)
  }

  func testSummaryTableRunsOntoTheNextPage() throws {
    let d = try read().disclosure
    let income = try d.section(1, .income)
    let spent = try d.section(1, .expenditure)
    XCTAssertEqual(try income.only("一般公共预算财政拨款收入").amounts, amts("2940.05"))
    XCTAssertEqual(try income.only("政府性基金预算财政拨款收入").amounts, amts(""))
    XCTAssertEqual(try income.only("其他收入").amounts, amts("6.20"))
    XCTAssertEqual(try income.only("本年收入合计").amounts, amts("2946.25"))
    // p7: the rest of the table, after the page break.
    XCTAssertEqual(try income.only("年初结转和结余").amounts, amts("49.14"))
    XCTAssertEqual(try income.only("总计").amounts, amts("2995.39"))
    XCTAssertEqual(try spent.only("社会保障和就业支出").amounts, amts("326.71"))
    XCTAssertEqual(try spent.only("住房保障支出").amounts, amts("445.69"))
    XCTAssertEqual(try spent.only("年末结转和结余").amounts, amts("55.34"))
    XCTAssertEqual(try spent.only("结余分配").amounts, amts(""))
    XCTAssertEqual(spent.rows.filter { $0.kind == .item }.count, 26 + 2, "26 class lines, 结余分配, 年末结转和结余")
  }

  func testIncomeAndExpenditureTablesByCode() throws {
    let d = try read().disclosure
    let t2 = try d.section(2)
    XCTAssertEqual(
      t2.columns,
      [
        "total", "fiscal", "superior_subsidy", "business_income", "operating_income", "affiliated_remittance",
        "other_income",
      ])
    XCTAssertEqual(try t2.only("合计").amounts, amts("2946.25", "2940.05", "", "", "", "", "6.20"))
    XCTAssertEqual(try t2.coded("2010601").amounts, amts("1511.90", "1511.89", "", "", "", "", "0.01"))
    XCTAssertEqual(try t2.coded("2010602").amounts, amts("16.19", "10.00", "", "", "", "", "6.19"))
    XCTAssertEqual(
      try t2.coded("2210203").amounts, amts("258.50", "258.50", "", "", "", "", ""), "p9, after the page break")
    XCTAssertEqual(try t2.coded("2080599").name, "其他行政事业单位养老支出")
    XCTAssertEqual(
      t2.rows.filter { $0.code != nil }.count, 19, "the figures repeated at the foot of p8 and p9 are not rows")
    let t3 = try d.section(3)
    XCTAssertEqual(try t3.only("合计").amounts, amts("2940.05", "2336.91", "603.14", "", "", ""))
    XCTAssertEqual(try t3.coded("2010601").amounts, amts("1511.89", "1503.52", "8.37", "", "", ""))
    XCTAssertEqual(try t3.coded("2010607").amounts, amts("135.25", "", "135.25", "", "", ""))
    XCTAssertEqual(
      try t3.coded("2080599").amounts, amts("0.94", "0.94", "", "", "", ""), "p11, read from 0.9399999999999999")
    XCTAssertEqual(try t3.coded("22102").amounts, amts("445.69", "445.69", "", "", "", ""))
  }

  func testFiscalSummaryAndGeneralPublicTable() throws {
    let d = try read().disclosure
    let income = try d.section(4, .income)
    let spent = try d.section(4, .expenditure)
    XCTAssertEqual(spent.columns, ["total", "general_public", "government_fund", "state_capital"])
    XCTAssertEqual(try spent.only("一般公共服务支出").amounts, amts("2106.66", "2106.66", "", ""))
    XCTAssertEqual(try spent.only("住房保障支出").amounts, amts("445.69", "445.69", "", ""), "p13, after the page break")
    XCTAssertEqual(try spent.only("年末财政拨款结转和结余").amounts, amts("21.63", "21.63", "", ""))
    XCTAssertEqual(try spent.only("总计").amounts, amts("2961.68", "2961.68", "", ""))
    XCTAssertEqual(try income.only("年初财政拨款结转和结余").amounts, amts("21.63"))
    XCTAssertEqual(
      income.rows.filter { BudgetRow.normalizedName($0.name) == "一般公共预算财政拨款" }.map(\.amounts),
      [amts("2940.05"), amts("21.63")])
    XCTAssertEqual(try income.only("总计").amounts, amts("2961.68"))
    let t5 = try d.section(5)
    XCTAssertEqual(try t5.only("合计").amounts, amts("2940.05", "2336.91", "603.14"))
    XCTAssertEqual(try t5.coded("2010602").amounts, amts("10.00", "", "10.00"))
    XCTAssertEqual(try t5.coded("2080505").amounts, amts("160.75", "160.75", ""))
    XCTAssertEqual(try t5.coded("2210201").amounts, amts("187.19", "187.19", ""))
    XCTAssertEqual(try t5.coded("221").amounts, amts("445.69", "445.69", ""))
  }

  func testBasicExpenditureTableSideBySideParts() throws {
    let d = try read().disclosure
    let personnel = try d.section(6, .personnel)
    let publicUse = try d.section(6, .publicUse)
    XCTAssertEqual(personnel.columns, ["final"])
    XCTAssertEqual(try personnel.coded("301").amounts, amts("2082.85"))
    XCTAssertEqual(try personnel.coded("30102").amounts, amts("1238.58"))
    XCTAssertEqual(try personnel.coded("30103").amounts, amts(""))
    XCTAssertEqual(try personnel.coded("30309").amounts, amts("0.31"), "p17")
    XCTAssertEqual(try personnel.only("人员经费合计").amounts, amts("2152.26"))
    XCTAssertEqual(try publicUse.coded("30228").amounts, amts("24.42"))
    XCTAssertEqual(try publicUse.coded("31002").amounts, amts("13.58"))
    XCTAssertEqual(try publicUse.coded("31099").amounts, amts(""))
    XCTAssertEqual(try publicUse.only("公用经费合计").amounts, amts("184.65"))
    XCTAssertNil(personnel.row(code: "302"), "302 belongs to the 公用经费 part")
  }

  func testThreePublicAndTheTwoEmptyFundTables() throws {
    let d = try read().disclosure
    let t7 = try d.section(7)
    XCTAssertEqual(t7.columns.count, 12)
    XCTAssertEqual(t7.rows.count, 1)
    let row = t7.rows[0]
    XCTAssertEqual(t7.amount(row, ColumnKey.budgeted(ColumnKey.threePublicTotal)), amt("0.95"))
    XCTAssertEqual(t7.amount(row, ColumnKey.final(ColumnKey.threePublicTotal)), nil)
    XCTAssertEqual(
      t7.amount(row, ColumnKey.budgeted(ColumnKey.reception)), amt("0.95"), "the last column but one: 公务接待费 预算数")
    XCTAssertEqual(t7.amount(row, ColumnKey.final(ColumnKey.reception)), nil)
    XCTAssertEqual(t7.amount(row, ColumnKey.budgeted(ColumnKey.vehicleRunning)), nil)
    for t in [8, 9] {
      let table = try XCTUnwrap(d.table(t))
      XCTAssertTrue(table.hasNoData)
      XCTAssertEqual(
        table.sections[0].columns,
        ["opening_balance", "income_of_year", "expenditure_of_year", "basic", "project", "closing_balance"])
      XCTAssertTrue(table.note?.contains("故本表无数据") == true)
    }
  }

  /// What validate finds in the publication: the rounding of sums of rounded figures, and one
  /// class (208) printed 326.71 in the two 总表 and 326.72 (= Σ its 项) in 表3 and 表5.
  func testValidationFindsThePublicationsOwnDifferences() throws {
    let reading = try read()
    let report = RuleSet.standard.validate(reading.disclosure)
    let errors = report.findings.filter { $0.severity == .error }
    XCTAssertEqual(errors.map(\.ruleId).sorted(), ["FA.t3-t1.expenditure", "FA.t5-t4.general-public"])
    XCTAssertTrue(errors.allSatisfy { $0.found == amt("326.72") && $0.expected == amt("326.71") })
    let rounding = report.findings.filter { $0.severity == .rounding }
    XCTAssertEqual(rounding.count, 8)
    XCTAssertTrue(rounding.allSatisfy { ($0.difference?.magnitude ?? .zero) <= amt("0.02")! })
    XCTAssertFalse(report.findings.contains { $0.ruleId.hasPrefix("read.header") || $0.ruleId == "any.balance" })
  }
}
