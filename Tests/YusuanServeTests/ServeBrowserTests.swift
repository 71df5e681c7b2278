import Foundation
import TestSupport
import XCTest

/// `yusuan serve` driven by a real browser (headless chromium, Selenium, chromium-driver; see
/// Tests/Browser/serve_browser.py): the sample, a broken copy, every hostile file, then a good
/// upload again; then SIGTERM stops it cleanly and no upload is left in its temporary folder.
final class ServeBrowserTests: XCTestCase {
  var scratch = ""

  override func setUpWithError() throws {
    scratch = try Fixtures.scratchFolder("yusuan-serve")
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(atPath: scratch)
  }

  static var forms: String { Fixtures.sampleInput.appendingPathComponent("datong-kejiju-2023-performance.xlsx").path }
  static var browserScript: String { Fixtures.repoRoot.appendingPathComponent("Tests/Browser/serve_browser.py").path }

  /// The sample's 13 CSV files with 表5's 合计 row, 合计 column (C5) reading 1000.00, not 1038.42.
  func brokenCopy() throws -> [String] {
    let folder = scratch + "/broken"
    try FileManager.default.copyItem(atPath: Fixtures.sampleCSVFolder, toPath: folder)
    let file = Fixtures.csvFile(5, folder: folder)
    let text = try String(contentsOfFile: file, encoding: .utf8)
    let changed = text.replacingOccurrences(of: "合计,,1038.42,972.35,66.07", with: "合计,,1000.00,972.35,66.07")
    XCTAssertNotEqual(changed, text, "the sample's 表5 合计 row is not where the test expects it")
    try changed.write(toFile: file, atomically: true, encoding: .utf8)
    return try FileManager.default.contentsOfDirectory(atPath: folder).sorted().map { folder + "/" + $0 }
  }

  /// Each hostile file with the refusal `yusuan report` gives it (run on the same name).
  func hostileFiles() throws -> [[String: Any]] {
    let folder = scratch + "/hostile"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    // Bytes that are neither UTF-8 nor GB18030, the same on every run.
    var seed: UInt32 = 2023
    let noise = (0..<4096).map { _ -> UInt8 in
      seed = seed &* 1_664_525 &+ 1_013_904_223
      return UInt8(truncatingIfNeeded: seed >> 24)
    }
    let files: [(String, [UInt8])] = [
      ("zip-bomb.xlsx", HostileFiles.declaredHugeSheet()),
      ("lying-zip-bomb.xlsx", HostileFiles.lyingSizeSheet()),
      ("xxe.xlsx", HostileFiles.externalEntity()),
      ("billion-laughs.xlsx", HostileFiles.billionLaughs()),
      ("truncated.xlsx", HostileFiles.truncated()),
      ("text-as-xlsx.xlsx", HostileFiles.textAsXLSX()),
      ("noise.csv", noise),
    ]
    var out: [[String: Any]] = []
    for (name, bytes) in files {
      try Fixtures.write(bytes, to: folder + "/" + name)
      let cli = try CLI.run(["report", name, "-o", scratch + "/hostile.html"], in: folder)
      XCTAssertEqual(cli.status, 2, "yusuan report \(name): \(cli)")
      let message = cli.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
      XCTAssertFalse(message.isEmpty)
      out.append(["name": name, "path": folder + "/" + name, "expect": message, "status": 400])
    }
    return out
  }

