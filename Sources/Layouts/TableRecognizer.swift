import Budget
import Sheets

/// What was found in one grid: the tables read from it, or why none was.
public struct GridReading: Sendable {
  /// The grid's name (sheet name or CSV file name).
  public var gridName: String
  /// Tables read from the grid, in the order they appear (by the set that explains the grid best,
  /// until `TableRecognizer.settle` puts the department's set in charge).
  public var tables: [TableReading]
  /// Why nothing was read, when `tables` is empty.
  public var unrecognized: ReadIssue?
  /// 绩效目标申报表 forms read from the grid (see `FormReader`).
  public var forms: [PerformanceForm] = []
  /// What the user should know about the forms (a 资金 amount that is not read …).
  public var formIssues: [ReadIssue] = []
  /// What each candidate set that found a title made of the grid.
  public var candidates: [SetReading] = []
  /// Things noticed in the grid outside any table (a text that looks like a title but is none).
  public var issues: [ReadIssue] = []
  /// The grid, kept so that a table continued onto it can be read once the set is known (and
  /// for `inspect`).
  public internal(set) var grid: Grid?
  /// Whether the sheet is hidden in its workbook.
  public internal(set) var hidden = false
  /// The encoding a CSV file was decoded from.
  public internal(set) var encoding: TextEncoding?
  /// The file name, and the sheet name (nil for CSV), for provenance of what is read later.
  public internal(set) var file = ""
  public internal(set) var sheet: String?

  /// Creates a reading.
  public init(
    gridName: String, tables: [TableReading], unrecognized: ReadIssue?, forms: [PerformanceForm] = [],
    formIssues: [ReadIssue] = []
  ) {
    self.gridName = gridName
    self.tables = tables
    self.unrecognized = unrecognized
    self.forms = forms
    self.formIssues = formIssues
  }
}

/// What one template set made of one grid.
public struct SetReading: Sendable {
  /// The set's id.
  public var set: String
  /// The tables it read.
  public var tables: [TableReading]
  /// Why it read none, when it found a title but could not read the table.
  public var unrecognized: ReadIssue?
  /// Texts that look like titles of the set but are not read.
  public var issues: [ReadIssue]
  /// How well the set explains the grid (own titles weigh more than keywords).
  public var score: Int
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
  /// How strongly the title names the table: 3 for the set's own title, 1 for a keyword, +2 for
  /// the set's label.
  public var evidence: Int = 1
  /// What reading the table on a following sheet needs.
  var continuation: Continuation?
  /// The set a tidy CSV names in its `template` column.
  var tidySet: String?
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

/// Reads budget tables out of grids according to template sets: every candidate set reads the
/// grid, and `settle` keeps the set that explains the department's grids best.
public struct TableRecognizer: Sendable {
  /// The candidate sets, in order of preference when two explain a workbook equally well.
  public var candidates: [LayoutSet]

  /// The first candidate (the forced set when there is one).
  public var layouts: LayoutSet { candidates[0] }

  /// Creates a recognizer for one set (the Datong/Shanxi set by default).
  public init(layouts: LayoutSet = .datong) {
    self.candidates = [layouts]
  }

  /// Creates a recognizer that detects the set among candidates.
  public init(candidates: [LayoutSet]) {
    precondition(!candidates.isEmpty, "a recognizer needs at least one template set")
    self.candidates = candidates
  }

  struct TitleHit {
    var row: Int
    var column: Int
    var text: String
    var layout: TableLayout
    var label: String?
    var evidence: Int
  }

