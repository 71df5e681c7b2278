extension Unicode.Scalar {
  /// Whether the scalar is white space (Unicode White_Space), answered without the property
  /// tables: names and headers are normalized for every cell, and the table lookup dominated.
  @inlinable
  public var isSpace: Bool {
    switch value {
    case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
    default: return false
    }
  }
}

extension Character {
  /// Whether every scalar of the character is white space (so `\r\n` counts); see `Unicode.Scalar.isSpace`.
  @inlinable
  public var isSpace: Bool { unicodeScalars.allSatisfy(\.isSpace) }
}
