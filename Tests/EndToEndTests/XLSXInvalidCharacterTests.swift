import Budget
import Foundation
import TestSupport
import XCTest

/// Texts with characters XML 1.0 cannot carry (U+FFFE, control characters, NUL) in the
/// formatted workbook: every part stays well-formed, they are written `_xHHHH_` as OOXML
/// prescribes, and Yusuan and openpyxl read the same text back (issue 21 item 4).
final class XLSXInvalidCharacterTests: XCTestCase {
  var folder = ""

  override func setUpWithError() throws { folder = try Fixtures.scratchFolder("yusuan-e2e-xmlchars") }
  override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: folder) }

  static let department = "大同\u{FFFE}市\u{1}科技\u{0}局\u{1F}尾"
  /// A literal text that looks like an escape: it must come back as written, not as "A".
  static let literal = "行政_x0041_运行"

  static let probe = #"""
    import sys, zipfile, xml.dom.minidom, openpyxl
    from openpyxl.utils.escape import unescape
    with zipfile.ZipFile(sys.argv[1]) as z:
        for name in z.namelist():
            if name.endswith(".xml") or name.endswith(".rels"):
                xml.dom.minidom.parseString(z.read(name))  # raises when not well-formed
    wb = openpyxl.load_workbook(sys.argv[1])
    for row in wb["预算公开表3"].iter_rows():
        for c in row:
            if isinstance(c.value, str) and c.value.startswith("部门名称"):
                print("department=" + repr(unescape(c.value)))
            if isinstance(c.value, str) and c.value.startswith("行政"):
                print("literal=" + repr(c.value))
    """#

  func testRegression_XMLInvalidCharactersKeepTheWorkbookWellFormedAndComeBackEqual() throws {
    var disclosure = try E2E.reference()
    disclosure.department = Self.department
    let t3 = try XCTUnwrap(disclosure.tables.firstIndex { $0.number == 3 })
    let row = try XCTUnwrap(disclosure.tables[t3].sections[0].rows.firstIndex { $0.name == "行政运行" })
    disclosure.tables[t3].sections[0].rows[row].name = Self.literal
    let json = folder + "/in.json"
    try Fixtures.write(disclosure.jsonBytes(), to: json)
    let xlsx = folder + "/out.xlsx"
    try E2E.expect(0, ["convert", json, "-o", xlsx])

    // Yusuan reads its own output, with the same text (NUL included, nothing cut).
    let back = folder + "/back.json"
    try E2E.expect(0, ["convert", xlsx, "-o", back])
    let model = try E2E.model(back)
    XCTAssertEqual(model.department, Self.department)
    XCTAssertEqual(model.table(3)?.sections[0].rows[row].name, Self.literal)

    // openpyxl: every part parses; after OOXML's unescape the department is the same text.
    let seen = try Python3.run(Self.probe, arguments: [xlsx], modules: ["openpyxl"])
    let expected = "部门名称：" + Self.department
    XCTAssertTrue(seen.contains("department=" + pythonRepr(expected)), seen)
    XCTAssertTrue(seen.contains("literal=" + pythonRepr(Self.literal)), seen)
  }

  /// Python's repr of a str (single quotes, \x escapes for controls, \ufffe for U+FFFE).
  private func pythonRepr(_ text: String) -> String {
    var out = "'"
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0x27: out += "\\'"
      case 0x5C: out += "\\\\"
      case 0x0..<0x20, 0x7F: out += String(format: "\\x%02x", scalar.value)
      case 0xFFFE, 0xFFFF: out += String(format: "\\u%04x", scalar.value)
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "'"
  }
}
