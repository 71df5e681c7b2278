import Budget
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

  /// An amount cell that is not read: not a number, too large (9e17), or too precise (1e-301,
  /// which must not become 0). The cell is read as blank and this says so.
  static func unreadableAmount(_ text: String, at location: String) -> ReadIssue {
    switch Amount.rejection(of: text) {
    case .tooLarge:
      return ReadIssue(
        location: location, zh: "金额“\(text)”过大（绝对值应小于 10^15），按空白读取",
        en: "amount \"\(text)\" is too large (its magnitude must be below 10^15); read as blank")
    case .tooPrecise:
      return ReadIssue(
        location: location,
        zh: "金额“\(text)”的小数位超过 \(Amount.inputFractionDigitsLimit) 位，按空白读取",
        en: "amount \"\(text)\" has more than \(Amount.inputFractionDigitsLimit) decimals; read as blank")
    case .notANumber, nil:
      return ReadIssue(
        location: location, zh: "金额“\(text)”不是数字，按空白读取", en: "amount \"\(text)\" is not a number; read as blank")
    }
  }
}
