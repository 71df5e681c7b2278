import Foundation
import TestSupport
import XCTest

/// Issue 19, item 7: inputs of two departments are refused, `inspect` counts forms and shows
/// exact decimals.
final class CLIDepartmentAndInspectTests: XCTestCase {
  func scratch() throws -> String {
    let folder = try Fixtures.scratchFolder("yusuan-e2e-departments")
    addTeardownBlock { try? FileManager.default.removeItem(atPath: folder) }
    return folder
  }

  /// The sample's CSV folder with its department renamed: another department.
  func otherDepartment(in folder: String) throws -> String {
    let other = folder + "/示范教育局"
    try FileManager.default.createDirectory(atPath: other, withIntermediateDirectories: true)
    for n in 1...13 {
      let source = Fixtures.csvFile(n)
      let text = try String(contentsOfFile: source, encoding: .utf8)
      try text.replacingOccurrences(of: "大同市科学技术局", with: "大同市示范教育局")
        .write(toFile: other + "/" + (source as NSString).lastPathComponent, atomically: true, encoding: .utf8)
    }
    return other
  }

  func testRegression_ConvertOfTwoDepartmentsIsRefusedNamingBoth() throws {
    let folder = try scratch()
    let other = try otherDepartment(in: folder)
    let out = folder + "/混合.json"
    let result = try E2E.expect(2, ["convert", Fixtures.sampleXLSX, other, "-o", out])
    XCTAssertTrue(result.stderr.contains("输入属于不同的部门"), result.stderr)
    XCTAssertTrue(result.stderr.contains("datong-kejiju-2023.xlsx 是 大同市科学技术局[部门]"), result.stderr)
    XCTAssertTrue(result.stderr.contains("示范教育局 是 大同市示范教育局[部门]"), result.stderr)
    XCTAssertFalse(FileManager.default.fileExists(atPath: out), "nothing written")
    let english = try E2E.expect(2, ["validate", other, Fixtures.sampleXLSX, "--lang", "en"])
    XCTAssertTrue(english.stderr.contains("the inputs are of different departments"), english.stderr)
    // One department in two inputs (a workbook and its CSV copy) is still one department.
    try E2E.expect(0, ["convert", Fixtures.sampleXLSX, Fixtures.sampleCSVFolder, "-o", folder + "/同一.json"])
  }

  func testRegression_InspectOfAFormsWorkbookCountsItsForms() throws {
    let forms = Fixtures.sampleInput.appendingPathComponent("datong-kejiju-2023-performance.xlsx").path
    let result = try E2E.expect(0, ["inspect", forms])
    XCTAssertFalse(result.stdout.contains("共识别 0 张表"), result.stdout)
    XCTAssertTrue(result.stdout.contains("共识别 11 张绩效目标申报表。"), result.stdout)
    XCTAssertTrue(result.stdout.contains("→ 绩效目标申报表「J局机关电费」，范围 A1:H29"), result.stdout)
    let english = try E2E.expect(0, ["inspect", forms, "--lang", "en"])
    XCTAssertTrue(english.stdout.contains("11 performance form(s) recognized."), english.stdout)
  }

  func testRegression_InspectShowsExactDecimalsNotRawDoubles() throws {
    let path = try scratch() + "/浮点.xlsx"
    // A spreadsheet stores 733.57 as the double it could not hold exactly.
    let rows =
      #"<row r="1"><c r="A1" t="inlineStr"><is><t>科学技术支出</t></is></c><c r="B1"><v>733.5700000000001</v></c></row>"#
    try Fixtures.write(WorkbookBuilder.xlsx(rows: rows), to: path)
    let result = try E2E.expect(0, ["inspect", path])
    XCTAssertTrue(result.stdout.contains("B1=733.57 ") || result.stdout.contains("B1=733.57\n"), result.stdout)
    XCTAssertFalse(result.stdout.contains("733.5700000000001"), result.stdout)
  }
}
