import Foundation
import TestSupport
import XCTest

/// `yusuan report`: the sample and a broken copy of it, read back by a strict HTML parser.
final class CLIReportTests: XCTestCase {
  static var forms: String { Fixtures.sampleInput.appendingPathComponent("datong-kejiju-2023-performance.xlsx").path }

  var scratch = ""

  override func setUpWithError() throws {
    scratch = try Fixtures.scratchFolder("yusuan-report")
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(atPath: scratch)
  }

  /// The sample's CSV folder with one amount changed: 表5's 合计 row, 合计 column (C5) reads
  /// 1000.00 instead of 1038.42.
  func brokenCopy() throws -> String {
    let folder = scratch + "/broken"
    try FileManager.default.copyItem(atPath: Fixtures.sampleCSVFolder, toPath: folder)
    let file = Fixtures.csvFile(5, folder: folder)
    let text = try String(contentsOfFile: file, encoding: .utf8)
    let changed = text.replacingOccurrences(of: "合计,,1038.42,972.35,66.07", with: "合计,,1000.00,972.35,66.07")
    XCTAssertNotEqual(changed, text, "the sample's 表5 合计 row is not where the test expects it")
    try changed.write(toFile: file, atomically: true, encoding: .utf8)
    return folder
  }

  func testSampleReport_MarksTheRoundingCellsAndLinksThemToTheFindings() throws {
    let out = scratch + "/report.html"
    let result = try E2E.expect(0, ["report", Fixtures.sampleXLSX, Self.forms, "-o", out])
    XCTAssertTrue(result.stderr.contains("尾差 2"), result.stderr)
    let page = try HTMLReportCheck.parse(out)
    XCTAssertEqual(page.lang, "zh-CN")
    // The two rounding findings of 表6 (validation.txt): 合计 row, columns 合计 (C5) and 人员经费 (D5).
    for (id, column, expected) in [("t6-C5", "合计", "972.34"), ("t6-D5", "人员经费", "899.72")] {
      let cell = try XCTUnwrap(page.ids[id], "no cell \(id)")
      XCTAssertEqual(cell.tag, "td")
      XCTAssertEqual(cell.section, "t6")
      XCTAssertTrue(cell.classes.contains("cell-rounding"), "\(id): \(cell.classes)")
      XCTAssertFalse(cell.classes.contains("cell-error"), "\(id): \(cell.classes)")
      XCTAssertTrue(
        cell.title?.contains("T6.total-row 预算公开表6 合计 \(column)：应为 \(expected)") ?? false, "\(id): \(cell.title ?? "")")
      let finding = try XCTUnwrap(cell.links.first, "\(id) links to no finding")
      let item = try XCTUnwrap(page.ids[String(finding.dropFirst())], "\(finding) is not on the page")
      XCTAssertEqual(item.tag, "li")
      XCTAssertTrue(item.classes.contains("sev-rounding"))
      XCTAssertEqual(item.links.first, "#\(id)", "the finding's first link goes to the wrong cell")
    }
    XCTAssertTrue(page.ids["t6-C5"]!.text.hasPrefix("972.35"))
    // Cells summed into the total are involved, not wrong.
    XCTAssertEqual(page.ids["t6-C6"]?.classes.contains("cell-involved"), true)
    // Nothing is an error in the valid sample.
    XCTAssertTrue(page.ids.values.allSatisfy { !$0.classes.contains("cell-error") || $0.tag != "td" })
    // Summary and the forms.
    XCTAssertTrue(page.ids["summary-tables"]?.text.contains("13 / 13") ?? false, page.ids["summary-tables"]?.text ?? "")
    XCTAssertTrue(page.ids["summary-rules"]?.text.contains("不适用 18") ?? false, page.ids["summary-rules"]?.text ?? "")
    XCTAssertEqual(page.ids["summary-findings"]?.text, "错误 0，警告 0，尾差 2")
    XCTAssertNotNil(page.ids["form1"])
    XCTAssertEqual(page.external, [])
    XCTAssertEqual(page.scripts, 0)
  }

