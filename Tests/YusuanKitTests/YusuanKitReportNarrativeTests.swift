import Foundation
import TestSupport
import XCTest
import YusuanKit

/// The report's narrative check and the template set it names.
final class YusuanKitReportNarrativeTests: XCTestCase {
  static var published: String { Fixtures.repoRoot.appendingPathComponent("Tests/Fixtures/narrative-2023.txt").path }

  func testTheReportListsEachNarrativeFigureThatDisagreesWithTheTables() throws {
    let reading = try Yusuan.read([Fixtures.sampleXLSX])
    let report = Yusuan.validate(reading.disclosure)
    let narrative = try Yusuan.checkNarrative(file: Self.published, against: reading.disclosure)
    XCTAssertEqual(narrative.fileName, "narrative-2023.txt")
    XCTAssertEqual(narrative.result.checked, 61)
    let html = Yusuan.htmlReport(reading, report: report, narrative: narrative)
    XCTAssertTrue(
      html.contains("<dd id=\"summary-narrative\"><a href=\"#narrative\">核对 61 个数字，2 个与表不符，8 个无从核对</a></dd>"), html)
    // The sample's validation has rounding only; the narrative's two wrong figures make it an error page.
    XCTAssertTrue(html.contains("<p class=\"status status-error\">有错误"), html)
    // The published text's two wrong figures (CLINarrativeTests: lines 91 and 109), each with the tables' figure.
    XCTAssertTrue(
      html.contains("<tr id=\"narrative-1\"><td>91</td><td>…")
        && html.contains("<mark>0.96个百分比</mark></td><td>0.97%</td><td>机关运行经费比上年增减幅度</td></tr>"),
      html)
    XCTAssertTrue(html.contains("<mark>879万元</mark></td><td>66.07万元</td>"), html)
    XCTAssertFalse(html.contains("id=\"narrative-3\""))
    // Without a narrative, no section and the sample's own status.
    let plain = Yusuan.htmlReport(reading, report: report)
    XCTAssertFalse(plain.contains("id=\"narrative\""))
    XCTAssertTrue(plain.contains("<p class=\"status status-ok\">"))
  }

  func testANarrativeWithNoCheckableFigureIsNotReportedAsAgreeing() throws {
    let reading = try Yusuan.read([Fixtures.sampleXLSX])
    let narrative = Yusuan.checkNarrative("本部门2023年预算情况良好，无需说明。\n", named: "说明.txt", against: reading.disclosure)
    XCTAssertEqual(narrative.result.checked, 0)
    let html = Yusuan.htmlReport(reading, report: Yusuan.validate(reading.disclosure), narrative: narrative)
    XCTAssertTrue(html.contains("<p class=\"status status-warning\" id=\"narrative-summary\">未核对：说明中没有可与表核对的数字"), html)
    XCTAssertFalse(html.contains("0 个与表不符"), "nothing checked must not read as agreement")
  }

  func testRegression_ReportOfAShanghaiDepartmentNamedTheDatongSetAndFourTablesAbsent() throws {
    let path = Fixtures.repoRoot.appendingPathComponent("Tests/Fixtures/shanghai-sifaju-2026.xlsx").path
    let reading = try Yusuan.read([path])
    XCTAssertEqual(reading.disclosure.templateSet, "shanghai-district-department")
    let html = Yusuan.htmlReport(reading, report: Yusuan.validate(reading.disclosure))
    XCTAssertTrue(html.contains("<dt>模板</dt><dd>shanghai-district-department</dd>"), html)
    XCTAssertTrue(html.contains("<dd id=\"summary-tables\">9 / 9 张（表 1、2、3、4、5、6、7、8、9）</dd>"), html)
    XCTAssertFalse(html.contains("缺少表"), "a Shanghai department lacks no table of its own set")
  }
}
