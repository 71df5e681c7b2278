import Budget
import Layouts
import Sheets
import Validation

/// The findings and read notes of a report page: where each one is printed, the marks on those
/// cells (class by severity, the message as tooltip, a link to the list) and the lists that link
/// back to the cells.
struct ReportNotes: Sendable {
  /// One finding or read note, placed.
  struct Note: Sendable {
    /// `finding-3` or `read-1`.
    var id: String
    /// The number shown in the cell's link.
    var label: String
    /// `cell-error`, `cell-warning`, `cell-rounding` or `cell-read`.
    var cellClass: String
    /// The one-line tooltip.
    var tooltip: String
    /// The places named, each with the printed cells found for it (the first place is the wrong cell).
    var places: [(text: String, cells: [PrintedCell])]
  }

  private(set) var findings: [Note] = []
  private(set) var readIssues: [Note] = []
  private let report: Report
  private let sheets: [PrintedSheet]
  private let words: ReportWords

  init(report: Report, issues: [ReadIssue], index: ReportCellIndex, sheets: [PrintedSheet], words: ReportWords) {
    self.report = report
    self.sheets = sheets
    self.words = words
    for (n, f) in report.findings.enumerated() {
      findings.append(
        Note(
          id: "finding-\(n + 1)", label: String(n + 1), cellClass: "cell-\(f.severity.rawValue)",
          tooltip: "[\(words.severity(f.severity))] \(f.ruleId) \(f.message(words.language))",
          places: f.cells.map { ($0, index.cells($0)) }))
    }
    for (n, issue) in issues.enumerated() {
      readIssues.append(
        Note(
          id: "read-\(n + 1)", label: words.readLabel(n + 1), cellClass: "cell-read",
          tooltip: "[\(words.readNote)] \(issue.message(words.language))",
          places: [(issue.location, index.cells(issue.location))]))
    }
  }

  /// The anchor id of a printed cell.
  func cellId(_ cell: PrintedCell) -> String { "\(sheets[cell.sheet].anchor)-\(cell.address.a1)" }

  /// How many findings and notes have their wrong cell on a sheet.
  func count(onSheet sheet: Int) -> Int {
    (findings + readIssues).filter { $0.places.first?.cells.contains { $0.sheet == sheet } ?? false }.count
  }

  /// The marks of one sheet's cells: the wrong cell of each note in its severity's class with a
  /// link to the (first) note, the other cells involved in `cell-involved`; every one with the tooltip.
  func marks(onSheet sheet: Int, anchor: String) -> [CellAddress: HTMLCellMark] {
    var marks: [CellAddress: HTMLCellMark] = [:]
    for note in findings + readIssues {
      for (p, place) in note.places.enumerated() {
        for cell in place.cells where cell.sheet == sheet {
          let wrong = p == 0
          let mark = HTMLCellMark(
            classes: [wrong ? note.cellClass : "cell-involved"], title: note.tooltip, id: cellId(cell),
            links: wrong ? [HTMLLink(href: "#\(note.id)", text: note.label, title: note.tooltip)] : [])
          marks[cell.address] = marks[cell.address].map { $0.combined(with: mark) } ?? mark
        }
      }
    }
    for (address, mark) in marks {
      // A cell that is the wrong cell of one note is not merely "involved" in it.
      if mark.classes.count > 1 { marks[address]?.classes.removeAll { $0 == "cell-involved" } }
      // One small badge, so the value stays readable: the first note's number and how many more
      // (`1+3`); the tooltip lists them all, and the list links each of them back here.
      if var first = mark.links.first, mark.links.count > 1 {
        first.text += "+\(mark.links.count - 1)"
        marks[address]?.links = [first]
      }
    }
    return marks
  }

  /// The numbered list of findings, each linking to its cells.
  func findingsSection() -> String {
    var out = "<section class=\"notes\" id=\"findings\">\n<h2>\(HTMLWriter.text(words.findingsHeading))</h2>\n"
    guard !findings.isEmpty else {
      return out + "<p class=\"none\">\(HTMLWriter.text(words.noFindings))</p>\n</section>\n"
    }
    out += "<ol class=\"findings\">\n"
    for (note, finding) in zip(findings, report.findings) {
      out += "<li id=\"\(note.id)\" class=\"sev-\(finding.severity.rawValue)\">"
      out += "<span class=\"sev\">\(HTMLWriter.text(words.severity(finding.severity)))</span> "
      out += "<code>\(HTMLWriter.text(finding.ruleId))</code> \(HTMLWriter.text(finding.message(words.language)))"
      out += places(note)
      out += "</li>\n"
    }
    return out + "</ol>\n</section>\n"
  }

  /// The list of what the reader noticed, each linking to its cell where it is printed.
  func readIssuesSection() -> String {
    guard !readIssues.isEmpty else { return "" }
    var out =
      "<section class=\"notes\" id=\"read-notes\">\n<h2>\(HTMLWriter.text(words.readHeading))</h2>\n<ol class=\"findings\">\n"
    for note in readIssues {
      out += "<li id=\"\(note.id)\" class=\"sev-read\">\(HTMLWriter.text(note.tooltip))\(places(note))</li>\n"
    }
    return out + "</ol>\n</section>\n"
  }

  /// `单元格：预算公开表6!C5 …`, each a link to its printed cell when it is printed.
  private func places(_ note: Note) -> String {
    guard !note.places.isEmpty else { return "" }
    var out = "<br><span class=\"cells\">\(HTMLWriter.text(words.cells))"
    for (p, place) in note.places.enumerated() {
      out += p == 0 ? "" : " "
      if let cell = place.cells.first {
        out += "<a href=\"#\(cellId(cell))\"\(p == 0 ? " class=\"wrong\"" : "")>\(HTMLWriter.text(place.text))</a>"
      } else {
        out +=
          "<span class=\"unplaced\" title=\"\(HTMLWriter.attribute(words.notPrinted))\">\(HTMLWriter.text(place.text))</span>"
      }
    }
    return out + "</span>"
  }
}
