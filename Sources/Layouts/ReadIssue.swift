import Budget
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
  public init(
    location: String, zh: String, en: String, ruleId: String = ReadIssue.unreadable, severity: Severity = .warning
  ) {
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

  /// An amount cell that is not read: not a number, too large (9e17), or too precise (1e-301,
  /// which must not become 0). The cell is read as blank and this says so.
  static func unreadableAmount(_ text: String, at location: String) -> ReadIssue {
    switch Amount.rejection(of: text) {
    case .tooLarge:
      return ReadIssue(
        location: location, zh: "金额“\(text)”过大（绝对值应小于 10^15），按空白读取",
        en: "amount \"\(text)\" is too large (its magnitude must be below 10^15); read as blank",
        ruleId: "read.amount-out-of-range", severity: .error)
    case .tooPrecise:
      return ReadIssue(
        location: location,
        zh: "金额“\(text)”的小数位超过 \(Amount.inputFractionDigitsLimit) 位，按空白读取",
        en: "amount \"\(text)\" has more than \(Amount.inputFractionDigitsLimit) decimals; read as blank",
        ruleId: "read.amount-out-of-range", severity: .error)
    case .notANumber, nil:
      return ReadIssue(
        location: location, zh: "金额“\(text)”不是数字，按空白读取", en: "amount \"\(text)\" is not a number; read as blank",
        ruleId: amountNotANumber)
    }
  }
}
