import Budget
import Validation
import XCTest

final class FixtureTests: XCTestCase {
  /// The sample department yields exactly the two real findings of domain.md §1.5 (FAIL 1–2).
  func testSampleDepartmentYieldsOnlyTheRealFindings() throws {
    let report = RuleSet.standard.validate(try loadFixture(), catalog: TestCatalog())
    let findings = report.findings
    XCTAssertEqual(findings.count, 2, report.text())
    XCTAssertEqual(findings.map(\.ruleId), ["T6.total-row", "T6.total-row"])
    XCTAssertEqual(findings.map(\.severity), [.rounding, .rounding])
    XCTAssertEqual(findings.map(\.column), ["合计", "人员经费"])
    XCTAssertEqual(findings.map(\.row), ["合计", "合计"])
    XCTAssertEqual(findings.map(\.expected), [amt("972.34"), amt("899.72")])
    XCTAssertEqual(findings.map(\.found), [amt("972.35"), amt("899.73")])
    XCTAssertEqual(findings.map(\.difference), [amt("0.01"), amt("0.01")])
    XCTAssertEqual(
      findings[0].cells, ["预算公开表06.csv!C5", "预算公开表06.csv!C6", "预算公开表06.csv!C21", "预算公开表06.csv!C40"])
    XCTAssertEqual(findings[0].messageZh, "预算公开表6 合计 合计：应为 972.34（各类之和），实为 972.35，相差 0.01")
    XCTAssertEqual(report.exitStatus(), 0, "rounding is not an error")
    XCTAssertEqual(report.exitStatus(strict: true), 1)
    // With a tolerance of 0.01 the drift counts as equal.
    XCTAssertTrue(
      RuleSet.standard.validate(try loadFixture(), tolerance: amt("0.01"), catalog: TestCatalog()).findings.isEmpty)
  }

  /// Every rule either ran or says why not; the empty 表9 and 表13 are named as the reason, and
  /// the forms rules say that no form was read (the fixture is the tables alone).
  func testEveryRuleRanOrSaysWhyNot() throws {
    let report = RuleSet.standard.validate(try loadFixture(), catalog: TestCatalog())
    XCTAssertEqual(report.outcomes.count, RuleSet.standard.rules.count)
    // The checks every other set shares are made by the Datong rules here.
    let shared = report.outcomes("not-applicable").filter { $0.ruleId.hasPrefix("any.") }
    XCTAssertEqual(
      shared.map(\.ruleId),
      ["any.hierarchy", "any.total-row", "any.column-sums", "any.balance", "any.carryover-balance"])
    for o in shared { XCTAssertEqual(o.status, .notApplicable(.setHasOwnRules("datong-shanxi"))) }
    // The rules written for the 部门决算 set do not run on a Datong disclosure.
    let finalAccounts = report.outcomes("not-applicable").filter { $0.ruleId.hasPrefix("FA.") }
    XCTAssertEqual(finalAccounts.count, Rule.finalAccounts.count)
    for o in finalAccounts { XCTAssertEqual(o.status, .notApplicable(.otherTemplate("datong-shanxi"))) }
    let na = report.outcomes("not-applicable").filter { !$0.ruleId.hasPrefix("any.") && !$0.ruleId.hasPrefix("FA.") }
    XCTAssertEqual(
      na.map(\.ruleId), ["T9.hierarchy", "T9.total-row", "T9.basic-project", "T13.fund-sources"] + Rule.forms.map(\.id))
    for o in na.prefix(4) { XCTAssertEqual(o.status, .notApplicable(.tablesEmpty([o.tables[0]]))) }
    for o in na.dropFirst(4) { XCTAssertEqual(o.status, .notApplicable(.noForms), o.ruleId) }
    XCTAssertEqual(report.outcomes("failed").map(\.ruleId), ["T6.total-row"])
    XCTAssertEqual(
      report.outcomes("passed").count, RuleSet.standard.rules.count - 10 - shared.count - finalAccounts.count)
    // Without a catalog, the catalog rules say so instead of passing silently.
    let bare = RuleSet.standard.validate(try loadFixture())
    for id in ["catalog.known", "catalog.name", "catalog.budget-type", "catalog.t6-names"] {
      XCTAssertEqual(bare.outcome(id)?.status, .notApplicable(.noCatalog), id)
    }
    // Without tables, rules say which are missing.
    var partial = try loadFixture()
    partial.tables.removeAll { $0.number == 12 }
    let r = RuleSet.standard.validate(partial, catalog: TestCatalog())
    XCTAssertEqual(r.outcome("X.t12-t3.project")?.status, .notApplicable(.tablesAbsent([12])))
    XCTAssertTrue(r.text().contains("X.t12-t3.project — 缺少预算公开表12"))
  }

