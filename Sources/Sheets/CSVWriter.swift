/// Writes RFC 4180 CSV in UTF-8 (with or without BOM) or GB18030.
///
/// Fields containing a comma, quote, CR or LF are quoted (quotes doubled). Text fields are
/// guarded against formula injection (CSV opened in Excel runs `=…`, `+…`, `-…`, `@…`): such a
/// field gets one leading apostrophe. Numbers passed as `CSVField.number` are not guarded, so
/// `-3.50` stays `-3.50`. The reader returns the apostrophe; `unguard(_:)` undoes the guard exactly.
public enum CSVWriter {
  /// The line ending used unless told otherwise (RFC 4180 and Excel use CRLF).
  public static let defaultLineEnding = "\r\n"

  /// Encodes rows of fields; `.text` fields are guarded, plain-decimal `.number` fields are not.
  public static func encode(
    rows: [[CSVField]], encoding: TextEncoding = .utf8BOM, lineEnding: String = defaultLineEnding
  ) throws -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(rows.count * 64)
    let eol = Array(lineEnding.utf8)
    for row in rows {
      for (index, field) in row.enumerated() {
        if index > 0 { out.append(UInt8(ascii: ",")) }
        switch field {
        case .text(let s): appendField(guardFormula(s), to: &out)
        case .number(let s):
          appendField(DecimalText.isDecimal(s, allowGrouping: true) ? s : guardFormula(s), to: &out)
        }
      }
      out.append(contentsOf: eol)
    }
    return try encoding.encode(utf8: out)
  }

  /// Encodes rows of strings, every one treated as text (and so guarded when it starts like a formula).
  public static func encode(
    rows: [[String]], encoding: TextEncoding = .utf8BOM, lineEnding: String = defaultLineEnding
  ) throws -> [UInt8] {
    try encode(rows: rows.map { $0.map(CSVField.text) }, encoding: encoding, lineEnding: lineEnding)
  }

  /// Writes rows to `path` atomically (temporary file, then rename), never onto one of `refusing`.
  public static func write(
    rows: [[CSVField]], to path: String, encoding: TextEncoding = .utf8BOM,
    lineEnding: String = defaultLineEnding, refusing inputs: [String] = []
  ) throws {
    let bytes = try encode(rows: rows, encoding: encoding, lineEnding: lineEnding)
    try AtomicFile.write(bytes: bytes, to: path, refusing: inputs)
  }

  /// Writes rows of strings (all text) to `path` atomically, never onto one of `refusing`.
  public static func write(
    rows: [[String]], to path: String, encoding: TextEncoding = .utf8BOM,
    lineEnding: String = defaultLineEnding, refusing inputs: [String] = []
  ) throws {
    try write(
      rows: rows.map { $0.map(CSVField.text) }, to: path, encoding: encoding, lineEnding: lineEnding, refusing: inputs)
  }

  /// Prefixes one `'` when the text, after any apostrophes it already starts with, begins with
  /// `=`, `+`, `-`, `@`, tab or CR. Counting existing apostrophes makes `unguard` an exact inverse.
  public static func guardFormula(_ text: String) -> String {
    needsGuard(text) ? "'" + text : text
  }

  /// Removes exactly one leading `'` from a field that `guardFormula` would have produced.
  public static func unguard(_ text: String) -> String {
    guard text.utf8.first == UInt8(ascii: "'") else { return text }
    let rest = String(text.dropFirst())
    return needsGuard(rest) ? rest : text
  }

  private static func needsGuard(_ text: String) -> Bool {
    for b in text.utf8 {
      switch b {
      case UInt8(ascii: "'"): continue
      case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D: return true
      default: return false
      }
    }
    return false
  }

  private static func appendField(_ text: String, to out: inout [UInt8]) {
    var needsQuotes = false
    for b in text.utf8 where b == UInt8(ascii: ",") || b == UInt8(ascii: "\"") || b == 0x0D || b == 0x0A {
      needsQuotes = true
      break
    }
    guard needsQuotes else {
      out.append(contentsOf: text.utf8)
      return
    }
    out.append(UInt8(ascii: "\""))
    for b in text.utf8 {
      if b == UInt8(ascii: "\"") { out.append(b) }
      out.append(b)
    }
    out.append(UInt8(ascii: "\""))
  }
}
