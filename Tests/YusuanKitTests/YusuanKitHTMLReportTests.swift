import Foundation
import TestSupport
import XCTest
import YusuanKit

/// The report's link from a finding's source cell to the printed cell, when the two differ.
final class YusuanKitHTMLReportTests: XCTestCase {
  /// 表5 of the sample, two rows lower and one column further right than printed, with its
  /// 合计 (source D7, printed C5) changed to 1000.00.
  func shiftedBrokenTable5() throws -> String {
    let dir = try Fixtures.scratchFolder("yusuankit-report")
    addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
    let text = try String(contentsOfFile: Fixtures.csvFile(5), encoding: .utf8)
    // The sample's lines end in CRLF, one Character in Swift.
    var lines = text.replacingOccurrences(of: "\u{FEFF}", with: "").split(whereSeparator: \.isNewline).map(String.init)
    lines = lines.map { "," + $0.replacingOccurrences(of: "合计,,1038.42,", with: "合计,,1000.00,") }
    let path = dir + "/shifted.csv"
    try (",,,,,\n,,,,,\n" + lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  func testAFindingOnAShiftedSourceMarksThePrintedCell() throws {
    let reading = try Yusuan.read([try shiftedBrokenTable5()])
    let report = Yusuan.validate(reading.disclosure)
    let finding = try XCTUnwrap(report.findings.first { $0.ruleId == "T5.total-row" })
    XCTAssertEqual(finding.cells.first, "shifted.csv!D7")
    let html = Yusuan.htmlReport(reading, report: report)
    let n = try XCTUnwrap(report.findings.firstIndex { $0.ruleId == "T5.total-row" }) + 1
    // The printed 合计 of 表5 is C5, whatever the source's position.
    let cell = try XCTUnwrap(
      html.range(of: " id=\"t5-C5\" ").map { String(html[html[..<$0.lowerBound].lastIndex(of: "<")!...].prefix(600)) })
    XCTAssertTrue(cell.hasPrefix("<td class=\"x"), cell)
    XCTAssertTrue(cell.contains("cell-error"), cell)
    XCTAssertTrue(cell.contains(">1,000.00<span class=\"links\">"), cell)
    XCTAssertTrue(cell.contains("<a href=\"#finding-\(n)\""), cell)
    XCTAssertTrue(html.contains("<a href=\"#t5-C5\" class=\"wrong\">shifted.csv!D7</a>"))
    XCTAssertFalse(html.contains("id=\"t5-D7\""), "the source address is not the printed one")
  }

  func testAnAmountThatIsNotANumberIsAReadNoteOnItsPrintedCell() throws {
    let dir = try Fixtures.scratchFolder("yusuankit-report")
    addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
    let text = try String(contentsOfFile: Fixtures.csvFile(5), encoding: .utf8)
    let path = dir + "/t5.csv"
    // 206 科学技术支出 基本支出 (D6) reads "abc".
    try text.replacingOccurrences(of: "206,科学技术支出,733.57,667.50,", with: "206,科学技术支出,733.57,abc,")
      .write(toFile: path, atomically: true, encoding: .utf8)
    let reading = try Yusuan.read([path])
    XCTAssertEqual(reading.issues.filter { $0.ruleId != "read.table-missing" }.map(\.location), ["t5.csv!D6"])
    let html = Yusuan.htmlReport(reading, report: Yusuan.validate(reading.disclosure))
    // The blank it was read as also breaks three sums: the cell carries all four, errors first.
    let cell = try XCTUnwrap(
      html.range(of: #"<td class="x\d+ cell-error cell-read" id="t5-D6" title="[^"]*"#, options: .regularExpression))
    XCTAssertTrue(html[cell].hasSuffix("[读取] t5.csv!D6：金额“abc”不是数字，按空白读取"), String(html[cell]))
    XCTAssertTrue(html.contains("<li id=\"read-1\" class=\"sev-read\">[读取] t5.csv!D6：金额“abc”不是数字，按空白读取"))
    XCTAssertTrue(html.contains("<a href=\"#t5-D6\" class=\"wrong\">t5.csv!D6</a></span></li>"))
  }

  func testAPlaceThatIsNotPrintedIsListedAsText() throws {
    let reading = try Yusuan.read([try shiftedBrokenTable5()])
    var report = Yusuan.validate(reading.disclosure)
    // A cross-table finding names a cell of a table that is absent from this input.
    let i = try XCTUnwrap(report.outcomes.firstIndex { !$0.findings.isEmpty })
    report.outcomes[i].findings[0].cells.append("预算公开表06.csv!C5")
    let html = Yusuan.htmlReport(reading, report: report, language: .en)
    XCTAssertTrue(
      html.contains(
        "<span class=\"unplaced\" title=\"this cell is not printed in the report's tables\">预算公开表06.csv!C5</span>"),
      "unplaced cell not listed")
    XCTAssertFalse(html.contains("href=\"#t6-"))
  }
}