  func testSampleReport_PrintsAmountsGroupedAndBlanksBlank() throws {
    let out = scratch + "/report.html"
    try E2E.expect(0, ["report", Fixtures.sampleXLSX, "-o", out])
    let html = try String(contentsOfFile: out, encoding: .utf8)
    // 表1 收入总计 1331.42, grouped as printed.
    XCTAssertTrue(html.contains(">1,331.42</td>"), "no grouped 1,331.42")
    XCTAssertFalse(html.contains(">1331.42</td>"))
    // 表5 20602 基础研究 has no 项目支出: that cell is printed, with its border, and empty.
    let blankRow = try NSRegularExpression(
      pattern:
        #"<td class="x\d+">20602</td><td class="x\d+">基础研究</td><td class="x\d+">139\.13</td><td class="x\d+">139\.13</td><td class="x\d+"></td></tr>"#
    )
    let start = try XCTUnwrap(html.range(of: "<section class=\"page\" id=\"t5\">"))
    let end = try XCTUnwrap(html.range(of: "</section>", range: start.upperBound..<html.endIndex))
    let table5 = String(html[start.upperBound..<end.lowerBound])
    XCTAssertEqual(
      blankRow.numberOfMatches(in: table5, range: NSRange(table5.startIndex..., in: table5)), 1, "表5 row 20602")
    // Merged headers: 表5's 2023年预算数 spans three columns.
    XCTAssertTrue(html.contains("colspan=\"3\""))
    XCTAssertTrue(html.contains("rowspan=\"2\""))
  }

  func testBrokenCopyReport_MarksTheChangedCellAsAnError() throws {
    let broken = try brokenCopy()
    let out = scratch + "/broken.html"
    try E2E.expect(1, ["report", broken, "-o", out])
    let page = try HTMLReportCheck.parse(out)
    XCTAssertEqual(page.external, [])
    // The finding about the changed cell, and the cell it links to.
    let items = page.ids.filter { $0.key.hasPrefix("finding-") }.map(\.value)
    let item = try XCTUnwrap(
      items.first { $0.text.contains("T5.total-row") && $0.text.contains("预算公开表05.csv!C5") }, "no T5.total-row finding")
    XCTAssertTrue(item.classes.contains("sev-error"))
    XCTAssertTrue(item.text.contains("1038.42"), item.text)
    XCTAssertEqual(item.links.first, "#t5-C5")
    let cell = try XCTUnwrap(page.ids["t5-C5"])
    XCTAssertEqual(cell.tag, "td")
    XCTAssertEqual(cell.section, "t5")
    XCTAssertTrue(cell.classes.contains("cell-error"), "\(cell.classes)")
    XCTAssertTrue(cell.text.hasPrefix("1,000.00"), cell.text)
    XCTAssertTrue(cell.title?.contains("T5.total-row") ?? false, cell.title ?? "")
    XCTAssertTrue(cell.title?.contains("1038.42") ?? false, cell.title ?? "")
    // The cell links back to its findings, and each of them to the cell.
    XCTAssertFalse(cell.links.isEmpty)
    for link in cell.links {
      let back = try XCTUnwrap(page.ids[String(link.dropFirst())], "\(link) is not on the page")
      XCTAssertTrue(back.links.contains("#t5-C5"), "\(link) does not link back to the cell")
    }
    // The unchanged 表5 cells next to it are not errors.
    XCTAssertFalse(page.ids["t5-D5"]?.classes.contains("cell-error") ?? false)
    XCTAssertTrue(page.ids["summary-findings"]?.text.hasPrefix("错误 ") ?? false)
    XCTAssertFalse(page.ids["summary-findings"]?.text.hasPrefix("错误 0") ?? true)
  }

  func testReportInEnglish() throws {
    let out = scratch + "/report.html"
    try E2E.expect(0, ["report", Fixtures.sampleXLSX, "-o", out, "--lang", "en"])
    let page = try HTMLReportCheck.parse(out)
    XCTAssertEqual(page.lang, "en")
    XCTAssertEqual(page.ids["summary-findings"]?.text, "0 errors, 0 warnings, 2 rounding")
    XCTAssertTrue(
      page.ids["t6-C5"]?.title?.contains("[rounding] T6.total-row") ?? false, page.ids["t6-C5"]?.title ?? "")
  }

  func testStrictReportExitsOneOnRoundingButStillWritesThePage() throws {
    let out = scratch + "/report.html"
    try E2E.expect(1, ["report", Fixtures.sampleXLSX, "-o", out, "--strict"])
    let page = try HTMLReportCheck.parse(out)
    XCTAssertEqual(page.ids["summary-findings"]?.text, "错误 0，警告 0，尾差 2")
    // Without the forms workbook there is no form section.
    XCTAssertNil(page.ids["form1"])
    XCTAssertNotNil(page.ids["t13"])
  }

