import Budget
import Layouts
import Sheets
import TestSupport
import XCTest

/// Header cells as real exports write them: spaces, U+3000, line breaks, merges or none, split codes.
final class HeaderVariationTests: XCTestCase {
  private func replacingHeaders(_ map: [String: String]) -> [[String]] {
    GridFixtures.table3.enumerated().map { r, row in r < 4 ? row.map { map[$0] ?? $0 } : row }
  }

  func testSpacesIdeographicSpacesAndLineBreaksInHeaders() throws {
    let rows = replacingHeaders([
      "科目编码": "科目\n编码", "科目名称": " 科目名称 ", "合计": "合　计", "基本支出": "基本\r\n支出",
      "项目支出": "项 目 支 出", "2023年预算数": "2023 年\n预算数", "2023年预算支出总表": "2023年 预算支出总表",
    ])
    GridFixtures.assertTable3(try GridFixtures.read(Sheet.grid("S", rows, merges: GridFixtures.table3Merges)))
  }

  func testFullWidthBracketsAndQuotesInTitles() throws {
    var rows = GridFixtures.table3
    rows[0][0] = "2023年一般公共预算支出预算表(不含上年结转)"
    let reading = try GridFixtures.read(Sheet.grid("S", rows))
    XCTAssertEqual(reading.table.number, 5, "ASCII brackets name 表5 as well as full-width ones")
    rows[0][0] = "2023年一般公共预算\"三公\"经费支出预算表"
    let t10: [[String]] = [
      rows[0],
      ["部门名称：测试局", "", "", "", "单位：万元"],
      ["项目", "2023年预算数", "", "", ""],
      ["", "合计", "一般公共预算", "政府性基金预算", "国有资本经营预算"],
      ["公务接待费", "=1.2", "=1.2", "", ""],
    ]
    let r10 = try GridFixtures.read(Sheet.grid("S", t10, merges: ["A3:A4", "B3:E3"]))
    XCTAssertEqual(r10.table.number, 10)
    XCTAssertEqual(r10.table.section(.main)?.rows.first?.amounts, amts("1.2", "1.2", "", ""))
  }

  func testMultiRowMergedHeadersAsXLSXAndAsCSVWithoutMerges() throws {
    // 表4's three header rows: 收入/支出 over 项目/金额, 金额 over 小计 … 国有资本经营预算.
    let rows: [[String]] = [
      ["2023年财政拨款收支总表", "", "", "", "", "", ""],
      ["部门名称：测试局", "", "", "", "", "", "单位：万元"],
      ["收入", "", "支出", "", "", "", ""],
      ["项目", "金额", "项目", "金额", "", "", ""],
      ["", "", "", "小计", "一般公共预算", "政府性基金预算", "国有资本经营预算"],
      ["一、一般公共预算", "=100", "一、一般公共服务支出", "=80", "=80", "", ""],
      ["二、政府性基金预算", "=20", "五、教育支出", "=40", "=20", "=20", ""],
      ["本年收入合计", "=120", "本年支出合计", "=120", "=100", "=20", ""],
    ]
    let merges = ["A1:G1", "A3:B3", "C3:G3", "A4:A5", "B4:B5", "C4:C5", "D4:G4"]
    let merged = try GridFixtures.read(Sheet.grid("S", rows, merges: merges))
    let plain = try GridFixtures.read(Sheet.grid("S", rows))
    XCTAssertEqual(merged.table.withoutProvenance(), plain.table.withoutProvenance())
    XCTAssertEqual(merged.headerRows, 3...5)
    let expenditure = try XCTUnwrap(merged.table.section(.expenditure))
    XCTAssertEqual(expenditure.columns, ["total", "general_public", "government_fund", "state_capital"])
    XCTAssertEqual(expenditure.columnLetters, ["D", "E", "F", "G"])
    XCTAssertEqual(try expenditure.only("五、教育支出").amounts, amts("40", "20", "20", ""))
    XCTAssertEqual(try expenditure.only("本年支出合计").kind, .total)
    let income = try XCTUnwrap(merged.table.section(.income))
    XCTAssertEqual(income.columnLetters, ["B"])
    XCTAssertEqual(try income.only("本年收入合计").amounts, amts("120"))
  }

