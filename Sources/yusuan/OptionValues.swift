import YusuanKit

/// An option value the command line refuses; each names the option and the text given.
enum OptionValueError: Error, LocalizedMessage {
  /// The text is not a plain decimal amount (`0,01`, `1e-2`, `abc`): only digits and one `.`.
  case notAnAmount(option: String, value: String)
  /// The amount is negative (`-1`).
  case negative(option: String, value: String)
  /// An option was given without the one it qualifies (`--catalog-complete` without `--catalog`).
  case needs(option: String, other: String)

  func message(_ language: Language) -> String {
    let zh = language == .zh
    switch self {
    case .notAnAmount(let option, let value) where value.contains(",") || value.contains("，"):
      return zh
        ? "\(option) 的值“\(value)”不是金额：小数点请用“.”，如 0.01（不用逗号）"
        : "\(option) value \"\(value)\" is not an amount: write the decimal point as \".\", e.g. 0.01 (no comma)"
    case .notAnAmount(let option, let value):
      return zh
        ? "\(option) 的值“\(value)”不是金额：应为非负金额，如 0.01"
        : "\(option) value \"\(value)\" is not an amount: give a non-negative amount such as 0.01"
    case .negative(let option, let value):
      return zh
        ? "\(option) 的值“\(value)”是负数：应为非负金额，如 0.01"
        : "\(option) value \"\(value)\" is negative: give a non-negative amount such as 0.01"
    case .needs(let option, let other):
      return zh ? "\(option) 需要同时给出 \(other) 文件" : "\(option) needs \(other) FILE"
    }
  }
}

enum OptionValues {
  /// A non-negative amount written plainly: digits with at most one `.` and digits after it
  /// (`0.01`, `1`, `0.5`). Thousands separators, decimal commas, signs and exponents are refused,
  /// since a general amount parser would read `0,01` as 1 (a thousands separator).
  static func amount(_ text: String, option: String) throws(OptionValueError) -> Amount {
    let trimmed = String(text.trimmingSpace())
    if trimmed.hasPrefix("-"), (try? amount(String(trimmed.dropFirst()), option: option)) != nil {
      throw .negative(option: option, value: text)
    }
    let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
    let plain =
      (1...2).contains(parts.count)
      && parts.allSatisfy { !$0.isEmpty && $0.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } }
    guard plain, let value = Amount(parsing: trimmed) else { throw .notAnAmount(option: option, value: text) }
    return value
  }
}
