import Foundation
import Sheets
import TestSupport
import XCTest

/// Issue 21, item 2: inputs that were small but took quadratic time or unbounded memory. Each
/// test is scaled down; `benchmarks/hostile/run.py` builds the red-team's sizes.
final class XLSXBudgetRegressionTests: XCTestCase {
  private func read(_ bytes: [UInt8], limits: Limits = .default) throws -> [Grid] {
    try XLSXReader(bytes: bytes, name: "hostile.xlsx", limits: limits).grids()
  }

  @discardableResult
  private func assertFast<T>(
    _ seconds: Double = 1, file: StaticString = #filePath, line: UInt = #line, _ body: () throws -> T
  )
    rethrows -> T
  {
    let start = ContinuousClock.now
    let result = try body()
    let elapsed = ContinuousClock.now - start
    XCTAssertLessThan(elapsed, .milliseconds(Int(seconds * 1000)), "took \(elapsed)", file: file, line: line)
    return result
  }

  func testRegression_TagWithTensOfThousandsOfAttributesIsRefusedBeforeLibxml2ComparesThem() throws {
    // 3 × 30,000 attributes: libxml2 2.9 compares them pairwise (seconds); now refused at once.
    let bytes = HostileFiles.manyAttributes(30_000)
    try assertFast {
      XCTAssertThrowsError(try read(bytes)) {
        XCTAssertEqual(
          $0 as? XLSXReadError,
          .tooManyAttributes(
            file: "hostile.xlsx", part: "xl/worksheets/sheet1.xml", limit: Limits.default.maxAttributesPerElement))
      }
    }
  }

  func testRegression_AttributeCountIsExactAndIgnoresCommentsAndQuotedValues() throws {
    var limits = Limits.default
    limits.maxAttributesPerElement = 12
    // The sheet's root tag has 2 namespace-free attributes plus xmlns: under 12.
    XCTAssertNoThrow(try read(HostileFiles.manyAttributes(12, tags: 1), limits: limits))
    XCTAssertThrowsError(try read(HostileFiles.manyAttributes(13, tags: 1), limits: limits))
    // `=` inside comments, processing instructions, CDATA and quoted values is not an attribute.
    let noise = String(repeating: "a=b ", count: 50)
    let sheet = WorkbookBuilder.sheet(
      "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t><![CDATA[\(noise) > ' \"]]></t></is></c></row>",
      after: "<!-- \(noise) ' \" --><?pi \(noise)?><extLst x=\"\(noise)\" y='\(noise)'/>")
    let grids = try read(WorkbookBuilder.xlsx(sheets: [("Sheet1", sheet)]), limits: limits)
    XCTAssertEqual(grids[0].rows.first?.value(at: 0), .text("\(noise) > ' \""))
  }

  func testRegression_RowStoredThousandsOfTimesMergesInLinearTime() throws {
    // 16,000 `<row r="1">`, each with the next column's cell: joined pairwise, the growing row
    // was copied every time (quadratic); now joined in one pass.
    let bytes = HostileFiles.repeatedRow(16_000)
    let grids = try assertFast(2) { try read(bytes) }
    XCTAssertEqual(grids[0].rows.count, 1)
    XCTAssertEqual(grids[0].rows[0].cells.count, 16_000)
    XCTAssertEqual(grids[0].rows[0].cells.last?.column, 15_999)
  }

  func testRegression_LaterCopyOfARowStillWinsAfterLinearMerge() throws {
    let rows =
      #"<row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>2</v></c></row><row r="1"><c r="A1"><v>3</v></c></row>"#
      + #"<row r="2"><c r="B2"><v>9</v></c></row>"#
    let grid = try read(WorkbookBuilder.xlsx(rows: rows))[0]
    XCTAssertEqual(grid.rows.map(\.index), [0, 1])
    XCTAssertEqual(grid.rows[1].value(at: 0), .number("1"))
    XCTAssertEqual(grid.rows[1].value(at: 1), .number("9"))
  }

  func testRegression_SheetsAliasingOnePartAreRefused() {
    XCTAssertThrowsError(try XLSXReader(bytes: HostileFiles.aliasedSheets(3, cells: 10), name: "hostile.xlsx")) {
      XCTAssertEqual(
        $0 as? XLSXReadError, .aliasedSheetPart(file: "hostile.xlsx", sheet: "S2", part: "xl/worksheets/sheet1.xml"))
    }
  }

  func testRegression_TooManySheetsAreRefusedWhileTheListIsParsed() {
    var limits = Limits.default
    limits.maxSheets = 5
    let bytes = WorkbookBuilder.xlsx(sheets: (1...6).map { ("S\($0)", WorkbookBuilder.sheet("")) })
    XCTAssertNoThrow(
      try XLSXReader(
        bytes: WorkbookBuilder.xlsx(sheets: (1...5).map { ("S\($0)", WorkbookBuilder.sheet("")) }), limits: limits))
    XCTAssertThrowsError(try XLSXReader(bytes: bytes, name: "hostile.xlsx", limits: limits)) {
      XCTAssertEqual($0 as? XLSXReadError, .tooManySheets(file: "hostile.xlsx", limit: 5))
    }
  }

