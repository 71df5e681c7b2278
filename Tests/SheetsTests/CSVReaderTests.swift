import XCTest

@testable import Sheets

/// Locations of the copied fixtures and scratch directories for the Sheets tests.
enum SheetsFixtures {
  /// `Tests/Fixtures`, found from this source file so tests run from any working directory.
  static let root: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(2)  // SheetsTests/CSVReaderTests.swift
    return parts.joined(separator: "/") + "/Fixtures"
  }()

  /// The 13 fixture file names.
  static let tableFiles = (1...13).map { String(format: "预算公开表%02d.csv", $0) }

  /// A fresh empty directory under the system temporary directory, removed with its contents
  /// once `test` has finished.
  static func scratchDirectory(for test: XCTestCase) -> String {
    var template = Array((NSTemporaryDirectory() + "/sheets-tests-XXXXXX").utf8CString)
    let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
    precondition(made != nil, "mkdtemp failed")
    let directory = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    test.addTeardownBlock { try? FileManager.default.removeItem(atPath: directory) }
    return directory
  }

  /// Names of the entries of a directory (hidden ones included).
  static func entries(_ directory: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
  }
}

final class CSVReaderTests: XCTestCase {
  private func read(_ text: String, encoding: TextEncoding? = nil, limits: Limits = .default) throws -> CSVDocument {
    try CSVReader.read(bytes: Array(text.utf8), name: "t.csv", encoding: encoding, limits: limits)
  }

  private func texts(_ grid: Grid, row: Int) -> [String] {
    guard let r = grid.row(row), let last = r.cells.last?.column else { return [] }
    return (0...last).map { grid[row, $0]?.text ?? "" }
  }

  // MARK: fixtures

  func testEveryFixturePairGivesIdenticalGridsAndEncodings() throws {
    for file in SheetsFixtures.tableFiles {
      let utf8 = try CSVReader.read(path: SheetsFixtures.root + "/csv/" + file)
      let gb = try CSVReader.read(path: SheetsFixtures.root + "/csv-gb18030/" + file)
      XCTAssertEqual(utf8.detectedEncoding, .utf8BOM, file)
      XCTAssertEqual(gb.detectedEncoding, .gb18030, file)
      XCTAssertEqual(utf8.grid.name, file)
      XCTAssertGreaterThan(utf8.grid.cellCount, 3, file)
      XCTAssertEqual(utf8.grid, gb.grid, file)
    }
  }

  func testTable03CellsAreExactTextAndBOMIsStripped() throws {
    let grid = try CSVReader.read(path: SheetsFixtures.root + "/csv-gb18030/预算公开表03.csv").grid
    XCTAssertEqual(grid[a1: "A1"], .text("2023年预算支出总表"))
    XCTAssertEqual(texts(grid, row: 1), ["部门名称：大同市科学技术局[部门]", "", "", "", "单位：万元"])
    XCTAssertEqual(texts(grid, row: 4), ["合计", "", "1331.42", "972.35", "359.07"])
    let row = try XCTUnwrap(grid.rows.first { $0.value(at: 0) == .text("2060101") })
    XCTAssertEqual(row.index, 7)
    XCTAssertEqual(texts(grid, row: row.index), ["2060101", "行政运行", "348.97", "302.90", "46.07"])
    // Blank fields are not stored; the reader never turns text into numbers.
    XCTAssertNil(grid[a1: "B5"])
    XCTAssertEqual(grid[a1: "E8"], .text("46.07"))
    XCTAssertEqual(grid.rowCount, 30)
    XCTAssertEqual(grid.columnCount, 5)
  }

  func testTable12ProjectNamesKeepTheirIdeographicSpaces() throws {
    let grid = try CSVReader.read(path: SheetsFixtures.root + "/csv/预算公开表12.csv").grid
    let names = grid.rows.compactMap { $0.value(at: 0)?.text }.filter { $0.hasPrefix("\u{3000}\u{3000}") }
    XCTAssertGreaterThanOrEqual(names.count, 3)
    XCTAssertTrue(names.contains("\u{3000}\u{3000}J局机关电费"))
    let gbGrid = try CSVReader.read(path: SheetsFixtures.root + "/csv-gb18030/预算公开表12.csv").grid
    XCTAssertEqual(gbGrid.rows.compactMap { $0.value(at: 0)?.text }.filter { $0.hasPrefix("\u{3000}\u{3000}") }, names)
  }

