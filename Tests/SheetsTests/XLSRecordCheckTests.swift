import TestSupport
import XCTest

@testable import Sheets

/// FreeXL 1.0.6 trusts the lengths a workbook declares; these lies are refused before it reads.
final class XLSRecordCheckTests: XCTestCase {
  func record(_ type: UInt16, _ payload: [UInt8]) -> [UInt8] {
    [UInt8(type & 0xFF), UInt8(type >> 8), UInt8(payload.count & 0xFF), UInt8(payload.count >> 8)] + payload
  }
  let bof: [UInt8] = [0x09, 0x08, 0x10, 0x00, 0x00, 0x06, 0x05, 0x00] + [UInt8](repeating: 0, count: 12)

  func damage(_ stream: [UInt8], biff5: Bool = false) -> BIFFRecordCheck.Damage? {
    do {
      try BIFFRecordCheck.check(stream, biff5: biff5)
      return nil
    } catch { return error }
  }

  /// A string record in BIFF8 form: count, flags, characters.
  func unicode(_ text: String, count: Int? = nil) -> [UInt8] {
    let bytes = Array(text.utf8)
    let n = count ?? bytes.count
    return [UInt8(n & 0xFF), UInt8(n >> 8), 0] + bytes
  }

  func testRegression_ARecordRunningPastTheStreamIsRefusedBeforeFreeXLReadsIt() {
    let stream = bof + record(0x23E, [UInt8](repeating: 0, count: 18))
    XCTAssertNil(damage(stream))
    var lying = stream
    lying[bof.count + 2] = 0x7A
    lying[bof.count + 3] = 0x0E
    XCTAssertEqual(damage(lying)?.detail, "record 0x23E at offset 20 runs past the end of the stream")
  }

  /// The mutation that crashed FreeXL inside freexl_open (a WINDOW2 record of 3,706 bytes), on
  /// the real sample file, for each sheet's WINDOW2: always a typed error naming the file (where
  /// the lying length happens to land on plausible records, FreeXL's own checks then refuse it).
  func testRegression_TheSampleWithALyingWindowRecordIsATypedError() throws {
    let bytes = try Fixtures.bytes(XLSReaderTests.sampleXLS)
    let window2: [UInt8] = [0x3E, 0x02, 0x12, 0x00]
    let found = (0..<(bytes.count - 4)).filter { bytes[$0..<($0 + 4)].elementsEqual(window2) }
    XCTAssertEqual(found.count, 13, "one WINDOW2 record per sheet")
    for at in found {
      var copy = bytes
      copy[at + 2] = 0x7A
      copy[at + 3] = 0x0E
      XCTAssertThrowsError(try XLSReader(bytes: copy, name: "lying.xls").grids()) {
        XCTAssertEqual(($0 as? XLSReadError)?.file, "lying.xls", "\($0)")
      }
    }
    XCTAssertThrowsError(
      try XLSReader(
        bytes: {
          var b = bytes
          b[found[5] + 3] = 0x0E
          return b
        }(), name: "lying.xls")
    ) {
      guard case .corruptWorkbook(_, nil, let detail) = $0 as? XLSReadError else { return XCTFail("\($0)") }
      XCTAssertTrue(detail.hasPrefix("record 0x"), "refused by the record check: \(detail)")
    }
    XCTAssertEqual(try XLSReader(bytes: bytes, name: "fine.xls").grids().count, 13)
  }

