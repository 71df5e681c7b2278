import Foundation
import TestSupport
import XCTest

/// Killing a batch midway leaves no partial or temporary file, and a re-run finishes the rest
/// without redoing what was done.
final class CLIBatchInterruptTests: XCTestCase {
  var dir = ""

  override func setUpWithError() throws { dir = try Fixtures.scratchFolder("yusuan-batch-kill") }
  override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: dir) }

  /// Starts `yusuan batch`, waits until `ready` holds for the output folder, sends `signal`, returns the exit status.
  func interrupt(_ arguments: [String], signal: Int32, when ready: () -> Bool) throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try CLI.executable())
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    let deadline = Date().addingTimeInterval(120)
    while !ready(), process.isRunning, Date() < deadline { usleep(2_000) }
    XCTAssertTrue(process.isRunning, "the batch ended before it could be interrupted; give it more work")
    kill(process.processIdentifier, signal)
    process.waitUntilExit()
    return process.terminationStatus
  }

  func manifestLines() -> Int {
    let text = (try? String(contentsOfFile: dir + "/out/.yusuan-manifest.jsonl", encoding: .utf8)) ?? ""
    return text.split(separator: "\n").count
  }

  func check(signal: Int32, status: Int32) throws {
    let keys = try BatchTrees.copies(24, in: dir + "/in")
    let arguments = ["batch", dir + "/in", "-o", dir + "/out", "--to", "xlsx,json,csv", "--jobs", "2"]
    let exit = try interrupt(arguments, signal: signal) { manifestLines() >= 2 }
    XCTAssertEqual(exit, status)
    // No temporary file anywhere; every output present is whole.
    XCTAssertEqual(BatchTrees.temporaries(under: dir + "/out"), [])
    let done = manifestLines()
    XCTAssertGreaterThanOrEqual(done, 2)
    XCTAssertLessThan(done, keys.count, "the signal came too late to interrupt anything")
    let reference = try E2E.reference()
    for file in BatchTrees.files(under: dir + "/out") where file.hasSuffix(".json") && !file.hasPrefix(".") {
      XCTAssertEqual(try E2E.model(dir + "/out/" + file).withoutProvenance(), reference, file)
    }
    // The re-run skips exactly the departments the manifest records and does the rest.
    try E2E.expect(0, arguments + ["--report", dir + "/report.json"])
    let json = try JSONSerialization.jsonObject(with: Data(try Fixtures.bytes(dir + "/report.json"))) as? [String: Any]
    let rows = json?["rows"] as? [[String: Any]] ?? []
    XCTAssertEqual(rows.compactMap { $0["file"] as? String }, keys)
    XCTAssertEqual(rows.filter { $0["skipped"] as? Bool == true }.count, done)
    XCTAssertEqual(manifestLines(), keys.count)
    XCTAssertEqual(BatchTrees.files(under: dir + "/out").filter { $0.hasSuffix(".xlsx") }.count, keys.count)
    XCTAssertEqual(BatchTrees.temporaries(under: dir + "/out"), [])
  }

  func testSIGTERMStopsCleanlyWith143AndTheRerunResumes() throws {
    try check(signal: SIGTERM, status: 143)
  }

  func testSIGINTStopsCleanlyWith130() throws {
    try check(signal: SIGINT, status: 130)
  }

  func testLimitStopsAfterKAndTheRerunDoesTheRest() throws {
    let keys = try BatchTrees.copies(5, in: dir + "/in")
    let first = try E2E.expect(
      0, ["batch", dir + "/in", "-o", dir + "/out", "--to", "json", "--limit", "2", "--jobs", "1", "--lang", "en"])
    XCTAssertTrue(first.stderr.contains("2/5 departments"), first.stderr)
    XCTAssertEqual(manifestLines(), 2)
    // The same command again does the next two: what is up to date does not count.
    try E2E.expect(0, ["batch", dir + "/in", "-o", dir + "/out", "--to", "json", "--limit", "2", "--jobs", "1"])
    XCTAssertEqual(manifestLines(), 4)
    let second = try E2E.expect(
      0, ["batch", dir + "/in", "-o", dir + "/out", "--to", "json", "--lang", "en", "--report", dir + "/r.csv"])
    XCTAssertTrue(
      second.stderr.contains("5/5 departments: 5 ok") && second.stderr.contains("4 skipped as up to date"),
      second.stderr)
    let csv = String(decoding: try Fixtures.bytes(dir + "/r.csv"), as: UTF8.self).components(separatedBy: "\r\n")
      .dropFirst().filter { !$0.isEmpty }
    XCTAssertEqual(csv.map { $0.split(separator: ",")[6] }, ["yes", "yes", "yes", "yes", "no"])
    XCTAssertEqual(csv.map { String($0.split(separator: ",")[0]) }, keys)
  }
}
