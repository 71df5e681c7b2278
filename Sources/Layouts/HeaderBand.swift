import Sheets

/// The header rows of one table in a grid, and the header path of every column.
struct HeaderBand {
  /// Row indices of the header rows (without a column-numbering row).
  var rows: [Int]
  /// The row of column numbers (1, 2, 3 …) printed under the headers, if any.
  var numberingRow: Int?
  /// The header path of each column (normalized texts, top to bottom, without repeats).
  var paths: [Int: [String]]
  /// The same paths as printed (for `inspect`).
  var printedPaths: [Int: [String]]
  /// The normalized texts of each header row, to recognize the headers printed again after a
  /// page break.
  var signature: [[String]] = []
  /// Header words printed at the start of the first data row (`类|款|项|合计|2946.25…`: a PDF
  /// conversion put the last header row and the first data row on one line), by column. They
  /// end the columns' paths; the row itself is read as data.
  var leadingHeaders: [Int: String] = [:]

  /// The first row after the band.
  var end: Int { max(rows.last ?? -1, numberingRow ?? -1) + 1 }

  /// Finds the header rows after `start` and before `limit`, using the layout's vocabulary.
  static func find(in grid: Grid, from start: Int, limit: Int, layout: TableLayout) -> HeaderBand? {
    let vocabulary = layout.headerVocabulary
    var rows: [Int] = []
    var numberingRow: Int?
    var r = start
    while r < limit {
      let texts = rowTexts(grid, r)
      if texts.isEmpty {
        // A blank line inside the headers (a PDF conversion's gap between two header lines)
        // when the next line is all header words.
        if rows.isEmpty || (r + 1 < limit && isHeaderWordsOnly(grid, r + 1, vocabulary: vocabulary)) {
          r += 1
          continue
        }
        break
      }
      if !rows.isEmpty, isNumbering(texts) {
        numberingRow = r
        break
      }
      let normalized = texts.map { Normalize.header($0.1) }
      // A lone 合计/总计 under the headers is the total row of a table whose amounts are all
      // blank, not one more header row: a header row under a header row names amount columns.
      if !rows.isEmpty, normalized.count == 1, normalized[0] == "合计" || normalized[0] == "总计" { break }
      if !rows.isEmpty, let leading = leadingHeaderWords(texts, vocabulary: vocabulary, layout: layout) {
        var band = HeaderBand(rows: rows, numberingRow: nil, paths: [:], printedPaths: [:])
        band.leadingHeaders = leading
        band.signature = rows.map { r in rowTexts(grid, r).map { Normalize.header($0.1) } }
        band.computePaths(grid)
        return band
      }
      let known = normalized.filter { vocabulary.contains($0) }.count
      // A classification code written as text (`223`, `2010101`) makes a data row, not a header.
      let hasAmount =
        texts.contains { isDecimalAmount($0.1) || isCodeText($0.1) } || hasNumberCell(grid, r)
      if known > 0, known * 2 >= normalized.count, !hasAmount {
        rows.append(r)
      } else if rows.isEmpty, isMetaRow(texts) || isPunctuationOnly(texts) {
        // 部门名称 / 单位 line between title and headers; or the quotation marks of a title
        // (`财政拨款“三公”经费…`) that a PDF conversion put on a line of their own.
      } else {
        break
      }
      r += 1
    }
    guard !rows.isEmpty else { return nil }
    var band = HeaderBand(rows: rows, numberingRow: numberingRow, paths: [:], printedPaths: [:])
    band.signature = rows.map { r in rowTexts(grid, r).map { Normalize.header($0.1) } }
    band.computePaths(grid)
    return band
  }

  /// The header words at the start of a data row, when at least two leading cells are header
  /// words of the layout (not totals) and the rest of the row holds an amount: the case of
  /// `leadingHeaders`. Nil for an ordinary header or data row.
  static func leadingHeaderWords(_ texts: [(Int, String)], vocabulary: NameList, layout: TableLayout) -> [Int: String]?
  {
    var leading: [Int: String] = [:]
    var i = 0
    while i < texts.count, case let n = Normalize.header(texts[i].1), vocabulary.contains(n),
      !layout.totalNameList.contains(n)
    {
      leading[texts[i].0] = texts[i].1
      i += 1
    }
    guard leading.count >= 2, i < texts.count,
      texts[i...].contains(where: { isDecimalAmount($0.1) || Double($0.1) != nil })
    else {
      return nil
    }
    return leading
  }

  /// Whether a row below the band repeats one of its header rows (two texts or more).
  func isRepeated(in grid: Grid, row: Int) -> Bool {
    guard !rows.contains(row), let cells = grid.row(row)?.cells, cells.count >= 2 else { return false }
    // Header rows are text only: a row with a number is data.
    guard !cells.contains(where: { if case .number = $0.value { true } else { false } }) else { return false }
    let texts = Self.rowTexts(grid, row).map { Normalize.header($0.1) }
    return texts.count >= 2 && signature.contains(texts)
  }

  /// Non-empty cell texts of a row with their columns.
  static func rowTexts(_ grid: Grid, _ row: Int) -> [(Int, String)] {
    guard let r = grid.row(row) else { return [] }
    return r.cells.compactMap { c in
      let t = c.value.text.trimmingWhitespace()
      return t.isEmpty ? nil : (c.column, t)
    }
  }

