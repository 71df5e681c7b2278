import XCTest

@testable import Sheets

final class XLSXWriterFlatTests: XCTestCase {
  private var dir = ""

  override func setUp() {
    dir = SheetsFixtures.scratchDirectory(for: self)
  }

  private let columns = [
    FlatColumn(header: "科目编码", style: CellStyle(numberFormat: "@"), width: 12),
    FlatColumn(header: "科目名称", width: 30),
    FlatColumn(header: "金额", style: CellStyle(numberFormat: "#,##0.00"), width: 14),
  ]

  func testFlatExportWritesRowsInOrderWithStyles() throws {
    let path = dir + "/flat.xlsx"
    let rows = (0..<2_000).lazy.map { i -> [CellValue?] in
      [
        .text(String(2_060_101 + i)), i % 7 == 0 ? nil : .text("项目\(i)"),
        .number("\(i).\(String(format: "%02d", i % 100))"),
      ]
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
      XCTAssertEqual(
        error as? WriteError, .invalidNumber(sheet: "Sheet1", cell: CellAddress(a1: "C3")!, text: "1,000.00"))
    }
    XCTAssertEqual(SheetsFixtures.entries(dir), [])
    XCTAssertThrowsError(try XLSXWriter.writeFlat(to: path, sheetName: "a:b", columns: columns, rows: [[CellValue?]]()))
    {
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

  func testCellByCellRowsMatchWholeRows() throws {
    let whole = dir + "/whole.xlsx"
    let cells = dir + "/cells.xlsx"
    let rows: [[CellValue?]] = (0..<300).map { i in
      [
        .text(String(2_060_101 + i)), i % 5 == 0 ? nil : .text("项目\(i)"),
        i % 7 == 0 ? nil : .number("\(i).\(i % 100 < 10 ? "0" : "")\(i % 100)"),
        .bool(i % 2 == 0), .error("#N/A"),
      ]
    }
    try XLSXWriter.writeFlat(to: whole, columns: columns, rows: rows)
    try XLSXWriter.writeFlat(to: cells, columns: columns) { writer in
      for (i, row) in rows.enumerated() {
        try writer.startRow()
        try writer.write(text: String(2_060_101 + i), column: 0)
        if i % 5 == 0 { try writer.writeBlank(column: 1) } else { try writer.write(text: "项目\(i)", column: 1) }
        // cents / 100 is the double nearest the exact two-decimal text, as parsing that text gives.
        if i % 7 == 0 {
          try writer.writeBlank(column: 2)
        } else {
          try writer.write(number: Double(i * 100 + i % 100) / 100, column: 2)
        }
        try writer.write(bool: i % 2 == 0, column: 3)
        try writer.write(text: "#N/A", column: 4)
        XCTAssertEqual(writer.rowCount, i + 1)
        _ = row
      }
    }
    let a = try XLSXReader(path: whole).grid(sheet: 0)
    let b = try XLSXReader(path: cells).grid(sheet: 0)
    XCTAssertEqual(a.rows, b.rows)
    XCTAssertEqual(a.rowCount, 301)
  }

  func testCellByCellErrors() throws {
    let path = dir + "/flat.xlsx"
    XCTAssertThrowsError(
      try XLSXWriter.writeFlat(to: path, columns: columns) { writer in
        try writer.startRow()
        try writer.write(number: .infinity, column: 2)
      }
    ) { XCTAssertEqual($0 as? WriteError, .invalidNumber(sheet: "Sheet1", cell: CellAddress(a1: "C2")!, text: "inf")) }
    XCTAssertThrowsError(
      try XLSXWriter.writeFlat(to: path, columns: columns) { writer in
        try writer.startRow()
        try writer.write(text: "x", column: CellAddress.maxColumn + 1)
      }
    ) {
      XCTAssertEqual(
        $0 as? WriteError,
        .cellOutOfRange(sheet: "Sheet1", cell: CellAddress(row: 1, column: CellAddress.maxColumn + 1)))
    }
    XCTAssertEqual(SheetsFixtures.entries(dir), [])
  }
}
