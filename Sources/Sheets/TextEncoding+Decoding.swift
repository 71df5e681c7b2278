/// Text decoded to UTF-8: the bytes, where the text starts in them (after a byte-order mark),
/// and the encoding the input was in.
struct DecodedText {
  /// Valid UTF-8.
  var bytes: [UInt8]
  /// Index of the first byte of text (3 when a UTF-8 BOM is skipped in place).
  var start: Int
  /// The encoding of the input.
  var encoding: TextEncoding
}

extension TextEncoding {
  /// Size of the pieces fed to iconv, so that memory for the conversion stays bounded per call.
  static let decodeChunkSize = 64 << 10

  /// Decodes bytes to UTF-8: byte-order mark, else strict UTF-8, else GB18030; `override` forces one.
  ///
  /// A UTF-8 BOM is skipped whatever the override says, except that a forced GB18030 decodes it as
  /// GB18030 text (the user asked for it). UTF-16 byte-order marks are refused: no budget tool writes them.
  static func decode(_ bytes: [UInt8], override: TextEncoding?, file: String) throws(CSVError) -> DecodedText {
    let hasBOM = bytes.starts(with: utf8ByteOrderMark)
    if override == nil || override?.isUTF8 == true {
      if hasBOM {
        if let bad = UTF8Check.firstInvalidOffset(bytes, from: 3) {
          throw .invalidBytes(file: file, encoding: .utf8BOM, line: lineNumber(in: bytes, at: bad), byteOffset: bad)
        }
        return DecodedText(bytes: bytes, start: 3, encoding: .utf8BOM)
      }
      if override == nil, bytes.count >= 2,
        (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)
      {
        throw .utf16NotSupported(file: file)
      }
    }
    switch override {
    case .utf8?, .utf8BOM?:
      if let bad = UTF8Check.firstInvalidOffset(bytes, from: 0) {
        throw .invalidBytes(file: file, encoding: override!, line: lineNumber(in: bytes, at: bad), byteOffset: bad)
      }
      return DecodedText(bytes: bytes, start: 0, encoding: override!)
    case .gb18030?:
      return DecodedText(bytes: try decodeGB18030(bytes, file: file, autoDetected: false), start: 0, encoding: .gb18030)
    case nil:
      if UTF8Check.firstInvalidOffset(bytes, from: 0) == nil {
        return DecodedText(bytes: bytes, start: 0, encoding: .utf8)
      }
      return DecodedText(bytes: try decodeGB18030(bytes, file: file, autoDetected: true), start: 0, encoding: .gb18030)
    }
  }

  /// Converts GB18030 to UTF-8 through iconv in chunks; reports the first bad byte with its line.
  static func decodeGB18030(_ bytes: [UInt8], file: String, autoDetected: Bool) throws(CSVError) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count + bytes.count / 2)
    do {
      let converter = try IconvConverter(from: "GB18030", to: "UTF-8")
      try bytes.withUnsafeBufferPointer { (all) throws(IconvConverter.Failure) in
        var index = 0
        while index < all.count {
          let end = Swift.min(index + decodeChunkSize, all.count)
          try converter.convert(UnsafeBufferPointer(rebasing: all[index..<end]), into: &output)
          index = end
        }
      }
      try converter.finish(into: &output)
    } catch {
      switch error {
      case .invalidSequence(let offset), .truncatedSequence(let offset):
        let line = lineNumber(in: bytes, at: offset)
        if autoDetected { throw .unknownEncoding(file: file, line: line, byteOffset: offset) }
        throw .invalidBytes(file: file, encoding: .gb18030, line: line, byteOffset: offset)
      case .unavailable(let code):
        throw .converterUnavailable(file: file, encoding: .gb18030, errno: code)
      }
    }
    return output
  }

  /// The 1-based line holding byte `offset`: counts LF, CRLF and lone CR as one line end each.
  static func lineNumber(in bytes: [UInt8], at offset: Int) -> Int {
    var line = 1
    var i = 0
    let end = Swift.min(offset, bytes.count)
    while i < end {
      let b = bytes[i]
      // A CR directly followed by LF is one line end, counted at the LF.
      if b == 0x0A || (b == 0x0D && !(i + 1 < bytes.count && bytes[i + 1] == 0x0A)) { line += 1 }
      i += 1
    }
    return line
  }
}

/// Strict UTF-8 validation (no overlong forms, no surrogates, nothing above U+10FFFF).
enum UTF8Check {
  /// The offset of the first byte that starts an invalid or truncated sequence, or nil when all is valid.
  static func firstInvalidOffset(_ bytes: [UInt8], from start: Int) -> Int? {
    bytes.withUnsafeBufferPointer { p -> Int? in
      let n = p.count
      var i = start
      while i < n {
        // ASCII fast path, eight bytes at a time.
        while i + 8 <= n {
          let word = UnsafeRawPointer(p.baseAddress! + i).loadUnaligned(as: UInt64.self)
          if word & 0x8080_8080_8080_8080 != 0 { break }
          i += 8
        }
        guard i < n else { return nil }
        let b0 = p[i]
        if b0 < 0x80 {
          i += 1
          continue
        }
        func cont(_ k: Int) -> Bool { i + k < n && p[i + k] & 0xC0 == 0x80 }
        switch b0 {
        case 0xC2...0xDF:
          guard cont(1) else { return i }
          i += 2
        case 0xE0...0xEF:
          guard cont(1), cont(2) else { return i }
          let b1 = p[i + 1]
          if b0 == 0xE0 && b1 < 0xA0 { return i }  // overlong
          if b0 == 0xED && b1 > 0x9F { return i }  // surrogate
          i += 3
        case 0xF0...0xF4:
          guard cont(1), cont(2), cont(3) else { return i }
          let b1 = p[i + 1]
          if b0 == 0xF0 && b1 < 0x90 { return i }  // overlong
          if b0 == 0xF4 && b1 > 0x8F { return i }  // above U+10FFFF
          i += 4
        default:
          return i
        }
      }
      return nil
    }
  }
}
