import Budget
import XCTest

/// Exact arithmetic, the printed text forms and percentages of `Amount`.
final class AmountArithmeticTests: XCTestCase {
  private func a(_ text: String) -> Amount { Amount(parsing: text)! }

  func testSumsAreExactWhereDoublesAreNot() {
    XCTAssertNotEqual(0.1 + 0.2, 0.3, "the binary-float trap this type exists to avoid")
    XCTAssertEqual(a("0.1") + a("0.2"), a("0.3"))
    var total = Amount.zero
    for _ in 0..<100 { total += a("0.01") }
    XCTAssertEqual(total, Amount(1))
    // The sample's 表3 合计: 基本支出 + 项目支出.
    XCTAssertEqual(a("972.35") + a("359.07"), a("1331.42"))
    XCTAssertEqual(a("1331.42") - a("1038.42"), a("293.00"))
    XCTAssertEqual(-a("3.5"), a("-3.50"))
    XCTAssertEqual(a("-3.5").magnitude, a("3.5"))
  }

  func testOrderingAcrossScales() {
    XCTAssertLessThan(a("0.99"), Amount(1))
    XCTAssertLessThan(a("-1"), a("-0.5"))
    XCTAssertGreaterThan(a("1331.42"), a("1331.4"))
    XCTAssertEqual([a("2"), a("0.5"), a("1.25")].sorted(), [a("0.5"), a("1.25"), a("2")])
  }

  func testUnitConversionByPowersOfTen() {
    XCTAssertEqual(a("13314200").dividedByPowerOfTen(4), a("1331.42"), "元 → 万元")
    XCTAssertEqual(a("35000").dividedByPowerOfTen(4), a("3.5"))
    XCTAssertEqual(a("1.5").dividedByPowerOfTen(4)?.text(), "0.00015", "nothing is rounded away")
    XCTAssertEqual(a("1331.42").multipliedByPowerOfTen(4), a("13314200"), "万元 → 元")
    XCTAssertNil(a("999999999999999").multipliedByPowerOfTen(10), "overflow is nil")
  }

  func testTextWithMinimumFractionDigits() {
    XCTAssertEqual(Amount(293).text(), "293.00")
    XCTAssertEqual(a("293.00").text(minimumFractionDigits: 2), "293.00")
    XCTAssertEqual(a("1331.42").text(), "1331.42")
    XCTAssertEqual(a("3.5").text(), "3.50")
    XCTAssertEqual(a("-3.5").text(), "-3.50")
    XCTAssertEqual(a("0.005").text(), "0.005", "never rounds an exact value")
    XCTAssertEqual(Amount.zero.text(), "0.00")
    XCTAssertEqual(a("293").text(minimumFractionDigits: 0), "293")
    XCTAssertEqual(a("0.05").text(minimumFractionDigits: 0), "0.05")
    XCTAssertEqual(a("-0.05").description, "-0.05")
    XCTAssertEqual(a("1331.42").description, "1331.42")
  }

  func testGroupedTextAsPrinted() {
    XCTAssertEqual(a("1331.42").grouped(), "1,331.42")
    XCTAssertEqual(a("293").grouped(), "293.00")
    XCTAssertEqual(a("999.5").grouped(), "999.50")
    XCTAssertEqual(a("1000").grouped(), "1,000.00")
    XCTAssertEqual(a("100000").grouped(), "100,000.00")
    XCTAssertEqual(a("1234567.8").grouped(), "1,234,567.80")
    XCTAssertEqual(a("-1331.42").grouped(), "-1,331.42")
    XCTAssertEqual(a("-100").grouped(), "-100.00")
  }

  func testPercentOfTotalRoundsHalfUp() {
    // The report's explanations: 一般公共预算 1,038.42 of 1,331.42 is 77.99%, 政府性基金 22.01%,
    // 基本支出 972.35 is 73.03%, 项目支出 359.07 is 26.97%.
    XCTAssertEqual(a("1038.42").percent(of: a("1331.42")), a("77.99"))
    XCTAssertEqual(a("293.00").percent(of: a("1331.42")), a("22.01"))
    XCTAssertEqual(a("972.35").percent(of: a("1331.42")), a("73.03"))
    XCTAssertEqual(a("359.07").percent(of: a("1331.42")), a("26.97"))
    XCTAssertEqual(a("1").percent(of: a("8"), decimals: 0), a("13"), "12.5 rounds up")
    XCTAssertEqual(a("1").percent(of: a("8"), decimals: 1), a("12.5"))
    XCTAssertEqual(a("1").percent(of: a("3")), a("33.33"))
    XCTAssertEqual(a("2").percent(of: a("3")), a("66.67"))
    XCTAssertEqual(a("1").percent(of: a("400")), a("0.25"))
    XCTAssertEqual(a("1").percent(of: a("80000"), decimals: 2), a("0.00"), "0.00125 rounds down")
    XCTAssertEqual(a("1").percent(of: a("160000"), decimals: 3), a("0.001"), "0.000625 rounds up")
    XCTAssertEqual(a("5").percent(of: a("5")), a("100"))
    XCTAssertNil(a("5").percent(of: .zero))
  }
}

/// fuzz-model found validation trapping on a difference of exactly Int64.min units, whose
/// magnitude does not exist: such a result does not fit, like an overflow.
final class RegressionDifferenceAtInt64MinTests: XCTestCase {
  func testRegression_ADifferenceOfInt64MinUnitsDoesNotFitInsteadOfTrappingInMagnitude() {
    let low = Amount(units: .min + 1, scale: 2)
    let one = Amount(units: 1, scale: 2)
    XCTAssertNil(low.subtracting(one))
    XCTAssertNil(low.adding(Amount(units: -1, scale: 2)))
    XCTAssertEqual(low.subtracting(.zero)?.magnitude, Amount(units: .max, scale: 2))
    XCTAssertEqual(low.adding(one), Amount(units: .min + 2, scale: 2))
  }
}
