import Foundation
import TestSupport
import XCTest

/// Absurd amounts and options on the built binary: a clear message with the cell, never a trap
/// (SIGILL, exit 132), never a silent 0, and no temporary file left behind (issue 21 item 1).
final class CLIHostileAmountTests: XCTestCase {
  var folder = ""

  override func setUpWithError() throws { folder = try Fixtures.scratchFolder("yusuan-e2e-amounts") }
  override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: folder) }

  /// The sample as CSV with 9e17 in the three amount cells of 表3 2060101 行政运行 (C8:E8).
  private func nineE17Folder() throws -> String {
    let path = folder + "/in"
    try HostileAmounts.sampleCSVFolder(at: path, table: 3, row: "2060101", columns: [2, 3, 4], text: "9e17")
    return path
  }

  private func assertNoTrap(_ result: CLI.Result, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertNotEqual(result.status, 132, "trapped:\n\(result.stderr)", file: file, line: line)
    XCTAssertFalse(result.stderr.contains("Fatal error"), result.stderr, file: file, line: line)
  }

  func testRegression_NineE17InThreeRowsIsAReadNoteWithItsCellInConvert() throws {
    let input = try nineE17Folder()
    let result = try E2E.expect(0, ["convert", input, "-o", folder + "/out.json"])
    assertNoTrap(result)
    for cell in ["C8", "D8", "E8"] {
      XCTAssertTrue(result.stderr.contains("预算公开表03.csv!\(cell)：金额“9e17”过大"), result.stderr)
    }
    XCTAssertEqual(
      try FileManager.default.contentsOfDirectory(atPath: folder).sorted(), ["in", "out.json"],
      "no .out.json.tmp-XXXXXX left")
    let model = try E2E.model(folder + "/out.json")
    let row = try XCTUnwrap(model.table(3)?.sections.first?.rows.first { $0.code == "2060101" })
    XCTAssertEqual(row.amounts, [nil, nil, nil], "read as blank, never as a wrong number or 0")
    // --strict makes the cut-off cells fatal through the rules they break.
    let strict = try CLI.run(["convert", input, "-o", folder + "/strict.json", "--strict"])
    assertNoTrap(strict)
    XCTAssertEqual(strict.status, 1, strict.stderr)
  }

  func testRegression_NineE17InThreeRowsDoesNotTrapValidate() throws {
    let result = try CLI.run(["validate", try nineE17Folder()])
    assertNoTrap(result)
    XCTAssertEqual(result.status, 1, "the blank cells break 表3's sums:\n\(result.stdout)")
    XCTAssertTrue(result.stdout.contains("T3.hierarchy"), result.stdout)
  }

  func testRegression_NineE17InJSONIsRefusedWithItsPath() throws {
    let json = folder + "/big.json"
    try Fixtures.write(try HostileAmounts.sampleJSON(firstAmount: "9e17"), to: json)
    let result = try E2E.expect(2, ["validate", json])
    assertNoTrap(result)
    XCTAssertTrue(result.stderr.contains("$.tables[0].sections[0].rows[0].amounts[0]：金额 9e17 超出范围"), result.stderr)
    try E2E.expect(2, ["convert", json, "-o", folder + "/out.xlsx"])
    XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/out.xlsx"))
  }

  func testRegression_TinyAmountIsReportedNotReadAsZero() throws {
    let input = folder + "/in"
    try HostileAmounts.sampleCSVFolder(
      at: input, table: 1, row: "一、一般公共预算", columns: [1], text: "0.0000000000000000001")
    let result = try E2E.expect(0, ["convert", input, "-o", folder + "/out.json"])
    XCTAssertTrue(result.stderr.contains("预算公开表01.csv!B5：金额“0.0000000000000000001”的小数位超过 12 位"), result.stderr)
    let row = try XCTUnwrap(try E2E.model(folder + "/out.json").table(1)?.sections.first?.rows.first)
    XCTAssertEqual(row.amounts, [nil], "blank and reported, not 0.00")
    let json = folder + "/tiny.json"
    try Fixtures.write(try HostileAmounts.sampleJSON(firstAmount: "1e-301"), to: json)
    let refused = try E2E.expect(2, ["validate", json])
    XCTAssertTrue(refused.stderr.contains("金额 1e-301 的小数位超过 12 位"), refused.stderr)
  }

  func testRegression_SumOfAcceptedAmountsBeyondRangeIsAFindingNotATrap() throws {
    // Each amount is accepted (< 10^15, ≤ 12 decimals), but 表3's class 20601 minus the sum of
    // its items needs 27 digits at a common scale.
    let input = folder + "/in"
    try HostileAmounts.sampleCSVFolder(at: input, table: 3, row: "2060101", columns: [2], text: "999999999999999")
    let t3 = Fixtures.csvFile(3, folder: input)
    let text = String(decoding: try Fixtures.bytes(t3), as: UTF8.self)
      .replacingOccurrences(of: "20601,科学技术管理事务,348.97", with: "20601,科学技术管理事务,0.000000000001")
    try Data(text.utf8).write(to: URL(fileURLWithPath: t3))
    let result = try CLI.run(["validate", input])
    assertNoTrap(result)
    XCTAssertEqual(result.status, 1, result.stdout)
    XCTAssertTrue(result.stdout.contains("预算公开表3 20601 科学技术管理事务：合计 金额过大或小数位过多，无法核算"), result.stdout)
    XCTAssertTrue(result.stdout.contains("预算公开表03.csv!C7"), "the finding names the cells:\n\(result.stdout)")
  }

  func testRegression_HugeShareDoesNotTrapNarrative() throws {
    let input = folder + "/in"
    try HostileAmounts.sampleCSVFolder(at: input, table: 1, row: "一、一般公共预算", columns: [1], text: "999999999999999")
    let result = try E2E.expect(0, ["narrative", input])
    assertNoTrap(result)
    XCTAssertTrue(result.stdout.contains("占75107779663817.50%"), result.stdout)
  }

  func testRegression_NineE17DoesNotTrapBatchAndTheRunFinishes() throws {
    let tree = folder + "/tree"
    try HostileAmounts.sampleCSVFolder(at: tree + "/dept", table: 3, row: "2060101", columns: [2, 3, 4], text: "9e17")
    let report = folder + "/report.json"
    for _ in 0..<2 {  // and again on a rerun
      let result = try CLI.run([
        "batch", tree, "-o", folder + "/out", "--to", "json", "--report", report, "--jobs", "1",
      ])
      assertNoTrap(result)
      XCTAssertTrue(FileManager.default.fileExists(atPath: report), result.stderr)
    }
  }

  func testRegression_AbsurdFormFundingIsReportedNotSilentlyBlank() throws {
    // The sample's forms as printed-layout CSV, then 9e17 as 实施期资金总额 of the first form.
    let forms = folder + "/forms"
    let performance = Fixtures.sampleInput.appendingPathComponent("datong-kejiju-2023-performance.xlsx").path
    try E2E.expect(0, ["convert", performance, "-o", forms, "--to", "csv", "--csv-layout", "disclosure"])
    let first = forms + "/绩效目标申报表01.csv"
    let text = String(decoding: try Fixtures.bytes(first), as: UTF8.self)
    XCTAssertTrue(text.contains("实施期资金总额：,50700,"), "the sample form changed")
    try Data(text.replacingOccurrences(of: "实施期资金总额：,50700,", with: "实施期资金总额：,9e17,").utf8)
      .write(to: URL(fileURLWithPath: first))
    let result = try E2E.expect(0, ["convert", forms, "-o", folder + "/forms.json"])
    assertNoTrap(result)
    XCTAssertTrue(result.stderr.contains("绩效目标申报表01.csv!D6：金额“9e17”过大"), result.stderr)
  }

  func testRegression_NegativeRowsForInspectIsRefusedInChinese() throws {
    let result = try E2E.expect(2, ["inspect", Fixtures.sampleXLSX, "--rows=-1"])
    assertNoTrap(result)
    XCTAssertTrue(result.stderr.contains("--rows 应为非负整数"), result.stderr)
    let en = try E2E.expect(2, ["inspect", Fixtures.sampleXLSX, "--rows=-3", "--lang", "en"])
    XCTAssertTrue(en.stderr.contains("--rows must be a non-negative integer"), en.stderr)
    try E2E.expect(0, ["inspect", Fixtures.sampleXLSX, "--rows=0"])
  }
}
