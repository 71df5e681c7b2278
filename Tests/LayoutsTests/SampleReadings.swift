import Budget
import Foundation
import Layouts
import TestSupport
import XCTest

/// The sample department read once from each of its three inputs (the reads are shared by tests).
enum SampleReadings {
  nonisolated(unsafe) private static var cache: [String: DisclosureReading] = [:]
  private static let lock = NSLock()

  /// The reading of one input path (xlsx, CSV folder, JSON).
  static func reading(_ path: String) throws -> DisclosureReading {
    lock.lock()
    defer { lock.unlock() }
    if let r = cache[path] { return r }
    let r = try DisclosureReader().read([path])
    cache[path] = r
    return r
  }

  static func xlsx() throws -> Disclosure { try reading(Fixtures.sampleXLSX).disclosure }
  static func csv() throws -> Disclosure { try reading(Fixtures.sampleCSVFolder).disclosure }
  static func gb18030() throws -> Disclosure { try reading(Fixtures.sampleGB18030Folder).disclosure }
}

/// An amount from its printed text; `nil` for "" (a blank cell).
func amt(_ text: String) -> Amount? {
  text.isEmpty ? nil : Amount(parsing: text)!
}

/// Amounts from printed texts ("" is blank).
func amts(_ texts: String...) -> [Amount?] { texts.map(amt) }

extension TableSection {
  /// The single row with a name (after ordinal prefixes are ignored), failing the test when absent.
  func only(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws -> BudgetRow {
    let hits = rows.filter { BudgetRow.normalizedName($0.name) == BudgetRow.normalizedName(name) }
    XCTAssertEqual(hits.count, 1, "rows named \(name)", file: file, line: line)
    return try XCTUnwrap(hits.first, "no row \(name)", file: file, line: line)
  }

  /// The row with a code, failing the test when absent.
  func coded(_ code: String, file: StaticString = #filePath, line: UInt = #line) throws -> BudgetRow {
    try XCTUnwrap(row(code: code), "no row \(code)", file: file, line: line)
  }
}

extension Disclosure {
  /// A table's section, failing the test when absent.
  func section(_ number: Int, _ role: SectionRole = .main, file: StaticString = #filePath, line: UInt = #line) throws
    -> TableSection
  {
    try XCTUnwrap(table(number)?.section(role), "table \(number) \(role)", file: file, line: line)
  }
}
