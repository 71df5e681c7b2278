import Sheets

/// Something noticed while reading that the user should know, without stopping the read
/// (an amount that is not a number, a sheet that is not a budget table …).
public struct ReadIssue: Error, Sendable, Equatable, LocalizedMessage, CustomStringConvertible {
  /// How much a read issue weighs: `error` means a figure may be wrong (a unit conflict),
  /// `warning` that something was not read, `info` a fact worth knowing.
  public enum Severity: String, Sendable, Equatable, CaseIterable {
    /// A figure read may be wrong.
    case error
    /// Something printed was not read, or read with a default.
    case warning
    /// Worth knowing; nothing was lost.
    case info
  }

  /// Where: `book.xlsx 预算公开表3!C8`.
  public var location: String
  /// The Chinese text.
  public var zh: String
  /// The English text.
  public var en: String
  /// The stable rule id of reports (`read.amount-not-a-number`, `read.unit-missing` …).
  public var rule: String
  /// How much it weighs.
  public var severity: Severity

  /// Creates an issue.
  public init(location: String, zh: String, en: String, rule: String = "read.unreadable", severity: Severity = .warning) {
    self.location = location
    self.zh = zh
    self.en = en
    self.rule = rule
    self.severity = severity
  }

  public func message(_ language: Language) -> String {
    "\(location)：" + (language == .zh ? zh : en)
  }

  public var description: String { message(.zh) }
}
