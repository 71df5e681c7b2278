import Budget
import Layouts
import TestSupport
import XCTest

/// 表6–表13 of the sample workbook, against numbers typed from the published report.
final class SampleDetailTablesTests: XCTestCase {
  func testTable6BasicExpenditureByEconomicClass() throws {
    let t6 = try SampleReadings.xlsx().section(6)
    XCTAssertEqual(t6.columns, [ColumnKey.total, ColumnKey.personnel, ColumnKey.publicUse])
    XCTAssertEqual(try t6.only("合计").amounts, amts("972.35", "899.73", "72.62"))
    let basicPay = t6.rows.filter { $0.name == "基本工资" }
    XCTAssertEqual(basicPay.map(\.secondName), ["工资奖金津补贴", "工资福利支出"])
    XCTAssertEqual(basicPay.map(\.amounts), [amts("127.08", "127.08", ""), amts("174.29", "174.29", "")])
    let welfare = try XCTUnwrap(t6.rows.first { $0.name == "工资福利支出" && $0.secondName == nil })
    XCTAssertEqual(welfare.amounts, amts("818.58", "818.58", ""))
    let goods = try XCTUnwrap(t6.rows.first { $0.name == "商品和服务支出" && $0.secondName == nil })
    XCTAssertEqual(goods.amounts, amts("72.62", "", "72.62"))
    let car = try XCTUnwrap(t6.rows.first { $0.name == "公务用车运行维护费" })
    XCTAssertEqual(car.secondName, "公务用车运行维护费")
    XCTAssertEqual(car.amounts, amts("3.50", "", "3.50"))
    let reward = try XCTUnwrap(t6.rows.first { $0.name == "奖励金" })
    XCTAssertEqual(reward.secondName, "社会福利和救助")
    XCTAssertEqual(reward.amounts, amts("0.48", "0.48", ""))
    let families = try XCTUnwrap(t6.rows.first { $0.name == "对个人和家庭的补助" })
    XCTAssertEqual(families.amounts, amts("81.14", "81.14", ""))
    // The published 类 lines (818.58 + 72.62 + 81.14 = 972.34) differ from 合计 972.35 by a rounding
    // cent of the report itself; the reader must keep the printed numbers, not recompute them.
    XCTAssertEqual(welfare.amounts[0]! + goods.amounts[0]! + families.amounts[0]!, amt("972.34"))
  }

  func testTables7And8GovernmentFund() throws {
    let d = try SampleReadings.xlsx()
    let t7 = try d.section(7)
    XCTAssertEqual(try t7.only("合计").amounts, amts("293.00"))
    XCTAssertEqual(try t7.coded("1030148").name, "国有土地使用权出让收入")
    XCTAssertEqual(try t7.coded("1030148").amounts, amts("293.00"))
    XCTAssertEqual(try t7.coded("103").name, "非税收入")
    let t8 = try d.section(8)
    XCTAssertEqual(try t8.only("合计").amounts, amts("293.00", "", "293.00"))
    XCTAssertEqual(try t8.coded("2120899").amounts, amts("293.00", "", "293.00"))
    XCTAssertEqual(t8.rows.count, 4)
  }

  func testTable9KeepsZerosApartFromBlanksAndItsNote() throws {
    let d = try SampleReadings.xlsx()
    let table = try XCTUnwrap(d.table(9))
    XCTAssertEqual(table.note, "注：本表无数据")
    XCTAssertTrue(table.hasNoData)
    let income = try d.section(9, .income)
    XCTAssertEqual(try income.only("合计").amounts, amts("0.00"))
    XCTAssertEqual(try income.coded("206").amounts, amts("0.00"), "类 rows print 0.00")
    XCTAssertEqual(try income.coded("20601").amounts, amts("0.00"), "款 rows print 0.00")
    XCTAssertEqual(try income.coded("2060101").amounts, amts(""), "项 rows are blank")
    XCTAssertEqual(try income.coded("2120899").amounts, amts(""))
    let expenditure = try d.section(9, .expenditure)
    XCTAssertEqual(try expenditure.only("合计").amounts, amts("0.00", "0.00", "0.00"))
    XCTAssertEqual(try expenditure.coded("206").amounts, amts("", "0.00", "0.00"))
    XCTAssertEqual(try expenditure.coded("2060101").amounts, amts("", "", ""))
    XCTAssertEqual(try expenditure.coded("2080505").name, "机关事业单位基本养老保险缴费支出")
    XCTAssertEqual(income.rows.count, expenditure.rows.count)
  }

