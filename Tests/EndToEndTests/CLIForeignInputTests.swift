import Foundation
import TestSupport
import XCTest

/// Files are named for what they are: legacy .xls is read; a PDF, an .ods, an image, an archive,
/// an encrypted workbook is refused with what it is and what to do, exit status 2.
final class CLIForeignInputTests: XCTestCase {
  var dir = ""

  override func setUpWithError() throws { dir = try Fixtures.scratchFolder("yusuan-foreign") }
  override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: dir) }

  static let sampleXLS = Fixtures.repoRoot.appendingPathComponent("Tests/Fixtures/datong-kejiju-2023.xls").path

  /// (file name, bytes, Chinese words, English words) of each refused format; several carry a
  /// workbook's name, as users rename files.
  static let refused: [(String, [UInt8], String, String)] = [
    ("预算.pdf", ForeignFiles.pdf(), "这是 PDF 文件", "this is a PDF document"),
    ("预算-转换.xlsx", ForeignFiles.pdf(), "这是 PDF 文件", "this is a PDF document"),
    ("预算.ods", ForeignFiles.ods(), "OpenDocument 电子表格（.ods）", "OpenDocument spreadsheet (.ods)"),
    ("预算.xlsx", ForeignFiles.ods(), "OpenDocument 电子表格（.ods）", "OpenDocument spreadsheet (.ods)"),
    ("扫描.png", ForeignFiles.png(), "这是 PNG 图片", "this is a PNG image"),
    ("扫描.jpg", ForeignFiles.jpeg(), "这是 JPEG 图片", "this is a JPEG image"),
    ("扫描.xls", ForeignFiles.gif(), "这是 GIF 图片", "this is a GIF image"),
    ("材料.zip", ForeignFiles.zipOfOtherFiles(), "zip 压缩包", "zip archive"),
    ("材料.xlsx", ForeignFiles.zipOfOtherFiles(), "zip 压缩包", "zip archive"),
    ("加密.xlsx", ForeignFiles.encryptedXLSX(), "加密（设置了打开密码）的工作簿", "password-protected"),
    ("说明.docx", ForeignFiles.docx(), "Word 文档（.docx）", "a Word document (.docx)"),
    ("说明.xls", ForeignFiles.wordDocument(), "Word 文档（.doc）", "a Word document (.doc)"),
  ]

  func testEachRefusedFormatIsNamedWithWhatToDoAndExitsTwo() throws {
    for (name, bytes, zh, en) in Self.refused {
      let path = dir + "/" + name
      try Fixtures.write(bytes, to: path)
      let convert = try E2E.expect(2, ["convert", path, "-o", dir + "/out.json"])
      XCTAssertTrue(convert.stderr.contains(path + "：这是"), "\(name): \(convert.stderr)")
      XCTAssertTrue(convert.stderr.contains(zh), "\(name): \(convert.stderr)")
      XCTAssertTrue(
        convert.stderr.contains("另存为 .xlsx") || convert.stderr.contains("请先解压"), "\(name): \(convert.stderr)")
      XCTAssertFalse(convert.stderr.contains("编码"), "not taken for a CSV: \(convert.stderr)")
      let english = try E2E.expect(2, ["validate", path, "--lang", "en"])
      XCTAssertTrue(english.stderr.contains(en), "\(name): \(english.stderr)")
      XCTAssertTrue(
        english.stderr.contains("save it as .xlsx") || english.stderr.contains("extract it"),
        "\(name): \(english.stderr)")
      let inspect = try E2E.expect(2, ["inspect", path])
      XCTAssertTrue(inspect.stderr.contains(zh), "\(name): \(inspect.stderr)")
      XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/out.json"))
    }
  }

  /// The Datong sample saved as .xls by LibreOffice converts to the sample's model: every table,
  /// every amount, equal.
  func testXLSConvertsToTheModelOfTheXLSX() throws {
    try E2E.expect(0, ["convert", Self.sampleXLS, "-o", dir + "/from-xls.json"])
    let model = try E2E.model(dir + "/from-xls.json")
    XCTAssertEqual(model.tables.count, 13)
    XCTAssertEqual(model.withoutProvenance(), try E2E.reference())
    let inspect = try E2E.expect(0, ["inspect", Self.sampleXLS])
    XCTAssertTrue(inspect.stdout.contains("工作表 1「预算公开表1」"), inspect.stdout)
    XCTAssertTrue(inspect.stdout.contains("共识别 13 张表"), inspect.stdout)
  }

  /// A real .xls named .xlsx (or WPS .et) is read by its content too.
  func testAnXLSUnderAnotherNameIsReadByItsContent() throws {
    for name in ["部门预算.xlsx", "部门预算.et", "部门预算.csv"] {
      try Fixtures.write(try Fixtures.bytes(Self.sampleXLS), to: dir + "/" + name)
      try E2E.expect(0, ["convert", dir + "/" + name, "-o", dir + "/out.json"])
      XCTAssertEqual(try E2E.model(dir + "/out.json").withoutProvenance(), try E2E.reference(), name)
    }
  }

  func testADamagedXLSIsATypedErrorWithTheFile() throws {
    let sample = try Fixtures.bytes(Self.sampleXLS)
    let path = dir + "/坏.xls"
    try Fixtures.write(Array(sample.prefix(4096)), to: path)
    let result = try E2E.expect(2, ["convert", path, "-o", dir + "/out.json"])
    XCTAssertTrue(result.stderr.contains(path + "：.xls"), result.stderr)
    XCTAssertTrue(result.stderr.contains("已损坏"), result.stderr)
  }

  /// Batch lists .xls (and .et) workbooks as departments, reads them, and its report carries
  /// the refusal message of a renamed PDF.
  func testBatchReadsXLSAndReportsRefusals() throws {
    try Fixtures.write(try Fixtures.bytes(Self.sampleXLS), to: dir + "/in/a/legacy.xls")
    try Fixtures.write(try Fixtures.bytes(Self.sampleXLS), to: dir + "/in/a/wps.et")
    try Fixtures.write(ForeignFiles.pdf(), to: dir + "/in/scan.xlsx")
    try Fixtures.write(ForeignFiles.encryptedXLSX(), to: dir + "/in/locked.xls")
    try E2E.expect(2, ["batch", dir + "/in", "-o", dir + "/out", "--to", "json", "--report", dir + "/report.json"])
    let json = try JSONSerialization.jsonObject(with: Data(try Fixtures.bytes(dir + "/report.json"))) as? [String: Any]
    let rows = json?["rows"] as? [[String: Any]] ?? []
    XCTAssertEqual(rows.compactMap { $0["file"] as? String }, ["a/legacy.xls", "a/wps.et", "locked.xls", "scan.xlsx"])
    XCTAssertEqual(rows.compactMap { $0["status"] as? String }, ["ok", "ok", "unreadable", "unreadable"])
    let errors = rows.map { $0["error"] as? String ?? "" }
    XCTAssertTrue(errors[2].contains("加密（设置了打开密码）的工作簿"), errors[2])
    XCTAssertTrue(errors[3].contains("这是 PDF 文件") && errors[3].contains("另存为 .xlsx"), errors[3])
    XCTAssertEqual(try E2E.model(dir + "/out/a/legacy.json").withoutProvenance(), try E2E.reference())
  }
}