  /// Finds and reads every table in a grid. `file` and `sheet` go into provenance.
  public func read(_ grid: Grid, file: String, sheet: String?) -> GridReading {
    if TidyCSV.isTidy(grid) {
      do {
        let table = try TidyCSV.read(grid, file: file, sets: candidates)
        var reading = GridReading(gridName: grid.name, tables: [table], unrecognized: nil)
        reading.file = file
        reading.candidates = [
          SetReading(set: table.tidySet ?? layouts.name, tables: [table], unrecognized: nil, issues: [], score: 3)
        ]
        return reading
      } catch {
        return GridReading(gridName: grid.name, tables: [], unrecognized: error)
      }
    }
    if var forms = FormReader.reading(grid, file: file, sheet: sheet) {
      forms.grid = grid
      forms.file = file
      forms.sheet = sheet
      return forms
    }
    let place = sheet.map { "\(file) \($0)" } ?? file
    var reading = GridReading(gridName: grid.name, tables: [], unrecognized: nil)
    reading.grid = grid
    reading.file = file
    reading.sheet = sheet
    for set in candidates {
      let (hits, nearTitles) = findTitles(grid, set: set, file: file, sheet: sheet)
      guard !hits.isEmpty else {
        if !nearTitles.isEmpty {
          reading.candidates.append(
            SetReading(set: set.name, tables: [], unrecognized: nil, issues: nearTitles, score: 0))
        }
        continue
      }
      var tables: [TableReading] = []
      var failure: ReadIssue?
      for (i, hit) in hits.enumerated() {
        let limit = i + 1 < hits.count ? hits[i + 1].row : grid.rowCount
        switch readTable(grid, hit: hit, limit: limit, set: set, file: file, sheet: sheet) {
        case .success(let t): tables.append(t)
        case .failure(let issue): failure = issue
        }
      }
      // The set's heading over its tables names the department and year where no meta line does.
      if let heading = SetHeading.find(in: grid, set: set, above: hits[0].row) {
        for i in tables.indices {
          if tables[i].department == nil { tables[i].department = heading.department }
          if tables[i].year == nil { tables[i].year = heading.year }
        }
      }
      // Every title found counts (so that a set whose table failed to read still names the
      // failure), and each table read counts once more.
      let score = hits.reduce(0) { $0 + $1.evidence } + tables.count
      reading.candidates.append(
        SetReading(
          set: set.name, tables: tables, unrecognized: tables.isEmpty ? failure : nil, issues: nearTitles, score: score)
      )
    }
    if let best = Self.best(reading.candidates) {
      reading.tables = best.tables
      reading.issues = best.issues
      reading.unrecognized = best.tables.isEmpty ? best.unrecognized : nil
    }
    if reading.tables.isEmpty && reading.unrecognized == nil {
      reading.unrecognized = ReadIssue(
        location: place,
        zh: "未识别为预算公开表：没有找到表名（如“2023年预算支出总表”）或“预算公开表N”标签",
        en: "not recognized as a budget table: no title (such as 2023年预算支出总表) or 预算公开表N label found",
        ruleId: "read.not-a-table", severity: .info)
    }
    return reading
  }

  /// The set reading with the highest score; the earlier candidate on a tie.
  static func best(_ readings: [SetReading]) -> SetReading? {
    var best: SetReading?
    for r in readings where best == nil || r.score > best!.score { best = r }
    return best
  }

  /// Title cells (and labels) of a set's tables, top to bottom, one per table; and texts that
  /// look like titles but name none of the set's tables.
  func findTitles(_ grid: Grid, set: LayoutSet, file: String, sheet: String?) -> ([TitleHit], [ReadIssue]) {
    var hits: [TitleHit] = []
    var near: [ReadIssue] = []
    var pendingLabel: (row: Int, text: String, number: Int)?
    for row in grid.rows {
      for cell in row.cells {
        guard case .text(let raw) = cell.value else { continue }
        // Titles and labels all contain 表 (or, misspelt, a title-like word); most cells do not.
        guard raw.utf8.count <= 640, raw.utf8Range(of: "表") != nil || raw.utf8Range(of: "预算") != nil else { continue }
        var text = raw.trimmingWhitespace()
        guard !text.isEmpty else { continue }
        var n = Normalize.header(text)
        if let number = set.labelNumber(n) {
          pendingLabel = (row.index, text, number)
          continue
        }
        // A title printed in one cell with the department and unit (PDF conversions).
        if let meta = MetaLine.read(text), !meta.lead.isEmpty {
          text = meta.lead
          n = Normalize.header(text)
        }
        // A text of at most 80 bytes has at most 80 Characters; only longer ones need counting.
        guard text.utf8.count <= 80 || text.count <= 80 else { continue }
        // A numbered line (`9. 2026年单位“三公”经费…预算表`) is a table of contents' entry, not a title.
        let titleLike =
          (n.hasSuffixFast("表") || n.containsFast("表(") || n.hasPrefixFast("{Y}"))
          && !RowReader.hasNumberedOrdinal(text)
        let layout =
          titleLike
          ? set.tables.first(where: { $0.isOwnTitle(n) }) ?? set.tables.first(where: { $0.matchesTitle(n) }) : nil
        guard let layout else {
          if SetHeading.read(text, set: set) != nil { continue }  // the set's heading, not a title
          if let issue = Self.nearTitle(
            n, text: text, set: set, at: CellAddress(row: row.index, column: cell.column), file: file, sheet: sheet)
          {
            near.append(issue)
          }
          continue
        }
        if let last = hits.last, last.row == row.index { continue }
        var label: String?
        var evidence = layout.isOwnTitle(n) ? 3 : 1
        if let p = pendingLabel, row.index - p.row <= 3 {
          label = p.text
          if p.number == layout.number { evidence += 2 }
        }
        hits.append(
          TitleHit(row: row.index, column: cell.column, text: text, layout: layout, label: label, evidence: evidence))
        pendingLabel = nil
      }
    }
    // A label without a recognizable title still names its table.
    if hits.isEmpty, let p = pendingLabel, let layout = set.layout(p.number) {
      hits.append(TitleHit(row: p.row, column: 0, text: p.text, layout: layout, label: p.text, evidence: 2))
    }
    return (hits, near)
  }

