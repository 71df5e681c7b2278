import Budget
import Sheets

/// The tidy CSV of the 绩效目标申报表 forms (`绩效目标申报表.csv`): one record per 绩效指标 row, each
/// repeating its form's fields so that any record stands alone for scripts. A form without
/// indicators keeps one record with an empty `indicator_period`. Amounts are in 元.
public enum FormTidyCSV {
  /// The file name the CSV writer uses.
  public static let fileName = "绩效目标申报表.csv"

  static let fundingColumns = ["total"] + FormFunding.parts.map(\.key)
  static let fundingNames = ["total", "central", "provincial", "local", "self_raised", "other"]

  /// Text columns after the funding columns, with the form field each holds.
  static let textColumns: [(name: String, key: String)] = [
    ("overview", "overview"), ("basis", "basis"), ("necessity", "necessity"), ("safeguards", "safeguards"),
    ("plan", "plan"), ("implementation_goal", "implementationGoal"), ("annual_goal", "annualGoal"),
    ("responsible_person", "responsiblePerson"), ("handler", "handler"), ("phone", "phone"), ("filled_on", "filledOn"),
  ]

  /// The header row.
  public static let columns: [String] =
    [
      "form", "project_name", "title", "year", "department", "department_code", "implementing_unit", "attribute",
      "period",
    ]
    + fundingNames.map { "implementation_\($0)" } + fundingNames.map { "annual_\($0)" }
    + textColumns.map(\.name) + ["indicator_period", "level1", "level2", "level3", "value"]

  /// The records of every form, header first.
  public static func rows(_ forms: [PerformanceForm]) -> [[CSVField]] {
    var out: [[CSVField]] = [columns.map(CSVField.text)]
    for (n, form) in forms.enumerated() {
      var lead: [CSVField] = [
        .number(String(n + 1)), .text(form.projectName), .text(form.title),
        form.year.map { .number(String($0)) } ?? .text(""),
        .text(form.department ?? ""), .text(form.departmentCode ?? ""), .text(form.implementingUnit ?? ""),
        .text(form.attribute ?? ""), .text(form.period ?? ""),
      ]
      for funding in [form.implementationFunding, form.annualFunding] {
        lead += fundingColumns.map { funding[$0].map { .number($0.text(minimumFractionDigits: 0)) } ?? .text("") }
      }
      lead += textColumns.map { .text(form.text($0.key) ?? "") }
      if form.indicators.isEmpty { out.append(lead + Array(repeating: .text(""), count: 5)) }
      for i in form.indicators {
        out.append(
          lead + [.text(i.period.rawValue), .text(i.level1), .text(i.level2), .text(i.level3), .text(i.value)])
      }
    }
    return out
  }

  /// Whether a grid is a tidy forms CSV (its first row starts with these columns).
  public static func isTidy(_ grid: Grid) -> Bool {
    guard let first = grid.rows.first, first.index == 0 else { return false }
    return columns.prefix(3).enumerated().allSatisfy { i, name in first.value(at: i)?.text == name }
  }

  /// Reads the forms back; columns are found by name, so extra or reordered columns are fine.
  public static func read(_ grid: Grid, file: String) -> Result<[PerformanceForm], ReadIssue> {
    var index: [String: Int] = [:]
    for c in 0..<grid.columnCount { if let name = grid[0, c]?.text, index[name] == nil { index[name] = c } }
    let cell = { (r: Int, name: String) -> String in index[name].flatMap { grid[r, $0]?.text } ?? "" }
    let optional = { (r: Int, name: String) -> String? in
      let t = cell(r, name)
      return t.isEmpty ? nil : t
    }
    var forms: [PerformanceForm] = []
    var keys: [String] = []
    for r in 1..<max(1, grid.rowCount) {
      let key = cell(r, "form")
      guard !key.isEmpty || !cell(r, "project_name").isEmpty else { continue }
      if keys.last != key {
        var form = PerformanceForm(
          title: optional(r, "title") ?? PerformanceForm.standardTitle, year: Int(cell(r, "year")),
          projectName: cell(r, "project_name"), source: SourceRef(file: file, range: "A\(r + 1)"))
        form.department = optional(r, "department")
        form.implementingUnit = optional(r, "implementing_unit")
        form.attribute = optional(r, "attribute")
        form.period = optional(r, "period")
        for (prefix, isAnnual) in [("implementation_", false), ("annual_", true)] {
          for (name, k) in zip(fundingNames, fundingColumns) {
            let text = cell(r, prefix + name)
            guard !text.isEmpty else { continue }
            guard let a = FormReader.amount(text) else {
              return .failure(
                ReadIssue(
                  location: "\(file)!\(CellAddress(row: r, column: index[prefix + name] ?? 0).a1)",
                  zh: "金额“\(text)”不是数字", en: "amount \"\(text)\" is not a number"))
            }
            if isAnnual { form.annualFunding[k] = a } else { form.implementationFunding[k] = a }
          }
        }
        for (name, k) in textColumns { form.setText(k, optional(r, name)) }
        forms.append(form)
        keys.append(key)
      }
      if let period = IndicatorPeriod(rawValue: cell(r, "indicator_period")) {
        forms[forms.count - 1].indicators.append(
          PerformanceIndicator(
            period: period, level1: cell(r, "level1"), level2: cell(r, "level2"), level3: cell(r, "level3"),
            value: cell(r, "value")))
      }
    }
    return .success(forms)
  }
}

extension PerformanceForm {
  /// A text field by its JSON key.
  func text(_ key: String) -> String? {
    switch key {
    case "overview": overview
    case "basis": basis
    case "necessity": necessity
    case "safeguards": safeguards
    case "plan": plan
    case "implementationGoal": implementationGoal
    case "annualGoal": annualGoal
    case "responsiblePerson": responsiblePerson
    case "handler": handler
    case "phone": phone
    case "filledOn": filledOn
    default: nil
    }
  }

  /// Sets a text field by its JSON key.
  mutating func setText(_ key: String, _ value: String?) {
    switch key {
    case "overview": overview = value
    case "basis": basis = value
    case "necessity": necessity = value
    case "safeguards": safeguards = value
    case "plan": plan = value
    case "implementationGoal": implementationGoal = value
    case "annualGoal": annualGoal = value
    case "responsiblePerson": responsiblePerson = value
    case "handler": handler = value
    case "phone": phone = value
    case "filledOn": filledOn = value
    default: break
    }
  }
}
