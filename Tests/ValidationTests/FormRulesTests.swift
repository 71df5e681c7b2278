import Budget
import Foundation
import Layouts
import TestSupport
import Validation
import XCTest

/// The forms ↔ 表12 rules: silent on the sample, and each finding kind proven by a broken copy.
final class FormRulesTests: XCTestCase {
  static let sample: Disclosure = {
    let root = Fixtures.repoRoot.appendingPathComponent("Tests/Fixtures")
    return try! DisclosureReader().read([
      root.appendingPathComponent("datong-kejiju-2023.xlsx").path,
      root.appendingPathComponent("datong-kejiju-2023-performance.xlsx").path,
    ]).disclosure
  }()

  func findings(_ d: Disclosure) -> [Finding] {
    RuleSet.standard.validate(d).outcomes.filter { $0.group == .forms }.flatMap(\.findings)
  }

  func testSampleFormsAgreeWithTable12() {
    let outcomes = RuleSet.standard.validate(Self.sample).outcomes.filter { $0.group == .forms }
    XCTAssertEqual(
      outcomes.map(\.ruleId),
      ["F.project-present", "F.annual-total", "F.period-totals", "F.funding-parts", "F.form-missing"])
    XCTAssertEqual(outcomes.flatMap(\.findings), [])
  }

  func testAnnualTotalDisagreesWithTable12() {
    var d = Self.sample
    d.forms[0].annualFunding.total = Amount(16000)
    d.forms[0].annualFunding.local = Amount(16000)
    let f = findings(d)
    XCTAssertEqual(f.map(\.ruleId), ["F.annual-total"])
    XCTAssertEqual(f.first?.expected, Amount(16900))
    XCTAssertEqual(f.first?.found, Amount(16000))
    XCTAssertTrue(f.first?.messageZh.contains("J局机关电费") ?? false)
  }

  func testRegression_FormFindingsNameTheirCell() {
    var d = Self.sample
    d.forms[0].annualFunding.total = Amount(16000)
    d.forms[0].annualFunding.local = Amount(16000)
    d.forms[1].projectName = "J局机关水电费"
    let f = findings(d)
    // J局机关电费's 年度资金总额 is G6 of its sheet; 项目名称's value is C3.
    XCTAssertEqual(f.first { $0.ruleId == "F.annual-total" }?.cells.first, "J局机关电费!G6")
    XCTAssertEqual(f.first { $0.ruleId == "F.project-present" }?.cells, ["J局机关水费!C3"])
  }

  func testProjectNotInTable12AndProjectWithoutForm() {
    var d = Self.sample
    d.forms[1].projectName = "J局机关水电费"
    let f = findings(d)
    XCTAssertEqual(f.map(\.ruleId), ["F.project-present", "F.form-missing"])
    XCTAssertEqual(f.map(\.row), ["J局机关水电费", "J局机关水费"])
  }

  func testFormRemoved() {
    var d = Self.sample
    d.forms.removeLast()
    let f = findings(d)
    XCTAssertEqual(f.map(\.ruleId), ["F.form-missing"])
    XCTAssertEqual(f.first?.row, "大同市企业孵化基地(北京站)2022年度场地租金")
  }

  func testImplementationLessThanAnnual() {
    var d = Self.sample
    d.forms[3].implementationFunding = FormFunding(
      total: Amount(20000), central: .zero, provincial: .zero, local: Amount(20000), selfRaised: .zero)
    let f = findings(d)
    XCTAssertEqual(f.map(\.ruleId), ["F.period-totals"])
    XCTAssertEqual(f.first?.difference, Amount(-10000))
  }

  func testBreakdownDoesNotAddUp() {
    var d = Self.sample
    d.forms[5].implementationFunding.central = Amount(5)
    let f = findings(d)
    XCTAssertEqual(f.map(\.ruleId), ["F.funding-parts"])
    XCTAssertEqual(f.first?.column, "实施期资金总额（元）")
    XCTAssertEqual(f.first?.expected, Amount(315005))
    XCTAssertEqual(f.first?.severity, .error, "元 amounts have no rounding allowance")
  }

  func testTablesWithoutFormsReportNothing() {
    var d = Self.sample
    d.forms = []
    XCTAssertEqual(findings(d), [])
  }
}
