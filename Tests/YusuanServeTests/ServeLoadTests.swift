import Foundation
import TestSupport
import XCTest

/// 50 uploads of the sample at once (Tests/Browser/serve_load.py, a bounded client on loopback):
/// every one answered with the sample's result, and the server's peak memory reported.
final class ServeLoadTests: XCTestCase {
  func testFiftyConcurrentUploads_AllAnsweredCorrectly() throws {
    let scratch = try Fixtures.scratchFolder("yusuan-serve-load")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let server = try ServeProcess([], temporary: scratch)
    let forms = Fixtures.sampleInput.appendingPathComponent("datong-kejiju-2023-performance.xlsx").path
    let script = Fixtures.repoRoot.appendingPathComponent("Tests/Browser/serve_load.py").path
    let result = try Subprocess.run(try Python3.executable(), [script, server.url, "50", Fixtures.sampleXLSX, forms])
    XCTAssertEqual(result.status, 0, "\(result)\n--- server\n\(server.stderr)")
    XCTAssertTrue(result.stdout.contains("ok: 50 concurrent uploads answered correctly"), result.stdout)
    let peak = try server.peakMemoryKiB()
    print(
      "yusuan serve: \(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)); peak memory \(peak / 1024) MiB")
    // A bound that a leak per upload (or a buffer per connection of the readers' 256 MB limit) breaks.
    XCTAssertLessThan(peak, 1 << 20, "peak memory \(peak) KiB")
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch), [])
    XCTAssertEqual(server.stop(signal: SIGTERM), 0, server.stderr)
  }
}
