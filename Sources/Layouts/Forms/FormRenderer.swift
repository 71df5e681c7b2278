import Budget
import Sheets

/// Renders a 绩效目标申报表 as a formatted sheet laid out like the official form (eight columns
/// A–H, labels left of their values, 实施期 on the left and 年度 on the right), so that
/// `FormReader` reads it back to the same form.
public enum FormRenderer {
  enum Style {
    static let body = "宋体"
    static let title = CellStyle(fontName: "黑体", fontSize: 16, bold: true, horizontal: .center, vertical: .center)
    static let subtitle = CellStyle(fontName: body, fontSize: 11, horizontal: .center, vertical: .center)
    static let label = CellStyle(
      fontName: body, fontSize: 10, bold: true, horizontal: .center, vertical: .center, wrap: true, border: .thin)
    static let text = CellStyle(
      fontName: body, fontSize: 10, horizontal: .left, vertical: .center, wrap: true, border: .thin)
    static let amount = CellStyle(
      fontName: body, fontSize: 10, horizontal: .right, vertical: .center, border: .thin, numberFormat: "#,##0")
    static let footer = CellStyle(fontName: body, fontSize: 10, horizontal: .left, vertical: .center)
    /// A 填报日期 kept as the digits the source stores (`20230105113350`) but printed as a date and time.
    static let timestamp = CellStyle(
      fontName: body, fontSize: 10, horizontal: .left, vertical: .center,
      numberFormat: "0000\"-\"00\"-\"00\" \"00\":\"00\":\"00")
    /// The same for a date of eight digits (`20230105`).
    static let date = CellStyle(
      fontName: body, fontSize: 10, horizontal: .left, vertical: .center, numberFormat: "0000\"-\"00\"-\"00")
  }

  /// Column widths of the form (A–H), in character units; column H holds the printed date.
  static let columnWidths: [Double] = [12, 12, 20, 20, 16, 20, 20, 20]

  /// The form's page: like the official form, landscape A4, the whole form on one page, centred.
  static let printSetup = PrintSetup(
    orientation: .landscape, paper: PrintSetup.a4, fitToPagesWide: 1, fitToPagesTall: 1,
    margins: PrintSetup.Margins(left: 0.4, right: 0.4, top: 0.5, bottom: 0.5), centerHorizontally: true)

  /// A valid, unique sheet name for the n-th form (1-based): `绩效01 J局机关电费`.
  public static func sheetName(_ form: PerformanceForm, number: Int) -> String {
    let cleaned = form.projectName.map { "[]:*?/\\".contains($0) ? "_" : $0 }
    let prefix = "绩效" + (number < 10 ? "0" : "") + String(number) + " "
    return String((prefix + String(cleaned)).prefix(31)).trimmingWhitespace()
  }

