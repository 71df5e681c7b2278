import Budget
import Foundation
import TestSupport
import XCTest

/// Shared helpers of the end-to-end tests.
enum E2E {
  /// The sample as the canonical model without provenance (what every lossless path must give back).
  static func reference() throws -> Disclosure {
    try Disclosure(jsonBytes: Fixtures.bytes(Fixtures.fixtureJSON)).withoutProvenance()
  }

  /// Reads a JSON file Yusuan wrote.
  static func model(_ path: String) throws -> Disclosure {
    try Disclosure(jsonBytes: Fixtures.bytes(path))
  }

  /// Runs `yusuan`, failing the test with the full output when the status differs.
  @discardableResult
  static func expect(
    _ status: Int32, _ arguments: [String], in directory: String? = nil, file: StaticString = #filePath,
    line: UInt = #line
  ) throws -> CLI.Result {
    let result = try CLI.run(arguments, in: directory)
    XCTAssertEqual(
      result.status, status, "yusuan \(arguments.joined(separator: " "))\n\(result)", file: file, line: line)
    return result
  }

  /// The non-empty lines of a text.
  static func lines(_ text: String) -> [String] {
    text.split(separator: "\n").map(String.init).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
  }
}
