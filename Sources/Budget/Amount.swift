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
        if b != 0x30 || significant {
          significant = true
          digits += 1
        }
        guard digits <= 15 else { return nil }
        units = units * 10 + Int64(b - 0x30)
        if seenDot { scale += 1 }
      } else if b == UInt8(ascii: "."), !seenDot {
        seenDot = true
      } else {
        return nil
      }
    }
    guard any, scale <= inputFractionDigitsLimit else { return nil }
    return Amount(units: negative ? -units : units, scale: scale)
  }

  private init?(parsingGeneral text: some StringProtocol) {
    guard case .success(let amount) = Amount.parseGeneral(text) else { return nil }
    self = amount
  }

  /// The largest magnitude accepted from input, exclusive: 10^15 (一千万亿), beyond any budget in
  /// 元 and beyond the 15 digits a spreadsheet keeps. Bounding inputs keeps sums far from overflow.
  public static let inputMagnitudeLimit = Amount(units: 1_000_000_000_000_000)

  /// The most significant digits an input keeps: 15, what a spreadsheet keeps of a number (longer
  /// texts are binary-float artefacts, read as Excel shows them). Writers refuse amounts with
  /// more, which no reader could give back.
  public static let inputSignificantDigitsLimit = 15

  /// The number of significant digits: 3 for 1.50 and for 0.0123, 0 for zero.
  public var significantDigits: Int {
    var rest = units.magnitude
    var count = 0
    while rest > 0 {
      count += 1
      rest /= 10
    }
    return count
  }

  /// Whether an input could hold this amount exactly: at most 15 significant digits and 12
  /// decimals (so its magnitude is under 10^15 too).
  public var isWithinInputLimits: Bool {
    significantDigits <= Amount.inputSignificantDigitsLimit && scale <= Amount.inputFractionDigitsLimit
  }

  /// The most decimals accepted from input: 12, so that a unit conversion (元 → 万元 adds 4)
  /// still fits the 18 decimals an amount can hold.
  public static let inputFractionDigitsLimit = 12

  /// Why a text was not accepted as an amount.
  public enum Rejection: Error, Sendable, Equatable {
    /// The text is not a number at all.
    case notANumber
    /// The number's magnitude is 10^15 or more (`9e17`).
    case tooLarge
    /// The number is not zero but needs more than 12 decimals (`1e-301`); reading it as 0 would be wrong.
    case tooPrecise
  }

  /// Why `Amount(parsing: text)` gives nil, or nil when it gives an amount. Readers call it only
  /// for a text that did not parse, to say so precisely.
  public static func rejection(of text: some StringProtocol) -> Rejection? {
    if parsePlain(text.utf8) != nil { return nil }
    switch parseGeneral(text) {
    case .success: return nil
    case .failure(let reason): return reason
    }
  }

  /// The general parser: signs, parentheses, separators, full-width forms, exponents.
  private static func parseGeneral(_ text: some StringProtocol) -> Result<Amount, Rejection> {
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
          if digits.isEmpty && v == 0x30 {  // leading zeros, before or after the point, are not significant
            if seenDot { fractionDigits += 1 }
            continue
          }
          digits.append(UInt8(v - 0x30))
          if seenDot { fractionDigits += 1 }
        } else if v == 0x2E, !seenDot {
          state = 1
          seenDot = true
        } else if v == 0x2C, state == 1, !seenDot {
          continue  // thousands separator
        } else if v == 0x2D || v == 0x2B, state == 0, !signSeen, !parenthesized {
          signSeen = true
          negative = v == 0x2D
        } else if v == 0x28, state == 0, !signSeen, !parenthesized {
          parenthesized = true
          negative = true
        } else if v == 0x45 || v == 0x65, state == 1, seenDigit {
          state = 2
        } else if v == 0x29, parenthesized, state == 1 {
          parenthesized = false
          state = 3
        } else if isSpace {
          if state == 1 { state = 3 }
        } else {
          return .failure(.notANumber)
        }
      case 2:
        if v == 0x2D || v == 0x2B, expDigits == 0, !expNegative {
          expNegative = v == 0x2D
        } else if v >= 0x30 && v <= 0x39 {
          expDigits += 1
          guard expDigits <= 4 else { return .failure(.notANumber) }
          expValue = expValue * 10 + Int(v - 0x30)
        } else if v == 0x29, parenthesized, expDigits > 0 {
          parenthesized = false
          state = 3
        } else if isSpace, expDigits > 0 {
          state = 3
        } else {
          return .failure(.notANumber)
        }
      default:
        if v == 0x29, parenthesized {
          parenthesized = false
        } else if !isSpace {
          return .failure(.notANumber)
        }
      }
    }
    guard seenDigit, !parenthesized, state != 2 || expDigits > 0 else { return .failure(.notANumber) }
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
    if digits.isEmpty { return .success(.zero) }
    // digits has no leading zero, so this is the number of digits before the point.
    guard digits.count - scale <= 15 else { return .failure(.tooLarge) }
    guard scale <= inputFractionDigitsLimit else { return .failure(.tooPrecise) }
    while scale < 0 {
      digits.append(0)
      scale += 1
    }
    var units: Int64 = 0
    for d in digits { units = units * 10 + Int64(d) }
    return .success(Amount(units: negative ? -units : units, scale: scale))
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

  /// Exact sum, nil when it does not fit (beyond ±9.2e18 units at the common scale). Sums of
  /// amounts read from input go through it (or `Figure`), so a hostile file never traps.
  public func adding(_ other: Amount) -> Amount? {
    guard let (x, y, s) = Amount.aligned(self, other) else { return nil }
    let (sum, overflow) = x.addingReportingOverflow(y)
    // Int64.min has no magnitude: a result there counts as not fitting.
    return overflow || sum == .min ? nil : Amount(units: sum, scale: s)
  }

  /// Exact difference, nil when it does not fit.
  public func subtracting(_ other: Amount) -> Amount? {
    guard let (x, y, s) = Amount.aligned(self, other) else { return nil }
    let (difference, overflow) = x.subtractingReportingOverflow(y)
    // Int64.min has no magnitude (found by fuzz-model: a difference there trapped in `magnitude`).
    return overflow || difference == .min ? nil : Amount(units: difference, scale: s)
  }

  /// The exact sum of `values`, nil when it does not fit.
  public static func sum(_ values: some Sequence<Amount>) -> Amount? {
    var total = Amount.zero
    for value in values {
      guard let next = total.adding(value) else { return nil }
      total = next
    }
    return total
  }

  /// Exact sum of amounts known to be small (constants, tolerances); traps on overflow, so
  /// amounts from input are summed with `adding(_:)`.
  public static func + (lhs: Amount, rhs: Amount) -> Amount {
    guard let sum = lhs.adding(rhs) else { preconditionFailure("amount overflow") }
    return sum
  }

  /// Exact difference of amounts known to be small; traps on overflow (see `subtracting(_:)`).
  public static func - (lhs: Amount, rhs: Amount) -> Amount {
    guard let difference = lhs.subtracting(rhs) else { preconditionFailure("amount overflow") }
    return difference
  }

  /// Exact negation.
  public static prefix func - (value: Amount) -> Amount {
    Amount(units: -value.units, scale: value.scale)
  }

  public static func += (lhs: inout Amount, rhs: Amount) { lhs = lhs + rhs }

  public static func < (lhs: Amount, rhs: Amount) -> Bool {
    guard let (x, y, _) = aligned(lhs, rhs) else {
      // One side does not fit at the common scale: compare signs, then exact wide magnitudes.
      if lhs.units.signum() != rhs.units.signum() { return lhs.units.signum() < rhs.units.signum() }
      let scale = max(lhs.scale, rhs.scale)
      let a = lhs.units.magnitude.multipliedFullWidth(by: powerOfTen(scale - lhs.scale))
      let b = rhs.units.magnitude.multipliedFullWidth(by: powerOfTen(scale - rhs.scale))
      let lessInMagnitude = a.high < b.high || (a.high == b.high && a.low < b.low)
      return lhs.units < 0 ? !lessInMagnitude && a != b : lessInMagnitude
    }
    return x < y
  }

  /// 10^power for 0...19 (the scales an amount can have, and 19 for percentages).
  private static func powerOfTen(_ power: Int) -> UInt64 {
    var p: UInt64 = 1
    for _ in 0..<power { p *= 10 }
    return p
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

  /// This amount's share of a total in percent, rounded half-up to `decimals` places (0...16);
  /// nil when total is zero or the percentage does not fit an amount.
  public func percent(of total: Amount, decimals: Int = 2) -> Amount? {
    guard !total.isZero, (0...16).contains(decimals) else { return nil }
    // percent = self * 100 / total on integers at a common scale, in 128 bits: an amount of
    // 10^15 times 10^4 does not fit 64.
    guard let (x, y, _) = Amount.aligned(self, total) else { return nil }
    let denominator = y.magnitude
    let numerator = x.magnitude.multipliedFullWidth(by: Amount.powerOfTen(2 + decimals))
    guard numerator.high < denominator else { return nil }
    var (q, r) = denominator.dividingFullWidth(numerator)
    if r >= denominator - r {
      guard q < UInt64.max else { return nil }
      q += 1
    }
    guard q <= UInt64(Int64.max) else { return nil }
    let negative = (x < 0) != (y < 0)
    return Amount(units: Int64(q) * (negative ? -1 : 1), scale: decimals)
  }
}
