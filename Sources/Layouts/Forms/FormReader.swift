import Budget
import Sheets

/// Reads 项目支出绩效目标申报表 forms out of grids by their labels, not by cell positions: a value
/// is the first non-empty cell to the right of its label, before the next label of the row. A grid
/// may hold one form (one sheet per project, as published) or several stacked one under another.
public enum FormReader {
  /// Whether a grid holds at least one form: a 项目名称 label and a 资金总额 label.
  public static func isForm(_ grid: Grid) -> Bool {
    var name = false
    var funding = false
    for row in grid.rows {
      for cell in row.cells {
        // Only 项目名称 and the 资金总额 labels decide; most cells contain neither 称 nor 额.
        guard case .text(let raw) = cell.value, raw.utf8.count <= 160,
          raw.unicodeScalars.contains(where: { $0 == "称" || $0 == "额" })
        else { continue }
        switch FormLabel(raw) {
        case .projectName: name = true
        case .annualTotal, .implementationTotal: funding = true
        default: break
        }
        if name && funding { return true }
      }
    }
    return false
  }

  /// Every form of a grid, top to bottom; a ReadIssue when a form has no project name.
  public static func read(_ grid: Grid, file: String, sheet: String?) -> Result<[PerformanceForm], ReadIssue> {
    readReporting(grid, file: file, sheet: sheet).map(\.forms)
  }

  /// The same, with the issues met on the way (资金 amounts that are not read).
  static func readReporting(_ grid: Grid, file: String, sheet: String?)
    -> Result<(forms: [PerformanceForm], issues: [ReadIssue]), ReadIssue>
  {
    let cells = LabeledRows(grid)
    let starts = cells.rows.filter { cells.labels($0).contains { $0.label == .projectName } }
    guard !starts.isEmpty else {
      return .failure(ReadIssue(location: place(file, sheet, nil), zh: "未找到“项目名称”", en: "no 项目名称 label found"))
    }
    var forms: [PerformanceForm] = []
    var issues: [ReadIssue] = []
    var previousEnd = 0
    for (i, start) in starts.enumerated() {
      // The title rows belong to the form below them.
      let titleRow = cells.rows.last { r in r >= previousEnd && r < start && cells.titleText(r) != nil }
      let first = titleRow ?? start
      var end = i + 1 < starts.count ? starts[i + 1] : grid.rowCount
      if i + 1 < starts.count,
        let nextTitle = cells.rows.last(where: { $0 > start && $0 < end && cells.titleText($0) != nil })
      {
        end = nextTitle
      }
      var form = readOne(cells, rows: first..<end) { text, r, c in
        issues.append(.unreadableAmount(text, at: place(file, sheet, CellAddress(row: r, column: c).a1)))
      }
      guard !form.projectName.isEmpty else {
        return .failure(
          ReadIssue(
            location: place(file, sheet, CellAddress(row: start, column: 0).a1), zh: "绩效目标申报表缺少项目名称",
            en: "a performance-target form lacks its project name"))
      }
      let used = grid.usedRange
      form.source = SourceRef(
        file: file, sheet: sheet,
        range: CellRange(
          firstRow: first, firstColumn: 0, lastRow: max(first, end - 1), lastColumn: max(0, (used?.last.column ?? 0))
        ).a1)
      forms.append(form)
      previousEnd = end
    }
    return .success((forms, issues))
  }

  static func place(_ file: String, _ sheet: String?, _ a1: String?) -> String {
    let base = sheet.map { "\(file) \($0)" } ?? file
    return a1.map { "\(base)!\($0)" } ?? base
  }

