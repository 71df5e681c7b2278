import Foundation
import Sheets
import TestSupport
import XCTest

/// Issue 21, item 2, through the built binary: inputs that hung or took gigabytes are refused
/// quickly with one clear line and exit 2.
final class CLIHostileInputBudgetTests: XCTestCase {
  var folder = ""

  override func setUpWithError() throws {
    folder = try Fixtures.scratchFolder("yusuan-e2e-budget")
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(atPath: folder)
  }

  private func expectRefused(
    _ arguments: [String], mentioning word: String, file: StaticString = #filePath, line: UInt = #line
  )
    throws
  {
    let start = ContinuousClock.now
    let result = try E2E.expect(2, arguments, file: file, line: line)
    XCTAssertTrue(result.stderr.contains(word), "stderr mentions \(word): \(result.stderr)", file: file, line: line)
    XCTAssertFalse(result.stderr.contains("Fatal error"), file: file, line: line)
    XCTAssertLessThan(ContinuousClock.now - start, .seconds(5), file: file, line: line)
  }

  func testRegression_FIFONamedCSVIsRefusedWithExit2InsteadOfHanging() throws {
    let path = folder + "/预算公开表01.csv"
    try HostileFiles.fifo(at: path)
    try expectRefused(["validate", path], mentioning: "不是普通文件")
    try expectRefused(["validate", path, "--lang", "en"], mentioning: "not a regular file")
  }

  func testRegression_SparseJSONIsRefusedBySizeBeforeItIsRead() throws {
    // 600 MB of holes: read whole, this took seconds and the memory of its size.
    let path = folder + "/d.json"
    try HostileFiles.sparseFile(at: path, size: 600 << 20)
    try expectRefused(["validate", path], mentioning: "MiB")
  }

  func testRegression_CSVFolderCountsAllItsFilesAgainstOneByteBudget() throws {
    // Each file within the limits; together over the folder's budget.
    let dir = folder + "/dept"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let share = Limits.default.maxCSVBytes / 3 + 1
    for i in 1...3 { try HostileFiles.sparseFile(at: dir + "/预算公开表0\(i).csv", size: share) }
    try expectRefused(["validate", dir], mentioning: "合计超过")
  }
}
