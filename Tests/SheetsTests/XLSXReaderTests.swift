import Foundation
import Sheets
import TestSupport
import XCTest

final class XLSXReaderTests: XCTestCase {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures")
  static let budget = fixtures.appendingPathComponent("datong-kejiju-2023.xlsx").path
  static let performance = fixtures.appendingPathComponent("datong-kejiju-2023-performance.xlsx").path

  // MARK: The real fixtures

  func testFixtureListsThirteenSheetsInWorkbookOrder() throws {
    let reader = try XLSXReader(path: Self.budget)
    XCTAssertEqual(reader.sheets.map(\.name), (1...13).map { "预算公开表\($0)" })
    XCTAssertEqual(reader.sheets.map(\.index), Array(0..<13))
    XCTAssertEqual(reader.sheets[9].part, "xl/worksheets/sheet10.xml")  // absolute target "/xl/…" resolved
    XCTAssertTrue(reader.sheets.allSatisfy { $0.visibility == .visible })
    XCTAssertFalse(reader.date1904)
  }

  func testFixtureTable3RowOfAdministrativeOperation() throws {
    let grid = try XLSXReader(path: Self.budget).grid(named: "预算公开表3")
    XCTAssertEqual(grid[a1: "A1"], .text("2023年预算支出总表"))
    XCTAssertEqual(grid[a1: "A2"], .text("部门名称：大同市科学技术局[部门]"))
    XCTAssertEqual(grid[a1: "E2"], .text("单位：万元"))
    XCTAssertNil(grid[a1: "B3"], "an empty <c t=\"n\"/> is not stored")
    let row = try XCTUnwrap(grid.rows.first { $0.value(at: 0) == .text("2060101") })
    XCTAssertEqual(row.index, 7)
    XCTAssertEqual(row.value(at: 1), .text("行政运行"))
    XCTAssertEqual(row.value(at: 2), .number("348.97"))
    XCTAssertEqual(row.value(at: 3), .number("302.9"), "the exact text of <v>, not a reformatted double")
    XCTAssertEqual(row.value(at: 4), .number("46.07"))
    XCTAssertEqual(grid[a1: "C5"], .number("1331.42"))
    XCTAssertEqual(grid.merges.map(\.a1), ["A5:B5", "C3:E3", "A1:E1", "A2:D2", "A3:B3"])
    XCTAssertEqual(grid.rowCount, 30)
    XCTAssertEqual(grid.columnCount, 5)
  }

  func testFixtureTable13HoldsOnlyItsNote() throws {
    let grid = try XLSXReader(path: Self.budget).grid(sheet: 12)
    XCTAssertEqual(grid.name, "预算公开表13")
    XCTAssertEqual(grid[a1: "A7"], .text("注：本表无数据"))
    XCTAssertNil(grid.row(5), "row 6 holds only empty cells")
  }

  func testPerformanceFixtureSheetsAndForm() throws {
    let reader = try XLSXReader(path: Self.performance)
    XCTAssertEqual(reader.sheets.count, 11)
    XCTAssertEqual(reader.sheets.first?.name, "J局机关电费")
    XCTAssertEqual(reader.sheets.last?.name, "大同市企业孵化基地(北京站)2022年度场地租金")
    let form = try reader.grid(sheet: 0)
    XCTAssertEqual(form[a1: "C4"], .text("055-大同市科学技术局[部门]"))
    XCTAssertEqual(form[a1: "D6"], .number("50700"))
    XCTAssertEqual(form[a1: "G6"], .number("16900"))
    XCTAssertEqual(form[a1: "D7"], .number("0"))
    XCTAssertTrue(form.merges.contains(CellRange(a1: "A1:H1")!))
    XCTAssertTrue(form.merges.contains(CellRange(a1: "A19:A28")!))
    XCTAssertEqual(form.mergedRange(containing: CellAddress(a1: "B8")!), CellRange(a1: "A6:B11"))
  }

