import Budget

/// A small, fully reproducible random source (SplitMix64): the property tests print the seed of a
/// failing case, and the same seed gives the same disclosure on every machine and Swift version
/// (unlike `SystemRandomNumberGenerator`, which cannot be seeded).
public struct SplitMix64: RandomNumberGenerator, Sendable {
  private var state: UInt64

  /// A generator whose whole sequence is determined by `seed`.
  public init(seed: UInt64) { state = seed }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// Random disclosures whose amounts agree with every rule of `RuleSet.standard` that applies to
/// them: tables 2, 3 and 5 over one random 类/款/项 hierarchy, where each parent is the sum of its
/// children, 合计 the sum of the 类 rows, 表3 合计 = 基本 + 项目, 表5 = 表3 (all general public) and
/// 表2's general public column = 表5 per code. Amounts include blanks and 0.00; names include
/// characters that CSV, xlsx and spreadsheets treat specially.
public enum RandomDisclosure {
  /// How many cases a property test runs: `YUSUAN_PROPERTY_RUNS` or `fallback` (CI's fast default).
  public static func runs(default fallback: Int) -> Int {
    guard let text = getenvString("YUSUAN_PROPERTY_RUNS"), let n = Int(text), n > 0 else { return fallback }
    return n
  }

  /// The base seed: `YUSUAN_PROPERTY_SEED` or a fixed value, so CI always runs the same cases.
  public static var baseSeed: UInt64 {
    getenvString("YUSUAN_PROPERTY_SEED").flatMap { UInt64($0) } ?? 0x5955_5355_414E  // "YUSUAN"
  }

  /// One consistent disclosure drawn from `rng`.
  public static func make(_ rng: inout SplitMix64) -> Disclosure {
    let year = Int.random(in: 2015...2030, using: &rng)
    let tree = hierarchy(&rng)
    var t3Rows: [BudgetRow] = []
    for node in tree { t3Rows.append(BudgetRow(code: node.code, name: node.name, amounts: node.amounts)) }
    let sums = (0..<3).map { column in sum(tree.filter { $0.code.count == 3 }.map { $0.amounts[column] }) }
    let total = BudgetRow(kind: .total, name: "合计", amounts: sums)
    let t3 = BudgetTable(
      number: 3, title: "\(year)年预算支出总表",
      sections: [TableSection(columns: [ColumnKey.total, ColumnKey.basic, ColumnKey.project], rows: [total] + t3Rows)])
    var t5 = t3
    t5.number = 5
    t5.title = "\(year)年一般公共预算支出预算表（不含上年结转）"
    let t2Columns = [
      ColumnKey.total, ColumnKey.generalPublic, ColumnKey.governmentFund, ColumnKey.stateCapital,
      ColumnKey.specialAccount, ColumnKey.unitFunds, ColumnKey.carryover,
    ]
    let t2Rows = ([total] + t3Rows).map { row in
      BudgetRow(
        kind: row.kind, code: row.code, name: row.name,
        amounts: [row.amounts[0], row.amounts[0]] + Array(repeating: nil, count: 5))
    }
    let t2 = BudgetTable(number: 2, title: "\(year)年预算收入总表", sections: [TableSection(columns: t2Columns, rows: t2Rows)])
    return Disclosure(department: name(&rng, odd: false) + "局", year: year, tables: [t2, t3, t5])
  }

  /// The disclosure as a layout reader keeps it: a line break inside a cell is a wrapped name, so
  /// the disclosure-layout readers (xlsx, disclosure CSV) join the lines and trim each one (SPEC:
  /// "names wrapped onto the next line"); tidy CSV and JSON keep names verbatim.
  public static func asReadFromLayout(_ disclosure: Disclosure) -> Disclosure {
    var copy = disclosure
    for t in copy.tables.indices {
      for s in copy.tables[t].sections.indices {
        for r in copy.tables[t].sections[s].rows.indices {
          copy.tables[t].sections[s].rows[r].name = joinedLines(copy.tables[t].sections[s].rows[r].name)
        }
      }
    }
    return copy
  }

