import Budget
import Foundation
import Layouts
import Sheets
import TestSupport
import XCTest

/// Found by fuzz-model: an amount with more digits than any reader keeps was written and came
/// back changed (xlsx keeps 15–16 digits of a double; CSV and JSON are read to 15 digits).
final class UnwritableAmountTests: XCTestCase {
  func testRegression_AmountWithEighteenDigitsWasWrittenAndReadBackChanged() throws {
    var disclosure = try Disclosure(jsonBytes: Fixtures.bytes(Fixtures.fixtureJSON))
    let table = try XCTUnwrap(disclosure.tables.firstIndex { $0.number == 8 })
    disclosure.tables[table].sections[0].rows[0].amounts[0] = Amount(units: 787_580_630_843_544_334, scale: 10)
    let row = disclosure.tables[table].sections[0].rows[0].displayName
    let folder = try Fixtures.scratchFolder("yusuan-unwritable")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    for (format, name) in [(OutputFormat.xlsx, "out.xlsx"), (.csv, "csv"), (.json, "out.json")] {
      XCTAssertThrowsError(try DisclosureWriter().write(disclosure, as: format, to: folder + "/" + name)) { error in
        let message = (error as? UnwritableAmount)?.message(.zh) ?? "\(error)"
        XCTAssertEqual(message, "预算公开表8 \(row) 合计：金额 78758063.0843544334 超过 15 位有效数字或 12 位小数，写出后无法原样读回；未写出任何文件")
      }
    }
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), [], "nothing is written")
    // Fifteen digits are written and read back exactly.
    disclosure.tables[table].sections[0].rows[0].amounts[0] = Amount(units: 787_580_630_843_544, scale: 7)
    try DisclosureWriter().write(disclosure, as: .xlsx, to: folder + "/ok.xlsx")
    let back = try DisclosureReader().read([folder + "/ok.xlsx"]).disclosure
    XCTAssertEqual(
      back.tables.first { $0.number == 8 }?.sections[0].rows[0].amounts[0]?.text(minimumFractionDigits: 0),
      "78758063.0843544")
  }
}

/// Found by fuzz-model: a table with no rows and no note (a 三公 table whose one row was removed)
/// was written to tidy CSV as a header alone, and read back as no table at all.
final class TidyCSVEmptyTableTests: XCTestCase {
  func testRegression_TableWithNoRowsAndNoNoteVanishedFromTidyCSV() throws {
    var disclosure = try Disclosure(jsonBytes: Fixtures.bytes(Fixtures.fixtureJSON))
    let index = try XCTUnwrap(disclosure.tables.firstIndex { $0.number == 10 })
    for s in disclosure.tables[index].sections.indices { disclosure.tables[index].sections[s].rows = [] }
    disclosure.tables[index].note = nil
    let folder = try Fixtures.scratchFolder("yusuan-tidy-empty")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try DisclosureWriter().write(disclosure, as: .csv, to: folder + "/csv", csvLayout: .tidy)
    let back = try DisclosureReader().read([folder + "/csv"]).disclosure
    let table = try XCTUnwrap(back.tables.first { $0.number == 10 }, "表10 vanished")
    XCTAssertEqual(table.sections.flatMap(\.rows).count, 0)
    XCTAssertNil(table.note)
    XCTAssertEqual(table.title, disclosure.tables[index].title)
    XCTAssertEqual(
      disclosure.differences(from: back).filter { !$0.description.contains("source") }.map(\.description), [])
  }
}

/// Found by fuzz-model: the CSV files Yusuan writes for a set other than Datong's (`公开03表.csv`,
/// `03-部门支出预算总表.csv`) were not known as its own, so a second output into the same folder
/// left the first one's tables beside its own (reported as foreign) and a reading mixed the two.
final class CSVFolderOwnNamesTests: XCTestCase {
  func testRegression_AShanghaiCSVFolderKeptThePreviousRunsTables() throws {
    let path = Fixtures.repoRoot.appendingPathComponent("Tests/Fixtures/shanghai-sifaju-2026.xlsx").path
    var disclosure = try DisclosureReader().read([path]).disclosure
    XCTAssertEqual(disclosure.tables.count, 9)
    let folder = try Fixtures.scratchFolder("yusuan-own-names")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let first = try DisclosureWriter().writeReporting(disclosure, as: .csv, to: folder + "/csv")
    XCTAssertEqual(first.written.count, 9)
    XCTAssertTrue(first.written.allSatisfy { !Paths.lastComponent($0).hasPrefix("预算公开表") }, "\(first.written)")
    disclosure.tables = Array(disclosure.tables.prefix(2))
    let second = try DisclosureWriter().writeReporting(disclosure, as: .csv, to: folder + "/csv")
    XCTAssertEqual(second.foreign, [], "Yusuan's own files of the first run were taken for foreign ones")
    XCTAssertEqual(
      try FileManager.default.contentsOfDirectory(atPath: folder + "/csv").sorted(),
      second.written.map(Paths.lastComponent).sorted())
    XCTAssertEqual(try DisclosureReader().read([folder + "/csv"]).disclosure.tables.map(\.number), [1, 2])
  }
}
