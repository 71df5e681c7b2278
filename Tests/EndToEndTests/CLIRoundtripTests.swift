import Budget
import Foundation
import TestSupport
import XCTest

/// `yusuan roundtrip`: every sample input survives every format; a value that cannot survive is
/// listed with its table, row and column, and the exit status is 1.
final class CLIRoundtripTests: XCTestCase {
  func testEverySampleInputIsLossless() throws {
    let forms = Fixtures.sampleInput.appendingPathComponent("datong-kejiju-2023-performance.xlsx").path
    for input in [
      [Fixtures.sampleXLSX, forms], [Fixtures.sampleCSVFolder], [Fixtures.sampleGB18030Folder], [Fixtures.fixtureJSON],
    ] {
      let result = try E2E.expect(0, ["roundtrip"] + input)
      for trip in [
        "json", "xlsx", "csv tidy utf-8-bom", "csv tidy gb18030", "csv disclosure utf-8", "csv disclosure gb18030",
      ] {
        XCTAssertTrue(result.stdout.contains("✓ \(trip)\n"), "\(input): \(trip)\n\(result.stdout)")
      }
      XCTAssertTrue(result.stdout.contains("全部 8 种往返无损"), result.stdout)
    }
  }

  func testAValueTheTablesCannotCarryIsReportedWithExitOne() throws {
    // A name with a trailing space: the table readers trim names, so every table format loses it.
    var disclosure = try Disclosure(jsonBytes: Fixtures.bytes(Fixtures.fixtureJSON))
    let t = disclosure.tables.firstIndex { $0.number == 3 }!
    let r = disclosure.tables[t].sections[0].rows.firstIndex { $0.code == "2060101" }!
    disclosure.tables[t].sections[0].rows[r].name = "行政运行 "
    let dir = NSTemporaryDirectory() + "yusuan-roundtrip-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let input = dir + "/altered.json"
    try Data(disclosure.jsonBytes()).write(to: URL(fileURLWithPath: input))

    let result = try E2E.expect(1, ["roundtrip", input])
    XCTAssertTrue(result.stdout.contains("✓ json"), result.stdout)
    XCTAssertTrue(result.stdout.contains("✗ xlsx：1 处不同"), result.stdout)
    XCTAssertTrue(result.stdout.contains("预算公开表3 2060101 行政运行  名称：行政运行  → 行政运行"), result.stdout)
  }

  /// `roundtrip` once said 全部 8 种往返无损 of a source whose cells were already read as blank
  /// (`一百`): it compared against its own first reading, not the source.
  func testRegression_RoundtripOfASourceWithUnreadableCellsIsNotLossless() throws {
    let dir = try Fixtures.scratchFolder("roundtrip-unread")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let text = try String(contentsOfFile: Fixtures.csvFile(5), encoding: .utf8)
    let broken = text.replacingOccurrences(of: "206,科学技术支出,733.57,667.50,", with: "206,科学技术支出,733.57,一百,")
    XCTAssertNotEqual(broken, text)
    try broken.write(toFile: dir + "/t5.csv", atomically: true, encoding: .utf8)
    let result = try E2E.expect(1, ["roundtrip", dir + "/t5.csv"])
    XCTAssertTrue(result.stdout.contains("✗ 未能读取：t5.csv!D6：金额“一百”不是数字，按空白读取"), result.stdout)
    XCTAssertTrue(result.stdout.contains("不算无损"), result.stdout)
    XCTAssertFalse(result.stdout.contains("全部 8 种往返无损"), result.stdout)
  }

  func testUnreadableInputExitsTwo() throws {
    let result = try E2E.expect(2, ["roundtrip", "/nonexistent/部门预算.xlsx"])
    XCTAssertTrue(result.stderr.contains("找不到输入文件"), result.stderr)
  }
}
