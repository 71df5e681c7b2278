import Budget

/// The parts of 第三部分 情况说明 whose figures restate the tables.
public enum NarrativeSection: Int, Sendable, CaseIterable, Comparable {
  case change = 1
  case income, expenditure, fiscal, generalPublic, basic, threePublic, operating, procurement, performance

  /// The section a heading line starts, by its keywords.
  static func heading(_ line: String) -> NarrativeSection? {
    let keys: [(String, NarrativeSection)] = [
      ("收支数据变动", .change), ("收入预算情况", .income), ("支出预算情况", .expenditure), ("财政拨款收支", .fiscal),
      ("一般公共预算支出情况", .generalPublic), ("基本支出情况", .basic), ("三公", .threePublic), ("机关运行经费增减", .operating),
      ("政府采购情况", .procurement), ("绩效管理情况", .performance),
    ]
    guard line.count <= 60, let first = line.first, "一二三四五六七八九十".contains(first), line.contains("、") else { return nil }
    return keys.first { line.contains($0.0) }?.1
  }

  public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

  /// The tables the section's figures come from: without them it can be neither written nor
  /// checked. 政府采购 is in none of 预算公开表1–13 (`supported` is false for it).
  public var tables: [Int] {
    switch self {
    case .change, .income: return [1]
    case .expenditure: return [3]
    case .fiscal: return [4]
    case .generalPublic: return [5]
    case .basic: return [6]
    case .threePublic: return [10]
    case .operating: return [11]
    case .procurement: return []
    case .performance: return [12]
    }
  }

  /// Whether any table gives the section's figures (all but 政府采购).
  public var fromTables: Bool { !tables.isEmpty }

  /// The heading as the official text prints it, with its numeral (`四、财政拨款收支预算总体情况说明`).
  public var heading: String {
    let numeral = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"][rawValue - 1]
    let titles: [NarrativeSection: String] = [
      .change: "部门预算收支数据变动情况", .income: "收入预算情况说明", .expenditure: "支出预算情况说明",
      .fiscal: "财政拨款收支预算总体情况说明", .generalPublic: "一般公共预算支出情况说明", .basic: "一般公共预算基本支出情况说明",
      .threePublic: "“三公”经费预算情况说明", .operating: "机关运行经费情况说明", .procurement: "政府采购情况",
      .performance: "绩效管理情况",
    ]
    return numeral + "、" + (titles[self] ?? "")
  }
}

/// One figure a narrative states, as the tables give it.
public struct NarrativeClaim: Sendable {
  /// What the figure is.
  public enum Kind: Sendable {
    /// An amount in 万元 (or a count), with the percentage that may follow it (share or change).
    case amount(Amount?, percent: Amount?)
    /// The change on last year: this year's figure and last year's (nil when not given).
    case change(current: Amount, previous: Amount?)
    /// Last year's figure, printed for comparison (nil when not given).
    case previous(Amount?)
  }

  /// A stable id, e.g. `income.general_public` (for programs; people are shown `title`).
  public var id: String
  /// What the figure is, as a reader says it: `一般公共预算拨款收入`, `机关运行经费比上年增减`.
  public var title: String
  /// Label fragments that precede the number, in order (any one alternative).
  public var labels: [[String]]
  /// The figure.
  public var kind: Kind
  /// `万元` or `个`.
  public var unit: String
}

/// Every figure of the narrative computed from a disclosure, by section.
public struct NarrativeFigures: Sendable {
  /// Claims per section, in the order the official text states them.
  public var sections: [NarrativeSection: [NarrativeClaim]]
  /// Facts the generator prints.
  var facts: Facts

  /// The tables of 预算公开表1–13 that are missing for a section (empty when it can be written).
  public func missingTables(_ section: NarrativeSection) -> [Int] {
    section.tables.filter { !facts.tables.contains($0) }
  }

  /// The sections no table of this disclosure supports, in order, 政府采购 included.
  public var unsupportedSections: [NarrativeSection] {
    NarrativeSection.allCases.filter { !$0.fromTables || !missingTables($0).isEmpty }
  }

