/// The OOXML escape for characters XML 1.0 cannot carry (ECMA-376 ST_Xstring): a control
/// character, U+FFFE or U+FFFF is written as `_xHHHH_` (its UTF-16 code unit in hex), and an
/// underscore that would start such a pattern as `_x005F_`. Texts pass through it on their way
/// to libxlsxwriter (cells, document properties, headers), so that a NUL does not cut the C
/// string and no part of the workbook is ill-formed; the reader decodes it again.
enum OOXMLText {
  /// Whether a scalar may stand in an XML 1.0 document.
  static func isXMLCharacter(_ value: UInt32) -> Bool {
    switch value {
    case 0x9, 0xA, 0xD: return true
    case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
    default: return false
    }
  }

  /// The text with XML-invalid characters (and `_` before `xHHHH_`) escaped; the same string
  /// when nothing needs it (the common case, checked on the UTF-8 bytes without allocating).
  static func escaped(_ text: String) -> String {
    guard needsEscape(text) else { return text }
    var out = String.UnicodeScalarView()
    let scalars = Array(text.unicodeScalars)
    for (i, scalar) in scalars.enumerated() {
      if !isXMLCharacter(scalar.value) {
        out.append(contentsOf: code(scalar.value).unicodeScalars)
      } else if scalar == "_", startsPattern(scalars, at: i) {
        out.append(contentsOf: "_x005F_".unicodeScalars)
      } else {
        out.append(scalar)
      }
    }
    return String(out)
  }

  private static func needsEscape(_ text: String) -> Bool {
    var previous: (UInt8, UInt8) = (0, 0)
    for byte in text.utf8 {
      if byte < 0x20, byte != 0x9, byte != 0xA, byte != 0xD { return true }
      if byte == 0x5F { return true }  // rare enough in budget texts to take the slow way
      // U+FFFE and U+FFFF are EF BF BE and EF BF BF.
      if previous == (0xEF, 0xBF), byte == 0xBE || byte == 0xBF { return true }
      previous = (previous.1, byte)
    }
    return false
  }

  /// `_xHHHH_` for a code unit.
  private static func code(_ value: UInt32) -> String {
    let hex = String(value, radix: 16, uppercase: true)
    return "_x" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "_"
  }

  /// Whether `_xHHHH_` starts at `i`.
  private static func startsPattern(_ scalars: [Unicode.Scalar], at i: Int) -> Bool {
    guard i + 6 < scalars.count, scalars[i] == "_", scalars[i + 1] == "x", scalars[i + 6] == "_" else { return false }
    return scalars[(i + 2)...(i + 5)].allSatisfy { $0.properties.isASCIIHexDigit }
  }

  /// The bytes with every `_xHHHH_` replaced by the character it stands for (surrogate pairs
  /// joined; a lone surrogate is kept as written); nil when the text has no such pattern.
  static func decoded(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
    guard bytes.count >= 7, bytes.contains(0x5F) else { return nil }
    var out: [UInt8] = []
    var i = 0
    var changed = false
    func unit(at k: Int) -> UInt16? {
      guard k + 6 < bytes.count, bytes[k] == 0x5F, bytes[k + 1] == UInt8(ascii: "x"), bytes[k + 6] == 0x5F else {
        return nil
      }
      var value: UInt16 = 0
      for j in (k + 2)...(k + 5) {
        guard let digit = hexValue(bytes[j]) else { return nil }
        value = value << 4 | UInt16(digit)
      }
      return value
    }
    while i < bytes.count {
      if bytes[i] == 0x5F, let first = unit(at: i) {
        var scalar: Unicode.Scalar?
        var length = 7
        if (0xD800...0xDBFF).contains(first), let second = unit(at: i + 7), (0xDC00...0xDFFF).contains(second) {
          scalar = Unicode.Scalar(0x10000 + (UInt32(first - 0xD800) << 10) + UInt32(second - 0xDC00))
          length = 14
        } else {
          scalar = Unicode.Scalar(first)
        }
        if let scalar {
          if !changed {
            out.reserveCapacity(bytes.count)
            out.append(contentsOf: bytes[0..<i])
          }
          out.append(contentsOf: String(Character(scalar)).utf8)
          changed = true
          i += length
          continue
        }
      }
      if changed { out.append(bytes[i]) }
      i += 1
    }
    return changed ? out : nil
  }

  private static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case 0x30...0x39: return byte - 0x30
    case 0x41...0x46: return byte - 0x41 + 10
    case 0x61...0x66: return byte - 0x61 + 10
    default: return nil
    }
  }
}
