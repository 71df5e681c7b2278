/// Text from inputs made harmless for a terminal: control characters (ESC sequences that would
/// recolour, retitle or rewrite the screen, CR that would overwrite a line, BEL …) are shown as
/// `\x1B`, `\r`, `\u009B` instead of being sent raw. Line feeds and tabs stay.
enum TerminalText {
  /// The text with its control characters made visible; the same string when it has none.
  static func visible(_ text: String) -> String {
    guard needsEscape(text) else { return text }
    var out = ""
    out.reserveCapacity(text.utf8.count + 16)
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0x0A, 0x09: out.unicodeScalars.append(scalar)
      case 0x0D: out += "\\r"
      case 0x00..<0x20, 0x7F: out += "\\x" + hex(scalar.value, digits: 2)
      case 0x80...0x9F: out += "\\u" + hex(scalar.value, digits: 4)
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  private static func needsEscape(_ text: String) -> Bool {
    var previous: UInt8 = 0
    for byte in text.utf8 {
      if byte < 0x20 && byte != 0x0A && byte != 0x09 || byte == 0x7F { return true }
      if previous == 0xC2 && (0x80...0x9F).contains(byte) { return true }  // C1 controls (CSI is U+009B)
      previous = byte
    }
    return false
  }

  private static func hex(_ value: UInt32, digits: Int) -> String {
    let text = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, digits - text.count)) + text
  }
}
