/// One code of a government classification catalog, with its official name.
public struct CatalogEntry: Sendable, Hashable, Codable {
  /// The code as printed, ASCII digits (`2060101`).
  public var code: String
  /// The official name for the catalog's year (`行政运行`).
  public var name: String
  /// The classification the code belongs to.
  public var kind: ClassificationKind
  /// 1 = 类, 2 = 款, 3 = 项, 4 = 目 (revenue only); always what the code's length implies.
  public var level: Int
  /// The code one level up (`20601` for `2060101`); nil for a 类.
  public var parentCode: String?
  /// Which budget money under this code belongs to.
  public var budgetType: BudgetType
  /// Where the row was transcribed from; contains "verify" when it comes from memory of the
  /// official catalog rather than from a printed source.
  public var source: String
  /// A free remark from the CSV, if any.
  public var note: String?

  /// Makes an entry; `parentCode` defaults to the one the code's prefix implies.
  public init(
    code: String, name: String, kind: ClassificationKind, level: Int? = nil,
    parentCode: String? = nil, budgetType: BudgetType, source: String, note: String? = nil
  ) {
    self.code = code
    self.name = name
    self.kind = kind
    self.level = level ?? Catalog.level(ofCode: code) ?? 0
    self.parentCode = parentCode ?? Catalog.parentCode(of: code)
    self.budgetType = budgetType
    self.source = source
    self.note = note
  }

  /// Whether the row still waits for a check against the MOF's published catalog; a validator
  /// should report a name mismatch against such a row more gently.
  public var needsVerification: Bool {
    // A byte search without copying: validation asks this for every coded row.
    let mark = "verify".utf8
    var source = source
    return source.withUTF8 { bytes in
      bytes.indices.contains { bytes[$0] == mark.first && bytes[$0...].starts(with: mark) }
    }
  }

  /// The Chinese name of the level (类/款/项/目).
  public var levelName: String { Catalog.levelNames[max(0, min(level - 1, 3))] }
}
