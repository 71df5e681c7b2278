import Budget
import XCTest

/// `Amount(parsing:)` reads every way a budget cell writes a number, exactly, and nothing else.
final class AmountParsingTests: XCTestCase {
  private func parse(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> Amount {
    try XCTUnwrap(Amount(parsing: text), "\(text) should parse", file: file, line: line)
  }

  func testPlainAndGroupedTextGiveTheSameExactValue() throws {
    let a = try parse("1331.42")
    XCTAssertEqual(a.units, 133142)
    XCTAssertEqual(a.scale, 2)
    XCTAssertEqual(try parse("1,331.42"), a)
    XCTAssertEqual(try parse("１,３３１.４２"), a, "full-width digits, comma and full stop")
    XCTAssertEqual(try parse("１，３３１．４２"), a, "full-width comma and full stop")
    XCTAssertEqual(try parse("  1331.42\u{3000}"), a, "surrounding spaces including U+3000")
    XCTAssertEqual(try parse("+1331.42"), a)
  }

  func testNegativeFormsIncludingUnicodeMinusAndParentheses() throws {
    let minus = try parse("-3.5")
    XCTAssertEqual(minus.units, -35)
    XCTAssertEqual(minus.scale, 1)
    XCTAssertEqual(try parse("−3.5"), minus, "U+2212 MINUS SIGN")
    XCTAssertEqual(try parse("－3.5"), minus, "U+FF0D FULLWIDTH HYPHEN-MINUS")
    XCTAssertEqual(try parse("(12.00)"), Amount(-12))
    XCTAssertEqual(try parse("(1,331.42)"), -(try parse("1331.42")))
  }

  func testExponentNotation() throws {
    XCTAssertEqual(try parse("1.2E3"), Amount(1200))
    XCTAssertEqual(try parse("1.2e3"), Amount(1200))
    XCTAssertEqual(try parse("5E-2"), Amount(units: 5, scale: 2))
    XCTAssertEqual(try parse("-3E-2").text(), "-0.03")
    XCTAssertEqual(try parse("1.2E+3"), Amount(1200))
  }

  func testBinaryFloatArtefactsReadAsExcelShowsThem() throws {
    XCTAssertEqual(try parse("1331.4200000000001"), try parse("1331.42"))
    XCTAssertEqual(try parse("1331.4200000000001").text(), "1331.42")
    XCTAssertEqual(try parse("733.5700000000001").text(), "733.57")
    XCTAssertEqual(try parse("66.06999999999999").text(), "66.07", "rounds up across a run of nines")
    XCTAssertEqual(try parse("0.30000000000000004").text(), "0.30")
    XCTAssertEqual(try parse("99.99999999999999").text(), "100.00")
  }

  func testTrailingZerosDoNotChangeTheValue() throws {
    XCTAssertEqual(try parse("0.1"), try parse("0.10"))
    XCTAssertEqual(try parse("293"), try parse("293.00"))
    XCTAssertEqual(try parse("293.00"), Amount(293))
    XCTAssertEqual(try parse("293.00").scale, 0, "kept minimal")
    XCTAssertEqual(Set([try parse("0.1"), try parse("0.100")]).count, 1, "equal values hash alike")
    XCTAssertTrue(try parse("0.00").isZero)
    XCTAssertTrue(try parse("-0").isZero)
    XCTAssertEqual(try parse("0.05"), Amount(units: 5, scale: 2))
    XCTAssertEqual(try parse("007.50"), Amount(units: 75, scale: 1))
  }

  func testGarbageIsNotANumber() {
    for text in [
      "", " ", "\u{3000}", "abc", "1.2.3", "--1", "+-1", "12-", "(12", "12)", "()", "1e", "1E+", "e5", ".", ",",
      "1 2", "12元", "#DIV/0!", "NaN", "inf", "1,331.42万", "１２a", "(-12)", "1e99999",
    ] {
      XCTAssertNil(Amount(parsing: text), "\(text.debugDescription) must not parse")
    }
  }

  func testOverflowIsNilNotATrapOrAWrongNumber() {
    XCTAssertNil(Amount(parsing: "1E30"))
    XCTAssertNil(Amount(parsing: "12345678901234567890"))
    XCTAssertNil(Amount(parsing: "99999999999999999999999"))
    XCTAssertNil(Amount(parsing: "1E-30"), "more than 18 decimals")
    XCTAssertNotNil(Amount(parsing: "999999999999999"), "15 digits fit")
  }

  func testParsingUTF8BytesAgreesWithParsingText() {
    for text in ["1331.42", "-3.5", "0.00", "99965.85000000001", "1,331.42", "1.2E3", "(12.00)", "", "abc", "12.3.4"] {
      let bytes = Array(text.utf8)
      let fromBytes = bytes.withUnsafeBufferPointer { Amount(parsingUTF8: $0) }
      XCTAssertEqual(fromBytes, Amount(parsing: text), text)
    }
  }
}
