import Sheets

/// Something noticed while reading that the user should know, without stopping the read
/// (an amount that is not a number, a sheet that is not a budget table …). `validate` reports
/// each issue as a finding with the issue's `ruleId` and `severity`; a reader that notices a new
/// kind of problem gives it its own `read.*` id and, when it is not a warning, its severity.
public struct ReadIssue: Error, Sendable, Equatable, LocalizedMessage, CustomStringConvertible {
  /// How serious a read issue is for validation (the same words as a finding's severity).
  public enum Severity: String, Sendable, CaseIterable {
    /// What was read is known to be wrong or incomplete: the run fails.
    case error
    /// Something was read in a way the user must check (the default); fails only with `--strict`.
    case warning
    /// Worth knowing, never a failure (a sheet that holds no table).
    case info
  }

  /// The rule id of an issue whose reader gave none.
  public static let unreadable = "read.unreadable"
  /// An amount cell holds text that is not a number (`一百`); it was read as blank.
  public static let amountNotANumber = "read.amount-not-a-number"

  /// Where: `book.xlsx 预算公开表3!C8`.
  public var location: String
  /// The Chinese text.
  public var zh: String
  /// The English text.
  public var en: String
  /// Stable id of the kind of problem (`read.amount-not-a-number`), the rule id of its finding.
  public var ruleId: String
  /// How serious it is.
  public var severity: Severity

  /// Creates an issue; without a rule id it is `read.unreadable`, without a severity a warning.
  public init(location: String, zh: String, en: String, ruleId: String = ReadIssue.unreadable, severity: Severity = .warning) {
    self.location = location
    self.zh = zh
    self.en = en
    self.ruleId = ruleId
    self.severity = severity
  }

  public func message(_ language: Language) -> String {
    "\(location)：" + (language == .zh ? zh : en)
  }

  public var description: String { message(.zh) }
}
