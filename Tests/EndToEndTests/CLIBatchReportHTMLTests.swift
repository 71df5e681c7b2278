import Foundation
import TestSupport
import XCTest

/// `yusuan batch --report-html`: one report per department and an index linking them.
final class CLIBatchReportHTMLTests: XCTestCase {
  var dir = ""

  override func setUpWithError() throws { dir = try Fixtures.scratchFolder("yusuan-batch-html") }
  override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: dir) }

  func testEveryDepartmentGetsAReportAndTheIndexListsThemAll() throws {
    let expected = try BatchTrees.mixed(in: dir + "/in")
    try E2E.expect(2, ["batch", dir + "/in", "-o", dir + "/out", "--to", "json", "--report-html", "--jobs", "2"])
    let index = try HTMLReportCheck.parse(dir + "/out/index.html")
    // Only relative links to the reports, and the sorting script inline.
    XCTAssertTrue(
      index.external.allSatisfy { $0.hasPrefix("href=") && !$0.contains(":") && !$0.contains("//") },
      "\(index.external)")
    XCTAssertEqual(index.scripts, 1)
    XCTAssertEqual(index.rows.map { $0[4] }, expected.map(\.key))
    XCTAssertEqual(
      index.rows.map { $0[2] }, expected.map { ["ok": "通过", "findings": "有问题", "unreadable": "无法读取"][$0.status]! })
    XCTAssertEqual(index.rows.map { Int($0[3]) }, expected.map(\.findings))
    let readable = expected.filter { $0.status != "unreadable" }
    XCTAssertEqual(index.relative, readable.map { Self.stem($0.key) + ".html" })
    for department in readable {
      let report = try HTMLReportCheck.parse(dir + "/out/" + Self.stem(department.key) + ".html")
      XCTAssertEqual(report.external, [], department.key)
      let errors = report.ids.values.filter { $0.tag == "td" && $0.classes.contains("cell-error") }
      XCTAssertEqual(errors.isEmpty, department.status == "ok", department.key)
    }
    // A second run skips every department and still links every report.
    try E2E.expect(2, ["batch", dir + "/in", "-o", dir + "/out", "--to", "json", "--report-html"])
    XCTAssertEqual(
      try HTMLReportCheck.parse(dir + "/out/index.html").relative, readable.map { Self.stem($0.key) + ".html" })
  }

  func testRegression_ADepartmentNamedIndexDoesNotLoseItsReportToTheIndexPage() throws {
    try Fixtures.write(try Fixtures.bytes(Fixtures.sampleXLSX), to: dir + "/in/index.xlsx")
    try Fixtures.write(try Fixtures.bytes(Fixtures.sampleXLSX), to: dir + "/in/sub/index.xlsx")
    try E2E.expect(0, ["batch", dir + "/in", "-o", dir + "/out", "--to", "json", "--report-html"])
    let index = try HTMLReportCheck.parse(dir + "/out/index.html")
    XCTAssertEqual(index.relative, ["index_report.html", "sub/index.html"])
    XCTAssertNotNil(try HTMLReportCheck.parse(dir + "/out/index_report.html").ids["t6-C5"])
    XCTAssertNotNil(try HTMLReportCheck.parse(dir + "/out/sub/index.html").ids["t6-C5"])
  }

  func testWithoutTheFlagNoReportIsWritten() throws {
    _ = try BatchTrees.mixed(in: dir + "/in")
    try E2E.expect(2, ["batch", dir + "/in", "-o", dir + "/out", "--to", "json"])
    XCTAssertFalse(BatchTrees.files(under: dir + "/out").contains { $0.hasSuffix(".html") })
  }

  /// `a/good.xlsx` → `a/good`, `dept-csv/` → `dept-csv`.
  static func stem(_ key: String) -> String {
    if key.hasSuffix("/") { return String(key.dropLast()) }
    return (key as NSString).deletingPathExtension
  }
}
