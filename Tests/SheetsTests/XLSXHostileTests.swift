import Foundation
import Sheets
import TestSupport
import XCTest

/// Each hostile input must fail fast (under a second) with its specific typed error, never crash.
final class XLSXHostileTests: XCTestCase {
  /// Opens `bytes` and reads every sheet, expecting an error that `matches`, within one second.
  private func assertRejects(
    _ bytes: [UInt8], limits: Limits = .default, file: StaticString = #filePath, line: UInt = #line,
    _ matches: (XLSXReadError) -> Bool
  ) {
    let start = ContinuousClock.now
    do {
      let reader = try XLSXReader(bytes: bytes, name: "hostile.xlsx", limits: limits)
      _ = try reader.grids()
      XCTFail("read without error", file: file, line: line)
    } catch {
      XCTAssertTrue(matches(error), "unexpected error: \(error)", file: file, line: line)
      XCTAssertFalse(error.message(.zh).isEmpty, file: file, line: line)
      XCTAssertFalse(error.message(.en).isEmpty, file: file, line: line)
    }
    let elapsed = ContinuousClock.now - start
    XCTAssertLessThan(elapsed, .seconds(1), "took \(elapsed)", file: file, line: line)
  }

  func testExternalEntityDoctypeIsRefused() {
    assertRejects(HostileFiles.externalEntity()) {
      $0 == .doctypeForbidden(file: "hostile.xlsx", part: "xl/worksheets/sheet1.xml")
    }
  }

  func testBillionLaughsIsRefusedBeforeExpanding() {
    assertRejects(HostileFiles.billionLaughs()) {
      $0 == .doctypeForbidden(file: "hostile.xlsx", part: "xl/sharedStrings.xml")
    }
  }

