import Budget
import Layouts
import Sheets

/// A published 情况说明 checked against a department's tables, for the report page.
public struct CheckedNarrative: Sendable {
  /// The text's file name, as the user knows it.
  public var fileName: String
  /// What the check found.
  public var result: NarrativeCheckResult

  /// Creates a checked narrative from a check already made.
  public init(fileName: String, result: NarrativeCheckResult) {
    self.fileName = fileName
    self.result = result
  }

  /// One line on what the check found, e.g. `核对 29 个数字，1 个与表不符，3 个无从核对`.
  public func summary(_ language: Language) -> String {
    let words = ReportWords(language)
    return checkedNothing ? words.narrativeNothingChecked : words.narrativeSummary(result)
  }

  /// Whether a figure disagrees with the tables (counted as an error).
  public var hasDisagreements: Bool { !result.discrepancies.isEmpty }
  /// Whether no figure could be compared: not a pass.
  public var checkedNothing: Bool { result.checked == 0 }
}

extension Yusuan {
  /// Checks the figures of a published narrative against the tables of `disclosure`; last year's
  /// figures not given in `previous` are taken from the text itself.
  public static func checkNarrative(
    _ text: String, named fileName: String, against disclosure: Disclosure,
    previous: NarrativeFigures.Previous = NarrativeFigures.Previous()
  ) -> CheckedNarrative {
    CheckedNarrative(
      fileName: fileName, result: NarrativeCheck.check(text, against: NarrativeFigures(disclosure, previous: previous)))
  }

  /// Reads a narrative text file (UTF-8, else GB18030/GBK) and checks it against `disclosure`.
  public static func checkNarrative(
    file path: String, against disclosure: Disclosure,
    previous: NarrativeFigures.Previous = NarrativeFigures.Previous(),
    limits: Limits = .default
  ) throws(CSVError) -> CheckedNarrative {
    let text = try TextFile.read(path: path, limits: limits).text
    return checkNarrative(text, named: Paths.lastComponent(path), against: disclosure, previous: previous)
  }
}

extension ReportWords {
  var narrativeHeading: String { zh ? "情况说明核对" : "Narrative check" }
  var narrativeTerm: String { zh ? "情况说明" : "Narrative" }
  var narrativeLine: String { zh ? "行" : "line" }
  var narrativePrinted: String { zh ? "说明中写的" : "As printed" }
  var narrativeExpected: String { zh ? "按表应为" : "The tables give" }
  var narrativeWhat: String { zh ? "项目" : "Figure" }
  func narrativeSummary(_ result: NarrativeCheckResult) -> String {
    zh
      ? "核对 \(result.checked) 个数字，\(result.discrepancies.count) 个与表不符，\(result.unchecked.count) 个无从核对"
      : "\(result.checked) figures checked, \(result.discrepancies.count) disagree, \(result.unchecked.count) not checkable"
  }
  var narrativeNothingChecked: String {
    zh
      ? "未核对：说明中没有可与表核对的数字（应为第三部分情况说明，各部分以“一、部门预算收支数据变动情况”这样的标题开头）"
      : "Not checked: the text has no figure the tables can confirm (expected 第三部分 情况说明, its parts headed like 一、部门预算收支数据变动情况)"
  }
  func narrativeUnchecked(_ n: Int) -> String { zh ? "无从核对的数字（\(n) 个，表中没有）" : "Figures no table gives (\(n))" }
}

extension HTMLReport {
  /// The narrative's section: what was compared, each disagreeing figure with its line, and the
  /// figures no table gives (folded).
  func narrativeSection(_ narrative: CheckedNarrative, words: ReportWords) -> String {
    let result = narrative.result
    var out = "<section class=\"notes\" id=\"narrative\">\n<h2>\(HTMLWriter.text(words.narrativeHeading))"
    out += " <span class=\"source\">\(HTMLWriter.text(narrative.fileName))</span></h2>\n"
    let status = narrative.checkedNothing ? "status-warning" : narrative.hasDisagreements ? "status-error" : "status-ok"
    out +=
      "<p class=\"status \(status)\" id=\"narrative-summary\">\(HTMLWriter.text(narrative.summary(words.language)))</p>\n"
    if !result.discrepancies.isEmpty {
      out += "<table class=\"narrative\"><thead><tr><th>\(HTMLWriter.text(words.narrativeLine))</th>"
      out += "<th>\(HTMLWriter.text(words.narrativePrinted))</th><th>\(HTMLWriter.text(words.narrativeExpected))</th>"
      out += "<th>\(HTMLWriter.text(words.narrativeWhat))</th></tr></thead>\n<tbody>\n"
      for (n, d) in result.discrepancies.enumerated() {
        out +=
          "<tr id=\"narrative-\(n + 1)\"><td>\(d.line)</td><td>…\(HTMLWriter.text(d.context))<mark>\(HTMLWriter.text(d.printed))</mark></td>"
        out += "<td>\(HTMLWriter.text(d.expected))</td><td>\(HTMLWriter.text(d.title))</td></tr>\n"
      }
      out += "</tbody></table>\n"
    }
    if !result.unchecked.isEmpty {
      out += "<details><summary>\(HTMLWriter.text(words.narrativeUnchecked(result.unchecked.count)))</summary>\n<ul>\n"
      for place in result.unchecked { out += "<li>…\(HTMLWriter.text(place))</li>\n" }
      out += "</ul>\n</details>\n"
    }
    return out + "</section>\n"
  }
}
