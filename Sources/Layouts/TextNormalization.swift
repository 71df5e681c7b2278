/// Text normalization shared by recognition and matching: real exports put spaces, full-width
/// spaces and line breaks into header cells, and vary brackets and quotes.
///
/// Everything here runs on every cell of every grid, so it works on UTF-8 bytes. Where `String`'s
/// own semantics are grapheme- and canonical-equivalence-aware (trimming, prefixes, substrings),
/// the byte path is taken only for plain text (see `isPlainText`), on which both agree; other text
/// takes the `String` way, so results never depend on the shortcut.
enum Normalize {
  /// A header or title for matching: no whitespace of any kind, ASCII brackets, no quotes,
  /// and every year (`2023年`, `2023`) replaced by `{Y}`.
  static func header(_ text: String) -> String {
    var text = text
    return text.withUTF8 { source in
      String(unsafeUninitializedCapacity: source.count) { out in
        var count = 0
        // Digits are copied as they come; a run of four that makes a year is rewritten to {Y}.
        var digitRun = 0
        var i = 0
        while i < source.count {
          let (scalar, length) = UTF8Scan.scalar(in: source, at: i)
          defer { i += length }
          if scalar.isSpace { continue }
          if scalar.value >= 0x30 && scalar.value <= 0x39 {
            out[count] = source[i]
            count += 1
            digitRun += 1
            continue
          }
          if digitRun > 0 {
            let isYear = Self.replaceYear(in: out, end: count, digits: digitRun)
            digitRun = 0
            if isYear {
              count -= 1
              if scalar == "年" { continue }
            }
          }
          switch scalar {
          case "（":
            out[count] = UInt8(ascii: "(")
            count += 1
          case "）":
            out[count] = UInt8(ascii: ")")
            count += 1
          case "：":
            out[count] = UInt8(ascii: ":")
            count += 1
          case "“", "”", "\"", "‘", "’", "'", "《", "》", "「", "」": continue
          default:
            for k in 0..<length { out[count + k] = source[i + k] }
            count += length
          }
        }
        if digitRun > 0, Self.replaceYear(in: out, end: count, digits: digitRun) { count -= 1 }
        return count
      }
    }
  }

  /// Rewrites a run of four digits that reads as a year 1990…2100, ending at `end`, to `{Y}`
  /// (one byte shorter); whether it did.
  private static func replaceYear(in out: UnsafeMutableBufferPointer<UInt8>, end: Int, digits: Int) -> Bool {
    guard digits == 4 else { return false }
    var year = 0
    for k in end - 4..<end { year = year * 10 + Int(out[k] - 0x30) }
    guard (1990...2100).contains(year) else { return false }
    out[end - 4] = UInt8(ascii: "{")
    out[end - 3] = UInt8(ascii: "Y")
    out[end - 2] = UInt8(ascii: "}")
    return true
  }

  /// A data name as the model keeps it: trimmed (including ideographic spaces used as indent),
  /// with line breaks of wrapped cells removed.
  static func name(_ text: String) -> String {
    if let fast = plainName(text) { return fast }
    let joined = text.split(
      omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
    )
    .map { $0.trimmingWhitespace() }
    .joined()
    return joined.trimmingWhitespace()
  }

  /// `name` on bytes: the lines between CR and LF (always grapheme breaks) trimmed and joined;
  /// nil when a line is not plain text, whose trimming must go by Characters.
  private static func plainName(_ text: String) -> String? {
    var bytes = text
    return bytes.withUTF8 { source -> String? in
      // Most names are one line without surrounding spaces: the text itself.
      if UTF8Scan.isPlain(source), !source.contains(0x0A) {
        let kept = UTF8Scan.trimmed(source)
        if kept == 0..<source.count { return text }
        return String(decoding: UnsafeBufferPointer(rebasing: source[kept]), as: UTF8.self)
      }
      var out: [UInt8] = []
      out.reserveCapacity(source.count)
      var lineStart = 0
      while lineStart <= source.count {
        var lineEnd = lineStart
        while lineEnd < source.count, source[lineEnd] != 0x0A, source[lineEnd] != 0x0D { lineEnd += 1 }
        let line = UnsafeBufferPointer(rebasing: source[lineStart..<lineEnd])
        guard UTF8Scan.isPlain(line) else { return nil }
        out.append(contentsOf: line[UTF8Scan.trimmed(line)])
        lineStart = lineEnd + 1
      }
      return String(decoding: out, as: UTF8.self)
    }
  }