  func testRegression_ReadingAPartAgainCountsAgainstTheWholeArchiveBudget() throws {
    var limits = Limits.default
    limits.maxTotalInflatedBytes = 5 << 20
    let reader = try XLSXReader(bytes: HostileFiles.inflatingSheet(megabytes: 2), name: "hostile.xlsx", limits: limits)
    XCTAssertNoThrow(try reader.grid(sheet: 0))
    XCTAssertNoThrow(try reader.grid(sheet: 0))
    XCTAssertThrowsError(try reader.grid(sheet: 0)) {
      XCTAssertEqual(
        $0 as? XLSXReadError, .archiveTooLarge(file: "hostile.xlsx", part: "xl/worksheets/sheet1.xml", limit: 5 << 20))
    }
  }

  func testRegression_EntryCountIsCheckedFromTheEndRecordBeforeLibzipParsesTheDirectory() {
    // The record claims 60,000 entries: refused from the record itself, not after libzip parsed them.
    XCTAssertThrowsError(try XLSXReader(bytes: HostileFiles.claimedEntryCount(60_000), name: "hostile.xlsx")) {
      XCTAssertEqual(
        $0 as? XLSXReadError, .tooManyEntries(file: "hostile.xlsx", count: 60_000, limit: Limits.default.maxZipEntries))
    }
    // Just over the limit is refused too; the count is not a guess from the directory size.
    XCTAssertThrowsError(try XLSXReader(bytes: HostileFiles.claimedEntryCount(10_001), name: "hostile.xlsx"))
  }

  func testRegression_EntryCountOfAFileIsCheckedBeforeLibzipOpensIt() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-eocd-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("many.xlsx").path
    try Data(HostileFiles.claimedEntryCount(50_000)).write(to: URL(fileURLWithPath: path))
    XCTAssertThrowsError(try XLSXReader(path: path)) {
      XCTAssertEqual(
        $0 as? XLSXReadError, .tooManyEntries(file: path, count: 50_000, limit: Limits.default.maxZipEntries))
    }
  }

  func testRegression_CellsOfAllSheetsCountAgainstOneWorkbookBudget() throws {
    var limits = Limits.default
    limits.maxCellsPerWorkbook = 5_000
    let bytes = HostileFiles.manyCellsOnSheets(3_000, sheets: 3)
    XCTAssertThrowsError(try read(bytes, limits: limits)) {
      XCTAssertEqual($0 as? XLSXReadError, .tooManyCellsInWorkbook(file: "hostile.xlsx", sheet: "Sheet2", limit: 5_000))
    }
    // A sibling reader (the second lane) shares the budget.
    let reader = try XLSXReader(bytes: bytes, name: "hostile.xlsx", limits: limits)
    let sibling = try reader.sibling()
    XCTAssertNoThrow(try reader.grid(sheet: 0))
    XCTAssertThrowsError(try sibling.grid(sheet: 1))
    limits.maxCellsPerWorkbook = 9_000
    XCTAssertEqual(try read(bytes, limits: limits).map(\.cellCount), [3_000, 3_000, 3_000])
  }

  func testRegression_OneHugeSheetStopsAtTheWorkbookCellBudgetWhileParsing() {
    // Within every per-sheet limit, 19.9 M cells took 2.1 GB; the workbook budget stops it early.
    var limits = Limits.default
    limits.maxCellsPerWorkbook = 40_000
    XCTAssertThrowsError(try read(HostileFiles.manyCellsOnSheets(100_000, sheets: 1), limits: limits)) {
      XCTAssertEqual(
        $0 as? XLSXReadError, .tooManyCellsInWorkbook(file: "hostile.xlsx", sheet: "Sheet1", limit: 40_000))
    }
  }

  func testRegression_FIFONamedCSVIsRefusedInsteadOfWaitedFor() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-fifo-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("预算.csv").path
    try HostileFiles.fifo(at: path)
    try assertFast {
      XCTAssertThrowsError(try CSVReader.read(path: path)) {
        XCTAssertEqual($0 as? CSVError, .notARegularFile(file: "预算.csv", kind: .fifo))
      }
    }
  }

  func testRegression_CSVOverItsByteBudgetIsRefusedBeforeReading() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-csv-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("big.csv").path
    try HostileFiles.sparseFile(at: path, size: Limits.default.maxCSVBytes + 1)
    try assertFast {
      XCTAssertThrowsError(try CSVReader.read(path: path)) {
        XCTAssertEqual(
          $0 as? CSVError,
          .fileTooLarge(file: "big.csv", bytes: Limits.default.maxCSVBytes + 1, limit: Limits.default.maxCSVBytes))
      }
    }
  }
}
