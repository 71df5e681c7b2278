import Budget
import Layouts
import Sheets
import TestSupport
import XCTest

/// What PDF-to-Excel conversions of 决算 tables do to a grid, each on the smallest grid that shows
/// it; before the fixes each of these lost or misplaced figures.
final class FinalAccountsReadingRegressionTests: XCTestCase {
  let recognizer = TableRecognizer(layouts: .finalAccountsDepartment)

  private func read(_ sheets: [[[String]]]) -> DisclosureReading {
    let grids = sheets.enumerated().map { i, rows in
      recognizer.read(Sheet.grid("p\(i + 1)", rows), file: "t.xlsx", sheet: "p\(i + 1)")
    }
    let (set, settled) = recognizer.settle(grids)
    return DisclosureAssembler.assemble(settled, set: set)
  }

  static let incomeHead: [[String]] = [
    ["收入决算表", "", "", "", "", ""], ["单位：万元", "", "", "", "", ""],
    ["项目", "", "", "", "本年收入合计", "财政拨款收入"], ["支出功能分类", "", "", "科目名称", "", ""], ["科目编码", "", "", "", "", ""],
  ]

  func testRegression_HeaderRowMergedIntoTheFirstDataRowKeepsTheCodeColumns() throws {
    let d = read([
      Self.incomeHead + [
        ["类", "款", "项", "合计", "=10", "=9"], ["201", "", "", "一般公共服务支出", "=10", "=9"],
        ["201", "06", "01", "行政运行", "=10", "=9"],
      ]
    ]).disclosure
    let s = try d.section(2)
    XCTAssertEqual(try s.only("合计").amounts, amts("10", "9", "", "", "", "", ""))
    XCTAssertEqual(try s.coded("2010601").name, "行政运行", "款 and 项 come from columns B and C")
  }

  func testRegression_FiguresRepeatedAtAPageFootAreNotJoinedToTheNameAbove() throws {
    let reading = read([
      Self.incomeHead + [
        ["类", "款", "项", "合计", "=10", "=9"], ["201", "06", "01", "行政运行", "=10", "=9"],
        ["201 06 01 10.00 9.00", "", "", "", "", ""],
        ["201", "06", "02", "一般行政管理事务", "", ""], ["3.00 4.00", "", "", "", "", ""],
      ]
    ])
    let s = try reading.disclosure.section(2)
    XCTAssertEqual(s.rows.map(\.name), ["合计", "行政运行", "一般行政管理事务"])
    XCTAssertEqual(
      reading.issues.filter { $0.ruleId == "read.figures-unplaced" }.map(\.location), ["t.xlsx p1!A10"],
      "figures that do not repeat the row above are reported with their cell")
  }

  static let threePublic: [[String]] = [
    ["财政拨款 三公 经费支出决算表"] + Array(repeating: "", count: 11), ["“ ”"] + Array(repeating: "", count: 11),
    ["单位：万元"] + Array(repeating: "", count: 11), ["财政拨款“三公”经费"] + Array(repeating: "", count: 11),
    ["合计", "", "因公出国（境）费", "", "公务用车购置及运行费", "", "", "", "", "", "公务接待费", ""],
    ["", "", "", "", "小计", "", "公务用车购置费", "", "公务用车运行费", "", "", ""],
    Array(repeating: "", count: 12),
    ["预算数", "决算数", "预算数", "决算数", "预算数", "决算数", "预算数", "决算数", "预算数", "决算数", "预算数", "决算数"],
    ["=1.5", "=2.5", "=3.5", "=4.5", "=5.5", "=6.5", "=7.5", "=8.5", "=9.5", "=10.5", "=11.5", "=12.5"],
  ]

  func testRegression_BlankLineInsideTheHeadersDoesNotEndThem() throws {
    let d = read([Self.threePublic]).disclosure
    let s = try d.section(7)
    XCTAssertEqual(s.rows.count, 1)
    guard s.rows.count == 1 else { return }
    XCTAssertEqual(s.amount(s.rows[0], ColumnKey.final(ColumnKey.threePublicTotal)), amt("2.5"))
    XCTAssertEqual(s.amount(s.rows[0], ColumnKey.budgeted(ColumnKey.vehicles)), amt("5.5"))
  }

