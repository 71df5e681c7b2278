import Foundation
import TestSupport
import XCTest

/// `yusuan inspect` shows the sheets, their merges and what was recognized where.
final class CLIInspectTests: XCTestCase {
  func testInspectOfTheSampleWorkbook() throws {
    let result = try E2E.expect(0, ["inspect", Fixtures.sampleXLSX])
    let out = result.stdout
    for n in 1...13 {
      XCTAssertTrue(out.contains("工作表 \(n)「预算公开表\(n)」"), "sheet \(n) listed")
      XCTAssertTrue(out.contains("→ 预算公开表\(n)「"), "table \(n) recognized")
    }
    XCTAssertTrue(out.contains("共识别 13 张表"), out)
    // Sheet 3: its used range, its five merged ranges in file order, the 2060101 row.
    XCTAssertTrue(out.contains("工作表 3「预算公开表3」：范围 A1:E30"), out)
    XCTAssertTrue(out.contains("合并：A5:B5 C3:E3 A1:E1 A2:D2 A3:B3"), out)
    XCTAssertTrue(out.contains("合并：A2:E2 A3:B3 A1:F1 C3:F3"), "sheet 1's merges")
    XCTAssertTrue(out.contains("D  2023年预算数 / 基本支出  → basic"), out)
    XCTAssertTrue(out.contains("表头第 3–5 行"), "表4's three header rows")
    XCTAssertTrue(out.contains("注：本表无数据"), "表13's note")
    XCTAssertFalse(out.contains("×"), "nothing unrecognized")
  }

  func testInspectInEnglish() throws {
    let result = try E2E.expect(0, ["inspect", Fixtures.sampleXLSX, "--lang", "en"])
    XCTAssertTrue(result.stdout.contains("13 table(s) recognized."), result.stdout)
    XCTAssertTrue(result.stdout.contains("sheet 3 \"预算公开表3\""), result.stdout)
  }

  func testInspectOfACSVFolderNamesEncodings() throws {
    let utf8 = try E2E.expect(0, ["inspect", Fixtures.sampleCSVFolder])
    XCTAssertTrue(utf8.stdout.contains("预算公开表03.csv（utf-8-bom）"), utf8.stdout)
    XCTAssertTrue(utf8.stdout.contains("共识别 13 张表"))
    let gb = try E2E.expect(0, ["inspect", Fixtures.sampleGB18030Folder])
    XCTAssertTrue(gb.stdout.contains("预算公开表03.csv（gb18030）"), gb.stdout)
    XCTAssertTrue(gb.stdout.contains("共识别 13 张表"))
  }

  func testInspectOfAMissingFile() throws {
    let result = try E2E.expect(2, ["inspect", "/nonexistent/预算.xlsx"])
    XCTAssertTrue(result.stderr.contains("/nonexistent/预算.xlsx"), result.stderr)
  }
}
