/// A year's government classification catalog (政府收支分类科目): every known code with its
/// official name, level, parent and budget type, plus the 表6 部门→政府 economic pairs and the
/// 表1/表4 line names. Validation uses it to tell unknown codes (warning) from known codes
/// printed under another name (error). The built-in data needs no file access at run time.
public struct Catalog: Sendable {
  /// The budget year the catalog describes.
  public var year: Int
  /// Every entry, in catalog order (kind, then the order the CSV files list them).
  public private(set) var entries: [CatalogEntry]
  /// The 部门预算 → 政府预算 economic code pairs known to occur (from 表6).
  public internal(set) var mappings: [EconomicMapping]
  /// The 30 fixed expenditure lines of 表1/表4, in printed order.
  public private(set) var table1Lines: [Table1Line] {
    didSet { table1Index = Self.index(table1Lines) }
  }
  /// `table1Lines` by normalized name → code, so line lookups do not normalize 30 names each time.
  private(set) var table1Index: [String: String] = [:]

  /// Key of the code index: codes of different kinds never collide by value, but lookups stay
  /// per kind so a wrong-kind code is reported as unknown, not silently accepted.
  struct Key: Hashable {
    var kind: ClassificationKind
    var text: String
  }

  private var byCode: [Key: Int] = [:]
  private var byName: [Key: [Int]] = [:]

  /// Makes a catalog; later entries with the same kind and code replace earlier ones.
  public init(
    year: Int, entries: [CatalogEntry], mappings: [EconomicMapping] = [],
    table1Lines: [Table1Line] = []
  ) {
    self.year = year
    self.entries = []
    self.mappings = mappings
    self.table1Lines = table1Lines
    self.table1Index = Self.index(table1Lines)
    byCode.reserveCapacity(entries.count)
    byName.reserveCapacity(entries.count)
    upsert(entries)
  }

  private static func index(_ lines: [Table1Line]) -> [String: String] {
    var index: [String: String] = [:]
    for line in lines { index[normalizedName(line.name)] = index[normalizedName(line.name)] ?? line.code }
    return index
  }

  /// The entry for `code` in the `kind` classification, if the catalog knows it.
  public func entry(_ code: String, kind: ClassificationKind) -> CatalogEntry? {
    byCode[Key(kind: kind, text: code)].map { entries[$0] }
  }

  /// Every entry of `kind` whose name equals `name` after `normalizedName(_:)`, in catalog
  /// order. Names repeat (机构运行 under 20602 and 20605), so this returns a list.
  public func entries(named name: String, kind: ClassificationKind) -> [CatalogEntry] {
    (byName[Key(kind: kind, text: Catalog.normalizedName(name))] ?? []).map { entries[$0] }
  }

  /// The direct children of `code` (款 of a 类, 项 of a 款), in catalog order.
  public func children(of code: String, kind: ClassificationKind) -> [CatalogEntry] {
    entries.filter { $0.kind == kind && $0.parentCode == code }
  }

  /// Whether `code` is `ancestor` or lies below it (by prefix; no catalog data needed).
  public static func code(_ code: String, isWithin ancestor: String) -> Bool {
    code.hasPrefix(ancestor)
  }

  /// A name reduced to what matters for comparison: all whitespace (including U+3000 and the
  /// line breaks of wrapped cells) removed and ASCII parentheses made full-width, since
  /// exports differ in both while the catalog prints （）.
  public static func normalizedName(_ name: String) -> String {
    // Most names (all built-in ones) are already normalized: a byte scan tells.
    guard mayNeedNormalizing(name) else { return name }
    // Scalar-level work: names are short, but this runs for every coded row of every table.
    var scalars = String.UnicodeScalarView()
    for scalar in name.unicodeScalars where !scalar.isSpace {
      switch scalar {
      case "(": scalars.append("（")
      case ")": scalars.append("）")
      default: scalars.append(scalar)
      }
    }
    return String(scalars)
  }

  /// A conservative byte scan: false only when the name holds no whitespace and no ASCII
  /// parenthesis, so that `normalizedName` would return it unchanged.
  private static func mayNeedNormalizing(_ name: String) -> Bool {
    var lead: UInt8 = 0
    for byte in name.utf8 {
      switch (lead, byte) {
      case (_, 0x09...0x0D), (_, 0x20), (_, 0x28), (_, 0x29): return true
      // U+0085, U+00A0, U+1680, U+2000–U+205F, U+3000 start with these two bytes.
      case (0xC2, 0x85), (0xC2, 0xA0), (0xE1, 0x9A), (0xE2, 0x80), (0xE2, 0x81), (0xE3, 0x80): return true
      default: lead = byte
      }
    }
    return false
  }

  /// Adds or replaces entries, keeping the indexes in step; replaced entries keep their place.
  mutating func upsert(_ newEntries: [CatalogEntry]) {
    for entry in newEntries {
      let key = Key(kind: entry.kind, text: entry.code)
      if let index = byCode[key] {
        let oldName = Key(kind: entry.kind, text: Catalog.normalizedName(entries[index].name))
        byName[oldName]?.removeAll { $0 == index }
        if byName[oldName]?.isEmpty == true { byName[oldName] = nil }
        entries[index] = entry
        byName[Key(kind: entry.kind, text: Catalog.normalizedName(entry.name)), default: []]
          .append(index)
        byName[Key(kind: entry.kind, text: Catalog.normalizedName(entry.name))]?.sort()
      } else {
        byCode[key] = entries.count
        byName[Key(kind: entry.kind, text: Catalog.normalizedName(entry.name)), default: []]
          .append(entries.count)
        entries.append(entry)
      }
    }
  }
}
