import Budget
import Layouts
import Sheets
import TestSupport
import XCTest

/// Hand-made grids of one table (表3 of a made-up department) and how to read them.
enum GridFixtures {
  /// 表3 as an xlsx prints it: merged title and headers, numbers as numeric cells.
  static let table3: [[String]] = [
    ["2023年预算支出总表", "", "", "", ""],
    ["部门名称：测试局", "", "", "", "单位：万元"],
    ["项目", "", "2023年预算数", "", ""],
    ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
    ["合计", "", "=1331.42", "=972.35", "=359.07"],
    ["206", "科学技术支出", "=733.57", "=667.5", "=66.07"],
    ["2060101", "行政运行", "=348.97", "=302.9", "=46.07"],
    ["212", "城乡社区支出", "=293", "", "=293"],
  ]
  static let table3Merges = ["A1:E1", "A3:B3", "C3:E3", "A5:B5"]

  /// What every variation of `table3` must read as (columns total/basic/project).
  static let expected3: [(kind: RowKind, code: String?, name: String, amounts: [Amount?])] = [
    (.total, nil, "合计", amts("1331.42", "972.35", "359.07")),
    (.item, "206", "科学技术支出", amts("733.57", "667.50", "66.07")),
    (.item, "2060101", "行政运行", amts("348.97", "302.90", "46.07")),
    (.item, "212", "城乡社区支出", amts("293.00", "", "293.00")),
  ]

  /// Reads a grid and returns its only table, failing the test otherwise.
  static func read(
    _ grid: Grid, file: String = "test.xlsx", sheet: String? = "Sheet1", fileName: StaticString = #filePath,
    line: UInt = #line
  ) throws -> TableReading {
    let reading = TableRecognizer().read(grid, file: file, sheet: sheet)
    XCTAssertNil(reading.unrecognized, "\(reading.unrecognized?.description ?? "")", file: fileName, line: line)
    XCTAssertEqual(reading.tables.count, 1, file: fileName, line: line)
    return try XCTUnwrap(reading.tables.first, file: fileName, line: line)
  }

  /// Asserts that a reading of 表3 holds exactly `expected3`.
  static func assertTable3(_ reading: TableReading, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(reading.table.number, 3, file: file, line: line)
    guard let section = reading.table.section(.main) else { return XCTFail("no section", file: file, line: line) }
    XCTAssertEqual(section.columns, [ColumnKey.total, ColumnKey.basic, ColumnKey.project], file: file, line: line)
    XCTAssertEqual(section.rows.count, expected3.count, "\(section.rows.map(\.displayName))", file: file, line: line)
    for (row, e) in zip(section.rows, expected3) {
      XCTAssertEqual(row.kind, e.kind, row.displayName, file: file, line: line)
      XCTAssertEqual(row.code, e.code, row.displayName, file: file, line: line)
      XCTAssertEqual(row.name, e.name, file: file, line: line)
      XCTAssertEqual(row.amounts, e.amounts, row.displayName, file: file, line: line)
    }
  }

  /// The rows with an empty column inserted before column `index`.
  static func insertingColumn(_ rows: [[String]], at index: Int) -> [[String]] {
    rows.map {
      var r = $0
      r.insert("", at: index)
      return r
    }
  }
}
