import Foundation
import TestSupport
import XCTest

/// `yusuan batch` as a user runs it: a mixed folder, reports, shards, jobs, misuse.
final class CLIBatchTests: XCTestCase {
  var dir = ""

  override func setUpWithError() throws { dir = try Fixtures.scratchFolder("yusuan-batch") }
  override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: dir) }

  /// The report's rows as dictionaries.
  func reportRows(_ path: String) throws -> [[String: Any]] {
    let json = try JSONSerialization.jsonObject(with: Data(try Fixtures.bytes(path))) as? [String: Any]
    return json?["rows"] as? [[String: Any]] ?? []
  }

  func testMixedFolderReportOutputsAndExitStatus() throws {
    let expected = try BatchTrees.mixed(in: dir + "/in")
    let before = BatchTrees.files(under: dir + "/in")
    let result = try E2E.expect(
      2,
      [
        "batch", dir + "/in", "-o", dir + "/out", "--to", "xlsx,json,csv", "--report", dir + "/report.json", "--jobs",
        "2", "--lang", "en",
      ])
    let rows = try reportRows(dir + "/report.json")
    XCTAssertEqual(rows.compactMap { $0["file"] as? String }, expected.map(\.key))
    XCTAssertEqual(rows.compactMap { $0["status"] as? String }, expected.map(\.status))
    XCTAssertEqual(rows.compactMap { $0["findings"] as? Int }, expected.map(\.findings))
    XCTAssertEqual(rows[0]["outputs"] as? [String], ["a/b/invalid.xlsx", "a/b/invalid.json", "a/b/invalid"])
    XCTAssertEqual(rows[2]["outputs"] as? [String], [])
    XCTAssertNotNil(rows[2]["error"] as? String)
    XCTAssertEqual(rows[3]["department"] as? String, "大同市科学技术局[部门]")
    // Not a terminal: one line per problem and a summary, no bar.
    XCTAssertTrue(result.stderr.contains("unreadable") && result.stderr.contains("broken.xlsx"), result.stderr)
    XCTAssertTrue(result.stderr.contains("findings a/b/invalid.json: 5 finding(s)"), result.stderr)
    XCTAssertTrue(
      result.stderr.contains("5/5 departments: 2 ok, 1 with findings, 0 with differences, 2 unreadable"), result.stderr)
    XCTAssertFalse(result.stderr.contains("\u{1B}["))
    // Outputs mirror the tree; nothing for the unreadable ones; the input tree is untouched.
    let out = BatchTrees.files(under: dir + "/out")
    for stem in ["a/good", "a/b/invalid", "dept-csv"] {
      XCTAssertTrue(
        out.contains(stem + ".xlsx") && out.contains(stem + ".json") && out.contains(stem + "/预算公开表01.csv"), stem)
    }
    XCTAssertEqual(out.filter { $0.hasPrefix("broken") || $0.hasPrefix("other") }, [])
    XCTAssertEqual(BatchTrees.temporaries(under: dir + "/out"), [])
    XCTAssertEqual(BatchTrees.files(under: dir + "/in"), before)
    // The JSON written is the sample's model.
    XCTAssertEqual(try E2E.model(dir + "/out/a/good.json").withoutProvenance(), try E2E.reference())

    // CSV report: the documented columns, one row per department.
    try E2E.expect(
      2, ["batch", dir + "/in", "-o", dir + "/out", "--to", "xlsx,json,csv", "--report", dir + "/report.csv"])
    let csv = String(decoding: try Fixtures.bytes(dir + "/report.csv"), as: UTF8.self).components(separatedBy: "\r\n")
    XCTAssertEqual(csv.first, "\u{FEFF}file,department,year,status,findings,outputs,skipped,error")
    XCTAssertTrue(csv.contains("dept-csv/,大同市科学技术局[部门],2023,ok,2,dept-csv.xlsx;dept-csv.json;dept-csv,yes,"), "\(csv)")
  }

  func testExitStatusZeroWhenAllGoodAndOneWithFindings() throws {
    _ = try BatchTrees.copies(2, in: dir + "/in")
    try E2E.expect(0, ["batch", dir + "/in", "-o", dir + "/out", "--to", "json"])
    try Fixtures.write(try BatchTrees.invalidJSON(), to: dir + "/in/g2/bad.json")
    try E2E.expect(1, ["batch", dir + "/in", "-o", dir + "/out", "--to", "json"])
    try E2E.expect(1, ["batch", dir + "/in/g0", "-o", dir + "/out0", "--to", "json", "--strict"])
  }

  func testShardsPartitionTheInputsExactly() throws {
    let keys = try BatchTrees.copies(9, in: dir + "/in")
    var seen: [String] = []
    for i in 1...2 {
      try E2E.expect(
        0,
        [
          "batch", dir + "/in", "-o", dir + "/out", "--to", "json", "--shard", "\(i)/2", "--report",
          dir + "/r\(i).json", "--jobs", "1",
        ])
      let files = try reportRows(dir + "/r\(i).json").compactMap { $0["file"] as? String }
      XCTAssertFalse(files.isEmpty, "shard \(i) of 2 is empty: the split is too uneven for 9 departments")
      seen += files
    }
    XCTAssertEqual(seen.sorted(), keys)
    XCTAssertEqual(Set(seen).count, keys.count, "no department is in both shards")
    // Each shard appends to its own manifest, and the output holds every department once.
    let out = BatchTrees.files(under: dir + "/out")
    XCTAssertEqual(out.filter { $0.hasPrefix(".yusuan-manifest-shard-") }.count, 2)
    XCTAssertEqual(out.filter { $0.hasSuffix(".json") }.count, 9)
    // A whole run afterwards finds every department up to date.
    let whole = try E2E.expect(0, ["batch", dir + "/in", "-o", dir + "/out", "--to", "json", "--lang", "en"])
    XCTAssertTrue(whole.stderr.contains("9 skipped as up to date"), whole.stderr)
  }

  func testTwoJobsWriteTheSameOutputsAsOne() throws {
    _ = try BatchTrees.mixed(in: dir + "/in")
    _ = try BatchTrees.copies(4, in: dir + "/in/more")
    try E2E.expect(
      2, ["batch", dir + "/in", "-o", dir + "/o1", "--to", "json,csv", "--jobs", "1", "--report", dir + "/r1.csv"])
    try E2E.expect(
      2, ["batch", dir + "/in", "-o", dir + "/o2", "--to", "json,csv", "--jobs", "2", "--report", dir + "/r2.csv"])
    let one = BatchTrees.files(under: dir + "/o1").filter { !$0.hasPrefix(".") }
    XCTAssertEqual(one, BatchTrees.files(under: dir + "/o2").filter { !$0.hasPrefix(".") })
    XCTAssertEqual(one.count, 7 * 14)
    for file in one {
      XCTAssertEqual(try Fixtures.bytes(dir + "/o1/" + file), try Fixtures.bytes(dir + "/o2/" + file), file)
    }
    XCTAssertEqual(try Fixtures.bytes(dir + "/r1.csv"), try Fixtures.bytes(dir + "/r2.csv"))
  }

  func testMisuseExitsTwoAndWritesNothing() throws {
    _ = try BatchTrees.copies(1, in: dir + "/in")
    let inside = try E2E.expect(2, ["batch", dir + "/in", "-o", dir + "/in/out", "--lang", "en"])
    XCTAssertTrue(inside.stderr.contains("batch never writes into the input tree"), inside.stderr)
    XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/in/out"))
    try E2E.expect(2, ["batch", dir + "/in", "-o", dir + "/out", "--shard", "3/2"])
    try E2E.expect(2, ["batch", dir + "/in", "-o", dir + "/out", "--to", "pdf"])
    try E2E.expect(2, ["batch", dir + "/in", "-o", dir + "/out", "--jobs", "0"])
    try E2E.expect(2, ["batch", dir + "/in", "-o", dir + "/out", "--report", dir + "/r.txt"])
    try E2E.expect(2, ["batch", dir + "/nothing", "-o", dir + "/out"])
    // A report in the input tree would be read as a CSV department next time.
    try E2E.expect(2, ["batch", dir + "/in", "-o", dir + "/out", "--report", dir + "/in/g0/r.csv"])
    XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/in/g0/r.csv"))
    XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/out"))
  }

  func testOnATerminalAProgressBarWithRateAndETA() throws {
    _ = try BatchTrees.copies(3, in: dir + "/in")
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else {
      return XCTFail("util-linux `script` is needed to give yusuan a terminal")
    }
    // `script` runs the command on a pseudo-terminal and copies what it shows.
    let command =
      ([try CLI.executable(), "batch", dir + "/in", "-o", dir + "/out", "--to", "json", "--jobs", "1", "--lang", "en"])
      .map { "'" + $0 + "'" }.joined(separator: " ")
    let result = try Subprocess.run("/usr/bin/script", ["-qec", command, "/dev/null"])
    let shown = result.stdout
    XCTAssertEqual(result.status, 0, shown)
    XCTAssertTrue(shown.contains("\r\u{1B}[K[████████████████████████] 3/3  "), shown)
    XCTAssertNotNil(shown.range(of: #"3/3  [0-9.]+/s  ETA 0:00"#, options: .regularExpression), shown)
    XCTAssertTrue(shown.contains("3/3 departments: 3 ok"), shown)
  }
}
