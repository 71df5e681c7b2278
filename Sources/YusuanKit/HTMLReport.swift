import Budget
import Layouts
import Sheets
import Validation

/// The HTML report of one department: one self-contained page (no script, font, style sheet or
/// image from anywhere else; it opens from a USB stick) with the department, year and template
/// set, a summary, every table as the formatted workbook prints it (the same rendering, written
/// by `HTMLWriter`), each wrong cell marked with its finding on hover, and the findings listed
/// with links to their cells and back. Rounding differences are marked apart from errors.
/// Printing gives each table its own page.
public struct HTMLReport: Sendable {
  /// The department as read, with the reader's notes.
  public var reading: DisclosureReading
  /// The validation report of `reading.disclosure`.
  public var report: Report
  /// The template set the tables were read and are rendered with.
  public var layouts: LayoutSet
  /// The language of everything the page says about the tables (the tables stay as printed).
  public var language: Language
  /// The program named at the foot of the page.
  public var generator: String
  /// The published narrative checked against the tables, when one was given.
  public var narrative: CheckedNarrative?

  /// Creates a report page; the template set is the one the tables were read with unless given.
  public init(
    reading: DisclosureReading, report: Report, layouts: LayoutSet? = nil, language: Language = .zh,
    generator: String = "Yusuan \(Yusuan.version)", narrative: CheckedNarrative? = nil
  ) {
    self.reading = reading
    self.report = report
    self.layouts = layouts ?? TemplateSets.set(reading.disclosure.templateSet) ?? .datong
    self.language = language
    self.generator = generator
    self.narrative = narrative
  }

  /// The page.
  public func html() -> String {
    let disclosure = reading.disclosure
    let words = ReportWords(language)
    let renderer = TableRenderer(layouts: layouts)
    // The sheets in printed order: tables, then forms.
    var sheets: [PrintedSheet] = []
    var indexedTables: [(sheet: Int, table: BudgetTable, rendered: RenderedTable)] = []
    for table in disclosure.tables {
      guard let rendered = renderer.rendered(table, in: disclosure) else { continue }
      indexedTables.append((sheets.count, table, rendered))
      sheets.append(
        PrintedSheet(anchor: "t\(table.number)", heading: "\(table.displayName) \(table.title)", sheet: rendered.sheet))
    }
    var indexedForms: [(sheet: Int, form: PerformanceForm)] = []
    for (i, form) in disclosure.forms.enumerated() {
      indexedForms.append((sheets.count, form))
      sheets.append(
        PrintedSheet(
          anchor: "form\(i + 1)", heading: "\(words.form) \(i + 1) \(form.projectName)",
          sheet: FormRenderer.sheet(form, number: i + 1)))
    }
    let index = ReportCellIndex(tables: indexedTables, forms: indexedForms)
    let notes = ReportNotes(report: report, issues: reading.issues, index: index, sheets: sheets, words: words)

    var writer = HTMLWriter()
    var body = ""
    body += cover(words: words, notes: notes, sheets: sheets)
    body += notes.findingsSection()
    body += notes.readIssuesSection()
    if let narrative { body += narrativeSection(narrative, words: words) }
    body += rulesSection(words: words)
    for (i, printed) in sheets.enumerated() {
      let count = notes.count(onSheet: i)
      body +=
        "<section class=\"page\" id=\"\(printed.anchor)\">\n<h2 class=\"screen\">\(HTMLWriter.text(printed.heading))"
      if count > 0 { body += " <span class=\"badge\">\(HTMLWriter.text(words.findingsCount(count)))</span>" }
      body += " <a class=\"top\" href=\"#top\">\(HTMLWriter.text(words.backToTop))</a></h2>\n"
      body += writer.table(printed.sheet, marks: notes.marks(onSheet: i, anchor: printed.anchor))
      body += "</section>\n"
    }
    body += "<footer class=\"screen\">\(HTMLWriter.text(words.generatedBy(generator)))</footer>\n"

    let year = disclosure.year.map { words.year($0) } ?? ""
    var page =
      "<!DOCTYPE html>\n<html lang=\"\(language == .zh ? "zh-CN" : "en")\">\n<head>\n<meta charset=\"utf-8\">\n"
    page += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    page += "<meta name=\"generator\" content=\"\(HTMLWriter.attribute(generator))\">\n"
    page += "<title>\(HTMLWriter.text(words.pageTitle(disclosure.department, year, disclosure.stage)))</title>\n"
    page += "<style>\n" + writer.styleSheet + ReportStyle.css + "</style>\n</head>\n<body id=\"top\">\n"
    return page + body + "</body>\n</html>\n"
  }