  func testTable10ThreePublicExpenses() throws {
    let t10 = try SampleReadings.xlsx().section(10)
    XCTAssertEqual(t10.columns, ["total", "general_public", "government_fund", "state_capital"])
    XCTAssertEqual(try t10.only("因公出国（境）费").amounts, amts("", "", "", ""))
    XCTAssertEqual(try t10.only("公务接待费").amounts, amts("", "", "", ""))
    XCTAssertEqual(try t10.only("公务用车购置及运行费").amounts, amts("3.50", "3.50", "", ""))
    let purchase = try t10.only("①公务用车购置费")
    XCTAssertEqual(purchase.name, "①公务用车购置费")
    XCTAssertEqual(purchase.amounts, amts("", "", "", ""), "① is blank, not 0.00")
    XCTAssertEqual(try t10.only("②公务用车运行维护费").amounts, amts("3.50", "3.50", "", ""))
    XCTAssertEqual(try t10.only("合计").amounts, amts("3.50", "3.50", "", ""))
    XCTAssertEqual(try t10.only("合计").kind, .total)
  }

  func testTable11AgencyRunningCosts() throws {
    let t11 = try SampleReadings.xlsx().section(11)
    let total = try t11.only("部门合计")
    XCTAssertEqual(total.kind, .total)
    XCTAssertEqual(total.amounts, amts("48.17", "48.17", "", ""))
    XCTAssertEqual(try t11.only("大同市科学技术局").amounts, amts("48.17", "48.17", "", ""))
  }

  func testTable12ProjectsWithoutTheirIndent() throws {
    let d = try SampleReadings.xlsx()
    let t12 = try d.section(12)
    XCTAssertEqual(
      t12.columns, ["total", "general_public", "government_fund", "state_capital", "special_account", "unit_funds"])
    let expected: [(String, String, String, String)] = [
      ("大同市企业孵化基地(北京站)2022年度场地租金", "293.00", "", "293.00"),
      ("J离休老干支部活动费", "0.80", "0.80", ""),
      ("J局机关电费", "1.69", "1.69", ""),
      ("J局机关物业费", "1.88", "1.88", ""),
      ("J局机关水费", "0.20", "0.20", ""),
      ("J驻村帮扶工作人员经费", "10.50", "10.50", ""),
      ("J专项业务费", "15.00", "15.00", ""),
      ("J科技人才系统维护费", "3.00", "3.00", ""),
      ("XM遗属补助经费", "3.00", "3.00", ""),
      ("Z召开高速飞车论坛经费", "20.00", "20.00", ""),
      ("Z科技活动周活动经费", "10.00", "10.00", ""),
    ]
    XCTAssertEqual(t12.rows.map(\.name), expected.map(\.0))
    XCTAssertFalse(t12.rows.contains { $0.name.contains("\u{3000}") })
    for (row, e) in zip(t12.rows, expected) {
      XCTAssertEqual(row.kind, .item)
      XCTAssertEqual(row.amounts, amts(e.1, e.2, e.3, "", "", ""), row.name)
    }
    // The projects add up to 项目支出 of 表3 (359.07).
    XCTAssertEqual(t12.rows.compactMap { $0.amounts[0] }.reduce(Amount.zero, +), amt("359.07"))
    XCTAssertEqual(try d.section(3).only("合计").amounts[2], amt("359.07"))
  }

  func testTable13IsEmptyWithItsNote() throws {
    let table = try XCTUnwrap(SampleReadings.xlsx().table(13))
    XCTAssertEqual(table.title, "2023年项目支出预算表（上年结转）")
    XCTAssertEqual(table.note, "注：本表无数据")
    XCTAssertEqual(table.sections.map(\.rows.count), [0])
    XCTAssertEqual(table.sections[0].columns, ["total", "general_public", "government_fund", "state_capital"])
    XCTAssertTrue(table.hasNoData)
  }

  func testEveryTableTitleAndUnit() throws {
    let d = try SampleReadings.xlsx()
    XCTAssertEqual(d.tables.map(\.number), Array(1...13))
    XCTAssertEqual(d.table(5)?.title, "2023年一般公共预算支出预算表（不含上年结转）")
    XCTAssertEqual(d.table(10)?.title, "2023年一般公共预算“三公”经费支出预算表")
    XCTAssertEqual(d.table(12)?.title, "2023年项目支出预算表（本年预算）")
    XCTAssertTrue(d.tables.allSatisfy { $0.sourceUnit == "万元" })
    XCTAssertEqual(d.unit, "万元")
  }
}