  /// A classification code from a cell: digits only (`2060101`, from text or a number such as
  /// `2060101.0`); nil when the cell is not a code.
  static func code(_ text: String) -> String? {
    // A code is ASCII digits, so trimming by scalars (not Characters) cannot change the answer.
    var text = text
    return text.withUTF8 { source -> String? in
      var kept = UTF8Scan.trimmed(source)
      if kept.count >= 2, source[kept.upperBound - 2] == UInt8(ascii: "."),
        source[kept.upperBound - 1] == UInt8(ascii: "0")
      {
        kept = kept.lowerBound..<(kept.upperBound - 2)
      }
      guard !kept.isEmpty, kept.count <= 12, source[kept].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
      return String(decoding: UnsafeBufferPointer(rebasing: source[kept]), as: UTF8.self)
    }
  }
}

/// Scanning UTF-8 of valid Swift strings.
enum UTF8Scan {
  /// The scalar starting at byte `i` and its length in bytes.
  @inline(__always)
  static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (Unicode.Scalar, Int) {
    let lead = UInt32(bytes[i])
    if lead < 0x80 { return (Unicode.Scalar(UInt8(lead)), 1) }
    if lead < 0xE0 {
      return (Unicode.Scalar((lead & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)).unsafelyUnwrapped, 2)
    }
    if lead < 0xF0 {
      let value = (lead & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
      return (Unicode.Scalar(value).unsafelyUnwrapped, 3)
    }
    let value =
      (lead & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
      | UInt32(bytes[i + 3] & 0x3F)
    return (Unicode.Scalar(value).unsafelyUnwrapped, 4)
  }

  /// The scalar ending just before byte `end`, and where it starts.
  @inline(__always)
  static func scalar(in bytes: UnsafeBufferPointer<UInt8>, endingAt end: Int) -> (Unicode.Scalar, Int) {
    var start = end - 1
    while bytes[start] & 0xC0 == 0x80 { start -= 1 }
    return (scalar(in: bytes, at: start).0, start)
  }

  /// The byte range without leading and trailing white space scalars.
  static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
    var start = 0
    while start < bytes.count {
      let (scalar, length) = scalar(in: bytes, at: start)
      if !scalar.isSpace { break }
      start += length
    }
    var end = bytes.count
    while end > start {
      let (scalar, scalarStart) = scalar(in: bytes, endingAt: end)
      if !scalar.isSpace { break }
      end = scalarStart
    }
    return start..<end
  }

  /// Whether every scalar is plain (see `isPlain(_:)` for one scalar).
  static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    while i < bytes.count {
      let lead = bytes[i]
      if lead < 0x80 {
        if lead == 0x0D { return false }
        i += 1
        continue
      }
      // Lead bytes of U+0080…U+02FF and of U+4000…U+9FFF (most CJK text): plain without decoding.
      if lead < 0xCC {
        i += 2
        continue
      }
      if lead >= 0xE4 && lead <= 0xE9 {
        i += 3
        continue
      }
      let (scalar, length) = scalar(in: bytes, at: i)
      if !isPlain(scalar) { return false }
      i += length
    }
    return true
  }

  /// Whether a scalar is a grapheme cluster of its own whatever its neighbours (no combining
  /// mark, joiner, prepended or Hangul jamo, no CR that pairs with LF) and is its own only
  /// canonical equivalent. Text made of such scalars compares, searches and trims the same
  /// by bytes as by Characters. The ranges cover ASCII, Latin, CJK and the punctuation around it.
  @inline(__always)
  static func isPlain(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x0D: return false
    case 0..<0x300, 0x2002...0x200B, 0x2010...0x2027, 0x202F...0x205F, 0x2150...0x218F, 0x2460...0x25FF,
      0x2E80...0x3029, 0x3030...0x3098, 0x309B...0x9FFF, 0xFF00...0xFF9D, 0xFFA0...0xFFEF:
      return true
    default: return false
    }
  }
}

/// Normalized names to look texts up in: by bytes, falling back to `String` equality (canonical
/// equivalence) only when a name or the text is not plain.
struct NameList: Sendable {
  /// The names, in the order given (repeats dropped).
  private(set) var names: [String] = []
  /// A hash of each name's bytes, so that a look-up compares bytes only on a likely match.
  private var fingerprints: [UInt64] = []
  private var allPlain = true