  /// The made-up consistent department gives no finding at all, and every rule but the forms
  /// rules (it has no forms) runs on it.
  func testConsistentSecondDepartmentHasNoFinding() {
    let report = RuleSet.standard.validate(SecondDepartment.disclosure(), catalog: TestCatalog())
    XCTAssertEqual(report.findings, [], report.text())
    XCTAssertEqual(
      report.outcomes("not-applicable").map(\.ruleId).filter { !$0.hasPrefix("any.") && !$0.hasPrefix("FA.") },
      Rule.forms.map(\.id))
    XCTAssertEqual(report.exitStatus(strict: true), 0)
  }

  /// Codes with non-fiscal money in 表2 that 表3 lacks are reported in 表2's order, the same in
  /// every run (they were once walked through a `Set`, whose order is seeded per process).
  func testNonFiscalCodesMissingFromTable3AreReportedInPrintedOrder() throws {
    var d = try loadFixture()
    let ti = d.tables.firstIndex { $0.number == 2 }!
    let columns = d.tables[ti].sections[0].columns
    let codes = [
      "2299907", "2299902", "2299911", "2299904", "2299901", "2299909", "2299912", "2299903", "2299910", "2299905",
    ]
    for code in codes {
      var amounts = [Amount?](repeating: nil, count: columns.count)
      amounts[columns.firstIndex(of: ColumnKey.total)!] = amt("1.00")
      amounts[columns.firstIndex(of: ColumnKey.unitFunds)!] = amt("1.00")
      d.tables[ti].sections[0].rows.append(BudgetRow(code: code, name: "其他支出", amounts: amounts))
    }
    let rule = RuleSet.standard.rule("X.t5-t3.parts")!
    let findings = rule.check(ValidationContext(disclosure: d, catalog: TestCatalog()))
    XCTAssertEqual(findings.map(\.row), codes)
    XCTAssertEqual(findings.map(\.expected), Array(repeating: amt("-1.00"), count: codes.count))
  }

  /// Validating the sample is fast (measured in release builds; see the report for the figure).
  func testValidationIsFast() throws {
    let d = try loadFixture()
    let catalog = TestCatalog()
    let runs = 50
    let start = DispatchTime.now().uptimeNanoseconds
    for _ in 0..<runs { _ = RuleSet.standard.validate(d, catalog: catalog) }
    let perRun = Double(DispatchTime.now().uptimeNanoseconds - start) / Double(runs) / 1e6
    print("validate(sample): \(perRun) ms per run")
    XCTAssertLessThan(perRun, 200, "debug build bound; release is far below 10 ms")
  }
}

final class NameTests: XCTestCase {
  /// The fast name comparison agrees with the model's definition on the names that matter.
  func testPlainNameMatchesModelNormalization() {
    for name in [
      "六、科学技术支出", "十五、资源勘探工业信息\n等支出", "①公务用车购置费", "②公务用车运行维护费", "  J局机关电费", "行政运行",
      "二十二、国有资本经营预算支出", "因公出国（境）费", "a\u{3000}b", "七七、x",
    ] {
      XCTAssertEqual(
        StandardLines.classCode(forLine: name), StandardLines.classCode(forLine: BudgetRow.normalizedName(name)), name)
    }
    XCTAssertEqual(StandardLines.classCode(forLine: "十五、资源勘探工业信息\n等支出"), "215")
    XCTAssertEqual(StandardLines.classCode(forLine: "二十四、预备费"), "227")
    XCTAssertNil(StandardLines.classCode(forLine: "本年支出合计"))
  }
}
