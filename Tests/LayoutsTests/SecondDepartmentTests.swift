import Budget
import Foundation
import Layouts
import TestSupport
import XCTest

/// A second, made-up department (education, other codes, non-empty 表9 and 表13) written with
/// openpyxl, read back, and carried through Yusuan's writers. Its numbers are consistent:
/// 201 (120.50) + 205 (879.50) = 1000.00; 基本 700.50 + 项目 299.50; 一般公共 900.00 + 国有资本 100.00.
final class SecondDepartmentTests: XCTestCase {
  static let department = "大同市示范教育局[部门]"
  static let meta = "部门名称：\(department)"

  static let table2: [[String]] = [
    ["2024年预算收入总表", "", "", "", "", "", "", "", ""],
    [meta, "", "", "", "", "", "", "", "单位：万元"],
    ["项目", "", "本年收入", "", "", "", "", "", "上年结转"],
    ["科目编码", "科目名称", "合计", "一般公共预算", "政府性基金", "国有资本经营预算", "财政专户管理资金", "单位资金", ""],
    ["合计", "", "=1000", "=900", "", "=100", "", "", ""],
    ["201", "一般公共服务支出", "=120.5", "=120.5", "", "", "", "", ""],
    ["20103", "政府办公厅（室）及相关机构事务", "=120.5", "=120.5", "", "", "", "", ""],
    ["2010301", "行政运行", "=100.5", "=100.5", "", "", "", "", ""],
    ["2010350", "事业运行", "=20", "=20", "", "", "", "", ""],
    ["205", "教育支出", "=879.5", "=779.5", "", "=100", "", "", ""],
    ["20502", "普通教育", "=879.5", "=779.5", "", "=100", "", "", ""],
    ["2050201", "学前教育", "=300", "=300", "", "", "", "", ""],
    ["2050202", "小学教育", "=579.5", "=479.5", "", "=100", "", "", ""],
  ]
  static let table2Merges = ["A1:I1", "A2:H2", "A3:B3", "C3:H3", "I3:I4", "A5:B5"]

  static let table3: [[String]] = [
    ["2024年预算支出总表", "", "", "", ""],
    [meta, "", "", "", "单位：万元"],
    ["项目", "", "2024年预算数", "", ""],
    ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
    ["合计", "", "=1000", "=700.5", "=299.5"],
    ["201", "一般公共服务支出", "=120.5", "=100.5", "=20"],
    ["20103", "政府办公厅（室）及相关机构事务", "=120.5", "=100.5", "=20"],
    ["2010301", "行政运行", "=100.5", "=100.5", ""],
    ["2010350", "事业运行", "=20", "", "=20"],
    ["205", "教育支出", "=879.5", "=600", "=279.5"],
    ["20502", "普通教育", "=879.5", "=600", "=279.5"],
    ["2050201", "学前教育", "=300", "=200", "=100"],
    ["2050202", "小学教育", "=579.5", "=400", "=179.5"],
  ]
  static let table3Merges = ["A1:E1", "A2:D2", "A3:B3", "C3:E3", "A5:B5"]

  static let table9: [[String]] = [
    ["2024年国有资本经营预算收支预算表（不含上年结转）", "", "", "", "", "", "", ""],
    [meta, "", "", "", "", "", "", "单位：万元"],
    ["国有资本经营预算收入", "", "", "国有资本经营预算支出", "", "", "", ""],
    ["项目", "", "国有资本经营收入预算", "科目编码", "科目名称", "合计", "基本支出", "项目支出"],
    ["收入科目编码", "科目名称", "", "", "", "", "", ""],
    ["合计", "", "=100", "", "", "=100", "", "=100"],
    ["10306", "国有资本经营收入", "=100", "205", "教育支出", "=100", "", "=100"],
    ["1030601", "利润收入", "=100", "20502", "普通教育", "=100", "", "=100"],
    ["", "", "", "2050202", "小学教育", "=100", "", "=100"],
  ]
  static let table9Merges = [
    "A1:H1", "A2:G2", "A3:C3", "D3:H3", "A4:B4", "C4:C5", "D4:D5", "E4:E5", "F4:F5", "G4:G5", "H4:H5", "A6:B6",
  ]