  /// Every cell and merge of both fixtures, compared with what openpyxl reads independently.
  func testFixturesAgreeWithOpenpyxlCellForCell() throws {
    for path in [Self.budget, Self.performance] {
      let json = try Python3.run(
        """
        import json, sys, openpyxl
        wb = openpyxl.load_workbook(sys.argv[1])
        out = []
        for ws in wb.worksheets:
            cells = [[c.row - 1, c.column - 1, c.data_type, repr(c.value) if c.data_type == 'n' else str(c.value)]
                     for row in ws.iter_rows() for c in row if c.value is not None]
            out.append({"name": ws.title, "cells": cells, "merges": sorted(str(m) for m in ws.merged_cells.ranges)})
        print(json.dumps(out, ensure_ascii=False))
        """, arguments: [path], modules: ["openpyxl"])
      let expected = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [[String: Any]]
      let grids = try XLSXReader(path: path).grids()
      XCTAssertEqual(grids.map(\.name), expected.map { $0["name"] as! String })
      for (grid, sheet) in zip(grids, expected) {
        let cells = sheet["cells"] as! [[Any]]
        XCTAssertEqual(grid.cellCount, cells.count, grid.name)
        for cell in cells {
          let (r, c, type, text) = (cell[0] as! Int, cell[1] as! Int, cell[2] as! String, cell[3] as! String)
          let value = grid[r, c]
          switch (type, value) {
          case ("n", .number(let ours)?):
            XCTAssertEqual(Double(ours), Double(text), "\(grid.name) \(CellAddress(row: r, column: c))")
          case ("s", .text(let ours)?):
            XCTAssertEqual(ours, text, "\(grid.name) \(CellAddress(row: r, column: c))")
          default:
            XCTFail(
              "\(grid.name) \(CellAddress(row: r, column: c)): openpyxl \(type) \(text), ours \(String(describing: value))"
            )
          }
        }
        XCTAssertEqual(grid.merges.map(\.a1).sorted(), sheet["merges"] as! [String], grid.name)
      }
    }
  }

  // MARK: Hand-built parts

