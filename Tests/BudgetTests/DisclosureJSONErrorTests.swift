import Budget
import Foundation
import TestSupport
import XCTest

/// Malformed or hostile JSON is refused with an error that says where, never a crash.
final class DisclosureJSONErrorTests: XCTestCase {
  private func parseError(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> JSONParseError? {
    do {
      _ = try JSONValue.parse(Array(text.utf8))
      XCTFail("expected a parse error for \(text.prefix(60))", file: file, line: line)
      return nil
    } catch {
      return error
    }
  }

  private func disclosureError(_ text: String, file: StaticString = #filePath, line: UInt = #line)
    -> DisclosureJSONError?
  {
    do {
      _ = try Disclosure(jsonBytes: Array(text.utf8))
      XCTFail("expected a disclosure error", file: file, line: line)
      return nil
    } catch let error as DisclosureJSONError {
      return error
    } catch {
      XCTFail("unexpected error type \(type(of: error)): \(error)", file: file, line: line)
      return nil
    }
  }

  /// A valid minimal document, with `extra` spliced into the one table's one row.
  private func document(
    row: String = #"{"kind": "item", "code": null, "name": "x", "amounts": [1.00]}"#, version: String = "1"
  ) -> String {
    """
    {
      "format": "yusuan-disclosure",
      "version": \(version),
      "department": "d",
      "unit": "万元",
      "tables": [
        {"number": 3, "title": "t", "sourceUnit": "万元", "sections": [
          {"role": "main", "columns": ["total"], "rows": [
            \(row)
          ]}
        ]}
      ]
    }
    """
  }

  func testMinimalDocumentIsValid() throws {
    let d = try Disclosure(jsonBytes: Array(document().utf8))
    XCTAssertEqual(d.table(3)?.sections[0].rows[0].amounts, [Amount(1)])
    XCTAssertEqual(d.forms, [])
  }

  func testDepthBombIsAnErrorNotAStackOverflow() {
    let bomb = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
    let error = parseError(bomb)
    XCTAssertNotNil(error)
    XCTAssertTrue(error?.reason.contains("nesting too deep") ?? false, "\(String(describing: error))")
    XCTAssertEqual(error?.line, 1)
    // Through the disclosure reader too, and with objects.
    XCTAssertNotNil(disclosureError(bomb))
    let objects = String(repeating: "{\"a\":", count: 10_000) + "1" + String(repeating: "}", count: 10_000)
    XCTAssertNotNil(parseError(objects))
  }

  func testDuplicateKeyIsRefusedWithItsLine() throws {
    let error = try XCTUnwrap(parseError("{\n  \"format\": \"a\",\n  \"format\": \"b\"\n}"))
    XCTAssertTrue(error.reason.contains("format"), error.reason)
    XCTAssertTrue(error.reason.contains("duplicate"), error.reason)
    XCTAssertEqual(error.line, 3)
    XCTAssertTrue(error.description.contains("第3行"), error.description)
    let wrapped = try XCTUnwrap(disclosureError("{\n  \"format\": \"a\",\n  \"format\": \"b\"\n}"))
    XCTAssertEqual(wrapped.path, "$")
    XCTAssertTrue(wrapped.description.contains("第3行"), wrapped.description)
  }

  func testLoneSurrogatesAreRefused() {
    XCTAssertNotNil(parseError(#"["\ud800"]"#))
    XCTAssertNotNil(parseError(#"["\ud800x"]"#))
    XCTAssertNotNil(parseError(#"["\udc00"]"#))
    XCTAssertNotNil(parseError(#"["\ud800\u0041"]"#))
    XCTAssertEqual(
      try JSONValue.parse(Array(#"["\ud83d\ude00"]"#.utf8)), .array([.string("😀")]), "a proper pair is fine")
  }

  func testOtherMalformedTextsGiveLineAndColumn() throws {
    for text in [
      "", "{", "[1,]", "{\"a\" 1}", "[01]", "[1.]", "[.5]", "[1e]", "tru", "\"abc", "[\"\\x\"]", "[1] [2]",
      "{\"a\":1,}", "[\"a\u{1}\"]", "nul",
    ] {
      XCTAssertNotNil(parseError(text), text)
    }
    let error = try XCTUnwrap(parseError("[\n1,\n2,,\n]"))
    XCTAssertEqual(error.line, 3)
    XCTAssertEqual(error.column, 3)
    XCTAssertNotNil(parseError(String(repeating: "9", count: 100)), "an absurdly long number")
    var invalidUTF8 = Array("[\"".utf8)
    invalidUTF8 += [0xC3, 0x28]
    invalidUTF8 += Array("\"]".utf8)
    XCTAssertThrowsError(try JSONValue.parse(invalidUTF8))
  }

  func testBadVersionAndFormatNameTheField() throws {
    let version = try XCTUnwrap(disclosureError(document(version: "3")))
    XCTAssertEqual(version.path, "$.version")
    XCTAssertTrue(version.reason.contains("3"))
    let fraction = try XCTUnwrap(disclosureError(document(version: "1.5")))
    XCTAssertEqual(fraction.path, "$.version")
    let format = try XCTUnwrap(disclosureError(document().replacingOccurrences(of: "yusuan-disclosure", with: "other")))
    XCTAssertEqual(format.path, "$.format")
  }

  func testModelErrorsCarryAPathToTheValue() throws {
    let count = try XCTUnwrap(
      disclosureError(document(row: #"{"kind": "item", "name": "x", "amounts": [1.00, 2.00]}"#)))
    XCTAssertEqual(count.path, "$.tables[0].sections[0].rows[0].amounts")
    let kind = try XCTUnwrap(disclosureError(document(row: #"{"kind": "sum", "name": "x", "amounts": [1.00]}"#)))
    XCTAssertEqual(kind.path, "$.tables[0].sections[0].rows[0].kind")
    let text = try XCTUnwrap(disclosureError(document(row: #"{"kind": "item", "name": "x", "amounts": ["1.00"]}"#)))
    XCTAssertEqual(text.path, "$.tables[0].sections[0].rows[0].amounts[0]")
    let huge = try XCTUnwrap(disclosureError(document(row: #"{"kind": "item", "name": "x", "amounts": [1e300]}"#)))
    XCTAssertEqual(huge.path, "$.tables[0].sections[0].rows[0].amounts[0]")
    let missing = try XCTUnwrap(disclosureError(document(row: #"{"kind": "item", "amounts": [1.00]}"#)))
    XCTAssertEqual(missing.path, "$.tables[0].sections[0].rows[0].name")
    let number = try XCTUnwrap(
      disclosureError(document().replacingOccurrences(of: "\"number\": 3", with: "\"number\": 14")))
    XCTAssertEqual(number.path, "$.tables[0].number")
    XCTAssertTrue(number.description.contains("$.tables[0].number"))
  }
}
