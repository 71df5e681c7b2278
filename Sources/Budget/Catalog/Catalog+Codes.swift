// Code arithmetic that needs no catalog data: shape, level and parent follow from the digits.
extension Catalog {
  /// The Chinese level names, index 0 = 类.
  public static let levelNames = ["类", "款", "项", "目"]

  /// The level a code's length implies (3 → 1 类, 5 → 2 款, 7 → 3 项, 9 → 4 目), or nil.
  public static func level(ofCode code: String) -> Int? {
    switch code.count {
    case 3: 1
    case 5: 2
    case 7: 3
    case 9: 4
    default: nil
    }
  }

  /// Whether `code` has a valid shape for `kind`: ASCII digits only, an allowed length
  /// (functional 3/5/7, revenue 3/5/7/9, economic 3/5) and the kind's leading digit
  /// (收入 1, 功能 2, 部门经济 3, 政府经济 5).
  public static func codeShape(_ code: String, kind: ClassificationKind) -> Bool {
    guard kind.codeLengths.contains(code.count), code.first == kind.leadingDigit else {
      return false
    }
    return code.unicodeScalars.allSatisfy { $0.value >= 0x30 && $0.value <= 0x39 }
  }

  /// The code one level up, taken by prefix (`2060101` → `20601`, `20601` → `206`); nil for a
  /// 类 or a code of no valid length.
  public static func parentCode(of code: String) -> String? {
    guard let level = level(ofCode: code), level > 1 else { return nil }
    return String(code.prefix(code.count - 2))
  }

  /// The kind whose leading digit `code` starts with, when its shape is valid for that kind.
  public static func kind(ofCode code: String) -> ClassificationKind? {
    ClassificationKind.allCases.first { codeShape(code, kind: $0) }
  }
}
