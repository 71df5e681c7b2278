import Budget

/// Why a cell's number is not an amount of whole cents.
enum CentsError: Error, CustomStringConvertible {
  case notANumber(String)
  case notExactCents(String)

  var description: String {
    switch self {
    case .notANumber(let s): return "不是数字：\(s)"
    case .notExactCents(let s): return "不能精确到分：\(s)"
    }
  }
}

/// The exact number of cents in a cell's number text (UTF-8), through Budget's exact `Amount` (which reads
/// binary-float artefacts such as `99965.85000000001` the way Excel shows them); no `Double`.
func parseCents(_ text: UnsafeBufferPointer<UInt8>) throws(CentsError) -> Int64 {
  guard let amount = Amount(parsingUTF8: text) else { throw .notANumber(String(decoding: text, as: UTF8.self)) }
  guard let cents = amount.multipliedByPowerOfTen(2), cents.scale == 0 else {
    throw .notExactCents(String(decoding: text, as: UTF8.self))
  }
  return cents.units
}