  init(_ names: some Sequence<String>) {
    for name in names {
      let print = Self.fingerprint(name)
      if fingerprints.indices.contains(where: { fingerprints[$0] == print && Self.sameBytes(self.names[$0], name) }) {
        continue
      }
      self.names.append(name)
      fingerprints.append(print)
      // An empty name takes the String way: substring semantics of "" differ between APIs.
      allPlain = allPlain && !name.isEmpty && name.isPlainText
    }
  }

  /// Whether a normalized text is one of the names.
  func contains(_ key: String) -> Bool {
    let print = Self.fingerprint(key)
    if fingerprints.indices.contains(where: { fingerprints[$0] == print && Self.sameBytes(names[$0], key) }) {
      return true
    }
    if allPlain && key.isPlainText { return false }
    return names.contains(key)
  }

  /// Whether one of the names occurs in a normalized text (`String.contains`).
  func anyOccurs(in text: String) -> Bool {
    guard allPlain, text.isPlainText else { return names.contains { text.contains($0) } }
    return names.contains { text.utf8Range(of: $0) != nil }
  }

  /// FNV-1a of the UTF-8 bytes.
  private static func fingerprint(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    return hash
  }

  private static func sameBytes(_ a: String, _ b: String) -> Bool {
    a.utf8.count == b.utf8.count && a.utf8.elementsEqual(b.utf8)
  }
}

extension String {
  /// Whether the text is plain (see `UTF8Scan.isPlain(_:)`): byte comparisons agree with `String`'s.
  var isPlainText: Bool {
    var text = self
    return text.withUTF8 { UTF8Scan.isPlain($0) }
  }

  /// `hasPrefix`, by bytes when both texts are plain.
  func hasPrefixFast(_ prefix: String) -> Bool {
    guard isPlainText, prefix.isPlainText else { return hasPrefix(prefix) }
    return utf8.starts(with: prefix.utf8)
  }

  /// `hasSuffix`, by bytes when both texts are plain.
  func hasSuffixFast(_ suffix: String) -> Bool {
    guard isPlainText, suffix.isPlainText else { return hasSuffix(suffix) }
    let extra = utf8.count - suffix.utf8.count
    return extra >= 0 && utf8.dropFirst(extra).elementsEqual(suffix.utf8)
  }

  /// `contains` of a text, by bytes when both texts are plain.
  func containsFast(_ other: String) -> Bool {
    guard !other.isEmpty, isPlainText, other.isPlainText else { return contains(other) }
    return utf8Range(of: other) != nil
  }

  /// `==`, by bytes when both texts are plain (equal bytes are always equal text).
  func equalsFast(_ other: String) -> Bool {
    if utf8.count == other.utf8.count, utf8.elementsEqual(other.utf8) { return true }
    guard isPlainText, other.isPlainText else { return self == other }
    return false
  }

  /// Whether the text holds a scalar other than white space (so is not empty once trimmed).
  var hasNonSpace: Bool {
    unicodeScalars.contains { !$0.isSpace }
  }
}

extension StringProtocol {
  /// The text without leading and trailing whitespace (including U+3000 and no-break spaces).
  func trimmingWhitespace() -> String {
    // By scalars when that agrees with Characters: nothing to trim, or the first and last
    // kept scalars cannot join the white space next to them into one Character.
    let fast = utf8.withContiguousStorageIfAvailable { bytes -> String? in
      let kept = UTF8Scan.trimmed(bytes)
      if kept.isEmpty { return "" }
      if kept.count == bytes.count { return String(self) }
      if kept.lowerBound > 0, !UTF8Scan.isPlain(UTF8Scan.scalar(in: bytes, at: kept.lowerBound).0) { return nil }
      if kept.upperBound < bytes.count, !UTF8Scan.isPlain(UTF8Scan.scalar(in: bytes, endingAt: kept.upperBound).0) {
        return nil
      }
      return String(decoding: UnsafeBufferPointer(rebasing: bytes[kept]), as: UTF8.self)
    }
    if case .some(.some(let result)) = fast { return result }
    guard let first = firstIndex(where: { !$0.isSpace }) else { return "" }
    let last = lastIndex(where: { !$0.isSpace })!
    return String(self[first...last])
  }
}
