import Budget
import Foundation
import Layouts
import Sheets
import TestSupport
import XCTest

/// Inputs that hold no budget table: a typed error that says what was looked for, and stray
/// sheets next to real tables are reported without stopping the read.
final class UnrecognizedInputTests: XCTestCase {
  var folder = ""

  override func setUpWithError() throws {
    folder = try Fixtures.scratchFolder("yusuan-unrecognized")
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(atPath: folder)
  }

  func testNothingRecognizedIsATypedErrorWithDetails() throws {
    let path = folder + "/名单.xlsx"
    try OpenpyxlWriter.write([SheetSpec("人员", [["姓名", "金额"], ["张三", "=1331.42"]])], to: path)
    XCTAssertThrowsError(try DisclosureReader().read([path])) { error in
      guard case .nothingRecognized(let inputs, let details) = error as? InputError else {
        return XCTFail("expected nothingRecognized, got \(error)")
      }
      XCTAssertEqual(inputs, [path])
      XCTAssertEqual(details.count, 1)
      XCTAssertEqual(details.first?.location, "名单.xlsx 人员")
      let zh = (error as! InputError).message(.zh)
      XCTAssertTrue(zh.contains("预算公开表N"), zh)
      XCTAssertTrue(zh.contains("科目编码"), zh)
      let en = (error as! InputError).message(.en)
      XCTAssertTrue(en.contains("Looked for a title"), en)
    }
  }

  func testCSVWithoutATableAndAnEmptyFolder() throws {
    let csv = folder + "/notes.csv"
    try "a,b\n1,2\n".write(toFile: csv, atomically: true, encoding: .utf8)
    XCTAssertThrowsError(try DisclosureReader().read([csv])) { error in
      guard case .nothingRecognized = error as? InputError else { return XCTFail("\(error)") }
    }
    let empty = folder + "/empty"
    try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: false)
    XCTAssertThrowsError(try DisclosureReader().read([empty])) { error in
      guard case .emptyFolder(let path) = error as? InputError else { return XCTFail("\(error)") }
      XCTAssertEqual(path, empty)
    }
    XCTAssertThrowsError(try DisclosureReader().read([folder + "/missing.xlsx"])) { error in
      guard case .notFound = error as? InputError else { return XCTFail("\(error)") }
    }
  }

  func testStraySheetIsListedAndTheTablesAreRead() throws {
    let path = folder + "/mixed.xlsx"
    try OpenpyxlWriter.write(
      [
        SheetSpec("封面", [["2023年部门预算"], ["大同市测试局"]]),
        SheetSpec("表三", GridFixtures.table3, merges: GridFixtures.table3Merges),
      ], to: path)
    let reading = try DisclosureReader().read([path])
    XCTAssertEqual(reading.disclosure.tables.map(\.number), [3])
    XCTAssertEqual(reading.grids.map(\.gridName), ["封面", "表三"])
    XCTAssertEqual(reading.grids[0].tables.count, 0)
    XCTAssertEqual(reading.grids[0].unrecognized?.location, "mixed.xlsx 封面")
    XCTAssertNil(reading.grids[1].unrecognized)
  }

  func testGridWithATitleButNoHeadersSaysWhichHeadersWereExpected() throws {
    let grid = Sheet.grid("S", [["2023年预算支出总表"], ["部门名称：测试局"], ["1", "2", "3"]])
    let reading = TableRecognizer().read(grid, file: "f.csv", sheet: nil)
    XCTAssertEqual(reading.tables.count, 0)
    let issue = try XCTUnwrap(reading.unrecognized)
    XCTAssertEqual(issue.location, "f.csv!A1")
    XCTAssertTrue(issue.zh.contains("科目名称"), issue.zh)
    XCTAssertTrue(issue.zh.contains("合计"), issue.zh)
  }
}