  static let table12: [[String]] = [
    ["2024年项目支出预算表（本年预算）", "", "", "", "", "", ""],
    [meta, "", "", "", "", "", "单位：万元"],
    ["项目名称", "合计", "2024年财政拨款", "", "", "财政专户管理资金", "单位资金"],
    ["", "", "一般公共预算", "政府性基金预算", "国有资本经营预算", "", ""],
    ["1", "2", "3", "4", "5", "6", "7"],
    ["\u{3000}\u{3000}J机关事业运行保障", "=20", "=20", "", "", "", ""],
    ["\u{3000}\u{3000}X小学校舍改造", "=179.5", "=79.5", "", "=100", "", ""],
    ["\u{3000}\u{3000}X学前教育设备购置", "=100", "=100", "", "", "", ""],
  ]
  static let table12Merges = ["A1:G1", "A2:F2", "A3:A4", "B3:B4", "C3:E3", "F3:F4", "G3:G4"]

  static let table13: [[String]] = [
    ["2024年项目支出预算表（上年结转）", "", "", "", ""],
    [meta, "", "", "", "单位：万元"],
    ["项目名称", "合计", "2024年财政拨款", "", ""],
    ["", "", "一般公共预算", "政府性基金预算", "国有资本经营预算"],
    ["1", "2", "3", "4", "5"],
    ["\u{3000}\u{3000}K校舍维修结转", "=50", "=50", "", ""],
    ["\u{3000}\u{3000}K教材采购结转", "=25.5", "=25.5", "", ""],
  ]
  static let table13Merges = ["A1:E1", "A2:D2", "A3:A4", "B3:B4", "C3:E3"]

  nonisolated(unsafe) static var folder = ""
  nonisolated(unsafe) static var workbook = ""

  override class func setUp() {
    super.setUp()
    folder = (try? Fixtures.scratchFolder("yusuan-second-dept")) ?? NSTemporaryDirectory()
    workbook = folder + "/示范教育局2024.xlsx"
    do {
      try OpenpyxlWriter.write(
        [
          SheetSpec("13", table13, merges: table13Merges),
          SheetSpec("收入", table2, merges: table2Merges),
          SheetSpec("国资", table9, merges: table9Merges, top: 1, left: 1),
          SheetSpec("支出", table3, merges: table3Merges),
          SheetSpec("项目", table12, merges: table12Merges),
        ], to: workbook)
    } catch {
      workbook = "openpyxl failed: \(error)"
    }
  }

  override class func tearDown() {
    try? FileManager.default.removeItem(atPath: folder)
    super.tearDown()
  }

  private func read() throws -> DisclosureReading {
    XCTAssertFalse(Self.workbook.hasPrefix("openpyxl failed"), Self.workbook)
    return try DisclosureReader().read([Self.workbook])
  }

  func testDepartmentYearAndTables() throws {
    let reading = try read()
    XCTAssertEqual(reading.issues.filter { $0.ruleId != "read.table-missing" }, [])
    XCTAssertEqual(
      reading.issues.filter { $0.ruleId == "read.table-missing" }.map(\.en),
      [
        "8 table(s) of the template Datong/Shanxi department budget (tables 1–13) missing: 1, 4, 5, 6, 7, 8, 10, 11; a table without data is still published, with a note"
      ],
      "the eight tables of the set the workbook lacks are named")
    XCTAssertEqual(reading.disclosure.department, Self.department)
    XCTAssertEqual(reading.disclosure.year, 2024)
    XCTAssertEqual(reading.disclosure.tables.map(\.number), [2, 3, 9, 12, 13])
    XCTAssertEqual(reading.disclosure.table(9)?.source?.sheet, "国资")
    XCTAssertEqual(reading.disclosure.table(9)?.source?.range, "B2:I10")
  }

