import XCTest

@testable import Sheets

/// Runs python3 (with openpyxl) to read back what the writer produced, independently of our own reader.
enum PythonCheck {
  /// python3 from PATH, or nil.
  static let python3: String? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    return path.split(separator: ":").map { "\($0)/python3" }.first { FileManager.default.isExecutableFile(atPath: $0) }
  }()

  /// Runs `script` with `arguments`; fails the test clearly when python3 or openpyxl is missing.
  /// Returns stdout when the script exits 0, else records a failure with its output.
  @discardableResult
  static func run(_ script: String, _ arguments: [String], file: StaticString = #filePath, line: UInt = #line) -> String
  {
    guard let python3 else {
      XCTFail("python3 not found on PATH; run scripts/install-test-deps.sh", file: file, line: line)
      return ""
    }
    let prelude = """
      import sys, json, zipfile
      try:
          import openpyxl
      except ImportError:
          print("openpyxl is not installed for " + sys.executable)
          sys.exit(77)
      fails = []
      def check(label, got, want):
          if got != want:
              fails.append(f"{label}: got {got!r}, want {want!r}")

      """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: python3)
    process.arguments =
      ["-c", prelude + script + "\nprint('\\n'.join(fails))\nsys.exit(1 if fails else 0)\n"] + arguments
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    do { try process.run() } catch {
      XCTFail("cannot run \(python3): \(error)", file: file, line: line)
      return ""
    }
    let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    switch process.terminationStatus {
    case 0: return stdout
    case 77:
      XCTFail(
        "\(stdout.trimmingCharacters(in: .whitespacesAndNewlines)); run scripts/install-test-deps.sh", file: file,
        line: line)
    default: XCTFail("python check failed:\n\(stdout)\(stderr)", file: file, line: line)
    }
    return stdout
  }
}

final class XLSXWriterTests: XCTestCase {
  private var dir = ""

  override func setUp() {
    dir = SheetsFixtures.scratchDirectory(for: self)
  }

  static let title = CellStyle(fontName: "宋体", fontSize: 16, bold: true, horizontal: .center, vertical: .center)
  static let header = CellStyle(
    fontName: "宋体", bold: true, horizontal: .center, vertical: .center, wrap: true, border: .thin)
  static let code = CellStyle(fontName: "宋体", horizontal: .left, border: .thin, numberFormat: "@")
  static let name = CellStyle(fontName: "宋体", horizontal: .left, border: .thin, indent: 1)
  static let amount = CellStyle(fontName: "宋体", horizontal: .right, border: .thin, numberFormat: "#,##0.00")

  /// A small 表3 laid out the way the renderer will: merged title and headers, codes as text, amounts.
  static func budgetSheet() -> StyledSheet {
    var sheet = StyledSheet(name: "预算公开表3")
    sheet.merge(CellRange(a1: "A1:E1")!, value: .text("2023年预算支出总表"), style: title)
    sheet.set(.text("部门名称：大同市科学技术局[部门]"), row: 1, column: 0)
    sheet.set(.text("单位：万元"), row: 1, column: 4, style: CellStyle(horizontal: .right))
    sheet.merge(CellRange(a1: "A3:B3")!, value: .text("项目"), style: header)
    sheet.merge(CellRange(a1: "C3:E3")!, value: .text("2023年预算数"), style: header)
    for (c, h) in ["科目编码", "科目名称", "合计", "基本支出", "项目支出"].enumerated() {
      sheet.set(.text(h), row: 3, column: c, style: header)
    }
    sheet.merge(CellRange(a1: "A5:B5")!, value: .text("合计"), style: header)
    sheet.set(.number("1331.42"), row: 4, column: 2, style: amount)
    sheet.set(.number("972.35"), row: 4, column: 3, style: amount)
    sheet.set(.number("359.07"), row: 4, column: 4, style: amount)
    let rows: [(String, String, String?, String?, String?)] = [
      ("2060101", "行政运行", "348.97", "302.90", "46.07"),
      ("2060201", "机构运行", "139.13", "139.13", nil),
      ("2080505", "机关事业单位基本养老保险缴费支出", "0.00", "0.00", nil),
    ]
    for (i, r) in rows.enumerated() {
      let row = 5 + i
      sheet.set(.text(r.0), row: row, column: 0, style: code)
      sheet.set(.text(r.1), row: row, column: 1, style: name)
      for (c, v) in [r.2, r.3, r.4].enumerated() {
        sheet.set(v.map(CellValue.number), row: row, column: 2 + c, style: amount)
      }
    }
    // A number inside a merge (merge_range writes only strings).
    sheet.merge(CellRange(a1: "C9:D9")!, value: .number("12.5"), style: amount)
    sheet.columnWidths = [0: 12, 1: 36.5, 2: 14]
    sheet.rowHeights = [0: 30]
    sheet.freezePanes = CellAddress(a1: "C5")
    sheet.print = PrintSetup(
      orientation: .landscape, paper: PrintSetup.a4, fitToPagesWide: 1, fitToPagesTall: 0, repeatRows: 2...3,
      header: "&C预算公开表3", footer: "&C第 &P 页 共 &N 页",
      margins: .init(left: 0.5, right: 0.4, top: 0.75, bottom: 0.6), centerHorizontally: true)
    sheet.ignoreNumberStoredAsText = [CellRange(a1: "A6:A100")!, CellRange(a1: "G1")!]
    return sheet
  }