  /// The bad free inside freexl_open that fuzzing found: a sheet with a second DIMENSION record
  /// whose size FreeXL refuses to allocate; FreeXL then frees the sheet by the refused size.
  func testRegression_ASecondDimensionRecordInOneSheetIsRefusedBeforeFreeXLFreesBeyondTheCells() throws {
    func dimension(rows: UInt32, columns: UInt16) -> [UInt8] {
      record(
        0x200,
        [0, 0, 0, 0, UInt8(rows & 0xFF), UInt8(rows >> 8 & 0xFF), UInt8(rows >> 16 & 0xFF), UInt8(rows >> 24), 0, 0]
          + [UInt8(columns & 0xFF), UInt8(columns >> 8), 0, 0])
    }
    let eof = record(0x0A, [])
    let twoSheets = bof + dimension(rows: 3, columns: 2) + eof + bof + dimension(rows: 5, columns: 4) + eof
    XCTAssertNil(damage(twoSheets), "one DIMENSION per sheet is how every writer does it")
    let second = bof + dimension(rows: 3, columns: 2) + dimension(rows: 0x00FF_FFFF, columns: 256) + eof
    XCTAssertEqual(damage(second)?.detail, "record 0x200 at offset 38 is a second DIMENSION record in one sheet")

    // The same in a real workbook: one sheet's WINDOW2 (18 bytes) turned into a second,
    // unallocatable DIMENSION.
    let bytes = try Fixtures.bytes(XLSReaderTests.sampleXLS)
    let window2: [UInt8] = [0x3E, 0x02, 0x12, 0x00]
    let at = try XCTUnwrap((0..<(bytes.count - 4)).first { bytes[$0..<($0 + 4)].elementsEqual(window2) })
    var copy = bytes
    copy.replaceSubrange(at..<(at + 2), with: [0x00, 0x02])
    copy.replaceSubrange((at + 8)..<(at + 12), with: [0xFF, 0xFF, 0xFF, 0x00])
    copy.replaceSubrange((at + 14)..<(at + 16), with: [0x00, 0x01])
    XCTAssertThrowsError(try XLSReader(bytes: copy, name: "twice.xls").grids()) {
      guard case .corruptWorkbook(let file, nil, let detail) = $0 as? XLSReadError else { return XCTFail("\($0)") }
      XCTAssertEqual(file, "twice.xls")
      XCTAssertTrue(detail.hasSuffix("is a second DIMENSION record in one sheet"), detail)
    }
  }

  func testAStringLongerThanItsRecordIsRefused() {
    let label = record(0x204, [0, 0, 0, 0, 15, 0] + unicode("abc"))
    XCTAssertNil(damage(bof + label))
    let lying = record(0x204, [0, 0, 0, 0, 15, 0] + unicode("abc", count: 300))
    XCTAssertEqual(
      damage(bof + lying)?.detail,
      "record 0x204 at offset 20 holds a string of 300 characters that runs past the record")
    let sheet = record(0x85, [0, 0, 0, 0, 0, 0, 40, 0] + Array("Sheet1".utf8))
    XCTAssertNotNil(damage(bof + sheet), "BOUNDSHEET points beyond the stream and its name is longer than the record")
  }

  /// Shared strings may continue into CONTINUE records, which start with a new flags byte.
  func testSharedStringsAcrossContinueRecordsAreFollowed() {
    let header: [UInt8] = [2, 0, 0, 0, 2, 0, 0, 0]
    let first = unicode("ab")
    let secondStart: [UInt8] = [6, 0, 0] + Array("abc".utf8)
    let sst = record(0xFC, header + first + secondStart)
    let continuation = record(0x3C, [1] + Array("d\0e\0f\0".utf8))
    XCTAssertNil(damage(bof + sst + continuation))
    XCTAssertEqual(damage(bof + sst)?.detail, "the shared-strings table at offset 20 ends inside a string")
    let longer = record(0x3C, [1] + Array("d\0e\0".utf8))
    XCTAssertNotNil(damage(bof + sst + longer), "one character short")
  }

  func testMultipleCellRecordsMustMatchTheirColumns() {
    let mulrk = record(0xBD, [0, 0, 1, 0] + [UInt8](repeating: 0, count: 12) + [2, 0])
    XCTAssertNil(damage(bof + mulrk))
    let lying = record(0xBD, [0, 0, 1, 0] + [UInt8](repeating: 0, count: 12) + [200, 0])
    XCTAssertEqual(damage(bof + lying)?.detail, "record 0xBD at offset 20 lists columns 1–200 in 18 bytes")
    XCTAssertNotNil(damage(bof + record(0x203, [0, 0, 0, 0])), "a NUMBER record too short for its value")
  }

