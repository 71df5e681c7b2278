import Budget

/// An ordered set of rules with unique ids. Open for extension: the forms rules (绩效目标申报表
/// vs 表12) or a province's extra identities are added with `adding(_:)`.
public struct RuleSet: Sendable {
  /// The rules, in the order they run and are reported.
  public private(set) var rules: [Rule]

  /// Creates a rule set; ids must be unique.
  public init(_ rules: [Rule]) {
    precondition(Set(rules.map(\.id)).count == rules.count, "duplicate rule id")
    self.rules = rules
  }

  /// The same set with more rules appended (ids must stay unique).
  public func adding(_ more: [Rule]) -> RuleSet { RuleSet(rules + more) }

  /// The rule with an id.
  public func rule(_ id: String) -> Rule? { rules.first { $0.id == id } }

  /// Every rule: those of the Datong/Shanxi 13-table set (within tables, across tables, codes,
  /// catalog, forms), and the checks every other set shares.
  public static let standard = RuleSet(
    datong.map { $0.written(for: [Disclosure.datongSet]) } + Rule.codesInEverySet
      + datongCatalogAndForms.map { $0.written(for: [Disclosure.datongSet]) } + Rule.anySet + Rule.finalAccounts)

  /// The rules written for the Datong/Shanxi tables, by their numbers (in report order, the code
  /// rules of every set come after them, then `datongCatalogAndForms`).
  static let datong: [Rule] =
    [2, 3, 5, 7, 8, 9].map(Rule.hierarchy)
    + [2, 3, 5, 7, 8, 9].map(Rule.totalRow)
    + [3, 5, 8, 9].map(Rule.basicProject)
    + [2, 4, 10, 11, 12, 13].map(Rule.fundSources)
    + [Rule.balance(1), Rule.t1CurrentCarryover, Rule.balance(4)]
    + [Rule.t6TotalRow, Rule.t6ClassSum, Rule.t6PersonnelPublic]
    + [Rule.t10TotalRow, Rule.t10Vehicles, Rule.t11TotalRow]
    + Rule.acrossTables

  /// The Datong/Shanxi catalog and forms rules.
  static let datongCatalogAndForms: [Rule] =
    [Rule.catalogName, Rule.catalogBudgetType, Rule.catalogEconomicNames] + Rule.forms

  /// Runs every rule on a disclosure. `inputFindings` are findings made before validation (what
  /// the reader could not read, as `read.*` findings); the report lists them and counts them in
  /// its exit status.
  public func validate(
    _ disclosure: Disclosure, tolerance: Amount = .zero, catalog: (any ClassificationLookup)? = nil,
    inputFindings: [Finding] = []
  ) -> Report {
    validate(
      ValidationContext(disclosure: disclosure, tolerance: tolerance.magnitude, catalog: catalog),
      inputFindings: inputFindings)
  }

  /// Runs every rule on a context. A run in which no rule applied is not a pass: the report then
  /// carries a `run.nothing-checked` error.
  public func validate(_ context: ValidationContext, inputFindings: [Finding] = []) -> Report {
    let set = context.disclosure.templateSet
    let setHasOwnRules = rules.contains { $0.replacesSharedRules && $0.templateSets?.contains(set) == true }
    let outcomes = rules.map { rule -> RuleOutcome in
      if rule.forSetsWithoutOwnRules, setHasOwnRules {
        return RuleOutcome(rule: rule, status: .notApplicable(.setHasOwnRules(set)), findings: [])
      }
      if let reason = rule.notApplicableReason(in: context) {
        return RuleOutcome(rule: rule, status: .notApplicable(reason), findings: [])
      }
      let findings = rule.check(context)
      return RuleOutcome(rule: rule, status: findings.isEmpty ? .passed : .failed, findings: findings)
    }
    var report = Report(
      department: context.disclosure.department, year: context.disclosure.year, tolerance: context.tolerance,
      catalogUsed: context.catalog != nil, outcomes: outcomes, inputFindings: inputFindings)
    if !report.anyRuleApplied {
      report.inputFindings.append(Self.nothingChecked(context.disclosure, rules: rules.count))
    }
    return report
  }

  /// The finding of a run in which none of `rules` rules applied, pointing at what was read.
  static func nothingChecked(_ disclosure: Disclosure, rules: Int) -> Finding {
    // The files read, once each (a forms workbook has a sheet per project).
    var files: [String] = []
    for source in disclosure.tables.compactMap(\.source) + disclosure.forms.compactMap(\.source)
    where !files.contains(source.file) {
      files.append(source.file)
    }
    return Finding(
      ruleId: "run.nothing-checked", severity: .error, table: nil, row: "", column: "",
      cells: files, expected: nil, found: nil, difference: nil,
      messageZh: "未做任何检查：\(rules) 条规则均不适用（输入中没有可校验的预算公开表），不能视为通过",
      messageEn:
        "nothing was checked: none of the \(rules) rules applied (the input holds no table they could check), so this is not a pass"
    )
  }
}