  static func isNumbering(_ texts: [(Int, String)]) -> Bool {
    guard texts.count >= 2 else { return false }
    return texts.enumerated().allSatisfy { i, t in Int(t.1) == i + 1 }
  }

  /// Whether a row holds only texts, at least two, every one a header word of the vocabulary.
  static func isHeaderWordsOnly(_ grid: Grid, _ row: Int, vocabulary: NameList) -> Bool {
    let texts = rowTexts(grid, row)
    return texts.count >= 2 && !hasNumberCell(grid, row)
      && texts.allSatisfy { vocabulary.contains(Normalize.header($0.1)) }
  }

  /// Whether every text of a row is punctuation only (no letter, ideograph or digit).
  static func isPunctuationOnly(_ texts: [(Int, String)]) -> Bool {
    texts.allSatisfy { t in
      t.1.unicodeScalars.allSatisfy { !$0.properties.isAlphabetic && $0.properties.numericType == nil }
    }
  }

  static func isMetaRow(_ texts: [(Int, String)]) -> Bool {
    texts.allSatisfy { t in
      let n = Normalize.header(t.1)
      return n.hasPrefixFast("部门名称") || n.hasPrefixFast("单位:") || n.hasPrefixFast("金额单位") || n.hasPrefixFast("单位名称:")
        || n.hasPrefixFast("预算公开表") || n.hasPrefixFast("部门公开表") || n.hasPrefixFast("编制单位") || n.hasPrefixFast("公开")
        || MetaLine.isMeta(t.1)
    }
  }

  /// Whether a text is a classification code (3 to 9 digits, not a year), which no header is.
  static func isCodeText(_ text: String) -> Bool {
    let n = text.utf8.count
    guard n >= 3, n <= 9, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return false }
    return !(n == 4 && (Int(text).map { (1990...2100).contains($0) } ?? false))
  }

  /// Whether a row holds a numeric cell other than a year (headers are text).
  static func hasNumberCell(_ grid: Grid, _ row: Int) -> Bool {
    grid.row(row)?.cells.contains { cell in
      guard case .number(let n) = cell.value else { return false }
      return !(Int(n).map { (1990...2100).contains($0) } ?? false)
    } ?? false
  }

  /// Whether a text looks like an amount with decimals (`1,331.42`, `0.00`), which no header has.
  static func isDecimalAmount(_ text: String) -> Bool {
    // Most texts hold no `.` byte at all; ASCII ones are checked by bytes (Characters are bytes).
    guard text.utf8.contains(UInt8(ascii: ".")) else { return false }
    if text.utf8.allSatisfy({ $0 < 0x80 }) {
      return text.utf8.allSatisfy {
        ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "-")
      }
    }
    return text.contains(".") && text.allSatisfy { $0.isNumber || $0 == "." || $0 == "," || $0 == "-" }
  }

  /// Header paths per column: merged cells give their text to every covered cell; an empty cell
  /// right of a header takes that header when a lower header row has text in its column (the
  /// way a merged header looks in CSV, where only the top-left cell holds the text).
  mutating func computePaths(_ grid: Grid) {
    var columns = Set<Int>()
    for r in rows { for (c, _) in Self.rowTexts(grid, r) { columns.insert(c) } }
    columns.formUnion(leadingHeaders.keys)
    // Only merges over the band's rows can cover its cells (looked up for every cell below).
    let merges = grid.merges.filter { m in rows.contains(where: { m.first.row <= $0 && $0 <= m.last.row }) }
    let mergedRange = { (address: CellAddress) in merges.first { $0.contains(address) } }
    for m in merges {
      for c in m.first.column...min(m.last.column, m.first.column + 512) { columns.insert(c) }
    }
    guard let minC = columns.min(), let maxC = columns.max() else { return }
    var texts: [[String]] = rows.map { r in
      (minC...maxC).map { c in
        let address = CellAddress(row: r, column: c)
        if let m = mergedRange(address) {
          return grid[m.first]?.text.trimmingWhitespace() ?? ""
        }
        return grid[r, c]?.text.trimmingWhitespace() ?? ""
      }
    }
    if !leadingHeaders.isEmpty {
      texts.append((minC...maxC).map { leadingHeaders[$0]?.trimmingWhitespace() ?? "" })
    }
    let width = maxC - minC + 1
    for i in texts.indices {
      for j in 1..<max(width, 1) where texts[i][j].isEmpty && !texts[i][j - 1].isEmpty {
        let below = (i + 1..<texts.count).contains { !texts[$0][j].isEmpty }
        let leftIsMergeStart = i < rows.count && mergedRange(CellAddress(row: rows[i], column: minC + j - 1)) != nil
        // Not across the end of the header above: under 公务用车购置及运行费's last column, an empty
        // cell under 公务接待费 is not 公务用车运行费's.
        let sameParent = i == 0 || texts[i - 1][j] == texts[i - 1][j - 1]
        if below && !leftIsMergeStart && sameParent { texts[i][j] = texts[i][j - 1] }
      }
    }
    for j in 0..<width {
      var printed: [String] = []
      for i in texts.indices where !texts[i][j].isEmpty && printed.last != texts[i][j] {
        printed.append(texts[i][j])
      }
      if !printed.isEmpty {
        printedPaths[minC + j] = printed
        paths[minC + j] = printed.map(Normalize.header)
      }
    }
  }
}