  func testBrowser_SampleBrokenCopyAndHostileUploads_ThenAGoodOneStillWorks() throws {
    let temporary = scratch + "/tmp"
    try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
    let downloads = scratch + "/downloads"
    try FileManager.default.createDirectory(atPath: downloads, withIntermediateDirectories: true)
    let tooLarge = scratch + "/big.csv"
    try Fixtures.write([UInt8](repeating: UInt8(ascii: "1"), count: 2 << 20), to: tooLarge)
    let many = scratch + "/many"
    try FileManager.default.createDirectory(atPath: many, withIntermediateDirectories: true)
    let tooMany = try (1...21).map { n -> String in
      let path = "\(many)/n\(n).csv"
      try Fixtures.write(Array("a,b\r\n1,2\r\n".utf8), to: path)
      return path
    }
    let plan: [String: Any] = [
      "sample": [Fixtures.sampleXLSX, Self.forms],
      "narrative": Fixtures.repoRoot.appendingPathComponent("Tests/Fixtures/narrative-2023.txt").path,
      "broken": try brokenCopy(),
      "hostile": try hostileFiles(),
      "too_large": tooLarge,
      "too_many": tooMany,
      "downloads": downloads,
      "reference_json": Fixtures.fixtureJSON,
    ]
    let server = try ServeProcess(["--max-upload-mb", "1", "--max-files", "20"], temporary: temporary)
    XCTAssertTrue(server.stderr.contains("只接受本机访问（127.0.0.1）"), server.stderr)
    var withURL = plan
    withURL["url"] = server.url
    let planFile = scratch + "/plan.json"
    try JSONSerialization.data(withJSONObject: withURL).write(to: URL(fileURLWithPath: planFile))

    let result = try Subprocess.run(try Python3.executable(), [Self.browserScript, planFile])
    print(result.stdout)
    XCTAssertEqual(result.status, 0, "\(result)\n--- server\n\(server.stderr)")
    XCTAssertEqual(result.stdout.components(separatedBy: "ok: hostile").count - 1, 7, result.stdout)
    XCTAssertTrue(result.stdout.contains("ok: a good upload after the hostile ones still works"), result.stdout)

    // Every request's private folder is gone, and SIGTERM ends the server cleanly.
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: temporary), [])
    XCTAssertEqual(server.stop(signal: SIGTERM), 0, server.stderr)
    XCTAssertTrue(server.stderr.contains("yusuan serve 已停止。"), server.stderr)
  }

  func testSIGINT_StopsTheServerWithStatusZero() throws {
    let temporary = scratch + "/tmp"
    try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
    let server = try ServeProcess(["--lang", "en"], temporary: temporary)
    XCTAssertTrue(server.stderr.contains("Only this computer can connect (127.0.0.1)"), server.stderr)
    let page = try Python3.run(
      "import sys, urllib.request; print(urllib.request.urlopen(sys.argv[1], timeout=30).read().decode())",
      arguments: [server.url + "/"])
    XCTAssertTrue(page.contains("<html lang=\"en\">"), page)
    XCTAssertEqual(server.stop(signal: SIGINT), 0, server.stderr)
    XCTAssertTrue(server.stderr.contains("yusuan serve stopped."), server.stderr)
  }

  func testIdleConnection_DoesNotHoldOffShutdown() throws {
    let temporary = scratch + "/tmp"
    try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
    for signal in [SIGINT, SIGTERM] {
      let server = try ServeProcess([], temporary: temporary)
      // A client that connects and never sends a request (as browsers keep spare connections).
      let idle = Process()
      idle.executableURL = URL(fileURLWithPath: try Python3.executable())
      idle.arguments = [
        "-c",
        "import socket, sys, time; s = socket.create_connection(('127.0.0.1', int(sys.argv[1]))); print('connected', flush=True); time.sleep(60)",
        String(server.port),
      ]
      let out = Pipe()
      idle.standardOutput = out
      try idle.run()
      defer { idle.terminate() }
      XCTAssertTrue(String(decoding: out.fileHandleForReading.availableData, as: UTF8.self).hasPrefix("connected"))
      let started = Date()
      XCTAssertEqual(server.stop(signal: signal, seconds: 30), 0, "signal \(signal): \(server.stderr)")
      XCTAssertLessThan(Date().timeIntervalSince(started), 15, "signal \(signal) took too long")
      XCTAssertTrue(server.stderr.contains("yusuan serve 已停止。"), server.stderr)
    }
  }
}
