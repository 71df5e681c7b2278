import Budget
import Messages

/// What happened to one rule.
public enum RuleStatus: Sendable, Equatable {
  /// The rule ran and found nothing.
  case passed
  /// The rule ran and made findings.
  case failed
  /// The rule did not run, and why.
  case notApplicable(NotApplicable)

  /// Stable token for machine output.
  public var token: String {
    switch self {
    case .passed: "passed"
    case .failed: "failed"
    case .notApplicable: "not-applicable"
    }
  }
}

/// One rule's result.
public struct RuleOutcome: Sendable {
  /// The rule's id.
  public var ruleId: String
  /// The rule's group.
  public var group: RuleGroup
  /// The rule's default severity.
  public var severity: Severity
  /// What the rule checks, in Chinese.
  public var descriptionZh: String
  /// What the rule checks, in English.
  public var descriptionEn: String
  /// The tables the rule reads.
  public var tables: [Int]
  /// Passed, failed or not applicable.
  public var status: RuleStatus
  /// The findings (empty unless failed).
  public var findings: [Finding]

  /// Records a rule's result.
  public init(rule: Rule, status: RuleStatus, findings: [Finding]) {
    ruleId = rule.id
    group = rule.group
    severity = rule.severity
    descriptionZh = rule.descriptionZh
    descriptionEn = rule.descriptionEn
    tables = rule.tables
    self.status = status
    self.findings = findings
  }

  /// The description in a language.
  public func description(_ language: Language) -> String { language == .zh ? descriptionZh : descriptionEn }
}

/// The result of validating one disclosure: every rule's outcome, so that "nothing found"
/// never hides "nothing checked".
public struct Report: Sendable {
  /// The department validated.
  public var department: String
  /// The budget year.
  public var year: Int?
  /// The tolerance used.
  public var tolerance: Amount
  /// Whether a classification catalog was used.
  public var catalogUsed: Bool
  /// One outcome per rule, in rule order.
  public var outcomes: [RuleOutcome]
  /// Findings about the inputs as a whole rather than from one rule: what could not be read
  /// (`read.*`, handed in by whoever read the inputs) and a run in which no rule applied
  /// (`run.nothing-checked`).
  public var inputFindings: [Finding]

  /// Creates a report.
  public init(
    department: String, year: Int?, tolerance: Amount, catalogUsed: Bool, outcomes: [RuleOutcome],
    inputFindings: [Finding] = []
  ) {
    self.department = department
    self.year = year
    self.tolerance = tolerance
    self.catalogUsed = catalogUsed
    self.outcomes = outcomes
    self.inputFindings = inputFindings
  }

  /// Every finding: the input findings first, then the rules' in rule order.
  public var findings: [Finding] { inputFindings + outcomes.flatMap(\.findings) }

  /// The outcome of a rule.
  public func outcome(_ ruleId: String) -> RuleOutcome? { outcomes.first { $0.ruleId == ruleId } }

  /// How many findings have a severity.
  public func count(_ severity: Severity) -> Int { findings.filter { $0.severity == severity }.count }

  /// Outcomes with a status token (`passed`, `failed`, `not-applicable`).
  public func outcomes(_ token: String) -> [RuleOutcome] { outcomes.filter { $0.status.token == token } }

  /// The exit status for the command line: 1 when any error is found (with `strict`, any
  /// finding but `info`), else 0.
  public func exitStatus(strict: Bool = false) -> Int32 {
    findings.contains { $0.severity.fails(strict: strict) } ? 1 : 0
  }

  /// Whether at least one rule ran (passed or failed); a report where none did checked nothing.
  public var anyRuleApplied: Bool {
    outcomes.contains { if case .notApplicable = $0.status { false } else { true } }
  }
}
