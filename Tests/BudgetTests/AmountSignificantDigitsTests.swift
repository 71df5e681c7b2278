import Budget
import TestSupport
import XCTest

/// Amounts with more significant digits than any input keeps: counted, refused by JSON, never rounded silently.
final class AmountSignificantDigitsTests: XCTestCase {
  func testSignificantDigits() {
    XCTAssertEqual(Amount(parsing: "1.50")!.significantDigits, 2)
    XCTAssertEqual(Amount(parsing: "0.0123")!.significantDigits, 3)
    XCTAssertEqual(Amount(parsing: "-1331.42")!.significantDigits, 6)
    XCTAssertEqual(Amount.zero.significantDigits, 0)
    XCTAssertEqual(Amount(units: Int64.min, scale: 2).significantDigits, 19)
    XCTAssertTrue(Amount(parsing: "999999999999999")!.isWithinInputLimits)
    XCTAssertFalse(Amount(units: 787_580_630_843_544_334, scale: 10).isWithinInputLimits)
    XCTAssertFalse(Amount(units: 1, scale: 13).isWithinInputLimits)
  }

  /// Found by fuzz-model: 78758063.0843544334 (18 digits) written to JSON came back as
  /// 78758063.0843544, with no word, because the parser rounds to 15 digits as a spreadsheet does.
  func testRegression_JSONAmountWithEighteenDigitsWasRoundedSilently() throws {
    let fixture = try String(contentsOfFile: Fixtures.fixtureJSON, encoding: .utf8)
    let long = fixture.replacingOccurrences(of: "\"amounts\": [1038.42]", with: "\"amounts\": [1038.42000000000001]")
    XCTAssertNotEqual(long, fixture)
    XCTAssertThrowsError(try Disclosure(jsonBytes: Array(long.utf8))) { error in
      XCTAssertTrue(String(describing: error).contains("金额 1038.42000000000001 有 18 位有效数字，超过 15 位"), "\(error)")
    }
    // Fifteen digits, trailing zeros and an exponent still read exactly.
    for (text, expected) in [
      ("1038.42000000000", "1038.42"), ("1038.42000000001", "1038.42000000001"), ("1.03842e3", "1038.42"),
    ] {
      let read = try Disclosure(
        jsonBytes: Array(
          fixture.replacingOccurrences(of: "\"amounts\": [1038.42]", with: "\"amounts\": [\(text)]").utf8))
      XCTAssertEqual(
        read.tables.first?.sections.first?.rows.first?.amounts.first??.text(minimumFractionDigits: 0), expected, text)
    }
  }
}
