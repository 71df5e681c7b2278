/// Text normalization shared by recognition and matching: real exports put spaces, full-width
/// spaces and line breaks into header cells, and vary brackets and quotes.
enum Normalize {
  /// A header or title for matching: no whitespace of any kind, ASCII brackets, no quotes,
  /// and every year (`2023年`, `2023`) replaced by `{Y}`.
  static func header(_ text: String) -> String {
    // Works on scalars (not Characters): it runs on every cell that might be a title or header.
    var out = String.UnicodeScalarView()
    var digits: [Unicode.Scalar] = []
    var afterYear = false
    func flush() {
      if digits.count == 4, let y = Int(String(String.UnicodeScalarView(digits))), (1990...2100).contains(y) {
        out.append(contentsOf: "{Y}".unicodeScalars)
        afterYear = true
      } else {
        out.append(contentsOf: digits)
      }
      digits.removeAll(keepingCapacity: true)
    }
    for scalar in text.unicodeScalars where !scalar.isSpace {
      if ("0"..."9").contains(scalar) {
        digits.append(scalar)
        continue
      }
      if !digits.isEmpty { flush() }
      if afterYear {
        afterYear = false
        if scalar == "年" { continue }
      }
      switch scalar {
      case "（": out.append("(")
      case "）": out.append(")")
      case "：": out.append(":")
      case "“", "”", "\"", "‘", "’", "'", "《", "》", "「", "」": continue
      default: out.append(scalar)
      }
    }
    if !digits.isEmpty { flush() }
    return String(out)
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
    guard let first = firstIndex(where: { !$0.isSpace }) else { return "" }
    let last = lastIndex(where: { !$0.isSpace })!
    return String(self[first...last])
  }
}
