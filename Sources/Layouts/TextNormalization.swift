/// Text normalization shared by recognition and matching: real exports put spaces, full-width
/// spaces and line breaks into header cells, and vary brackets and quotes.
enum Normalize {
  /// A header or title for matching: no whitespace of any kind, ASCII brackets, no quotes,
  /// and every year (`2023年`, `2023`) replaced by `{Y}`.
  static func header(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    var digits = ""
    var afterYear = false
    for ch in text where !ch.isWhitespace {
      if let a = ch.asciiValue, (0x30...0x39).contains(a) {
        digits.append(ch)
        continue
      }
      if !digits.isEmpty {
        if digits.count == 4, let y = Int(digits), (1990...2100).contains(y) {
          out += "{Y}"
          afterYear = true
        } else {
          out += digits
        }
        digits = ""
      }
      if afterYear {
        afterYear = false
        if ch == "年" { continue }
      }
      switch ch {
      case "（": out += "("
      case "）": out += ")"
      case "：": out += ":"
      case "“", "”", "\"", "‘", "’", "'", "《", "》", "「", "」": continue
      default: out.append(ch)
      }
    }
    if !digits.isEmpty {
      if digits.count == 4, let y = Int(digits), (1990...2100).contains(y) { out += "{Y}" } else { out += digits }
    }
    return out
  }

  /// A data name as the model keeps it: trimmed (including ideographic spaces used as indent),
  /// with line breaks of wrapped cells removed.
  static func name(_ text: String) -> String {
    let joined = text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
      .map { $0.trimmingWhitespace() }
      .joined()
    return joined.trimmingWhitespace()
  }

  /// A classification code from a cell: digits only (`2060101`, from text or a number such as
  /// `2060101.0`); nil when the cell is not a code.
  static func code(_ text: String) -> String? {
    var t = text.trimmingWhitespace()
    if t.hasSuffix(".0") { t.removeLast(2) }
    guard !t.isEmpty, t.count <= 12, t.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
    return t
  }
}

extension StringProtocol {
  /// The text without leading and trailing whitespace (including U+3000 and no-break spaces).
  func trimmingWhitespace() -> String {
    guard let first = firstIndex(where: { !$0.isWhitespace }) else { return "" }
    let last = lastIndex(where: { !$0.isWhitespace })!
    return String(self[first...last])
  }
}
