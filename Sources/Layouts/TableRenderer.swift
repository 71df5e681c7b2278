import Budget
import Sheets

/// Renders the model back into the official printed layout: a styled sheet per table (for the
/// formatted workbook) whose values also give the `disclosure` CSV layout.
public struct TableRenderer: Sendable {
  /// Declarations used for disclosures whose set is not shipped (a set forced by a caller).
  public var layouts: LayoutSet

  /// Creates a renderer. Each disclosure is rendered in its own template set when that set is
  /// shipped (`TemplateSets`), else in `layouts`.
  public init(layouts: LayoutSet = .datong) {
    self.layouts = layouts
  }

  /// The CSV file name of a table: the set's label (`预算公开表03.csv`, `公开03表.csv`), else the
  /// number and the set's sheet name (`03-部门支出总表.csv`).
  public func csvFileName(_ table: BudgetTable, in disclosure: Disclosure) -> String {
    Self.csvFileName(table.number, in: set(of: disclosure))
      ?? (table.number < 10 ? "0" : "") + String(table.number) + "-" + table.title + ".csv"
  }

  /// The CSV file name of a set's table (`预算公开表03.csv`, `公开03表.csv`, `03-部门支出预算总表.csv`);
  /// nil for a number the set does not declare.
  public static func csvFileName(_ number: Int, in set: LayoutSet) -> String? {
    let padded = (number < 10 ? "0" : "") + String(number)
    if let label = set.labels.first { return label.prefix + padded + label.suffix + ".csv" }
    return set.layout(number).map { padded + "-" + set.sheetName($0) + ".csv" }
  }

  /// The set a disclosure is rendered in.
  func set(of disclosure: Disclosure) -> LayoutSet {
    disclosure.templateSet == layouts.name ? layouts : TemplateSets.set(disclosure.templateSet) ?? layouts
  }

  /// Fonts as Chinese government tables use them.
  enum Style {
    static let body = "宋体"
    static let title = CellStyle(fontName: "黑体", fontSize: 16, bold: true, horizontal: .center, vertical: .center)
    static let meta = CellStyle(fontName: body, fontSize: 10, horizontal: .left, vertical: .center)
    static let unit = CellStyle(fontName: body, fontSize: 10, horizontal: .right, vertical: .center)
    static let header = CellStyle(
      fontName: body, fontSize: 10, bold: true, horizontal: .center, vertical: .center, wrap: true, border: .thin)
    static let code = CellStyle(
      fontName: body, fontSize: 10, horizontal: .left, vertical: .center, border: .thin, numberFormat: "@")
    static let name = CellStyle(
      fontName: body, fontSize: 10, horizontal: .left, vertical: .center, wrap: true, border: .thin)
    static let indentedName = CellStyle(
      fontName: body, fontSize: 10, horizontal: .left, vertical: .center, wrap: true, border: .thin, indent: 2)
    // The indent keeps figures off the right border.
    static let amount = CellStyle(
      fontName: body, fontSize: 10, horizontal: .right, vertical: .center, border: .thin, numberFormat: "#,##0.00",
      indent: 1)
    static let note = CellStyle(fontName: body, fontSize: 10, horizontal: .left, vertical: .center)

    /// The style of a 合计/总计 row's cell: bold, as published.
    static func total(_ style: CellStyle) -> CellStyle {
      var bold = style
      bold.bold = true
      return bold
    }
  }

