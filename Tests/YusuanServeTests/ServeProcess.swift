import Foundation
import TestSupport
import XCTest

/// `yusuan serve` started by a test on a free loopback port (`--port 0`), with its own TMPDIR so
/// the test can see that no upload is left behind.
final class ServeProcess: @unchecked Sendable {
  /// Why the server did not start.
  struct NotStarted: Error, CustomStringConvertible {
    let description: String
  }

  let process = Process()
  let temporary: String
  private(set) var port = 0
  private let errors = Pipe()
  private let lock = NSLock()
  private var stderrText = ""

  /// Starts the server with `arguments` after `serve --port 0` and waits for its listening line.
  init(_ arguments: [String] = [], temporary: String) throws {
    self.temporary = temporary
    process.executableURL = URL(fileURLWithPath: try CLI.executable())
    process.arguments = ["serve", "--port", "0"] + arguments
    var environment = ProcessInfo.processInfo.environment
    environment["TMPDIR"] = temporary
    process.environment = environment
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    errors.fileHandleForReading.readabilityHandler = { [weak self] handle in
      let data = handle.availableData
      guard let self, !data.isEmpty else { return }
      self.lock.lock()
      self.stderrText += String(decoding: data, as: UTF8.self)
      self.lock.unlock()
    }
    try process.run()
    let deadline = Date().addingTimeInterval(30)
    while Date() < deadline {
      if let match = stderr.firstMatch(of: /http:\/\/127\.0\.0\.1:(\d+)\//), let port = Int(match.1) {
        self.port = port
        return
      }
      guard process.isRunning else { break }
      Thread.sleep(forTimeInterval: 0.05)
    }
    process.terminate()
    throw NotStarted(description: "yusuan serve did not start:\n\(stderr)")
  }

  /// What the server printed on standard error so far.
  var stderr: String {
    lock.lock()
    defer { lock.unlock() }
    return stderrText
  }

  var url: String { "http://127.0.0.1:\(port)" }

  /// The server's peak resident memory (VmHWM of /proc), in KiB.
  func peakMemoryKiB() throws -> Int {
    let status = try String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8)
    let line = try XCTUnwrap(status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") })
    return try XCTUnwrap(Int(line.split(separator: " ", omittingEmptySubsequences: true)[1]))
  }

  /// Sends `signal` and waits (at most `seconds`) for the server to exit; returns its status.
  func stop(signal: Int32 = SIGINT, seconds: Double = 20) -> Int32? {
    kill(process.processIdentifier, signal)
    let deadline = Date().addingTimeInterval(seconds)
    while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
    if process.isRunning {
      process.terminate()
      return nil
    }
    errors.fileHandleForReading.readabilityHandler = nil
    lock.lock()
    stderrText += String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    lock.unlock()
    return process.terminationStatus
  }

  deinit {
    if process.isRunning { process.terminate() }
  }
}
