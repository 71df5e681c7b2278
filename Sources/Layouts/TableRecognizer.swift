import Budget
import Sheets

/// What was found in one grid: the tables read from it, or why none was.
public struct GridReading: Sendable {
  /// The grid's name (sheet name or CSV file name).
  public var gridName: String
  /// Tables read from the grid, in the order they appear.
  public var tables: [TableReading]
  /// Why nothing was read, when `tables` is empty.
  public var unrecognized: ReadIssue?
  /// 绩效目标申报表 forms read from the grid (see `FormReader`).
  public var forms: [PerformanceForm] = []
  /// What the user should know about the forms (a 资金 amount that is not read …).
  public var formIssues: [ReadIssue] = []
}

/// One table read from a grid, with what `inspect` shows about how it was read.
public struct TableReading: Sendable {
  /// The table.
  public var table: BudgetTable
  /// Department name from the 部门名称 line, if printed.
  public var department: String?
  /// Year from the title, if printed.
  public var year: Int?
  /// Where the title is.
  public var titleCell: CellAddress
  /// Header rows (1-based, as users count), e.g. 3…4.
  public var headerRows: ClosedRange<Int>
  /// How each column was mapped: column letters, the printed header path, and the model field.
  public var columnMap: [ColumnMapping]
  /// Data rows read.
  public var dataRowCount: Int
  /// Things to tell the user.
  public var issues: [ReadIssue]
}

/// How one printed column was mapped.
public struct ColumnMapping: Sendable, Equatable {
  /// Column letters, e.g. `C`.
  public var column: String
  /// The header path as printed, joined with ` / `.
  public var header: String
  /// The model field: `code`, `name`, `secondName`, an amount key, or nil when not used.
  public var field: String?
  /// The section the column belongs to.
  public var section: SectionRole
}

/// Reads budget tables out of grids according to a layout set.
public struct TableRecognizer: Sendable {
  /// The declarations used.
  public var layouts: LayoutSet

  /// Creates a recognizer for a layout set (the Datong/Shanxi set by default).
  public init(layouts: LayoutSet = .datong) {
    self.layouts = layouts
  }

  struct TitleHit {
    var row: Int
    var column: Int
    var text: String
    var layout: TableLayout
    var label: String?
  }

  /// Finds and reads every table in a grid. `file` and `sheet` go into provenance.
  public func read(_ grid: Grid, file: String, sheet: String?) -> GridReading {
    if TidyCSV.isTidy(grid) {
      do {
        return GridReading(gridName: grid.name, tables: [try TidyCSV.read(grid, file: file, layouts: layouts)], unrecognized: nil)
      } catch {
        return GridReading(gridName: grid.name, tables: [], unrecognized: error)
      }
    }
    if let forms = FormReader.reading(grid, file: file, sheet: sheet) { return forms }
    let hits = findTitles(grid)
    let place = sheet.map { "\(file) \($0)" } ?? file
    guard !hits.isEmpty else {
      return GridReading(
        gridName: grid.name, tables: [],
        unrecognized: ReadIssue(
          location: place,
          zh: "未识别为预算公开表：没有找到表名（如“2023年预算支出总表”）或“预算公开表N”标签",
          en: "not recognized as a budget table: no title (such as 2023年预算支出总表) or 预算公开表N label found"))
    }
    var tables: [TableReading] = []
    var failure: ReadIssue?
    for (i, hit) in hits.enumerated() {
      let limit = i + 1 < hits.count ? hits[i + 1].row : grid.rowCount
      switch readTable(grid, hit: hit, limit: limit, file: file, sheet: sheet) {
      case .success(let t): tables.append(t)
      case .failure(let issue): failure = issue
      }
    }
    return GridReading(gridName: grid.name, tables: tables, unrecognized: tables.isEmpty ? failure : nil)
  }

  /// Title cells (and labels) of known tables, top to bottom, one per table.
  func findTitles(_ grid: Grid) -> [TitleHit] {
    var hits: [TitleHit] = []
    var pendingLabel: (row: Int, text: String, number: Int)?
    for row in grid.rows {
      for cell in row.cells {
        guard case .text(let raw) = cell.value else { continue }
        // Titles and labels all contain 表; most cells do not, and skip normalization.
        guard raw.utf8.count <= 320, raw.utf8Range(of: "表") != nil else { continue }
        let text = raw.trimmingWhitespace()
        // A text of at most 80 bytes has at most 80 Characters; only longer ones need counting.
        guard !text.isEmpty, text.utf8.count <= 80 || text.count <= 80 else { continue }
        let n = Normalize.header(text)
        if let number = Self.labelNumber(n) {
          pendingLabel = (row.index, text, number)
          continue
        }
        guard n.hasSuffixFast("表") || n.containsFast("表(") || n.hasPrefixFast("{Y}") else { continue }
        if let layout = layouts.tables.first(where: { $0.matchesTitle(n) }) {
          if let last = hits.last, last.row == row.index { continue }
          var label: String?
          if let p = pendingLabel, row.index - p.row <= 3 { label = p.text }
          hits.append(TitleHit(row: row.index, column: cell.column, text: text, layout: layout, label: label))
          pendingLabel = nil
        }
      }
    }
    // A label without a recognizable title still names its table.
    if hits.isEmpty, let p = pendingLabel, let layout = layouts.layout(p.number) {
      hits.append(TitleHit(row: p.row, column: 0, text: p.text, layout: layout, label: p.text))
    }
    return hits
  }