  struct Facts: Sendable {
    var department = ""
    var year: Int?
    /// The numbers of the tables present.
    var tables: Set<Int> = []
    var total: Amount = .zero
    var currentIncome: Amount = .zero
    var carryover: Amount = .zero
    var previousTotal: Amount?
    var incomes: [(name: String, amount: Amount)] = []
    var basic: Amount = .zero
    var project: Amount = .zero
    var fiscalTotal: Amount = .zero
    var fiscalIncomes: [(name: String, amount: Amount)] = []
    var fiscalCurrent: Amount = .zero
    var fiscalCarryover: Amount = .zero
    var fiscalClasses: [(name: String, amount: Amount)] = []
    var gpb: Amount = .zero
    var previousGPB: Amount?
    var gpbClasses: [(name: String, amount: Amount)] = []
    var basicGPB: Amount = .zero
    var personnel: Amount = .zero
    var publicUse: Amount = .zero
    var threePublic: Amount = .zero
    var threePublicItems: [(name: String, amount: Amount)] = []
    var operating: Amount?
    var previousOperating: Amount?
    var projectCount = 0
    var projectTotal: Amount = .zero
    var projectGPB: Amount = .zero
  }

  /// Last year's figures, from `--previous` or `--previous-total`.
  public struct Previous: Sendable {
    /// 收支总计.
    public var total: Amount?
    /// 一般公共预算当年拨款.
    public var generalPublic: Amount?
    /// 机关运行经费.
    public var operating: Amount?

    /// Creates last year's figures.
    public init(total: Amount? = nil, generalPublic: Amount? = nil, operating: Amount? = nil) {
      self.total = total
      self.generalPublic = generalPublic
      self.operating = operating
    }

    /// Last year's figures from last year's disclosure.
    public init(_ d: Disclosure) {
      let f = NarrativeFigures(d, previous: Previous())
      self.init(total: f.facts.total, generalPublic: f.facts.gpb, operating: f.facts.operating)
    }
  }

