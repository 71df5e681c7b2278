import Budget
import Sheets

/// Reads the data rows of one table into sections, joining wrapped names and keeping blank
/// cells apart from zeros.
///
/// Amounts stay in the unit they were printed in. The table ends at a closing row of its layout
/// (收入总计 of a balance table, 合计 printed last); a header row repeated after a page break and a
/// page number or footer line are passed over.
struct RowReader {
  let layout: TableLayout
  let mapping: ColumnAssignment
  /// The header band, to recognize its rows repeated further down.
  let band: HeaderBand
  /// The sheet the rows are on when it is not the table's own (a continuation).
  var sheet: String? = nil

  func read(
    _ grid: Grid, rows range: Range<Int>, issues: inout [ReadIssue], place: (String) -> String
  ) -> (sections: [TableSection], note: String?, dataRows: [Int]) {
    var sections = mapping.sections.map { s in
      TableSection(
        role: s.layout.role, columns: s.layout.amountKeys,
        columnLetters: s.amounts.map { $0.map(CellAddress.columnLetters) ?? "" })
    }
    var note: String?
    var dataRows: [Int] = []
    var pendingCode: [String?] = Array(repeating: nil, count: sections.count)
    var closed = false
    for r in range.clamped(to: 0..<max(grid.rowCount, 0)) {
      guard let row = grid.row(r), row.cells.contains(where: { $0.value.text.hasNonSpace }) else { continue }
      // After its closing row a table takes only its notes (`注：本表无数据`).
      if closed, !row.cells.contains(where: { Self.isNote($0.value.text) }) { break }
      if Self.isPageMark(row) || Self.isPlaceholder(row) || band.isRepeated(in: grid, row: r) { continue }
      if let figures = Self.figuresLine(row) {
        // Passed over when it repeats the row above; otherwise reported, as it cannot be placed.
        if let previous = dataRows.last, Self.repeats(figures, grid.row(previous)) { continue }
        let a1 = CellAddress(row: r, column: row.cells.first { $0.value.text.hasNonSpace }?.column ?? 0).a1
        issues.append(
          ReadIssue(
            location: place(a1), zh: "“\(figures.text)”是一行写在一个单元格里的数字，与上一行的数字不同，无法归入任何列，未读取",
            en:
              "\(figures.text) is a line of figures in one cell that differs from the row above; it fits no column and is not read",
            ruleId: "read.figures-unplaced"))
        continue
      }
      // Only a row with a cell that may be a note needs its texts trimmed and compared.
      if row.cells.contains(where: { Self.mayBeNote($0.value.text) }) {
        let texts = HeaderBand.rowTexts(grid, r)
        if let noteText = texts.first(where: { Self.isNote($0.1) })?.1,
          texts.allSatisfy({ Self.isNote($0.1) || $0.1 == noteText })
        {
          note = note.map { $0 + "\n" + noteText } ?? Normalize.name(noteText)
          continue
        }
      }
      var used = false
      var rowTotalName: String?
      for (s, columns) in mapping.sections.enumerated() {
        let text = { (c: Int?) -> String in
          guard let c, let v = row.value(at: c) else { return "" }
          return v.text
        }
        var code = Self.code(from: columns, text: text)
        var name = Normalize.name(text(columns.name))
        let secondName = columns.secondName.map { Normalize.name(text($0)) }
        // A total printed in the code column (合计 under 科目编码, or across 类/款/项).
        if code == nil, name.isEmpty, let c = columns.code ?? columns.codeParts.compactMap({ $0 }).first {
          let raw = Normalize.name(text(c))
          if Normalize.code(raw) == nil, layout.totalNameList.contains(Normalize.header(raw)) || columns.code != nil {
            name = raw
          }
        }
        let amounts: [Amount?] = columns.amounts.map { column in
          column.flatMap {
            parseAmount(row.value(at: $0), at: CellAddress(row: r, column: $0), issues: &issues, place: place)
          }
        }
        let hasAmount = amounts.contains { $0 != nil }
        if code == nil, name.isEmpty, !hasAmount, secondName?.isEmpty ?? true { continue }
        // Side-by-side parts share one 合计 label printed on the left part only (表9).
        if code == nil, name.isEmpty, let total = rowTotalName { name = total }
        used = true
        // A code alone on its line, its name on the next.
        if code != nil, name.isEmpty, !hasAmount {
          pendingCode[s] = code
          continue
        }
        if code == nil, let pending = pendingCode[s] {
          code = pending
        }
        pendingCode[s] = nil
        // Both tests below that need the line key are of rows without a code.
        let key = code == nil ? Self.lineKey(name) : ""
        // A name wrapped onto the next line: no code, no amounts, not a line of its own, and
        // directly under the row it continues (text after a blank line is not a wrapped name).
        if code == nil, !hasAmount, !name.isEmpty, let previous = sections[s].rows.last, previous.line == r,
          !startsLine(name, key: key)
        {
          sections[s].rows[sections[s].rows.count - 1].name += name
          continue
        }
        let kind: RowKind = code == nil && layout.totalNameList.contains(key) ? .total : .item
        if kind == .total { rowTotalName = name }
        if code == nil, !layout.closingNames.isEmpty, layout.closingNames.contains(Normalize.header(key)) {
          closed = true
        }
        sections[s].rows.append(
          BudgetRow(
            kind: kind, code: code, name: name, secondName: secondName?.isEmpty == true ? nil : secondName,
            amounts: amounts, line: r + 1, sheet: sheet))
      }
      if used { dataRows.append(r) }
    }
    return (sections, note, dataRows)
  }

