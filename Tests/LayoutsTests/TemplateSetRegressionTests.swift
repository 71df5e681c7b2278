import Budget
import Foundation
import Layouts
import Sheets
import TestSupport
import XCTest

/// The six ways other provinces' tables were missed or misread, each on the smallest grid that
/// shows it. Grids are read as `DisclosureReader` reads them: every shipped set a candidate.
final class TemplateSetRegressionTests: XCTestCase {
  let recognizer = TableRecognizer(candidates: TemplateSets.all)

  func read(_ grids: [Grid], file: String = "t.xlsx") -> (set: LayoutSet, grids: [GridReading]) {
    recognizer.settle(grids.map { recognizer.read($0, file: file, sheet: $0.name) })
  }

  /// Shanghai's 支出预算总表 in 元, 编制部门 and 单位 in one cell, codes over 类/款/项, 合计 last.
  static let shanghaiTable3: [[String]] = [
    ["2026年部门支出预算总表", "", "", "", "", "", ""],
    ["编制部门：上海市某某局 单位：元", "", "", "", "", "", ""],
    ["项目", "", "", "", "支出预算", "", ""],
    ["功能分类科目编码", "", "", "功能分类科目名称", "合计", "基本支出", "项目支出"],
    ["类", "款", "项", "", "", "", ""],
    ["201", "", "", "一般公共服务支出", "=1500000.5", "=1000000.5", "=500000"],
    ["201", "03", "", "政府办公厅（室）及相关机构事务", "=1500000.5", "=1000000.5", "=500000"],
    ["201", "03", "01", "行政运行", "=1000000.5", "=1000000.5", "=0"],
    ["201", "03", "02", "一般行政管理事务", "=500000", "", "=500000"],
    ["合计", "", "", "", "=1500000.5", "=1000000.5", "=500000"],
  ]

  /// 1. A `编制部门：` line stopped every table below it from being found.
  func testRegression_BianZhiBuMenLineDoesNotHideTheTable() throws {
    let (set, grids) = read([Sheet.grid("S", Self.shanghaiTable3)])
    XCTAssertEqual(set.name, "shanghai-district-department")
    let t = try XCTUnwrap(grids[0].tables.first)
    XCTAssertEqual(t.department, "上海市某某局")
    XCTAssertEqual(t.table.kind, .expenditureSummary)
    XCTAssertEqual(t.table.sections[0].rows.compactMap(\.code), ["201", "20103", "2010301", "2010302"])
  }

  /// 2. The unit in the department's cell was ignored: 元 read as 万元, 10,000× too large, exit 0.
  func testRegression_UnitInTheDepartmentCellIsReadAndAmountsStayInYuan() throws {
    let (_, grids) = read([Sheet.grid("S", Self.shanghaiTable3)])
    let t = try XCTUnwrap(grids[0].tables.first)
    XCTAssertEqual(t.table.unit, "元")
    XCTAssertEqual(t.table.sourceUnit, "元")
    XCTAssertEqual(t.department, "上海市某某局", "the department name does not swallow 单位：元")
    let row = try XCTUnwrap(t.table.sections[0].row(code: "2010301"))
    XCTAssertEqual(row.amounts, amts("1000000.5", "1000000.5", "0"), "元 as printed, not ÷10,000 nor ×10,000")
    XCTAssertEqual(t.issues.map(\.ruleId), [])
    // The written workbook says 单位：元 over these amounts.
    let disclosure = Disclosure(
      department: "上海市某某局", year: 2026, unit: "元", templateSet: "shanghai-district-department", tables: [t.table])
    let sheet = try XCTUnwrap(TableRenderer().sheet(t.table, in: disclosure))
    let printed = sheet.cells.values.compactMap(\.value) + sheet.merges.compactMap(\.value)
    XCTAssertTrue(printed.contains(.text("单位：元")), "the unit printed is the table's")
    XCTAssertTrue(printed.contains(.text("编制部门：上海市某某局")))
    XCTAssertEqual(sheet.name, "部门支出总表", "the set's sheet name")
    // A unit nobody printed is a warning, the set's default used and named.
    var rows = Self.shanghaiTable3
    rows[1] = ["编制部门：上海市某某局", "", "", "", "", "", ""]
    let silent = try XCTUnwrap(read([Sheet.grid("S", rows)]).grids[0].tables.first)
    XCTAssertEqual(silent.table.unit, "元")
    XCTAssertEqual(silent.issues.map(\.ruleId), ["read.unit-missing"])
    XCTAssertEqual(silent.issues.first?.location, "t.xlsx S!A1")
    // Two different units are an error.
    rows[1] = ["编制部门：上海市某某局 单位：元", "", "", "", "", "", "单位：万元"]
    let conflict = try XCTUnwrap(read([Sheet.grid("S", rows)]).grids[0].tables.first)
    XCTAssertEqual(conflict.issues.map(\.ruleId), ["read.unit-conflict"])
    XCTAssertEqual(conflict.issues.first?.severity, .error)
  }

