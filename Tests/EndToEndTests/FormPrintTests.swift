import Foundation
import TestSupport
import XCTest

/// The 绩效目标申报表 sheets of the formatted workbook print as the official forms do: LibreOffice
/// headless turns the workbook into a PDF, and pdftotext reads it page by page.
final class FormPrintTests: XCTestCase {
  /// A program on PATH, or a clear failure: scripts/install-test-deps.sh installs both.
  static func tool(_ name: String) throws -> String {
    for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
      let candidate = "\(dir)/\(name)"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    XCTFail("\(name) is not installed; run scripts/install-test-deps.sh")
    throw Missing()
  }

  /// A checker is absent (the failure is already recorded).
  struct Missing: Error {}

  /// The text of every page of the sample's forms, printed by LibreOffice.
  func printedPages() throws -> [String] {
    let soffice = try Self.tool("soffice")
    let pdftotext = try Self.tool("pdftotext")
    let folder = try Fixtures.scratchFolder("yusuan-e2e-form-print")
    addTeardownBlock { try? FileManager.default.removeItem(atPath: folder) }
    let forms = Fixtures.sampleInput.appendingPathComponent("datong-kejiju-2023-performance.xlsx").path
    let converted = try CLI.run(["convert", forms, "-o", "\(folder)/forms.xlsx"])
    XCTAssertEqual(converted.status, 0, converted.stderr)
    let pdf = try Subprocess.run(
      soffice,
      [
        "--headless", "-env:UserInstallation=file://\(folder)/profile", "--convert-to", "pdf", "--outdir", folder,
        "\(folder)/forms.xlsx",
      ])
    XCTAssertEqual(pdf.status, 0, pdf.stderr)
    let text = try Subprocess.run(pdftotext, ["-layout", "\(folder)/forms.pdf", "-"])
    XCTAssertEqual(text.status, 0, text.stderr)
    // pdftotext ends every page with a form feed.
    let info = try Subprocess.run(try Self.tool("pdfinfo"), ["\(folder)/forms.pdf"])
    XCTAssertTrue(info.stdout.contains("841.89 x 595.3"), "A4 landscape:\n\(info.stdout)")
    var pages = text.stdout.components(separatedBy: "\u{0C}")
    if pages.last?.trimmingCharacters(in: .whitespacesAndNewlines) == "" { pages.removeLast() }
    return pages
  }

  func testEveryFormPrintsOnOnePageWithItsAmountsAndADate() throws {
    let pages = try printedPages()
    // The sample has 11 forms; before page setup each split over two or three portrait pages.
    XCTAssertEqual(pages.count, 11, "one page per form")
    for (n, page) in pages.enumerated() {
      XCTAssertTrue(page.contains("大同市市级预算部门（单位）项目支出绩效目标申报表"), "page \(n + 1) lacks the whole title")
      XCTAssertTrue(page.contains("年度资金总额"), "page \(n + 1) lacks the 年度资金 amounts")
      XCTAssertTrue(page.contains("填报日期"), "page \(n + 1) lacks the footer")
      XCTAssertTrue(page.contains("满意度指标"), "page \(n + 1) lacks the last indicators")
    }
    XCTAssertTrue(pages[0].contains("16,900"), "J局机关电费's 年度资金总额 is on its page")
    XCTAssertTrue(pages[0].contains("2023-01-05 11:33:50"), "填报日期 printed as a date")
    XCTAssertFalse(pages.joined().contains("20230105113350"), "填报日期 printed as raw digits")
  }
}

/// The tables print with the `预算公开表N` label above them, on every page (the page header).
final class TablePrintTests: XCTestCase {
  func testEveryTablePagePrintsItsLabelAboveItsTitle() throws {
    let soffice = try FormPrintTests.tool("soffice")
    let pdftotext = try FormPrintTests.tool("pdftotext")
    let folder = try Fixtures.scratchFolder("yusuan-e2e-table-print")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let converted = try CLI.run(["convert", Fixtures.sampleXLSX, "-o", "\(folder)/公开表.xlsx"])
    XCTAssertEqual(converted.status, 0, converted.stderr)
    let pdf = try Subprocess.run(
      soffice,
      [
        "--headless", "-env:UserInstallation=file://\(folder)/profile", "--convert-to", "pdf", "--outdir", folder,
        "\(folder)/公开表.xlsx",
      ])
    XCTAssertEqual(pdf.status, 0, pdf.stderr)
    let text = try Subprocess.run(pdftotext, ["\(folder)/公开表.pdf", "-"])
    var pages = text.stdout.components(separatedBy: "\u{0C}")
    if pages.last?.trimmingCharacters(in: .whitespacesAndNewlines) == "" { pages.removeLast() }
    XCTAssertGreaterThanOrEqual(pages.count, 13)
    var labels: [String] = []
    for (n, page) in pages.enumerated() {
      let lines = page.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
      XCTAssertTrue(lines.first?.hasPrefix("预算公开表") == true, "page \(n + 1) starts with \(lines.first ?? "nothing")")
      XCTAssertTrue(lines.dropFirst().first?.hasPrefix("2023年") == true, "page \(n + 1): the title follows the label")
      if let first = lines.first, labels.last != first { labels.append(first) }
    }
    XCTAssertEqual(labels, (1...13).map { "预算公开表\($0)" })
  }
}