  /// Whether a name begins a line of its own rather than continuing a wrapped one; `key` is its `lineKey`.
  func startsLine(_ name: String, key: String) -> Bool {
    if layout.totalNameList.contains(Normalize.header(name)) || layout.fixedLineNameList.contains(key) {
      return true
    }
    if Self.hasNumberedOrdinal(name) { return true }
    guard Self.mayStartWithOrdinal(name) else { return false }
    if name.isPlainText {
      // The same tests as below: each Character of plain text is one scalar.
      let scalars = name.unicodeScalars
      if let first = scalars.first, ("①"..."⑩").contains(first) { return true }
      if let i = scalars.firstIndex(of: "、"), i != scalars.startIndex,
        scalars[..<i].allSatisfy({ "一二三四五六七八九十".unicodeScalars.contains($0) })
      {
        return true
      }
      return false
    }
    if let first = name.first, "①②③④⑤⑥⑦⑧⑨⑩".contains(first) { return true }
    if let i = name.firstIndex(of: "、"), name[..<i].allSatisfy({ "一二三四五六七八九十".contains($0) }), i != name.startIndex {
      return true
    }
    return false
  }

  /// Whether a name starts with an ordinal in digits or in brackets (`1. `, `2、`, `（一）`), as
  /// the income lines of the Shanghai and Jiangsu summary tables are numbered.
  static func hasNumberedOrdinal(_ name: String) -> Bool {
    let scalars = Array(name.unicodeScalars.prefix(6))
    var i = 0
    while i < scalars.count, scalars[i].properties.numericType != nil, scalars[i].isASCII { i += 1 }
    if i > 0, i < scalars.count, [".", "．", "、"].contains(scalars[i]) { return true }
    if let first = scalars.first, first == "（" || first == "(" {
      var j = 1
      while j < scalars.count, "一二三四五六七八九十".unicodeScalars.contains(scalars[j]) { j += 1 }
      return j > 1 && j < scalars.count && (scalars[j] == "）" || scalars[j] == ")")
    }
    return false
  }

  /// Whether a name starts with a Chinese ordinal (`五、`).
  static func hasChineseOrdinal(_ name: String) -> Bool {
    let scalars = name.unicodeScalars.drop { $0.isSpace }
    let numerals = scalars.prefix { "一二三四五六七八九十".unicodeScalars.contains($0) }
    return !numerals.isEmpty && scalars.dropFirst(numerals.count).first == "、"
  }

  /// The key of a line name without its ordinal (`normalizedName` returns most names as they are).
  static func lineKey(_ name: String) -> String {
    Normalize.header(BudgetRow.normalizedName(name))
  }

  /// Whether a name may begin with an ordinal (`六、`, `①`): it holds `、` or starts with ①…⑩.
  static func mayStartWithOrdinal(_ name: String) -> Bool {
    if let first = name.unicodeScalars.first, ("①"..."⑩").contains(first) { return true }
    return name.utf8Range(of: "、") != nil
  }

  /// Whether a text's first non-space scalar may start a note (注, 说明, 备注 or 本表).
  static func mayBeNote(_ text: String) -> Bool {
    guard let first = text.unicodeScalars.first(where: { !$0.isSpace }) else { return false }
    return first == "注" || first == "说" || first == "备" || first == "本"
  }

  static func isNote(_ text: String) -> Bool {
    // Most cells are not notes and skip normalization.
    guard mayBeNote(text) else { return false }
    let n = Normalize.header(text)
    return n.hasPrefixFast("注:") || n.hasPrefixFast("说明:") || n.hasPrefixFast("备注:")
      || n.hasPrefixFast("注") && n.containsFast("无数据") || n.equalsFast("本表无数据")
  }

  static func code(from columns: ColumnAssignment.SectionColumns, text: (Int?) -> String) -> String? {
    if let c = columns.code, let code = Normalize.code(text(c)) { return code }
    var code = ""
    for part in columns.codeParts {
      guard let part, let digits = Normalize.code(text(part)) else { continue }
      code = digits.hasPrefix(code) && !code.isEmpty && digits.count > code.count ? digits : code + digits
    }
    return code.isEmpty ? nil : code
  }

