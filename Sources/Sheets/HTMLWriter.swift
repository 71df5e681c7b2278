/// What a caller adds to one written cell: classes, a tooltip, an anchor id and links shown in it
/// (a report marks wrong cells with these; the writer gives them no meaning).
public struct HTMLCellMark: Sendable, Equatable {
  /// CSS classes added to the cell.
  public var classes: [String]
  /// The tooltip (`title` attribute); lines are separated by line breaks.
  public var title: String?
  /// The cell's anchor id, unique in the document.
  public var id: String?
  /// Links written after the cell's value (in a `<span class="links">`), such as a reference to a
  /// note elsewhere on the page.
  public var links: [HTMLLink]

  /// Creates a mark.
  public init(classes: [String] = [], title: String? = nil, id: String? = nil, links: [HTMLLink] = []) {
    self.classes = classes
    self.title = title
    self.id = id
    self.links = links
  }

  /// Two marks on one cell (or on two cells of one merged range) as one: classes and links of
  /// both, the tooltips one under the other, the first id.
  public func combined(with other: HTMLCellMark) -> HTMLCellMark {
    var out = self
    for c in other.classes where !out.classes.contains(c) { out.classes.append(c) }
    let titles = [title, other.title].compactMap { $0 }
    out.title = titles.isEmpty ? nil : titles.joined(separator: "\n")
    out.id = id ?? other.id
    out.links += other.links
    return out
  }
}

/// A link written inside a cell.
public struct HTMLLink: Sendable, Equatable {
  /// The target, such as `#finding-3`.
  public var href: String
  /// The text shown.
  public var text: String
  /// The tooltip, if any.
  public var title: String?
  /// The link's anchor id, if any.
  public var id: String?

  /// Creates a link.
  public init(href: String, text: String, title: String? = nil, id: String? = nil) {
    self.href = href
    self.text = text
    self.title = title
    self.id = id
  }
}

/// Writes styled sheets as HTML tables, the way the XLSX writer writes them as worksheets: merged
/// ranges become `colspan`/`rowspan`, styles become CSS classes (fonts, bold, alignment, wrapping,
/// borders, indents), numbers are shown in their number format (`#,##0.00` → `1,331.42`), blanks
/// stay blank, column widths and row heights keep their proportions, and the print setup gives
/// the printed page (orientation, fit to width, rows repeated on every page).
///
/// One writer serves one document: the styles of every table it wrote are in `styleSheet`.
/// Nothing it writes refers to anything outside the document.
public struct HTMLWriter: Sendable {
  /// The distinct styles written so far; style `i` is the class `x<i>`.
  private(set) var styles: [CellStyle] = []

  /// Creates a writer.
  public init() {}

