import Budget
import Foundation
import Sheets
import TestSupport
import XCTest

@testable import Layouts

/// The printed details of the formatted tables, as the official report prints them (issue 19, item 5).
final class PrintedTableTests: XCTestCase {
  func sheet(_ number: Int) throws -> StyledSheet {
    let disclosure = try SampleReadings.xlsx()
    let table = try XCTUnwrap(disclosure.table(number))
    return try XCTUnwrap(TableRenderer().sheet(table, in: disclosure))
  }

  func text(_ sheet: StyledSheet, _ address: CellAddress) -> String? {
    if let m = sheet.merges.first(where: { $0.range.first == address }) { return m.value?.text }
    return sheet.cell(at: address)?.value?.text
  }

  /// The row whose cell in `column` (or the merge starting there) shows `text`.
  func row(_ sheet: StyledSheet, showing text: String, column: Int = 0) throws -> Int {
    let rows = sheet.cells.keys.map(\.row) + sheet.merges.map(\.range.first.row)
    return try XCTUnwrap(
      Set(rows).sorted().first { self.text(sheet, CellAddress(row: $0, column: column)) == text },
      "no row shows \(text)")
  }

  func testRegression_EveryTablePrintsItsLabelAboveTheTitle() throws {
    for n in [1, 3, 9, 13] {
      let s = try sheet(n)
      XCTAssertEqual(s.print.header, "&L&\"宋体\"&10预算公开表\(n)", "表\(n) page header")
      XCTAssertEqual(
        text(s, CellAddress(row: 0, column: 0))?.hasPrefix("2023年"), true, "the title stays the first cell")
    }
    // A label the source printed is printed as it was.
    var disclosure = try SampleReadings.xlsx()
    var table = try XCTUnwrap(disclosure.table(9))
    table.label = "部门公开表9"
    disclosure.tables = [table]
    XCTAssertEqual(TableRenderer().sheet(table, in: disclosure)?.print.header, "&L&\"宋体\"&10部门公开表9")
  }

  func testRegression_TotalRowsAreBoldAndTheirNameSpansCodeAndName() throws {
    let s = try sheet(3)
    let r = try row(s, showing: "合计")
    let merge = try XCTUnwrap(s.merges.first { $0.range.first == CellAddress(row: r, column: 0) }, "合计 not merged")
    XCTAssertEqual(merge.range.last, CellAddress(row: r, column: 1), "合计 spans 科目编码 and 科目名称")
    XCTAssertTrue(merge.style.bold)
    XCTAssertEqual(s.cell(at: CellAddress(row: r, column: 2))?.value, .number("1331.42"))
    XCTAssertEqual(s.cell(at: CellAddress(row: r, column: 2))?.style.bold, true, "合计 amounts bold")
    let item = try row(s, showing: "206")
    XCTAssertEqual(s.cell(at: CellAddress(row: item, column: 2))?.style.bold, false, "item rows stay regular")
    // 表1: 本年收入合计 and 收入总计 bold, 上年结转 not; no code column, so nothing to merge.
    let t1 = try sheet(1)
    for (name, bold) in [("本年收入合计", true), ("收入总计", true), ("一、一般公共预算", false)] {
      let r = try row(t1, showing: name)
      XCTAssertEqual(t1.cell(at: CellAddress(row: r, column: 0))?.style.bold, bold, name)
      XCTAssertEqual(t1.cell(at: CellAddress(row: r, column: 1))?.style.bold, bold, name)
    }
  }

  func testRegression_EightCharacterHeadersPrintOnOneLine() throws {
    for n in [2, 4, 12] {
      let s = try sheet(n)
      let headers = s.cells.filter { $0.value.value?.text == "国有资本经营预算" }
      XCTAssertFalse(headers.isEmpty, "表\(n) has a 国有资本经营预算 header")
      for (address, cell) in headers {
        let width = try XCTUnwrap(s.columnWidths[address.column])
        XCTAssertEqual(
          RenderedSizing.lines(cell.value?.text ?? "", width: width), 1, "表\(n) \(address.a1) wraps (width \(width))")
      }
    }
  }

  func testRegression_NoOneLineRowGetsDoubleHeight() throws {
    // 七、文化旅游体育与传媒支出 fitted on one line in LibreOffice but its row was sized for two.
    let s = try sheet(4)
    let r = try row(s, showing: "七、文化旅游体育与传媒支出", column: 2)
    XCTAssertEqual(s.rowHeights[r], RenderedSizing.height(lines: 1))
    // In every table, a row sized for several lines has a name that needs them even with the two
    // units more per line that LibreOffice fits.
    let disclosure = try SampleReadings.xlsx()
    for table in disclosure.tables {
      let s = try XCTUnwrap(TableRenderer().sheet(table, in: disclosure))
      let first = try XCTUnwrap(s.freezePanes?.row)
      for (address, cell) in s.cells where address.row >= first && cell.style.wrap {
        guard let text = cell.value?.text, let height = s.rowHeights[address.row],
          height > RenderedSizing.height(lines: 1)
        else { continue }
        let width = try XCTUnwrap(s.columnWidths[address.column]) - Double(cell.style.indent)
        if RenderedSizing.lines(text, width: width) > 1 {
          XCTAssertGreaterThan(
            RenderedSizing.lines(text, width: width + 2), 1, "表\(table.number) \(address.a1) \(text) fits one line")
        }
      }
    }
  }
}
