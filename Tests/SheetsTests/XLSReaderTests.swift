import Sheets
import TestSupport
import XCTest

final class XLSReaderTests: XCTestCase {
  static let templateXLS = Fixtures.repoRoot.appendingPathComponent("Tests/Fixtures/unit_budget_template.xls").path
  static let templateXLSX = Fixtures.repoRoot.appendingPathComponent("Tests/Fixtures/unit_budget_template.xlsx").path
  static let sampleXLS = Fixtures.repoRoot.appendingPathComponent("Tests/Fixtures/datong-kejiju-2023.xls").path

  /// Every cell of every sheet, as (sheet, A1, value) lines, for comparing two readers.
  static func cells(_ grids: [Grid]) -> [String] {
    grids.flatMap { g in
      g.rows.flatMap { r in r.cells.map { "\(g.name)!\(CellAddress(row: r.index, column: $0.column).a1)=\($0.value)" } }
    }
  }

  func testTheShanghaiTemplateReadsToTheCellsOfItsXLSXSibling() throws {
    let xls = try XLSReader(path: Self.templateXLS).grids()
    let xlsx = try XLSXReader(path: Self.templateXLSX).grids()
    XCTAssertEqual(xls.map(\.name), xlsx.map(\.name))
    let a = Self.cells(xls), b = Self.cells(xlsx)
    XCTAssertGreaterThan(b.count, 500)
    XCTAssertEqual(a.count, b.count)
    for (x, y) in zip(a, b) where x != y { XCTFail("xls \(x) ≠ xlsx \(y)"); break }
    XCTAssertEqual(a, b)
  }
}
