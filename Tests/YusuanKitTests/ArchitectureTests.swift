import Foundation
import TestSupport
import XCTest

/// The dependency graph of ARCHITECTURE.md, checked on the sources by scripts/check-architecture.sh
/// (which modules each module may import, C modules only behind `internal import` in Sheets, no
/// libc file or memory call outside Sheets, Budget and Validation without I/O dependencies).
final class ArchitectureTests: XCTestCase {
  static var script: String { Fixtures.repoRoot.appendingPathComponent("scripts/check-architecture.sh").path }

  func testTheSourcesKeepTheDependencyGraph() throws {
    let result = try Subprocess.run("/bin/bash", [Self.script])
    XCTAssertEqual(result.status, 0, "\(result)")
  }

  func testTheCheckCatchesEachKindOfPlantedViolation() throws {
    let result = try Subprocess.run("/bin/bash", [Self.script, "--self-test"])
    XCTAssertEqual(result.status, 0, "\(result)")
    XCTAssertTrue(result.stdout.contains("all 11 planted violations caught"), "\(result)")
  }
}