  func testAFilepassRecordMeansEncrypted() {
    XCTAssertEqual(damage(bof + record(0x2F, [1, 0, 1, 0]))?.encrypted, true)
  }

  func testALoopingSectorChainIsRefused() throws {
    var bytes = try Fixtures.bytes(XLSReaderTests.sampleXLS)
    XCTAssertNoThrow(try CompoundFileStream(file: bytes))
    // The directory's first sector, made to point back at itself in the allocation table.
    let fatSector = Int(bytes[0x4C]) | Int(bytes[0x4D]) << 8
    let directory = Int(bytes[0x30]) | Int(bytes[0x31]) << 8
    XCTAssertLessThan(directory, 128, "its entry lies in the first allocation-table sector")
    let entry = (fatSector + 1) * 512 + 4 * directory
    bytes[entry..<(entry + 4)] = [UInt8(directory & 0xFF), UInt8(directory >> 8), 0, 0]
    XCTAssertThrowsError(try XLSReader(bytes: bytes, name: "loop.xls")) {
      guard case .corruptContainer("loop.xls", _) = $0 as? XLSReadError else { return XCTFail("\($0)") }
    }
  }
}

/// FreeXL is given the checked stream in a container Yusuan builds: found by fuzzing, FreeXL read
/// past its buffers on a file whose own directory was damaged while its Workbook stream was fine.
final class XLSCleanContainerTests: XCTestCase {
  func testTheCleanContainerHoldsExactlyTheCheckedStream() throws {
    let original = try CompoundFileStream(file: try Fixtures.bytes(XLSReaderTests.sampleXLS))
    let rebuilt = CleanContainer.bytes(holding: original.bytes, biff5: false)
    XCTAssertEqual(rebuilt.count % 4096, 0)
    let again = try CompoundFileStream(file: rebuilt)
    XCTAssertEqual(Array(again.bytes.prefix(original.bytes.count)), original.bytes)
    XCTAssertTrue(again.bytes.dropFirst(original.bytes.count).allSatisfy { $0 == 0 }, "padded with empty records")
    XCTAssertEqual(FileFormat(head: rebuilt), .xls)
  }

  /// An .xls saved with an open password (a FILEPASS record after the first BOF) is named encrypted.
  func testAPasswordProtectedXLSIsNamedEncrypted() throws {
    let stream = try CompoundFileStream(file: try Fixtures.bytes(XLSReaderTests.sampleXLS)).bytes
    let bofEnd = 4 + (Int(stream[2]) | Int(stream[3]) << 8)
    let filepass: [UInt8] = [0x2F, 0x00, 0x06, 0x00, 0x01, 0x00, 0x01, 0x00, 0x01, 0x00]
    let locked = CleanContainer.bytes(
      holding: Array(stream[..<bofEnd]) + filepass + Array(stream[bofEnd...]), biff5: false)
    XCTAssertThrowsError(try XLSReader(bytes: locked, name: "locked.xls")) {
      XCTAssertEqual($0 as? XLSReadError, .encrypted(file: "locked.xls"))
      XCTAssertTrue(($0 as? XLSReadError)?.message(.zh).contains("加密（设置了打开密码）") == true)
    }
  }

  /// A stream shorter than the mini-stream cutoff is padded into ordinary sectors, and reads.
  func testASmallStreamIsPaddedOutOfTheMiniStream() throws {
    let bof: [UInt8] = [0x09, 0x08, 0x10, 0x00, 0x00, 0x06, 0x05, 0x00] + [UInt8](repeating: 0, count: 12)
    let eof: [UInt8] = [0x0A, 0x00, 0x00, 0x00]
    let rebuilt = CleanContainer.bytes(holding: bof + eof, biff5: false)
    let again = try CompoundFileStream(file: rebuilt)
    XCTAssertEqual(again.bytes.count, 4096)
    XCTAssertEqual(Array(again.bytes.prefix(24)), bof + eof)
    XCTAssertEqual(try XLSReader(bytes: rebuilt, name: "tiny.xls").sheetNames, [])
  }
}
