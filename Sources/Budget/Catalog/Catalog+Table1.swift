/// One of the 30 fixed expenditure lines of 表1/表4 (`六、科学技术支出`), which print a name and
/// an ordinal but no code.
public struct Table1Line: Sendable, Hashable, Codable {
  /// The Chinese ordinal as printed (`六`).
  public var ordinal: String
  /// The ordinal as a number (6).
  public var number: Int
  /// The 功能分类 类 code the line stands for (`206`).
  public var code: String
  /// The line's name without the ordinal (`科学技术支出`).
  public var name: String

  /// Makes a line.
  public init(ordinal: String, number: Int, code: String, name: String) {
    self.ordinal = ordinal
    self.number = number
    self.code = code
    self.name = name
  }
}

// Reading 表1/表4 line labels: the codes are not contiguous (no 218, 225, 226, 228), so the
// mapping is a table, never arithmetic on the ordinal.
extension Catalog {
  /// The 功能分类 类 entry a 表1/表4 expenditure line stands for, found by the line's name;
  /// the ordinal prefix (`十五、`) is optional and whitespace or line breaks anywhere are
  /// ignored (`"十五、资源勘探工业信息\n等支出"` → 215). Nil when the name is not a 类.
  public func functionalClass(forLine line: String) -> CatalogEntry? {
    let name = Catalog.normalizedName(Catalog.splitOrdinal(line).name)
    guard !name.isEmpty else { return nil }
    if let code = table1Index[name] {
      return entry(code, kind: .functional)
    }
    return entries(named: name, kind: .functional).first { $0.level == 1 }
  }

  /// Splits `"二十四、预备费"` into the ordinal's value (24) and the rest (`预备费`). Accepts
  /// 、 ． . as separators and leading whitespace; ordinal is nil when the text has none.
  public static func splitOrdinal(_ text: String) -> (ordinal: Int?, name: String) {
    if let fast = splitOrdinalOfPlainText(text) { return fast }
    let trimmed = text.drop { $0.isSpace }
    let numerals = trimmed.prefix { chineseDigits[$0] != nil || $0 == "十" || $0.isSpace }
    let rest = trimmed.dropFirst(numerals.count)
    guard let separator = rest.first, "、．.".contains(separator),
      let value = chineseNumber(String(numerals.filter { !$0.isSpace }))
    else { return (nil, String(text)) }
    return (value, String(rest.dropFirst()))
  }

  /// `splitOrdinal` on Unicode scalars, for the usual text where every scalar involved is its own
  /// character (ASCII, CJK ideographs); nil when the text needs the character-level reading.
  private static func splitOrdinalOfPlainText(_ text: String) -> (ordinal: Int?, name: String)? {
    // Starts a character of its own and is none of the separators.
    func isPlain(_ scalar: Unicode.Scalar) -> Bool {
      (0x21...0x7E).contains(scalar.value) && scalar != "." || (0x4E00...0x9FFF).contains(scalar.value)
    }
    let scalars = text.unicodeScalars
    var numerals = String.UnicodeScalarView()
    var i = scalars.startIndex
    while i != scalars.endIndex, scalars[i].isSpace || chineseNumeralScalars.contains(scalars[i]) {
      if !scalars[i].isSpace { numerals.append(scalars[i]) }
      i = scalars.index(after: i)
    }
    guard i != scalars.endIndex else { return (nil, text) }
    if isPlain(scalars[i]) { return (nil, text) }
    guard scalars[i] == "、" || scalars[i] == "．" || scalars[i] == "." else { return nil }
    let nameStart = scalars.index(after: i)
    guard nameStart == scalars.endIndex || isPlain(scalars[nameStart]) else { return nil }
    guard let value = chineseNumber(String(numerals)) else { return (nil, text) }
    return (value, String(scalars[nameStart...]))
  }

  private static let chineseNumeralScalars = Set("一二三四五六七八九十".unicodeScalars)

  /// The value of a Chinese numeral from 一 to 九十九 (`二十四` → 24), or nil.
  public static func chineseNumber(_ text: String) -> Int? {
    // Numerals only (the usual case): each scalar is a character, read without Character hashing.
    if text.unicodeScalars.allSatisfy({ chineseNumeralScalars.contains($0) }) {
      return chineseNumber(symbols: text.unicodeScalars.map { numeralValue($0) })
    }
    return chineseNumber(symbols: text.map { $0 == "十" ? 10 : chineseDigits[$0] ?? -1 })
  }

  /// The value of a numeral read as symbols: 1…9 a digit, 10 for 十, -1 anything else.
  private static func chineseNumber(symbols: [Int]) -> Int? {
    guard !symbols.isEmpty, symbols.count <= 3 else { return nil }
    guard let tenIndex = symbols.firstIndex(of: 10) else {
      guard symbols.count == 1, symbols[0] > 0 else { return nil }
      return symbols[0]
    }
    let tensPart = symbols[..<tenIndex]
    let onesPart = symbols[(tenIndex + 1)...]
    guard tensPart.count <= 1, onesPart.count <= 1 else { return nil }
    let digit = { (symbol: Int) in symbol == 10 ? -1 : symbol }
    let tens = tensPart.first.map(digit) ?? 1
    let ones = onesPart.first.map(digit) ?? 0
    guard tens >= 1, ones >= 0 else { return nil }
    return tens * 10 + ones
  }

  /// The symbol value of a numeral scalar (see `chineseNumber(symbols:)`).
  private static func numeralValue(_ scalar: Unicode.Scalar) -> Int {
    switch scalar {
    case "一": 1
    case "二": 2
    case "三": 3
    case "四": 4
    case "五": 5
    case "六": 6
    case "七": 7
    case "八": 8
    case "九": 9
    case "十": 10
    default: -1
    }
  }

  private static let chineseDigits: [Character: Int] = [
    "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
  ]
}
