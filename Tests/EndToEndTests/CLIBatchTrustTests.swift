import Foundation
import TestSupport
import XCTest

/// Issue 21, item 3: batch outputs that lie. Each case runs the built binary; none may leave a
/// wrong "up to date" output or a temporary file.
final class CLIBatchTrustTests: XCTestCase {
  var dir = ""

  override func setUpWithError() throws { dir = try Fixtures.scratchFolder("yusuan-batch-trust") }
  override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: dir) }

  private func start(_ arguments: [String]) throws -> Process {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try CLI.executable())
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    return process
  }

  private func manifestLines(_ out: String) -> Int {
    let text = (try? String(contentsOfFile: out + "/.yusuan-manifest.jsonl", encoding: .utf8)) ?? ""
    return text.split(separator: "\n").count
  }

  private func waitFor(_ process: Process, until ready: () -> Bool) {
    let deadline = Date().addingTimeInterval(120)
    while !ready(), process.isRunning, Date() < deadline { usleep(2_000) }
  }

  private func reportRows(_ path: String) throws -> [[String: Any]] {
    let json = try JSONSerialization.jsonObject(with: Data(try Fixtures.bytes(path))) as? [String: Any]
    return json?["rows"] as? [[String: Any]] ?? []
  }

  func testRegression_SecondBatchOnTheSameOutputFolderIsRefusedAndTheFirstFinishesWhole() throws {
    let keys = try BatchTrees.copies(16, in: dir + "/in")
    let arguments = ["batch", dir + "/in", "-o", dir + "/out", "--to", "xlsx,json,csv", "--jobs", "1"]
    let first = try start(arguments)
    waitFor(first) { manifestLines(dir + "/out") >= 1 }
    XCTAssertTrue(first.isRunning, "the first batch ended too soon; give it more work")
    let second = try E2E.expect(2, arguments)
    XCTAssertTrue(second.stderr.contains("另一个批量转换正在写入"), second.stderr)
    first.waitUntilExit()
    XCTAssertEqual(first.terminationStatus, 0)
    XCTAssertEqual(BatchTrees.temporaries(under: dir + "/out"), [])
    XCTAssertEqual(manifestLines(dir + "/out"), keys.count)
    XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/out/.yusuan-lock"), "the lock file goes with the run")
    // Once the first is done, the folder is free again.
    let again = try E2E.expect(0, arguments + ["--lang", "en"])
    XCTAssertTrue(again.stderr.contains("\(keys.count) skipped as up to date"), again.stderr)
  }

  func testRegression_SIGHUPStopsCleanlyLikeSIGTERMAndWritesTheReport() throws {
    let keys = try BatchTrees.copies(24, in: dir + "/in")
    let batch = try start(
      ["batch", dir + "/in", "-o", dir + "/out", "--to", "xlsx,json,csv", "--jobs", "2", "--report", dir + "/r.json"])
    waitFor(batch) { manifestLines(dir + "/out") >= 2 }
    XCTAssertTrue(batch.isRunning, "the batch ended before it could be interrupted; give it more work")
    kill(batch.processIdentifier, SIGHUP)
    batch.waitUntilExit()
    XCTAssertEqual(batch.terminationReason, .exit)
    XCTAssertEqual(batch.terminationStatus, 128 + SIGHUP)
    XCTAssertEqual(BatchTrees.temporaries(under: dir + "/out"), [])
    let rows = try reportRows(dir + "/r.json")
    XCTAssertGreaterThanOrEqual(rows.count, 2)
    XCTAssertLessThan(rows.count, keys.count)
  }

  func testRegression_RunWhoseStderrPipeIsClosedStillWritesItsReport() throws {
    // Unreadable inputs print one line each; the reader of the pipe is gone before the first.
    for i in 0..<6 { try Fixtures.write(Array("not a workbook".utf8), to: dir + "/in/bad\(i).xlsx") }
    let yusuan = try CLI.executable()
    let command = "'\(yusuan)' batch '\(dir)/in' -o '\(dir)/out' --to json --report '\(dir)/r.json' 2>&1 | true"
    let shell = try Subprocess.run("/bin/sh", ["-c", command])
    XCTAssertEqual(shell.status, 0)
    XCTAssertEqual(try reportRows(dir + "/r.json").count, 6)
    XCTAssertEqual(BatchTrees.temporaries(under: dir + "/out"), [])
  }

  func testRegression_ReportPathOnADepartmentsOutputIsRefused() throws {
    _ = try BatchTrees.copies(2, in: dir + "/in")
    let collide = try E2E.expect(
      2, ["batch", dir + "/in", "-o", dir + "/out", "--to", "json", "--report", dir + "/out/g0/d000.json"])
    XCTAssertTrue(collide.stderr.contains("g0/d000.json"), collide.stderr)
    XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/out/g0/d000.json"))
    // A report beside the outputs, on no output's path, is fine.
    try FileManager.default.createDirectory(atPath: dir + "/out", withIntermediateDirectories: true)
    try E2E.expect(0, ["batch", dir + "/in", "-o", dir + "/out", "--to", "json", "--report", dir + "/out/report.json"])
    XCTAssertEqual(try reportRows(dir + "/out/report.json").count, 2)
  }

  func testRegression_JobsAreCappedWithAMessage() throws {
    _ = try BatchTrees.copies(1, in: dir + "/in")
    let run = try E2E.expect(
      0, ["batch", dir + "/in", "-o", dir + "/out", "--to", "json", "--jobs", "3000", "--lang", "en"])
    XCTAssertTrue(run.stderr.contains("--jobs 3000 is too many; running 64 threads"), run.stderr)
  }

  func testRegression_FullDiskKeepsTheSummaryAndTheReportAndLeavesNoTemporary() throws {
    let out = dir + "/out"
    try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
    guard getuid() == 0, try Subprocess.run("/bin/mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", out]).status == 0
    else {
      throw XCTSkip("needs root to mount a small tmpfs")
    }
    defer { _ = try? Subprocess.run("/bin/umount", [out]) }
    let keys = try BatchTrees.copies(24, in: dir + "/in")
    let run = try E2E.expect(
      2,
      [
        "batch", dir + "/in", "-o", out, "--to", "xlsx,json,csv", "--jobs", "1", "--report", dir + "/r.json", "--lang",
        "en",
      ])
    XCTAssertTrue(run.stderr.contains("24/24 departments"), run.stderr)
    let rows = try reportRows(dir + "/r.json")
    XCTAssertEqual(rows.count, keys.count)
    XCTAssertTrue(rows.contains { $0["status"] as? String == "failed" }, "the disk filled up: \(rows)")
    XCTAssertEqual(BatchTrees.temporaries(under: out), [])
    // What the manifest holds is whole: a rerun on a roomier disk skips only departments whose
    // outputs are all there.
    let manifest = (try? String(contentsOfFile: out + "/.yusuan-manifest.jsonl", encoding: .utf8)) ?? ""
    for line in manifest.split(separator: "\n") {
      guard let entry = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { continue }
      for output in entry["outputs"] as? [String] ?? [] {
        XCTAssertTrue(FileManager.default.fileExists(atPath: out + "/" + output), output)
      }
    }
  }

  func testRegression_InputReplacedWhileBatchRunsIsNeverRecordedWithTheOtherVersionsOutputs() throws {
    // Two versions of one department that differ in its name; a thread swaps them in (rename)
    // while batches run. Whatever the timing, a rerun that skips the department as up to date
    // must have outputs of the version now in place.
    let versionA = try Fixtures.bytes(Fixtures.fixtureJSON)
    let text = String(decoding: versionA, as: UTF8.self)
    let versionB = Array(text.replacingOccurrences(of: "大同市科学技术局[部门]", with: "大同市科学技术局（乙）[部门]").utf8)
    XCTAssertNotEqual(versionA, versionB)
    let input = dir + "/in/d.json"
    try Fixtures.write(versionA, to: input)
    let arguments = ["batch", dir + "/in", "-o", dir + "/out", "--to", "json", "--jobs", "1"]
    let stop = Atomic()
    let staged = dir + "/in/.staged"
    let swapper = Thread {
      var flip = false
      while !stop.isSet {
        _ = FileManager.default.createFile(atPath: staged, contents: Data(flip ? versionA : versionB))
        rename(staged, input)
        flip.toggle()
        usleep(300)
      }
    }
    swapper.start()
    for _ in 0..<12 { _ = try CLI.run(arguments + ["--force"]) }
    stop.set()
    usleep(20_000)
    let now = try Fixtures.bytes(input)
    let expected = now == versionA ? "大同市科学技术局[部门]" : "大同市科学技术局（乙）[部门]"
    try E2E.expect(0, arguments + ["--report", dir + "/r.json"])
    let output = String(decoding: try Fixtures.bytes(dir + "/out/d.json"), as: UTF8.self)
    XCTAssertTrue(
      output.contains("\"department\" : \"\(expected)\"") || output.contains("\"department\": \"\(expected)\""),
      output.prefix(200).description)
  }

  func testRegression_DepartmentThatShrinksKeepsNoStaleCSV() throws {
    let fixtures = Fixtures.repoRoot.appendingPathComponent("Tests/Fixtures/csv").path
    let names = try FileManager.default.contentsOfDirectory(atPath: fixtures).filter { $0.hasSuffix(".csv") }.sorted()
    XCTAssertEqual(names.count, 13)
    for name in names { try Fixtures.write(try Fixtures.bytes(fixtures + "/" + name), to: dir + "/in/dept/" + name) }
    let arguments = ["batch", dir + "/in", "-o", dir + "/out", "--to", "csv"]
    try E2E.expect(0, arguments)
    let before = BatchTrees.files(under: dir + "/out/dept").filter { $0.hasSuffix(".csv") }
    XCTAssertEqual(before.count, 13)
    // The department now has 3 tables: its CSV folder is replaced whole, not written over.
    for name in names.dropFirst(3) { try FileManager.default.removeItem(atPath: dir + "/in/dept/" + name) }
    _ = try CLI.run(arguments)
    let after = BatchTrees.files(under: dir + "/out/dept").filter { $0.hasSuffix(".csv") }
    XCTAssertEqual(after, Array(names.prefix(3)))
    XCTAssertEqual(BatchTrees.temporaries(under: dir + "/out"), [])
  }

  func testRegression_SymlinkedFolderGetsAReportRow() throws {
    _ = try BatchTrees.copies(1, in: dir + "/elsewhere")
    _ = try BatchTrees.copies(1, in: dir + "/in")
    try FileManager.default.createSymbolicLink(atPath: dir + "/in/linked", withDestinationPath: dir + "/elsewhere")
    try E2E.expect(2, ["batch", dir + "/in", "-o", dir + "/out", "--to", "json", "--report", dir + "/r.json"])
    let rows = try reportRows(dir + "/r.json")
    let linked = rows.first { $0["file"] as? String == "linked/" }
    XCTAssertEqual(linked?["status"] as? String, "unreadable", "\(rows)")
    XCTAssertTrue((linked?["error"] as? String ?? "").contains("符号链接"), "\(rows)")
    XCTAssertEqual(rows.count, 2)
  }

  func testRegression_WorkbookNamedLikeACSVTableBesideACSVFolderDoesNotCollide() throws {
    let fixtures = Fixtures.repoRoot.appendingPathComponent("Tests/Fixtures/csv").path
    for name in try FileManager.default.contentsOfDirectory(atPath: fixtures) where name.hasSuffix(".csv") {
      try Fixtures.write(try Fixtures.bytes(fixtures + "/" + name), to: dir + "/in/dept/" + name)
    }
    try Fixtures.write(try Fixtures.bytes(Fixtures.sampleXLSX), to: dir + "/in/dept/预算公开表01.csv.xlsx")
    let arguments = ["batch", dir + "/in", "-o", dir + "/out", "--to", "csv,json", "--report", dir + "/r.json"]
    for _ in 0..<2 {
      try E2E.expect(0, arguments)
      let rows = try reportRows(dir + "/r.json")
      XCTAssertEqual(rows.count, 2)
      XCTAssertTrue(rows.allSatisfy { $0["status"] as? String == "ok" }, "\(rows)")
    }
    XCTAssertEqual(
      BatchTrees.files(under: dir + "/out/dept").filter { !$0.contains("/") && $0.hasSuffix(".csv") }.count, 13)
  }
}

/// A flag one thread raises and another reads.
private final class Atomic: @unchecked Sendable {
  private let lock = NSLock()
  private var value = false
  var isSet: Bool { lock.withLock { value } }
  func set() { lock.withLock { value = true } }
}
