/// Why a number's text could not be turned into whole cents exactly.
enum CentsError: Error, CustomStringConvertible {
  /// The text is not a decimal number (`1.5`, `-3`, `2E+3`).
  case malformed(String)
  /// The number has non-zero digits below 0.01 or does not fit in Int64 cents.
  case notExactCents(String)

  var description: String {
    switch self {
    case .malformed(let s): return "不是数字：\(s)"
    case .notExactCents(let s): return "不能精确到分：\(s)"
    }
  }
}

/// Parses the exact decimal text of a number cell into cents, without `Double`.
/// Accepts an optional sign, digits, a fraction and an exponent, as `<v>` text may hold.
func parseCents(_ text: String) throws(CentsError) -> Int64 {
  var mantissa: Int64 = 0
  var scale = 0  // value = mantissa × 10^scale
  var negative = false
  var sawDigit = false
  var inFraction = false
  var exponent = 0
  var it = text.utf8.makeIterator()
  var byte = it.next()
  if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") {
    negative = byte == UInt8(ascii: "-")
    byte = it.next()
  }
  while let b = byte {
    if b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") {
      sawDigit = true
      let (m1, o1) = mantissa.multipliedReportingOverflow(by: 10)
      let (m2, o2) = m1.addingReportingOverflow(Int64(b &- UInt8(ascii: "0")))
      if o1 || o2 { throw .notExactCents(text) }
      mantissa = m2
      if inFraction { scale -= 1 }
    } else if b == UInt8(ascii: "."), !inFraction {
      inFraction = true
    } else if b == UInt8(ascii: "e") || b == UInt8(ascii: "E") {
      exponent = try parseExponent(&it, text)
      break
    } else {
      throw .malformed(text)
    }
    byte = it.next()
  }
  guard sawDigit else { throw .malformed(text) }
  var shift = scale + exponent + 2  // to cents
  while shift > 0 {
    let (m, o) = mantissa.multipliedReportingOverflow(by: 10)
    if o { throw .notExactCents(text) }
    mantissa = m
    shift -= 1
  }
  while shift < 0 {
    if mantissa % 10 != 0 { throw .notExactCents(text) }
    mantissa /= 10
    shift += 1
  }
  return negative ? -mantissa : mantissa
}

private func parseExponent(_ it: inout String.UTF8View.Iterator, _ text: String) throws(CentsError) -> Int {
  var negative = false
  var value = 0
  var sawDigit = false
  var byte = it.next()
  if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") {
    negative = byte == UInt8(ascii: "-")
    byte = it.next()
  }
  while let b = byte {
    guard b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9"), value < 1000 else { throw .malformed(text) }
    value = value * 10 + Int(b - UInt8(ascii: "0"))
    sawDigit = true
    byte = it.next()
  }
  guard sawDigit else { throw .malformed(text) }
  return negative ? -value : value
}
