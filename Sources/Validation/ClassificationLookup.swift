import Budget

/// The kinds of classification codes (the catalog's own type).
public typealias CodeKind = ClassificationKind

/// The budget a code belongs to (the catalog's own type).
public typealias BudgetKind = BudgetType

extension BudgetType {
  /// The fund-source column a code of this budget may carry money in; nil when any.
  public var columnKey: String? {
    switch self {
    case .generalPublic: ColumnKey.generalPublic
    case .governmentFund: ColumnKey.governmentFund
    case .stateCapital: ColumnKey.stateCapital
    case .socialInsurance, .mixed: nil
    }
  }
}

/// What the catalog says about one code.
public struct ClassificationRecord: Sendable, Equatable {
  /// The code.
  public var code: String
  /// The official name.
  public var name: String
  /// The budget the code's money belongs to.
  public var budget: BudgetKind
  /// Whether the catalog row still waits for a check against the official catalog.
  public var needsVerification: Bool

  /// Creates a record.
  public init(code: String, name: String, budget: BudgetKind, needsVerification: Bool = false) {
    self.code = code
    self.name = name
    self.budget = budget
    self.needsVerification = needsVerification
  }
}

/// The few catalog lookups the rules need. The shipped catalog (`Catalog.builtin2023` in Budget)
/// conforms through a one-file adapter; tests use a small dictionary.
public protocol ClassificationLookup: Sendable {
  /// The record for a code, or nil when the catalog does not know it.
  func record(_ code: String, kind: CodeKind) -> ClassificationRecord?
  /// The 功能分类 类 code a 表1/表4 expenditure line stands for (`六、科学技术支出` → 206).
  func classCode(forLine line: String) -> String?
  /// The code of an economic-classification name (表6 prints names only), or nil when unknown or ambiguous.
  func economicCode(named name: String, kind: CodeKind) -> String?
  /// Whether the catalog lists a classification completely, so that a code it lacks is wrong
  /// (a warning) rather than a gap of a partial catalog (info).
  func isComplete(_ kind: CodeKind) -> Bool
}

extension ClassificationLookup {
  /// Default: partial (the shipped catalog is a subset of the official one).
  public func isComplete(_ kind: CodeKind) -> Bool { false }

  /// Default: the 2023 template's 30 lines (domain.md §2.2).
  public func classCode(forLine line: String) -> String? { StandardLines.classCode(forLine: line) }
}

/// Knowledge of the Datong/Shanxi template that rules need even without a catalog.
public enum StandardLines {
  /// 表1/表4 expenditure lines of the 2023 template → 功能分类 类 code. The codes are not
  /// contiguous (no 218, 225, 226, 228), so this is a table, not arithmetic (domain.md §2.2).
  public static let classCodes: [(name: String, code: String)] = [
    ("一般公共服务支出", "201"), ("外交支出", "202"), ("国防支出", "203"), ("公共安全支出", "204"),
    ("教育支出", "205"), ("科学技术支出", "206"), ("文化旅游体育与传媒支出", "207"), ("社会保障和就业支出", "208"),
    ("社会保险基金支出", "209"), ("卫生健康支出", "210"), ("节能环保支出", "211"), ("城乡社区支出", "212"),
    ("农林水支出", "213"), ("交通运输支出", "214"), ("资源勘探工业信息等支出", "215"), ("商业服务业等支出", "216"),
    ("金融支出", "217"), ("援助其他地区支出", "219"), ("自然资源海洋气象等支出", "220"), ("住房保障支出", "221"),
    ("粮油物资储备支出", "222"), ("国有资本经营预算支出", "223"), ("灾害防治及应急管理支出", "224"), ("预备费", "227"),
    ("其他支出", "229"), ("转移性支出", "230"), ("债务还本支出", "231"), ("债务付息支出", "232"),
    ("债务发行费用支出", "233"), ("抗疫特别国债安排的支出", "234"),
  ]

  private static let byName: [String: String] = Dictionary(
    classCodes.map { (plainName($0.name), $0.code) }, uniquingKeysWith: { a, _ in a })

  /// The 类 code of a 表1/表4 expenditure line, by name (ordinal prefix and spaces ignored).
  public static func classCode(forLine line: String) -> String? { byName[plainName(line)] }

  /// 政府预算支出经济分类 款 names under 502 机关商品和服务支出 (for X-12, 表11 vs 表6).
  public static let governmentGoodsAndServices: [String: String] = [
    "办公经费": "50201", "会议费": "50202", "培训费": "50203", "专用材料购置费": "50204", "委托业务费": "50205",
    "公务接待费": "50206", "因公出国（境）费用": "50207", "公务用车运行维护费": "50208", "维修（护）费": "50209",
    "其他商品和服务支出": "50299",
  ]
}
