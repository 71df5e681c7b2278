import XCTest

@testable import Sheets

/// The styled grid as an HTML table: merges as spans, styles as classes, numbers in their format.
final class HTMLWriterTests: XCTestCase {
  func testNumbersAreShownInTheirNumberFormat() {
    let cases: [(String, String?, String)] = [
      ("1331.42", "#,##0.00", "1,331.42"),
      ("1331.4", "#,##0.00", "1,331.40"),
      ("1331.425", "#,##0.00", "1,331.43"),  // half away from zero
      ("-1331.425", "#,##0.00", "-1,331.43"),
      ("999.995", "#,##0.00", "1,000.00"),  // the carry reaches a new digit and a new group
      ("-1234567.5", "#,##0.00", "-1,234,567.50"),
      ("-0.004", "#,##0.00", "0.00"),  // no "-0.00"
      ("0", "#,##0.00", "0.00"),
      (".5", "0.00", "0.50"),
      ("12345.5", "#,##0", "12,346"),
      ("12345.5", "0", "12346"),
      ("1E3", "#,##0.00", "1E3"),  // not a plain decimal: as stored
      ("2060101", "@", "2060101"),
      ("1331.42", nil, "1331.42"),  // General
      ("0.5", "0%", "0.5"),  // a format the writer does not know: as stored
    ]
    for (stored, format, shown) in cases {
      XCTAssertEqual(
        HTMLWriter.displayed(.number(stored), format: format), shown, "\(stored) in \(format ?? "General")")
    }
    XCTAssertEqual(HTMLWriter.displayed(.text("1,331.42"), format: "#,##0.00"), "1,331.42")
  }

  func testMergesBecomeSpansAndCoveredCellsAreNotWritten() {
    var sheet = StyledSheet(name: "S")
    sheet.merge(
      CellRange(firstRow: 0, firstColumn: 0, lastRow: 0, lastColumn: 2), value: .text("标题"),
      style: CellStyle(bold: true))
    sheet.merge(CellRange(firstRow: 1, firstColumn: 0, lastRow: 2, lastColumn: 0), value: .text("项目"))
    sheet.set(.text("a"), row: 1, column: 1)
    sheet.set(.number("1"), row: 1, column: 2)
    sheet.set(.text("b"), row: 2, column: 1)
    var writer = HTMLWriter()
    let html = writer.table(sheet)
    let rows = html.components(separatedBy: "<tr").dropFirst().map { $0.components(separatedBy: "<td").count - 1 }
    XCTAssertEqual(rows, [1, 3, 2])  // row 3's first cell is under the rowspan; its third is blank
    XCTAssertTrue(html.contains("<td colspan=\"3\" class=\"x0\">标题</td>"), html)
    XCTAssertTrue(html.contains("<td rowspan=\"2\">项目</td>"), html)
    XCTAssertTrue(html.contains("<td class=\"num\">1</td>"), "a General number is right-aligned")
    XCTAssertTrue(writer.styleSheet.contains(".x0{font-weight:bold;"), writer.styleSheet)
  }

  func testStylesBecomeCSS() {
    let style = CellStyle(
      fontName: "宋体", fontSize: 10, bold: true, horizontal: .right, vertical: .center, border: .thin,
      numberFormat: "#,##0.00",
      indent: 1)
    let css = HTMLWriter.declarations(style)
    for part in [
      "font-family:'SimSun'", "serif", "font-size:10pt", "font-weight:bold", "text-align:right",
      "vertical-align:middle",
      "border:1px solid #000", "padding-right:12px", "white-space:pre",
    ] {
      XCTAssertTrue(css.contains(part), "\(part) missing from \(css)")
    }
    XCTAssertTrue(HTMLWriter.declarations(CellStyle(wrap: true)).contains("white-space:pre-wrap"))
  }

  func testTextAndAttributesAreEscaped() {
    var sheet = StyledSheet(name: "S")
    sheet.set(.text("<b>&\"x\"\n第二行\u{1}"), row: 0, column: 0)
    var writer = HTMLWriter()
    let mark = HTMLCellMark(
      classes: ["bad"], title: "a \"b\" <c>\nd", id: "s-A1", links: [HTMLLink(href: "#n-1", text: "1")])
    let html = writer.table(sheet, marks: [CellAddress(row: 0, column: 0): mark])
    XCTAssertTrue(
      html.contains(">&lt;b&gt;&amp;\"x\"<br>第二行<span class=\"links\"><a href=\"#n-1\">1</a></span></td>"), html)
    XCTAssertTrue(html.contains("title=\"a &quot;b&quot; &lt;c&gt;&#10;d\""), html)
    XCTAssertTrue(html.contains("class=\"bad\" id=\"s-A1\""), html)
  }

  func testAMarkInsideAMergeGoesToTheMerge() {
    var sheet = StyledSheet(name: "S")
    sheet.merge(CellRange(firstRow: 0, firstColumn: 0, lastRow: 0, lastColumn: 1), value: .number("5"))
    var writer = HTMLWriter()
    let html = writer.table(
      sheet,
      marks: [
        CellAddress(row: 0, column: 1): HTMLCellMark(classes: ["one"], title: "first"),
        CellAddress(row: 0, column: 0): HTMLCellMark(classes: ["two"], title: "second", id: "m"),
      ])
    XCTAssertTrue(
      html.contains("<td colspan=\"2\" class=\"num two one\" id=\"m\" title=\"second&#10;first\">5</td>"), html)
  }

  func testRepeatedRowsAreTheHeadAndFitToWidthScalesThePrint() {
    var sheet = StyledSheet(name: "S")
    for r in 0..<4 { sheet.set(.text("r\(r)"), row: r, column: 0) }
    sheet.columnWidths[0] = 300  // wider than an A4 page
    sheet.print = PrintSetup(orientation: .landscape, fitToPagesWide: 1, repeatRows: 0...1)
    var writer = HTMLWriter()
    let html = writer.table(sheet)
    XCTAssertTrue(
      html.contains("<thead>\n<tr><td>r0</td></tr>\n<tr><td>r1</td></tr>\n</thead>\n<tbody>\n<tr><td>r2</td>"), html)
    XCTAssertTrue(html.contains("print-landscape"))
    XCTAssertTrue(html.contains("style=\"width:2105px;--fit:0.497\""), html)
  }

  func testRegression_AMergeAcrossTheRepeatedRowsKeepsEveryRowInTheBody() {
    var sheet = StyledSheet(name: "S")
    sheet.merge(CellRange(firstRow: 1, firstColumn: 0, lastRow: 2, lastColumn: 0), value: .text("x"))
    sheet.set(.text("y"), row: 3, column: 0)
    sheet.print = PrintSetup(repeatRows: 0...1)
    var writer = HTMLWriter()
    let html = writer.table(sheet)
    XCTAssertFalse(html.contains("<thead>"), html)
  }
}