  /// Computes the figures of a disclosure.
  public init(_ d: Disclosure, previous: Previous) {
    var f = Facts()
    f.department = d.department
    f.year = d.year
    f.tables = Set(d.tables.map(\.number))
    let named = { (t: Int, role: SectionRole, name: String, key: String) -> Amount? in
      guard let s = d.table(t)?.section(role), let row = s.row(named: name) else { return nil }
      return s.amount(row, key)
    }
    let income = { (t: Int, name: String) in named(t, .income, name, ColumnKey.amount) ?? .zero }
    let t3 = d.table(3)?.section(.main)
    let t3Total = t3?.totalRows.first
    f.total = income(1, "收入总计")
    if f.total.isZero, let t3, let t3Total { f.total = t3.amount(t3Total, ColumnKey.total) ?? .zero }
    f.currentIncome = income(1, "本年收入合计")
    f.carryover = income(1, "上年结转")
    f.previousTotal = previous.total
    f.incomes = [
      ("一般公共预算拨款收入", income(1, "一般公共预算")), ("政府性基金预算拨款收入", income(1, "政府性基金预算")),
      ("国有资本经营预算拨款收入", income(1, "国有资本经营预算")), ("财政专户管理资金收入", income(1, "财政专户管理资金")),
      ("单位资金", income(1, "单位资金")), ("上年结转", f.carryover),
    ]
    if let t3, let t3Total {
      f.basic = t3.amount(t3Total, ColumnKey.basic) ?? .zero
      f.project = t3.amount(t3Total, ColumnKey.project) ?? .zero
    }
    f.fiscalTotal = income(4, "收入总计")
    f.fiscalIncomes = [
      ("一般公共预算拨款", income(4, "一般公共预算")), ("政府性基金预算拨款", income(4, "政府性基金预算")),
      ("国有资本经营预算拨款", income(4, "国有资本经营预算")),
    ]
    f.fiscalCurrent = income(4, "本年收入合计")
    f.fiscalCarryover = income(4, "上年财政拨款结转")
    if let s = d.table(4)?.section(.expenditure) {
      f.fiscalClasses = s.rows.filter { $0.kind == .item }.compactMap { r in
        guard let a = s.amount(r, ColumnKey.total), !a.isZero else { return nil }
        return (BudgetRow.normalizedName(r.name), a)
      }
    }
    if let s = d.table(5)?.section(.main) {
      if let t = s.totalRows.first {
        f.gpb = s.amount(t, ColumnKey.total) ?? .zero
        f.basicGPB = s.amount(t, ColumnKey.basic) ?? .zero
      }
      f.gpbClasses = s.rows.filter { $0.level == 1 }.compactMap { r in
        guard let a = s.amount(r, ColumnKey.total), !a.isZero else { return nil }
        return (r.name, a)
      }
    }
    f.previousGPB = previous.generalPublic
    if let s = d.table(6)?.section(.main), let t = s.totalRows.first {
      f.basicGPB = s.amount(t, ColumnKey.total) ?? f.basicGPB
      f.personnel = s.amount(t, ColumnKey.personnel) ?? .zero
      f.publicUse = s.amount(t, ColumnKey.publicUse) ?? .zero
    }
    if let s = d.table(10)?.section(.main) {
      if let t = s.totalRows.first { f.threePublic = s.amount(t, ColumnKey.total) ?? .zero }
      let amount = { (n: String) in s.row(named: n).flatMap { s.amount($0, ColumnKey.total) } ?? .zero }
      f.threePublicItems = ["因公出国（境）费", "公务接待费", "公务用车运行维护费", "公务用车购置费"].map { ($0, amount($0)) }
    }
    if let s = d.table(11)?.section(.main), let t = s.totalRows.first {
      f.operating = s.amount(t, ColumnKey.total) ?? .zero
    }
    f.previousOperating = previous.operating
    if let s = d.table(12)?.section(.main) {
      let rows = s.rows.filter { $0.kind == .item }
      f.projectCount = rows.count
      // A sum beyond an amount's range (hostile input only) stays 0 rather than trapping.
      f.projectTotal = Amount.sum(rows.compactMap { s.amount($0, ColumnKey.total) }) ?? .zero
      f.projectGPB = Amount.sum(rows.compactMap { s.amount($0, ColumnKey.generalPublic) }) ?? .zero
    }
    if !d.forms.isEmpty { f.projectCount = max(f.projectCount, d.forms.count) }
    self.facts = f
    self.sections = Self.claims(f)
  }

