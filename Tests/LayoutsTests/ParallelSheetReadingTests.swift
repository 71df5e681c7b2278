import Budget
import Foundation
import Layouts
import Sheets
import TestSupport
import XCTest

/// A workbook's sheets read (or rendered) on two threads give exactly what one by one gives.
final class ParallelSheetReadingTests: XCTestCase {
  func testBothWaysRenderTheSameWorkbook() throws {
    let disclosure = try DisclosureReader().read([Fixtures.sampleXLSX]).disclosure
    let renderer = TableRenderer(layouts: .datong)
    let oneByOne = renderer.workbook(disclosure, inTwoLanes: false)
    XCTAssertEqual(oneByOne.sheets.map(\.name), (1...13).map { "预算公开表\($0)" })
    for _ in 0..<5 {
      XCTAssertEqual(renderer.workbook(disclosure, inTwoLanes: true), oneByOne)
    }
  }

  func testBothWaysReadTheSameDepartment() throws {
    for paths in [[Fixtures.sampleXLSX], [Fixtures.sampleXLSX, FormReadingTests.formsPath]] {
      let oneByOne = try DisclosureReader(readsSheetsInParallel: false).read(paths)
      for _ in 0..<5 {
        let parallel = try DisclosureReader(readsSheetsInParallel: true).read(paths)
        XCTAssertEqual(parallel.disclosure, oneByOne.disclosure)
        XCTAssertEqual(parallel.issues, oneByOne.issues)
        XCTAssertEqual(parallel.grids.map(\.gridName), oneByOne.grids.map(\.gridName))
        XCTAssertEqual(parallel.grids.map(\.forms), oneByOne.grids.map(\.forms))
      }
    }
  }

  func testTheFirstBrokenSheetIsReported() throws {
    let folder = try Fixtures.scratchFolder("yusuan-parallel-sheets")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let good = WorkbookBuilder.sheet(#"<row r="1"><c r="A1" t="inlineStr"><is><t>说明</t></is></c></row>"#)
    let broken = "<worksheet xmlns=\"\(WorkbookBuilder.transitional)\"><sheetData><row r=\"1\">"
    // Sheets 3 and 5 of 6 are cut off; whichever thread meets sheet 5 first, sheet 3 is named.
    let sheets = (1...6).map { n in ("S\(n)", n == 3 || n == 5 ? broken : good) }
    let path = folder + "/broken.xlsx"
    try Data(WorkbookBuilder.xlsx(sheets: sheets)).write(to: URL(fileURLWithPath: path))
    for parallel in [false, true, true, true, true, true] {
      XCTAssertThrowsError(try DisclosureReader(readsSheetsInParallel: parallel).read([path])) {
        guard case .unreadable(_, let underlying) = $0 as? InputError,
          case .malformedXML(_, let part, _, _, _) = underlying as? XLSXReadError
        else { return XCTFail("unexpected error: \($0)") }
        XCTAssertEqual(part, "xl/worksheets/sheet3.xml")
      }
    }
  }
}