  /// The N of `预算公开表N` / `部门公开表N` (normalized text), if the text is such a label.
  static func labelNumber(_ normalized: String) -> Int? {
    for prefix in ["预算公开表", "部门公开表", "部门预算公开表"] where normalized.hasPrefixFast(prefix) {
      let rest = normalized.dropFirst(prefix.count)
      if let n = Int(rest), (1...13).contains(n) { return n }
    }
    return nil
  }

  func readTable(_ grid: Grid, hit: TitleHit, limit: Int, file: String, sheet: String?) -> Result<TableReading, ReadIssue> {
    let layout = hit.layout
    let source = SourceRef(file: file, sheet: sheet)
    let place = { (a1: String) in sheet.map { "\(file) \($0)!\(a1)" } ?? "\(file)!\(a1)" }
    // Meta lines: 部门名称 and 单位, in the rows just below the title (or on the title row).
    var department: String?
    var unit = "万元"
    for r in hit.row..<min(limit, hit.row + 4) {
      for (_, text) in HeaderBand.rowTexts(grid, r) {
        let n = Normalize.header(text)
        if n.hasPrefixFast("部门名称:") || n.hasPrefixFast("单位名称:") || n.hasPrefixFast("编制单位:") {
          let value = text.split(maxSplits: 1, whereSeparator: { $0 == "：" || $0 == ":" }).dropFirst().first
          department = value.map { String($0).trimmingWhitespace() }
        }
        if let u = Self.unit(in: n) { unit = u }
      }
    }
    guard let band = HeaderBand.find(in: grid, from: hit.row + 1, limit: limit, layout: layout) else {
      return .failure(
        ReadIssue(
          location: place(CellAddress(row: hit.row, column: hit.column).a1),
          zh: "找到表名“\(hit.text)”，但其下没有表头（应有：\(expectedHeaders(layout))）",
          en: "found the title \(hit.text) but no header rows below it (expected: \(expectedHeaders(layout)))"))
    }
    let mapping: ColumnAssignment
    switch ColumnAssignment.assign(band: band, layout: layout) {
    case .success(let m): mapping = m
    case .failure(let missing):
      return .failure(
        ReadIssue(
          location: place(CellAddress(row: band.rows[0], column: 0).a1),
          zh: "“\(hit.text)”的表头缺少：\(missing.names)",
          en: "the headers of \(hit.text) lack: \(missing.names)"))
    }
    var issues: [ReadIssue] = []
    let rowReader = RowReader(layout: layout, mapping: mapping, unitFactor: unit == "元" ? 4 : 0)
    let (sections, note, dataRows) = rowReader.read(grid, rows: band.end..<limit, issues: &issues, place: place)
    let firstColumn = min(hit.column, band.paths.keys.min() ?? 0)
    let lastColumn = band.paths.keys.max() ?? firstColumn
    let lastRow = max(band.end - 1, dataRows.last ?? 0)
    var table = BudgetTable(
      number: layout.number, title: Normalize.name(hit.text), label: hit.label, note: note, sourceUnit: unit,
      sections: sections, source: source)
    table.source?.range = CellRange(firstRow: hit.label == nil ? hit.row : max(0, hit.row - 1), firstColumn: firstColumn, lastRow: lastRow, lastColumn: lastColumn).a1
    let year = Self.year(inTitle: hit.text)
    return .success(
      TableReading(
        table: table, department: department, year: year, titleCell: CellAddress(row: hit.row, column: hit.column),
        headerRows: (band.rows[0] + 1)...(band.rows.last! + 1),
        columnMap: mapping.describe(band: band), dataRowCount: dataRows.count, issues: issues))
  }

  func expectedHeaders(_ layout: TableLayout) -> String {
    layout.sections.flatMap { $0.columns.filter(\.required).map { $0.header.last ?? "" } }.joined(separator: "、")
  }

  /// `万元` or `元` from a normalized `单位:万元` text.
  static func unit(in normalized: String) -> String? {
    let rest: Substring
    if normalized.isPlainText {
      guard let r = normalized.utf8Range(of: "单位:") else { return nil }
      rest = Substring(normalized.utf8.dropFirst(r.upperBound))
    } else {
      guard let r = normalized.firstRange(of: "单位:") else { return nil }
      rest = normalized[r.upperBound...]
    }
    if rest.hasPrefix("万元") { return "万元" }
    if rest.hasPrefix("元") { return "元" }
    return nil
  }

  /// The year of a title such as `2023年预算支出总表`.
  static func year(inTitle title: String) -> Int? {
    var digits = ""
    for ch in title {
      if ch.isASCII, ch.isNumber {
        digits.append(ch)
        if digits.count == 4, let y = Int(digits), (1990...2100).contains(y) { return y }
      } else {
        digits = ""
      }
    }
    return nil
  }
}
