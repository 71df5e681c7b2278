/// The language of messages meant for people: Chinese by default, English on request.
public enum Language: String, Sendable, CaseIterable {
  /// 中文 (the default).
  case zh
  /// English.
  case en
}

/// An error or finding that can explain itself to a person in either language.
public protocol LocalizedMessage {
  /// A one-line message in the given language.
  func message(_ language: Language) -> String
}