  func testStyledSheetReadsBackWithOpenpyxl() throws {
    var other = StyledSheet(name: "Other")
    other.set(.bool(true), row: 0, column: 0)
    other.set(.error("#DIV/0!"), row: 0, column: 1)
    other.set(.number("-3E-2"), row: 0, column: 2)
    other.set(nil, row: 2, column: 2, style: CellStyle(border: .thin))
    let workbook = StyledWorkbook(
      sheets: [Self.budgetSheet(), other],
      properties: DocumentProperties(
        title: "大同市科学技术局2023年部门预算", subject: "部门预算公开", author: "Yusuan", company: "大同市科学技术局",
        comments: "生成", custom: ["yusuan-version": "0.1.0", "source-sha256": "abc"]))
    let path = dir + "/out.xlsx"
    try XLSXWriter.write(workbook, to: path)
    XCTAssertEqual(SheetsFixtures.entries(dir), ["out.xlsx"])
    PythonCheck.run(
      """
      wb = openpyxl.load_workbook(sys.argv[1])
      check("sheets", wb.sheetnames, ["预算公开表3", "Other"])
      ws = wb["预算公开表3"]
      def cell(a): c = ws[a]; return (type(c.value).__name__, c.value)
      check("A1", cell("A1"), ("str", "2023年预算支出总表"))
      check("E2", cell("E2"), ("str", "单位：万元"))
      check("C5", cell("C5"), ("float", 1331.42))
      check("A6", cell("A6"), ("str", "2060101"))
      check("C6", cell("C6"), ("float", 348.97))
      check("D6", cell("D6"), ("float", 302.9))
      check("E7 blank", cell("E7"), ("NoneType", None))
      check("C8 zero", cell("C8"), ("int", 0))
      check("C9 merged number", cell("C9"), ("float", 12.5))
      check("A6 format", ws["A6"].number_format, "@")
      check("C6 format", ws["C6"].number_format, "#,##0.00")
      check("E7 format (styled blank)", ws["E7"].number_format, "#,##0.00")
      check("E7 border", ws["E7"].border.left.style, "thin")
      check("A1 font", (ws["A1"].font.name, ws["A1"].font.b, ws["A1"].font.sz), ("宋体", True, 16.0))
      check("A1 align", (ws["A1"].alignment.horizontal, ws["A1"].alignment.vertical), ("center", "center"))
      check("B6 indent", ws["B6"].alignment.indent, 1.0)
      check("A4 wrap", ws["A4"].alignment.wrap_text, True)
      check("merges", sorted(str(r) for r in ws.merged_cells.ranges), ["A1:E1", "A3:B3", "A5:B5", "C3:E3", "C9:D9"])
      check("merge border on covered cell", ws["E3"].border.top.style, "thin")
      check("orientation", ws.page_setup.orientation, "landscape")
      check("paper", int(ws.page_setup.paperSize), 9)
      # fitToWidth="1" is the schema default, so libxlsxwriter leaves it out and openpyxl reports None.
      check("fitToWidth", int(ws.page_setup.fitToWidth or 1), 1)
      check("fitToHeight", int(ws.page_setup.fitToHeight), 0)
      check("fitToPage", ws.sheet_properties.pageSetUpPr.fitToPage, True)
      check("print_title_rows", ws.print_title_rows, "$3:$4")
      check("freeze", ws.freeze_panes, "C5")
      check("footer", ws.oddFooter.center.text, "第 &P 页 共 &N 页")
      check("header", ws.oddHeader.center.text, "预算公开表3")
      check("margins", (ws.page_margins.left, ws.page_margins.right, ws.page_margins.top, ws.page_margins.bottom), (0.5, 0.4, 0.75, 0.6))
      check("centered", ws.print_options.horizontalCentered, True)
      check("width A", round(ws.column_dimensions["A"].width, 2), 12.71)
      check("width B", round(ws.column_dimensions["B"].width, 2), 37.29)  # 36.5 chars → 261 px
      check("height 1", ws.row_dimensions[1].height, 30)
      o = wb["Other"]
      check("bool", o["A1"].value, True)
      check("error as text", o["B1"].value, "#DIV/0!")
      check("exponent", o["C1"].value, -0.03)
      p = wb.properties
      check("props", (p.title, p.subject, p.creator), ("大同市科学技术局2023年部门预算", "部门预算公开", "Yusuan"))
      check("custom", sorted((c.name, c.value) for c in wb.custom_doc_props.props), [("source-sha256", "abc"), ("yusuan-version", "0.1.0")])
      z = zipfile.ZipFile(sys.argv[1])
      xml = z.read("xl/worksheets/sheet1.xml").decode()
      check("exact number text", "<v>1331.42</v>" in xml and "<v>302.9</v>" in xml, True)
      check("page setup xml", '<pageSetup paperSize="9" fitToHeight="0" orientation="landscape"/>' in xml, True)
      check("ignored errors", '<ignoredError sqref="A6:A100 G1" numberStoredAsText="1"/>' in xml, True)
      check("company", "<Company>大同市科学技术局</Company>" in z.read("docProps/app.xml").decode(), True)
      """, [path])
  }