  /// The formatted workbook: one sheet `预算公开表N` per table present. With `inTwoLanes`, the
  /// sheets are rendered on two threads when the machine has a second core (same result).
  public func workbook(_ disclosure: Disclosure, generator: String = "Yusuan", inTwoLanes twoLanes: Bool = false)
    -> StyledWorkbook
  {
    let tables = disclosure.tables
    let render: @Sendable (Int) -> StyledSheet? = { sheet(tables[$0], in: disclosure) }
    let sheets =
      twoLanes && secondLaneHelps(tables.count)
      ? inTwoLanes(tables.count, here: render, there: render).compactMap { $0 ?? nil }
      : tables.indices.compactMap(render)
    let year = disclosure.year.map { "\($0)年" } ?? ""
    var properties = DocumentProperties()
    properties.title = "\(disclosure.department)\(year)部门预算公开表"
    properties.subject = "部门预算公开"
    properties.author = generator
    let units = Set(disclosure.tables.map(\.unit)).sorted().joined(separator: "、")
    properties.comments = "由 \(generator) 生成；金额单位：\(units.isEmpty ? disclosure.unit : units)"
    return StyledWorkbook(sheets: sheets, properties: properties)
  }

  /// One table as a styled sheet in the official layout; nil when no declaration exists for it.
  public func sheet(_ table: BudgetTable, in disclosure: Disclosure) -> StyledSheet? {
    let set = set(of: disclosure)
    guard let layout = set.layout(table.number) else { return nil }
    let columns = layout.renderedColumns(year: disclosure.year, table: table)
    let width = max(columns.count, 2)
    var sheet = StyledSheet(name: set.sheetName(layout))
    // Title and the 部门名称 / 单位 line.
    let title = table.title.isEmpty ? "\(disclosure.year.map { "\($0)年" } ?? "")\(layout.titleStem)" : table.title
    sheet.merge(
      CellRange(firstRow: 0, firstColumn: 0, lastRow: 0, lastColumn: width - 1), value: .text(title), style: Style.title
    )
    sheet.rowHeights[0] = 30
    let metaSpan = max(width - 2, 0)
    if metaSpan > 0 {
      sheet.merge(
        CellRange(firstRow: 1, firstColumn: 0, lastRow: 1, lastColumn: metaSpan),
        value: .text("\(set.departmentLabel)\(disclosure.department)"),
        style: Style.meta)
    } else {
      sheet.set(.text("\(set.departmentLabel)\(disclosure.department)"), row: 1, column: 0, style: Style.meta)
    }
    sheet.set(.text("单位：\(table.unit)"), row: 1, column: width - 1, style: Style.unit)
    // Headers.
    let header = RenderedHeader(columns: columns)
    let top = 2
    for l in 0..<header.depth {
      for c in columns.indices {
        // Cells inside a merged header carry the style only; the merge carries the text.
        let merged = header.merges.contains { $0.contains(CellAddress(row: l, column: c)) }
        let text = header.texts[l][c]
        sheet.set(merged || text.isEmpty ? nil : .text(text), row: top + l, column: c, style: Style.header)
      }
    }
    for m in header.merges {
      let range = CellRange(
        firstRow: top + m.first.row, firstColumn: m.first.column, lastRow: top + m.last.row, lastColumn: m.last.column)
      sheet.merge(range, value: .text(header.texts[m.first.row][m.first.column]), style: Style.header)
    }
    var next = top + header.depth
    if layout.numberedColumns {
      for c in columns.indices { sheet.set(.text(String(c + 1)), row: next, column: c, style: Style.header) }
      next += 1
    }
    let firstData = next
    // Data rows: side-by-side parts start together and end on the same line.
    let placement = Self.placeRows(table.sections)
    let indentNames = layout.numberedColumns  // project names are printed indented
    let rowCount = (placement.flatMap { $0 }.max() ?? -1) + 1
    // The data block is laid out in a local grid first and then set row by row, so the sheet gets
    // its cells in address order and sizing reads the grid instead of looking cells up.
    var grid = [[DataCell?]](repeating: Array(repeating: nil, count: columns.count), count: rowCount)
    // A 合计 row without a code prints 合计 across 科目编码 and 科目名称, as published.
    var totalMerges: [(row: Int, code: Int)] = []
    for (c, column) in columns.enumerated() {
      guard column.section < table.sections.count else { continue }
      let section = table.sections[column.section]
      for (i, row) in section.rows.enumerated() {
        let r = placement[column.section][i]
        let total = row.kind == .total
        let styled = { (style: CellStyle) in total ? Style.total(style) : style }
        switch column.field {
        case .code:
          grid[r][c] = DataCell(text: row.code, style: styled(Style.code))
          if total, row.code == nil, !row.name.isEmpty, c + 1 < columns.count, columns[c + 1].section == column.section,
            columns[c + 1].field == .name
          {
            totalMerges.append((r, c))
          }
        case .codePart(let part):
          grid[r][c] = DataCell(text: row.code.flatMap { Self.codePart($0, part) }, style: styled(Style.code))
        case .name:
          grid[r][c] = DataCell(
            text: row.name.isEmpty ? nil : row.name, style: styled(indentNames ? Style.indentedName : Style.name))
        case .secondName:
          grid[r][c] = DataCell(text: row.secondName, style: styled(Style.name))
        case .amount(let k):
          let amount = k < row.amounts.count ? row.amounts[k] : nil
          grid[r][c] = DataCell(
            value: amount.map { .number($0.text()) }, style: styled(Style.amount), printed: amount?.grouped())
        }
      }
    }
    // Empty spaces of a shorter side still get borders.
    let emptyStyles = columns.map { column -> CellStyle in
      switch column.field {
      case .amount: return Style.amount
      case .code, .codePart: return Style.code
      default: return Style.name
      }
    }
    let merged = Set(
      totalMerges.flatMap {
        [CellAddress(row: $0.row, column: $0.code), CellAddress(row: $0.row, column: $0.code + 1)]
      })
    for (r, cells) in grid.enumerated() {
      for (c, cell) in cells.enumerated() {
        let value = merged.contains(CellAddress(row: r, column: c)) ? nil : cell?.value
        sheet.set(value, row: firstData + r, column: c, style: cell?.style ?? emptyStyles[c])
      }
    }
    for m in totalMerges {
      let name = grid[m.row][m.code + 1]
      sheet.merge(
        CellRange(firstRow: firstData + m.row, firstColumn: m.code, lastRow: firstData + m.row, lastColumn: m.code + 1),
        value: name?.value, style: Style.total(Style.name))
    }
    var last = firstData + rowCount - 1
    if let note = table.note {
      last += 1
      sheet.set(.text(note), row: last, column: 0, style: Style.note)
    }
    // Codes are text on purpose; keep Excel from flagging them.
    for (c, column) in columns.enumerated() where column.isCode && rowCount > 0 {
      sheet.ignoreNumberStoredAsText.append(
        CellRange(firstRow: firstData, firstColumn: c, lastRow: firstData + rowCount - 1, lastColumn: c))
    }
    // Sizes: widths from the printed texts, then heights so wrapped names and headers show whole.
    let texts: [[String]] = columns.indices.map { c in grid.compactMap { $0[c]?.printed } }
    let widths = RenderedSizing.widths(
      columns: columns, data: texts, sections: table.sections.count, nameIndent: indentNames ? 2 : 0)
    sheet.columnWidths = widths
    for (l, h) in RenderedSizing.headerHeights(header, widths: widths).enumerated() { sheet.rowHeights[top + l] = h }
    if layout.numberedColumns { sheet.rowHeights[top + header.depth] = RenderedSizing.height(lines: 1) }
    for (r, cells) in grid.enumerated() {
      var lines = 1
      for (c, column) in columns.enumerated() where column.field == .name || column.field == .secondName {
        guard let value = cells[c]?.value else { continue }
        lines = max(lines, RenderedSizing.lines(value.text, width: (widths[c] ?? 8) - (indentNames ? 2 : 0)))
      }
      sheet.rowHeights[firstData + r] = RenderedSizing.height(lines: lines)
    }
    sheet.freezePanes = CellAddress(row: firstData, column: 0)
    sheet.print = PrintSetup(
      orientation: .landscape, paper: PrintSetup.a4, fitToPagesWide: 1, fitToPagesTall: 0,
      repeatRows: 0...(firstData - 1), header: Self.pageHeader(table), footer: "&C第 &P 页 共 &N 页",
      margins: PrintSetup.Margins(left: 0.4, right: 0.4, top: 0.6, bottom: 0.7), centerHorizontally: true)
    return sheet
  }

