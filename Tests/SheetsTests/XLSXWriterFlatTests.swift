import XCTest

@testable import Sheets

final class XLSXWriterFlatTests: XCTestCase {
  private var dir = ""

  override func setUp() {
    dir = SheetsFixtures.scratchDirectory()
  }

  private let columns = [
    FlatColumn(header: "科目编码", style: CellStyle(numberFormat: "@"), width: 12),
    FlatColumn(header: "科目名称", width: 30),
    FlatColumn(header: "金额", style: CellStyle(numberFormat: "#,##0.00"), width: 14),
  ]

  func testFlatExportWritesRowsInOrderWithStyles() throws {
    let path = dir + "/flat.xlsx"
    let rows = (0..<2_000).lazy.map { i -> [CellValue?] in
      [.text(String(2_060_101 + i)), i % 7 == 0 ? nil : .text("项目\(i)"), .number("\(i).\(String(format: "%02d", i % 100))")]
    }
    try XLSXWriter.writeFlat(to: path, sheetName: "明细", columns: columns, rows: rows)
    XCTAssertEqual(SheetsFixtures.entries(dir), ["flat.xlsx"])
    PythonCheck.run(
      """
      wb = openpyxl.load_workbook(sys.argv[1])
      ws = wb["明细"]
      check("max_row", ws.max_row, 2001)
      check("header", [c.value for c in ws[1]], ["科目编码", "科目名称", "金额"])
      check("header bold", ws["A1"].font.b, True)
      check("row 2", [c.value for c in ws[2]], ["2060101", None, 0.0])
      check("row 3", [c.value for c in ws[3]], ["2060102", "项目1", 1.01])
      check("last", [c.value for c in ws[2001]], ["2062100", "项目1999", 1999.99])
      check("code type", type(ws["A500"].value).__name__, "str")
      check("amount format", ws["C500"].number_format, "#,##0.00")
      check("code format", ws["A500"].number_format, "@")
      check("freeze", ws.freeze_panes, "A2")
      check("width", round(ws.column_dimensions["B"].width, 2), 30.71)
      """, [path])
  }

  func testRowCallbackAndErrorsMidStreamLeaveNothing() throws {
    let path = dir + "/flat.xlsx"
    XCTAssertThrowsError(
      try XLSXWriter.writeFlat(to: path, columns: columns) { writer in
        try writer.append([.text("1"), .text("a"), .number("1.00")])
        try writer.append([.text("2"), .text("b"), .number("1,000.00")])
      }
    ) { error in
      XCTAssertEqual(error as? WriteError, .invalidNumber(sheet: "Sheet1", cell: CellAddress(a1: "C3")!, text: "1,000.00"))
    }
    XCTAssertEqual(SheetsFixtures.entries(dir), [])
    XCTAssertThrowsError(try XLSXWriter.writeFlat(to: path, sheetName: "a:b", columns: columns, rows: [[CellValue?]]())) {
      XCTAssertEqual($0 as? WriteError, .invalidSheetName(name: "a:b"))
    }
    var count = 0
    try XLSXWriter.writeFlat(to: path, columns: columns) { writer in
      for i in 0..<10 { try writer.append([.text("\(i)")]) }
      count = writer.rowCount
    }
    XCTAssertEqual(count, 10)
    XCTAssertEqual(SheetsFixtures.entries(dir), ["flat.xlsx"])
  }
}