  func parseAmount(_ value: CellValue?, at address: CellAddress, issues: inout [ReadIssue], place: (String) -> String)
    -> Amount?
  {
    guard let value else { return nil }
    let parsed: Amount?
    switch value {
    case .number(let t):
      parsed = Amount(parsing: t)
    case .text(let t):
      let trimmed = t.trimmingWhitespace()
      if trimmed.isEmpty || ["-", "—", "－", "/", "——"].contains(trimmed) { return nil }
      parsed = Amount(parsing: trimmed)
    case .bool, .error:
      parsed = nil
    }
    guard let amount = parsed else {
      issues.append(.unreadableAmount(value.text, at: place(address.a1)))
      return nil
    }
    return amount
  }

  /// Whether the rows read end with one of the layout's closing rows (nothing can follow).
  func closed(_ sections: [TableSection]) -> Bool {
    guard !layout.closingNames.isEmpty else { return false }
    return sections.contains { section in
      section.rows.contains { $0.code == nil && layout.closingNames.contains(Normalize.header(Self.lineKey($0.name))) }
    }
  }

  /// A row that is one text of two or more figures separated by spaces (`2,946.25 2,940.05`),
  /// with the figures; nil for any other row.
  static func figuresLine(_ row: GridRow) -> (text: String, figures: [Amount])? {
    var text: String?
    for cell in row.cells {
      guard case .text(let t) = cell.value else {
        if case .number = cell.value { return nil }
        continue
      }
      let trimmed = t.trimmingWhitespace()
      if trimmed.isEmpty { continue }
      guard text == nil else { return nil }
      text = trimmed
    }
    guard let text, text.utf8.contains(UInt8(ascii: " ")) else { return nil }
    let tokens = text.split(separator: " ", omittingEmptySubsequences: true)
    guard tokens.count >= 2,
      tokens.allSatisfy({ $0.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "." || $0 == "," || $0 == "-") } })
    else { return nil }
    let figures = tokens.compactMap { Amount(parsing: String($0)) }
    return figures.count == tokens.count ? (text, figures) : nil
  }

  /// Whether a figures line (see `figuresLine`) repeats the figures of the row read before it (`2,946.25 2,940.05` under `本年收入合计|2946.25|…|2940.05`; `221 02 03 258.50
  /// 258.50`): the text layer of a PDF page that a conversion printed again at the page's foot.
  /// Figures that differ from the row above are not passed over (they are read, and reported).
  static func repeats(_ line: (text: String, figures: [Amount]), _ previous: GridRow?) -> Bool {
    guard let previous else { return false }
    let above = previous.cells.map { $0.value.text.trimmingWhitespace() }.filter { !$0.isEmpty }
      .compactMap { Amount(parsing: $0) }
    let figures = line.figures
    // The figures, in order, are the numeric cells of the row above (codes and amounts alike).
    var j = 0
    for figure in figures {
      while j < above.count, above[j] != figure { j += 1 }
      guard j < above.count else { return false }
      j += 1
    }
    return true
  }

  /// Whether a row holds only placeholders of an empty template (`…`, `……`, `...`).
  static func isPlaceholder(_ row: GridRow) -> Bool {
    var any = false
    for cell in row.cells {
      guard case .text(let t) = cell.value else {
        if case .number = cell.value { return false }
        continue
      }
      let trimmed = t.trimmingWhitespace()
      if trimmed.isEmpty { continue }
      guard trimmed.allSatisfy({ $0 == "…" || $0 == "." || $0 == "。" || $0 == "⋯" }) else { return false }
      any = true
    }
    return any
  }

  /// Whether a row is a page number or footer line (`第 2 页`, `- 3 -`, `2/5`, `共 5 页`).
  static func isPageMark(_ row: GridRow) -> Bool {
    let texts = row.cells.map { $0.value.text.trimmingWhitespace() }.filter { !$0.isEmpty }
    guard texts.count == 1, let text = texts.first, text.count <= 16 else { return false }
    let n = Normalize.header(text)
    if n.hasPrefixFast("第"), n.hasSuffixFast("页") { return true }
    if n.hasPrefixFast("共"), n.hasSuffixFast("页") { return true }
    let digitsOnly = { (t: Substring) in !t.isEmpty && t.allSatisfy { $0.isASCII && $0.isNumber } }
    if n.hasPrefixFast("-") || n.hasPrefixFast("—"), n.hasSuffixFast("-") || n.hasSuffixFast("—") {
      return digitsOnly(Substring(n.dropFirst().dropLast()))
    }
    let parts = n.split(separator: "/", omittingEmptySubsequences: false)
    return parts.count == 2 && parts.allSatisfy(digitsOnly)
  }
}
