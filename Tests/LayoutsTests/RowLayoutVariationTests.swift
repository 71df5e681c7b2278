import Budget
import Layouts
import Sheets
import TestSupport
import XCTest

/// Rows as PDF-to-Excel conversions leave them: wrapped names, codes alone, totals last.
final class RowLayoutVariationTests: XCTestCase {
  func testNameWrappedOntoTheNextRow() throws {
    var rows = GridFixtures.table3
    rows[7] = ["212", "城乡社区", "=293", "", "=293"]
    rows.insert(["", "支出", "", "", ""], at: 8)
    let reading = try GridFixtures.read(Sheet.grid("S", rows))
    GridFixtures.assertTable3(reading)
    XCTAssertEqual(reading.table.section(.main)?.row(code: "212")?.line, 8)
  }

  func testLineBreakInsideANameCell() throws {
    var rows = GridFixtures.table3
    rows[7][1] = "城乡社区\n支出"
    GridFixtures.assertTable3(try GridFixtures.read(Sheet.grid("S", rows)))
  }

  func testCodeAloneOnALineWithItsNameAndAmountsBelow() throws {
    var rows = GridFixtures.table3
    rows[6] = ["2060101", "", "", "", ""]
    rows.insert(["", "行政运行", "=348.97", "=302.9", "=46.07"], at: 7)
    let reading = try GridFixtures.read(Sheet.grid("S", rows))
    GridFixtures.assertTable3(reading)
  }

  func testTotalRowLastInsteadOfFirst() throws {
    var rows = GridFixtures.table3
    let total = rows.remove(at: 4)
    rows.append(total)
    let reading = try GridFixtures.read(Sheet.grid("S", rows))
    let section = try XCTUnwrap(reading.table.section(.main))
    XCTAssertEqual(section.rows.map(\.displayName), ["206 科学技术支出", "2060101 行政运行", "212 城乡社区支出", "合计"])
    XCTAssertEqual(section.rows.last?.kind, .total)
    XCTAssertEqual(section.rows.last?.amounts, amts("1331.42", "972.35", "359.07"))
    XCTAssertEqual(section.totalRows.count, 1)
  }

  func testProjectNamesLoseTheirIdeographicIndent() throws {
    let rows: [[String]] = [
      ["2023年项目支出预算表（本年预算）", "", "", "", "", "", ""],
      ["部门名称：测试局", "", "", "", "", "", "单位：万元"],
      ["项目名称", "合计", "2023年财政拨款", "", "", "财政专户管理资金", "单位资金"],
      ["", "", "一般公共预算", "政府性基金预算", "国有资本经营预算", "", ""],
      ["1", "2", "3", "4", "5", "6", "7"],
      ["\u{3000}\u{3000}J局机关电费", "=1.69", "=1.69", "", "", "", ""],
      ["\u{3000}\u{3000}Z科技活动周活动经费", "=10", "=10", "", "", "", ""],
    ]
    let reading = try GridFixtures.read(Sheet.grid("S", rows, merges: ["A3:A4", "B3:B4", "C3:E3", "F3:F4", "G3:G4"]))
    XCTAssertEqual(reading.table.number, 12)
    XCTAssertEqual(reading.table.sections[0].rows.map(\.name), ["J局机关电费", "Z科技活动周活动经费"])
    XCTAssertEqual(
      reading.table.sections[0].rows.map(\.amounts),
      [amts("1.69", "1.69", "", "", "", ""), amts("10", "10", "", "", "", "")])
  }

  func testRemarkBelowTheTableIsANoteNotPartOfAName() throws {
    var rows = GridFixtures.table3
    rows.append(["", "", "", "", ""])
    rows.append(["说明：本表为测试数据", "", "", "", ""])
    let reading = try GridFixtures.read(Sheet.grid("S", rows))
    GridFixtures.assertTable3(reading)
    XCTAssertEqual(reading.table.note, "说明：本表为测试数据")
  }
}