  func testBlankLinesKeepTheirRowIndex() throws {
    let grid = try read("a\r\n,,\r\n\r\nb,c\r\n").grid
    XCTAssertEqual(grid.rows.map(\.index), [0, 3])
    XCTAssertEqual(grid[3, 1], .text("c"))
  }

  // MARK: RFC 4180

  func testQuotedFieldsWithLineBreaksCommasAndDoubledQuotes() throws {
    let text = "name,note\r\n\"a, b\",\"line1\r\nline2\nline3\rline4\"\r\n\"say \"\"hi\"\"\",\"\"\r\nlast,\"x\"\"\"\r\n"
    let grid = try read(text).grid
    XCTAssertEqual(grid[1, 0], .text("a, b"))
    XCTAssertEqual(grid[1, 1], .text("line1\r\nline2\nline3\rline4"))
    XCTAssertEqual(grid[2, 0], .text("say \"hi\""))
    XCTAssertNil(grid[2, 1], "an empty quoted field is an empty field")
    XCTAssertEqual(grid[3, 1], .text("x\""))
    XCTAssertEqual(grid.rowCount, 4)
  }

  func testLineEndingsCRLFLFAndCROnlyGiveTheSameGrid() throws {
    let lf = try read("a,b\n1,2\n3\n").grid
    let crlf = try read("a,b\r\n1,2\r\n3\r\n").grid
    let cr = try read("a,b\r1,2\r3\r").grid
    let mixed = try read("a,b\r\n1,2\r3").grid
    XCTAssertEqual(lf, crlf)
    XCTAssertEqual(lf, cr)
    XCTAssertEqual(lf, mixed)
    XCTAssertEqual(lf.rowCount, 3)
    XCTAssertEqual(lf[2, 0], .text("3"))
  }

  func testNoTrailingNewlineAndRaggedRows() throws {
    let grid = try read("a,b,c\r\nd\r\ne,f,g,h").grid
    XCTAssertEqual(grid.rowCount, 3)
    XCTAssertEqual(grid.row(1)?.cells.count, 1)
    XCTAssertEqual(grid[2, 3], .text("h"))
    XCTAssertEqual(grid.columnCount, 4)
  }

  func testUTF8WithoutBOMIsDetectedAndBOMOnlyInputIsEmpty() throws {
    let doc = try read("科目编码,金额\n2060101,348.97\n")
    XCTAssertEqual(doc.detectedEncoding, .utf8)
    XCTAssertEqual(doc.grid[1, 1], .text("348.97"))
    let empty = try CSVReader.read(bytes: [0xEF, 0xBB, 0xBF], name: "e.csv")
    XCTAssertEqual(empty.detectedEncoding, .utf8BOM)
    XCTAssertEqual(empty.grid.cellCount, 0)
    XCTAssertEqual(try CSVReader.read(bytes: [], name: "e.csv").grid.rowCount, 0)
  }

  func testLenientQuotesInsideUnquotedFieldsAndAfterClosingQuote() throws {
    let grid = try read("ab\"c,\"q\"tail,x\n").grid
    XCTAssertEqual(grid[0, 0], .text("ab\"c"))
    XCTAssertEqual(grid[0, 1], .text("qtail"))
    XCTAssertEqual(grid[0, 2], .text("x"))
  }

  // MARK: errors

  func testUnbalancedQuoteNamesTheLineWhereTheFieldStarted() {
    XCTAssertThrowsError(try read("a,b\r\nc,\"d\r\ne,f\r\ng\r\n")) { error in
      XCTAssertEqual(error as? CSVError, .unbalancedQuote(file: "t.csv", line: 2))
      XCTAssertEqual((error as? CSVError)?.message(.zh), "t.csv 第 2 行：引号字段没有结束引号")
    }
  }

