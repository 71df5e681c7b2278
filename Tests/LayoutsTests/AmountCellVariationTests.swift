import Budget
import Layouts
import Sheets
import TestSupport
import XCTest

/// Amount and code cells in every form: numbers, grouped text, blanks, numeric codes, 元.
final class AmountCellVariationTests: XCTestCase {
  private func dataMapped(_ transform: (String) -> String) -> [[String]] {
    GridFixtures.table3.enumerated().map { r, row in r < 4 ? row : row.map(transform) }
  }

  func testAmountsAsGroupedTextAndFloatArtefacts() throws {
    let text = dataMapped { cell in
      guard cell.hasPrefix("=") else { return cell }
      return Amount(parsing: cell.dropFirst())!.grouped()
    }
    XCTAssertEqual(text[4][2], "1,331.42")
    GridFixtures.assertTable3(try GridFixtures.read(Sheet.grid("S", text)))
    let floats = dataMapped { cell in
      switch cell {
      case "=733.57": return "=733.5700000000001"
      case "=66.07": return "=66.06999999999999"
      case "=1331.42": return "=1331.4200000000001"
      default: return cell
      }
    }
    GridFixtures.assertTable3(try GridFixtures.read(Sheet.grid("S", floats)))
  }

  func testBlankTextAndDashCellsAreBlankNotZero() throws {
    var rows = GridFixtures.table3
    rows[7] = ["212", "城乡社区支出", "=293", "  ", "=293"]
    GridFixtures.assertTable3(try GridFixtures.read(Sheet.grid("S", rows)))
    rows[7][3] = "-"
    GridFixtures.assertTable3(try GridFixtures.read(Sheet.grid("S", rows)))
    rows[7][3] = "0.00"
    let zero = try GridFixtures.read(Sheet.grid("S", rows))
    XCTAssertEqual(
      zero.table.section(.main)?.row(code: "212")?.amounts, amts("293", "0.00", "293"), "0.00 is kept as zero")
  }

  func testNonNumericAmountIsReportedWithItsCell() throws {
    var rows = GridFixtures.table3
    rows[6][3] = "待定"
    let reading = try GridFixtures.read(Sheet.grid("S", rows), file: "book.xlsx", sheet: "表三")
    XCTAssertEqual(reading.table.section(.main)?.row(code: "2060101")?.amounts, amts("348.97", "", "46.07"))
    XCTAssertEqual(reading.issues.count, 1)
    XCTAssertEqual(reading.issues.first?.location, "book.xlsx 表三!D7")
    XCTAssertTrue(reading.issues.first?.zh.contains("待定") ?? false)
  }

  func testCodesAsNumericCells() throws {
    var grid = Sheet.grid("S", GridFixtures.table3)
    grid.set(.number("206"), row: 5, column: 0)
    grid.set(.number("2060101"), row: 6, column: 0)
    grid.set(.number("212.0"), row: 7, column: 0)
    GridFixtures.assertTable3(try GridFixtures.read(grid))
  }

  /// A table printed in 元 keeps its amounts in 元 and says so: reading them as 万元 was 10,000× wrong.
  func testRegression_TableInYuanKeepsItsAmountsInYuan() throws {
    let rows: [[String]] = [
      ["2023年预算支出总表", "", "", "", ""],
      ["部门名称：测试局", "", "", "", "单位：元"],
      ["项目", "", "2023年预算数", "", ""],
      ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
      ["合计", "", "=13314200", "=9723500", "=3590700"],
      ["206", "科学技术支出", "7,335,700.00", "=6675000", "=660700"],
      ["2060101", "行政运行", "=3489700", "=3029000", "=460700"],
      ["212", "城乡社区支出", "=2930000", "", "=2930000"],
    ]
    let reading = try GridFixtures.read(Sheet.grid("S", rows))
    XCTAssertEqual(reading.table.sourceUnit, "元")
    XCTAssertEqual(reading.table.unit, "元")
    let main = try XCTUnwrap(reading.table.section(.main))
    XCTAssertEqual(main.row(named: "合计")?.amounts, amts("13314200", "9723500", "3590700"))
    XCTAssertEqual(main.row(code: "206")?.amounts, amts("7335700", "6675000", "660700"))
    XCTAssertEqual(main.row(code: "212")?.amounts, [amt("2930000"), nil, amt("2930000")], "blank stays blank")
    var cents = rows
    cents[6][2] = "=3489700.01"
    let exact = try GridFixtures.read(Sheet.grid("S", cents))
    let row = try XCTUnwrap(exact.table.section(.main)?.row(code: "2060101"))
    XCTAssertEqual(row.amounts[0], amt("3489700.01"))
  }

  func testNoDataNoteWithAnEmptyTable() throws {
    let rows: [[String]] = [
      ["2023年项目支出预算表（上年结转）", "", "", "", ""],
      ["部门名称：测试局", "", "", "", "单位：万元"],
      ["项目名称", "合计", "2023年财政拨款", "", ""],
      ["", "", "一般公共预算", "政府性基金预算", "国有资本经营预算"],
      ["1", "2", "3", "4", "5"],
      ["", "", "", "", ""],
      ["注：本表无数据", "", "", "", ""],
    ]
    let reading = try GridFixtures.read(Sheet.grid("S", rows, merges: ["A3:A4", "B3:B4", "C3:E3"]))
    XCTAssertEqual(reading.table.number, 13)
    XCTAssertEqual(reading.table.note, "注：本表无数据")
    XCTAssertEqual(reading.table.sections[0].rows, [])
    XCTAssertEqual(reading.dataRowCount, 0)
    // The same note with a half-width colon and spaces, as some exports print it.
    var other = rows
    other[6][0] = " 注: 本表无数据 "
    XCTAssertEqual(try GridFixtures.read(Sheet.grid("S", other)).table.note, "注: 本表无数据")
  }
}