  /// `unreadable` hears of a 资金 amount that is not read (its text, row and column): it is left
  /// blank, which must not pass unnoticed.
  static func readOne(
    _ cells: LabeledRows, rows: Range<Int>, unreadable: (String, Int, Int) -> Void = { _, _, _ in }
  ) -> PerformanceForm {
    var form = PerformanceForm(projectName: "")
    let inRange = cells.rows.filter { rows.contains($0) }
    var fundingSplit: Int?
    var goalColumns: (implementation: Int, annual: Int?)?
    var goalRow: Int?
    var indicatorHeader: Int?
    var titleSeen = false
    for r in inRange {
      if !titleSeen, let title = cells.titleText(r) {
        form.title = title
        titleSeen = true
      }
      if form.year == nil, let y = cells.yearLine(r) { form.year = y }
      for (column, label) in cells.labels(r) {
        let value = cells.value(r, after: column)
        let amount = { (text: String) -> Amount? in
          let parsed = FormReader.amount(text)
          if parsed == nil, let c = cells.valueColumn(r, after: column) { unreadable(text, r, c) }
          return parsed
        }
        switch label {
        case .projectName:
          form.projectName = value ?? ""
          form.cells[.projectName] = cells.valueCell(r, after: column)
        case .department: form.department = value
        case .implementingUnit: form.implementingUnit = value
        case .attribute: form.attribute = value
        case .period: form.period = value
        case .overview: form.overview = value
        case .basis: form.basis = value
        case .necessity: form.necessity = value
        case .safeguards: form.safeguards = value
        case .plan: form.plan = value
        case .responsiblePerson: form.responsiblePerson = value
        case .handler: form.handler = value
        case .phone: form.phone = value
        case .filledOn: form.filledOn = value
        case .implementationTotal:
          form.implementationFunding.total = value.flatMap(amount)
          form.cells[.implementationTotal] = cells.valueCell(r, after: column)
        case .annualTotal:
          form.annualFunding.total = value.flatMap(amount)
          form.cells[.annualTotal] = cells.valueCell(r, after: column)
          fundingSplit = column
        case .fundingPart(let key):
          let annual = fundingSplit.map { column >= $0 } ?? false
          if annual {
            form.annualFunding[key] = value.flatMap(amount)
          } else {
            form.implementationFunding[key] = value.flatMap(amount)
          }
        case .implementationGoal:
          goalColumns = (column, goalColumns?.annual)
          goalRow = r
          if let value { form.implementationGoal = value }
        case .annualGoal:
          goalColumns = (goalColumns?.implementation ?? 0, column)
          goalRow = r
          if let value { form.annualGoal = value }
        case .level1: indicatorHeader = r
        default: break
        }
      }
    }
    // Goals printed in the row under 实施期目标 / 年度目标.
    if let goalRow, let columns = goalColumns, form.implementationGoal == nil || form.annualGoal == nil,
      let next = inRange.first(where: { $0 > goalRow })
    {
      let texts = cells.plainCells(next)
      if form.implementationGoal == nil {
        form.implementationGoal =
          texts.first { $0.column >= columns.implementation && $0.column < (columns.annual ?? Int.max) }?.text
      }
      if form.annualGoal == nil, let a = columns.annual { form.annualGoal = texts.first { $0.column >= a }?.text }
    }
    if let header = indicatorHeader { form.indicators = readIndicators(cells, header: header, rows: inRange) }
    return form
  }

  /// The 绩效指标 rows under the header row (一级指标 二级指标 三级指标 指标值 二级指标 …).
  static func readIndicators(_ cells: LabeledRows, header: Int, rows: [Int]) -> [PerformanceIndicator] {
    let labels = cells.labels(header)
    guard let l1 = labels.first(where: { $0.label == .level1 })?.column else { return [] }
    let cols = { (l: FormLabel) in labels.filter { $0.label == l }.map(\.column) }
    let (l2, l3, v) = (cols(.level2), cols(.level3), cols(.indicatorValue))
    var blocks: [(IndicatorPeriod, Int, Int?, Int?)] = []
    for (i, c2) in l2.enumerated() {
      blocks.append((i == 0 ? .implementation : .annual, c2, l3.first { $0 > c2 }, v.first { $0 > c2 }))
      if i == 1 { break }
    }
    var level1 = ""
    var carried: [IndicatorPeriod: String] = [:]
    var out: [PerformanceIndicator] = []
    var annual: [PerformanceIndicator] = []
    for r in rows where r > header {
      if cells.labels(r).contains(where: { [.responsiblePerson, .handler, .phone, .filledOn].contains($0.label) }) {
        break
      }
      let text = { (c: Int?) in c.flatMap { cells.text(r, $0) } ?? "" }
      if !text(l1).isEmpty { level1 = text(l1) }
      for (period, c2, c3, cv) in blocks {
        var second = text(c2)
        let third = text(c3)
        let value = text(cv)
        if second.isEmpty, third.isEmpty, value.isEmpty { continue }
        if second.isEmpty { second = carried[period] ?? "" }
        carried[period] = second
        let indicator = PerformanceIndicator(
          period: period, level1: level1, level2: second, level3: third, value: value)
        if period == .implementation { out.append(indicator) } else { annual.append(indicator) }
      }
    }
    return out + annual
  }

  /// An amount in 元 from a cell's text (`50700`, `50,700`, `50,700.00`).
  static func amount(_ text: String) -> Amount? {
    Amount(parsing: text.filter { $0 != "," && $0 != "，" })
  }
}

/// The labels a form prints.
enum FormLabel: Equatable {
  case title, projectName, department, implementingUnit, attribute, period, fundingHeader
  case implementationTotal, annualTotal
  case fundingPart(String)
  case overview, basis, necessity, safeguards, plan
  case goalHeader, implementationGoal, annualGoal
  case indicatorHeader, level1, level2, level3, indicatorValue
  case responsiblePerson, handler, phone, filledOn