  /// The heading, the facts of the department and the summary, with a table of contents.
  private func cover(words: ReportWords, notes: ReportNotes, sheets: [PrintedSheet]) -> String {
    let disclosure = reading.disclosure
    let errors = report.count(.error)
    let warnings = report.count(.warning)
    let rounding = report.count(.rounding)
    let passed = report.outcomes("passed").count
    let failed = report.outcomes("failed").count
    let notApplicable = report.outcomes("not-applicable").count
    let narrativeWrong = narrative?.hasDisagreements ?? false
    let status: (String, String) =
      errors > 0 || narrativeWrong
      ? ("status-error", words.statusErrors)
      : warnings > 0 ? ("status-warning", words.statusWarnings) : ("status-ok", words.statusOK)
    let year = disclosure.year.map { words.year($0) } ?? ""
    var out =
      "<header class=\"cover\">\n<h1>\(HTMLWriter.text(words.heading(disclosure.department, year, disclosure.stage)))</h1>\n"
    out += "<p class=\"status \(status.0)\">\(HTMLWriter.text(status.1))</p>\n<dl class=\"facts\">\n"
    func fact(_ term: String, _ value: String, id: String? = nil) {
      out += "<dt>\(HTMLWriter.text(term))</dt><dd\(id.map { " id=\"\($0)\"" } ?? "")>\(HTMLWriter.text(value))</dd>\n"
    }
    fact(words.department, disclosure.department.isEmpty ? words.unknown : disclosure.department)
    fact(words.yearTerm, disclosure.year.map(String.init) ?? words.unknown)
    fact(words.templateSet, layouts.name)
    let numbers = disclosure.tables.map(\.number)
    let absent = layouts.tables.map(\.number).filter { !numbers.contains($0) }
    fact(words.tablesFound, words.tables(numbers, of: layouts.tables.count, absent: absent), id: "summary-tables")
    if !disclosure.forms.isEmpty { fact(words.forms, String(disclosure.forms.count)) }
    fact(
      words.rules,
      words.rulesLine(
        total: report.outcomes.count, run: passed + failed, passed: passed, failed: failed, notApplicable: notApplicable
      ),
      id: "summary-rules")
    fact(
      words.findings, words.findingsLine(errors: errors, warnings: warnings, rounding: rounding), id: "summary-findings"
    )
    fact(words.readNotes, String(reading.issues.count), id: "summary-read")
    if let narrative {
      out += "<dt>\(HTMLWriter.text(words.narrativeTerm))</dt><dd id=\"summary-narrative\"><a href=\"#narrative\">"
      out += HTMLWriter.text(narrative.summary(language)) + "</a></dd>\n"
    }
    fact(words.tolerance, report.tolerance.text())
    out += "</dl>\n<p class=\"legend\"><span class=\"cell-error\">\(HTMLWriter.text(words.legendError))</span> "
    out += "<span class=\"cell-warning\">\(HTMLWriter.text(words.legendWarning))</span> "
    out += "<span class=\"cell-rounding\">\(HTMLWriter.text(words.legendRounding))</span> "
    out += "<span class=\"cell-involved\">\(HTMLWriter.text(words.legendInvolved))</span> "
    out += "<span class=\"cell-read\">\(HTMLWriter.text(words.legendRead))</span></p>\n"
    out += "<nav class=\"contents\"><h2>\(HTMLWriter.text(words.contents))</h2><ol>\n"
    for (i, printed) in sheets.enumerated() {
      let count = notes.count(onSheet: i)
      out += "<li><a href=\"#\(printed.anchor)\">\(HTMLWriter.text(printed.heading))</a>"
      if count > 0 { out += " <span class=\"badge\">\(HTMLWriter.text(words.findingsCount(count)))</span>" }
      out += "</li>\n"
    }
    out += "</ol></nav>\n</header>\n"
    return out
  }

  /// The rules that did not apply, with why, and those that passed (folded).
  private func rulesSection(words: ReportWords) -> String {
    var out = "<section class=\"notes screen\" id=\"rules\">\n<h2>\(HTMLWriter.text(words.rulesHeading))</h2>\n"
    let na = report.outcomes("not-applicable")
    if !na.isEmpty {
      out += "<h3>\(HTMLWriter.text(words.notApplicableHeading))</h3>\n<ul>\n"
      for o in na {
        guard case .notApplicable(let why) = o.status else { continue }
        out +=
          "<li><code>\(HTMLWriter.text(o.ruleId))</code> \(HTMLWriter.text(words.because(o.description(language), why.message(language))))</li>\n"
      }
      out += "</ul>\n"
    }
    let passed = report.outcomes("passed")
    if !passed.isEmpty {
      out += "<details><summary>\(HTMLWriter.text(words.passedHeading(passed.count)))</summary>\n<ul>\n"
      for o in passed {
        out += "<li><code>\(HTMLWriter.text(o.ruleId))</code> \(HTMLWriter.text(o.description(language)))</li>\n"
      }
      out += "</ul>\n</details>\n"
    }
    return out + "</section>\n"
  }
}

/// One sheet of the report: its anchor, its heading on screen and the rendered sheet.
struct PrintedSheet: Sendable {
  var anchor: String
  var heading: String
  var sheet: StyledSheet
}

extension Yusuan {
  /// The HTML report of a department: `reading` as read, `report` its validation.
  public static func htmlReport(
    _ reading: DisclosureReading, report: Report, layouts: LayoutSet? = nil, language: Language = .zh,
    narrative: CheckedNarrative? = nil
  ) -> String {
    HTMLReport(reading: reading, report: report, layouts: layouts, language: language, narrative: narrative).html()
  }
}
