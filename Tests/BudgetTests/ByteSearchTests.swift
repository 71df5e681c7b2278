import Budget
import XCTest

final class ByteSearchTests: XCTestCase {
  func testUTF8RangeGivesByteOffsetsOfTheFirstOccurrence() {
    // 一 and 般 are three bytes each.
    XCTAssertEqual("一般公共预算".utf8Range(of: "公共"), 6..<12)
    XCTAssertEqual("单位:万元 单位:元".utf8Range(of: "单位:"), 0..<7)
    XCTAssertEqual("abcabc".utf8Range(of: "ca"), 2..<4)
    XCTAssertNil("政府性基金".utf8Range(of: "基金预算"))
    XCTAssertNil("公共".utf8Range(of: "一般公共"))
    XCTAssertEqual("任意".utf8Range(of: ""), 0..<0)
  }

  func testContainsBytesOnSubstringsAndStrings() {
    let line = "2023年一般公共预算财政拨款"
    let tail = line.dropFirst(5)  // a Substring: searched through its own bytes
    XCTAssertTrue(tail.containsBytes("财政拨款"))
    XCTAssertFalse(tail.containsBytes("2023"))
    XCTAssertTrue(line.containsBytes(tail))
    // Bytes, not canonical equivalence: a decomposed é is not the precomposed one.
    XCTAssertFalse("caf\u{E9}".containsBytes("e\u{301}"))
  }

  func testTrimmingSpaceKeepsInnerSpaceAndTakesUnicodeSpace() {
    XCTAssertEqual(" \u{3000}行政运行\t\r\n".trimmingSpace(), "行政运行")
    XCTAssertEqual("  a b ".trimmingSpace(), "a b")
    XCTAssertEqual(" \u{A0} ".trimmingSpace(), "")
    XCTAssertEqual("".trimmingSpace(), "")
    XCTAssertEqual("x".dropFirst(0).trimmingSpace(), "x")
  }
}
