import Budget
import Foundation
import Layouts
import TestSupport
import XCTest

/// Found by fuzz-model: an amount with more digits than any reader keeps was written and came
/// back changed (xlsx keeps 15–16 digits of a double; CSV and JSON are read to 15 digits).
final class UnwritableAmountTests: XCTestCase {
  func testRegression_AmountWithEighteenDigitsWasWrittenAndReadBackChanged() throws {
    var disclosure = try Disclosure(jsonBytes: Fixtures.bytes(Fixtures.fixtureJSON))
    let table = try XCTUnwrap(disclosure.tables.firstIndex { $0.number == 8 })
    disclosure.tables[table].sections[0].rows[0].amounts[0] = Amount(units: 787_580_630_843_544_334, scale: 10)
    let row = disclosure.tables[table].sections[0].rows[0].displayName
    let folder = try Fixtures.scratchFolder("yusuan-unwritable")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    for (format, name) in [(OutputFormat.xlsx, "out.xlsx"), (.csv, "csv"), (.json, "out.json")] {
      XCTAssertThrowsError(try DisclosureWriter().write(disclosure, as: format, to: folder + "/" + name)) { error in
        let message = (error as? UnwritableAmount)?.message(.zh) ?? "\(error)"
        XCTAssertEqual(message, "预算公开表8 \(row) 合计：金额 78758063.0843544334 超过 15 位有效数字或 12 位小数，写出后无法原样读回；未写出任何文件")
      }
    }
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), [], "nothing is written")
    // Fifteen digits are written and read back exactly.
    disclosure.tables[table].sections[0].rows[0].amounts[0] = Amount(units: 787_580_630_843_544, scale: 7)
    try DisclosureWriter().write(disclosure, as: .xlsx, to: folder + "/ok.xlsx")
    let back = try DisclosureReader().read([folder + "/ok.xlsx"]).disclosure
    XCTAssertEqual(back.tables.first { $0.number == 8 }?.sections[0].rows[0].amounts[0]?.text(minimumFractionDigits: 0), "78758063.0843544")
  }
}
