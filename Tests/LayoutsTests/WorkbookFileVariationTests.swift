import Budget
import Foundation
import Layouts
import Sheets
import TestSupport
import XCTest

/// Workbooks written by other programs (openpyxl) and by Yusuan's own XLSXWriter, read from disk.
final class WorkbookFileVariationTests: XCTestCase {
  var folder = ""

  override func setUpWithError() throws {
    folder = try Fixtures.scratchFolder("yusuan-layouts-files")
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(atPath: folder)
  }

  /// 表5 of the made-up department, numbers as numeric cells and codes as numbers.
  static let table5: [[String]] = [
    ["2023年一般公共预算支出预算表（不含上年结转）", "", "", "", ""],
    ["部门名称：测试局", "", "", "", "单位：万元"],
    ["项目", "", "2023年预算数", "", ""],
    ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
    ["合计", "", "=1038.42", "=972.35", "=66.07"],
    ["=206", "科学技术支出", "=1038.42", "=972.35", "=66.07"],
    ["=2060101", "行政运行", "=1038.42", "=972.35", "=66.07"],
  ]

  static let table13: [[String]] = [
    ["2023年项目支出预算表（上年结转）", "", "", "", ""],
    ["部门名称：测试局", "", "", "", "单位：万元"],
    ["项目名称", "合计", "2023年财政拨款", "", ""],
    ["", "", "一般公共预算", "政府性基金预算", "国有资本经营预算"],
    ["1", "2", "3", "4", "5"],
    ["", "", "", "", ""],
    ["注：本表无数据", "", "", "", ""],
  ]

  func testOpenpyxlWorkbookWithArbitrarySheetNamesShuffledOffsetAndNumericCodes() throws {
    let path = folder + "/部门预算（测试）.xlsx"
    try OpenpyxlWriter.write(
      [
        SheetSpec("Sheet3", Self.table13, merges: ["A1:E1", "A3:A4", "B3:B4", "C3:E3"]),
        SheetSpec("支出总表（新）", GridFixtures.table3, merges: GridFixtures.table3Merges, top: 4, left: 2),
        SheetSpec("x", Self.table5, merges: ["A1:E1", "A3:B3", "C3:E3", "A5:B5"]),
      ], to: path)
    let reading = try DisclosureReader().read([path])
    let d = reading.disclosure
    XCTAssertEqual(d.tables.map(\.number), [3, 5, 13], "ordered by number, not by sheet")
    XCTAssertEqual(d.department, "测试局")
    XCTAssertEqual(d.table(3)?.source?.sheet, "支出总表（新）")
    XCTAssertEqual(d.table(3)?.source?.range, "C5:G12")
    XCTAssertEqual(d.table(5)?.source?.sheet, "x")
    XCTAssertEqual(d.table(13)?.note, "注：本表无数据")
    let t3 = try d.section(3)
    XCTAssertEqual(t3.columnLetters, ["E", "F", "G"])
    XCTAssertEqual(t3.row(code: "2060101")?.line, 11)
    let t5 = try d.section(5)
    XCTAssertEqual(try t5.coded("2060101").amounts, amts("1038.42", "972.35", "66.07"), "numeric code cell 2060101")
    XCTAssertEqual(try t5.coded("206").name, "科学技术支出")
    XCTAssertEqual(try t5.only("合计").kind, .total)
    XCTAssertEqual(reading.issues.filter { $0.ruleId != "read.table-missing" }, [])
  }

  func testOpenpyxlMergedHeadersMatchTheSameTableAsCSVWithoutMerges() throws {
    let xlsx = folder + "/merged.xlsx"
    try OpenpyxlWriter.write([SheetSpec("S", GridFixtures.table3, merges: GridFixtures.table3Merges)], to: xlsx)
    let csv = folder + "/plain.csv"
    try Sheet.csv(GridFixtures.table3).write(toFile: csv, atomically: true, encoding: .utf8)
    let fromXLSX = try DisclosureReader().read([xlsx]).disclosure
    let fromCSV = try DisclosureReader().read([csv]).disclosure
    XCTAssertEqual(fromXLSX.withoutProvenance(), fromCSV.withoutProvenance())
    GridFixtures.assertTable3(try GridFixtures.read(Sheet.grid("S", GridFixtures.table3)))
    XCTAssertEqual(try fromCSV.section(3).coded("2060101").amounts, amts("348.97", "302.90", "46.07"))
    XCTAssertEqual(fromCSV.table(3)?.source?.file, "plain.csv")
  }

  func testGroupedTextAmountsInAGB18030CSV() throws {
    let rows = GridFixtures.table3.enumerated().map { r, row in
      r < 4 ? row : row.map { $0.hasPrefix("=") ? Amount(parsing: $0.dropFirst())!.grouped() : $0 }
    }
    let csv = folder + "/gbk.csv"
    let text = Sheet.csv(rows)
    let bytes = try Python3.run(
      "import sys; sys.stdout.write(open(sys.argv[1], encoding='utf-8').read().encode('gb18030').hex())",
      arguments: [try writeTemp(text)])
    try Fixtures.write(hexBytes(bytes), to: csv)
    let d = try DisclosureReader().read([csv]).disclosure
    XCTAssertEqual(try d.section(3).only("合计").amounts, amts("1331.42", "972.35", "359.07"))
    XCTAssertEqual(d.department, "测试局")
  }

  func testYusuanXLSXWriterWorkbookWithNumbersAndMerges() throws {
    var sheet = StyledSheet(name: "第三张")
    for (r, row) in GridFixtures.table3.enumerated() {
      for (c, cell) in row.enumerated() {
        guard let value = Sheet.value(cell) else { continue }
        sheet.set(value, row: r + 2, column: c + 1)
      }
    }
    for m in GridFixtures.table3Merges {
      let range = try XCTUnwrap(CellRange(a1: m))
      let shifted = CellRange(
        firstRow: range.first.row + 2, firstColumn: range.first.column + 1, lastRow: range.last.row + 2,
        lastColumn: range.last.column + 1)
      // A merge carries the value of its top-left cell; covered cells hold none.
      let value = sheet.cells[shifted.first]?.value
      for r in shifted.first.row...shifted.last.row {
        for c in shifted.first.column...shifted.last.column { sheet.cells[CellAddress(row: r, column: c)] = nil }
      }
      sheet.merge(shifted, value: value)
    }
    let path = folder + "/own.xlsx"
    try XLSXWriter.write(StyledWorkbook(sheets: [StyledSheet(name: "封面"), sheet]), to: path)
    let reading = try DisclosureReader().read([path])
    XCTAssertEqual(reading.grids.count, 2)
    XCTAssertNotNil(reading.grids[0].unrecognized, "the empty cover sheet is not a table")
    let table = try XCTUnwrap(reading.disclosure.table(3))
    XCTAssertEqual(table.source?.sheet, "第三张")
    XCTAssertEqual(table.source?.range, "B3:F10")
    let grid = Sheet.grid("S", GridFixtures.table3, merges: GridFixtures.table3Merges)
    XCTAssertEqual(table.withoutProvenance(), try GridFixtures.read(grid).table.withoutProvenance())
  }

  private func writeTemp(_ text: String) throws -> String {
    let path = folder + "/\(UUID().uuidString).txt"
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  private func hexBytes(_ hex: String) -> [UInt8] {
    var out: [UInt8] = []
    var i = hex.startIndex
    while i < hex.endIndex, let j = hex.index(i, offsetBy: 2, limitedBy: hex.endIndex) {
      out.append(UInt8(hex[i..<j], radix: 16)!)
      i = j
    }
    return out
  }
}
