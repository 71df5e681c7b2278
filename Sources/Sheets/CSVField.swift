/// One field for `CSVWriter`: text (guarded against formula injection) or a number (written as is).
public enum CSVField: Hashable, Sendable, ExpressibleByStringLiteral {
  /// Text; if it starts with `=`, `+`, `-`, `@`, tab or CR it is written with a leading `'`.
  case text(String)
  /// A number's exact text such as `-3.50` or `1,331.42`, written unguarded. Text that is not a
  /// plain decimal number is guarded like `.text`, so mislabelled input cannot smuggle a formula.
  case number(String)

  public init(stringLiteral value: String) { self = .text(value) }

  /// The field's text before guarding.
  public var rawText: String {
    switch self {
    case .text(let s), .number(let s): return s
    }
  }
}

/// Recognizes plain decimal numbers: optional sign, digits (optionally grouped by commas),
/// optional fraction, optional exponent. No hex, no `inf`/`nan`, no spaces.
enum DecimalText {
  /// Whether `text` is a plain decimal number; `allowGrouping` accepts `1,331.42`.
  static func isDecimal(_ text: String, allowGrouping: Bool) -> Bool {
    if let result = text.utf8.withContiguousStorageIfAvailable({ isDecimal($0, allowGrouping: allowGrouping) }) {
      return result
    }
    return Array(text.utf8).withUnsafeBufferPointer { isDecimal($0, allowGrouping: allowGrouping) }
  }

  /// The byte-level check behind `isDecimal(_:allowGrouping:)`; allocates nothing.
  static func isDecimal(_ p: UnsafeBufferPointer<UInt8>, allowGrouping: Bool) -> Bool {
    let n = p.count
    var i = 0
    if i < n, p[i] == UInt8(ascii: "+") || p[i] == UInt8(ascii: "-") { i += 1 }
    var intDigits = 0
    var sawComma = false
    var groupLength = 0
    while i < n, isDigit(p[i]) || (allowGrouping && p[i] == UInt8(ascii: ",")) {
      if p[i] == UInt8(ascii: ",") {
        // Groups: 1–3 leading digits, then exactly three digits per group.
        guard intDigits > 0, sawComma ? groupLength == 3 : groupLength <= 3 else { return false }
        sawComma = true
        groupLength = 0
      } else {
        intDigits += 1
        groupLength += 1
      }
      i += 1
    }
    if sawComma && groupLength != 3 { return false }
    var fracDigits = 0
    if i < n, p[i] == UInt8(ascii: ".") {
      i += 1
      while i < n, isDigit(p[i]) {
        fracDigits += 1
        i += 1
      }
    }
    guard intDigits + fracDigits > 0 else { return false }
    if i < n, p[i] == UInt8(ascii: "e") || p[i] == UInt8(ascii: "E") {
      i += 1
      if i < n, p[i] == UInt8(ascii: "+") || p[i] == UInt8(ascii: "-") { i += 1 }
      var expDigits = 0
      while i < n, isDigit(p[i]) {
        expDigits += 1
        i += 1
      }
      guard expDigits > 0 else { return false }
    }
    return i == n
  }

  private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
}
