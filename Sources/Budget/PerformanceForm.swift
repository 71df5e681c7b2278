/// A project performance-target form (项目支出绩效目标申报表), one per project: what the project is,
/// its money in 元 for the whole 实施期 and for the budget year, its goals and its indicators.
/// Texts are kept as printed; a field the form leaves blank is nil (or "" for indicator cells).
public struct PerformanceForm: Sendable, Equatable {
  /// The title as printed, e.g. `大同市市级预算部门（单位）项目支出绩效目标申报表`.
  public var title: String
  /// The year of the `（2023年度）` line.
  public var year: Int?
  /// 项目名称.
  public var projectName: String
  /// 主管部门及代码 as printed, e.g. `055-大同市科学技术局[部门]`.
  public var department: String?
  /// 实施单位.
  public var implementingUnit: String?
  /// 项目属性, e.g. `经常性项目（长期开展）` or `一次性项目（1年结束）`.
  public var attribute: String?
  /// 项目期, e.g. `3年`.
  public var period: String?
  /// 实施期资金总额 and its breakdown, in 元.
  public var implementationFunding: FormFunding
  /// 年度资金总额 and its breakdown, in 元.
  public var annualFunding: FormFunding
  /// 项目概况.
  public var overview: String?
  /// 立项依据.
  public var basis: String?
  /// 项目设立必要性.
  public var necessity: String?
  /// 保证项目实施的制度、措施.
  public var safeguards: String?
  /// 项目实施计划.
  public var plan: String?
  /// 总体目标 for the 实施期.
  public var implementationGoal: String?
  /// 总体目标 for the budget year (年度目标).
  public var annualGoal: String?
  /// Every printed 绩效指标 row, 实施期 rows first, then 年度 rows, each in printed order.
  public var indicators: [PerformanceIndicator]
  /// 负责人.
  public var responsiblePerson: String?
  /// 经办人.
  public var handler: String?
  /// 联系电话 (as printed; often masked).
  public var phone: String?
  /// 填报日期 as printed (`yyyyMMddHHmmss` in the Datong system).
  public var filledOn: String?
  /// Where the form was read from.
  public var source: SourceRef?
  /// Where some of its figures were read (A1 cells of `source`'s sheet, such as `G6` for
  /// `annualTotal`), so findings can name the cell. Not part of the JSON, and not compared by
  /// `==` (two readings of one form from different layouts are equal).
  public var cells: [FormCell: String] = [:]

  /// Every field but `cells`.
  public static func == (a: PerformanceForm, b: PerformanceForm) -> Bool {
    a.title == b.title && a.year == b.year && a.projectName == b.projectName && a.department == b.department
      && a.implementingUnit == b.implementingUnit && a.attribute == b.attribute && a.period == b.period
      && a.implementationFunding == b.implementationFunding && a.annualFunding == b.annualFunding
      && a.overview == b.overview && a.basis == b.basis && a.necessity == b.necessity && a.safeguards == b.safeguards
      && a.plan == b.plan && a.implementationGoal == b.implementationGoal && a.annualGoal == b.annualGoal
      && a.indicators == b.indicators && a.responsiblePerson == b.responsiblePerson && a.handler == b.handler
      && a.phone == b.phone && a.filledOn == b.filledOn && a.source == b.source
  }

  /// Creates a form; only the project name is required.
  public init(
    title: String = PerformanceForm.standardTitle, year: Int? = nil, projectName: String, department: String? = nil,
    implementingUnit: String? = nil, attribute: String? = nil, period: String? = nil,
    implementationFunding: FormFunding = FormFunding(), annualFunding: FormFunding = FormFunding(),
    overview: String? = nil, basis: String? = nil, necessity: String? = nil, safeguards: String? = nil,
    plan: String? = nil, implementationGoal: String? = nil, annualGoal: String? = nil,
    indicators: [PerformanceIndicator] = [], responsiblePerson: String? = nil, handler: String? = nil,
    phone: String? = nil, filledOn: String? = nil, source: SourceRef? = nil
  ) {
    self.title = title
    self.year = year
    self.projectName = projectName
    self.department = department
    self.implementingUnit = implementingUnit
    self.attribute = attribute
    self.period = period
    self.implementationFunding = implementationFunding
    self.annualFunding = annualFunding
    self.overview = overview
    self.basis = basis
    self.necessity = necessity
    self.safeguards = safeguards
    self.plan = plan
    self.implementationGoal = implementationGoal
    self.annualGoal = annualGoal
    self.indicators = indicators
    self.responsiblePerson = responsiblePerson
    self.handler = handler
    self.phone = phone
    self.filledOn = filledOn
    self.source = source
  }