  func testIncomeAndExpenditureByCode() throws {
    let d = try read().disclosure
    let t2 = try d.section(2)
    XCTAssertEqual(try t2.only("合计").amounts, amts("1000.00", "900.00", "", "100.00", "", "", ""))
    XCTAssertEqual(try t2.coded("2050202").amounts, amts("579.50", "479.50", "", "100.00", "", "", ""))
    XCTAssertEqual(try t2.coded("20103").name, "政府办公厅（室）及相关机构事务")
    let t3 = try d.section(3)
    XCTAssertEqual(try t3.only("合计").amounts, amts("1000.00", "700.50", "299.50"))
    XCTAssertEqual(try t3.coded("2010301").amounts, amts("100.50", "100.50", ""))
    XCTAssertEqual(try t3.coded("2010350").amounts, amts("20.00", "", "20.00"))
    XCTAssertEqual(try t3.coded("205").amounts, amts("879.50", "600.00", "279.50"))
    // The made-up numbers are consistent: 类 rows add up to 合计 in every column; 项 rows to their 款.
    for column in t3.columns.indices {
      let classes = t3.rows.filter { $0.level == 1 }.compactMap { $0.amounts[column] }.reduce(Amount.zero, +)
      XCTAssertEqual(classes, try t3.only("合计").amounts[column])
      let items = t3.rows.filter { $0.code?.hasPrefix("20502") == true && $0.level == 3 }.compactMap {
        $0.amounts[column]
      }.reduce(Amount.zero, +)
      XCTAssertEqual(items, try t3.coded("20502").amounts[column] ?? .zero)
    }
  }

  func testNonEmptyTable9() throws {
    let table = try XCTUnwrap(read().disclosure.table(9))
    XCTAssertNil(table.note)
    XCTAssertFalse(table.hasNoData)
    let income = try XCTUnwrap(table.section(.income))
    XCTAssertEqual(income.rows.map(\.displayName), ["合计", "10306 国有资本经营收入", "1030601 利润收入"])
    XCTAssertEqual(income.rows.map(\.amounts), [amts("100.00"), amts("100.00"), amts("100.00")])
    let expenditure = try XCTUnwrap(table.section(.expenditure))
    XCTAssertEqual(expenditure.rows.map(\.displayName), ["合计", "205 教育支出", "20502 普通教育", "2050202 小学教育"])
    XCTAssertTrue(expenditure.rows.allSatisfy { $0.amounts == amts("100.00", "", "100.00") })
    XCTAssertEqual(expenditure.columnLetters, ["G", "H", "I"])
    XCTAssertEqual(expenditure.row(code: "2050202")?.line, 10)
  }

  func testProjectTables12And13() throws {
    let d = try read().disclosure
    let t12 = try d.section(12)
    XCTAssertEqual(t12.rows.map(\.name), ["J机关事业运行保障", "X小学校舍改造", "X学前教育设备购置"])
    XCTAssertEqual(try t12.only("X小学校舍改造").amounts, amts("179.50", "79.50", "", "100.00", "", ""))
    XCTAssertEqual(t12.rows.compactMap { $0.amounts[0] }.reduce(Amount.zero, +), try d.section(3).only("合计").amounts[2])
    let t13 = try XCTUnwrap(d.table(13))
    XCTAssertNil(t13.note)
    XCTAssertEqual(t13.sections[0].rows.map(\.name), ["K校舍维修结转", "K教材采购结转"])
    XCTAssertEqual(
      t13.sections[0].rows.map(\.amounts), [amts("50.00", "50.00", "", ""), amts("25.50", "25.50", "", "")])
  }

  func testYusuanWritersCarryTheSecondDepartmentLosslessly() throws {
    let original = try read().disclosure
    let writer = DisclosureWriter()
    let xlsx = Self.folder + "/rendered.xlsx"
    try writer.write(original, as: .xlsx, to: xlsx)
    XCTAssertEqual(try DisclosureReader().read([xlsx]).disclosure.withoutProvenance(), original.withoutProvenance())
    for layout in CSVLayout.allCases {
      let out = Self.folder + "/csv-\(layout.rawValue)"
      let written = try writer.write(original, as: .csv, to: out, csvLayout: layout, encoding: .gb18030)
      XCTAssertEqual(written.count, 5)
      XCTAssertEqual(
        try DisclosureReader().read([out]).disclosure.withoutProvenance(), original.withoutProvenance(), "\(layout)")
    }
    let json = Self.folder + "/d.json"
    try writer.write(original, as: .json, to: json)
    let back = try DisclosureReader().read([json]).disclosure
    XCTAssertEqual(back, original, "JSON keeps provenance too")
    XCTAssertEqual(back.jsonText(), original.jsonText())
  }
}
