import Budget
import Layouts
import Sheets
import TestSupport
import XCTest

/// A table is found wherever it sits in a sheet, with blank rows and columns inside it.
final class TablePlacementTests: XCTestCase {
  func testBaseGridReads() throws {
    let reading = try GridFixtures.read(Sheet.grid("Sheet1", GridFixtures.table3, merges: GridFixtures.table3Merges))
    GridFixtures.assertTable3(reading)
    XCTAssertEqual(reading.department, "测试局")
    XCTAssertEqual(reading.year, 2023)
    XCTAssertEqual(reading.headerRows, 3...4)
    XCTAssertEqual(reading.table.source?.range, "A1:E8")
  }

  func testTableStartingAtRow5ColumnC() throws {
    let grid = Sheet.grid("随便的名字", GridFixtures.table3, merges: GridFixtures.table3Merges, top: 4, left: 2)
    let reading = try GridFixtures.read(grid, sheet: "随便的名字")
    GridFixtures.assertTable3(reading)
    XCTAssertEqual(reading.titleCell.a1, "C5")
    XCTAssertEqual(reading.headerRows, 7...8)
    let section = try XCTUnwrap(reading.table.section(.main))
    XCTAssertEqual(section.columnLetters, ["E", "F", "G"])
    XCTAssertEqual(section.row(code: "2060101")?.line, 11)
    XCTAssertEqual(reading.table.source?.sheet, "随便的名字")
    XCTAssertEqual(reading.table.source?.range, "C5:G12")
  }

  func testBlankRowsInsideTheTable() throws {
    var rows = GridFixtures.table3
    rows.insert(["", "", "", "", ""], at: 6)  // between 206 and 2060101
    rows.insert(["", "", "", "", ""], at: 5)  // between 合计 and 206
    rows.insert(["", "", "", "", ""], at: 2)  // between 部门名称 and headers
    let reading = try GridFixtures.read(Sheet.grid("S", rows, merges: ["A1:E1", "A4:B4", "C4:E4", "A6:B6"]))
    GridFixtures.assertTable3(reading)
    XCTAssertEqual(reading.table.section(.main)?.row(code: "2060101")?.line, 10)
  }

  func testBlankColumnInsideTheTable() throws {
    let rows = GridFixtures.insertingColumn(GridFixtures.table3, at: 2)  // between 科目名称 and 合计
    let reading = try GridFixtures.read(Sheet.grid("S", rows, merges: ["A1:F1", "A3:B3", "D3:F3", "A5:B5"]))
    GridFixtures.assertTable3(reading)
    XCTAssertEqual(reading.table.section(.main)?.columnLetters, ["D", "E", "F"])
  }

  func testTextAroundTheTableIsIgnored() throws {
    var rows = GridFixtures.table3.map { $0 + [""] }
    rows.insert(["预算公开表3", "", "", "", "", ""], at: 0)
    rows.append(["", "", "", "", "", ""])
    rows.append(["说明：本表为测试数据", "", "", "", "", ""])
    let reading = try GridFixtures.read(Sheet.grid("S", rows))
    GridFixtures.assertTable3(reading)
    XCTAssertEqual(reading.table.label, "预算公开表3")
    XCTAssertEqual(reading.table.source?.range, "A1:E9", "the label row is part of the table's range")
  }

  func testTwoTablesInOneSheetAreBothRead() throws {
    let t7: [[String]] = [
      ["2023年政府性基金预算收入表（不含上年结转）", "", ""],
      ["部门名称：测试局", "", "单位：万元"],
      ["项目", "", "政府性基金收入预算"],
      ["收入科目编码", "科目名称", ""],
      ["合计", "", "=293"],
      ["1030148", "国有土地使用权出让收入", "=293"],
    ]
    let rows = GridFixtures.table3 + [["", "", "", "", ""]] + t7.map { $0 + ["", ""] }
    let reading = TableRecognizer().read(
      Sheet.grid("S", rows, merges: GridFixtures.table3Merges + ["C12:C13"]), file: "f.xlsx", sheet: "S")
    XCTAssertEqual(reading.tables.map(\.table.number), [3, 7])
    GridFixtures.assertTable3(reading.tables[0])
    XCTAssertEqual(reading.tables[1].table.section(.main)?.row(code: "1030148")?.amounts, amts("293.00"))
    XCTAssertEqual(reading.tables[1].table.section(.main)?.row(code: "1030148")?.line, 15)
  }
}