  func testEntityReferenceWithoutDoctypeIsMalformed() {
    let bytes = WorkbookBuilder.xlsx(rows: #"<row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row>"#)
    assertRejects(bytes) {
      guard case .malformedXML(_, "xl/worksheets/sheet1.xml", _, _, let message) = $0 else { return false }
      return message.contains("xxe")
    }
  }

  func testBareDoctypeIsRefused() {
    assertRejects(HostileFiles.bareDoctype()) { $0 == .doctypeForbidden(file: "hostile.xlsx", part: "xl/workbook.xml") }
  }

  func testSheetDeclaringGigabytesIsRefusedBeforeInflating() {
    assertRejects(HostileFiles.declaredHugeSheet()) {
      $0
        == .partTooLarge(
          file: "hostile.xlsx", part: "xl/worksheets/sheet1.xml", limit: Limits.default.maxSheetPartBytes)
    }
  }

  func testLyingDeclaredSizeStopsAfterTheDeclaredBytes() {
    assertRejects(HostileFiles.lyingSizeSheet()) {
      $0 == .partLargerThanDeclared(file: "hostile.xlsx", part: "xl/worksheets/sheet1.xml", declared: 1024)
    }
  }

  func testSheetBeyondItsBudgetIsRefused() {
    var limits = Limits.default
    limits.maxSheetPartBytes = 1 << 20
    assertRejects(HostileFiles.inflatingSheet(megabytes: 8), limits: limits) {
      $0 == .partTooLarge(file: "hostile.xlsx", part: "xl/worksheets/sheet1.xml", limit: 1 << 20)
    }
  }

  func testWholeArchiveBudgetCountsEveryPart() throws {
    var limits = Limits.default
    limits.maxTotalInflatedBytes = 6 << 20
    // 4 MiB of spaces parse fine on their own; the budget also counts the workbook parts.
    let bytes = HostileFiles.inflatingSheet(megabytes: 4)
    XCTAssertNoThrow(try XLSXReader(bytes: bytes, limits: limits).grids())
    limits.maxTotalInflatedBytes = 4 << 20
    assertRejects(bytes, limits: limits) {
      $0 == .archiveTooLarge(file: "hostile.xlsx", part: "xl/worksheets/sheet1.xml", limit: 4 << 20)
    }
  }

  func testSiblingReadersShareTheWholeArchiveBudget() throws {
    var limits = Limits.default
    limits.maxTotalInflatedBytes = 5 << 20
    let bytes = HostileFiles.inflatingSheet(megabytes: 2, sheets: 3)
    let reader = try XLSXReader(bytes: bytes, name: "hostile.xlsx", limits: limits)
    let sibling = try reader.sibling()
    XCTAssertEqual(try reader.grid(sheet: 0).rows.count, 0)
    XCTAssertNoThrow(try sibling.grid(sheet: 1))
    // 2 + 2 MiB are spent; the third sheet would pass a fresh reader's budget, not the shared one.
    XCTAssertNoThrow(try XLSXReader(bytes: bytes, name: "hostile.xlsx", limits: limits).grid(sheet: 2))
    XCTAssertThrowsError(try reader.grid(sheet: 2)) {
      XCTAssertEqual(
        $0 as? XLSXReadError, .archiveTooLarge(file: "hostile.xlsx", part: "xl/worksheets/sheet3.xml", limit: 5 << 20))
    }
  }

  func testTruncatedZip() {
    assertRejects(HostileFiles.truncated()) { $0 == .truncatedZip(file: "hostile.xlsx") }
  }

  func testTextFileNamedXLSX() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("预算-\(UUID().uuidString).xlsx").path
    XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(HostileFiles.textAsXLSX())))
    defer { try? FileManager.default.removeItem(atPath: path) }
    XCTAssertThrowsError(try XLSXReader(path: path)) {
      XCTAssertEqual($0 as? XLSXReadError, .notAZip(file: path))
      XCTAssertTrue(($0 as! XLSXReadError).message(.zh).contains("不是 xlsx"))
    }
  }

  func testEmptyFileAndMissingFile() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("empty-\(UUID().uuidString).xlsx").path
    XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data()))
    defer { try? FileManager.default.removeItem(atPath: path) }
    XCTAssertThrowsError(try XLSXReader(path: path)) { XCTAssertEqual($0 as? XLSXReadError, .emptyFile(file: path)) }
    XCTAssertThrowsError(try XLSXReader(path: path + ".missing")) {
      guard case .cannotOpen(let file, _) = $0 as! XLSXReadError else { return XCTFail("\($0)") }
      XCTAssertEqual(file, path + ".missing")
    }
    assertRejects([]) { $0 == .emptyFile(file: "hostile.xlsx") }
  }

  func testFileSizeLimit() {
    var limits = Limits.default
    let bytes = HostileFiles.truncated()
    limits.maxFileBytes = bytes.count - 1
    assertRejects(bytes, limits: limits) {
      $0 == .fileTooLarge(file: "hostile.xlsx", bytes: bytes.count, limit: bytes.count - 1)
    }
  }

  func testLegacyOrEncryptedWorkbook() {
    assertRejects(HostileFiles.oleContainer()) { $0 == .legacyOrEncryptedWorkbook(file: "hostile.xlsx") }
  }

  func testCellBelowLastRow() {
    assertRejects(HostileFiles.cellBelowLastRow()) {
      $0 == .cellOutOfGrid(file: "hostile.xlsx", sheet: "Sheet1", ref: "XFD1048577")
    }
  }

  func testCellRightOfLastColumn() {
    assertRejects(HostileFiles.cellRightOfLastColumn()) {
      $0 == .cellOutOfGrid(file: "hostile.xlsx", sheet: "Sheet1", ref: "XFE1")
    }
  }

  func testRowNumberBeyondGrid() {
    assertRejects(HostileFiles.rowBeyondGrid()) {
      if case .invalidCellReference(_, "Sheet1", _) = $0 { return true }  // too many digits to be a number
      if case .cellOutOfGrid(_, "Sheet1", _) = $0 { return true }
      return false
    }
  }

  func testLastCellOfTheGridIsAccepted() throws {
    let grid = try XLSXReader(
      bytes: WorkbookBuilder.xlsx(rows: #"<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>"#)
    ).grid(sheet: 0)
    XCTAssertEqual(grid.cellCount, 1)
    XCTAssertEqual(grid[a1: "XFD1048576"], .number("1"))
  }

  func testMergeCoveringTheWholeSheet() {
    assertRejects(HostileFiles.hugeMerge()) {
      $0
        == .mergeTooLarge(
          file: "hostile.xlsx", sheet: "Sheet1", range: "A1:XFD1048576", limit: Limits.default.maxMergeArea)
    }
  }

  func testTooManyMerges() {
    var limits = Limits.default
    limits.maxMergesPerSheet = 10
    assertRejects(HostileFiles.manyMerges(11), limits: limits) {
      $0 == .tooManyMerges(file: "hostile.xlsx", sheet: "Sheet1", limit: 10)
    }
    XCTAssertNoThrow(try XLSXReader(bytes: HostileFiles.manyMerges(10), limits: limits).grids())
  }

  func testLyingUniqueCountIsOnlyAHint() throws {
    let start = ContinuousClock.now
    let grid = try XLSXReader(bytes: HostileFiles.lyingUniqueCount()).grid(sheet: 0)
    XCTAssertEqual(grid[a1: "A1"], .text("行政运行"))
    XCTAssertEqual(grid[a1: "B1"], .text("合计"))
    XCTAssertLessThan(ContinuousClock.now - start, .seconds(1))
  }

  func testUnsupportedCompressionMethod() {
    assertRejects(HostileFiles.unsupportedCompression()) {
      $0
        == .encryptedOrUnsupportedCompression(
          file: "hostile.xlsx", part: "xl/worksheets/sheet1.xml", method: 12, encrypted: false)
    }
  }

  func testCRCMismatchIsCorruption() {
    assertRejects(HostileFiles.badCRC()) {
      if case .corruptZip(_, "xl/worksheets/sheet1.xml", _) = $0 { return true }
      return false
    }
  }

  func testCaseInsensitiveDuplicateNames() {
    assertRejects(HostileFiles.duplicateNames()) {
      if case .duplicatePart(_, let part) = $0 { return part.lowercased() == "xl/workbook.xml" }
      return false
    }
  }

  func testMissingWorkbookPart() {
    assertRejects(HostileFiles.missingWorkbook()) { $0 == .missingPart(file: "hostile.xlsx", part: "xl/workbook.xml") }
  }

  func testMalformedXMLCarriesItsLine() {
    assertRejects(HostileFiles.malformedSheet()) {
      guard case .malformedXML(_, "xl/worksheets/sheet1.xml", let line, _, let message) = $0 else { return false }
      return line == 3 && !message.isEmpty
    }
  }

  func testTooManyEntries() {
    var limits = Limits.default
    limits.maxZipEntries = 20
    assertRejects(HostileFiles.manyEntries(30), limits: limits) {
      if case .tooManyEntries(_, 35, 20) = $0 { return true }
      return false
    }
  }

  func testTooManyCells() {
    var limits = Limits.default
    limits.maxCellsPerSheet = 100
    assertRejects(HostileFiles.manyCells(101), limits: limits) {
      $0 == .tooManyCells(file: "hostile.xlsx", sheet: "Sheet1", limit: 100)
    }
    XCTAssertEqual(try XLSXReader(bytes: HostileFiles.manyCells(100), limits: limits).grid(sheet: 0).cellCount, 100)
  }

  func testTextTooLong() throws {
    assertRejects(HostileFiles.longText(characters: 32_768)) {
      $0 == .textTooLong(file: "hostile.xlsx", sheet: "Sheet1", cell: "A1", limit: 32_767)
    }
    // Excel's own maximum, in three-byte characters, is accepted.
    let grid = try XLSXReader(bytes: HostileFiles.longText(characters: 32_767)).grid(sheet: 0)
    XCTAssertEqual(grid[a1: "A1"]?.text.count, 32_767)
  }

  /// Every prefix of a valid workbook, and single-byte corruptions, end in a typed error or a read — never a crash.
  func testCutsAndBitFlipsNeverCrash() {
    let bytes = WorkbookBuilder.xlsx(
      rows: #"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>1331.42</v></c></row>"#,
      after: #"<mergeCells><mergeCell ref="A1:B1"/></mergeCells>"#, sharedStrings: ["合计"])
    for cut in stride(from: 0, to: bytes.count, by: 7) {
      _ = try? XLSXReader(bytes: Array(bytes.prefix(cut))).grids()
    }
    var flipped = bytes
    for i in stride(from: 0, to: bytes.count, by: 3) {
      flipped[i] ^= 0x5A
      _ = try? XLSXReader(bytes: flipped).grids()  // typed throws: any error is an XLSXReadError
      flipped[i] ^= 0x5A
    }
  }
}
