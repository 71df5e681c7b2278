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

extension StringProtocol {
  /// The text without its leading and trailing white space (`Character.isSpace`).
  public func trimmingSpace() -> SubSequence {
    guard let first = firstIndex(where: { !$0.isSpace }), let last = lastIndex(where: { !$0.isSpace }) else {
      return self[endIndex...]
    }
    return self[first...last]
  }

  /// Whether the UTF-8 bytes of `other` occur in this text: an exact (not canonical-equivalence)
  /// substring test, far cheaper than `contains` for CJK text, which compares grapheme by grapheme.
  @inlinable
  public func containsBytes(_ other: some StringProtocol) -> Bool {
    utf8Range(of: other) != nil
  }

  /// The byte offsets of the first occurrence of `other`'s UTF-8 in this text's, if any.
  @inlinable
  public func utf8Range(of other: some StringProtocol) -> Range<Int>? {
    // Native strings are searched in place; only other storage is copied out first.
    let inPlace = utf8.withContiguousStorageIfAvailable { hay in
      other.utf8.withContiguousStorageIfAvailable { needle in firstOccurrence(of: needle, in: hay) }
    }
    if let found = inPlace ?? nil { return found }  // both in place: the answer, found or not
    return Array(utf8).withUnsafeBufferPointer { hay in
      Array(other.utf8).withUnsafeBufferPointer { needle in firstOccurrence(of: needle, in: hay) }
    }
  }
}

/// Where `needle` first occurs in `hay`, byte for byte (an empty needle at 0).
@usableFromInline
func firstOccurrence(of needle: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
  guard let first = needle.first else { return 0..<0 }
  guard hay.count >= needle.count else { return nil }
  outer: for i in 0...(hay.count - needle.count) where hay[i] == first {
    for j in 1..<needle.count where hay[i + j] != needle[j] { continue outer }
    return i..<(i + needle.count)
  }
  return nil
}
