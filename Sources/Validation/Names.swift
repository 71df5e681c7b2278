import Budget

// Name comparisons on Unicode scalars: the rules compare hundreds of printed names per run, and
// Character-based (grapheme) processing made them the bulk of validation time.

/// Whether a scalar is one of the numerals 一 … 十 of an ordinal prefix.
private func isChineseNumeral(_ scalar: Unicode.Scalar) -> Bool {
  switch scalar {
  case "一", "二", "三", "四", "五", "六", "七", "八", "九", "十": true
  default: false
  }
}

/// A name without ordinal prefix (`六、`, `①`) or whitespace, as `BudgetRow.normalizedName`
/// defines it, computed on scalars.
func plainName(_ name: String) -> String {
  guard mayNeedNormalizing(name) else { return name }
  let scalars = name.unicodeScalars
  var start = scalars.startIndex
  if let comma = scalars.firstIndex(of: "、"), comma != start,
    scalars[start..<comma].allSatisfy(isChineseNumeral)
  {
    start = scalars.index(after: comma)
  }
  while start != scalars.endIndex, (0x2460...0x2469).contains(scalars[start].value) {
    start = scalars.index(after: start)
  }
  // The kept scalars' bytes, copied into one buffer (appending scalars to a String is slower).
  var bytes: [UInt8] = []
  bytes.reserveCapacity(name.utf8.count)
  for s in scalars[start...] where !s.isSpace { bytes.append(contentsOf: s.utf8) }
  return String(decoding: bytes, as: UTF8.self)
}

/// A name compared loosely: `plainName`, with full-width brackets as half-width.
func looseName(_ name: String) -> String {
  let plain = plainName(name)
  guard plain.utf8.contains(0xBC) else { return plain }  // no full-width （ ） (EF BC 88/89)
  var out = String.UnicodeScalarView()
  for s in plain.unicodeScalars {
    switch s {
    case "（": out.append("(")
    case "）": out.append(")")
    default: out.append(s)
    }
  }
  return String(out)
}

/// Whether two names are equal loosely (`looseName`); identical text needs no normalizing.
func sameLooseName(_ a: String, _ b: String) -> Bool {
  a.hasSameBytes(as: b) || looseName(a) == looseName(b)
}

/// A conservative byte scan: false only when the name has no whitespace, no 、 and no circled
/// digit, so `plainName` can return it unchanged (the common case) without scalar work.
private func mayNeedNormalizing(_ name: String) -> Bool {
  var lead: UInt8 = 0
  for b in name.utf8 {
    if b <= 0x20 || b == 0x7F { return true }
    switch (lead, b) {
    case (0xE3, 0x80), (0xE2, 0x80), (0xE2, 0x81), (0xE2, 0x91), (0xC2, 0xA0), (0xC2, 0x85), (0xE1, 0x9A), (0xEF, 0xBB):
      return true  // U+3000/、, U+2000–U+206F spaces, ①–⑩, NBSP, NEL, U+1680, BOM
    default: break
    }
    lead = b
  }
  return false
}
