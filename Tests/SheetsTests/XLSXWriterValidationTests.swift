import XCTest

@testable import Sheets

/// Everything the writer refuses, and proof that a refusal leaves no file behind.
final class XLSXWriterValidationTests: XCTestCase {
  private var dir = ""

  override func setUp() {
    dir = SheetsFixtures.scratchDirectory(for: self)
  }

  func testOverlappingMergesAreRefusedAndNothingIsWritten() throws {
    var sheet = StyledSheet(name: "S")
    sheet.merge(CellRange(a1: "B1:C1")!, value: .text("a"))
    sheet.merge(CellRange(a1: "A5:A6")!, value: nil)
    sheet.merge(CellRange(a1: "B1:D1")!, value: .text("b"))
    let path = dir + "/out.xlsx"
    XCTAssertThrowsError(try XLSXWriter.write(StyledWorkbook(sheets: [sheet]), to: path)) { error in
      XCTAssertEqual(
        error as? WriteError,
        .overlappingMerges(sheet: "S", first: CellRange(a1: "B1:C1")!, second: CellRange(a1: "B1:D1")!))
      XCTAssertEqual((error as? WriteError)?.message(.zh), "工作表 S：合并区域 B1:C1 与 B1:D1 重叠")
    }
    XCTAssertEqual(SheetsFixtures.entries(dir), [])
    // An existing output stays as it was.
    try AtomicFile.write(bytes: Array("old".utf8), to: path)
    XCTAssertThrowsError(try XLSXWriter.write(StyledWorkbook(sheets: [sheet]), to: path))
    XCTAssertEqual(FileManager.default.contents(atPath: path), Data("old".utf8))
    XCTAssertEqual(SheetsFixtures.entries(dir), ["out.xlsx"])
  }

  func testOverlapDetectionFindsNonAdjacentAndContainedRanges() {
    let ranges = ["A1:B2", "D1:E9", "A3:C3", "E5:E6"].map { CellRange(a1: $0)! }
    XCTAssertThrowsError(try XLSXWriter.checkOverlaps(ranges, sheet: "S")) { error in
      XCTAssertEqual(
        error as? WriteError,
        .overlappingMerges(sheet: "S", first: CellRange(a1: "D1:E9")!, second: CellRange(a1: "E5:E6")!))
    }
    XCTAssertNoThrow(
      try XLSXWriter.checkOverlaps(["A1:B2", "C1:D2", "A3:D3", "E1:E3"].map { CellRange(a1: $0)! }, sheet: "S"))
  }

  func testInvalidSheetsAreRefusedBeforeAnythingIsWritten() {
    let path = dir + "/out.xlsx"
    func refuse(_ sheets: [StyledSheet], _ expected: WriteError, line: UInt = #line) {
      XCTAssertThrowsError(try XLSXWriter.write(StyledWorkbook(sheets: sheets), to: path), line: line) { error in
        XCTAssertEqual(error as? WriteError, expected, line: line)
      }
    }
    for bad in ["a/b", "x[1]", "", "'quoted'", String(repeating: "表", count: 32), "History"] {
      refuse([StyledSheet(name: bad)], .invalidSheetName(name: bad))
    }
    XCTAssertNoThrow(
      try XLSXWriter.validate(StyledWorkbook(sheets: [StyledSheet(name: String(repeating: "表", count: 31))])))
    refuse([StyledSheet(name: "Sheet1"), StyledSheet(name: "sheet1")], .duplicateSheetName(name: "sheet1"))
    refuse([], .noSheets)

    var sheet = StyledSheet(name: "S")
    sheet.merge(CellRange(a1: "B2")!, value: .text("x"))
    refuse([sheet], .singleCellMerge(sheet: "S", range: CellRange(a1: "B2")!))

    sheet = StyledSheet(name: "S")
    sheet.merge(CellRange(a1: "A1:C1")!, value: .text("title"))
    sheet.set(.text("hidden"), row: 0, column: 2)
    refuse([sheet], .valueCoveredByMerge(sheet: "S", cell: CellAddress(a1: "C1")!, merge: CellRange(a1: "A1:C1")!))

    sheet = StyledSheet(name: "S")
    sheet.set(.number("1,331.42"), row: 0, column: 0)
    refuse([sheet], .invalidNumber(sheet: "S", cell: CellAddress(row: 0, column: 0), text: "1,331.42"))

    sheet = StyledSheet(name: "S")
    sheet.set(.text(String(repeating: "字", count: 32_768)), row: 1, column: 1)
    refuse([sheet], .textTooLong(sheet: "S", cell: "B2", length: 32_768, limit: 32_767))

    sheet = StyledSheet(name: "S")
    sheet.set(.text("x"), row: CellAddress.maxRow + 1, column: 0)
    refuse([sheet], .cellOutOfRange(sheet: "S", cell: CellAddress(row: CellAddress.maxRow + 1, column: 0)))

    sheet = StyledSheet(name: "S")
    sheet.print.footer = String(repeating: "页", count: 256)
    refuse([sheet], .textTooLong(sheet: "S", cell: "footer", length: 256, limit: 255))

    XCTAssertEqual(SheetsFixtures.entries(dir), [])
  }

  func testLibraryErrorsAreTypedAndLeaveNoFile() {
    let properties = DocumentProperties(custom: [String(repeating: "k", count: 300): "v"])
    let workbook = StyledWorkbook(sheets: [StyledSheet(name: "S")], properties: properties)
    XCTAssertThrowsError(try XLSXWriter.write(workbook, to: dir + "/out.xlsx")) { error in
      guard case .library(let code, let text, _)? = error as? WriteError else { return XCTFail("\(error)") }
      XCTAssertEqual(code, 20)  // LXW_ERROR_255_STRING_LENGTH_EXCEEDED
      XCTAssertTrue(text.contains("255"), text)
    }
    XCTAssertEqual(SheetsFixtures.entries(dir), [], "the temporary file is removed after a C error")
  }

  func testRefusesToOverwriteAnInputWorkbook() throws {
    let path = dir + "/in.xlsx"
    try XLSXWriter.write(StyledWorkbook(sheets: [StyledSheet(name: "S")]), to: path)
    let before = FileManager.default.contents(atPath: path)
    XCTAssertThrowsError(
      try XLSXWriter.write(StyledWorkbook(sheets: [StyledSheet(name: "T")]), to: dir + "/./in.xlsx", refusing: [path])
    ) {
      guard case .wouldOverwriteInput? = $0 as? WriteError else { return XCTFail("\($0)") }
    }
    XCTAssertEqual(FileManager.default.contents(atPath: path), before)
  }
}
