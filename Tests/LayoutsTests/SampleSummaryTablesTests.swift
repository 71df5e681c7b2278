import Budget
import Layouts
import TestSupport
import XCTest

/// 表1–表5 of the sample workbook, against numbers typed from the published report
/// (大同市科学技术局 2023年部门预算公开报告), not from Yusuan output.
final class SampleSummaryTablesTests: XCTestCase {
  func testTable1IncomeAndExpenditureTotals() throws {
    let d = try SampleReadings.xlsx()
    XCTAssertEqual(d.department, "大同市科学技术局[部门]")
    XCTAssertEqual(d.year, 2023)
    XCTAssertEqual(d.table(1)?.title, "2023年预算收支总表")
    let income = try d.section(1, .income)
    XCTAssertEqual(income.columns, [ColumnKey.amount])
    XCTAssertEqual(try income.only("一、一般公共预算").amounts, amts("1038.42"))
    XCTAssertEqual(try income.only("二、政府性基金预算").amounts, amts("293.00"))
    XCTAssertEqual(try income.only("三、国有资本经营预算").amounts, amts(""))
    let incomeTotal = try income.only("本年收入合计")
    XCTAssertEqual(incomeTotal.kind, .total)
    XCTAssertEqual(incomeTotal.amounts, amts("1331.42"))
    XCTAssertEqual(try income.only("收入总计").amounts, amts("1331.42"))
    XCTAssertEqual(try income.only("收入总计").kind, .total)
    XCTAssertEqual(try income.only("上年结转").amounts, amts(""))

    let expenditure = try d.section(1, .expenditure)
    XCTAssertEqual(expenditure.columns, [ColumnKey.total, ColumnKey.currentYear, ColumnKey.carryoverArranged])
    XCTAssertEqual(try expenditure.only("本年支出合计").amounts, amts("1331.42", "1331.42", ""))
    XCTAssertEqual(try expenditure.only("支出总计").amounts, amts("1331.42", "1331.42", ""))
    XCTAssertEqual(try expenditure.only("六、科学技术支出").amounts, amts("733.57", "733.57", ""))
    XCTAssertEqual(try expenditure.only("八、社会保障和就业支出").amounts, amts("175.48", "175.48", ""))
    XCTAssertEqual(try expenditure.only("十、卫生健康支出").amounts, amts("33.58", "33.58", ""))
    XCTAssertEqual(try expenditure.only("十二、城乡社区支出").amounts, amts("293.00", "293.00", ""))
    XCTAssertEqual(try expenditure.only("二十、住房保障支出").amounts, amts("95.79", "95.79", ""))
    XCTAssertEqual(try expenditure.only("一、一般公共服务支出").amounts, amts("", "", ""))
    XCTAssertEqual(expenditure.rows.filter { $0.kind == .item && $0.name.contains("、") }.count, 30, "the 30 类 lines")
    XCTAssertNotNil(expenditure.row(named: "七、文化旅游体育与传媒支出"))
  }

  func testTable2IncomeByClassification() throws {
    let t2 = try SampleReadings.xlsx().section(2)
    XCTAssertEqual(
      t2.columns,
      ["total", "general_public", "government_fund", "state_capital", "special_account", "unit_funds", "carryover"])
    let total = try t2.only("合计")
    XCTAssertEqual(total.kind, .total)
    XCTAssertNil(total.code)
    XCTAssertEqual(total.amounts, amts("1331.42", "1038.42", "293.00", "", "", "", ""))
    XCTAssertEqual(try t2.coded("2060101").amounts, amts("348.97", "348.97", "", "", "", "", ""))
    XCTAssertEqual(try t2.coded("2060101").name, "行政运行")
    XCTAssertEqual(try t2.coded("2120899").name, "其他国有土地使用权出让收入安排的支出")
    XCTAssertEqual(try t2.coded("2120899").amounts, amts("293.00", "", "293.00", "", "", "", ""))
    XCTAssertEqual(try t2.coded("2080505").amounts.first, amt("90.80"))
    XCTAssertEqual(try t2.coded("2210202").amounts.first, amt("9.09"))
    XCTAssertEqual(t2.rows.count, 26, "合计 + 25 coded lines")
  }

