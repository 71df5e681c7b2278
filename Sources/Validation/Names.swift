import Budget

// Name comparisons on Unicode scalars: the rules compare hundreds of printed names per run, and
// Character-based (grapheme) processing made them the bulk of validation time.

private let chineseNumerals: Set<Unicode.Scalar> = Set("一二三四五六七八九十".unicodeScalars)

/// A name without ordinal prefix (`六、`, `①`) or whitespace, as `BudgetRow.normalizedName`
/// defines it, computed on scalars.
func plainName(_ name: String) -> String {
  let scalars = name.unicodeScalars
  var start = scalars.startIndex
  if let comma = scalars.firstIndex(of: "、"), comma != start,
    scalars[start..<comma].allSatisfy({ chineseNumerals.contains($0) })
  {
    start = scalars.index(after: comma)
  }
  while start != scalars.endIndex, (0x2460...0x2469).contains(scalars[start].value) { start = scalars.index(after: start) }
  var out = String.UnicodeScalarView()
  for s in scalars[start...] where !s.properties.isWhitespace { out.append(s) }
  return String(out)
}

/// A name compared loosely: `plainName`, with full-width brackets as half-width.
func looseName(_ name: String) -> String {
  var out = String.UnicodeScalarView()
  for s in plainName(name).unicodeScalars {
    switch s {
    case "（": out.append("(")
    case "）": out.append(")")
    default: out.append(s)
    }
  }
  return String(out)
}