  func testFormatsAreCreatedOncePerDistinctStyle() throws {
    let path = dir + "/styles.xlsx"
    try XLSXWriter.write(StyledWorkbook(sheets: [Self.budgetSheet()]), to: path)
    // Styles used: title, header, code, name, amount, right-aligned unit, plus the default = 7 cellXfs.
    PythonCheck.run(
      """
      xml = zipfile.ZipFile(sys.argv[1]).read("xl/styles.xml").decode()
      import re
      check("cellXfs count", re.search(r'<cellXfs count="(\\d+)"', xml).group(1), "7")
      """, [path])
  }

  private func sheetXML(_ path: String) -> String {
    PythonCheck.run("print(zipfile.ZipFile(sys.argv[1]).read('xl/worksheets/sheet1.xml').decode())", [path])
  }

  func testNumbersStayExactUnderACommaDecimalLocaleInTheEnvironment() throws {
    setenv("LC_ALL", "de_DE.UTF-8", 1)
    setenv("LC_NUMERIC", "de_DE.UTF-8", 1)
    defer {
      unsetenv("LC_ALL")
      unsetenv("LC_NUMERIC")
    }
    var sheet = StyledSheet(name: "S")
    sheet.set(.number("1331.42"), row: 0, column: 0, style: Self.amount)
    let path = dir + "/de.xlsx"
    try XLSXWriter.write(StyledWorkbook(sheets: [sheet]), to: path)
    XCTAssertTrue(sheetXML(path).contains("<v>1331.42</v>"))
  }

  func testNumbersStayExactWhenTheThreadLocaleUsesDecimalCommas() throws {
    guard let german = newlocale(Int32(1) << LC_NUMERIC, "de_DE.UTF-8", nil) else {
      return XCTFail("locale de_DE.UTF-8 is not installed; run scripts/install-test-deps.sh")
    }
    let previous = uselocale(german)
    defer {
      uselocale(previous)
      freelocale(german)
    }
    // The hazard is real: under this locale C's printf writes a decimal comma.
    var buffer = [CChar](repeating: 0, count: 32)
    _ = withVaList([1331.42]) { vsnprintf(&buffer, buffer.count, "%.16G", $0) }
    XCTAssertEqual(buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }, "1331,42")

