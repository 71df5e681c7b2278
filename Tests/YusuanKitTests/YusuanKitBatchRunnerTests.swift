import Foundation
import TestSupport
import XCTest

@testable import YusuanKit

/// The batch engine in-process: statuses, outputs, resume, parallel runs, leftovers of a kill.
final class YusuanKitBatchRunnerTests: XCTestCase {
  var dir = ""

  override func setUpWithError() throws { dir = try Fixtures.scratchFolder("yusuankit-run") }
  override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: dir) }

  func run(_ inputs: [String], _ configure: (inout BatchOptions) -> Void = { _ in }) throws -> BatchSummary {
    var options = BatchOptions(formats: [.xlsx, .json])
    options.configuration.language = .en
    configure(&options)
    let plan = try BatchPlan.discover(inputs, output: dir + "/out", shard: options.shard)
    return try BatchRunner(plan: plan, options: options).run()
  }

  func testMixedTreeRowsOutputsAndExitStatus() throws {
    let expected = try BatchTrees.mixed(in: dir + "/in")
    let before = BatchTrees.files(under: dir + "/in")
    let summary = try run([dir + "/in"]) { $0.formats = [.xlsx, .json, .csv] }
    XCTAssertEqual(summary.rows.map(\.file), expected.map(\.key))
    XCTAssertEqual(summary.rows.map(\.status.rawValue), expected.map(\.status))
    XCTAssertEqual(summary.rows.map(\.findings), expected.map(\.findings))
    XCTAssertEqual(summary.exitStatus, 2)
    XCTAssertEqual(summary.rows[1].department, "大同市科学技术局[部门]")
    XCTAssertEqual(summary.rows[1].year, 2023)
    XCTAssertEqual(summary.rows[1].outputs, ["a/good.xlsx", "a/good.json", "a/good"])
    XCTAssertTrue(summary.rows[2].error?.contains("broken.xlsx") == true, summary.rows[2].error ?? "")
    XCTAssertTrue(summary.rows[4].error?.contains("no budget disclosure table") == true, summary.rows[4].error ?? "")
    // Outputs: 3 readable departments × (xlsx + json + 13 CSV), plus the manifest.
    let out = BatchTrees.files(under: dir + "/out")
    XCTAssertEqual(out.count, 3 * 15 + 1, "\(out)")
    XCTAssertTrue(out.contains("dept-csv/预算公开表13.csv"))
    XCTAssertTrue(out.contains("a/b/invalid.xlsx"))
    XCTAssertFalse(out.contains { $0.hasPrefix("broken") || $0.hasPrefix("other") })
    // The invalid department's outputs still carry the published (wrong) number: report, don't repair.
    let invalid = try Yusuan.read([dir + "/out/a/b/invalid.xlsx"]).disclosure
    XCTAssertTrue(invalid.jsonText().contains("1039.42"))
    // The input tree is exactly as it was.
    XCTAssertEqual(BatchTrees.files(under: dir + "/in"), before)
  }

  func testOnlyFindingsGiveExitOneAndStrictCountsRounding() throws {
    _ = try BatchTrees.copies(2, in: dir + "/in")
    XCTAssertEqual(try run([dir + "/in"]).exitStatus, 0)
    try Fixtures.write(try BatchTrees.invalidJSON(), to: dir + "/in/bad.json")
    XCTAssertEqual(try run([dir + "/in"]).exitStatus, 1)
    let strict = try run([dir + "/in/g0"]) { $0.strict = true }
    XCTAssertEqual(strict.rows.map(\.status), [.findings])
  }

  func testLimitThenResumeSkipsWhatIsDoneAndRedoesWhatChanged() throws {
    let keys = try BatchTrees.copies(6, in: dir + "/in")
    let first = try run([dir + "/in"]) {
      $0.limit = 2
      $0.configuration.jobs = 1
    }
    XCTAssertEqual(first.rows.map(\.file), Array(keys.prefix(2)))
    let stamp =
      try FileManager.default.attributesOfItem(
        atPath: dir + "/out/" + keys[0].replacingOccurrences(of: ".xlsx", with: ".json"))[.modificationDate] as? Date

    // Up-to-date departments do not count against the limit: repeated slices make progress.
    let slice = try run([dir + "/in"]) {
      $0.limit = 2
      $0.configuration.jobs = 2
    }
    XCTAssertEqual(slice.rows.map(\.file), Array(keys.prefix(4)))
    XCTAssertEqual(slice.rows.map(\.skipped), [true, true, false, false])

    let second = try run([dir + "/in"]) { $0.configuration.jobs = 2 }
    XCTAssertEqual(second.rows.map(\.file), keys)
    XCTAssertEqual(second.rows.map(\.skipped), [true, true, true, true, false, false])
    let again =
      try FileManager.default.attributesOfItem(
        atPath: dir + "/out/" + keys[0].replacingOccurrences(of: ".xlsx", with: ".json"))[.modificationDate] as? Date
    XCTAssertEqual(stamp, again, "a skipped department's outputs are not rewritten")

    // A changed input, a deleted output and new options are redone; the rest is skipped.
    try Fixtures.write(HostileFiles.truncated(), to: dir + "/in/" + keys[2])
    try FileManager.default.removeItem(atPath: dir + "/out/" + keys[3].replacingOccurrences(of: ".xlsx", with: ".json"))
    let third = try run([dir + "/in"])
    XCTAssertEqual(third.rows.map(\.skipped), [true, true, false, false, true, true])
    XCTAssertEqual(third.rows[2].status, .unreadable, "the changed input is read again")
    XCTAssertEqual(try run([dir + "/in"]) { $0.configuration.tolerance = Amount(parsing: "0.01")! }.skipped, 0)
  }

  func testTornManifestLineAndStaleTemporariesFromAKillAreHandled() throws {
    let keys = try BatchTrees.copies(3, in: dir + "/in")
    _ = try run([dir + "/in"])
    let manifest = dir + "/out/.yusuan-manifest.jsonl"
    var text = try String(contentsOfFile: manifest, encoding: .utf8)
    XCTAssertEqual(text.split(separator: "\n").count, 3)
    // What a SIGKILL can leave: a torn last line and a temporary file beside an output.
    text += #"{"department":"x","findings":0,"hash":"#
    try text.write(toFile: manifest, atomically: false, encoding: .utf8)
    let stale = dir + "/out/g1/.d001.json.tmp-Ab12Cd"
    try Fixtures.write([1, 2, 3], to: stale)
    let foreign = dir + "/out/g1/.someone-else.txt.tmp-Ab12Cd"
    try Fixtures.write([1], to: foreign)
    let summary = try run([dir + "/in"])
    XCTAssertEqual(summary.skipped, 3)
    XCTAssertFalse(FileManager.default.fileExists(atPath: stale))
    XCTAssertTrue(FileManager.default.fileExists(atPath: foreign), "only this run's own temporaries are removed")
    // Compaction leaves one well-formed line per department.
    let lines = try String(contentsOfFile: manifest, encoding: .utf8).split(separator: "\n")
    XCTAssertEqual(lines.count, 3)
    XCTAssertEqual(BatchManifest.parse(manifest).map(\.key), keys)
  }

  func testTwoJobsGiveTheSameOutputsAsOne() throws {
    _ = try BatchTrees.mixed(in: dir + "/in")
    _ = try BatchTrees.copies(5, in: dir + "/in/more")
    let one = try run([dir + "/in"]) {
      $0.configuration.jobs = 1
      $0.formats = [.json, .csv, .xlsx]
    }
    let oneFiles = BatchTrees.files(under: dir + "/out").filter { !$0.hasPrefix(".") }
    let oneBytes = try oneFiles.filter { !$0.hasSuffix(".xlsx") }.map { try Fixtures.bytes(dir + "/out/" + $0) }
    try FileManager.default.moveItem(atPath: dir + "/out", toPath: dir + "/out1")
    let two = try run([dir + "/in"]) {
      $0.configuration.jobs = 2
      $0.formats = [.json, .csv, .xlsx]
    }
    XCTAssertEqual(one.rows, two.rows)
    let twoFiles = BatchTrees.files(under: dir + "/out").filter { !$0.hasPrefix(".") }
    XCTAssertEqual(oneFiles, twoFiles)
    XCTAssertEqual(
      oneBytes, try twoFiles.filter { !$0.hasSuffix(".xlsx") }.map { try Fixtures.bytes(dir + "/out/" + $0) })
    // Workbooks carry a creation time; their content must agree.
    for file in twoFiles where file.hasSuffix(".xlsx") {
      XCTAssertEqual(
        try Yusuan.read([dir + "/out1/" + file]).disclosure.withoutProvenance(),
        try Yusuan.read([dir + "/out/" + file]).disclosure.withoutProvenance(), file)
    }
  }

  func testVerifyRoundTripsEveryOutput() throws {
    _ = try BatchTrees.copies(1, in: dir + "/in")
    let summary = try run([dir + "/in"]) {
      $0.verify = true
      $0.formats = [.xlsx, .json, .csv]
    }
    XCTAssertEqual(summary.rows.map(\.status), [.ok])
  }

  func testReportsInEveryFormat() throws {
    _ = try BatchTrees.mixed(in: dir + "/in")
    let summary = try run([dir + "/in"])
    try summary.writeReport(to: dir + "/r.csv")
    let csv = String(decoding: try Fixtures.bytes(dir + "/r.csv"), as: UTF8.self)
    let lines = csv.split(separator: "\r\n").map(String.init)
    XCTAssertEqual(lines[0], "\u{FEFF}file,department,year,status,findings,outputs,skipped,error")
    XCTAssertEqual(lines[2], "a/good.xlsx,大同市科学技术局[部门],2023,ok,2,a/good.xlsx;a/good.json,no,")
    try summary.writeReport(to: dir + "/r.json")
    let json = try JSONSerialization.jsonObject(with: Data(try Fixtures.bytes(dir + "/r.json"))) as! [String: Any]
    XCTAssertEqual(json["exitStatus"] as? Int, 2)
    XCTAssertEqual(
      (json["rows"] as? [[String: Any]])?.compactMap { $0["status"] as? String },
      ["findings", "ok", "unreadable", "ok", "unreadable"])
    try summary.writeReport(to: dir + "/r.xml")
    let xml = String(decoding: try Fixtures.bytes(dir + "/r.xml"), as: UTF8.self)
    XCTAssertTrue(xml.contains(#"<testsuite name="yusuan batch" tests="5" failures="1" errors="2""#), xml)
    XCTAssertEqual(xml.components(separatedBy: "<testcase ").count - 1, 5)
    XCTAssertThrowsError(try summary.writeReport(to: dir + "/r.txt"))
  }
}
