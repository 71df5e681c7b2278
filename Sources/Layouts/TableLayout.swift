import Budget

/// How one printed column maps onto the model.
public struct ColumnSpec: Sendable {
  /// What the column holds.
  public enum Role: Sendable, Equatable {
    /// The classification code.
    case code
    /// One part of a code split over columns: 0 = 类, 1 = 款, 2 = 项.
    case codePart(Int)
    /// The row name.
    case name
    /// A second name column (表6's 政府预算支出经济科目名称).
    case secondName
    /// An amount column with its canonical key (see `ColumnKey`).
    case amount(String)
  }

  /// What the column holds.
  public var role: Role
  /// The header path as printed, top to bottom; `{Y}` stands for the year. Rendering uses it, and
  /// its last element is the first alias for matching.
  public var header: [String]
  /// Further leaf texts that mean the same column in other templates.
  public var aliases: [String]
  /// When set, some header above the leaf must be one of these (to tell 收入/项目 from 支出/项目).
  public var parents: [String]?
  /// Whether the table cannot be read without this column.
  public var required: Bool

  /// Declares a column.
  public init(
    _ role: Role, _ header: [String], aliases: [String] = [], parents: [String]? = nil, required: Bool = false
  ) {
    self.role = role
    self.header = header
    self.aliases = aliases
    self.parents = parents
    self.required = required
  }

  /// Normalized leaf texts that identify the column.
  var leafKeys: [String] { ([header.last ?? ""] + aliases).map(Normalize.header) }
}

/// One part of a table: its columns and the header word that marks where it starts.
public struct SectionLayout: Sendable {
  /// Which part this is.
  public var role: SectionRole
  /// For side-by-side parts, the top header texts that head this part (`收入`, `支出`).
  public var anchors: [String]
  /// The columns, in printed order.
  public var columns: [ColumnSpec]

  /// Declares a section.
  public init(_ role: SectionRole = .main, anchors: [String] = [], columns: [ColumnSpec]) {
    self.role = role
    self.anchors = anchors
    self.columns = columns
  }

  /// Canonical keys of the amount columns, in order.
  public var amountKeys: [String] {
    columns.compactMap { if case .amount(let k) = $0.role { return k } else { return nil } }
  }
}

/// A declaration of one standard table: how to recognize it in a grid, how its columns map to
/// the model, and how to render it back. A province's template is a new value, not new code.
public struct TableLayout: Sendable {
  /// The table's number in its set (预算公开表N, 公开NN表, the Shanghai sheet order).
  public var number: Int
  /// What the table is, in the vocabulary shared by every set.
  public var kind: TableKind
  /// The title without its year, as rendered after `{Y}年`.
  public var titleStem: String {
    didSet { normalizedStemStorage = Normalize.titleStem(Normalize.header(titleStem)) }
  }
  private var normalizedStemStorage: String
  /// The sheet name of the formatted workbook; nil: the set's label of the table.
  public var sheetName: String?
  /// The unit the set prints this table in, when it differs from the set's (Shanghai's 三公 table: 万元).
  public var unit: String?
  /// Row names (normalized) after which the table ends (收入总计 of a balance table, 合计 printed last):
  /// what follows on the sheet belongs to something else.
  public var closingNames: [String]
  /// Title fragments (normalized) of which one must occur in a title.
  public var titleKeywords: [String] {
    didSet { titleKeywordList = NameList(titleKeywords) }
  }
  /// Title fragments that rule this layout out (to tell 表3 from 表5 and 表8).
  public var titleExclusions: [String] {
    didSet { titleExclusionList = NameList(titleExclusions) }
  }
  /// `titleKeywords` and `titleExclusions` for look-ups.
  private(set) var titleKeywordList: NameList
  private(set) var titleExclusionList: NameList
  /// The parts of the table.
  public var sections: [SectionLayout] {
    didSet { headerVocabulary = Self.vocabulary(of: sections) }
  }
  /// Whether a row of column numbers (1, 2, 3 …) is printed under the headers.
  public var numberedColumns: Bool
  /// Row names (normalized) that are totals.
  public var totalNames: [String] {
    didSet { totalNameList = NameList(totalNames) }
  }
  /// Row names that start a line of their own even with no amounts (fixed lines of 表1/表4/表10).
  public var fixedLineNames: [String] {
    didSet { fixedLineNameList = NameList(fixedLineNames) }
  }
  /// `totalNames` for look-ups.
  private(set) var totalNameList: NameList
  /// `fixedLineNames` for look-ups.
  private(set) var fixedLineNameList: NameList

  /// Declares a table; `kind` defaults to the kind of the Datong/Shanxi table of that number.
  public init(
    number: Int, kind: TableKind? = nil, titleStem: String, titleKeywords: [String], titleExclusions: [String] = [],
    sections: [SectionLayout], numberedColumns: Bool = false,
    totalNames: [String] = ["合计", "总计"], fixedLineNames: [String] = [], closingNames: [String] = [],
    sheetName: String? = nil, unit: String? = nil
  ) {
    self.number = number
    self.kind = kind ?? TableKind.datong(number) ?? TableKind(rawValue: "table-\(number)")
    self.titleStem = titleStem
    self.normalizedStemStorage = Normalize.titleStem(Normalize.header(titleStem))
    self.sheetName = sheetName
    self.unit = unit
    self.closingNames = closingNames.map(Normalize.header)
    self.titleKeywords = titleKeywords.map(Normalize.header)
    self.titleExclusions = titleExclusions.map(Normalize.header)
    self.titleKeywordList = NameList(self.titleKeywords)
    self.titleExclusionList = NameList(self.titleExclusions)
    self.sections = sections
    self.numberedColumns = numberedColumns
    self.totalNames = totalNames.map(Normalize.header)
    self.fixedLineNames = fixedLineNames.map(Normalize.header)
    self.totalNameList = NameList(self.totalNames)
    self.fixedLineNameList = NameList(self.fixedLineNames)
    self.headerVocabulary = Self.vocabulary(of: sections)
  }

