import Budget
import Messages

extension Report {
  /// A report for people: summary, findings (with cells), rules with findings, rules that did
  /// not apply and why, rules that passed.
  public func text(_ language: Language = .zh) -> String {
    let zh = language == .zh
    let na = outcomes("not-applicable")
    let passed = outcomes("passed")
    let failed = outcomes("failed")
    var out = ""
    let year = self.year.map { zh ? " \($0)年" : " \($0)" } ?? ""
    out +=
      zh
      ? "预算公开校验：\(department)\(year)（容差 \(tolerance.text())）\n"
      : "Budget disclosure validation: \(department)\(year) (tolerance \(tolerance.text()))\n"
    out +=
      zh
      ? "规则 \(outcomes.count) 条：通过 \(passed.count)，发现问题 \(failed.count)，不适用 \(na.count)\n"
      : "\(outcomes.count) rules: \(passed.count) passed, \(failed.count) with findings, \(na.count) not applicable\n"
    out +=
      zh
      ? "错误 \(count(.error))，警告 \(count(.warning))，尾差 \(count(.rounding))，提示 \(count(.info))\n"
      : "\(count(.error)) errors, \(count(.warning)) warnings, \(count(.rounding)) rounding, \(count(.info)) info\n"
    if !findings.isEmpty {
      out += zh ? "\n发现的问题：\n" : "\nFindings:\n"
      for f in findings {
        out += "[\(zh ? f.severity.chineseName : f.severity.rawValue)] \(f.ruleId) \(f.message(language))\n"
        if !f.cells.isEmpty { out += (zh ? "    单元格：" : "    cells: ") + f.cells.joined(separator: ", ") + "\n" }
      }
    }
    if !failed.isEmpty {
      out += zh ? "\n发现问题的规则：\n" : "\nRules with findings:\n"
      for o in failed {
        out +=
          "  \(o.ruleId) \(o.description(language))" + (zh ? "（\(o.findings.count) 条）\n" : " (\(o.findings.count))\n")
      }
    }
    if !na.isEmpty {
      out += zh ? "\n不适用的规则：\n" : "\nRules not applied:\n"
      for o in na {
        if case .notApplicable(let why) = o.status { out += "  \(o.ruleId) — \(why.message(language))\n" }
      }
    }
    if !passed.isEmpty {
      out += zh ? "\n通过的规则：\n" : "\nRules passed:\n"
      for o in passed { out += "  \(o.ruleId) \(o.description(language))\n" }
    }
    return out
  }
}
