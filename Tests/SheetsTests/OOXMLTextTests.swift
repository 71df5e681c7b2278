import Foundation
import TestSupport
import XCTest

@testable import Sheets

/// The `_xHHHH_` escape of OOXML (ST_Xstring) on write and on read.
final class OOXMLTextTests: XCTestCase {
  private func decode(_ text: String) -> String? {
    Array(text.utf8).withUnsafeBufferPointer { OOXMLText.decoded($0) }.map { String(decoding: $0, as: UTF8.self) }
  }

  func testEscapesWhatXMLCannotCarryAndNothingElse() {
    XCTAssertEqual(OOXMLText.escaped("大同市科学技术局"), "大同市科学技术局")
    XCTAssertEqual(OOXMLText.escaped("a\tb\nc\r"), "a\tb\nc\r", "tab, LF and CR are XML characters")
    XCTAssertEqual(OOXMLText.escaped("a\u{0}b\u{1}c\u{1F}"), "a_x0000_b_x0001_c_x001F_")
    XCTAssertEqual(OOXMLText.escaped("\u{FFFE}\u{FFFF}"), "_xFFFE__xFFFF_")
    XCTAssertEqual(OOXMLText.escaped("_x0041_"), "_x005F_x0041_", "a literal pattern is protected")
    XCTAssertEqual(OOXMLText.escaped("a_b _x12_ snake_case"), "a_b _x12_ snake_case", "other underscores stay")
    XCTAssertEqual(OOXMLText.escaped("😀"), "😀")
  }

  func testDecodingInvertsEscaping() {
    for text in ["a\u{0}b", "\u{1}\u{FFFE}x", "_x0041_", "lit _x005F_ here", "😀_", "plain", "_x00"] {
      let escaped = OOXMLText.escaped(text)
      XCTAssertEqual(decode(escaped) ?? escaped, text, text.debugDescription)
    }
    XCTAssertEqual(decode("_xD83D__xDE00_"), "😀", "a surrogate pair is one character")
    XCTAssertNil(decode("_xD83D_"), "a lone surrogate stays as written")
    XCTAssertEqual(decode("a_x000d_b"), "a\rb", "lower-case hex as Excel accepts")
    XCTAssertNil(decode("no pattern_here"))
  }

  func testReaderDecodesSharedAndInlineStrings() throws {
    let sheet = WorkbookBuilder.sheet(
      #"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>x_x0001_y</t></is></c></row>"#)
    let bytes = WorkbookBuilder.xlsx(
      sheets: [("S", sheet)], sharedStrings: WorkbookBuilder.sharedStrings(["<si><t>a_x0000_b_x005F_x0041_</t></si>"]))
    let path = SheetsFixtures.scratchDirectory(for: self) + "/b.xlsx"
    XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
    let row = try XCTUnwrap(try XLSXReader(path: path).grids().first?.rows.first)
    XCTAssertEqual(row.value(at: 0), .text("a\u{0}b_x0041_"))
    XCTAssertEqual(row.value(at: 1), .text("x\u{1}y"))
  }
}
