import Budget
import Validation
import XCTest

/// What a report concludes: which severities fail a run, and that a run which checked nothing fails.
final class VerdictTests: XCTestCase {
  func finding(_ severity: Severity) -> Finding {
    Finding(
      ruleId: "read.test", severity: severity, table: nil, row: "", column: "", cells: ["a.csv!B2"], expected: nil,
      found: nil, difference: nil, messageZh: "测试", messageEn: "test")
  }

  func testInfoNeverFailsARunNotEvenWithStrict() throws {
    let fixture = try loadFixture()
    let info = RuleSet.standard.validate(
      fixture, tolerance: amt("0.01"), catalog: TestCatalog(), inputFindings: [finding(.info)])
    XCTAssertEqual(info.findings.map(\.ruleId), ["read.test"])
    XCTAssertEqual(info.exitStatus(), 0)
    XCTAssertEqual(info.exitStatus(strict: true), 0)
    let warning = RuleSet.standard.validate(
      fixture, tolerance: amt("0.01"), catalog: TestCatalog(), inputFindings: [finding(.warning)])
    XCTAssertEqual(warning.exitStatus(), 0)
    XCTAssertEqual(warning.exitStatus(strict: true), 1)
    let error = RuleSet.standard.validate(
      fixture, tolerance: amt("0.01"), catalog: TestCatalog(), inputFindings: [finding(.error)])
    XCTAssertEqual(error.exitStatus(), 1)
    XCTAssertTrue(error.text().contains("[错误] read.test 测试\n    单元格：a.csv!B2\n"), error.text())
    XCTAssertEqual(Severity.info.chineseName, "提示")
  }

  func testRegression_ARunWhereNoRuleAppliedIsNotAPass() {
    let report = RuleSet.standard.validate(
      Disclosure(department: "测试部门", year: 2023, tables: []), catalog: TestCatalog())
    XCTAssertEqual(report.outcomes("not-applicable").count, RuleSet.standard.rules.count)
    XCTAssertEqual(report.findings.map(\.ruleId), ["run.nothing-checked"])
    XCTAssertEqual(report.findings.first?.severity, .error)
    XCTAssertEqual(report.exitStatus(), 1)
  }

  func testOneTableThatRulesCanCheckIsAnOrdinaryRun() throws {
    var partial = try loadFixture()
    partial.tables.removeAll { $0.number != 3 }
    let report = RuleSet.standard.validate(partial, catalog: TestCatalog())
    XCTAssertFalse(report.findings.contains { $0.ruleId == "run.nothing-checked" })
    XCTAssertEqual(report.outcome("T3.hierarchy")?.status, .passed)
    XCTAssertEqual(report.outcome("X.t3-t1.expenditure")?.status, .notApplicable(.tablesAbsent([1])))
    XCTAssertEqual(report.exitStatus(), 0)
  }
}
