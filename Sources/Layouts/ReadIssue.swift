import Sheets

/// Something noticed while reading that the user should know, without stopping the read
/// (an amount that is not a number, a sheet that is not a budget table …).
public struct ReadIssue: Error, Sendable, Equatable, LocalizedMessage, CustomStringConvertible {
  /// Where: `book.xlsx 预算公开表3!C8`.
  public var location: String
  /// The Chinese text.
  public var zh: String
  /// The English text.
  public var en: String

  /// Creates an issue.
  public init(location: String, zh: String, en: String) {
    self.location = location
    self.zh = zh
    self.en = en
  }

  public func message(_ language: Language) -> String {
    "\(location)：" + (language == .zh ? zh : en)
  }

  public var description: String { message(.zh) }
}