  /// The page header: the table's label (`预算公开表3`, or the one the source printed) at the top
  /// left of every page, where the official report prints it above the table. It is a page
  /// header rather than a cell so that reading the workbook back gives the same model.
  static func pageHeader(_ table: BudgetTable) -> String {
    let label = (table.label ?? table.displayName).split(separator: "&", omittingEmptySubsequences: false).joined(
      separator: "&&")
    return "&L&\"宋体\"&10" + String(label.prefix(200))
  }

  /// A data cell placed before it is set on the sheet.
  struct DataCell {
    var value: CellValue?
    var style: CellStyle
    /// The text as printed, which sizes the column (amounts with thousands separators).
    var printed: String?

    /// A text cell.
    init(text: String?, style: CellStyle) {
      self.init(value: text.map(CellValue.text), style: style, printed: text)
    }

    init(value: CellValue?, style: CellStyle, printed: String?) {
      self.value = value
      self.style = style
      self.printed = printed
    }
  }

  /// Row offsets per section: leading item rows top-aligned; the block from the first total row
  /// on starts on a common line, and the last rows (the grand totals) end on a common line.
  static func placeRows(_ sections: [TableSection]) -> [[Int]] {
    guard sections.count > 1 else { return sections.map { Array($0.rows.indices) } }
    let heads = sections.map { s in s.rows.firstIndex { $0.kind == .total } ?? s.rows.count }
    let tails = zip(sections, heads).map { $0.rows.count - $1 }
    let headHeight = heads.max() ?? 0
    let tailHeight = tails.max() ?? 0
    return sections.indices.map { s in
      sections[s].rows.indices.map { i in
        if i < heads[s] { return i }
        let j = i - heads[s]
        if j == tails[s] - 1 && tails[s] > 1 { return headHeight + tailHeight - 1 }
        return headHeight + j
      }
    }
  }

