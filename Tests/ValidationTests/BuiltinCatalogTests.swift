import Budget
import Validation
import XCTest

/// The shipped catalog (`Catalog.builtin2023`) serving the catalog rules, as the CLI uses it.
final class BuiltinCatalogTests: XCTestCase {
  func testSampleDepartmentPassesEveryCatalogRule() throws {
    let report = RuleSet.standard.validate(try loadFixture(), catalog: Catalog.builtin2023)
    for id in ["catalog.known", "catalog.name", "catalog.budget-type", "catalog.t6-names"] {
      XCTAssertEqual(report.outcome(id)?.status, .passed, id)
    }
    // Only the two published rounding differences of 表6 remain.
    XCTAssertEqual(report.findings.map(\.ruleId), ["T6.total-row", "T6.total-row"])
  }

  func testAKnownCodeWithAnotherNameIsAnError() throws {
    var disclosure = try loadFixture()
    let t = disclosure.tables.firstIndex { $0.number == 3 }!
    let r = disclosure.tables[t].sections[0].rows.firstIndex { $0.code == "2060101" }!
    disclosure.tables[t].sections[0].rows[r].name = "行政运营"
    let report = RuleSet.standard.validate(disclosure, catalog: Catalog.builtin2023)
    let finding = try XCTUnwrap(report.findings.first { $0.ruleId == "catalog.name" })
    XCTAssertEqual(finding.severity, .error)
    XCTAssertEqual(finding.table, 3)
    XCTAssertTrue(finding.messageZh.contains("行政运行"), finding.messageZh)
  }

  func testAFundCodeCarryingGeneralPublicMoneyIsAnError() throws {
    var disclosure = try loadFixture()
    let t = disclosure.tables.firstIndex { $0.number == 2 }!
    let section = disclosure.tables[t].sections[0]
    let r = section.rows.firstIndex { $0.code == "2120899" }!
    let gpb = section.columnIndex(ColumnKey.generalPublic)!
    disclosure.tables[t].sections[0].rows[r].amounts[gpb] = Amount(parsing: "1.00")
    let report = RuleSet.standard.validate(disclosure, catalog: Catalog.builtin2023)
    let finding = try XCTUnwrap(report.findings.first { $0.ruleId == "catalog.budget-type" })
    XCTAssertEqual(finding.table, 2)
    XCTAssertEqual(finding.row, "2120899 其他国有土地使用权出让收入安排的支出")
  }

  /// Codes printed beside their names in real Shanghai, Jiangsu and 部门决算 tables were unknown,
  /// each a false catalog finding; they are in the catalog now, with where they were seen.
  func testRegression_CodesPrintedInRealTablesAreKnown() {
    let printed: [(String, ClassificationKind, String)] = [
      ("2040601", .functional, "行政运行"), ("2040604", .functional, "基层司法业务"), ("2040699", .functional, "其他司法支出"),
      ("2010601", .functional, "行政运行"), ("2010608", .functional, "财政委托业务支出"), ("2013101", .functional, "行政运行"),
      ("2080504", .functional, "未归口管理的行政单位离退休"), ("30311", .economicDepartment, "代缴社会保险费"),
    ]
    for (code, kind, name) in printed {
      let entry = Catalog.builtin2023.entry(code, kind: kind)
      XCTAssertEqual(entry?.name, name, code)
      XCTAssertTrue(entry?.source.contains("printed beside this name in") == true, "\(code): \(entry?.source ?? "")")
    }
    // A name those tables confirm keeps its source; the evidence is in its note.
    let confirmed = Catalog.builtin2023.entry("20406", kind: .functional)
    XCTAssertEqual(confirmed?.source, "MOF 2023 catalog (from knowledge, verify)")
    XCTAssertTrue(
      confirmed?.note?.contains("printed beside this name in shanghai/sifaju-2026") == true, confirmed?.note ?? "")
  }
}
