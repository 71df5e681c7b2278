import Budget
import Foundation
import Layouts
import Narrative
import TestSupport
import XCTest

/// The 情况说明 numbers of the seed department: generated from the tables, and the seed's own
/// published text checked against them (its two known errors, and nothing else).
final class NarrativeTests: XCTestCase {
  static let disclosure: Disclosure = {
    let root = Fixtures.repoRoot.appendingPathComponent("Tests/Fixtures")
    return try! DisclosureReader().read([
      root.appendingPathComponent("datong-kejiju-2023.xlsx").path,
      root.appendingPathComponent("datong-kejiju-2023-performance.xlsx").path,
    ]).disclosure
  }()
  static let published = try! String(
    contentsOfFile: Fixtures.repoRoot.appendingPathComponent("Tests/Fixtures/narrative-2023.txt").path, encoding: .utf8)

  func testGeneratedTextReproducesTheSeedFigures() {
    let figures = NarrativeFigures(
      Self.disclosure, previous: .init(total: Amount(parsing: "889.83"), generalPublic: Amount(parsing: "889.83")))
    let text = NarrativeWriter.markdown(figures)
    for phrase in [
      "预算收入总计1,331.42万元", "比上年增加441.59万元，增加49.63%", "一般公共预算拨款收入1,038.42万元，占77.99%",
      "政府性基金预算拨款收入293.00万元，占22.01%", "基本支出972.35万元，占73.03%", "项目支出359.07万元，占26.97%",
      "科学技术支出733.57万元，占70.64%", "社会保障和就业支出175.48万元，占16.90%", "卫生健康支出33.58万元，占3.23%",
      "住房保障支出95.79万元，占9.22%", "一般公共预算当年拨款1,038.42万元，比上年增加148.59万元，增加16.70%",
      "人员经费899.73万元", "公用经费72.62万元", "“三公”经费预算3.50万元", "公务用车运行维护费3.50万元",
      "机关运行经费年初预算48.17万元", "项目11个，涉及当年拨款359.07万元，其中一般公共预算当年拨款66.07万元",
      "支出包括：科学技术支出733.57万元、社会保障和就业支出175.48万元、卫生健康支出33.58万元、城乡社区支出293.00万元、住房保障支出95.79万元",
    ] {
      XCTAssertTrue(text.contains(phrase), phrase)
    }
    XCTAssertFalse(
      NarrativeWriter.markdown(NarrativeFigures(Self.disclosure, previous: .init())).contains("比上年"),
      "no change without last year")
  }

  func testCheckOfTheSeedTextFindsExactlyItsTwoErrors() {
    let result = NarrativeCheck.check(
      Self.published, against: NarrativeFigures(Self.disclosure, previous: .init(total: Amount(parsing: "889.83"))))
    XCTAssertEqual(result.discrepancies.map(\.id), ["operating.change%", "performance.general_public"])
    XCTAssertEqual(result.discrepancies.map(\.printed), ["0.96个百分比", "879万元"])
    XCTAssertEqual(result.discrepancies.map(\.expected), ["0.97%", "66.07万元"])
    XCTAssertEqual(result.discrepancies.map(\.line), [91, 109])
    XCTAssertGreaterThanOrEqual(result.checked, 55)
  }

  func testCheckCatchesAlteredFigures() {
    var text = Self.published.replacingOccurrences(of: "占77.99%", with: "占77.98%")
    text = text.replacingOccurrences(of: "住房保障支出95.79万元，占9.22%", with: "住房保障支出95.97万元，占9.22%")
    text = text.replacingOccurrences(of: "增加49.63%，主要原因", with: "增加49.36%，主要原因")
    let result = NarrativeCheck.check(
      text, against: NarrativeFigures(Self.disclosure, previous: .init(total: Amount(parsing: "889.83"))))
    XCTAssertEqual(
      Set(result.discrepancies.map(\.id)),
      [
        "income.一般公共预算拨款收入%", "general_public.住房保障支出", "change.total%", "operating.change%",
        "performance.general_public",
      ])
  }

  func testWrongPreviousTotalMakesTheChangeDisagree() {
    let result = NarrativeCheck.check(
      Self.published, against: NarrativeFigures(Self.disclosure, previous: .init(total: Amount(900))))
    XCTAssertTrue(result.discrepancies.contains { $0.id == "change.total" && $0.expected == "431.42万元" })
  }
}