  /// The `disclosure` CSV layout of a table: the rendered grid's values, a merged cell's text in
  /// its top-left position and the cells it covers empty. Amounts are plain decimals.
  public func disclosureRows(_ table: BudgetTable, in disclosure: Disclosure) -> [[CSVField]] {
    guard let sheet = sheet(table, in: disclosure) else { return [] }
    return Self.rows(of: sheet)
  }

  /// The values of a styled sheet as CSV rows (merged ranges show their value in the top-left cell).
  static func rows(of sheet: StyledSheet) -> [[CSVField]] {
    var values: [CellAddress: CellValue] = [:]
    for (address, cell) in sheet.cells { if let v = cell.value { values[address] = v } }
    for m in sheet.merges {
      for r in m.range.first.row...m.range.last.row {
        for c in m.range.first.column...m.range.last.column { values[CellAddress(row: r, column: c)] = nil }
      }
      if let v = m.value { values[m.range.first] = v }
    }
    let rows = (values.keys.map(\.row).max() ?? -1) + 1
    let columns = (values.keys.map(\.column).max() ?? -1) + 1
    return (0..<rows).map { r in
      (0..<columns).map { c in
        switch values[CellAddress(row: r, column: c)] {
        case .number(let n): return .number(n)
        case .some(let v): return .text(v.text)
        case nil: return .text("")
        }
      }
    }
  }

  /// The part of a code printed in a 类 (3 digits), 款 or 项 (2 digits each) column.
  static func codePart(_ code: String, _ part: Int) -> String? {
    let start = part == 0 ? 0 : 3 + (part - 1) * 2
    let length = part == 0 ? 3 : 2
    guard code.count >= start + length else { return nil }
    return String(code.dropFirst(start).prefix(length))
  }
}
