import Foundation
import TestSupport
import XCTest

/// LibreOffice headless, a second independent spreadsheet program, opens Yusuan's workbook and
/// converts it without complaint: every sheet to CSV (values as displayed) and the whole to PDF.
final class LibreOfficeTests: XCTestCase {
  /// The workbook written once for all tests, in a scratch folder.
  nonisolated(unsafe) static var workbook = ""

  override class func setUp() {
    super.setUp()
    guard let folder = try? Fixtures.scratchFolder("yusuan-e2e-libreoffice") else { return }
    let path = folder + "/公开表.xlsx"
    if let result = try? CLI.run(["convert", Fixtures.sampleXLSX, "-o", path]), result.status == 0 { workbook = path }
  }

  override class func tearDown() {
    if !workbook.isEmpty {
      try? FileManager.default.removeItem(at: URL(fileURLWithPath: workbook).deletingLastPathComponent())
    }
    super.tearDown()
  }

  /// `soffice` on PATH, or a clear failure: scripts/install-test-deps.sh installs it.
  func soffice() throws -> String {
    for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
      let candidate = "\(dir)/soffice"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    XCTFail("LibreOffice (soffice) is not installed; run scripts/install-test-deps.sh")
    throw Missing()
  }

  /// LibreOffice is absent (the failure is already recorded).
  struct Missing: Error {}

  /// Runs `soffice --headless --convert-to FILTER` on the workbook into a fresh folder, with a
  /// private profile so parallel or user instances do not interfere; returns the folder and stderr.
  func convert(_ filter: String, file: StaticString = #filePath, line: UInt = #line) throws -> (
    folder: String, stderr: String
  ) {
    let soffice = try soffice()
    XCTAssertFalse(Self.workbook.isEmpty, "yusuan convert failed to write the workbook", file: file, line: line)
    let out = try Fixtures.scratchFolder("yusuan-e2e-libreoffice-out")
    addTeardownBlock { try? FileManager.default.removeItem(atPath: out) }
    let result = try Subprocess.run(
      soffice,
      [
        "--headless", "-env:UserInstallation=file://\(out)/profile", "--convert-to", filter, "--outdir", out,
        Self.workbook,
      ])
    let stderr = result.stderr
    XCTAssertEqual(result.status, 0, "soffice exit status; stderr:\n\(stderr)", file: file, line: line)
    // LibreOffice reports an unloadable file on stderr ("Error: source file could not be loaded")
    // and still exits 0, so stderr is checked too; the javaldx notice is harmless.
    let complaints = stderr.split(separator: "\n").filter { $0.localizedCaseInsensitiveContains("error") }
    XCTAssertEqual(complaints, [], "soffice complained", file: file, line: line)
    return (out, stderr)
  }

  /// Rows of a CSV LibreOffice wrote (simple quoted-field split; the values here have no newlines).
  func rows(_ path: String) throws -> [[String]] {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    return text.split(separator: "\n").map { line in
      var fields: [String] = []
      var field = ""
      var quoted = false
      for ch in line {
        if ch == "\"" {
          quoted.toggle()
        } else if ch == "," && !quoted {
          fields.append(field)
          field = ""
        } else {
          field.append(ch)
        }
      }
      fields.append(field)
      return fields
    }
  }

  func testEverySheetConvertsToCSVWithTheDisplayedValues() throws {
    // Tokens: comma, double quote, UTF-8, from line 1, …, values as shown, all sheets (-1).
    let (out, _) = try convert("csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1")
    let stem = (Self.workbook as NSString).deletingPathExtension.split(separator: "/").last.map(String.init) ?? ""
    let sheet = { (n: Int) in "\(out)/\(stem)-预算公开表\(n).csv" }
    for n in 1...13 { XCTAssertTrue(FileManager.default.fileExists(atPath: sheet(n)), "no CSV for 预算公开表\(n)") }

    let t1 = try rows(sheet(1))
    XCTAssertEqual(t1.first?.first, "2023年预算收支总表")
    let income = try XCTUnwrap(t1.first { $0.first == "本年收入合计" }, "表1 has no 本年收入合计 row")
    XCTAssertEqual(income[1], "1,331.42", "表1 本年收入合计 as displayed (#,##0.00)")
    XCTAssertEqual(income[2], "本年支出合计")
    XCTAssertEqual(Array(income[3...4]), ["1,331.42", "1,331.42"])
    XCTAssertEqual(income[5], "", "上年结转安排 of 本年支出合计 is blank, not 0.00")
    let first = try XCTUnwrap(t1.first { $0.first == "一、一般公共预算" })
    XCTAssertEqual(first[1], "1,038.42")

    let t3 = try rows(sheet(3))
    // 合计 spans 科目编码 and 科目名称, as published: LibreOffice shows it in the first column.
    let total = try XCTUnwrap(t3.first { $0.count > 1 && $0[0] == "合计" && $0[1] == "" }, "表3 has no 合计 row over A:B")
    XCTAssertEqual(Array(total[2...4]), ["1,331.42", "972.35", "359.07"])
    let code = try XCTUnwrap(t3.first { $0.first == "2120899" }, "code 2120899 not kept as text")
    XCTAssertEqual(code[1], "其他国有土地使用权出让收入安排的支出")

    // 0.00 stays 0.00 and the empty-table note survives.
    let t9 = try rows(sheet(9))
    XCTAssertTrue(t9.contains { $0.first == "206" && $0.contains("0.00") }, "表9 lost its 0.00 amounts")
    XCTAssertTrue(t9.contains { $0.first == "注：本表无数据" }, "表9 lost 注：本表无数据")
  }

  func testWorkbookConvertsToPDF() throws {
    let (out, _) = try convert("pdf")
    let stem = (Self.workbook as NSString).deletingPathExtension.split(separator: "/").last.map(String.init) ?? ""
    let pdf = try Fixtures.bytes("\(out)/\(stem).pdf")
    XCTAssertEqual(Array(pdf.prefix(5)), Array("%PDF-".utf8))
    // 13 tables, A4 landscape: well over a few pages' worth of content.
    XCTAssertGreaterThan(pdf.count, 20_000)
    // Every page A4 landscape (842 × 595 pt), each table on its own page(s): at least 13 pages.
    let text = String(decoding: pdf, as: UTF8.self)
    let landscape = text.components(separatedBy: "MediaBox[0 0 841.889763779528 595.303937007874]").count - 1
    XCTAssertGreaterThanOrEqual(landscape, 13, "fewer than 13 A4 landscape pages")
    XCTAssertFalse(text.contains("MediaBox[0 0 595.3"), "a page is portrait")
  }
}
