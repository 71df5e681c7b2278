import YusuanKit

extension Report {
  /// One line for `convert`: how many rules ran and what they found.
  func summaryLine(_ language: Language) -> String {
    let ran = outcomes.count - outcomes("not-applicable").count
    if language == .zh {
      return "校验：\(ran) 条规则已运行，错误 \(count(.error))，警告 \(count(.warning))，尾差 \(count(.rounding))"
        + (findings.isEmpty ? "" : "（详情：yusuan validate）")
    }
    return
      "validation: \(ran) rules ran, \(count(.error)) errors, \(count(.warning)) warnings, \(count(.rounding)) rounding"
      + (findings.isEmpty ? "" : " (details: yusuan validate)")
  }
}