  func testRegression_AHeaderDoesNotSpreadPastTheEndOfItsParent() throws {
    // 公务接待费's columns K, L lie right of 公务用车运行费 (I, J) but under another parent: their
    // header path must not take 公务用车运行费 (inspect showed `公务接待费 / 公务用车运行费 / 预算数`).
    let table = try XCTUnwrap(
      recognizer.read(Sheet.grid("p1", Self.threePublic), file: "t.xlsx", sheet: "p1").tables.first)
    let k = try XCTUnwrap(table.columnMap.first { $0.column == "K" })
    XCTAssertEqual(k.header, "财政拨款“三公”经费 / 公务接待费 / 预算数")
    XCTAssertEqual(k.field, ColumnKey.budgeted(ColumnKey.reception))
    XCTAssertEqual(table.columnMap.first { $0.column == "J" }?.header, "财政拨款“三公”经费 / 公务用车购置及运行费 / 公务用车运行费 / 决算数")
  }

  func testRegression_AContinuationThatBeginsWithNameOnlyLinesIsRead() throws {
    let page1: [[String]] = [
      ["收入支出决算总表", "", "", ""], ["单位：万元", "", "", ""], ["收入", "", "支出", ""], ["项目", "决算数", "项目", "决算数"],
      ["一、一般公共预算财政拨款收入", "=90", "一、一般公共服务支出", "=85"], ["本年收入合计", "=90", "本年支出合计", "=85"],
    ]
    let page2: [[String]] = [
      ["使用非财政拨款结余", "", "结余分配", ""], ["年初结转和结余", "=10", "年末结转和结余", "=15"], ["总计", "=100", "总计", "=100"],
    ]
    let d = read([page1, page2]).disclosure
    XCTAssertEqual(try d.section(1, .income).only("总计").amounts, amts("100"))
    XCTAssertEqual(try d.section(1, .expenditure).only("年末结转和结余").amounts, amts("15"))
    XCTAssertEqual(try d.section(1, .income).only("年初结转和结余").sheet, "p2")
  }

  func testTheSetsHeadingNamesTheDepartmentAndYearOfTablesWithoutMetaLines() throws {
    let page: [[String]] = [
      ["上海市示范局 2024 年度部门决算表", "", "", ""], ["收入支出决算总表", "", "", ""], ["单位：万元", "", "", ""],
      ["收入", "", "支出", ""], ["项目", "决算数", "项目", "决算数"], ["本年收入合计", "=90", "本年支出合计", "=90"], ["总计", "=90", "总计", "=90"],
    ]
    let reading = read([page])
    XCTAssertEqual(reading.disclosure.department, "上海市示范局")
    XCTAssertEqual(reading.disclosure.year, 2024)
    XCTAssertFalse(reading.issues.contains { $0.ruleId == "read.title-unrecognized" }, "the heading is not a title")
  }

  func testRegression_SidePartsWithTheSameHeadersAreTwoParts() throws {
    let d = read([
      [
        ["一般公共预算财政拨款基本支出决算表", "", "", "", "", ""], ["单位：万元", "", "", "", "", ""],
        ["经济分类科目编码", "科目名称", "决算数", "经济分类科目编码", "科目名称", "决算数"],
        ["301", "工资福利支出", "=5", "302", "商品和服务支出", "=2"], ["30101", "基本工资", "=5", "30201", "办公费", "=2"],
        ["人员经费合计", "", "=5", "公用经费合计", "", "=2"],
      ]
    ]).disclosure
    XCTAssertEqual(try d.section(6, .personnel).coded("30101").amounts, amts("5"))
    XCTAssertEqual(try d.section(6, .publicUse).coded("30201").amounts, amts("2"))
    XCTAssertEqual(try d.section(6, .publicUse).only("公用经费合计").amounts, amts("2"))
  }
}
