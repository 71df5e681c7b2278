import Budget
import Foundation
import TestSupport
import XCTest

/// `yusuan batch` at its edges: a forms workbook beside its department's tables, report paths that
/// cannot work, `--limit`, and rates when departments are skipped as up to date.
final class CLIBatchEdgeTests: XCTestCase {
  var dir = ""

  override func setUpWithError() throws { dir = try Fixtures.scratchFolder("yusuan-batch-edge") }
  override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: dir) }

  static var formsWorkbook: String {
    Fixtures.sampleInput.appendingPathComponent("datong-kejiju-2023-performance.xlsx").path
  }

  func reportRows(_ path: String) throws -> [[String: Any]] {
    let json = try JSONSerialization.jsonObject(with: Data(try Fixtures.bytes(path))) as? [String: Any]
    return json?["rows"] as? [[String: Any]] ?? []
  }

  func testFormsWorkbookJoinsTheDepartmentOfItsFolderByContentNotName() throws {
    let tables = try Fixtures.bytes(Fixtures.sampleXLSX)
    let forms = try Fixtures.bytes(Self.formsWorkbook)
    try Fixtures.write(tables, to: dir + "/in/a/部门预算.xlsx")
    try Fixtures.write(forms, to: dir + "/in/a/绩效目标.xlsx")
    try Fixtures.write(tables, to: dir + "/in/b/预算.xlsx")
    try Fixtures.write(forms, to: dir + "/in/b/b2.xlsx")  // a name that says nothing
    try E2E.expect(0, ["batch", dir + "/in", "-o", dir + "/out", "--to", "json", "--report", dir + "/r.json"])
    let rows = try reportRows(dir + "/r.json")
    XCTAssertEqual(rows.map { $0["file"] as? String }, ["a/部门预算.xlsx", "b/预算.xlsx"])
    for stem in ["a/部门预算", "b/预算"] {
      let model = try E2E.model(dir + "/out/" + stem + ".json")
      XCTAssertEqual(model.tables.count, 13, stem)
      XCTAssertEqual(model.forms.count, 11, "\(stem): the forms workbook's 11 forms joined the department")
    }
    XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/out/a/绩效目标.json"))
  }

  func testTwoTablesWorkbooksBesideAFormsWorkbookLeaveItOnItsOwn() throws {
    let tables = try Fixtures.bytes(Fixtures.sampleXLSX)
    try Fixtures.write(tables, to: dir + "/in/x.xlsx")
    try Fixtures.write(tables, to: dir + "/in/y.xlsx")
    try Fixtures.write(try Fixtures.bytes(Self.formsWorkbook), to: dir + "/in/绩效目标.xlsx")
    // The forms workbook alone is whatever its own reading makes of it; it does not join either.
    _ = try CLI.run(["batch", dir + "/in", "-o", dir + "/out", "--to", "json", "--report", dir + "/r.json"])
    XCTAssertEqual(try reportRows(dir + "/r.json").map { $0["file"] as? String }, ["x.xlsx", "y.xlsx", "绩效目标.xlsx"])
  }

  /// An unreadable department's line named its file twice (`无法读取 bad.xlsx：未在 …/bad.xlsx 中…`).
  func testRegression_UnreadableLineNamesTheFileOnce() throws {
    try FileManager.default.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
    try "garbage".write(toFile: dir + "/in/bad.xlsx", atomically: true, encoding: .utf8)
    let result = try E2E.expect(2, ["batch", dir + "/in", "-o", dir + "/out", "--to", "json"])
    let line = try XCTUnwrap(result.stderr.split(separator: "\n").first { $0.hasPrefix("无法读取") }, result.stderr)
    XCTAssertEqual(line.components(separatedBy: "bad.xlsx").count - 1, 1, String(line))
  }

  func testReportWithAnUnknownExtensionNamesTheReportOption() throws {
    _ = try BatchTrees.copies(1, in: dir + "/in")
    let en = try E2E.expect(2, ["batch", dir + "/in", "-o", dir + "/out", "--report", dir + "/r.txt", "--lang", "en"])
    XCTAssertTrue(en.stderr.contains("--report") && en.stderr.contains(".csv, .json or .xml"), en.stderr)
    XCTAssertFalse(en.stderr.contains("--to"), en.stderr)
    let zh = try E2E.expect(2, ["batch", dir + "/in", "-o", dir + "/out", "--report", dir + "/r.txt"])
    XCTAssertTrue(zh.stderr.contains("--report 的文件名应以 .csv、.json 或 .xml"), zh.stderr)
    XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/out"))
  }

  func testReportInAMissingFolderFailsBeforeAnyDepartment() throws {
    _ = try BatchTrees.copies(2, in: dir + "/in")
    let result = try E2E.expect(
      2, ["batch", dir + "/in", "-o", dir + "/out", "--report", dir + "/nonexist/r.csv", "--lang", "en"])
    XCTAssertTrue(result.stderr.contains("folder \(dir)/nonexist does not exist"), result.stderr)
    XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/out"), "no department was processed")
  }

  func testLimitSaysThatItStoppedAndHowManyRemain() throws {
    _ = try BatchTrees.copies(5, in: dir + "/in")
    let first = try E2E.expect(
      0, ["batch", dir + "/in", "-o", dir + "/out", "--to", "json", "--limit", "2", "--jobs", "1", "--lang", "en"])
    XCTAssertTrue(first.stderr.contains("Stopped at --limit 2; 3 department(s) left for the next run."), first.stderr)
    let zh = try E2E.expect(
      0, ["batch", dir + "/in", "-o", dir + "/out", "--to", "json", "--limit", "2", "--jobs", "1"])
    XCTAssertTrue(zh.stderr.contains("已按 --limit 2 停止，还有 1 个部门留待下次运行"), zh.stderr)
    let last = try E2E.expect(
      0, ["batch", dir + "/in", "-o", dir + "/out", "--to", "json", "--limit", "2", "--jobs", "1", "--lang", "en"])
    XCTAssertTrue(last.stderr.contains("5/5 departments"), last.stderr)
    XCTAssertFalse(last.stderr.contains("Stopped at --limit"), "nothing is left: \(last.stderr)")
  }

  func testRateAndETALeaveOutDepartmentsSkippedAsUpToDate() throws {
    _ = try BatchTrees.copies(3, in: dir + "/in")
    try E2E.expect(0, ["batch", dir + "/in", "-o", dir + "/out", "--to", "json", "--lang", "en"])
    // Everything is up to date: nothing was converted, so the rate is 0 however fast the skips were.
    let again = try E2E.expect(0, ["batch", dir + "/in", "-o", dir + "/out", "--to", "json", "--lang", "en"])
    XCTAssertTrue(again.stderr.contains("3 skipped as up to date"), again.stderr)
    XCTAssertTrue(again.stderr.contains("[3/3] 100%  0.0/s  ETA 0:00"), again.stderr)
    XCTAssertNotNil(again.stderr.range(of: #"; [0-9.]+ s, 0\.0/s"#, options: .regularExpression), again.stderr)
  }
}
