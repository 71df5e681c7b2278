import Budget
import Messages

extension Report {
  /// The report as JUnit XML for CI: one testsuite, one testcase per rule, a `<failure>` per
  /// finding (message and cells), `<skipped>` for rules that did not apply.
  public func junit(_ language: Language = .zh) -> String {
    let na = outcomes("not-applicable").count
    let failures = findings.count
    var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    out += "<testsuite name=\"\(xmlEscape("yusuan validate " + department))\" tests=\"\(outcomes.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"\(na)\" time=\"0\">\n"
    for o in outcomes {
      let open = "  <testcase classname=\"yusuan.\(o.group.rawValue)\" name=\"\(xmlEscape(o.ruleId))\" time=\"0\""
      switch o.status {
      case .passed:
        out += open + "/>\n"
      case .notApplicable(let why):
        out += open + ">\n    <skipped message=\"\(xmlEscape(why.message(language)))\"/>\n  </testcase>\n"
      case .failed:
        out += open + ">\n"
        for f in o.findings {
          let body = f.message(language) + (f.cells.isEmpty ? "" : "\n" + f.cells.joined(separator: "\n"))
          out += "    <failure type=\"\(f.severity.rawValue)\" message=\"\(xmlEscape(f.message(language)))\">\(xmlEscape(body))</failure>\n"
        }
        out += "  </testcase>\n"
      }
    }
    out += "</testsuite>\n"
    return out
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
