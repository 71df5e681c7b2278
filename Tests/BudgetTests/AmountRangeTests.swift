import Budget
import XCTest

/// Amounts from hostile inputs: a magnitude cap at parse time, overflow-checked sums and
/// percentages, and tiny values that must not silently become 0 (issue 21 items 1 and 5).
final class AmountRangeTests: XCTestCase {
  private func a(_ text: String) -> Amount { Amount(parsing: text)! }

  func testRegression_NineE17IsRefusedAsTooLargeNotParsed() {
    XCTAssertNil(Amount(parsing: "9e17"))
    XCTAssertEqual(Amount.rejection(of: "9e17"), .tooLarge)
    XCTAssertEqual(Amount.rejection(of: "900000000000000000"), .tooLarge)
    XCTAssertEqual(Amount.rejection(of: "1000000000000000"), .tooLarge, "10^15 is the first refused magnitude")
    XCTAssertEqual(Amount.rejection(of: "-1e15"), .tooLarge)
    XCTAssertEqual(a("999999999999999").text(), "999999999999999.00", "15 digits are still read")
    XCTAssertNil(Amount.rejection(of: "999999999999999"))
    XCTAssertEqual(Amount.rejection(of: "abc"), .notANumber)
  }

  func testRegression_TinyAmountIsRefusedNotReadAsZero() {
    // Leading zeros of the fraction were counted as significant digits, so this rounded to 0.
    XCTAssertNil(Amount(parsing: "0.0000000000000000001"))
    XCTAssertEqual(Amount.rejection(of: "0.0000000000000000001"), .tooPrecise)
    XCTAssertEqual(Amount.rejection(of: "1e-301"), .tooPrecise)
    XCTAssertEqual(Amount.rejection(of: "0.0000000000001"), .tooPrecise, "13 decimals")
    XCTAssertEqual(a("0.000000000001").text(), "0.000000000001", "12 decimals are read exactly")
    XCTAssertTrue(a("0.00000000000000000000").isZero, "zero written with many decimals is still zero")
  }

  func testRegression_OverflowingSumIsNilNotATrap() {
    let big = a("999999999999999")
    let precise = a("0.000000000001")
    XCTAssertNil(big.adding(precise), "at 12 decimals the sum needs 27 digits")
    XCTAssertNil(big.subtracting(precise))
    XCTAssertNil(Amount.sum([big, precise]))
    XCTAssertEqual(big.adding(a("0.01"))?.text(), "999999999999999.01")
    XCTAssertEqual(Amount.sum([a("972.35"), a("359.07")]), a("1331.42"))
    var total = Amount.zero
    for _ in 0..<9 { total = total.adding(Amount(units: 1_000_000_000_000_000_000)) ?? total }
    XCTAssertNil(total.adding(Amount(units: 1_000_000_000_000_000_000)), "past Int64.max")
  }

  func testRegression_OrderingOfAmountsThatDoNotShareAScale() {
    let big = a("999999999999999")
    let precise = a("0.000000000001")
    XCTAssertLessThan(precise, big)
    XCTAssertFalse(big < precise)
    XCTAssertLessThan(-big, -precise)
    XCTAssertFalse(-precise < -big)
    XCTAssertLessThan(-big, precise)
  }

  func testRegression_PercentOfAHugeAmountDoesNotTrap() throws {
    // 10^15-scale share of a small total: 999999999999999 / 1331.42 × 100 in 128 bits.
    let share = try XCTUnwrap(a("999999999999999").percent(of: a("1331.42")))
    XCTAssertEqual(share.text(), "75107779663817.50")
    XCTAssertEqual(a("293").percent(of: a("1331.42"))?.text(), "22.01")
    XCTAssertEqual(a("1").percent(of: a("3"))?.text(), "33.33")
    XCTAssertEqual(a("2").percent(of: a("3"))?.text(), "66.67", "half-up")
    XCTAssertEqual(a("-1").percent(of: a("8"))?.text(), "-12.50")
    XCTAssertNil(a("999999999999999").percent(of: a("0.000000000001")), "a share that does not fit is nil")
  }
}
