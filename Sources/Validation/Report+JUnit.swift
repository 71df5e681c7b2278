import Budget
import Messages

extension Report {
  /// The report as JUnit XML for CI, agreeing with `exitStatus(strict:)`: one testsuite, one
  /// testcase per rule (and one per kind of input finding, such as `read.amount-not-a-number`).
  /// A testcase has a `<failure>` only for findings that make the exit status 1 (errors; with
  /// `strict` every finding but `info`); the other findings (rounding, warnings, info) are listed
  /// in its `<system-out>`, visible but not failing. Rules that did not apply are `<skipped>`
  /// with the reason. The suite's properties count the findings by severity.
  public func junit(_ language: Language = .zh, strict: Bool = false) -> String {
    // Input findings first, grouped by rule id in order of first appearance.
    var inputIds: [String] = []
    for f in inputFindings where !inputIds.contains(f.ruleId) { inputIds.append(f.ruleId) }
    var cases: [(classname: String, name: String, status: RuleStatus?, findings: [Finding])] = inputIds.map { id in
      (
        "yusuan." + (id.split(separator: ".").first.map(String.init) ?? "input"), id, nil,
        inputFindings.filter { $0.ruleId == id }
      )
    }
    cases += outcomes.map { ("yusuan.\($0.group.rawValue)", $0.ruleId, $0.status, $0.findings) }
    let failing = cases.filter { $0.findings.contains { $0.severity.fails(strict: strict) } }.count
    let skipped = outcomes("not-applicable").count
    var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    out +=
      "<testsuite name=\"\(xmlEscape("yusuan validate " + department))\" tests=\"\(cases.count)\" failures=\"\(failing)\" errors=\"0\" skipped=\"\(skipped)\" time=\"0\">\n"
    out += "  <properties>\n"
    for (name, value) in [("strict", String(strict)), ("tolerance", tolerance.text())]
      + Severity.allCases.map({ ($0.rawValue, String(count($0))) })
    {
      out += "    <property name=\"\(name)\" value=\"\(xmlEscape(value))\"/>\n"
    }
    out += "  </properties>\n"
    for c in cases {
      let open = "  <testcase classname=\"\(c.classname)\" name=\"\(xmlEscape(c.name))\" time=\"0\""
      if case .notApplicable(let why) = c.status {
        out += open + ">\n    <skipped message=\"\(xmlEscape(why.message(language)))\"/>\n  </testcase>\n"
        continue
      }
      guard !c.findings.isEmpty else {
        out += open + "/>\n"
        continue
      }
      out += open + ">\n"
      let fails = c.findings.filter { $0.severity.fails(strict: strict) }
      let others = c.findings.filter { !$0.severity.fails(strict: strict) }
      if let first = fails.first {
        let more =
          fails.count == 1 ? "" : (language == .zh ? "（另有 \(fails.count - 1) 条）" : " (and \(fails.count - 1) more)")
        let type = fails.map(\.severity).min() ?? first.severity
        out += "    <failure type=\"\(type.rawValue)\" message=\"\(xmlEscape(first.message(language) + more))\">"
        out += xmlEscape(fails.map { Self.junitLine($0, language) }.joined(separator: "\n")) + "</failure>\n"
      }
      if !others.isEmpty {
        out +=
          "    <system-out>" + xmlEscape(others.map { Self.junitLine($0, language) }.joined(separator: "\n"))
          + "</system-out>\n"
      }
      out += "  </testcase>\n"
    }
    out += "</testsuite>\n"
    return out
  }

  /// One finding as lines of a JUnit body: severity, rule id, message, then the cells.
  static func junitLine(_ f: Finding, _ language: Language) -> String {
    let severity = language == .zh ? f.severity.chineseName : f.severity.rawValue
    return "[\(severity)] \(f.ruleId) \(f.message(language))"
      + (f.cells.isEmpty ? "" : "\n    " + (language == .zh ? "单元格：" : "cells: ") + f.cells.joined(separator: ", "))
  }
}

/// Text made safe for XML 1.0 attributes and content: markup characters escaped, characters
/// XML cannot carry at all (control characters, U+FFFE/U+FFFF) dropped.
public func xmlEscape(_ text: String) -> String {
  var out = ""
  out.reserveCapacity(text.utf8.count)
  for scalar in text.unicodeScalars {
    switch scalar {
    case "&": out += "&amp;"
    case "<": out += "&lt;"
    case ">": out += "&gt;"
    case "\"": out += "&quot;"
    case "'": out += "&apos;"
    case "\n": out += "&#10;"
    case "\r": out += "&#13;"
    case "\t": out += "&#9;"
    default:
      let v = scalar.value
      if v < 0x20 || v == 0xFFFE || v == 0xFFFF { continue }
      out.unicodeScalars.append(scalar)
    }
  }
  return out
}