  /// The form as a styled sheet.
  public static func sheet(_ form: PerformanceForm, number: Int) -> StyledSheet {
    var sheet = StyledSheet(name: sheetName(form, number: number))
    let span = { (r: Int, c1: Int, c2: Int, value: String?, style: CellStyle) in
      if c1 == c2 {
        sheet.set(value.map(CellValue.text), row: r, column: c1, style: style)
      } else {
        sheet.merge(
          CellRange(firstRow: r, firstColumn: c1, lastRow: r, lastColumn: c2), value: value.map(CellValue.text),
          style: style)
      }
    }
    let money = { (r: Int, c1: Int, c2: Int, amount: Amount?) in
      let value = amount.map { CellValue.number($0.text(minimumFractionDigits: 0)) }
      if c1 == c2 {
        sheet.set(value, row: r, column: c1, style: Style.amount)
      } else {
        sheet.merge(
          CellRange(firstRow: r, firstColumn: c1, lastRow: r, lastColumn: c2), value: value, style: Style.amount)
      }
    }
    span(0, 0, 7, form.title, Style.title)
    sheet.rowHeights[0] = 30
    span(1, 0, 7, form.year.map { "（\($0)年度）" } ?? "", Style.subtitle)
    span(2, 0, 1, "项目名称", Style.label)
    span(2, 2, 7, form.projectName, Style.text)
    span(3, 0, 1, "主管部门及代码", Style.label)
    span(3, 2, 3, form.department, Style.text)
    span(3, 4, 4, "实施单位", Style.label)
    span(3, 5, 7, form.implementingUnit, Style.text)
    span(4, 0, 1, "项目属性", Style.label)
    span(4, 2, 3, form.attribute, Style.text)
    span(4, 4, 4, "项目期", Style.label)
    span(4, 5, 7, form.period, Style.text)
    // 项目资金（元）: rows 6–11 as printed.
    sheet.merge(
      CellRange(firstRow: 5, firstColumn: 0, lastRow: 10, lastColumn: 1), value: .text("项目资金（元）"), style: Style.label)
    span(5, 2, 2, "实施期资金总额：", Style.label)
    money(5, 3, 3, form.implementationFunding.total)
    span(5, 4, 5, "年度资金总额：", Style.label)
    money(5, 6, 7, form.annualFunding.total)
    for (i, part) in FormFunding.parts.enumerated() {
      let label = i == 0 ? "其中：" + part.label : part.label
      span(6 + i, 2, 2, label, Style.label)
      money(6 + i, 3, 3, form.implementationFunding[part.key])
      span(6 + i, 4, 5, label, Style.label)
      money(6 + i, 6, 7, form.annualFunding[part.key])
    }
    let texts: [(String, String?)] = [
      ("项目概况", form.overview), ("立项依据", form.basis), ("项目设立必要性", form.necessity),
      ("保证项目实施的制度、措施", form.safeguards), ("项目实施计划", form.plan),
    ]
    for (i, (label, value)) in texts.enumerated() {
      span(11 + i, 0, 1, label, Style.label)
      span(11 + i, 2, 7, value, Style.text)
    }
    sheet.merge(
      CellRange(firstRow: 16, firstColumn: 0, lastRow: 17, lastColumn: 1), value: .text("总体目标"), style: Style.label)
    span(16, 2, 4, "实施期目标", Style.label)
    span(16, 5, 7, "年度目标", Style.label)
    span(17, 2, 4, form.implementationGoal, Style.text)
    span(17, 5, 7, form.annualGoal, Style.text)
    sheet.rowHeights[17] = 40
    // 绩效指标: header, then 实施期 and 年度 rows side by side.
    for (c, label) in ["一级指标", "二级指标", "三级指标", "指标值", "二级指标", "三级指标", "指标值"].enumerated() {
      span(18, c + 1, c + 1, label, Style.label)
    }
    let left = form.indicators(.implementation)
    let right = form.indicators(.annual)
    let count = max(left.count, right.count)
    var r = 19
    var runStart = 19
    var runLevel: String?
    for i in 0..<count {
      let level1 = i < left.count ? left[i].level1 : right[i].level1
      if level1 != runLevel {
        if let runLevel { placeLevel1(&sheet, runLevel, from: runStart, to: r - 1) }
        runLevel = level1
        runStart = r
      }
      for (indicators, column) in [(left, 2), (right, 5)] where i < indicators.count {
        let x = indicators[i]
        span(r, column, column, x.level2, Style.text)
        span(r, column + 1, column + 1, x.level3, Style.text)
        span(r, column + 2, column + 2, x.value, Style.text)
      }
      for column in [2, 3, 4, 5, 6, 7] where sheet.cell(at: CellAddress(row: r, column: column)) == nil {
        sheet.set(nil, row: r, column: column, style: Style.text)
      }
      r += 1
    }
    if let runLevel { placeLevel1(&sheet, runLevel, from: runStart, to: r - 1) }
    let lastIndicatorRow = max(r - 1, 18)
    if lastIndicatorRow > 18 {
      sheet.merge(
        CellRange(firstRow: 18, firstColumn: 0, lastRow: lastIndicatorRow, lastColumn: 0), value: .text("绩效指标"),
        style: Style.label)
    } else {
      span(18, 0, 0, "绩效指标", Style.label)
    }
    let footer = lastIndicatorRow + 1
    let people: [(Int, String, String?)] = [
      (0, "负责人：", form.responsiblePerson), (2, "经办人：", form.handler), (4, "联系电话：", form.phone),
      (6, "填报日期：", form.filledOn),
    ]
    for (c, label, value) in people {
      sheet.set(.text(label), row: footer, column: c, style: Style.footer)
      let (cell, style) = c == 6 ? filledOnCell(value) : (value.map(CellValue.text), Style.footer)
      sheet.set(cell, row: footer, column: c + 1, style: style)
    }
    for (c, width) in columnWidths.enumerated() { sheet.columnWidths[c] = width }
    fitRowHeights(&sheet)
    sheet.print = printSetup
    return sheet
  }