  /// One sheet as a `<table>`. `marks` are keyed by the sheet's cell addresses; a mark on a cell
  /// inside a merged range goes to the range.
  public mutating func table(
    _ sheet: StyledSheet, id: String? = nil, classes: [String] = [], marks: [CellAddress: HTMLCellMark] = [:]
  ) -> String {
    let extent = Self.extent(of: sheet)
    guard extent.rows > 0, extent.columns > 0 else { return "" }
    // Which merge covers each cell.
    var covered = [[Int?]](repeating: Array(repeating: nil, count: extent.columns), count: extent.rows)
    for (i, m) in sheet.merges.enumerated() {
      for r in m.range.first.row...m.range.last.row {
        for c in m.range.first.column...m.range.last.column { covered[r][c] = i }
      }
    }
    var anchored: [CellAddress: HTMLCellMark] = [:]
    for (address, mark) in marks.sorted(by: { $0.key < $1.key }) {
      var target = address
      if address.row < extent.rows, address.column < extent.columns, let m = covered[address.row][address.column] {
        target = sheet.merges[m].range.first
      }
      anchored[target] = anchored[target].map { $0.combined(with: mark) } ?? mark
    }
    let widths = (0..<extent.columns).map { Self.pixels(characters: sheet.columnWidths[$0] ?? 8.43) }
    let total = widths.reduce(0, +)
    let headRows = Self.repeatedRows(sheet, rows: extent.rows)

    var out = "<table"
    if let id { out += " id=\"\(Self.attribute(id))\"" }
    var tableClasses = ["sheet"] + classes
    tableClasses.append(sheet.print.orientation == .landscape ? "print-landscape" : "print-portrait")
    out += " class=\"\(Self.attribute(tableClasses.joined(separator: " ")))\""
    out += " style=\"width:\(total)px"
    if sheet.print.fitToPagesWide == 1 {
      let page = sheet.print.orientation == .landscape ? Self.landscapeWidth : Self.portraitWidth
      if total > page { out += ";--fit:\(Self.decimal(Double(page) / Double(total), places: 3))" }
    }
    out += "\">\n<colgroup>"
    for w in widths { out += "<col style=\"width:\(w)px\">" }
    out += "</colgroup>\n"
    // Per style of the sheet, once: its class and its number format.
    let styleClasses = sheet.styles.map { $0.isPlain ? nil : styleIndex($0) }
    let patterns = sheet.styles.map { $0.numberFormat.flatMap(NumberPattern.init) }
    out.reserveCapacity(64 * extent.rows * extent.columns)
    var storedIndex = 0
    let stored = sheet.storedRows
    for r in 0..<extent.rows {
      if r == 0 { out += headRows > 0 ? "<thead>\n" : "<tbody>\n" }
      if r == headRows, headRows > 0 { out += "</thead>\n<tbody>\n" }
      while storedIndex < stored.count, stored[storedIndex].row < r { storedIndex += 1 }
      let row = storedIndex < stored.count && stored[storedIndex].row == r ? stored[storedIndex] : nil
      var cellIndex = 0
      out += "<tr"
      if let h = sheet.rowHeights[r] { out += " style=\"height:\(Self.decimal(h, places: 1))pt\"" }
      out += ">"
      for c in 0..<extent.columns {
        var value: CellValue?
        var look = CellLook(styleClass: nil, pattern: nil, general: true)
        var span: CellRange?
        if let m = covered[r][c] {
          let merge = sheet.merges[m]
          guard merge.range.first == CellAddress(row: r, column: c) else { continue }
          value = merge.value
          look = CellLook(
            styleClass: merge.style.isPlain ? nil : styleIndex(merge.style),
            pattern: merge.style.numberFormat.flatMap(NumberPattern.init),
            general: merge.style.horizontal == .general)
          span = merge.range
        } else if let row {
          while cellIndex < row.cells.count, row.cells[cellIndex].column < c { cellIndex += 1 }
          if cellIndex < row.cells.count, row.cells[cellIndex].column == c {
            let s = row.cells[cellIndex].style
            value = row.cells[cellIndex].value
            look = CellLook(
              styleClass: styleClasses[s], pattern: patterns[s], general: sheet.styles[s].horizontal == .general)
          }
        }
        cell(
          value, look: look, span: span, mark: marks.isEmpty ? nil : anchored[CellAddress(row: r, column: c)], to: &out)
      }
      out += "</tr>\n"
    }
    out += "</tbody>\n</table>\n"
    return out
  }

  /// The CSS of every style written so far, plus the print rules the tables' classes use.
  public var styleSheet: String {
    var css = """
      table.sheet{border-collapse:collapse;table-layout:fixed;color:#000;background:#fff}
      table.sheet td{padding:1px 3px;overflow:hidden;overflow-wrap:anywhere}
      table.sheet td.num{text-align:right}
      @page landscape{size:A4 landscape;margin:10mm}
      @page portrait{size:A4 portrait;margin:10mm}
      @media print{table.sheet{zoom:var(--fit,1)}table.print-landscape{page:landscape}table.print-portrait{page:portrait}}

      """
    for (i, style) in styles.enumerated() { css += ".x\(i){\(Self.declarations(style))}\n" }
    return css
  }

  /// How a cell is written: its style's class, number format and whether it aligns by type.
  struct CellLook {
    var styleClass: Int?
    var pattern: NumberPattern?
    var general: Bool
  }

  /// One `<td>`, appended to `out`.
  private func cell(_ value: CellValue?, look: CellLook, span: CellRange?, mark: HTMLCellMark?, to out: inout String) {
    out += "<td"
    if let span {
      if span.columnCount > 1 { out += " colspan=\"\(span.columnCount)\"" }
      if span.rowCount > 1 { out += " rowspan=\"\(span.rowCount)\"" }
    }
    var classes = look.styleClass.map { "x\($0)" } ?? ""
    if case .number = value, look.general { classes += classes.isEmpty ? "num" : " num" }
    for c in mark?.classes ?? [] { classes += classes.isEmpty ? c : " " + c }
    if !classes.isEmpty { out += " class=\"\(Self.attribute(classes))\"" }
    if let id = mark?.id { out += " id=\"\(Self.attribute(id))\"" }
    if let title = mark?.title { out += " title=\"\(Self.attribute(title))\"" }
    out += ">"
    if let value {
      if case .number(let stored) = value, let pattern = look.pattern {
        out += Self.text(pattern.apply(stored) ?? stored)
      } else {
        out += Self.text(value.text)
      }
    }
    if let links = mark?.links, !links.isEmpty {
      // Apart from the value, so that a page can place them without moving the value.
      out += "<span class=\"links\">"
      for link in links {
        out += "<a href=\"\(Self.attribute(link.href))\""
        if let id = link.id { out += " id=\"\(Self.attribute(id))\"" }
        if let title = link.title { out += " title=\"\(Self.attribute(title))\"" }
        out += ">\(Self.text(link.text))</a>"
      }
      out += "</span>"
    }
    out += "</td>"
  }