  static func claims(_ f: Facts) -> [NarrativeSection: [NarrativeClaim]] {
    let share = { (a: Amount, of: Amount) in a.percent(of: of) }
    // The title is the first label unless given (most labels are the words printed before the figure).
    let amount = { (id: String, labels: [[String]], a: Amount?, pct: Amount?) in
      NarrativeClaim(
        id: id, title: Self.titles[id] ?? labels[0].joined(), labels: labels, kind: .amount(a, percent: pct), unit: "万元"
      )
    }
    let change = { (id: String, current: Amount, previous: Amount?) in
      NarrativeClaim(
        id: id, title: Self.titles[id] ?? id, labels: [["比上年增加"], ["比上年减少"], ["较上年增加"], ["较上年减少"]],
        kind: .change(current: current, previous: previous), unit: "万元")
    }
    var out: [NarrativeSection: [NarrativeClaim]] = [:]
    out[.change] = [
      amount("change.income_total", [["收入总计"]], f.total, nil),
      amount("change.current_income", [["本年收入"]], f.currentIncome, nil),
      amount("change.carryover", [["上年结转"]], f.carryover, nil), change("change.total", f.total, f.previousTotal),
      amount("change.expenditure_total", [["支出总计"]], f.total, nil),
      amount("change.current_arranged", [["本年预算安排"]], f.currentIncome, nil),
    ]
    out[.income] =
      [amount("income.total", [["预算收入"]], f.total, nil)]
      + f.incomes.map { amount("income." + $0.name, [[$0.name]], $0.amount, share($0.amount, f.total)) }
    out[.expenditure] = [
      amount("expenditure.total", [["支出预算"]], f.total, nil),
      amount("expenditure.basic", [["基本支出"]], f.basic, share(f.basic, f.total)),
      amount("expenditure.project", [["项目支出"]], f.project, share(f.project, f.total)),
    ]
    out[.fiscal] =
      [
        amount("fiscal.total", [["总预算"], ["收支总预算"]], f.fiscalTotal, nil),
        amount("fiscal.current", [["当年拨款收入"]], f.fiscalCurrent, nil),
        amount("fiscal.carryover", [["上年结转收入"]], f.fiscalCarryover, nil),
      ] + f.fiscalIncomes.map { amount("fiscal." + $0.name, [[$0.name]], $0.amount, nil) }
      + f.fiscalClasses.map { amount("fiscal." + $0.name, [[$0.name]], $0.amount, share($0.amount, f.fiscalTotal)) }
    out[.generalPublic] =
      [
        amount("general_public.total", [["一般公共预算当年拨款"]], f.gpb, nil),
        change("general_public.change", f.gpb, f.previousGPB),
      ] + f.gpbClasses.map { amount("general_public." + $0.name, [[$0.name]], $0.amount, share($0.amount, f.gpb)) }
    out[.basic] = [
      amount("basic.total", [["基本支出"]], f.basicGPB, nil), amount("basic.personnel", [["人员经费"]], f.personnel, nil),
      amount("basic.public_use", [["公用经费"]], f.publicUse, nil),
    ]
    out[.threePublic] =
      [amount("three_public.total", [["经费预算"], ["三公"]], f.threePublic, nil)]
      + f.threePublicItems.map { amount("three_public." + $0.name, [[$0.name]], $0.amount, nil) }
    var operating = [amount("operating.total", [["年初预算"], ["机关运行经费"]], f.operating, nil)]
    operating.append(
      NarrativeClaim(
        id: "operating.previous", title: "上年机关运行经费年初预算", labels: [["较", "年初预算"], ["较", "机关运行经费"]],
        kind: .previous(f.previousOperating), unit: "万元"))
    if let current = f.operating {
      operating.append(
        NarrativeClaim(
          id: "operating.change", title: "机关运行经费比上年增减", labels: [["减少"], ["增加"]],
          kind: .change(current: current, previous: f.previousOperating), unit: "万元"))
    }
    out[.operating] = operating
    out[.performance] = [
      NarrativeClaim(
        id: "performance.count", title: "实行绩效目标管理的项目数", labels: [["项目"]],
        kind: .amount(Amount(f.projectCount), percent: nil),
        unit: "个"),
      amount("performance.general_public", [["一般公共预算当年拨款"], ["一般公共预算"]], f.projectGPB, nil),
      amount("performance.total", [["当年拨款"], ["涉及"]], f.projectTotal, nil),
    ]
    // A section whose tables are missing has no claims: its figures are not checkable, not zero.
    return out.filter { section, _ in section.tables.allSatisfy(f.tables.contains) }
  }

  /// Titles of the claims whose first label does not say what they are.
  static let titles: [String: String] = [
    "change.income_total": "收入总计", "change.current_income": "本年收入", "change.carryover": "上年结转",
    "change.total": "收支总计比上年增减", "change.expenditure_total": "支出总计", "change.current_arranged": "本年预算安排",
    "income.total": "预算收入总计", "expenditure.total": "支出预算总计", "fiscal.total": "财政拨款收支总预算",
    "general_public.change": "一般公共预算当年拨款比上年增减", "basic.total": "一般公共预算基本支出",
    "three_public.total": "“三公”经费预算", "operating.total": "机关运行经费年初预算",
    "performance.general_public": "绩效目标管理项目的一般公共预算当年拨款", "performance.total": "绩效目标管理项目涉及的当年拨款",
  ]
}

extension Amount {
  /// As the narrative prints amounts: `1,331.42`, and `0` for zero.
  var narrative: String { isZero ? "0" : grouped() }
}
