import Foundation
import TestSupport
import XCTest

@testable import Sheets

/// Formats are told by content: signatures, zip entry names, compound-file stream names.
final class FileFormatTests: XCTestCase {
  func testReadableFormatsAreToldByContent() throws {
    XCTAssertEqual(FileFormat(head: try Fixtures.bytes(Fixtures.sampleXLSX)), .xlsx)
    XCTAssertEqual(FileFormat(head: try Fixtures.bytes(XLSReaderTests.sampleXLS)), .xls)
    XCTAssertEqual(FileFormat(head: try Fixtures.bytes(Fixtures.fixtureJSON)), .json)
    XCTAssertEqual(FileFormat(head: try Fixtures.bytes(Fixtures.csvFile(1))), .text)
    XCTAssertEqual(
      FileFormat(head: try Fixtures.bytes(Fixtures.csvFile(1, folder: Fixtures.sampleGB18030Folder))), .text)
    XCTAssertEqual(FileFormat(head: Array("\u{FEFF}\n  {\"format\":1}".utf8)), .json)
    XCTAssertEqual(FileFormat(head: []), .empty)
  }

  func testRefusedFormatsAreNamed() {
    XCTAssertEqual(FileFormat(head: ForeignFiles.pdf()), .pdf)
    XCTAssertEqual(FileFormat(head: Array("\r\n".utf8) + ForeignFiles.pdf()), .pdf, "junk before %PDF-")
    XCTAssertEqual(FileFormat(head: ForeignFiles.png()), .image(.png))
    XCTAssertEqual(FileFormat(head: ForeignFiles.jpeg()), .image(.jpeg))
    XCTAssertEqual(FileFormat(head: ForeignFiles.gif()), .image(.gif))
    XCTAssertEqual(FileFormat(head: ForeignFiles.ods()), .ods)
    XCTAssertEqual(FileFormat(head: ForeignFiles.zipOfOtherFiles()), .archive(.zip))
    XCTAssertEqual(FileFormat(head: ForeignFiles.docx()), .document(.wordOpenXML))
    XCTAssertEqual(FileFormat(head: ForeignFiles.encryptedXLSX()), .encryptedWorkbook)
    XCTAssertEqual(FileFormat(head: ForeignFiles.wordDocument()), .document(.wordBinary))
    XCTAssertEqual(FileFormat(head: ForeignFiles.compoundFile(streams: ["Workbook"])), .xls)
    XCTAssertEqual(FileFormat(head: ForeignFiles.compoundFile(streams: ["Book"])), .xls, "BIFF5")
    XCTAssertEqual(FileFormat(head: ForeignFiles.compoundFile(streams: ["Contents"])), .document(.compoundFile))
    XCTAssertEqual(FileFormat(head: [0x1F, 0x8B, 0x08, 0]), .archive(.gzip))
  }

  /// Text that merely starts like a signature stays text: `BM…` is a CSV line, not a bitmap.
  func testTextThatStartsLikeASignatureIsText() {
    XCTAssertEqual(FileFormat(head: Array("BMW,宝马,1331.42\n2060101,行政运行,348.97\n".utf8)), .text)
    XCTAssertEqual(FileFormat(head: Array("GIF,1\n".utf8)), .text)
    XCTAssertEqual(FileFormat(head: Array("PK,科目\n".utf8)), .text)
  }

  /// A workbook cut short still has its first local headers: it goes to the xlsx reader, which
  /// says it is truncated, rather than being called "a zip of other things".
  func testTruncatedOrUnreadableContainersGoToTheirReaders() throws {
    XCTAssertEqual(FileFormat(head: HostileFiles.truncated()), .xlsx)
    XCTAssertEqual(FileFormat(head: [0x50, 0x4B, 0x03, 0x04]), .xlsx)
    XCTAssertEqual(FileFormat(head: HostileFiles.oleContainer()), .xls)
    let xls = try Fixtures.bytes(XLSReaderTests.sampleXLS)
    XCTAssertEqual(FileFormat(head: Array(xls.prefix(600))), .xls)
  }

  /// For a long file the central directory comes from the tail: entry names decide there.
  func testTheZipDirectoryIsReadFromTheTail() throws {
    let xlsx = try Fixtures.bytes(Fixtures.sampleXLSX)
    XCTAssertEqual(FileFormat(head: Array(xlsx.prefix(40)), tail: Array(xlsx.suffix(4096))), .xlsx)
    let other = ForeignFiles.zipOfOtherFiles()
    XCTAssertEqual(
      FileFormat(head: Array(other.prefix(40)), tail: Array(other.suffix(other.count - 40))), .archive(.zip))
  }

  /// Found by fuzzing (a 1 s timeout): a directory sector whose chain points back at itself was
  /// read 4,096 times. Each sector is now read once.
  func testRegression_ALoopingDirectoryChainIsReadOnce() {
    var bytes = ForeignFiles.encryptedXLSX()
    bytes[512 + 4] = 1  // the directory's allocation entry (sector 1) points at sector 1 again
    bytes[512 + 5] = 0
    bytes[512 + 6] = 0
    bytes[512 + 7] = 0
    XCTAssertEqual(CompoundFileDirectory(bytes: bytes)?.names, ["Root Entry", "EncryptionInfo", "EncryptedPackage"])
    XCTAssertEqual(FileFormat(head: bytes), .encryptedWorkbook)
  }

  func testAFileIsSniffedFromDisk() throws {
    let folder = try Fixtures.scratchFolder("yusuan-sniff")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try Fixtures.write(ForeignFiles.pdf(), to: folder + "/report.xlsx")
    XCTAssertEqual(FileFormat(path: folder + "/report.xlsx"), .pdf)
    XCTAssertEqual(FileFormat(path: XLSReaderTests.sampleXLS), .xls)
    XCTAssertNil(FileFormat(path: folder + "/missing.xls"))
  }

  /// Each refusal names the format and what to do, in both languages.
  func testRefusalMessagesNameTheFormatAndTheRemedy() {
    let cases: [(FileFormat, String, String)] = [
      (.pdf, "PDF", "PDF"), (.ods, ".ods", ".ods"), (.image(.png), "PNG", "PNG"),
      (.archive(.zip), "zip 压缩包", "zip archive"), (.encryptedWorkbook, "加密", "password-protected"),
      (.document(.wordOpenXML), "Word", "Word"),
    ]
    for (format, zh, en) in cases {
      let error = UnsupportedFormatError.refused(file: "x.xlsx", format: format)
      XCTAssertTrue(error.message(.zh).hasPrefix("x.xlsx："), error.message(.zh))
      XCTAssertTrue(error.message(.zh).contains(zh), error.message(.zh))
      XCTAssertTrue(error.message(.zh).contains(".xlsx 后再试") || error.message(.zh).contains("解压"), error.message(.zh))
      XCTAssertTrue(error.message(.en).contains(en), error.message(.en))
      XCTAssertTrue(
        error.message(.en).contains("save it as .xlsx") || error.message(.en).contains("extract"), error.message(.en))
    }
  }
}