    var sheet = StyledSheet(name: "S")
    sheet.set(.number("1331.42"), row: 0, column: 0)
    sheet.set(.number("-0.5"), row: 0, column: 1)
    sheet.columnWidths = [0: 12.5]
    let path = dir + "/de.xlsx"
    try XLSXWriter.write(StyledWorkbook(sheets: [sheet]), to: path)
    uselocale(previous)
    let xml = sheetXML(path)
    XCTAssertTrue(xml.contains("<v>1331.42</v>"), xml)
    XCTAssertTrue(xml.contains("<v>-0.5</v>"), xml)
    XCTAssertTrue(xml.contains("width=\"13.2"), xml)
  }
}

/// Where libxlsxwriter keeps a workbook's part files while writing it.
final class XLSXWriterScratchTests: XCTestCase {
  func testSmallWorkbooksUseMemoryUnlessTheUserChoseATemporaryDirectory() throws {
    let previous = getenv("TMPDIR").map { String(cString: $0) }
    defer {
      if let previous { setenv("TMPDIR", previous, 1) } else { unsetenv("TMPDIR") }
    }
    unsetenv("TMPDIR")
    var stats = statvfs()
    let usable = access("/dev/shm", W_OK | X_OK) == 0 && statvfs("/dev/shm", &stats) == 0
    let room = usable ? Int(UInt64(stats.f_bavail) * UInt64(stats.f_frsize)) : 0
    let expected = usable && WorkbookHandle.fits(300_000, room: room) ? "/dev/shm" : nil
    XCTAssertEqual(WorkbookHandle.scratchDirectory(forBytes: 300_000), expected)
    XCTAssertNil(WorkbookHandle.scratchDirectory(forBytes: 64 << 20), "large workbooks keep the default")
    setenv("TMPDIR", "/var/tmp", 1)
    XCTAssertNil(WorkbookHandle.scratchDirectory(forBytes: 300_000), "TMPDIR is the user's choice")
  }

  func testMemoryIsUsedOnlyForSmallWorkbooksWithAmpleRoom() {
    let gib = 1 << 30
    XCTAssertTrue(WorkbookHandle.fits(300_000, room: gib))
    XCTAssertTrue(WorkbookHandle.fits(16 << 20, room: gib))
    XCTAssertFalse(WorkbookHandle.fits((16 << 20) + 1, room: gib), "over 16 MB of XML")
    XCTAssertFalse(WorkbookHandle.fits(300_000, room: (64 << 20) - 1), "under 64 MB free")
    XCTAssertTrue(WorkbookHandle.fits(300_000, room: 64 << 20))
    XCTAssertFalse(WorkbookHandle.fits(10 << 20, room: 79 << 20), "less than 8 times the estimate free")
    XCTAssertTrue(WorkbookHandle.fits(10 << 20, room: 80 << 20))
  }

  func testTheEstimateGrowsWithCellsAndMerges() {
    var workbook = StyledWorkbook(sheets: [XLSXWriterTests.budgetSheet()])
    let one = XLSXWriter.xmlEstimate(workbook)
    XCTAssertEqual(one, 200 * (workbook.sheets[0].cellCount + workbook.sheets[0].merges.count))
    workbook.sheets.append(XLSXWriterTests.budgetSheet())
    XCTAssertEqual(XLSXWriter.xmlEstimate(workbook), 2 * one)
  }

  func testAWorkbookWrittenThroughEitherDirectoryReadsBackTheSame() throws {
    let dir = SheetsFixtures.scratchDirectory(for: self)
    let workbook = StyledWorkbook(sheets: [XLSXWriterTests.budgetSheet()])
    var grids: [Grid] = []
    for scratch in [nil, dir] {
      let path = dir + "/out-\(grids.count).xlsx"
      try WorkbookHandle.withCLocale {
        let handle = try WorkbookHandle(path: path, constantMemory: false, scratch: scratch)
        try XLSXWriter.write(workbook.sheets[0], into: handle)
        try handle.close()
      }
      grids.append(try XLSXReader(path: path).grid(sheet: 0))
    }
    XCTAssertEqual(grids[0], grids[1])
    XCTAssertEqual(grids[0][0, 0]?.text, "2023年预算支出总表")
    XCTAssertEqual(SheetsFixtures.entries(dir), ["out-0.xlsx", "out-1.xlsx"], "no part file is left behind")
  }
}
