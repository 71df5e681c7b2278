import Foundation
import TestSupport
import XCTest

/// Bad inputs and impossible outputs: exit 2, one clear line, no crash, nothing half-written.
final class CLIFailureTests: XCTestCase {
  var folder = ""

  override func setUpWithError() throws {
    folder = try Fixtures.scratchFolder("yusuan-e2e-fail")
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(atPath: folder)
  }

  private func assertOneClearLine(
    _ result: CLI.Result, mentioning words: [String], file: StaticString = #filePath, line: UInt = #line
  ) {
    let lines = E2E.lines(result.stderr)
    XCTAssertEqual(lines.count, 1, "one line on stderr:\n\(result.stderr)", file: file, line: line)
    for word in words {
      XCTAssertTrue(result.stderr.contains(word), "stderr mentions \(word): \(result.stderr)", file: file, line: line)
    }
    XCTAssertFalse(result.stderr.contains("Fatal error"), file: file, line: line)
    XCTAssertEqual(result.stdout, "", file: file, line: line)
  }

  private func entries() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: folder).sorted() }

  func testMissingInput() throws {
    let result = try E2E.expect(2, ["convert", folder + "/没有.xlsx", "-o", folder + "/out.json"])
    assertOneClearLine(result, mentioning: ["找不到输入文件", "没有.xlsx"])
    XCTAssertEqual(try entries(), [])
    let en = try E2E.expect(2, ["convert", folder + "/none.xlsx", "-o", folder + "/out.json", "--lang", "en"])
    assertOneClearLine(en, mentioning: ["input not found", "none.xlsx"])
  }

  func testOutputOntoTheInputIsRefusedAndTheInputUnchanged() throws {
    let json = folder + "/d.json"
    try FileManager.default.copyItem(atPath: Fixtures.fixtureJSON, toPath: json)
    let before = try Fixtures.bytes(json)
    let same = try E2E.expect(2, ["convert", json, "-o", json])
    XCTAssertFalse(same.stderr.isEmpty)
    XCTAssertEqual(try Fixtures.bytes(json), before)
    // The same file under another spelling and through a symbolic link.
    try E2E.expect(2, ["convert", "d.json", "-o", "./././d.json"], in: folder)
    try FileManager.default.createSymbolicLink(atPath: folder + "/link.json", withDestinationPath: json)
    try E2E.expect(2, ["convert", json, "-o", folder + "/link.json"])
    XCTAssertEqual(try Fixtures.bytes(json), before)
    let xlsx = folder + "/book.xlsx"
    try FileManager.default.copyItem(atPath: Fixtures.sampleXLSX, toPath: xlsx)
    let xlsxBefore = try Fixtures.bytes(xlsx)
    try E2E.expect(2, ["convert", xlsx, "-o", xlsx])
    XCTAssertEqual(try Fixtures.bytes(xlsx), xlsxBefore)
    XCTAssertEqual(try entries(), ["book.xlsx", "d.json", "link.json"], "no temporary file left behind")
  }

  func testOneFailingOutputOfSeveralIsReportedAndTheOthersAreWhole() throws {
    // A name longer than 255 bytes passes the checks made before reading and fails at the
    // rename (a missing folder is no longer a failure: it is created).
    let long = String(repeating: "长", count: 90)
    let result = try E2E.expect(
      2,
      [
        "convert", Fixtures.sampleXLSX, "-o", folder + "/a.json", "-o", folder + "/\(long)b.xlsx", "-o",
        folder + "/c.xlsx",
        "-o", folder + "/\(long)d.json",
      ])
    let lines = E2E.lines(result.stderr)
    XCTAssertTrue(lines[0].hasPrefix("校验："), result.stderr)
    // The written outputs and then the two failures, each once, in the order given.
    XCTAssertEqual(lines.count, 5, result.stderr)
    XCTAssertTrue(lines[1].hasPrefix("已写出") && lines[1].hasSuffix("a.json"), result.stderr)
    XCTAssertTrue(lines[2].hasPrefix("已写出") && lines[2].hasSuffix("c.xlsx"), result.stderr)
    XCTAssertTrue(lines[3].contains("\(long)b.xlsx") && lines[3].contains("文件名过长"), result.stderr)
    XCTAssertTrue(lines[4].contains("\(long)d.json"), result.stderr)
    XCTAssertEqual(try entries(), ["a.json", "c.xlsx"])
    try E2E.expect(0, ["convert", Fixtures.sampleXLSX, "-o", folder + "/alone.json"])
    XCTAssertEqual(try Fixtures.bytes(folder + "/a.json"), try Fixtures.bytes(folder + "/alone.json"))
  }

  func testCSVOutputIntoTheInputFolderDoesNotReplaceInputs() throws {
    let input = folder + "/csv"
    try FileManager.default.copyItem(atPath: Fixtures.sampleCSVFolder, toPath: input)
    let before = try Fixtures.bytes(input + "/预算公开表03.csv")
    try E2E.expect(2, ["convert", input, "-o", input, "--to", "csv", "--csv-layout", "tidy"])
    XCTAssertEqual(try Fixtures.bytes(input + "/预算公开表03.csv"), before)
  }

  func testAFailedWriteLeavesNoPartialFile() throws {
    // The output path is an existing folder: the final rename fails after the data was written.
    try FileManager.default.createDirectory(atPath: folder + "/out.json", withIntermediateDirectories: false)
    let result = try E2E.expect(2, ["convert", Fixtures.sampleXLSX, "-o", folder + "/out.json"])
    XCTAssertFalse(result.stderr.isEmpty)
    XCTAssertEqual(try entries(), ["out.json"], "no temporary file left behind")
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder + "/out.json"), [])
    // The parent of the output is a file: nothing can be created.
    try Data("x".utf8).write(to: URL(fileURLWithPath: folder + "/plain"))
    try E2E.expect(2, ["convert", Fixtures.sampleXLSX, "-o", folder + "/plain/out.xlsx"])
    XCTAssertEqual(try entries(), ["out.json", "plain"])
    // Same for xlsx over a folder.
    try FileManager.default.createDirectory(atPath: folder + "/out.xlsx", withIntermediateDirectories: false)
    try E2E.expect(2, ["convert", Fixtures.sampleXLSX, "-o", folder + "/out.xlsx"])
    XCTAssertEqual(try entries(), ["out.json", "out.xlsx", "plain"])
  }

  /// Formats are told by content: CSV text named .xlsx is read as the CSV it is (here without a
  /// budget table, so nothing is recognized), not refused as a broken workbook.
  func testTextFileNamedXLSXIsReadAsCSV() throws {
    let path = folder + "/fake.xlsx"
    try Fixtures.write(HostileFiles.textAsXLSX(), to: path)
    let result = try E2E.expect(2, ["convert", path, "-o", folder + "/out.json"])
    XCTAssertTrue(result.stderr.contains("未在 \(path) 中识别出任何预算公开表"), result.stderr)
    XCTAssertFalse(result.stderr.contains("zip"), result.stderr)
    XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/out.json"))
    let inspect = try E2E.expect(0, ["inspect", path])
    XCTAssertTrue(inspect.stdout.contains("A2=2060101"), inspect.stdout)
  }

  func testTruncatedZip() throws {
    let path = folder + "/cut.xlsx"
    try Fixtures.write(HostileFiles.truncated(), to: path)
    let result = try E2E.expect(2, ["convert", path, "-o", folder + "/out.json"])
    assertOneClearLine(result, mentioning: ["cut.xlsx"])
    XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/out.json"))
    // The real sample cut in half.
    let half = folder + "/half.xlsx"
    let sample = try Fixtures.bytes(Fixtures.sampleXLSX)
    try Fixtures.write(Array(sample.prefix(sample.count / 2)), to: half)
    assertOneClearLine(try E2E.expect(2, ["convert", half, "-o", folder + "/out.json"]), mentioning: ["half.xlsx"])
  }

  func testEmptyAndBinaryGarbageInputs() throws {
    let empty = folder + "/empty.xlsx"
    try Fixtures.write([], to: empty)
    assertOneClearLine(try E2E.expect(2, ["convert", empty, "-o", folder + "/out.json"]), mentioning: ["empty.xlsx"])
    let json = folder + "/broken.json"
    try Fixtures.write(Array("{\"format\": \"yusuan-disclosure\",\n \"version\": 1,\n \"version\": 2}".utf8), to: json)
    let result = try E2E.expect(2, ["convert", json, "-o", folder + "/out.xlsx"])
    XCTAssertTrue(result.stderr.contains("第3行"), result.stderr)
    XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/out.xlsx"))
  }

  func testEmptyFolderInput() throws {
    try FileManager.default.createDirectory(atPath: folder + "/nothing", withIntermediateDirectories: false)
    assertOneClearLine(
      try E2E.expect(2, ["convert", folder + "/nothing", "-o", folder + "/out.json"]), mentioning: ["nothing"])
  }
}
