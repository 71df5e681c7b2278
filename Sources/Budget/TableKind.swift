/// What a table is, in one vocabulary across template sets: the Datong 预算公开表3, Shanghai's
/// 部门支出预算总表 and Jiangsu's 支出预算总表 are all `expenditureSummary`, so that rules, JSON
/// consumers and comparisons work across sets. The raw value is the stable JSON key.
public struct TableKind: RawRepresentable, Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The stable key written into JSON and tidy CSV (`expenditure-summary`).
  public var rawValue: String

  /// A kind from its key.
  public init(rawValue: String) { self.rawValue = rawValue }

  public var description: String { rawValue }

  public static func < (a: TableKind, b: TableKind) -> Bool { a.rawValue < b.rawValue }

  // Budgets (预算).
  /// 收支总表: every income line against every expenditure line.
  public static let budgetSummary = TableKind(rawValue: "budget-summary")
  /// 收入总表: income by function code and source of funds.
  public static let revenueSummary = TableKind(rawValue: "revenue-summary")
  /// 支出总表: expenditure by function code, 基本/项目.
  public static let expenditureSummary = TableKind(rawValue: "expenditure-summary")
  /// 财政拨款收支总表: fiscal appropriations, income against expenditure.
  public static let fiscalSummary = TableKind(rawValue: "fiscal-summary")
  /// 财政拨款支出表 by function code (all three budgets).
  public static let fiscalExpenditure = TableKind(rawValue: "fiscal-expenditure")
  /// 财政拨款基本支出表 by economic class.
  public static let fiscalBasicEconomic = TableKind(rawValue: "fiscal-basic-economic")
  /// 一般公共预算支出表 by function code.
  public static let generalPublicExpenditure = TableKind(rawValue: "general-public-expenditure")
  /// 一般公共预算基本支出表 by economic class (人员/公用).
  public static let generalPublicBasicEconomic = TableKind(rawValue: "general-public-basic-economic")
  /// 政府性基金预算收入表.
  public static let governmentFundRevenue = TableKind(rawValue: "government-fund-revenue")
  /// 政府性基金预算支出表 by function code.
  public static let governmentFundExpenditure = TableKind(rawValue: "government-fund-expenditure")
  /// 国有资本经营预算收支表 (income and expenditure side by side).
  public static let stateCapitalBudget = TableKind(rawValue: "state-capital")
  /// 国有资本经营预算支出表 by function code.
  public static let stateCapitalExpenditure = TableKind(rawValue: "state-capital-expenditure")
  /// “三公”经费 (with 会议费/培训费 or 机关运行经费 where the set prints them beside it).
  public static let threePublic = TableKind(rawValue: "three-public")
  /// 机关运行经费.
  public static let operatingExpenses = TableKind(rawValue: "operating-expenses")
  /// 项目支出表 of the year.
  public static let projectExpenditure = TableKind(rawValue: "project-expenditure")
  /// 项目支出表 of money carried over from last year.
  public static let projectCarryover = TableKind(rawValue: "project-carryover")
  /// 政府采购预算表.
  public static let governmentProcurement = TableKind(rawValue: "government-procurement")

  // Final accounts (决算): the 收支总表, 收入/支出 tables, 财政拨款 tables, 一般公共预算 tables and
  // 三公 reuse the kinds above; these two have no budget counterpart of the same shape.
  /// 政府性基金预算财政拨款收入支出决算表: 年初结转和结余, 本年收入, 本年支出, 年末结转和结余 by function code.
  public static let governmentFundBalance = TableKind(rawValue: "government-fund-balance")
  /// 国有资本经营预算财政拨款收入支出决算表: the same columns for the state-capital budget.
  public static let stateCapitalBalance = TableKind(rawValue: "state-capital-balance")

  /// The kind every Datong/Shanxi table number (预算公开表1–13) stands for, which is also what a
  /// version-1 JSON document's `number` means.
  public static func datong(_ number: Int) -> TableKind? {
    let kinds: [TableKind] = [
      .budgetSummary, .revenueSummary, .expenditureSummary, .fiscalSummary, .generalPublicExpenditure,
      .generalPublicBasicEconomic, .governmentFundRevenue, .governmentFundExpenditure, .stateCapitalBudget,
      .threePublic, .operatingExpenses, .projectExpenditure, .projectCarryover,
    ]
    return (1...kinds.count).contains(number) ? kinds[number - 1] : nil
  }

  /// Every kind of the vocabulary, in a stable order.
  public static let all: [TableKind] = [
    .budgetSummary, .revenueSummary, .expenditureSummary, .fiscalSummary, .fiscalExpenditure, .fiscalBasicEconomic,
    .generalPublicExpenditure, .generalPublicBasicEconomic, .governmentFundRevenue, .governmentFundExpenditure,
    .stateCapitalBudget, .stateCapitalExpenditure, .threePublic, .operatingExpenses, .projectExpenditure,
    .projectCarryover, .governmentProcurement, .governmentFundBalance, .stateCapitalBalance,
  ]

  /// How users call the kind, in Chinese.
  public var chineseName: String {
    switch self {
    case .budgetSummary: "收支总表"
    case .revenueSummary: "收入总表"
    case .expenditureSummary: "支出总表"
    case .fiscalSummary: "财政拨款收支总表"
    case .fiscalExpenditure: "财政拨款支出表（功能分类）"
    case .fiscalBasicEconomic: "财政拨款基本支出表（经济分类）"
    case .generalPublicExpenditure: "一般公共预算支出表（功能分类）"
    case .generalPublicBasicEconomic: "一般公共预算基本支出表（经济分类）"
    case .governmentFundRevenue: "政府性基金预算收入表"
    case .governmentFundExpenditure: "政府性基金预算支出表"
    case .stateCapitalBudget: "国有资本经营预算收支表"
    case .stateCapitalExpenditure: "国有资本经营预算支出表"
    case .threePublic: "“三公”经费表"
    case .operatingExpenses: "机关运行经费表"
    case .projectExpenditure: "项目支出表"
    case .projectCarryover: "项目支出表（上年结转）"
    case .governmentProcurement: "政府采购预算表"
    case .governmentFundBalance: "政府性基金预算财政拨款收入支出表"
    case .stateCapitalBalance: "国有资本经营预算财政拨款收入支出表"
    default: rawValue
    }
  }
}

/// Whether a disclosure is a budget (预算, published in spring) or final accounts (决算, autumn).
public enum DisclosureStage: String, Sendable, Codable, CaseIterable {
  /// 预算.
  case budget
  /// 决算.
  case finalAccounts = "final-accounts"

  /// The Chinese word.
  public var chineseName: String { self == .budget ? "预算" : "决算" }
}

/// Whether a disclosure covers a department with its units (部门) or one unit (单位).
public enum DisclosureEntity: String, Sendable, Codable, CaseIterable {
  /// 部门: the department and its units together.
  case department
  /// 单位: one budget unit.
  case unit

  /// The Chinese word.
  public var chineseName: String { self == .department ? "部门" : "单位" }
}
