import Budget
import Layouts
import Sheets
import TestSupport
import XCTest

/// Where the renderer printed each value: every amount of the sample is found, in the cell that
/// shows it, and side-by-side parts land where the printed table has them.
final class RenderedTableTests: XCTestCase {
  func testEveryAmountOfTheSampleIsPlacedOnTheCellThatPrintsIt() throws {
    let disclosure = try SampleReadings.xlsx()
    let renderer = TableRenderer()
    var placed = 0
    for table in disclosure.tables {
      let rendered = try XCTUnwrap(renderer.rendered(table, in: disclosure))
      XCTAssertEqual(rendered.sheet, renderer.sheet(table, in: disclosure), "the same rendering as the workbook")
      for (s, section) in table.sections.enumerated() {
        for (i, row) in section.rows.enumerated() {
          XCTAssertNotNil(rendered.rowCells[s][i], "表\(table.number) \(row.displayName)")
          for (k, amount) in row.amounts.enumerated() {
            let address = try XCTUnwrap(
              rendered.amountCells[s][i][k], "表\(table.number) \(row.displayName) column \(k)")
            XCTAssertEqual(rendered.sheet.cell(at: address)?.value, amount.map { .number($0.text()) })
            placed += 1
          }
        }
      }
    }
    XCTAssertGreaterThan(placed, 500)
  }

  func testBothSidesOfTable1EndOnTheSamePrintedRow() throws {
    let disclosure = try SampleReadings.xlsx()
    let table = try XCTUnwrap(disclosure.table(1))
    let rendered = try XCTUnwrap(TableRenderer().rendered(table, in: disclosure))
    let income = try XCTUnwrap(table.sections.firstIndex { $0.role == .income })
    let expenditure = try XCTUnwrap(table.sections.firstIndex { $0.role == .expenditure })
    let lastIncome = try XCTUnwrap(rendered.amountCells[income].last?.first ?? nil)
    let lastExpenditure = try XCTUnwrap(rendered.amountCells[expenditure].last?.first ?? nil)
    XCTAssertEqual(lastIncome.row, lastExpenditure.row)
    XCTAssertGreaterThan(lastExpenditure.column, lastIncome.column)
    XCTAssertEqual(rendered.sheet.cell(at: lastIncome)?.value, .number("1331.42"))  // 收入总计
  }
}