  /// 3. Two tables on one sheet ran into each other: 表4 read past 收入总计/支出总计 into the next
  /// table, whose codes became amounts.
  func testRegression_TwoTablesOnOneSheetEndAtTheirClosingRow() throws {
    let rows: [[String]] = [
      ["2023年财政拨款收支总表", "", "", "", "", ""],
      ["部门名称：测试局", "", "", "", "", "单位：万元"],
      ["收入", "", "支出", "", "", ""],
      ["项目", "金额", "项目", "小计", "一般公共预算", "政府性基金预算"],
      ["一、一般公共预算", "=100", "一、科学技术支出", "=100", "=100", ""],
      ["收入总计", "=100", "支出总计", "=100", "=100", ""],
      ["", "", "", "", "", ""],
      ["2023年部门采购明细", "", "", "", "", ""],
      ["206", "科学技术支出", "2060101", "=100", "", ""],
    ]
    let (_, grids) = read([Sheet.grid("S", rows)])
    let t = try XCTUnwrap(grids[0].tables.first)
    XCTAssertEqual(t.table.number, 4)
    XCTAssertEqual(t.table.section(.income)?.rows.map(\.name), ["一、一般公共预算", "收入总计"])
    XCTAssertEqual(t.table.section(.expenditure)?.rows.map(\.name), ["一、科学技术支出", "支出总计"])
  }

  /// 4. A table continued on the next sheet (a PDF page per sheet) lost its continuation.
  func testRegression_TableContinuedOnTheNextSheetKeepsItsRows() throws {
    let first = Array(Self.shanghaiTable3.prefix(8))
    let second: [[String]] = [
      ["201", "03", "02", "一般行政管理事务", "=500000", "", "=500000"],
      ["合计", "", "", "", "=1500000.5", "=1000000.5", "=500000"],
    ]
    // The headers repeated on the next page are passed over too.
    let repeated = Array(Self.shanghaiTable3[2...4]) + second
    for page2 in [second, repeated] {
      let (_, grids) = read([Sheet.grid("p1", first), Sheet.grid("p2", page2)])
      let t = try XCTUnwrap(grids[0].tables.first)
      let rows = t.table.sections[0].rows
      XCTAssertEqual(rows.map(\.name).suffix(2), ["一般行政管理事务", "合计"])
      XCTAssertEqual(rows.last?.kind, .total)
      XCTAssertEqual(rows.last?.amounts, amts("1500000.5", "1000000.5", "500000"))
      XCTAssertEqual(rows.last?.sheet, "p2", "the row remembers the sheet it came from")
      XCTAssertNil(grids[1].unrecognized, "the second page is not an unrecognized sheet")
    }
  }

  /// 5. Titles and header words of other sets were not seen, and the message showed `{Y}`.
  func testRegression_OtherSetsTitlesAreSeenAndMessagesShowNoPlaceholder() throws {
    let rows: [[String]] = [
      ["2026年部门一般公共预算支出功能分类预算表", "", "", ""],
      ["编制部门：上海市某某局 单位：元", "", "", ""],
      ["没有表头的一行", "", "", ""],
    ]
    let (_, grids) = read([Sheet.grid("S", rows)])
    let issue = try XCTUnwrap(grids[0].unrecognized)
    XCTAssertEqual(issue.ruleId, "read.header-missing")
    XCTAssertTrue(issue.zh.contains("2026年部门一般公共预算支出功能分类预算表"), issue.zh)
    XCTAssertFalse(issue.zh.contains("{Y}"), issue.zh)
    let datong = TableRecognizer(layouts: .datong).read(
      Sheet.grid("S", [["2023年预算收支总表"], ["部门名称：测试局"], ["无关的一行"]]), file: "t.xlsx", sheet: "S")
    XCTAssertFalse(try XCTUnwrap(datong.unrecognized).zh.contains("{Y}"))
    XCTAssertTrue(try XCTUnwrap(datong.unrecognized).zh.contains("某年"))
  }

  /// 6a. A one-character typo in a title (`2023年预算支出总标`) made the table vanish with exit 0.
  func testRegression_TitleTypoIsAFindingWithItsCell() throws {
    var rows = GridFixtures.table3
    rows[0][0] = "2023年预算支出总标"
    let (_, grids) = read([Sheet.grid("S", rows)])
    XCTAssertTrue(grids[0].tables.isEmpty)
    let issue = try XCTUnwrap(grids[0].issues.first)
    XCTAssertEqual(issue.ruleId, "read.title-unrecognized")
    XCTAssertEqual(issue.location, "t.xlsx S!A1")
    XCTAssertTrue(issue.zh.contains("预算支出总表"), issue.zh)
  }

  /// 6b. A typo in a header (`项目支处`, `科目编号`) made a column vanish with exit 0.
  func testRegression_HeaderTypoIsAFindingWithItsCell() throws {
    var rows = GridFixtures.table3
    rows[3][4] = "项目支处"
    rows[3][0] = "科目编号"
    let (_, grids) = read([Sheet.grid("S", rows)])
    let t = try XCTUnwrap(grids[0].tables.first)
    let unmapped = t.issues.filter { $0.ruleId == "read.header-unmapped" }
    XCTAssertEqual(unmapped.map(\.location), ["t.xlsx S!A4", "t.xlsx S!E4"])
    XCTAssertTrue(unmapped[1].zh.contains("项目支处"), unmapped[1].zh)
  }
}
