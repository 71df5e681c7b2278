/// Canonical keys of amount columns. They name the JSON fields and the tidy CSV columns; the
/// layouts map each table's printed headers onto them.
public enum ColumnKey {
  /// 合计 / 小计 / 金额: the row total.
  public static let total = "total"
  /// 基本支出.
  public static let basic = "basic"
  /// 项目支出.
  public static let project = "project"
  /// 一般公共预算 (fund source).
  public static let generalPublic = "general_public"
  /// 政府性基金预算 (fund source).
  public static let governmentFund = "government_fund"
  /// 国有资本经营预算 (fund source).
  public static let stateCapital = "state_capital"
  /// 财政专户管理资金 (fund source).
  public static let specialAccount = "special_account"
  /// 单位资金 (fund source).
  public static let unitFunds = "unit_funds"
  /// 上年结转 (carried over from last year).
  public static let carryover = "carryover"
  /// 人员经费 (表6).
  public static let personnel = "personnel"
  /// 公用经费 (表6).
  public static let publicUse = "public_use"
  /// 当年预算安排 (表1).
  public static let currentYear = "current_year"
  /// 上年结转安排 (表1).
  public static let carryoverArranged = "carryover_arranged"
  /// 金额 on an income side.
  public static let amount = "amount"

  /// The Chinese header word for a key, for tidy CSV headers and messages.
  public static func chineseName(_ key: String) -> String {
    switch key {
    case total: return "合计"
    case basic: return "基本支出"
    case project: return "项目支出"
    case generalPublic: return "一般公共预算"
    case governmentFund: return "政府性基金预算"
    case stateCapital: return "国有资本经营预算"
    case specialAccount: return "财政专户管理资金"
    case unitFunds: return "单位资金"
    case carryover: return "上年结转"
    case personnel: return "人员经费"
    case publicUse: return "公用经费"
    case currentYear: return "当年预算安排"
    case carryoverArranged: return "上年结转安排"
    case amount: return "金额"
    default: return key
    }
  }
}