  /// A figure of a form whose cell is recorded.
  public enum FormCell: String, Sendable, Hashable {
    /// 项目名称's value.
    case projectName
    /// 实施期资金总额.
    case implementationTotal
    /// 年度资金总额.
    case annualTotal
  }

  /// The title of the Datong municipal form.
  public static let standardTitle = "大同市市级预算部门（单位）项目支出绩效目标申报表"

  /// 年度资金总额 in 元, where printed.
  public var annualTotal: Amount? { annualFunding.total }

  /// The department code: the leading digits of 主管部门及代码 (`055` of `055-大同市科学技术局[部门]`).
  public var departmentCode: String? {
    guard let department else { return nil }
    let digits = department.prefix { $0.isASCII && $0.isNumber }
    return digits.isEmpty ? nil : String(digits)
  }

  /// The department name of 主管部门及代码 without its code (`大同市科学技术局[部门]`).
  public var departmentName: String? {
    guard let department else { return nil }
    var rest = Substring(department).drop { $0.isASCII && $0.isNumber }
    if rest.count < department.count { rest = rest.drop { "-－—_ 　".contains($0) } }
    return rest.isEmpty ? nil : String(rest)
  }

  /// The indicator rows of one period.
  public func indicators(_ period: IndicatorPeriod) -> [PerformanceIndicator] {
    indicators.filter { $0.period == period }
  }
}

/// A total and its breakdown by source of money, in 元 (项目资金（元）). A blank cell is nil.
public struct FormFunding: Sendable, Equatable {
  /// 资金总额.
  public var total: Amount?
  /// 其中：中央财政资金.
  public var central: Amount?
  /// 省级财政资金.
  public var provincial: Amount?
  /// 市县（区）财政资金.
  public var local: Amount?
  /// 单位自筹.
  public var selfRaised: Amount?
  /// 其他资金.
  public var other: Amount?

  /// Creates a funding block; every amount blank by default.
  public init(
    total: Amount? = nil, central: Amount? = nil, provincial: Amount? = nil, local: Amount? = nil,
    selfRaised: Amount? = nil, other: Amount? = nil
  ) {
    self.total = total
    self.central = central
    self.provincial = provincial
    self.local = local
    self.selfRaised = selfRaised
    self.other = other
  }

  /// The breakdown lines (JSON key, printed label), in printed order.
  public static let parts: [(key: String, label: String)] = [
    ("central", "中央财政资金"), ("provincial", "省级财政资金"), ("local", "市县（区）财政资金"),
    ("selfRaised", "单位自筹"), ("other", "其他资金"),
  ]

  /// A line by JSON key (`total` or one of `parts`).
  public subscript(key: String) -> Amount? {
    get {
      switch key {
      case "total": total
      case "central": central
      case "provincial": provincial
      case "local": local
      case "selfRaised": selfRaised
      case "other": other
      default: nil
      }
    }
    set {
      switch key {
      case "total": total = newValue
      case "central": central = newValue
      case "provincial": provincial = newValue
      case "local": local = newValue
      case "selfRaised": selfRaised = newValue
      case "other": other = newValue
      default: break
      }
    }
  }

  /// The sum of the breakdown lines (blank when every line is blank, or when the sum does not
  /// fit an amount; validation sums the lines itself and reports that case).
  public var sumOfParts: Amount? {
    let values = Self.parts.compactMap { self[$0.key] }
    return values.isEmpty ? nil : Amount.sum(values)
  }
}

/// Which column block of the 绩效指标 an indicator belongs to.
public enum IndicatorPeriod: String, Sendable, CaseIterable, Codable {
  /// The left block: targets for the whole 实施期.
  case implementation
  /// The right block: targets for the budget year.
  case annual
}

/// One 绩效指标 row of one period: 一级/二级/三级指标 and 指标值 (empty text where the form leaves
/// the cell blank, as for 成本指标 rows without an indicator).
public struct PerformanceIndicator: Sendable, Equatable {
  /// 实施期 or 年度.
  public var period: IndicatorPeriod
  /// 一级指标, e.g. `产出指标`.
  public var level1: String
  /// 二级指标, e.g. `数量指标`.
  public var level2: String
  /// 三级指标, e.g. `科技局机关电费`.
  public var level3: String
  /// 指标值, e.g. `≥99%`.
  public var value: String

  /// Creates an indicator row.
  public init(period: IndicatorPeriod, level1: String, level2: String, level3: String = "", value: String = "") {
    self.period = period
    self.level1 = level1
    self.level2 = level2
    self.level3 = level3
    self.value = value
  }

  /// Whether the row names an indicator (has a 三级指标 or a value), not only its category.
  public var isFilled: Bool { !level3.isEmpty || !value.isEmpty }
}
