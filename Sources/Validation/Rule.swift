import Budget
import Messages

/// How serious a finding is.
public enum Severity: String, Sendable, CaseIterable, Comparable {
  /// The numbers disagree: the disclosure is wrong.
  case error
  /// Probably wrong, or depends on facts the tables do not show (which units are 参公, a catalog gap).
  case warning
  /// A sum off by at most 0.01 per summed term: rows were rounded separately (元 → 万元).
  case rounding
  /// Worth knowing, not a fault of the disclosure (a code the partial shipped catalog lacks, a
  /// sheet that is not a table). Never fails a run, not even with `--strict`.
  case info

  /// Orders errors first.
  public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }

  private var rank: Int {
    switch self {
    case .error: 0
    case .warning: 1
    case .rounding: 2
    case .info: 3
    }
  }

  /// The Chinese word used in reports.
  public var chineseName: String {
    switch self {
    case .error: "错误"
    case .warning: "警告"
    case .rounding: "尾差"
    case .info: "提示"
    }
  }

  /// Whether a finding of this severity makes the exit status 1: errors always, every other
  /// severity but `info` with `strict`.
  public func fails(strict: Bool) -> Bool {
    switch self {
    case .error: true
    case .warning, .rounding: strict
    case .info: false
    }
  }
}

/// Which family a rule belongs to; reports group by it.
public enum RuleGroup: String, Sendable, CaseIterable {
  /// Arithmetic inside one table (类 = Σ款, 合计 = Σ columns …).
  case withinTable = "within-table"
  /// Two tables are two views of one budget and must agree.
  case acrossTables = "across-tables"
  /// Shape, parentage and naming of classification codes.
  case codes
  /// Codes and names against the government classification catalog.
  case catalog
  /// The 绩效目标申报表 forms against 表12.
  case forms
}

/// One check, as a value: what it needs, how serious its findings are, and the check itself.
public struct Rule: Sendable {
  /// Stable id used in JSON and JUnit output, e.g. `T3.hierarchy`.
  public var id: String
  /// The family the rule belongs to.
  public var group: RuleGroup
  /// The severity of a finding unless the check decides otherwise (rounding).
  public var severity: Severity
  /// What the rule checks, in Chinese.
  public var descriptionZh: String
  /// What the rule checks, in English.
  public var descriptionEn: String
  /// The tables that must be present for the rule to run.
  public var tables: [Int]
  /// Whether the rule is pointless when every one of its tables holds no amount (within-table
  /// arithmetic on an empty table can find nothing, so it is reported as not applicable).
  public var needsData: Bool
  /// Whether the rule needs a classification catalog.
  public var needsCatalog: Bool
  /// Whether the rule reads the 绩效目标申报表 forms (not applicable when the input has none).
  public var needsForms: Bool
  /// Whether every table in `tables` must be present (true) or any one of them (false, for
  /// rules such as code checks that look at whichever coded tables there are).
  public var needsAllTables: Bool
  /// The template sets whose tables the rule is written for (by their numbers); nil: any set.
  public var templateSets: [String]?
  /// When set, the rule reads whichever tables of these kinds the disclosure has, in any set,
  /// and `tables` is not consulted: it applies when at least one is present.
  public var tableKinds: Set<TableKind>?
  /// Whether the rule runs only for a set no rule is written for: the checks every set shares
  /// (hierarchy, totals, column sums), which the Datong/Shanxi rules make in their own way.
  public var forSetsWithoutOwnRules = false
  /// Whether a set that this rule is written for counts as having rules of its own (so that the
  /// shared checks stand aside for it). False for rules that add to the shared checks instead
  /// of making them their own way (the 决算 cross-table rules).
  public var replacesSharedRules = true
  /// The check: every finding it makes.
  public var check: @Sendable (ValidationContext) -> [Finding]

  /// Creates a rule.
  public init(
    id: String, group: RuleGroup, severity: Severity = .error, descriptionZh: String, descriptionEn: String,
    tables: [Int], needsData: Bool = false, needsCatalog: Bool = false, needsAllTables: Bool = true,
    needsForms: Bool = false, check: @escaping @Sendable (ValidationContext) -> [Finding]
  ) {
    self.id = id
    self.group = group
    self.severity = severity
    self.descriptionZh = descriptionZh
    self.descriptionEn = descriptionEn
    self.tables = tables
    self.needsData = needsData
    self.needsCatalog = needsCatalog
    self.needsAllTables = needsAllTables
    self.needsForms = needsForms
    self.check = check
  }