  /// A read issue for a text that looks like a title (one typo from one of the set's titles, or
  /// a budget-table title the set does not declare), so that a table never vanishes unseen.
  static func nearTitle(
    _ normalized: String, text: String, set: LayoutSet, at address: CellAddress, file: String, sheet: String?
  ) -> ReadIssue? {
    let stem = Normalize.titleStem(normalized)
    // A table of contents (`五、部门预算表`, `1. 2026年部门收入预算总表 ……`) names titles without being one.
    guard stem.unicodeScalars.count >= 4, stem.unicodeScalars.count <= 40, !stem.contains(":"), !stem.contains("…"),
      !RowReader.hasNumberedOrdinal(text), !RowReader.hasChineseOrdinal(text)
    else {
      return nil
    }
    let place = sheet.map { "\(file) \($0)!\(address.a1)" } ?? "\(file)!\(address.a1)"
    if let close = set.tables.first(where: {
      Normalize.editDistance(stem, $0.normalizedStem, limit: 1) != nil
    }) {
      return ReadIssue(
        location: place, zh: "“\(text)”像是表名“\(close.titleStem)”，但不完全一致，未作为表读取；请核对表名",
        en: "\(text) looks like the title \(close.titleStem) but differs; not read as a table: check the title",
        ruleId: "read.title-unrecognized", severity: .warning)
    }
    let budgetWords = ["预算", "决算", "收支", "支出", "收入", "三公", "经费"]
    if normalized.hasSuffixFast("表"),
      normalized.hasPrefixFast("{Y}") || budgetWords.contains(where: { stem.containsFast($0) })
    {
      return ReadIssue(
        location: place, zh: "“\(text)”像是表名，但不是模板“\(set.nameZh)”中的表，未读取",
        en: "\(text) looks like a table title but names no table of the template \(set.nameEn); not read",
        ruleId: "read.title-unrecognized", severity: .warning)
    }
    return nil
  }