  func testInvalidBytesInForcedUTF8NameLineAndOffset() {
    var bytes = Array("a,b\r\nc,d\r\ne,".utf8)
    let offset = bytes.count
    bytes += [0xC3, 0x28] + Array("\r\n".utf8)
    XCTAssertThrowsError(try CSVReader.read(bytes: bytes, name: "bad.csv", encoding: .utf8)) { error in
      XCTAssertEqual(error as? CSVError, .invalidBytes(file: "bad.csv", encoding: .utf8, line: 3, byteOffset: offset))
      XCTAssertEqual((error as? CSVError)?.line, 3)
    }
  }

  func testBytesThatAreNeitherUTF8NorGB18030AreRefusedWithTheirLine() {
    // 0xFF never starts a GB18030 character; 0xC3 0x28 already broke UTF-8 on line 1.
    var bytes = Array("\u{4E2D}".utf8) + [0xC3, 0x28] + Array("\n\nx,".utf8)
    let offset = bytes.count
    bytes += [0xFF, 0x41]
    XCTAssertThrowsError(try CSVReader.read(bytes: bytes, name: "u.csv")) { error in
      XCTAssertEqual(error as? CSVError, .unknownEncoding(file: "u.csv", line: 3, byteOffset: offset))
    }
  }

  func testForcedGB18030ReportsBadTrailByteAndTruncatedEnd() {
    var bytes = Array("a\nb\nc\n".utf8)
    bytes += [0xD6, 0xD0, 0x81, 0x20]  // 中, then a lead byte followed by a space
    XCTAssertThrowsError(try CSVReader.read(bytes: bytes, name: "g.csv", encoding: .gb18030)) { error in
      XCTAssertEqual(error as? CSVError, .invalidBytes(file: "g.csv", encoding: .gb18030, line: 4, byteOffset: 8))
    }
    XCTAssertThrowsError(try CSVReader.read(bytes: [0x61, 0x0A, 0xD6], name: "g.csv", encoding: .gb18030)) { error in
      XCTAssertEqual(error as? CSVError, .invalidBytes(file: "g.csv", encoding: .gb18030, line: 2, byteOffset: 2))
    }
  }

  func testForcingUTF8OnAGB18030FixtureFailsOnLineOne() {
    XCTAssertThrowsError(
      try CSVReader.read(path: SheetsFixtures.root + "/csv-gb18030/预算公开表03.csv", encoding: .utf8)
    ) { error in
      XCTAssertEqual(error as? CSVError, .invalidBytes(file: "预算公开表03.csv", encoding: .utf8, line: 1, byteOffset: 4))
    }
  }

  func testGB18030CharacterSplitAcrossConversionChunksDecodes() throws {
    // One ASCII byte, then two-byte characters: one of them straddles the 64 KiB chunk boundary.
    let count = TextEncoding.decodeChunkSize / 2 + 10
    let expected = "a" + String(repeating: "中", count: count) + "\u{20000}"
    var bytes: [UInt8] = [UInt8(ascii: "a")]
    for _ in 0..<count { bytes += [0xD6, 0xD0] }
    bytes += [0x95, 0x32, 0x82, 0x36]
    XCTAssertEqual(TextEncoding.decodeChunkSize % 2, 0)
    let doc = try CSVReader.read(bytes: bytes, name: "big.csv")
    XCTAssertEqual(doc.detectedEncoding, .gb18030)
    XCTAssertTrue(doc.grid[0, 0] == .text(expected), "decoded text differs")
  }

  func testUTF16ByteOrderMarkIsRefused() {
    XCTAssertThrowsError(try CSVReader.read(bytes: [0xFF, 0xFE, 0x61, 0x00], name: "w.csv")) { error in
      XCTAssertEqual(error as? CSVError, .utf16NotSupported(file: "w.csv"))
    }
  }

