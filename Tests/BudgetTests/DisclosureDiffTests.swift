import Budget
import Foundation
import TestSupport
import XCTest

/// `Disclosure.differences(from:)`: what `yusuan roundtrip` reports.
final class DisclosureDiffTests: XCTestCase {
  func testOneAlteredAmountIsNamedWithItsCell() throws {
    let original = try Disclosure(jsonBytes: Fixtures.bytes(Fixtures.fixtureJSON))
    XCTAssertEqual(original.differences(from: original.withoutProvenance()), [])
    var altered = original
    let t = altered.tables.firstIndex { $0.number == 3 }!
    let r = altered.tables[t].sections[0].rows.firstIndex { $0.code == "2060101" }!
    altered.tables[t].sections[0].rows[r].amounts[1] = Amount(parsing: "302.91")
    let diffs = original.differences(from: altered)
    XCTAssertEqual(diffs.count, 1)
    let d = try XCTUnwrap(diffs.first)
    XCTAssertEqual(d.table, 3)
    XCTAssertEqual(d.row, "2060101 行政运行")
    XCTAssertEqual(d.column, "基本支出")
    XCTAssertEqual(d.cell, "预算公开表03.csv!D8")
    XCTAssertEqual(d.before, "302.90")
    XCTAssertEqual(d.after, "302.91")
  }

  func testBlankAndZeroDiffer() throws {
    let original = try Disclosure(jsonBytes: Fixtures.bytes(Fixtures.fixtureJSON))
    var altered = original
    let t = altered.tables.firstIndex { $0.number == 9 }!
    // 表9 2060101 行政运行 is blank in the report; 0.00 is a different value.
    let r = altered.tables[t].sections[0].rows.firstIndex { $0.code == "2060101" }!
    XCTAssertNil(altered.tables[t].sections[0].rows[r].amounts[0])
    altered.tables[t].sections[0].rows[r].amounts[0] = .zero
    let d = try XCTUnwrap(original.differences(from: altered).first)
    XCTAssertEqual(d.before, "（空白）")
    XCTAssertEqual(d.after, "0.00")
  }
}
