import Foundation
import TestSupport
import XCTest

/// Inputs without budget tables: refused with what was looked for; stray sheets are listed, not fatal.
final class CLIUnrecognizedInputTests: XCTestCase {
  var folder = ""

  override func setUpWithError() throws {
    folder = try Fixtures.scratchFolder("yusuan-e2e-unrec")
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(atPath: folder)
  }

  func testWorkbookWithoutBudgetTablesIsRefused() throws {
    let path = folder + "/通讯录.xlsx"
    try OpenpyxlWriter.write(
      [
        SheetSpec("人员", [["姓名", "电话"], ["张三", "=13800000000"], ["李四", "=13900000000"]]),
        SheetSpec("Sheet2", [["合计", "=1331.42"]]),
      ], to: path)
    let result = try E2E.expect(2, ["convert", path, "-o", folder + "/out.json"])
    XCTAssertTrue(result.stderr.contains("未在"), result.stderr)
    XCTAssertTrue(result.stderr.contains("通讯录.xlsx"), result.stderr)
    XCTAssertTrue(result.stderr.contains("预算公开表N"), "says what was looked for: \(result.stderr)")
    XCTAssertTrue(result.stderr.contains("科目编码"), result.stderr)
    XCTAssertTrue(result.stderr.contains("人员"), "names the sheets it looked at: \(result.stderr)")
    XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/out.json"))
    let en = try E2E.expect(2, ["convert", path, "-o", folder + "/out.json", "--lang", "en"])
    XCTAssertTrue(en.stderr.contains("no budget disclosure table recognized"), en.stderr)
    let inspect = try E2E.expect(0, ["inspect", path])
    XCTAssertTrue(inspect.stdout.contains("共识别 0 张表"), inspect.stdout)
  }

  func testTitleWithoutHeadersSaysWhatHeadersWereExpected() throws {
    let path = folder + "/only-title.xlsx"
    try OpenpyxlWriter.write([SheetSpec("S", [["2023年预算支出总表"], ["这里没有表头"]])], to: path)
    let result = try E2E.expect(2, ["convert", path, "-o", folder + "/out.json"])
    XCTAssertTrue(result.stderr.contains("2023年预算支出总表"), result.stderr)
    XCTAssertTrue(result.stderr.contains("科目名称"), "names the expected headers: \(result.stderr)")
  }

  func testStraySheetNextToRealTablesIsListedAndConvertSucceeds() throws {
    let path = folder + "/with-notes.xlsx"
    try Python3.run(
      """
      import sys, openpyxl
      wb = openpyxl.load_workbook(sys.argv[1])
      ws = wb.create_sheet("填表说明", 0)
      ws["A1"] = "本工作簿为部门预算公开表"
      ws["A2"] = "请勿修改格式"
      wb.save(sys.argv[2])
      """, arguments: [Fixtures.sampleXLSX, path], modules: ["openpyxl"])
    let inspect = try E2E.expect(0, ["inspect", path])
    XCTAssertTrue(inspect.stdout.contains("工作表 1「填表说明」"), inspect.stdout)
    XCTAssertTrue(inspect.stdout.contains("× with-notes.xlsx 填表说明：未识别为预算公开表"), inspect.stdout)
    XCTAssertTrue(inspect.stdout.contains("共识别 13 张表"), inspect.stdout)
    let json = folder + "/out.json"
    try E2E.expect(0, ["convert", path, "-o", json])
    XCTAssertEqual(try E2E.model(json).withoutProvenance(), try E2E.reference())
  }
}