  private mutating func styleIndex(_ style: CellStyle) -> Int {
    if let i = styles.firstIndex(of: style) { return i }
    styles.append(style)
    return styles.count - 1
  }

  /// Rows and columns used by cells and merges.
  static func extent(of sheet: StyledSheet) -> (rows: Int, columns: Int) {
    var rows = (sheet.storedRows.last?.row ?? -1) + 1
    var columns = 0
    for row in sheet.storedRows { columns = max(columns, (row.cells.last?.column ?? -1) + 1) }
    for m in sheet.merges {
      rows = max(rows, m.range.last.row + 1)
      columns = max(columns, m.range.last.column + 1)
    }
    return (rows, columns)
  }

  /// How many leading rows go into `<thead>` (repeated on every printed page): the print setup's
  /// repeated rows when they start the sheet and no merge crosses their end.
  static func repeatedRows(_ sheet: StyledSheet, rows: Int) -> Int {
    guard let repeated = sheet.print.repeatRows, repeated.lowerBound == 0, repeated.upperBound + 1 < rows else {
      return 0
    }
    let end = repeated.upperBound
    let crossing = sheet.merges.contains { $0.range.first.row <= end && $0.range.last.row > end }
    return crossing ? 0 : end + 1
  }

  /// Excel's pixel width of a column `characters` wide (Calibri 11: 7 pixels a character plus 5 of padding).
  static func pixels(characters: Double) -> Int { Int((characters * 7 + 5).rounded()) }

  /// The printable width of an A4 page with 10 mm margins, in CSS pixels (96 an inch).
  static let landscapeWidth = Int(277 / 25.4 * 96)
  static let portraitWidth = Int(190 / 25.4 * 96)

  /// The CSS declarations of a style.
  static func declarations(_ style: CellStyle) -> String {
    var parts: [String] = []
    if let name = style.fontName { parts.append("font-family:\(fontFamily(name))") }
    if let size = style.fontSize { parts.append("font-size:\(decimal(size, places: 1))pt") }
    if style.bold { parts.append("font-weight:bold") }
    switch style.horizontal {
    case .general: break
    case .left: parts.append("text-align:left")
    case .center: parts.append("text-align:center")
    case .right: parts.append("text-align:right")
    }
    switch style.vertical {
    case .top: parts.append("vertical-align:top")
    case .center: parts.append("vertical-align:middle")
    case .bottom: parts.append("vertical-align:bottom")
    }
    parts.append(style.wrap ? "white-space:pre-wrap" : "white-space:pre")
    if style.border == .thin { parts.append("border:1px solid #000") }
    if style.indent > 0 {
      // Excel indents from the side the text is aligned to, about 9 pixels a level.
      parts.append((style.horizontal == .right ? "padding-right:" : "padding-left:") + "\(3 + 9 * style.indent)px")
    }
    return parts.joined(separator: ";")
  }

  /// A font name with the fonts that stand in for it where it is not installed (宋体 and 黑体 are
  /// Windows fonts; macOS and Linux have their own CJK faces). Only installed fonts are used.
  static func fontFamily(_ name: String) -> String {
    let fallbacks: [String]
    switch name {
    case "宋体", "SimSun":
      fallbacks = ["SimSun", "宋体", "Songti SC", "STSong", "Noto Serif CJK SC", "Source Han Serif SC", "serif"]
    case "黑体", "SimHei":
      fallbacks = ["SimHei", "黑体", "Heiti SC", "STHeiti", "Noto Sans CJK SC", "Source Han Sans SC", "sans-serif"]
    default: fallbacks = [name, "sans-serif"]
    }
    return fallbacks.map { ["serif", "sans-serif"].contains($0) ? $0 : "'\(cssString($0))'" }.joined(separator: ",")
  }

  /// A font name safe inside a quoted CSS string in a `<style>` element.
  private static func cssString(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    for s in text.unicodeScalars where s != "'" && s != "\\" && s != "<" && s != ">" && s.value >= 0x20 {
      out.append(s)
    }
    return String(out)
  }

  /// `x` with at most `places` decimals and no trailing zeros, independent of the locale.
  static func decimal(_ x: Double, places: Int) -> String {
    var scale = 1
    for _ in 0..<places { scale *= 10 }
    let scaled = Int((x * Double(scale)).rounded())
    let whole = scaled / scale
    var fraction = String(abs(scaled % scale))
    guard places > 0, fraction != "0" else { return String(whole) }
    while fraction.count < places { fraction = "0" + fraction }
    while fraction.hasSuffix("0") { fraction.removeLast() }
    return "\(whole).\(fraction)"
  }
}
