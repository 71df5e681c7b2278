/// One part of a `multipart/form-data` body: a form field or an uploaded file.
struct FormPart: Sendable {
  /// The field's name (`name="…"`).
  var name: String
  /// The file name the browser sent (`filename="…"`), nil for a plain field. Shown to the user
  /// after `UploadName.display`; never used as a path.
  var fileName: String?
  /// The part's bytes.
  var bytes: [UInt8]

  /// The bytes as UTF-8 text (for plain fields).
  var text: String { String(decoding: bytes, as: UTF8.self) }
}

/// A parser for `multipart/form-data` (RFC 7578), the body a browser sends for a file upload.
enum MultipartForm {
  /// The boundary of a `Content-Type: multipart/form-data; boundary=…` header, else nil.
  static func boundary(contentType: String) -> String? {
    guard contentType.split(separator: ";", maxSplits: 1).first?.trimmedSpaces.lowercased() == "multipart/form-data",
      let value = parameters(contentType)["boundary"],
      (1...70).contains(value.utf8.count)  // RFC 2046: 1 to 70 characters
    else { return nil }
    return value
  }

  /// The parts of `body`, in order; nil when the body is not well-formed multipart data.
  static func parts(of body: [UInt8], boundary: String) -> [FormPart]? {
    let delimiter = Array(("--" + boundary).utf8)
    let separator = Array(("\r\n--" + boundary).utf8)
    guard body.count >= delimiter.count, body.starts(with: delimiter) else { return nil }
    var parts: [FormPart] = []
    var cursor = delimiter.count
    while true {
      // After a delimiter: "--" ends the body, "\r\n" starts a part.
      if body[cursor...].starts(with: [0x2D, 0x2D]) { return parts }
      guard body[cursor...].starts(with: [0x0D, 0x0A]) else { return nil }
      cursor += 2
      guard let headerEnd = find([0x0D, 0x0A, 0x0D, 0x0A], in: body, from: cursor) else { return nil }
      let headers = String(decoding: body[cursor..<headerEnd], as: UTF8.self)
      let contentStart = headerEnd + 4
      guard let contentEnd = find(separator, in: body, from: contentStart - 2) else { return nil }
      guard let disposition = dispositionParameters(headers), let name = disposition["name"] else { return nil }
      let start = min(contentStart, contentEnd)
      parts.append(FormPart(name: name, fileName: disposition["filename"], bytes: Array(body[start..<contentEnd])))
      cursor = contentEnd + separator.count
      guard cursor <= body.count else { return nil }
    }
  }

  /// The parameters of the `Content-Disposition: form-data; name="…"; filename="…"` header.
  static func dispositionParameters(_ headers: String) -> [String: String]? {
    for line in headers.split(separator: "\r\n", omittingEmptySubsequences: true) {
      guard let colon = line.firstIndex(of: ":"),
        line[..<colon].trimmedSpaces.lowercased() == "content-disposition"
      else { continue }
      return parameters(String(line[line.index(after: colon)...]))
    }
    return nil
  }

  /// `key="value"` pairs after the first `;`, quoted or not; a quoted value may hold `;` and `\"`.
  static func parameters(_ value: String) -> [String: String] {
    var result: [String: String] = [:]
    var chars = Array(value)
    chars.append(";")
    var i = 0
    // Skip the disposition type ("form-data").
    while i < chars.count, chars[i] != ";" { i += 1 }
    while i < chars.count {
      i += 1
      while i < chars.count, chars[i] == " " || chars[i] == "\t" { i += 1 }
      var key = ""
      while i < chars.count, chars[i] != "=", chars[i] != ";" {
        key.append(chars[i])
        i += 1
      }
      guard i < chars.count, chars[i] == "=" else { continue }
      i += 1
      var text = ""
      if i < chars.count, chars[i] == "\"" {
        i += 1
        while i < chars.count, chars[i] != "\"" {
          if chars[i] == "\\", i + 1 < chars.count { i += 1 }
          text.append(chars[i])
          i += 1
        }
        while i < chars.count, chars[i] != ";" { i += 1 }
      } else {
        while i < chars.count, chars[i] != ";" {
          text.append(chars[i])
          i += 1
        }
        text = text.trimmedSpaces
      }
      let name = key.trimmedSpaces.lowercased()
      if !name.isEmpty, result[name] == nil { result[name] = text }
    }
    return result
  }

  /// The first index at or after `start` where `needle` begins in `haystack`.
  static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
    guard !needle.isEmpty, start >= 0, haystack.count - start >= needle.count else { return nil }
    let first = needle[0]
    var i = start
    let last = haystack.count - needle.count
    return haystack.withUnsafeBufferPointer { hay in
      needle.withUnsafeBufferPointer { pin in
        while i <= last {
          if hay[i] == first {
            var j = 1
            while j < pin.count, hay[i + j] == pin[j] { j += 1 }
            if j == pin.count { return i }
          }
          i += 1
        }
        return nil
      }
    }
  }
}

extension StringProtocol {
  /// The text without leading and trailing spaces and tabs (header values).
  var trimmedSpaces: String {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
    guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
      return ""
    }
    return String(self[first...last])
  }
}
