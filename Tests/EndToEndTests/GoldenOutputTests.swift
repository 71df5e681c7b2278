import Foundation
import TestSupport
import XCTest

/// What Yusuan makes of the sample department, compared byte for byte with the golden files in
/// samples/datong-kejiju-2023/output/. `YUSUAN_RECORD=1 swift test --filter GoldenOutputTests`
/// re-records them; a reviewer reads the diff.
final class GoldenOutputTests: XCTestCase {
  static let output = Fixtures.repoRoot.appendingPathComponent("samples/datong-kejiju-2023/output")
  static var forms: String { Fixtures.sampleInput.appendingPathComponent("datong-kejiju-2023-performance.xlsx").path }

  func testCanonicalJSONOfTablesAndForms() throws {
    let dir = NSTemporaryDirectory() + "yusuan-golden-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let json = dir + "/d.json"
    try E2E.expect(0, ["convert", Fixtures.sampleXLSX, Self.forms, "-o", json])
    try assertGolden(try String(contentsOfFile: json, encoding: .utf8), "datong-kejiju-2023.json")
  }

  func testValidationReport() throws {
    let result = try E2E.expect(0, ["validate", Fixtures.sampleXLSX, Self.forms])
    try assertGolden(result.stdout, "validation.txt")
  }

  func testValidationReportAsJUnit() throws {
    let result = try E2E.expect(0, ["validate", Fixtures.sampleXLSX, "--format", "junit"])
    try assertGolden(result.stdout, "validation.junit.xml")
  }

  func testNarrative() throws {
    let result = try E2E.expect(0, ["narrative", Fixtures.sampleXLSX, Self.forms, "--previous-total", "889.83"])
    try assertGolden(result.stdout, "narrative.md")
  }

  func assertGolden(_ actual: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
    let path = Self.output.appendingPathComponent(name).path
    if ProcessInfo.processInfo.environment["YUSUAN_RECORD"] == "1" {
      try FileManager.default.createDirectory(at: Self.output, withIntermediateDirectories: true)
      try actual.write(toFile: path, atomically: true, encoding: .utf8)
      return
    }
    let expected = try String(contentsOfFile: path, encoding: .utf8)
    XCTAssertEqual(
      actual, expected, "\(name) differs from the golden file; YUSUAN_RECORD=1 re-records it", file: file, line: line)
  }
}
