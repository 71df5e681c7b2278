import Validation

/// One finding of a department in a batch, as the batch report carries it: enough for a CI
/// page to show what is wrong where, without the whole validation report.
public struct BatchFinding: Codable, Sendable, Equatable {
  /// The rule id (`T6.total-row`, `read.amount-not-a-number`).
  public var ruleId: String
  /// `error`, `warning`, `rounding` or `info`.
  public var severity: String
  /// Whether the finding made the department's status `findings` (errors; with strict, all but info).
  public var fails: Bool
  /// The message, in the run's language.
  public var message: String
  /// The cells involved, found side first.
  public var cells: [String]

  /// Creates a batch finding.
  public init(ruleId: String, severity: String, fails: Bool, message: String, cells: [String]) {
    self.ruleId = ruleId
    self.severity = severity
    self.fails = fails
    self.message = message
    self.cells = cells
  }

  /// A finding of a report, judged with or without `strict`.
  public init(_ finding: Finding, strict: Bool, language: Language) {
    self.init(
      ruleId: finding.ruleId, severity: finding.severity.rawValue, fails: finding.severity.fails(strict: strict),
      message: finding.message(language), cells: finding.cells)
  }

  /// The finding as JUnit body lines: severity, rule id, message, then the cells.
  var junitText: String {
    "[\(severity)] \(ruleId) \(message)" + (cells.isEmpty ? "" : "\n    cells: " + cells.joined(separator: ", "))
  }
}