  /// The 填报日期 cell. Forms exported by the budget system store the time stamp as digits
  /// (`20230105113350`); it is written as that number, so it reads back unchanged, with a format
  /// that prints it as `2023-01-05 11:33:50`. Any other text is written as it is.
  static func filledOnCell(_ text: String?) -> (CellValue?, CellStyle) {
    guard let text, let style = timestampStyle(text) else { return (text.map(CellValue.text), Style.footer) }
    return (.number(text), style)
  }

  /// The date format for a time stamp of 14 digits (yyyyMMddHHmmss) or a date of 8 (yyyyMMdd)
  /// whose month, day and time are in range; nil for anything else.
  static func timestampStyle(_ text: String) -> CellStyle? {
    let digits = text.utf8.map { Int($0) - 48 }
    guard digits.count == 14 || digits.count == 8, digits.allSatisfy({ (0...9).contains($0) }), digits[0] != 0 else {
      return nil
    }
    let field = { (i: Int) in digits[i] * 10 + digits[i + 1] }
    guard (1...12).contains(field(4)), (1...31).contains(field(6)) else { return nil }
    if digits.count == 8 { return Style.date }
    guard field(8) < 24, field(10) < 60, field(12) < 60 else { return nil }
    return Style.timestamp
  }

  /// Row heights for wrapped texts: a spreadsheet program does not grow a row for text in a
  /// merged cell, so every one-row cell that wraps gets the lines its text needs in its width.
  static func fitRowHeights(_ sheet: inout StyledSheet) {
    let widths = sheet.columnWidths
    let width = { (first: Int, last: Int) in (first...last).reduce(0.0) { $0 + (widths[$1] ?? 8) } }
    var lines: [Int: Int] = [:]
    var covered = Set<CellAddress>()
    for m in sheet.merges {
      for r in m.range.first.row...m.range.last.row {
        for c in m.range.first.column...m.range.last.column { covered.insert(CellAddress(row: r, column: c)) }
      }
      guard m.range.first.row == m.range.last.row, m.style.wrap, let value = m.value else { continue }
      let needed = RenderedSizing.lines(value.text, width: width(m.range.first.column, m.range.last.column))
      lines[m.range.first.row] = max(lines[m.range.first.row] ?? 1, needed)
    }
    for (address, cell) in sheet.cells where cell.style.wrap && !covered.contains(address) {
      guard let value = cell.value else { continue }
      let needed = RenderedSizing.lines(value.text, width: width(address.column, address.column))
      lines[address.row] = max(lines[address.row] ?? 1, needed)
    }
    for (row, count) in lines where count > 1 {
      sheet.rowHeights[row] = max(sheet.rowHeights[row] ?? 0, RenderedSizing.height(lines: count))
    }
  }

  static func placeLevel1(_ sheet: inout StyledSheet, _ text: String, from: Int, to: Int) {
    if to > from {
      sheet.merge(
        CellRange(firstRow: from, firstColumn: 1, lastRow: to, lastColumn: 1), value: .text(text),
        style: FormRenderer.Style.label)
    } else {
      sheet.set(.text(text), row: from, column: 1, style: FormRenderer.Style.label)
    }
  }

  /// The printed grid of a form as CSV rows (the `disclosure` CSV layout).
  public static func disclosureRows(_ form: PerformanceForm, number: Int) -> [[CSVField]] {
    TableRenderer.rows(of: sheet(form, number: number))
  }
}
