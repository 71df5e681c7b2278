#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Plain decimal text for a binary floating-point number, as a person reads it in Excel.
enum ShortestDecimal {
  /// The decimal a person sees in Excel, in plain notation without exponent or trailing `.0`
  /// (`733.57`, `293`, `0.00001`): the shortest decimal that converts back to exactly `value`
  /// when it has at most 15 significant digits, else `value` rounded to 15 significant digits.
  /// Excel keeps 15 significant digits of what is typed, so longer expansions are artefacts of
  /// binary arithmetic (a sum stored as 733.5700000000001 is shown, and was typed, as 733.57).
  /// Nil for infinities and NaN, which no cell can show as a number.
  static func text(_ value: Double) -> String? {
    guard value.isFinite else { return nil }
    if value == 0 { return "0" }
    let shortest = value.description  // "733.57", "1e-05", "1.5e+20", "293.0"
    let plain = plainDecimal(shortest)
    guard significantDigits(plain) > 15 else { return plain }
    var buffer = [CChar](repeating: 0, count: 64)
    _ = withVaList([value]) { vsnprintf(&buffer, buffer.count, "%.15g", $0) }
    return plainDecimal(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
  }

  /// The number of significant digits of a plain decimal.
  private static func significantDigits(_ plain: String) -> Int {
    let digits = plain.utf8.filter { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    return digits.drop { $0 == UInt8(ascii: "0") }.count
  }

  /// `1.5e+20` as `150000000000000000000`, `1e-05` as `0.00001`, `293.0` as `293`.
  private static func plainDecimal(_ shortest: String) -> String {
    var mantissa = Substring(shortest)
    var exponent = 0
    if let e = shortest.firstIndex(where: { $0 == "e" || $0 == "E" }) {
      mantissa = shortest[..<e]
      exponent = Int(shortest[shortest.index(after: e)...]) ?? 0
    }
    let negative = mantissa.hasPrefix("-")
    if negative { mantissa = mantissa.dropFirst() }
    let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
    let whole = parts[0]
    let fraction = parts.count > 1 ? parts[1] : ""
    // digits × 10^(point - digits.count): the position of the decimal point within `digits`.
    var digits = Array((whole + fraction).utf8)
    var point = whole.count + exponent
    while digits.count > 1, digits.first == UInt8(ascii: "0") {
      digits.removeFirst()
      point -= 1
    }
    while digits.count > max(point, 1), digits.last == UInt8(ascii: "0") { digits.removeLast() }
    var out = negative ? "-" : ""
    if point <= 0 {
      out += "0." + String(repeating: "0", count: -point) + String(decoding: digits, as: UTF8.self)
    } else if point >= digits.count {
      out += String(decoding: digits, as: UTF8.self) + String(repeating: "0", count: point - digits.count)
    } else {
      out += String(decoding: digits[..<point], as: UTF8.self) + "." + String(decoding: digits[point...], as: UTF8.self)
    }
    return out == "-0" ? "0" : out
  }
}

/// Excel's date serial numbers, for the dates FreeXL turns into text.
enum ExcelDateSerial {
  /// The serial number (days, with the time as a fraction) of FreeXL's `YYYY-MM-DD`,
  /// `YYYY-MM-DD HH:MM:SS` or `HH:MM:SS` text, in the 1900 or the 1904 date system; nil for other text.
  static func serial(fromFreeXLText text: String, date1904: Bool) -> String? {
    let parts = text.split(separator: " ")
    var days = 0
    var seconds = 0
    for part in parts {
      let fields = part.split(separator: part.contains(":") ? ":" : "-", omittingEmptySubsequences: false).map {
        Int($0)
      }
      guard fields.count == 3, let a = fields[0], let b = fields[1], let c = fields[2] else { return nil }
      if part.contains(":") {
        guard (0..<24).contains(a), (0..<60).contains(b), (0..<60).contains(c) else { return nil }
        seconds = a * 3600 + b * 60 + c
      } else {
        guard (1...12).contains(b), (1...31).contains(c), (0...9999).contains(a) else { return nil }
        days =
          daysFromCivil(year: a, month: b, day: c)
          - (date1904 ? daysFromCivil(year: 1904, month: 1, day: 1) : daysFromCivil(year: 1899, month: 12, day: 30))
        // Excel counts 29 February 1900, which did not exist: serials before 1 March 1900 are one lower.
        if !date1904 && days < 61 { days -= 1 }
      }
    }
    guard parts.count == 1 || parts.count == 2 else { return nil }
    if seconds == 0 { return String(days) }
    return ShortestDecimal.text(Double(days) + Double(seconds) / 86_400)
  }

  /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
  static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }
}
