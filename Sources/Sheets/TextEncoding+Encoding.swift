extension TextEncoding {
  /// Encodes UTF-8 bytes in this encoding; a BOM is prepended for `.utf8BOM`.
  ///
  /// GB18030 covers all of Unicode, so a failure here means iconv itself is broken or missing;
  /// it is still reported rather than trusted away.
  func encode(utf8 bytes: [UInt8]) throws(WriteError) -> [UInt8] {
    switch self {
    case .utf8: return bytes
    case .utf8BOM: return Self.utf8ByteOrderMark + bytes
    case .gb18030:
      var output: [UInt8] = []
      output.reserveCapacity(bytes.count)
      do {
        let converter = try IconvConverter(from: "UTF-8", to: "GB18030")
        try bytes.withUnsafeBufferPointer { (all) throws(IconvConverter.Failure) in
          var index = 0
          while index < all.count {
            let end = Swift.min(index + Self.decodeChunkSize, all.count)
            try converter.convert(UnsafeBufferPointer(rebasing: all[index..<end]), into: &output)
            index = end
          }
        }
        try converter.finish(into: &output)
      } catch {
        switch error {
        case .invalidSequence(let offset), .truncatedSequence(let offset):
          throw .unencodable(encoding: self, byteOffset: offset)
        case .unavailable(let code):
          throw .converterUnavailable(encoding: self, errno: code)
        }
      }
      return output
    }
  }

  /// Encodes a string in this encoding; a BOM is prepended for `.utf8BOM`.
  public func encode(_ text: String) throws -> [UInt8] {
    try encode(utf8: Array(text.utf8))
  }
}
