/// An exact decimal amount, as printed in a budget table (`1331.42`, `0.00`, `-3.5`).
///
/// Stored as an integer count of 10^-scale units, never as binary floating point. Equality is
/// numeric (`293` equals `293.00`). A blank cell is not an `Amount` at all: the model uses
/// `Amount?`, so blank and `0.00` stay different.
public struct Amount: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The value times 10^scale.
  public private(set) var units: Int64
  /// Number of decimal places in `units` (0...18), kept minimal (no trailing zeros).
  public private(set) var scale: Int

  /// Zero.
  public static let zero = Amount(units: 0, scale: 0)

  /// Creates `units × 10^-scale`, normalized.
  public init(units: Int64, scale: Int = 0) {
    precondition((0...18).contains(scale), "scale out of range")
    self.units = units
    self.scale = scale
    normalize()
  }

  /// Creates an amount from an integer.
  public init(_ value: Int) { self.init(units: Int64(value)) }

  /// Parses the text of an amount: `1331.42`, `1,331.42`, `１,３３１.４２`, `-3.5`, `−3.5`, `(12.00)`,
  /// `1.2E3`, with surrounding spaces. Binary-float artefacts written by spreadsheets
  /// (`1331.4200000000001`, 16–17 significant digits) are read as Excel shows them (15 digits).
  /// Returns nil for anything that is not a number.
  public init?(parsing text: some StringProtocol) {
    if let fast = Amount.parsePlain(text.utf8) {
      self = fast
      return
    }
    self.init(parsingGeneral: text)
  }

  /// The same for a `String`, without generic dispatch: readers parse every amount cell through it.
  public init?(parsing text: String) {
    var text = text
    let fast = text.withUTF8 { Amount.parsePlain($0) }
    if let fast {
      self = fast
      return
    }
    self.init(parsingGeneral: text)
  }

  /// The same for UTF-8 bytes (a cell's text still in a reader's buffer): no String is made
  /// unless the text needs the general way.
  public init?(parsingUTF8 bytes: UnsafeBufferPointer<UInt8>) {
    if let fast = Amount.parsePlain(bytes) {
      self = fast
      return
    }
    self.init(parsingGeneral: String(decoding: bytes, as: UTF8.self))
  }

  /// The common case without allocation: `-?digits(.digits)?` in ASCII, at most 15 significant
  /// digits (so no float-artefact rounding applies). Anything else goes the general way.
  @inline(__always)
  static func parsePlain(_ bytes: some Collection<UInt8>) -> Amount? {
    var units: Int64 = 0
    var scale = 0
    var digits = 0
    var significant = false
    var seenDot = false
    var negative = false
    var first = true
    var any = false
    for b in bytes {
      if first {
        first = false
        if b == UInt8(ascii: "-") {
          negative = true
          continue
        }
      }
      if b >= 0x30 && b <= 0x39 {
        any = true
        if b != 0x30 || significant { significant = true; digits += 1 }
        guard digits <= 15 else { return nil }
        units = units * 10 + Int64(b - 0x30)
        if seenDot { scale += 1 }
      } else if b == UInt8(ascii: "."), !seenDot {
        seenDot = true
      } else {
        return nil
      }
    }
    guard any, scale <= 18 else { return nil }
    return Amount(units: negative ? -units : units, scale: scale)
  }

  private init?(parsingGeneral text: some StringProtocol) {
    var negative = false
    var parenthesized = false
    var digits: [UInt8] = []
    digits.reserveCapacity(24)
    var fractionDigits = 0
    var seenDot = false
    var seenDigit = false
    var exponent = 0
    var state = 0  // 0 leading, 1 number, 2 exponent, 3 trailing
    var expNegative = false
    var expDigits = 0
    var expValue = 0
    var signSeen = false
    for scalar in text.unicodeScalars {
      var v = scalar.value
      if (0xFF10...0xFF19).contains(v) { v = v - 0xFF10 + 0x30 }  // full-width digits
      if v == 0xFF0E { v = 0x2E }  // full-width full stop
      if v == 0xFF0C { v = 0x2C }  // full-width comma
      if v == 0x2212 || v == 0xFF0D { v = 0x2D }  // minus signs
      let isSpace = v == 0x20 || v == 0x09 || v == 0x3000 || v == 0xA0 || v == 0x0A || v == 0x0D
      switch state {
      case 0, 1:
        if v >= 0x30 && v <= 0x39 {
          state = 1
          seenDigit = true
          if digits.isEmpty && v == 0x30 && !seenDot { continue }  // leading zeros
          digits.append(UInt8(v - 0x30))
          if seenDot { fractionDigits += 1 }
        } else if v == 0x2E, !seenDot {
          state = 1
          seenDot = true
        } else if v == 0x2C, state == 1, !seenDot {
          continue  // thousands separator
        } else if (v == 0x2D || v == 0x2B), state == 0, !signSeen, !parenthesized {
          signSeen = true
          negative = v == 0x2D
        } else if v == 0x28, state == 0, !signSeen, !parenthesized {
          parenthesized = true
          negative = true
        } else if (v == 0x45 || v == 0x65), state == 1, seenDigit {
          state = 2
        } else if v == 0x29, parenthesized, state == 1 {
          parenthesized = false
          state = 3
        } else if isSpace {
          if state == 1 { state = 3 }
        } else {
          return nil
        }
      case 2:
        if (v == 0x2D || v == 0x2B), expDigits == 0, !expNegative {
          expNegative = v == 0x2D
        } else if v >= 0x30 && v <= 0x39 {
          expDigits += 1
          guard expDigits <= 4 else { return nil }
          expValue = expValue * 10 + Int(v - 0x30)
        } else if v == 0x29, parenthesized, expDigits > 0 {
          parenthesized = false
          state = 3
        } else if isSpace, expDigits > 0 {
          state = 3
        } else {
          return nil
        }
      default:
        if v == 0x29, parenthesized {
          parenthesized = false
        } else if !isSpace {
          return nil
        }
      }
    }
    guard seenDigit, !parenthesized, state != 2 || expDigits > 0 else { return nil }
    exponent = expNegative ? -expValue : expValue
    // Drop leading zeros of the fraction part ("0.05" → digits [5], fractionDigits 2).
    var scale = fractionDigits - exponent
    // Round float artefacts to Excel's 15 significant digits.
    if digits.count > 15 {
      let cut = digits.count - 15
      let roundUp = digits[15] >= 5
      digits.removeLast(cut)
      scale -= cut
      if roundUp {
        var i = digits.count - 1
        while i >= 0 {
          if digits[i] == 9 {
            digits[i] = 0
            i -= 1
          } else {
            digits[i] += 1
            break
          }
        }
        if i < 0 { digits.insert(1, at: 0) }
      }
    }
    // Trim trailing zeros that sit in the fraction.
    while scale > 0, let last = digits.last, last == 0 {
      digits.removeLast()
      scale -= 1
    }
    if digits.isEmpty {
      self.init(units: 0, scale: 0)
      return
    }
    while scale < 0 {
      digits.append(0)
      scale += 1
    }
    guard scale <= 18, digits.count <= 18 else { return nil }
    var units: Int64 = 0
    for d in digits { units = units * 10 + Int64(d) }
    self.init(units: negative ? -units : units, scale: scale)
  }

  private mutating func normalize() {
    while scale > 0 && units % 10 == 0 {
      units /= 10
      scale -= 1
    }
  }

  /// The two amounts brought to a common scale; nil when that would overflow.
  private static func aligned(_ a: Amount, _ b: Amount) -> (Int64, Int64, Int)? {
    let scale = max(a.scale, b.scale)
    guard let x = a.rescaled(to: scale), let y = b.rescaled(to: scale) else { return nil }
    return (x, y, scale)
  }

  /// `units` expressed at a larger scale; nil on overflow.
  private func rescaled(to newScale: Int) -> Int64? {
    var u = units
    for _ in scale..<newScale {
      let (r, o) = u.multipliedReportingOverflow(by: 10)
      if o { return nil }
      u = r
    }
    return u
  }

  /// Exact sum; traps only beyond ±9.2e18 units, far outside any budget.
  public static func + (lhs: Amount, rhs: Amount) -> Amount {
    guard let (x, y, s) = aligned(lhs, rhs) else { preconditionFailure("amount overflow") }
    return Amount(units: x + y, scale: s)
  }

  /// Exact difference.
  public static func - (lhs: Amount, rhs: Amount) -> Amount {
    guard let (x, y, s) = aligned(lhs, rhs) else { preconditionFailure("amount overflow") }
    return Amount(units: x - y, scale: s)
  }

  /// Exact negation.
  public static prefix func - (value: Amount) -> Amount {
    Amount(units: -value.units, scale: value.scale)
  }

  public static func += (lhs: inout Amount, rhs: Amount) { lhs = lhs + rhs }

  public static func < (lhs: Amount, rhs: Amount) -> Bool {
    guard let (x, y, _) = aligned(lhs, rhs) else {
      return lhs.units.signum() < rhs.units.signum()
    }
    return x < y
  }

  /// The absolute value.
  public var magnitude: Amount { Amount(units: units < 0 ? -units : units, scale: scale) }

  /// Whether the amount is zero.
  public var isZero: Bool { units == 0 }

  /// The amount divided by 10^power, exactly (元 → 万元 is `dividedByPowerOfTen(4)`); nil when the
  /// scale would pass 18.
  public func dividedByPowerOfTen(_ power: Int) -> Amount? {
    guard scale + power <= 18 else { return nil }
    return Amount(units: units, scale: scale + power)
  }

  /// The amount times 10^power, exactly (万元 → 元 is 4); nil on overflow.
  public func multipliedByPowerOfTen(_ power: Int) -> Amount? {
    var u = units
    var s = scale - power
    while s < 0 {
      let (r, o) = u.multipliedReportingOverflow(by: 10)
      if o { return nil }
      u = r
      s += 1
    }
    return Amount(units: u, scale: s)
  }

  /// Exact text with at least `minimumFractionDigits` decimals, no grouping: `1331.42`, `293.00`.
  public func text(minimumFractionDigits: Int = 2) -> String {
    formatted(minimumFractionDigits: minimumFractionDigits, grouping: false)
  }

  /// The same text with thousands separators, as printed in the tables: `1,331.42`.
  public func grouped(minimumFractionDigits: Int = 2) -> String {
    formatted(minimumFractionDigits: minimumFractionDigits, grouping: true)
  }

  /// Digits written from the right into one buffer: renderers and writers format every amount
  /// of a table, so this avoids building the text from Characters.
  private func formatted(minimumFractionDigits: Int, grouping: Bool) -> String {
    let digitsAfter = max(scale, minimumFractionDigits)
    // 20 integer digits, 6 separators, sign and point at most.
    let capacity = 28 + digitsAfter
    return String(unsafeUninitializedCapacity: capacity) { buffer in
      var magnitude = units.magnitude
      var i = capacity
      func put(_ byte: UInt8) {
        i -= 1
        buffer[i] = byte
      }
      for _ in scale..<digitsAfter { put(UInt8(ascii: "0")) }
      for _ in 0..<scale {
        put(UInt8(ascii: "0") + UInt8(magnitude % 10))
        magnitude /= 10
      }
      if digitsAfter > 0 { put(UInt8(ascii: ".")) }
      var integerDigits = 0
      repeat {
        if grouping, integerDigits > 0, integerDigits % 3 == 0 { put(UInt8(ascii: ",")) }
        put(UInt8(ascii: "0") + UInt8(magnitude % 10))
        magnitude /= 10
        integerDigits += 1
      } while magnitude > 0
      if units < 0 { put(UInt8(ascii: "-")) }
      let count = capacity - i
      for k in 0..<count { buffer[k] = buffer[i + k] }
      return count
    }
  }

  /// The shortest exact text (`1331.42`, `293`, `0.5`), used where no fixed decimals are wanted.
  public var description: String { text(minimumFractionDigits: 0) }

  /// The nearest `Double`, for display-only uses such as spreadsheet cells (libxlsxwriter writes
  /// doubles with 16 significant digits, so any amount of up to 15 digits survives exactly).
  public var doubleValue: Double {
    Double(text(minimumFractionDigits: 0)) ?? 0
  }

  /// This amount's share of a total in percent, rounded half-up to `decimals` places; nil when total is zero.
  public func percent(of total: Amount, decimals: Int = 2) -> Amount? {
    guard !total.isZero else { return nil }
    // percent = self * 100 / total, computed on integers at a common scale.
    guard let (x, y, _) = Amount.aligned(self, total) else { return nil }
    let scaleOut = decimals
    var numerator = x.magnitude * 100
    for _ in 0..<scaleOut { numerator *= 10 }
    let denominator = y.magnitude
    var q = numerator / denominator
    let r = numerator % denominator
    if r * 2 >= denominator { q += 1 }
    let negative = (x < 0) != (y < 0)
    return Amount(units: Int64(q) * (negative ? -1 : 1), scale: scaleOut)
  }
}