  func testReportRefusesAnOutputThatIsNotHTML() throws {
    let result = try E2E.expect(2, ["report", Fixtures.sampleXLSX, "-o", scratch + "/report.xlsx"])
    XCTAssertTrue(result.stderr.contains(".html"), result.stderr)
    XCTAssertFalse(FileManager.default.fileExists(atPath: scratch + "/report.xlsx"))
  }

  func testReportOfUnreadableInputExits2() throws {
    let garbage = scratch + "/garbage.csv"
    try Data("not,a\nbudget,table\n".utf8).write(to: URL(fileURLWithPath: garbage))
    try E2E.expect(2, ["report", garbage, "-o", scratch + "/r.html"])
    XCTAssertFalse(FileManager.default.fileExists(atPath: scratch + "/r.html"))
  }

  /// The golden report of the sample (tables and forms); `YUSUAN_RECORD=1` re-records it.
  func testReportWithTheNarrativeListsItsWrongFiguresAndExitsOne() throws {
    let out = scratch + "/report.html"
    let published = Fixtures.repoRoot.appendingPathComponent("Tests/Fixtures/narrative-2023.txt").path
    // The sample alone exits 0 (rounding only); the published text's two wrong figures make it 1.
    let result = try E2E.expect(1, ["report", Fixtures.sampleXLSX, "--narrative", published, "-o", out])
    XCTAssertTrue(result.stderr.contains("情况说明：核对 61 个数字，2 个与表不符，8 个无从核对"), result.stderr)
    let page = try HTMLReportCheck.parse(out)
    XCTAssertEqual(page.ids["summary-narrative"]?.text, "核对 61 个数字，2 个与表不符，8 个无从核对")
    XCTAssertEqual(page.ids["narrative-1"]?.text.hasPrefix("91"), true, page.ids["narrative-1"]?.text ?? "")
    XCTAssertTrue(page.ids["narrative-2"]?.text.contains("66.07万元") ?? false, page.ids["narrative-2"]?.text ?? "")
    XCTAssertNil(page.ids["narrative-3"])
    XCTAssertEqual(page.external, [])

    // A text with no figure: written, said to be unchecked, exit 0; with --strict, 1.
    let empty = scratch + "/说明.txt"
    try "本部门无需说明。\n".write(toFile: empty, atomically: true, encoding: .utf8)
    let unchecked = try E2E.expect(0, ["report", Fixtures.sampleXLSX, "--narrative", empty, "-o", out])
    XCTAssertTrue(unchecked.stderr.contains("情况说明：未核对：说明中没有可与表核对的数字"), unchecked.stderr)
    try E2E.expect(
      1, ["report", Fixtures.sampleXLSX, "--narrative", empty, "-o", out, "--strict", "--tolerance", "0.01"])
    // A narrative that cannot be read is misuse, and no report is written.
    try? FileManager.default.removeItem(atPath: out)
    let missing = try E2E.expect(2, ["report", Fixtures.sampleXLSX, "--narrative", scratch + "/没有.txt", "-o", out])
    XCTAssertTrue(missing.stderr.contains("没有.txt"), missing.stderr)
    XCTAssertFalse(FileManager.default.fileExists(atPath: out))
  }

  func testGoldenReportOfTheSample() throws {
    let out = scratch + "/report.html"
    // Relative input names, as a user types them: the page names no folder of this machine.
    try E2E.expect(
      0, ["report", "datong-kejiju-2023.xlsx", "datong-kejiju-2023-performance.xlsx", "-o", out],
      in: Fixtures.sampleInput.path)
    let actual = try String(contentsOfFile: out, encoding: .utf8)
    let golden = GoldenOutputTests.output.appendingPathComponent("report.html").path
    if ProcessInfo.processInfo.environment["YUSUAN_RECORD"] == "1" {
      try actual.write(toFile: golden, atomically: true, encoding: .utf8)
      return
    }
    let expected = try String(contentsOfFile: golden, encoding: .utf8)
    XCTAssertEqual(actual, expected, "report.html differs from the golden file; YUSUAN_RECORD=1 re-records it")
  }
}
