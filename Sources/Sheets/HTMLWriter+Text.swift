extension HTMLWriter {
  /// Text as HTML content: `&`, `<` and `>` escaped, line breaks as `<br>`, and control
  /// characters (which HTML forbids) dropped.
  public static func text(_ text: String) -> String {
    if isPlain(text) { return text }
    return escaped(text, quote: nil, lineBreak: "<br>")
  }

  /// Text as a double-quoted attribute value: `&`, `<`, `>` and `"` escaped; line breaks kept
  /// (tooltips show them), other control characters dropped.
  public static func attribute(_ text: String) -> String {
    if isPlain(text) && !text.utf8.contains(UInt8(ascii: "\"")) { return text }
    return escaped(text, quote: "&quot;", lineBreak: "&#10;")
  }

  /// The escaping both share: `quote` replaces `"` when given, `lineBreak` replaces `\n`.
  private static func escaped(_ text: String, quote: String?, lineBreak: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"" where quote != nil: out += quote!
      case "\n": out += lineBreak
      case "\r": continue
      default:
        if isForbidden(scalar) { continue }
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// Whether a text needs no escaping, answered on its bytes (most cells are digits or CJK): no
  /// `&`, `<`, `>`, no control character, and no lead byte of a C1 control (C2), of a
  /// noncharacter (EF) or of a supplementary plane (F0–F4), which the slow path checks.
  private static func isPlain(_ text: String) -> Bool {
    for b in text.utf8 {
      if b < 0x20 || b == 0x7F || b == UInt8(ascii: "&") || b == UInt8(ascii: "<") || b == UInt8(ascii: ">")
        || b == 0xC2
        || b == 0xEF || b >= 0xF0
      {
        return false
      }
    }
    return true
  }

  /// Control characters and noncharacters, which an HTML document must not hold.
  private static func isForbidden(_ s: Unicode.Scalar) -> Bool {
    let v = s.value
    return (v < 0x20 && v != 0x09) || (v >= 0x7F && v <= 0x9F) || (v >= 0xFDD0 && v <= 0xFDEF) || v & 0xFFFE == 0xFFFE
  }

  /// A value as a spreadsheet shows it in a number format: numbers in `0`, `0.00`, `#,##0` or
  /// `#,##0.00` (any number of decimals) are rounded half away from zero and grouped by
  /// thousands; other formats, General and text show the value as stored.
  public static func displayed(_ value: CellValue, format: String?) -> String {
    guard case .number(let stored) = value, let format, let pattern = NumberPattern(format) else { return value.text }
    return pattern.apply(stored) ?? stored
  }
}

/// The part of Excel's number formats that tables use: optional thousands grouping and a fixed
/// number of decimals.
struct NumberPattern: Equatable {
  /// Whether thousands are separated by commas.
  var grouping: Bool
  /// Digits after the point.
  var decimals: Int

  /// Parses `0`, `0.00`, `#,##0`, `#,##0.000` …; nil for anything else (dates, percents, text `@`).
  init?(_ format: String) {
    // Only the positive section counts; the sections after `;` are for negatives and zero.
    let section = format.split(separator: ";", omittingEmptySubsequences: false).first.map(String.init) ?? ""
    let parts = section.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count <= 2, let integer = parts.first,
      integer == "0" || integer == "#,##0" || integer == "#,#0" || integer == "#0"
    else { return nil }
    let fraction = parts.count == 2 ? parts[1] : ""
    guard fraction.allSatisfy({ $0 == "0" }) else { return nil }
    grouping = integer.contains(",")
    decimals = fraction.count
  }

  /// The stored decimal text (`1331.425`, `-3`, `.5`) in this pattern; nil when it is not a
  /// plain decimal (an exponent, say).
  func apply(_ stored: String) -> String? {
    var bytes = Array(stored.utf8)
    var negative = false
    if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
      negative = first == UInt8(ascii: "-")
      bytes.removeFirst()
    }
    let point = bytes.firstIndex(of: UInt8(ascii: "."))
    var integer = Array(bytes[..<(point ?? bytes.count)])
    var fraction = point.map { Array(bytes[($0 + 1)...]) } ?? []
    let isDigit = { (b: UInt8) in b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
    guard integer.allSatisfy(isDigit), fraction.allSatisfy(isDigit), !(integer.isEmpty && fraction.isEmpty) else {
      return nil
    }
    if integer.isEmpty { integer = [UInt8(ascii: "0")] }
    // Round half away from zero at `decimals`.
    if fraction.count > decimals {
      let roundUp = fraction[decimals] >= UInt8(ascii: "5")
      fraction.removeLast(fraction.count - decimals)
      if roundUp {
        var digits = integer + fraction
        var i = digits.count - 1
        while i >= 0 {
          if digits[i] == UInt8(ascii: "9") {
            digits[i] = UInt8(ascii: "0")
            i -= 1
          } else {
            digits[i] += 1
            break
          }
        }
        if i < 0 { digits.insert(UInt8(ascii: "1"), at: 0) }
        integer = Array(digits[..<(digits.count - decimals)])
        fraction = Array(digits[(digits.count - decimals)...])
      }
    }
    while fraction.count < decimals { fraction.append(UInt8(ascii: "0")) }
    while integer.count > 1, integer.first == UInt8(ascii: "0") { integer.removeFirst() }
    // A value that rounds to zero is shown without its sign, as spreadsheets do.
    if (integer + fraction).allSatisfy({ $0 == UInt8(ascii: "0") }) { negative = false }
    var out: [UInt8] = negative ? [UInt8(ascii: "-")] : []
    for (i, digit) in integer.enumerated() {
      if grouping, i > 0, (integer.count - i) % 3 == 0 { out.append(UInt8(ascii: ",")) }
      out.append(digit)
    }
    if decimals > 0 {
      out.append(UInt8(ascii: "."))
      out += fraction
    }
    return String(decoding: out, as: UTF8.self)
  }
}