  func testTable3ExpenditureTotalsAndAdministrativeOperation() throws {
    let t3 = try SampleReadings.xlsx().section(3)
    XCTAssertEqual(t3.columns, [ColumnKey.total, ColumnKey.basic, ColumnKey.project])
    XCTAssertEqual(try t3.only("合计").amounts, amts("1331.42", "972.35", "359.07"))
    XCTAssertEqual(try t3.coded("2060101").amounts, amts("348.97", "302.90", "46.07"))
    XCTAssertEqual(try t3.coded("206").amounts, amts("733.57", "667.50", "66.07"))
    XCTAssertEqual(try t3.coded("20602").amounts, amts("139.13", "139.13", ""))
    XCTAssertEqual(try t3.coded("2060899").amounts, amts("20.00", "", "20.00"))
    XCTAssertEqual(try t3.coded("2120899").amounts, amts("293.00", "", "293.00"))
    XCTAssertEqual(try t3.coded("2210201").amounts, amts("86.70", "86.70", ""))
    XCTAssertEqual(try t3.coded("2060101").level, 3)
  }

  func testTable4FiscalAppropriationTotals() throws {
    let d = try SampleReadings.xlsx()
    let income = try d.section(4, .income)
    // 一、二、三 appear twice: the year's income, then the carry-over (上年财政拨款结转) by fund.
    XCTAssertEqual(
      income.rows.map(\.name),
      [
        "一、一般公共预算", "二、政府性基金预算", "三、国有资本经营预算", "本年收入合计", "上年财政拨款结转",
        "一、一般公共预算", "二、政府性基金预算", "三、国有资本经营预算", "收入总计",
      ])
    XCTAssertEqual(
      income.rows.map(\.amounts),
      [
        amts("1038.42"), amts("293.00"), amts(""), amts("1331.42"), amts(""), amts(""), amts(""), amts(""),
        amts("1331.42"),
      ])
    XCTAssertEqual(income.rows.map(\.kind), [.item, .item, .item, .total, .item, .item, .item, .item, .total])
    let expenditure = try d.section(4, .expenditure)
    XCTAssertEqual(expenditure.columns, ["total", "general_public", "government_fund", "state_capital"])
    XCTAssertEqual(try expenditure.only("本年支出合计").amounts, amts("1331.42", "1038.42", "293.00", ""))
    XCTAssertEqual(try expenditure.only("支出总计").amounts, amts("1331.42", "1038.42", "293.00", ""))
    XCTAssertEqual(try expenditure.only("支出总计").kind, .total)
    XCTAssertEqual(try expenditure.only("六、科学技术支出").amounts, amts("733.57", "733.57", "", ""))
    XCTAssertEqual(try expenditure.only("十二、城乡社区支出").amounts, amts("293.00", "", "293.00", ""))
  }

  func testTable5GeneralPublicBudgetExpenditure() throws {
    let t5 = try SampleReadings.xlsx().section(5)
    XCTAssertEqual(try t5.only("合计").amounts, amts("1038.42", "972.35", "66.07"))
    XCTAssertEqual(try t5.coded("2060101").amounts, amts("348.97", "302.90", "46.07"))
    XCTAssertEqual(try t5.coded("212").amounts, amts("", "", ""), "城乡社区支出 is printed without amounts in 表5")
    XCTAssertEqual(try t5.coded("2120899").amounts, amts("", "", ""))
    XCTAssertEqual(try t5.coded("221").amounts, amts("95.79", "95.79", ""))
  }

  func testCodedRowsSumToTheirTotalsInTables2To5() throws {
    // A wrong column mapping or a dropped row would break these identities of the printed report.
    let d = try SampleReadings.xlsx()
    for number in [2, 3, 5] {
      let s = try d.section(number)
      for column in s.columns.indices {
        let classes = s.rows.filter { $0.level == 1 }.compactMap { $0.amounts[column] }.reduce(Amount.zero, +)
        let total = s.totalRows.first?.amounts[column] ?? .zero
        XCTAssertEqual(classes, total, "表\(number) column \(s.columns[column])")
      }
    }
  }
}