  /// Lines joined, each trimmed of whitespace (U+3000 included), like the layout readers do.
  static func joinedLines(_ text: String) -> String {
    func trimmed(_ s: Substring) -> Substring {
      guard let first = s.firstIndex(where: { !$0.isWhitespace }) else { return "" }
      return s[first...s.lastIndex(where: { !$0.isWhitespace })!]
    }
    return String(
      trimmed(Substring(text.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }).map(trimmed).joined()))
    )
  }

  /// A coded row of the hierarchy: code, name and the amounts (合计, 基本支出, 项目支出).
  public struct Node: Sendable {
    public var code: String
    public var name: String
    public var amounts: [Amount?]
  }

  /// 1–3 类, each with 1–3 款, each with 0–3 项, in table order (parent before its children).
  /// Leaves get random amounts; every parent is the sum of its children, column by column.
  static func hierarchy(_ rng: inout SplitMix64) -> [Node] {
    var out: [Node] = []
    let classes = Array(1...29).shuffled(using: &rng).prefix(Int.random(in: 1...3, using: &rng)).sorted()
    for c in classes {
      let classCode = "2" + twoDigits(c)
      let classIndex = out.count
      out.append(Node(code: classCode, name: name(&rng), amounts: []))
      var classChildren: [[Amount?]] = []
      for k in Array(1...99).shuffled(using: &rng).prefix(Int.random(in: 1...3, using: &rng)).sorted() {
        let sectionCode = classCode + twoDigits(k)
        let sectionIndex = out.count
        out.append(Node(code: sectionCode, name: name(&rng), amounts: []))
        var items: [[Amount?]] = []
        for x in Array(1...99).shuffled(using: &rng).prefix(Int.random(in: 0...3, using: &rng)).sorted() {
          let leaf = leafAmounts(&rng)
          items.append(leaf)
          out.append(Node(code: sectionCode + twoDigits(x), name: name(&rng), amounts: leaf))
        }
        out[sectionIndex].amounts = items.isEmpty ? leafAmounts(&rng) : columnSums(items)
        classChildren.append(out[sectionIndex].amounts)
      }
      out[classIndex].amounts = columnSums(classChildren)
    }
    return out
  }

  /// (合计, 基本, 项目) with 合计 = 基本 + 项目; either part may be blank or 0.00.
  static func leafAmounts(_ rng: inout SplitMix64) -> [Amount?] {
    let basic = amount(&rng)
    let project = amount(&rng)
    return [sum([basic, project]), basic, project]
  }

  /// Blank (nil) when every term is blank; otherwise the exact sum, blanks counting as zero.
  static func sum(_ terms: [Amount?]) -> Amount? {
    let present = terms.compactMap { $0 }
    guard !present.isEmpty else { return nil }
    return present.reduce(Amount(units: 0, scale: 2), +)
  }

  static func columnSums(_ rows: [[Amount?]]) -> [Amount?] {
    (0..<3).map { column in sum(rows.map { $0[column] }) }
  }

  /// Blank, 0.00, a few cents, or up to ten million 万元, always with two decimals.
  static func amount(_ rng: inout SplitMix64) -> Amount? {
    switch Int.random(in: 0..<10, using: &rng) {
    case 0, 1: return nil
    case 2: return Amount(units: 0, scale: 2)
    case 3: return Amount(units: Int64.random(in: 1...99, using: &rng), scale: 2)
    default: return Amount(units: Int64.random(in: 1...1_000_000_000, using: &rng), scale: 2)
    }
  }

  /// Pieces names are built from: ordinary budget words, long runs, and the characters CSV and
  /// spreadsheets treat specially (formula leaders, separators, quotes, line breaks, U+3000).
  static let plainWords = ["行政运行", "一般行政管理事务", "机构运行", "科学技术", "社会保障", "其他支出", "基础研究", "事业运行"]
  static let oddPieces = ["=", "+", "-", "@", ",", "\"", "\n", "\u{3000}", "（", "）", "、", "A&B", "<x>", "'", ";", "\t"]

  /// A random row name; `odd` allows special characters inside the name and formula leaders in
  /// front (a leading or trailing space is trimmed by every reader by design, so no space there).
  static func name(_ rng: inout SplitMix64, odd: Bool = true) -> String {
    var s = plainWords.randomElement(using: &rng)!
    // A formula leader first (=, +, -, @): spreadsheets would evaluate it; readers must not.
    if odd, Int.random(in: 0..<6, using: &rng) == 0 { s = ["=", "+", "-", "@"].randomElement(using: &rng)! + s }
    let pieces = Int.random(in: 0...(odd ? 4 : 1), using: &rng)
    for _ in 0..<pieces {
      if odd, Bool.random(using: &rng) { s += oddPieces.randomElement(using: &rng)! }
      s += plainWords.randomElement(using: &rng)!
    }
    if odd, Int.random(in: 0..<8, using: &rng) == 0 {
      s += String(repeating: "长名称", count: Int.random(in: 20...80, using: &rng)) + "止"
    }
    return s
  }

  static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

  static func getenvString(_ name: String) -> String? {
    guard let value = getenv(name) else { return nil }
    return String(cString: value)
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
