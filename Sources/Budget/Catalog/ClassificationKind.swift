/// Which of the four government classifications (政府收支分类) a code belongs to.
public enum ClassificationKind: String, Codable, Sendable, CaseIterable {
  /// 支出功能分类: 类 3 / 款 5 / 项 7 digits, codes start with 2.
  case functional
  /// 收入分类: 类 3 / 款 5 / 项 7 / 目 9 digits, codes start with 1.
  case revenue
  /// 部门预算支出经济分类: 类 3 / 款 5 digits, codes start with 3.
  case economicDepartment
  /// 政府预算支出经济分类: 类 3 / 款 5 digits, codes start with 5.
  case economicGovernment

  /// The first digit every code of this classification starts with (the MOF numbering convention).
  public var leadingDigit: Character {
    switch self {
    case .functional: "2"
    case .revenue: "1"
    case .economicDepartment: "3"
    case .economicGovernment: "5"
    }
  }

  /// The code lengths this classification allows, 类 first.
  public var codeLengths: [Int] {
    switch self {
    case .functional: [3, 5, 7]
    case .revenue: [3, 5, 7, 9]
    case .economicDepartment, .economicGovernment: [3, 5]
    }
  }

  /// The Chinese name of the classification.
  public var chineseName: String {
    switch self {
    case .functional: "支出功能分类"
    case .revenue: "收入分类"
    case .economicDepartment: "部门预算支出经济分类"
    case .economicGovernment: "政府预算支出经济分类"
    }
  }

  /// Reads a kind from a catalog CSV cell: the raw value or the Chinese name.
  public init?(csvToken: String) {
    let token = csvToken.filter { !$0.isSpace }
    if let kind = ClassificationKind(rawValue: token) {
      self = kind
      return
    }
    guard let kind = ClassificationKind.allCases.first(where: { $0.chineseName == token }) else {
      return nil
    }
    self = kind
  }
}

/// Which of the four budgets (四本预算) money under a code belongs to.
public enum BudgetType: String, Codable, Sendable, CaseIterable {
  /// 一般公共预算 (CSV token GPB).
  case generalPublic
  /// 政府性基金预算 (CSV token GF).
  case governmentFund
  /// 国有资本经营预算 (CSV token SOC).
  case stateCapital
  /// 社会保险基金预算 (CSV token SSF).
  case socialInsurance
  /// Children of several budget types, or a code any budget may use (economic codes).
  case mixed

  /// The short token the catalog CSV files use.
  public var csvToken: String {
    switch self {
    case .generalPublic: "GPB"
    case .governmentFund: "GF"
    case .stateCapital: "SOC"
    case .socialInsurance: "SSF"
    case .mixed: "mixed"
    }
  }

  /// The Chinese name of the budget.
  public var chineseName: String {
    switch self {
    case .generalPublic: "一般公共预算"
    case .governmentFund: "政府性基金预算"
    case .stateCapital: "国有资本经营预算"
    case .socialInsurance: "社会保险基金预算"
    case .mixed: "多种预算"
    }
  }

  /// Reads a budget type from a CSV cell: the token, the raw value or the Chinese name
  /// (with or without the trailing 预算).
  public init?(csvToken: String) {
    let token = csvToken.filter { !$0.isSpace }
    for type in BudgetType.allCases
    where type.csvToken.lowercased() == token.lowercased() || type.rawValue == token
      || type.chineseName == token || type.chineseName == token + "预算"
    {
      self = type
      return
    }
    if token == "混合" {
      self = .mixed
      return
    }
    return nil
  }

  /// Whether money of a column of `column`'s budget may sit under a code of this type:
  /// a mixed code fits every column, any other code only its own budget's column.
  public func fits(_ column: BudgetType) -> Bool {
    self == .mixed || column == .mixed || self == column
  }
}
