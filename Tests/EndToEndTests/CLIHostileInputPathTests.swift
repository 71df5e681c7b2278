import Foundation
import TestSupport
import XCTest

/// Inputs that are not regular files, and input text aimed at the terminal (issue 21 item 5):
/// a typed Chinese message and exit 2, never a raw CocoaError, a hang or raw escape sequences.
final class CLIHostileInputPathTests: XCTestCase {
  var folder = ""

  override func setUpWithError() throws { folder = try Fixtures.scratchFolder("yusuan-e2e-inputpaths") }
  override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: folder) }

  /// Runs yusuan, killing it (and failing) after `seconds`: a FIFO used to block forever.
  private func runBounded(_ arguments: [String], seconds: Double = 20) throws -> (status: Int32, stderr: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try CLI.executable())
    process.arguments = arguments
    let err = Pipe()
    process.standardError = err
    process.standardOutput = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let deadline = Date().addingTimeInterval(seconds)
    while process.isRunning && Date() < deadline { usleep(20_000) }
    if process.isRunning {
      process.terminate()
      process.waitUntilExit()
      XCTFail("yusuan \(arguments.joined(separator: " ")) still running after \(seconds) s")
    }
    let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    return (process.terminationStatus, text)
  }

  func testRegression_FIFOAsJSONOrCSVIsATypedMessageNotACocoaErrorOrAHang() throws {
    for name in ["f.json", "f.csv", "f"] {
      let fifo = folder + "/" + name
      XCTAssertEqual(mkfifo(fifo, 0o644), 0)
      let result = try runBounded(["validate", fifo])
      XCTAssertEqual(result.status, 2, result.stderr)
      XCTAssertTrue(result.stderr.contains("无法读取 \(fifo)：它是命名管道（FIFO），不是普通文件"), result.stderr)
      XCTAssertFalse(result.stderr.contains("CocoaError"), result.stderr)
    }
  }

  func testRegression_DevZeroAsJSONIsRefusedBeforeReading() throws {
    let link = folder + "/zero.json"
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/dev/zero")
    for input in [link, "/dev/zero"] {
      let result = try runBounded(["convert", input, "-o", folder + "/out.json", "--lang", "en"])
      XCTAssertEqual(result.status, 2, result.stderr)
      XCTAssertTrue(result.stderr.contains("it is a character device, not a regular file"), result.stderr)
    }
  }

  func testRegression_SymlinkLoopIsNamedAsSuchNotAsMissing() throws {
    try FileManager.default.createSymbolicLink(atPath: folder + "/a.json", withDestinationPath: folder + "/b.json")
    try FileManager.default.createSymbolicLink(atPath: folder + "/b.json", withDestinationPath: folder + "/a.json")
    let result = try E2E.expect(2, ["validate", folder + "/a.json"])
    XCTAssertTrue(result.stderr.contains("无法读取 \(folder)/a.json：符号链接循环"), result.stderr)
    XCTAssertFalse(result.stderr.contains("找不到输入文件"), result.stderr)
  }

  func testRegression_EscapeSequencesFromInputAreNotSentRawToTheTerminal() throws {
    let input = folder + "/in"
    try FileManager.default.copyItem(atPath: Fixtures.sampleCSVFolder, toPath: input)
    // OSC (retitle the terminal), BEL, SGR (red) and the one-byte C1 CSI (clear the screen).
    let hostile = "\u{1B}]0;pwned\u{7}\u{1B}[31m大同\u{9B}2J市"
    for n in 1...13 {
      let file = Fixtures.csvFile(n, folder: input)
      let text = String(decoding: try Fixtures.bytes(file), as: UTF8.self)
        .replacingOccurrences(of: "部门名称：大同市科学技术局[部门]", with: "部门名称：" + hostile)
      try Data(text.utf8).write(to: URL(fileURLWithPath: file))
    }
    for arguments in [["inspect", Fixtures.csvFile(3, folder: input)], ["validate", input]] {
      let result = try CLI.run(arguments)
      let bytes = Array(result.stdout.utf8) + Array(result.stderr.utf8)
      XCTAssertFalse(bytes.contains(0x1B) || bytes.contains(0x07), "raw ESC or BEL in \(arguments[0])")
      XCTAssertFalse(result.stdout.unicodeScalars.contains("\u{9B}"), "raw CSI in \(arguments[0])")
      // (inspect shortens cells to 24 characters.)
      XCTAssertTrue(
        result.stdout.contains("\\x1B]0;pwned\\x07\\x1B[31m大同\\u009B"), "\(arguments[0]):\n\(result.stdout)")
    }
  }
}
