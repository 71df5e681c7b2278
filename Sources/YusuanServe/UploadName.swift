/// What a browser-sent file name may be used for: shown to the user, and its extension to pick
/// the reader. It never becomes a path; stored files get names of the server's own.
enum UploadName {
  /// The extensions Yusuan reads (the readers decide the rest by content).
  static let readable: Set<String> = ["xlsx", "xlsm", "xls", "csv", "txt", "json"]

  /// The name as shown: its last path component (either slash), control and bidirectional
  /// formatting characters dropped, at most 120 characters.
  static func display(_ raw: String) -> String {
    let last = raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
    var out = ""
    for scalar in last.unicodeScalars where !isHidden(scalar) {
      out.unicodeScalars.append(scalar)
      if out.count >= 120 { break }
    }
    let trimmed = out.trimmedSpaces
    return trimmed.isEmpty || trimmed == "." || trimmed == ".." ? "upload" : trimmed
  }

  /// The lowercased extension of a displayed name when Yusuan reads it, else nil.
  static func readableExtension(_ name: String) -> String? {
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
    let ext = name[name.index(after: dot)...].lowercased()
    return readable.contains(ext) ? ext : nil
  }

  /// A name safe inside a zip and on any file system: letters, digits (any script), `-` and `_`;
  /// `fallback` when nothing is left. At most 60 characters.
  static func stem(_ text: String, fallback: String) -> String {
    var out = ""
    for ch in text where ch.isLetter || ch.isNumber || ch == "-" || ch == "_" {
      out.append(ch)
      if out.count >= 60 { break }
    }
    return out.isEmpty ? fallback : out
  }

  private static func isHidden(_ s: Unicode.Scalar) -> Bool {
    s.value < 0x20 || s.value == 0x7F || (0x80...0x9F).contains(s.value)
      || (0x200B...0x200F).contains(s.value) || (0x202A...0x202E).contains(s.value)
      || (0x2066...0x2069).contains(s.value) || s.value == 0xFEFF
  }
}
