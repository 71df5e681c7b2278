import Budget
import Sheets

/// What reading a table on a following sheet needs: its declaration and how its columns were
/// mapped (PDF-to-Excel conversions put each page on a sheet of its own, and a long table runs on).
struct Continuation: Sendable {
  var layout: TableLayout
  var mapping: ColumnAssignment
  var band: HeaderBand
}

extension TableRecognizer {
  /// The department's template set and its grids as that set reads them: the candidate whose
  /// tables explain the grids best (own titles above keywords, then more tables), the earlier
  /// candidate on a tie. A grid with no table of its own that continues the table before it
  /// (its headers repeated, or its data rows alone) is read into that table.
  public func settle(_ grids: [GridReading]) -> (set: LayoutSet, grids: [GridReading]) {
    var scores = [Int](repeating: 0, count: candidates.count)
    for grid in grids {
      for reading in grid.candidates {
        if let i = candidates.firstIndex(where: { $0.name == reading.set }) { scores[i] += reading.score }
      }
    }
    var chosen = 0
    for i in scores.indices where scores[i] > scores[chosen] { chosen = i }
    let set = candidates[chosen]
    var settled: [GridReading] = []
    var open: (grid: Int, table: Int)?
    for var grid in grids {
      if !grid.candidates.isEmpty || grid.grid != nil {
        let mine = grid.candidates.first { $0.set == set.name }
        grid.tables = mine?.tables ?? []
        grid.issues = mine?.issues ?? []
        if grid.tables.isEmpty, grid.forms.isEmpty {
          grid.unrecognized = mine?.unrecognized ?? grid.unrecognized ?? Self.notATable(grid)
        } else {
          grid.unrecognized = nil
        }
      }
      if grid.tables.isEmpty, grid.forms.isEmpty, let (g, t) = open, settled[g].file == grid.file,
        let sheetGrid = grid.grid,
        var previous = settled[g].tables[t].continuation.map({ ($0, settled[g].tables[t]) }),
        continueTable(&previous.1, with: previous.0, onto: sheetGrid, file: grid.file, sheet: grid.sheet)
      {
        settled[g].tables[t] = previous.1
        grid.unrecognized = nil
        settled.append(grid)
        continue
      }
      settled.append(grid)
      if let last = grid.tables.indices.last {
        open = grid.tables[last].continuation == nil ? nil : (settled.count - 1, last)
      } else if !grid.forms.isEmpty || grid.grid.map({ !$0.rows.isEmpty }) == true {
        open = nil
      }
    }
    return (set, settled)
  }

  static func notATable(_ grid: GridReading) -> ReadIssue {
    ReadIssue(
      location: grid.sheet.map { "\(grid.file) \($0)" } ?? grid.file,
      zh: "未识别为预算公开表：没有找到表名（如“2023年预算支出总表”）或“预算公开表N”标签",
      en: "not recognized as a budget table: no title (such as 2023年预算支出总表) or 预算公开表N label found",
      ruleId: "read.not-a-table", severity: .info)
  }

  /// Reads a grid that has no title as the continuation of `reading`: below its repeated
  /// headers, or from its first row with the previous mapping when its rows fit the columns
  /// (a code or a name where the table has one, amounts or blanks where it has amounts).
  func continueTable(
    _ reading: inout TableReading, with context: Continuation, onto grid: Grid, file: String, sheet: String?
  ) -> Bool {
    let place = { (a1: String) in sheet.map { "\(file) \($0)!\(a1)" } ?? "\(file)!\(a1)" }
    var mapping = context.mapping
    var band = context.band
    var start = 0
    if let repeated = HeaderBand.find(in: grid, from: 0, limit: min(grid.rowCount, 8), layout: context.layout),
      case .success(let m) = ColumnAssignment.assign(band: repeated, layout: context.layout)
    {
      mapping = m
      band = repeated
      start = repeated.end
    } else if !Self.fits(grid, mapping: mapping) {
      return false
    }
    var issues: [ReadIssue] = []
    var rowReader = RowReader(layout: context.layout, mapping: mapping, band: band)
    rowReader.sheet = sheet
    let (sections, note, dataRows) = rowReader.read(grid, rows: start..<grid.rowCount, issues: &issues, place: place)
    guard !dataRows.isEmpty || note != nil else { return false }
    for (i, section) in sections.enumerated() where i < reading.table.sections.count {
      reading.table.sections[i].rows += section.rows
    }
    if let note { reading.table.note = reading.table.note.map { $0 + "\n" + note } ?? note }
    reading.dataRowCount += dataRows.count
    reading.issues += issues
    reading.issues += mapping.unmappedColumns(band: band, grid: grid, dataRows: dataRows).map { c in
      ReadIssue(
        location: place(CellAddress(row: max(start - 1, 0), column: c).a1),
        zh: "续表中 \(CellAddress.columnLetters(c)) 列不对应“\(reading.table.title)”的任何一列，该列未读取",
        en:
          "column \(CellAddress.columnLetters(c)) of the continued table \(reading.table.title) maps to no column; not read",
        ruleId: "read.header-unmapped", severity: .warning)
    }
    reading.continuation =
      rowReader.closed(sections) ? nil : Continuation(layout: context.layout, mapping: mapping, band: band)
    return true
  }

  /// Whether the first non-empty rows of a grid fit a table's columns: text where the table
  /// has a code or a name, and numbers only in its amount columns, with an amount among the
  /// first `window` rows (a page may begin with lines that print names only: 结余分配, or the
  /// blank lines of a summary table's expenditure side).
  static func fits(_ grid: Grid, mapping: ColumnAssignment, window: Int = 8) -> Bool {
    let rows = grid.rows.lazy.filter { $0.cells.contains { $0.value.text.hasNonSpace } }.prefix(window)
    guard !rows.isEmpty else { return false }
    var sawAmount = false
    for row in rows {
      guard let amount = fits(row, mapping: mapping) else { return false }
      sawAmount = sawAmount || amount
      if sawAmount { return true }
    }
    return false
  }

  /// Whether a row fits a table's columns (nil when not), and whether it holds an amount.
  static func fits(_ row: GridRow, mapping: ColumnAssignment) -> Bool? {
    var allowed = Set<Int>()
    var textColumns = Set<Int>()
    for section in mapping.sections {
      for c in [section.code, section.name, section.secondName].compactMap({ $0 }) { textColumns.insert(c) }
      for c in section.codeParts.compactMap({ $0 }) { textColumns.insert(c) }
      for c in section.amounts.compactMap({ $0 }) { allowed.insert(c) }
    }
    allowed.formUnion(textColumns)
    var sawAmount = false
    for cell in row.cells where cell.value.text.hasNonSpace {
      guard allowed.contains(cell.column) else { return nil }
      if !textColumns.contains(cell.column) {
        guard Amount(parsing: cell.value.text.trimmingWhitespace()) != nil else { return nil }
        sawAmount = true
      }
    }
    return sawAmount
  }
}
