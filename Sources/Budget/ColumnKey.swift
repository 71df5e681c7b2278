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

  // Final accounts (决算).
  /// 决算数: the amount actually spent or received (a 决算 table's one figure per line).
  public static let final = "final"
  /// 预算数: the amount budgeted, printed beside the 决算数 (三公).
  public static let budgeted = "budgeted"
  /// 年初结转和结余: carried over and unspent at the start of the year.
  public static let openingBalance = "opening_balance"
  /// 本年收入 (合计): income of the year.
  public static let incomeOfYear = "income_of_year"
  /// 本年支出 (合计): expenditure of the year.
  public static let expenditureOfYear = "expenditure_of_year"
  /// 年末结转和结余: carried over and unspent at the end of the year.
  public static let closingBalance = "closing_balance"
  /// 上级补助收入 (fund source).
  public static let superiorSubsidy = "superior_subsidy"
  /// 附属单位上缴收入 (fund source).
  public static let affiliatedRemittance = "affiliated_remittance"
  /// 上缴上级支出 (an expenditure use).
  public static let remittanceToSuperior = "remittance_to_superior"
  /// 经营支出 (an expenditure use).
  public static let operatingExpenditure = "operating_expenditure"
  /// 对附属单位补助支出 (an expenditure use).
  public static let subsidyToAffiliates = "subsidy_to_affiliates"

  /// The key of an item's 预算数 where a table prints 预算数 and 决算数 for every item (三公):
  /// `travel_abroad.budgeted`.
  public static func budgeted(_ item: String) -> String { item + "." + budgeted }
  /// The key of an item's 决算数: `travel_abroad.final`.
  public static func final(_ item: String) -> String { item + "." + final }

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
    case final: return "决算数"
    case budgeted: return "预算数"
    case openingBalance: return "年初结转和结余"
    case incomeOfYear: return "本年收入"
    case expenditureOfYear: return "本年支出"
    case closingBalance: return "年末结转和结余"
    case superiorSubsidy: return "上级补助收入"
    case affiliatedRemittance: return "附属单位上缴收入"
    case remittanceToSuperior: return "上缴上级支出"
    case operatingExpenditure: return "经营支出"
    case subsidyToAffiliates: return "对附属单位补助支出"
    default:
      // An item's 预算数 or 决算数 (`travel_abroad.final`): the item's name and the figure's.
      if let dot = key.lastIndex(of: "."), dot != key.startIndex {
        let item = String(key[..<dot])
        let figure = String(key[key.index(after: dot)...])
        if figure == final || figure == budgeted, chineseName(item) != item {
          return chineseName(item) + " " + chineseName(figure)
        }
      }
      return key
    }
  }
}