  /// The same rule, for the tables of these kinds in every template set.
  public func reading(kinds: Set<TableKind>) -> Rule {
    var copy = self
    copy.tableKinds = kinds
    return copy
  }

  /// The same rule, written for the tables of these template sets.
  public func written(for sets: [String], replacingSharedRules: Bool = true) -> Rule {
    var copy = self
    copy.templateSets = sets
    copy.replacesSharedRules = replacingSharedRules
    return copy
  }

  /// Why the rule cannot run on a context, or nil when it can.
  public func notApplicableReason(in context: ValidationContext) -> NotApplicable? {
    if let sets = templateSets, !sets.contains(context.disclosure.templateSet) {
      return .otherTemplate(context.disclosure.templateSet)
    }
    guard !forSetsWithoutOwnRules else { return nil }
    let present: [BudgetTable]
    if let kinds = tableKinds {
      present = context.disclosure.tables.filter { kinds.contains($0.kind) }
      if present.isEmpty { return .kindsAbsent(kinds.sorted()) }
    } else {
      present = tables.compactMap { context.disclosure.table($0) }
      let missing = present.count == tables.count ? [] : tables.filter { t in !present.contains { $0.number == t } }
      if needsAllTables ? !missing.isEmpty : present.isEmpty { return .tablesAbsent(missing) }
    }
    if needsForms && context.disclosure.forms.isEmpty { return .noForms }
    if needsCatalog && context.catalog == nil { return .noCatalog }
    // A coded row (what `codedRows` lists) or a second name, looked for without building row lists.
    if group == .codes || group == .catalog,
      !present.contains(where: {
        $0.sections.contains {
          $0.rows.contains { ($0.kind == .item && !($0.code ?? "").isEmpty) || $0.secondName != nil }
        }
      })
    {
      return .noCodes(present.map(\.number))
    }
    if needsData, present.allSatisfy(\.hasNoData) { return .tablesEmpty(present.map(\.number)) }
    return nil
  }
}

/// Why a rule did not run.
public enum NotApplicable: Sendable, Equatable {
  /// These tables are not in the input.
  case tablesAbsent([Int])
  /// The input has no table of these kinds.
  case kindsAbsent([TableKind])
  /// These tables hold no amount (blank, 0.00 or `注：本表无数据`), so there is nothing to add up.
  case tablesEmpty([Int])
  /// No classification catalog was given.
  case noCatalog
  /// None of these tables prints a classification code.
  case noCodes([Int])
  /// The rule is written for the tables of another template set than the disclosure's.
  case otherTemplate(String)
  /// The disclosure's template set has rules of its own for this check.
  case setHasOwnRules(String)
  /// The input carries no 绩效目标申报表 form.
  case noForms

  /// A one-line reason.
  public func message(_ language: Language) -> String {
    switch (self, language) {
    case (.tablesAbsent(let t), .zh): "缺少" + t.map { "预算公开表\($0)" }.joined(separator: "、")
    case (.tablesAbsent(let t), .en): "table " + t.map(String.init).joined(separator: ", ") + " absent"
    case (.kindsAbsent(let k), .zh): "没有以下类型的表：" + k.map(\.chineseName).joined(separator: "、")
    case (.kindsAbsent(let k), .en): "no table of the kinds " + k.map(\.rawValue).joined(separator: ", ")
    case (.tablesEmpty(let t), .zh): t.map { "预算公开表\($0)" }.joined(separator: "、") + "无数据"
    case (.tablesEmpty(let t), .en): "table " + t.map(String.init).joined(separator: ", ") + " holds no amounts"
    case (.noCodes(let t), .zh): t.map { "预算公开表\($0)" }.joined(separator: "、") + "均无科目编码"
    case (.noCodes(let t), .en): "no classification code in table " + t.map(String.init).joined(separator: ", ")
    case (.otherTemplate(let set), .zh): "本规则按其他模板的表编号编写，不适用于模板 \(set)"
    case (.otherTemplate(let set), .en): "written for another template set's tables, not for \(set)"
    case (.setHasOwnRules(let set), .zh): "模板 \(set) 有专门的规则"
    case (.setHasOwnRules(let set), .en): "the template set \(set) has rules of its own for this"
    case (.noCatalog, .zh): "未提供政府收支分类科目"
    case (.noCatalog, .en): "no classification catalog given"
    case (.noForms, .zh): "未读入绩效目标申报表"
    case (.noForms, .en): "no performance-target form was read"
    }
  }
}