  /// Whether a (normalized) title names this table.
  func matchesTitle(_ normalizedTitle: String) -> Bool {
    titleKeywordList.anyOccurs(in: normalizedTitle) && !titleExclusionList.anyOccurs(in: normalizedTitle)
  }

  /// Whether a (normalized) title is this table's own title, up to the year: the strong evidence
  /// that detection weighs above a keyword.
  func isOwnTitle(_ normalizedTitle: String) -> Bool {
    Normalize.titleStem(normalizedTitle) == normalizedStem
  }

  /// `titleStem` normalized, without a year (computed once: every title-like cell of every sheet
  /// is compared with it, for every set).
  var normalizedStem: String { normalizedStemStorage }

  /// Every header text this layout knows (normalized), for telling header rows from data rows.
  private(set) var headerVocabulary: NameList

  static func vocabulary(of sections: [SectionLayout]) -> NameList {
    var words: [String] = []
    for section in sections {
      words += section.anchors.map(Normalize.header)
      for column in section.columns {
        words += column.header.map(Normalize.header)
        words += column.leafKeys
        words += (column.parents ?? []).map(Normalize.header)
      }
    }
    return NameList(words.filter { !$0.isEmpty })
  }
}

/// How a set labels its tables: a prefix, the number (padded to `digits`), a suffix:
/// `预算公开表3`, `公开05表`.
public struct TableLabel: Sendable, Equatable {
  /// Text before the number.
  public var prefix: String
  /// Text after the number.
  public var suffix: String
  /// The number's digits when printed (2 for `公开05表`).
  public var digits: Int

  /// Declares a label pattern.
  public init(_ prefix: String, suffix: String = "", digits: Int = 1) {
    self.prefix = prefix
    self.suffix = suffix
    self.digits = digits
  }

  /// The label of a table number.
  public func text(_ number: Int) -> String {
    let n = String(number)
    return prefix + String(repeating: "0", count: max(0, digits - n.count)) + n + suffix
  }

  /// The number of a normalized text that is such a label.
  func number(in normalized: String) -> Int? {
    guard normalized.hasPrefixFast(prefix), normalized.count > prefix.count + suffix.count,
      suffix.isEmpty || normalized.hasSuffix(suffix)
    else { return nil }
    let digits = normalized.dropFirst(prefix.count).dropLast(suffix.count)
    guard digits.count <= 3, digits.allSatisfy(\.isASCII) else { return nil }
    return Int(digits)
  }
}

/// A template set: the declarations of one province's (or the nation's) disclosure tables, with
/// what a workbook of the set prints around them. A new set is a new value (see `TemplateSets`),
/// never new control flow.
public struct LayoutSet: Sendable {
  /// The set's id, used by `--template` and written into JSON (`datong-shanxi`).
  public var name: String
  /// The Chinese name users know the set by.
  public var nameZh: String
  /// The English name.
  public var nameEn: String
  /// 预算 or 决算.
  public var stage: DisclosureStage
  /// 部门 or 单位.
  public var entity: DisclosureEntity
  /// The unit the set's tables print by default.
  public var unit: String
  /// How the set labels its tables; the first is the one written.
  public var labels: [TableLabel]
  /// The words of the department line as the set prints it (`部门名称：`, `编制部门：`).
  public var departmentLabel: String
  /// The rule groups of `Validation` that are written for this set's tables (empty: only the
  /// rules every set shares).
  public var ruleGroups: [String]
  /// Endings of the heading a set prints over all its tables (`年度部门决算表`, as in
  /// `上海市XX局2024年度部门决算表`), which names the department and the year (see `SetHeading`).
  public var headings: [String] = []
  /// The declarations.
  public var tables: [TableLayout]

  /// Creates a set.
  public init(
    name: String, nameZh: String = "", nameEn: String = "", stage: DisclosureStage = .budget,
    entity: DisclosureEntity = .department, unit: String = "万元", labels: [TableLabel] = [],
    departmentLabel: String = "部门名称：", ruleGroups: [String] = [], tables: [TableLayout]
  ) {
    self.name = name
    self.nameZh = nameZh
    self.nameEn = nameEn
    self.stage = stage
    self.entity = entity
    self.unit = unit
    self.labels = labels
    self.departmentLabel = departmentLabel
    self.ruleGroups = ruleGroups
    self.tables = tables
  }

  /// The declaration for a table number.
  public func layout(_ number: Int) -> TableLayout? { tables.first { $0.number == number } }

  /// The declaration for a table kind.
  public func layout(kind: TableKind) -> TableLayout? { tables.first { $0.kind == kind } }

  /// The printed label of a table number (`预算公开表3`, `公开05表`), if the set labels its tables.
  public func label(_ number: Int) -> String? { labels.first?.text(number) }

  /// The unit a table of the set prints in.
  public func unit(of layout: TableLayout) -> String { layout.unit ?? unit }

  /// The sheet name of a table in the formatted workbook.
  public func sheetName(_ layout: TableLayout) -> String {
    layout.sheetName ?? label(layout.number) ?? layout.titleStem
  }

  /// The table number of a normalized label text of this set.
  func labelNumber(_ normalized: String) -> Int? {
    for pattern in labels {
      if let n = pattern.number(in: normalized), layout(n) != nil { return n }
    }
    return nil
  }
}
