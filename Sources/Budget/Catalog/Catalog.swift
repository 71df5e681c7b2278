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
  /// The classifications this catalog lists completely (a user's annual catalog given as
  /// complete); a code missing from them is a warning, from the others (the shipped, partial
  /// catalog) only `info`.
  public var completeKinds: Set<ClassificationKind> = []
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

    // The code alone is hashed: kinds rarely share a code (their leading digits differ).
    func hash(into hasher: inout Hasher) { hasher.combine(text) }

    static func == (a: Key, b: Key) -> Bool { a.text == b.text && a.kind == b.kind }
  }

  private var byCode: [Key: Int] = [:]
  /// Entries by the byte hash (`plainHash`) of their normalized name, for names that are plain
  /// text; lookups check kind and bytes, since different names may share a hash. Each hash holds
  /// the first and last entry of a chain in catalog order, linked through `nextByName`: one
  /// array for all names instead of one per name, which made up much of loading.
  private var byName: [Int: (first: Int, last: Int)] = [:]
  /// The next entry with the same name hash as the entry at this index (-1: none).
  private var nextByName: [Int] = []
  /// Entries whose normalized name is not plain text (none in the built-in data), compared as Strings.
  private var irregularNames: [Int] = []

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
    self.entries.reserveCapacity(entries.count)
    byCode.reserveCapacity(entries.count)
    byName.reserveCapacity(entries.count)
    nextByName.reserveCapacity(entries.count)
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
    let name = Catalog.normalizedName(name)
    let isNamed = { (i: Int) in self.entries[i].kind == kind && Catalog.normalizedName(self.entries[i].name) == name }
    guard let hash = Catalog.plainHash(name) else { return entries.indices.filter(isNamed).map { entries[$0] } }
    // Plain texts are equal exactly when their bytes are.
    var plain: [Int] = []
    var i = byName[hash]?.first ?? -1
    while i >= 0 {
      if entries[i].kind == kind && Catalog.normalizedName(entries[i].name).hasSameBytes(as: name) { plain.append(i) }
      i = nextByName[i]
    }
    let irregular = irregularNames.filter(isNamed)
    return (irregular.isEmpty ? plain : (plain + irregular).sorted()).map { entries[$0] }
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

  /// A hash of a text's UTF-8 bytes (64-bit FNV-1a) when every scalar of it is a character that
  /// neither decomposes nor combines (ASCII and Latin below U+0300, CJK ideographs and
  /// punctuation, full-width forms …), else nil. Two such plain texts are equal as Strings
  /// exactly when their bytes are, so they can be indexed without String's normalizing hash.
  static func plainHash(_ text: String) -> Int? {
    var text = text
    return text.withUTF8 { bytes -> Int? in
      var hash: UInt64 = 0xcbf2_9ce4_8422_2325
      var i = 0
      while i < bytes.count {
        let lead = bytes[i]
        let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        var scalar = length == 1 ? UInt32(lead) : UInt32(lead) & (0x7F >> length)
        for j in i..<(i + length) {
          if j > i { scalar = scalar << 6 | UInt32(bytes[j] & 0x3F) }
          hash = (hash ^ UInt64(bytes[j])) &* 0x100_0000_01b3
        }
        switch scalar {
        case 0..<0x300, 0x2010...0x2027, 0x2030...0x205E, 0x2460...0x24FF, 0x3001...0x3029, 0x3030...0x303F,
          0x4E00...0x9FFF, 0xFF01...0xFF5E:
          i += length
        default: return nil
        }
      }
      return Int(bitPattern: UInt(hash))
    }
  }

  /// A conservative byte scan: false only when the name holds no whitespace and no ASCII
  /// parenthesis, so that `normalizedName` would return it unchanged.
  private static func mayNeedNormalizing(_ name: String) -> Bool {
    var name = name
    return name.withUTF8(mayNeedNormalizing)
  }

  private static func mayNeedNormalizing(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var previous: UInt8 = 0
    for byte in bytes {
      if byte <= 0x29 {
        if byte == 0x20 || byte == 0x28 || byte == 0x29 || (0x09...0x0D).contains(byte) { return true }
      } else if byte >= 0x80 {
        // U+0085, U+00A0, U+1680, U+2000–U+205F and U+3000 start with these two bytes.
        switch previous {
        case 0xC2: if byte == 0x85 || byte == 0xA0 { return true }
        case 0xE1: if byte == 0x9A { return true }
        case 0xE2: if byte == 0x80 || byte == 0x81 { return true }
        case 0xE3: if byte == 0x80 { return true }
        default: break
        }
      }
      previous = byte
    }
    return false
  }

  /// Adds or replaces entries, keeping the indexes in step; replaced entries keep their place.
  mutating func upsert(_ newEntries: [CatalogEntry]) {
    for entry in newEntries {
      let key = Key(kind: entry.kind, text: entry.code)
      if let index = byCode[key] {
        removeName(of: index)
        entries[index] = entry
        addName(of: index)
      } else {
        byCode[key] = entries.count
        entries.append(entry)
        nextByName.append(-1)
        addName(of: entries.count - 1)
      }
    }
  }

  /// Indexes an entry's name; lists stay in catalog order.
  private mutating func addName(of index: Int) {
    guard let hash = Catalog.plainHash(Catalog.normalizedName(entries[index].name)) else {
      irregularNames.append(index)
      irregularNames.sort()
      return
    }
    guard let chain = byName[hash] else {
      byName[hash] = (index, index)
      return
    }
    if index > chain.last {  // the usual case: a new entry, appended
      nextByName[chain.last] = index
      byName[hash] = (chain.first, index)
    } else if index < chain.first {
      nextByName[index] = chain.first
      byName[hash] = (index, chain.last)
    } else {  // a replaced entry, linked in at its place
      var previous = chain.first
      while nextByName[previous] < index { previous = nextByName[previous] }
      nextByName[index] = nextByName[previous]
      nextByName[previous] = index
    }
  }

  /// Removes an entry's name from the index.
  private mutating func removeName(of index: Int) {
    guard let hash = Catalog.plainHash(Catalog.normalizedName(entries[index].name)) else {
      irregularNames.removeAll { $0 == index }
      return
    }
    guard let chain = byName[hash] else { return }
    defer { nextByName[index] = -1 }
    if chain.first == index {
      let next = nextByName[index]
      byName[hash] = next < 0 ? nil : (next, chain.last)
      return
    }
    var previous = chain.first
    while nextByName[previous] >= 0 && nextByName[previous] != index { previous = nextByName[previous] }
    guard nextByName[previous] == index else { return }
    nextByName[previous] = nextByName[index]
    if chain.last == index { byName[hash] = (chain.first, previous) }
  }
}

extension String {
  /// Whether two texts have the same UTF-8 bytes (identical, not merely canonically equivalent).
  package func hasSameBytes(as other: String) -> Bool {
    var (a, b) = (self, other)
    return a.withUTF8 { x in b.withUTF8 { y in x.count == y.count && x.elementsEqual(y) } }
  }
}