  /// The label a cell's text is, if any.
  init?(_ raw: String) {
    var scalars = String.UnicodeScalarView()
    for scalar in raw.unicodeScalars where !scalar.isSpace && scalar != "：" && scalar != ":" && scalar != "、" {
      scalars.append(scalar == "(" ? "（" : scalar == ")" ? "）" : scalar)
    }
    var key = String(scalars)
    if key.hasPrefix("其中") { key.removeFirst(2) }
    switch key {
    case "项目名称": self = .projectName
    case "主管部门及代码": self = .department
    case "实施单位": self = .implementingUnit
    case "项目属性": self = .attribute
    case "项目期": self = .period
    case "项目资金（元）", "项目资金": self = .fundingHeader
    case "实施期资金总额": self = .implementationTotal
    case "年度资金总额": self = .annualTotal
    case "中央财政资金": self = .fundingPart("central")
    case "省级财政资金": self = .fundingPart("provincial")
    case "市县（区）财政资金", "市县财政资金": self = .fundingPart("local")
    case "单位自筹": self = .fundingPart("selfRaised")
    case "其他资金": self = .fundingPart("other")
    case "项目概况": self = .overview
    case "立项依据": self = .basis
    case "项目设立必要性": self = .necessity
    case "保证项目实施的制度措施": self = .safeguards
    case "项目实施计划": self = .plan
    case "总体目标": self = .goalHeader
    case "实施期目标": self = .implementationGoal
    case "年度目标": self = .annualGoal
    case "绩效指标": self = .indicatorHeader
    case "一级指标": self = .level1
    case "二级指标": self = .level2
    case "三级指标": self = .level3
    case "指标值": self = .indicatorValue
    case "负责人": self = .responsiblePerson
    case "经办人": self = .handler
    case "联系电话": self = .phone
    case "填报日期": self = .filledOn
    default:
      if key.hasSuffix("绩效目标申报表") { self = .title } else { return nil }
    }
  }
}

/// A grid's non-empty cells by row, with each cell's label (if it is one).
struct LabeledRows {
  let grid: Grid
  /// Row indices with at least one non-empty cell, ascending.
  let rows: [Int]
  private let cells: [Int: [(column: Int, text: String, label: FormLabel?)]]

  init(_ grid: Grid) {
    self.grid = grid
    var cells: [Int: [(column: Int, text: String, label: FormLabel?)]] = [:]
    for row in grid.rows {
      let items = row.cells.compactMap { cell -> (column: Int, text: String, label: FormLabel?)? in
        let text = cell.value.text.trimmingWhitespace()
        guard !text.isEmpty else { return nil }
        var label: FormLabel?
        if case .text = cell.value, text.count <= 40 { label = FormLabel(text) }
        return (cell.column, text, label)
      }
      if !items.isEmpty { cells[row.index] = items }
    }
    self.cells = cells
    self.rows = cells.keys.sorted()
  }

  /// The labels of a row with their columns.
  func labels(_ r: Int) -> [(column: Int, label: FormLabel)] {
    (cells[r] ?? []).compactMap { c in c.label.map { (c.column, $0) } }
  }

  /// The non-label cells of a row.
  func plainCells(_ r: Int) -> [(column: Int, text: String)] {
    (cells[r] ?? []).filter { $0.label == nil }.map { ($0.column, $0.text) }
  }

  /// The text at a cell, if non-empty.
  func text(_ r: Int, _ c: Int) -> String? {
    cells[r]?.first { $0.column == c }?.text
  }

  /// The A1 address of the cell `value(r, after:)` reads, if there is one.
  func valueCell(_ r: Int, after column: Int) -> String? {
    for c in cells[r] ?? [] where c.column > column {
      if c.label != nil { return nil }
      return CellAddress(row: r, column: c.column).a1
    }
    return nil
  }

  /// The first non-label cell right of a column, before the next label of the row.
  func value(_ r: Int, after column: Int) -> String? {
    for c in cells[r] ?? [] where c.column > column {
      if c.label != nil { return nil }
      return c.text
    }
    return nil
  }

  /// The column of that value.
  func valueColumn(_ r: Int, after column: Int) -> Int? {
    for c in cells[r] ?? [] where c.column > column {
      return c.label != nil ? nil : c.column
    }
    return nil
  }

  /// The form title in a row, if the row prints one.
  func titleText(_ r: Int) -> String? {
    cells[r]?.first { $0.label == .title }?.text
  }

  /// The year of a `（2023年度）` line.
  func yearLine(_ r: Int) -> Int? {
    for c in cells[r] ?? [] where c.text.contains("年度") && c.text.count <= 12 {
      return TableRecognizer.year(inTitle: c.text)
    }
    return nil
  }
}

extension FormReader {
  /// The grid reading of a form sheet or a tidy forms CSV, or nil when the grid holds neither.
  static func reading(_ grid: Grid, file: String, sheet: String?) -> GridReading? {
    let result: Result<(forms: [PerformanceForm], issues: [ReadIssue]), ReadIssue>
    if FormTidyCSV.isTidy(grid) {
      result = FormTidyCSV.read(grid, file: file).map { ($0, []) }
    } else if isForm(grid) {
      result = readReporting(grid, file: file, sheet: sheet)
    } else {
      return nil
    }
    switch result {
    case .success(let read):
      return GridReading(gridName: grid.name, tables: [], unrecognized: nil, forms: read.forms, formIssues: read.issues)
    case .failure(let issue): return GridReading(gridName: grid.name, tables: [], unrecognized: issue)
    }
  }
}
