import Budget
import Layouts
import Sheets
import XCTest

/// Found by the property tests (seed 98223005188434): a table whose amounts are all blank was
/// written fine but could not be read back, because its lone `合计` row was taken for one more
/// header row, which buried 科目名称 under 合计 ("表头缺少：科目名称").
final class RegressionAllBlankAmountsTests: XCTestCase {
  /// The minimized grid: title, meta row, two header rows, a 合计 row and a code row, no amounts.
  static let grid = Grid(
    name: "预算公开表3",
    texts: [
      ["2028年预算支出总表"],
      ["部门名称：某局", "", "", "", "单位：万元"],
      ["项目", "", "2028年预算数"],
      ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
      ["", "合计"],
      ["213", "农林水支出"],
    ],
    merges: [CellRange(a1: "A1:E1")!, CellRange(a1: "A3:B3")!, CellRange(a1: "C3:E3")!])

  func testTableWithOnlyBlankAmountsIsRead() throws {
    let reading = TableRecognizer().read(Self.grid, file: "blank.xlsx", sheet: "预算公开表3")
    XCTAssertNil(reading.unrecognized, reading.unrecognized?.description ?? "")
    let table = try XCTUnwrap(reading.tables.first).table
    XCTAssertEqual(table.number, 3)
    let rows = try XCTUnwrap(table.section(.main)).rows
    XCTAssertEqual(rows.map(\.kind), [.total, .item])
    XCTAssertEqual(rows.map(\.name), ["合计", "农林水支出"])
    XCTAssertEqual(rows.map(\.code), [nil, "213"])
    XCTAssertEqual(rows.flatMap(\.amounts), [nil, nil, nil, nil, nil, nil])
  }
}