  func testStrictNamespacePrefixesMissingReferencesAndExactNumbers() throws {
    let rows = """
      <x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:t>科目编码</x:t></x:is></x:c><x:c><x:v>1331.4200000000001</x:v></x:c><x:c t="n"><x:v>-3E-2</x:v></x:c></x:row>
      <x:row><x:c><x:v>7</x:v></x:c><x:c r="D3" t="inlineStr"><x:is><x:r><x:t>大同</x:t></x:r><x:r><x:rPr/><x:t xml:space="preserve"> 科技局 </x:t></x:r></x:is></x:c><x:c><x:v>0.00</x:v></x:c></x:row>
      """
    let sheet = WorkbookBuilder.sheet(
      rows, after: #"<x:mergeCells><x:mergeCell ref="B2:C2"/></x:mergeCells>"#, strict: true, prefix: "x")
    let bytes = WorkbookBuilder.xlsx(sheets: [("严格", sheet)], strict: true, date1904: true)
    let reader = try XLSXReader(bytes: bytes, name: "strict.xlsx")
    XCTAssertTrue(reader.date1904)
    XCTAssertEqual(reader.sheets.map(\.name), ["严格"])
    let grid = try reader.grid(sheet: 0)
    XCTAssertEqual(grid[a1: "B2"], .text("科目编码"))
    XCTAssertEqual(grid[a1: "C2"], .number("1331.4200000000001"), "exact text, no rounding through Double")
    XCTAssertEqual(grid[a1: "D2"], .number("-3E-2"))
    XCTAssertEqual(grid[a1: "A3"], .number("7"), "a row without r follows the previous row")
    XCTAssertEqual(grid[a1: "D3"], .text("大同 科技局 "), "rich-text runs concatenated, spaces kept")
    XCTAssertEqual(grid[a1: "E3"], .number("0.00"), "a cell without r follows the previous cell")
    XCTAssertEqual(grid.merges, [CellRange(a1: "B2:C2")!])
  }

  func testSharedStringsRichTextPhoneticAndLyingCount() throws {
    let items = [
      "<si><t>合计</t></si>",
      #"<si><r><rPr><b/></rPr><t>大同</t></r><r><t xml:space="preserve">市 </t></r><rPh sb="0" eb="2"><t>ダイドウ</t></rPh><phoneticPr fontId="1"/></si>"#,
      "<si><t/></si>",
      "<si><t>a &amp; b &lt;c&gt;</t></si>",
    ]
    let sst = WorkbookBuilder.sharedStrings(items, uniqueCount: "99")
    let sheet = WorkbookBuilder.sheet(
      #"<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" t="s"><v>0</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v> 3 </v></c></row>"#
    )
    let grid = try XLSXReader(bytes: WorkbookBuilder.xlsx(sheets: [("S", sheet)], sharedStrings: sst)).grid(sheet: 0)
    XCTAssertEqual(grid[a1: "A1"], .text("大同市 "))
    XCTAssertEqual(grid[a1: "B1"], .text("合计"))
    XCTAssertEqual(grid[a1: "C1"], .text(""))
    XCTAssertEqual(grid[a1: "D1"], .text("a & b <c>"))
  }

  func testSiblingReaderReadsTheSameSheetsOnAnotherThread() throws {
    let sst = WorkbookBuilder.sharedStrings(["<si><t>合计</t></si>", "<si><t>科目名称</t></si>"])
    let sheets = (1...4).map { n in
      (
        "S\(n)",
        WorkbookBuilder.sheet(
          #"<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B\#(n)" t="s"><v>0</v></c><c r="C1"><v>\#(n).50</v></c></row>"#
        )
      )
    }
    for reader in [
      try XLSXReader(bytes: WorkbookBuilder.xlsx(sheets: sheets, sharedStrings: sst)),
      try XLSXReader(path: Self.budget),
    ] {
      let expected = try reader.grids()
      nonisolated(unsafe) let sibling = try reader.sibling()
      XCTAssertEqual(sibling.sheets, reader.sheets)
      // The sibling reads on another thread while the first reader reads the same sheets.
      nonisolated(unsafe) var fromSibling: [Grid] = []
      let done = DispatchSemaphore(value: 0)
      Thread.detachNewThread {
        fromSibling = (try? sibling.grids()) ?? []
        done.signal()
      }
      XCTAssertEqual(try reader.grids(), expected)
      done.wait()
      XCTAssertEqual(fromSibling, expected)
    }
  }

  func testNoSiblingOnceThePathNamesAnotherFile() throws {
    let folder = try Fixtures.scratchFolder("yusuan-sibling")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/book.xlsx"
    let first = WorkbookBuilder.xlsx(rows: #"<row r="1"><c r="A1"><v>1</v></c></row>"#)
    try Fixtures.write(first, to: path)
    let reader = try XLSXReader(path: path)
    XCTAssertNoThrow(try reader.sibling())
    // Saved again meanwhile (a new file renamed over the old one): a second handle would read
    // another version, so none is given; the first handle still reads the version it opened.
    try Fixtures.write(WorkbookBuilder.xlsx(rows: #"<row r="1"><c r="A1"><v>2</v></c></row>"#), to: path + ".new")
    XCTAssertEqual(rename(path + ".new", path), 0)
    XCTAssertThrowsError(try reader.sibling()) {
      guard case .cannotOpen(let file, let reason) = $0 as? XLSXReadError else { return XCTFail("\($0)") }
      XCTAssertEqual(file, path)
      XCTAssertTrue(reason.contains("changed"), reason)
    }
    XCTAssertEqual(try reader.grid(sheet: 0)[a1: "A1"], .number("1"))
  }

  func testCellTypesAndFormulaCachedValues() throws {
    let rows = """
      <row r="1"><c r="A1" t="b"><v>1</v></c><c r="B1" t="b"><v>0</v></c><c r="C1" t="e"><v>#DIV/0!</v></c>\
      <c r="D1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="E1"><f>SUM(1,2)</f><v>3</v></c>\
      <c r="F1"><f>SUM(A2:A3)</f></c><c r="G1" t="d"><v>2023-01-01T00:00:00</v></c><c r="H1" t="str"><f>X</f></c>\
      <c r="I1" t="inlineStr"><is><t>1331.42</t></is></c></row>
      """
    let reader = try XLSXReader(bytes: WorkbookBuilder.xlsx(rows: rows))
    let grid = try reader.grid(sheet: 0)
    XCTAssertEqual(grid[a1: "A1"], .bool(true))
    XCTAssertEqual(grid[a1: "B1"], .bool(false))
    XCTAssertEqual(grid[a1: "C1"], .error("#DIV/0!"))
    XCTAssertEqual(grid[a1: "D1"], .text("ab"))
    XCTAssertEqual(grid[a1: "E1"], .number("3"), "formula cells give their cached value")
    XCTAssertNil(grid[a1: "F1"])
    XCTAssertEqual(grid[a1: "G1"], .text("2023-01-01T00:00:00"))
    XCTAssertNil(grid[a1: "H1"])
    XCTAssertEqual(grid[a1: "I1"], .text("1331.42"), "a number stored as text stays text")
    XCTAssertEqual(reader.warnings, [.formulasWithoutCachedValue(sheet: "Sheet1", count: 2, firstCell: "F1")])
    XCTAssertTrue(reader.warnings[0].message(.zh).contains("F1"))
  }

  func testBadValuesAreTypedErrors() {
    let cases: [(String, (XLSXReadError) -> Bool)] = [
      (
        #"<row r="1"><c r="A1" t="s"><v>5</v></c></row>"#,
        {
          if case .sharedStringIndexOutOfRange(_, "Sheet1", "A1", "5") = $0 { true } else { false }
        }
      ),
      (
        #"<row r="1"><c r="B1"><v>12abc</v></c></row>"#,
        {
          if case .invalidCellValue(_, "Sheet1", "B1", "12abc") = $0 { true } else { false }
        }
      ),
      (
        #"<row r="1"><c r="C1" t="b"><v>yes</v></c></row>"#,
        {
          if case .invalidCellValue(_, _, "C1", "yes") = $0 { true } else { false }
        }
      ),
      (
        #"<row r="1"><c r="1A"><v>1</v></c></row>"#,
        {
          if case .invalidCellReference(_, _, "1A") = $0 { true } else { false }
        }
      ),
      (
        #"<row r="0"><c><v>1</v></c></row>"#,
        {
          if case .invalidCellReference(_, _, "0") = $0 { true } else { false }
        }
      ),
    ]
    for (rows, matches) in cases {
      XCTAssertThrowsError(try XLSXReader(bytes: WorkbookBuilder.xlsx(rows: rows, sharedStrings: ["x"])).grid(sheet: 0))
      {
        XCTAssertTrue(matches($0 as! XLSXReadError), "\(rows): \($0)")
      }
    }
  }

  func testHiddenRowsOutOfOrderRowsAndCells() throws {
    let rows = """
      <row r="3" hidden="1"><c r="C3"><v>3</v></c><c r="A3"><v>1</v></c></row>
      <row r="1"><c r="A1"><v>9</v></c></row>
      <row r="3"><c r="B3"><v>2</v></c><c r="A3"><v>10</v></c></row>
      <row r="5" hidden="true"/>
      """
    let grid = try XLSXReader(bytes: WorkbookBuilder.xlsx(rows: rows)).grid(sheet: 0)
    XCTAssertEqual(grid.rows.map(\.index), [0, 2])
    XCTAssertEqual(grid.row(2)?.cells.map(\.column), [0, 1, 2])
    XCTAssertEqual(grid[a1: "A3"], .number("10"), "a later duplicate wins")
    XCTAssertEqual(grid.hiddenRows, [2, 4])
  }

  func testSheetVisibilityAndLookup() throws {
    let bytes = WorkbookBuilder.xlsx(
      sheets: [("甲", WorkbookBuilder.sheet("")), ("乙", WorkbookBuilder.sheet("")), ("丙", WorkbookBuilder.sheet(""))],
      states: [nil, "hidden", "veryHidden"], absoluteTargets: true)
    let reader = try XLSXReader(bytes: bytes)
    XCTAssertEqual(reader.sheets.map(\.visibility), [.visible, .hidden, .veryHidden])
    XCTAssertEqual(reader.sheets[2].part, "xl/worksheets/sheet3.xml")
    XCTAssertEqual(try reader.grids().map(\.name), ["甲", "乙", "丙"])
    XCTAssertThrowsError(try reader.grid(named: "丁")) {
      XCTAssertEqual($0 as? XLSXReadError, .noSuchSheet(file: "<memory>", sheet: "丁"))
    }
    XCTAssertThrowsError(try reader.grid(sheet: 3)) {
      guard case .noSuchSheet = $0 as! XLSXReadError else { return XCTFail("\($0)") }
    }
  }

  // MARK: Streaming

  func testStreamingDeliversTheSameRowsAsTheGrid() throws {
    let reader = try XLSXReader(path: Self.budget)
    for index in reader.sheets.indices {
      let grid = try reader.grid(sheet: index)
      var rows: [GridRow] = []
      let summary = try reader.streamRows(sheet: index) { rows.append($0) }
      XCTAssertEqual(rows, grid.rows)
      XCTAssertEqual(summary.merges, grid.merges)
      XCTAssertEqual(summary.cellCount, grid.cellCount)
    }
  }

  func testStreamingRethrowsTheCallersError() throws {
    struct Enough: Error {}
    let reader = try XLSXReader(path: Self.budget)
    var seen = 0
    XCTAssertThrowsError(
      try reader.streamRows(sheet: 0) { _ in
        seen += 1
        if seen == 3 { throw Enough() }
      }
    ) { XCTAssertTrue($0 is Enough) }
    XCTAssertEqual(seen, 3)
  }

  func testRowViewsAgreeWithTheRowsCellForCell() throws {
    let rows = """
      <row r="1"><c r="A1" t="b"><v>1</v></c><c r="B1" t="b"><v>0</v></c><c r="C1" t="e"><v>#DIV/0!</v></c>\
      <c r="D1" t="str"><v>ab</v></c><c r="E1"><v> -1331.42 </v></c><c r="F1" t="inlineStr"><is><t></t></is></c>\
      <c r="G1" t="inlineStr"><is><r><t>甲</t></r><r><t>乙</t></r></is></c></row>\
      <row r="3"><c r="B3"><v>1E-3</v></c><c r="A3" t="inlineStr"><is><t>late</t></is></c></row>
      """
    let reader = try XLSXReader(bytes: WorkbookBuilder.xlsx(rows: rows))
    var viewed: [GridRow] = []
    var kinds: [SheetRowView.Kind] = []
    var blanks: [Bool] = []
    var texts: [String] = []
    try reader.streamRowViews(sheet: 0) { (row: borrowing SheetRowView) in
      var cells: [(column: Int, value: CellValue)] = []
      for i in 0..<row.count {
        cells.append((row.column(i), row.value(i)))
        kinds.append(row.kind(i))
        blanks.append(row.isBlank(i))
        texts.append(row.withUTF8(i) { String(decoding: $0, as: UTF8.self) })
      }
      viewed.append(GridRow(index: row.index, cells: cells))
      XCTAssertEqual(row.gridRow, viewed.last)
    }
    let grid = try reader.grid(sheet: 0)
    XCTAssertEqual(viewed, grid.rows)
    XCTAssertEqual(kinds, [.bool, .bool, .error, .text, .number, .text, .text, .text, .number])
    XCTAssertEqual(blanks, grid.rows.flatMap { $0.cells.map(\.value.isBlank) })
    XCTAssertEqual(texts, grid.rows.flatMap { $0.cells.map(\.value.text) })
    XCTAssertEqual(texts, ["TRUE", "FALSE", "#DIV/0!", "ab", "-1331.42", "", "甲乙", "late", "1E-3"])
  }

  func testRowViewsOfSharedStringsAndTheFixture() throws {
    let reader = try XLSXReader(path: Self.budget)
    for index in reader.sheets.indices {
      var rows: [GridRow] = []
      var texts: [String] = []
      let summary = try reader.streamRowViews(sheet: index) { (row: borrowing SheetRowView) in
        rows.append(row.gridRow)
        for i in 0..<row.count { texts.append(row.withUTF8(i) { String(decoding: $0, as: UTF8.self) }) }
      }
      let grid = try reader.grid(sheet: index)
      XCTAssertEqual(rows, grid.rows)
      XCTAssertEqual(texts, grid.rows.flatMap { $0.cells.map(\.value.text) })
      XCTAssertEqual(summary.merges, grid.merges)
      XCTAssertEqual(summary.cellCount, grid.cellCount)
    }
  }

  // MARK: Files made by other tools

  func testWorkbookWrittenByOpenpyxl() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("xlsx-openpyxl-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("openpyxl.xlsx").path
    try Python3.run(
      """
      import sys, openpyxl
      from openpyxl.cell.rich_text import CellRichText, TextBlock
      from openpyxl.cell.text import InlineFont
      wb = openpyxl.Workbook()
      ws = wb.active
      ws.title = "预算公开表3"
      ws["A1"] = "2023年预算支出总表"
      ws.merge_cells("A1:E1")
      ws["A2"] = "2060101"
      ws["B2"] = CellRichText(["行政", TextBlock(InlineFont(b=True), "运行")])
      ws["C2"] = 348.97
      ws["D2"] = True
      ws["E2"] = "#N/A"
      ws["F2"] = "=C2*2"
      ws["G2"] = 1331
      ws.row_dimensions[3].hidden = True
      ws["A3"] = "隐藏"
      hidden = wb.create_sheet("隐")
      hidden.sheet_state = "hidden"
      wb.save(sys.argv[1])
      """, arguments: [path], modules: ["openpyxl"])
    let reader = try XLSXReader(path: path)
    XCTAssertEqual(reader.sheets.map(\.name), ["预算公开表3", "隐"])
    XCTAssertEqual(reader.sheets[1].visibility, .hidden)
    let grid = try reader.grid(sheet: 0)
    XCTAssertEqual(grid[a1: "A1"], .text("2023年预算支出总表"))
    XCTAssertEqual(grid[a1: "A2"], .text("2060101"), "a code written as text stays text")
    XCTAssertEqual(grid[a1: "B2"], .text("行政运行"))
    XCTAssertEqual(grid[a1: "C2"], .number("348.97"))
    XCTAssertEqual(grid[a1: "D2"], .bool(true))
    XCTAssertEqual(grid[a1: "E2"], .error("#N/A"))
    XCTAssertNil(grid[a1: "F2"], "openpyxl writes formulas without a cached value")
    XCTAssertEqual(grid[a1: "G2"], .number("1331"))
    XCTAssertEqual(grid.hiddenRows, [2])
    XCTAssertEqual(grid.merges, [CellRange(a1: "A1:E1")!])
    XCTAssertEqual(reader.warnings.count, 1)
  }

  func testWorkbookWrittenByXlsxWriterWithSharedStringsAndCachedFormulas() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("xlsx-xlsxwriter-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("xlsxwriter.xlsx").path
    try Python3.run(
      """
      import sys, xlsxwriter
      wb = xlsxwriter.Workbook(sys.argv[1])
      ws = wb.add_worksheet("表")
      bold = wb.add_format({"bold": True})
      ws.merge_range("A1:C1", "标题", bold)
      ws.write_string(1, 0, "2060101")
      ws.write_rich_string(1, 1, "行政", bold, "运行")
      ws.write_number(1, 2, 302.9)
      ws.write_formula(2, 2, "=C2+1", None, 303.9)
      ws.write_formula(2, 3, '="a"&"b"', None, "ab")
      ws.write_boolean(2, 0, False)
      ws.write_string(3, 0, "标题")
      wb.close()
      """, arguments: [path], modules: ["xlsxwriter"])
    let grid = try XLSXReader(path: path).grid(named: "表")
    XCTAssertEqual(grid[a1: "A1"], .text("标题"))
    XCTAssertEqual(grid[a1: "A2"], .text("2060101"))
    XCTAssertEqual(grid[a1: "B2"], .text("行政运行"))
    XCTAssertEqual(grid[a1: "C2"], .number("302.9"))
    XCTAssertEqual(grid[a1: "C3"], .number("303.9"))
    XCTAssertEqual(grid[a1: "D3"], .text("ab"))
    XCTAssertEqual(grid[a1: "A3"], .bool(false))
    XCTAssertEqual(grid[a1: "A4"], .text("标题"))
    XCTAssertEqual(grid.merges, [CellRange(a1: "A1:C1")!])
  }
}
