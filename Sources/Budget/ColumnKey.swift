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
  /// 财政拨款收入 / 财政拨款 (fund source: the three budgets together).
  public static let fiscal = "fiscal"
  /// 事业收入 (fund source).
  public static let businessIncome = "business_income"
  /// 事业单位经营收入 (fund source).
  public static let operatingIncome = "operating_income"
  /// 其他收入 / 其他资金 (fund source).
  public static let otherIncome = "other_income"
  /// 单位预留机动经费 (Jiangsu: an expenditure use).
  public static let reserve = "reserve"
  /// 结转下年资金.
  public static let carryforward = "carryforward"
  /// 因公出国(境)费 (三公).
  public static let travelAbroad = "travel_abroad"
  /// 公务接待费 (三公).
  public static let reception = "reception"
  /// 公务用车购置及运行(维护)费 (三公): purchase and running together.
  public static let vehicles = "vehicles"
  /// 公务用车购置费 (三公).
  public static let vehiclePurchase = "vehicle_purchase"
  /// 公务用车运行(维护)费 (三公).
  public static let vehicleRunning = "vehicle_running"
  /// “三公”经费 合计 where a table prints it beside other totals.
  public static let threePublicTotal = "three_public_total"
  /// 机关运行经费.
  public static let operatingExpenses = "operating_expenses"
  /// 会议费.
  public static let meetings = "meetings"
  /// 培训费.
  public static let training = "training"

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
    case fiscal: return "财政拨款"
    case businessIncome: return "事业收入"
    case operatingIncome: return "事业单位经营收入"
    case otherIncome: return "其他收入"
    case reserve: return "单位预留机动经费"
    case carryforward: return "结转下年资金"
    case travelAbroad: return "因公出国(境)费"
    case reception: return "公务接待费"
    case vehicles: return "公务用车购置及运行费"
    case vehiclePurchase: return "公务用车购置费"
    case vehicleRunning: return "公务用车运行费"
    case threePublicTotal: return "“三公”经费合计"
    case operatingExpenses: return "机关运行经费"
    case meetings: return "会议费"
    case training: return "培训费"
    default: return key
    }
  }
}
