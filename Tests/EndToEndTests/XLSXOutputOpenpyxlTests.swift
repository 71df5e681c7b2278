import Foundation
import TestSupport
import XCTest

/// What an independent reader (openpyxl) sees in the workbook Yusuan writes.
final class XLSXOutputOpenpyxlTests: XCTestCase {
  nonisolated(unsafe) static var report: [String: String] = [:]
  nonisolated(unsafe) static var folder = ""

  static let probe = #"""
    import sys, openpyxl
    wb = openpyxl.load_workbook(sys.argv[1])
    out = []
    out.append("sheets=" + ",".join(wb.sheetnames))
    for ws in wb.worksheets:
        n = ws.title
        out.append(f"{n}.merges=" + " ".join(sorted(str(r) for r in ws.merged_cells.ranges)))
        ps = ws.page_setup
        out.append(f"{n}.page={ps.orientation},{ps.paperSize},{ps.fitToWidth},{ps.fitToHeight},{ws.sheet_properties.pageSetUpPr.fitToPage if ws.sheet_properties.pageSetUpPr else None}")
        out.append(f"{n}.titles={ws.print_title_rows}")
        for row in ws.iter_rows():
            for c in row:
                if c.value is not None:
                    out.append(f"{n}!{c.coordinate}={type(c.value).__name__}:{c.value!r}|{c.number_format}")
    print("\n".join(out))
    """#

  override class func setUp() {
    super.setUp()
    do {
      folder = try Fixtures.scratchFolder("yusuan-e2e-openpyxl")
      let xlsx = folder + "/out.xlsx"
      let result = try CLI.run(["convert", Fixtures.sampleXLSX, "-o", xlsx])
      guard result.status == 0 else { return }
      let text = try Python3.run(probe, arguments: [xlsx], modules: ["openpyxl"])
      for line in text.split(separator: "\n") {
        guard let eq = line.firstIndex(of: "=") else { continue }
        report[String(line[..<eq])] = String(line[line.index(after: eq)...])
      }
    } catch {
      report["error"] = "\(error)"
    }
  }

  override class func tearDown() {
    try? FileManager.default.removeItem(atPath: folder)
    super.tearDown()
  }

  private func value(_ key: String, file: StaticString = #filePath, line: UInt = #line) -> String? {
    XCTAssertNil(Self.report["error"], file: file, line: line)
    return Self.report[key]
  }

  func testSheetsInOrder() {
    XCTAssertEqual(value("sheets"), (1...13).map { "预算公开表\($0)" }.joined(separator: ","))
  }

  func testCodesAreTextAndAmountsExactNumbersWithThousandsFormat() {
    XCTAssertEqual(value("预算公开表3!A8"), "str:'2060101'|@")
    XCTAssertEqual(value("预算公开表3!B8"), "str:'行政运行'|General")
    XCTAssertEqual(value("预算公开表3!C5"), "float:1331.42|#,##0.00")
    XCTAssertEqual(value("预算公开表3!D8"), "float:302.9|#,##0.00")
    XCTAssertEqual(value("预算公开表3!E8"), "float:46.07|#,##0.00")
    XCTAssertNil(value("预算公开表3!E9"), "a blank stays an empty cell")
    XCTAssertEqual(value("预算公开表2!C5"), "float:1331.42|#,##0.00")
    XCTAssertEqual(value("预算公开表9!C6"), "int:0|#,##0.00", "0.00 is written, not left blank")
    XCTAssertEqual(value("预算公开表7!A8"), "str:'1030148'|@")
  }

  func testTitleAndHeaderMerges() throws {
    let merges3 = try XCTUnwrap(value("预算公开表3.merges")).split(separator: " ").map(String.init)
    XCTAssertTrue(merges3.contains("A1:E1"), "title merged across the table: \(merges3)")
    XCTAssertTrue(merges3.contains("C3:E3"), "2023年预算数 over its three columns: \(merges3)")
    let merges4 = try XCTUnwrap(value("预算公开表4.merges")).split(separator: " ").map(String.init)
    XCTAssertTrue(merges4.contains("A1:G1"), "\(merges4)")
    XCTAssertTrue(merges4.contains("D4:G4"), "金额 over 小计…国有资本经营预算: \(merges4)")
    XCTAssertEqual(value("预算公开表3!A1"), "str:'2023年预算支出总表'|General")
    XCTAssertEqual(value("预算公开表3!C3"), "str:'2023年预算数'|General")
  }

  func testPrintSetup() {
    for n in [1, 3, 9, 13] {
      let page = value("预算公开表\(n).page")?.split(separator: ",").map(String.init) ?? []
      XCTAssertEqual(page.count, 5, "\(n)")
      guard page.count == 5 else { continue }
      XCTAssertEqual(page[0], "landscape", "表\(n)")
      XCTAssertEqual(page[1], "9", "A4 is paper size 9")
      XCTAssertTrue(["None", "1"].contains(page[2]), "one page wide (1 is the default when absent): \(page)")
      XCTAssertEqual(page[3], "0", "any number of pages tall")
      XCTAssertEqual(page[4], "True", "fit to page")
    }
    XCTAssertEqual(value("预算公开表3.titles"), "$1:$4")
    XCTAssertEqual(value("预算公开表4.titles"), "$1:$5")
  }
}
