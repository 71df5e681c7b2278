import Budget
import Foundation
import TestSupport
import XCTest

/// Output paths on the built binary (issue 19 item 1, issue 21 item 4, SPEC "Never silently
/// wrong" Outputs): nothing but a regular file is ever replaced, `-o -` is standard output,
/// contradictions are refused before the input is read, CSV folders never mix two runs.
final class CLIOutputPathTests: XCTestCase {
  var folder = ""

  override func setUpWithError() throws { folder = try Fixtures.scratchFolder("yusuan-e2e-outputs") }
  override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: folder) }

  private var json: String { Fixtures.fixtureJSON }
  private func entries(_ path: String? = nil) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: path ?? folder).sorted()
  }
  private func kind(_ path: String) throws -> FileAttributeType? {
    try FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType
  }

  func testRegression_OutputOntoASymlinkIsRefusedAndTheLinkKept() throws {
    let link = folder + "/link.json"
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: folder + "/target.json")
    let result = try E2E.expect(2, ["convert", json, "-o", link])
    XCTAssertTrue(result.stderr.contains("拒绝写入 \(link)：它是符号链接，不是普通文件"), result.stderr)
    XCTAssertEqual(try kind(link), .typeSymbolicLink)
    XCTAssertEqual(try entries(), ["link.json"], "no target and no temporary file")
  }

  func testRegression_OutputOntoAFIFOIsRefusedAndTheFIFOKept() throws {
    let fifo = folder + "/fifo"
    XCTAssertEqual(mkfifo(fifo, 0o644), 0)
    let result = try E2E.expect(2, ["convert", json, "-o", fifo, "--to", "json", "--lang", "en"])
    XCTAssertTrue(result.stderr.contains("it is a FIFO, not a regular file"), result.stderr)
    var info = stat()
    XCTAssertEqual(lstat(fifo, &info), 0)
    XCTAssertEqual(info.st_mode & S_IFMT, S_IFIFO, "still a FIFO")
    XCTAssertEqual(try entries(), ["fifo"])
  }

  func testRegression_OutputOntoAFolderAsAFileIsRefused() throws {
    try FileManager.default.createDirectory(atPath: folder + "/out.json", withIntermediateDirectories: false)
    let result = try E2E.expect(2, ["convert", json, "-o", folder + "/out.json"])
    XCTAssertTrue(result.stderr.contains("它是文件夹，不是普通文件"), result.stderr)
  }

  func testRegression_DashWritesToStandardOutput() throws {
    let asJSON = try E2E.expect(0, ["convert", json, "-o", "-"], in: folder)
    XCTAssertEqual(try Disclosure(jsonBytes: Array(asJSON.stdout.utf8)).withoutProvenance(), try E2E.reference())
    XCTAssertTrue(asJSON.stderr.contains("→ 标准输出"), asJSON.stderr)
    let asXLSX = try CLI.run(["convert", json, "-o", "-", "--to", "xlsx"], in: folder)
    XCTAssertEqual(asXLSX.status, 0, asXLSX.stderr)
    XCTAssertTrue(asXLSX.stdout.utf8.starts(with: Array("PK".utf8)), "a zip on standard output")
    XCTAssertEqual(try entries(), [], "no folder named - and no temporary file")
    let csv = try E2E.expect(2, ["convert", json, "-o", "-", "--to", "csv"], in: folder)
    XCTAssertTrue(csv.stderr.contains("-o - 只能写单个文件"), csv.stderr)
  }

  func testRegression_ExtensionContradictingToIsRefusedBeforeReading() throws {
    // The input does not exist: the output's error comes first, so nothing was read or checked.
    let result = try E2E.expect(2, ["convert", folder + "/没有.xlsx", "-o", folder + "/out.json", "--to", "xlsx"])
    XCTAssertTrue(result.stderr.contains("扩展名 .json 与 --to xlsx 矛盾"), result.stderr)
    XCTAssertFalse(result.stderr.contains("找不到输入文件"), result.stderr)
    try E2E.expect(2, ["convert", json, "-o", folder + "/out.xlsx", "--to", "json"])
    XCTAssertEqual(try entries(), [])
  }

  func testRegression_CSVOutputNamedLikeOneCSVFileIsRefused() throws {
    let result = try E2E.expect(2, ["convert", json, "-o", folder + "/one.csv"])
    XCTAssertTrue(result.stderr.contains("CSV 输出是一个文件夹"), result.stderr)
    XCTAssertEqual(try entries(), [], "no folder named one.csv")
  }

  func testRegression_MissingParentFoldersAreCreatedForEveryFormat() throws {
    for (name, to) in [("a/b/out.xlsx", "xlsx"), ("c/d/out.json", "json"), ("e/f/out", "csv")] {
      try E2E.expect(0, ["convert", json, "-o", folder + "/" + name, "--to", to])
    }
    XCTAssertTrue(FileManager.default.fileExists(atPath: folder + "/a/b/out.xlsx"))
    XCTAssertTrue(FileManager.default.fileExists(atPath: folder + "/c/d/out.json"))
    XCTAssertEqual(try entries(folder + "/e/f/out").count, 13)
    XCTAssertEqual(try entries(folder + "/a/b"), ["out.xlsx"], "no temporary left")
  }

  func testRegression_CSVOutputOntoAnExistingFileIsAClearMessage() throws {
    let file = folder + "/existing"
    try Data("keep".utf8).write(to: URL(fileURLWithPath: file))
    let result = try E2E.expect(2, ["convert", json, "-o", file, "--to", "csv"])
    XCTAssertTrue(result.stderr.contains("CSV 输出应为文件夹，但 \(file) 已是普通文件"), result.stderr)
    XCTAssertFalse(result.stderr.contains("CocoaError"), result.stderr)
    XCTAssertEqual(try Fixtures.bytes(file), Array("keep".utf8))
    let parent = try E2E.expect(2, ["convert", json, "-o", file + "/x.json"])
    XCTAssertTrue(parent.stderr.contains("无法建立输出文件夹：\(file) 不是文件夹"), parent.stderr)
    let empty = try E2E.expect(2, ["convert", json, "-o", ""])
    XCTAssertTrue(empty.stderr.contains("输出路径为空"), empty.stderr)
  }

  func testRegression_FolderThatCannotBeWrittenIsRefusedBeforeValidation() throws {
    // /proc/self takes no new file, even for root (whom permission bits would not stop).
    let result = try E2E.expect(2, ["convert", json, "-o", "/proc/self/out.json"])
    XCTAssertTrue(result.stderr.contains("无法在文件夹 /proc/self 中写出"), result.stderr)
    XCTAssertFalse(result.stderr.contains("校验："), "refused before validating:\n\(result.stderr)")
  }

  func testRegression_ConvertingIntoAnExistingCSVFolderNeverMixesTwoWorkbooks() throws {
    let out = folder + "/out"
    try E2E.expect(0, ["convert", json, "-o", out, "--to", "csv"])
    XCTAssertEqual(try entries(out).count, 13)
    // A second department with only 表1–3, converted into the same folder.
    var small = try E2E.reference()
    small.tables = Array(small.tables.prefix(3))
    let smallJSON = folder + "/small.json"
    try Fixtures.write(small.jsonBytes(), to: smallJSON)
    try E2E.expect(0, ["convert", smallJSON, "-o", out, "--to", "csv"])
    XCTAssertEqual(try entries(out), ["预算公开表01.csv", "预算公开表02.csv", "预算公开表03.csv"], "stale tables removed")
    XCTAssertFalse(try entries().contains { $0.contains(".tmp-") })
    // A file Yusuan did not write is left and reported.
    try Data("mine".utf8).write(to: URL(fileURLWithPath: out + "/备注.txt"))
    let again = try E2E.expect(0, ["convert", json, "-o", out, "--to", "csv"])
    XCTAssertTrue(again.stderr.contains("另有 1 个不是 Yusuan 写出的文件，未改动：备注.txt"), again.stderr)
    XCTAssertEqual(try entries(out).count, 14)
    XCTAssertEqual(try Fixtures.bytes(out + "/备注.txt"), Array("mine".utf8))
    // Reading the folder back gives the last workbook whole.
    try E2E.expect(0, ["convert", out, "-o", folder + "/back.json"])
    XCTAssertEqual(try E2E.model(folder + "/back.json").tables.map(\.number), Array(1...13))
  }

  func testCSVOutputIntoTheCurrentFolderOrWithATrailingSlash() throws {
    for (target, expected) in [(".", "."), ("./", "."), ("sub/", "sub")] {
      let result = try E2E.expect(0, ["convert", json, "-o", target, "--to", "csv"], in: folder)
      XCTAssertFalse(
        result.stderr.contains("不是 Yusuan 写出的文件"), "the temporary folder is no foreign file:\n\(result.stderr)")
      XCTAssertEqual(try entries(folder + "/" + expected).filter { $0.hasSuffix(".csv") }.count, 13)
    }
    XCTAssertEqual(try entries().filter { $0.contains(".tmp-") }, [])
    XCTAssertEqual(try entries().filter { !$0.hasSuffix(".csv") }, ["sub"])
  }

  func testRegression_InterruptedConvertLeavesNoTemporaryFile() throws {
    let executable = try CLI.executable()
    for step in 0..<12 {
      let target = folder + "/run\(step).xlsx"
      let process = Process()
      process.executableURL = URL(fileURLWithPath: executable)
      process.arguments = ["convert", Fixtures.sampleXLSX, "-o", target, "-o", folder + "/run\(step)-csv"]
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      usleep(UInt32(20_000 * step))
      process.terminate()  // SIGTERM
      process.waitUntilExit()
      // 15: killed before the handlers were installed (nothing written yet); 143: cleaned up.
      XCTAssertTrue([0, 15, 143].contains(process.terminationStatus), "step \(step): \(process.terminationStatus)")
      if FileManager.default.fileExists(atPath: target) {
        XCTAssertEqual(try E2E.expect(0, ["inspect", target]).status, 0, "an output that appears is whole")
      }
    }
    XCTAssertEqual(try entries().filter { $0.contains(".tmp-") }, [], "temporary files removed on SIGTERM")
  }
}