  func testFieldAndFileLimits() {
    var limits = Limits()
    limits.maxCSVFieldBytes = 8
    XCTAssertNoThrow(try read("12345678,x\n", limits: limits))
    XCTAssertThrowsError(try read("ok\n123456789,x\n", limits: limits)) { error in
      XCTAssertEqual(error as? CSVError, .fieldTooLong(file: "t.csv", line: 2, limit: 8))
    }
    XCTAssertThrowsError(try read("ok\n\"12\n3456789\"\n", limits: limits)) { error in
      XCTAssertEqual(error as? CSVError, .fieldTooLong(file: "t.csv", line: 2, limit: 8))
    }
    limits = Limits()
    limits.maxFileBytes = 10
    XCTAssertThrowsError(try read("0123456789a", limits: limits)) { error in
      XCTAssertEqual(error as? CSVError, .fileTooLarge(file: "t.csv", bytes: 11, limit: 10))
    }
    XCTAssertThrowsError(try CSVReader.read(path: SheetsFixtures.root + "/csv/预算公开表03.csv", limits: limits)) {
      guard case .fileTooLarge(let file, _, 10)? = $0 as? CSVError else { return XCTFail("\($0)") }
      XCTAssertEqual(file, "预算公开表03.csv")
    }
    limits = Limits()
    limits.maxCellsPerSheet = 3
    XCTAssertThrowsError(try read("a,b\n,,c\nd\n", limits: limits)) { error in
      XCTAssertEqual(error as? CSVError, .tooManyCells(file: "t.csv", line: 3, limit: 3))
    }
  }

  func testMissingFileIsATypedError() {
    XCTAssertThrowsError(try CSVReader.read(path: "/nonexistent/dir/x.csv")) { error in
      XCTAssertEqual(error as? CSVError, .cannotRead(file: "x.csv", errno: ENOENT))
    }
  }

  // MARK: encodings

  func testEncodingSpellings() {
    XCTAssertEqual(TextEncoding(spelling: "GBK"), .gb18030)
    XCTAssertEqual(TextEncoding(spelling: "gb2312"), .gb18030)
    XCTAssertEqual(TextEncoding(spelling: "CP936"), .gb18030)
    XCTAssertEqual(TextEncoding(spelling: "gb18030"), .gb18030)
    XCTAssertEqual(TextEncoding(spelling: "utf8"), .utf8)
    XCTAssertEqual(TextEncoding(spelling: "UTF-8"), .utf8)
    XCTAssertEqual(TextEncoding(spelling: "utf-8-sig"), .utf8BOM)
    XCTAssertEqual(TextEncoding(spelling: "utf-8-bom"), .utf8BOM)
    XCTAssertNil(TextEncoding(spelling: "latin1"))
    XCTAssertEqual(TextEncoding.allCases.map(\.rawValue), ["utf-8", "utf-8-bom", "gb18030"])
  }

  func testLineNumbersCountCRLFOnce() {
    let bytes = Array("a\r\nb\rc\nd".utf8)
    XCTAssertEqual(TextEncoding.lineNumber(in: bytes, at: 0), 1)
    XCTAssertEqual(TextEncoding.lineNumber(in: bytes, at: 2), 1)  // the LF of line 1's CRLF
    XCTAssertEqual(TextEncoding.lineNumber(in: bytes, at: 3), 2)
    XCTAssertEqual(TextEncoding.lineNumber(in: bytes, at: 5), 3)
    XCTAssertEqual(TextEncoding.lineNumber(in: bytes, at: 7), 4)
  }

  func testStrictUTF8RejectsOverlongsSurrogatesAndTruncation() {
    XCTAssertNil(UTF8Check.firstInvalidOffset(Array("ascii 中文 \u{1F600} é".utf8), from: 0))
    XCTAssertEqual(UTF8Check.firstInvalidOffset([0x41, 0xC0, 0x80], from: 0), 1)  // overlong NUL
    XCTAssertEqual(UTF8Check.firstInvalidOffset([0xED, 0xA0, 0x80], from: 0), 0)  // surrogate
    XCTAssertEqual(UTF8Check.firstInvalidOffset([0xF4, 0x90, 0x80, 0x80], from: 0), 0)  // > U+10FFFF
    XCTAssertEqual(UTF8Check.firstInvalidOffset(Array(repeating: 0x41, count: 20) + [0xE4, 0xB8], from: 0), 20)
  }
}