  func testCSVStyleMergedTopHeaderSpreadsOverTheColumnsBelow() throws {
    // In CSV a merged 2023年预算数 is a text in C3 and empty D3, E3.
    let reading = try GridFixtures.read(Sheet.grid("S", GridFixtures.table3), file: "t.csv", sheet: nil)
    GridFixtures.assertTable3(reading)
    XCTAssertEqual(reading.columnMap.first { $0.column == "D" }?.header, "2023年预算数 / 基本支出")
  }

  func testSplitClassSectionItemCodeColumns() throws {
    let rows: [[String]] = [
      ["2023年预算支出总表", "", "", "", "", "", ""],
      ["部门名称：测试局", "", "", "", "", "", "单位：万元"],
      ["科目编码", "", "", "科目名称", "2023年预算数", "", ""],
      ["类", "款", "项", "", "合计", "基本支出", "项目支出"],
      ["", "", "", "合计", "=1331.42", "=972.35", "=359.07"],
      ["206", "", "", "科学技术支出", "=733.57", "=667.5", "=66.07"],
      ["206", "01", "01", "行政运行", "=348.97", "=302.9", "=46.07"],
      ["212", "", "", "城乡社区支出", "=293", "", "=293"],
    ]
    let reading = try GridFixtures.read(Sheet.grid("S", rows, merges: ["A1:G1", "A3:C3", "D3:D4", "E3:G3"]))
    GridFixtures.assertTable3(reading)
    // Parts may also repeat the parent digits (206 / 20601 / 2060101).
    var full = rows
    full[6] = ["206", "20601", "2060101", "行政运行", "=348.97", "=302.9", "=46.07"]
    GridFixtures.assertTable3(
      try GridFixtures.read(Sheet.grid("S", full, merges: ["A1:G1", "A3:C3", "D3:D4", "E3:G3"])))
  }

  func testHalfWidthColonInUnitAndDepartmentLines() throws {
    var rows = GridFixtures.table3
    rows[1] = ["部门名称:测试局", "", "", "", "单位:元"]
    for r in 4..<rows.count {
      for c in rows[r].indices where rows[r][c].hasPrefix("=") {
        rows[r][c] = "=" + Amount(parsing: rows[r][c].dropFirst())!.multipliedByPowerOfTen(4)!.description
      }
    }
    var reading = try GridFixtures.read(Sheet.grid("S", rows))
    XCTAssertEqual(reading.department, "测试局")
    XCTAssertEqual(reading.table.sourceUnit, "元")
    XCTAssertEqual(reading.table.unit, "元", "amounts stay in 元")
    // Converted here, explicitly and exactly, they are the 万元 figures of the fixture.
    for s in reading.table.sections.indices {
      for r in reading.table.sections[s].rows.indices {
        reading.table.sections[s].rows[r].amounts = reading.table.sections[s].rows[r].amounts.map {
          $0?.dividedByPowerOfTen(4)
        }
      }
    }
    GridFixtures.assertTable3(reading)
    rows[1] = ["部门名称:测试局", "", "", "", "单位:万元"]
    XCTAssertEqual(try GridFixtures.read(Sheet.grid("S", rows)).table.sourceUnit, "万元")
  }

  func testMissingRequiredHeaderIsExplained() throws {
    let rows = GridFixtures.table3.enumerated().map { r, row in r == 3 ? ["科目编码", "", "合计", "基本支出", "项目支出"] : row }
    let reading = TableRecognizer().read(Sheet.grid("S", rows), file: "f.xlsx", sheet: "S")
    XCTAssertEqual(reading.tables.count, 0)
    let issue = try XCTUnwrap(reading.unrecognized)
    XCTAssertTrue(issue.zh.contains("科目名称"), issue.zh)
    XCTAssertTrue(issue.location.hasPrefix("f.xlsx S!"), issue.location)
  }
}