  func readTable(
    _ grid: Grid, hit: TitleHit, limit: Int, set: LayoutSet, file: String, sheet: String?
  ) -> Result<TableReading, ReadIssue> {
    let layout = hit.layout
    let source = SourceRef(file: file, sheet: sheet)
    let place = { (a1: String) in sheet.map { "\(file) \($0)!\(a1)" } ?? "\(file)!\(a1)" }
    guard let band = HeaderBand.find(in: grid, from: hit.row + 1, limit: limit, layout: layout) else {
      return .failure(
        ReadIssue(
          location: place(CellAddress(row: hit.row, column: hit.column).a1),
          zh: "找到表名“\(hit.text)”，但其下没有表头（应有：\(expectedHeaders(layout))）",
          en: "found the title \(hit.text) but no header rows below it (expected: \(expectedHeaders(layout)))",
          ruleId: "read.header-missing", severity: .error))
    }
    var issues: [ReadIssue] = []
    // Meta lines: the department and the unit, from the title's row to the headers.
    var department: String?
    var units: [(unit: String, cell: String)] = []
    for r in hit.row..<min(band.rows[0] + 1, limit) {
      for (c, text) in HeaderBand.rowTexts(grid, r) {
        guard let meta = MetaLine.read(text) else { continue }
        if department == nil, let d = meta.department { department = d }
        if let u = meta.unit { units.append((u, CellAddress(row: r, column: c).a1)) }
      }
    }
    let unit: String
    if let first = units.first {
      unit = first.unit
      if let other = units.first(where: { $0.unit != first.unit }) {
        issues.append(
          ReadIssue(
            location: place(other.cell),
            zh:
              "“\(hit.text)”印有两个不同的金额单位：\(first.unit)（\(first.cell)）与 \(other.unit)（\(other.cell)），按 \(first.unit) 读取",
            en:
              "\(hit.text) prints two different units: \(first.unit) (\(first.cell)) and \(other.unit) (\(other.cell)); read as \(first.unit)",
            ruleId: "read.unit-conflict", severity: .error))
      }
    } else {
      unit = set.unit(of: layout)
      issues.append(
        ReadIssue(
          location: place(CellAddress(row: hit.row, column: hit.column).a1),
          zh: "“\(hit.text)”没有印金额单位（如“单位：万元”），按模板“\(set.nameZh)”的 \(unit) 读取",
          en: "\(hit.text) prints no unit (such as 单位：万元); read in the template's \(unit)",
          ruleId: "read.unit-missing", severity: .warning))
    }
    let mapping: ColumnAssignment
    switch ColumnAssignment.assign(band: band, layout: layout) {
    case .success(let m): mapping = m
    case .failure(let missing):
      return .failure(
        ReadIssue(
          location: place(CellAddress(row: band.rows[0], column: 0).a1),
          zh: "“\(hit.text)”的表头缺少：\(missing.names)",
          en: "the headers of \(hit.text) lack: \(missing.names)",
          ruleId: "read.header-incomplete", severity: .error))
    }
    let rowReader = RowReader(layout: layout, mapping: mapping, band: band)
    let (sections, note, dataRows) = rowReader.read(grid, rows: band.end..<limit, issues: &issues, place: place)
    issues += mapping.unmappedColumns(band: band, grid: grid, dataRows: dataRows).map { c in
      let printed = (band.printedPaths[c] ?? []).joined(separator: " / ")
      let header = printed.isEmpty ? "（无表头）" : printed
      let a1 = CellAddress(row: band.rows.last ?? band.rows[0], column: c).a1
      return ReadIssue(
        location: place(a1),
        zh: "“\(hit.text)”的表头“\(header)”（\(CellAddress.columnLetters(c)) 列）不对应本表的任何一列，该列未读取",
        en:
          "header \(header) (column \(CellAddress.columnLetters(c))) of \(hit.text) maps to no column of the table; the column is not read",
        ruleId: "read.header-unmapped", severity: .warning)
    }
    let firstColumn = min(hit.column, band.paths.keys.min() ?? 0)
    let lastColumn = band.paths.keys.max() ?? firstColumn
    let lastRow = max(band.end - 1, dataRows.last ?? 0)
    var table = BudgetTable(
      number: layout.number, kind: layout.kind, title: Normalize.name(hit.text), label: hit.label, note: note,
      sourceUnit: unit, sections: sections, source: source)
    table.source?.range =
      CellRange(
        firstRow: hit.label == nil ? hit.row : max(0, hit.row - 1), firstColumn: firstColumn, lastRow: lastRow,
        lastColumn: lastColumn
      ).a1
    let year = Self.year(inTitle: hit.text)
    let closed = rowReader.closed(sections)
    return .success(
      TableReading(
        table: table, department: department, year: year, titleCell: CellAddress(row: hit.row, column: hit.column),
        headerRows: (band.rows[0] + 1)...(band.rows.last! + 1),
        columnMap: mapping.describe(band: band), dataRowCount: dataRows.count, issues: issues, evidence: hit.evidence,
        continuation: closed ? nil : Continuation(layout: layout, mapping: mapping, band: band)))
  }

  func expectedHeaders(_ layout: TableLayout) -> String {
    layout.sections.flatMap { $0.columns.filter(\.required).map { Normalize.printable($0.header.last ?? "") } }
      .joined(separator: "、")
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
