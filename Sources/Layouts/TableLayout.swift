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
  public init(_ role: Role, _ header: [String], aliases: [String] = [], parents: [String]? = nil, required: Bool = false) {
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
  /// The standard number (1...13).
  public var number: Int
  /// The title without its year, as rendered after `{Y}年`.
  public var titleStem: String
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

  /// Declares a table.
  public init(
    number: Int, titleStem: String, titleKeywords: [String], titleExclusions: [String] = [],
    sections: [SectionLayout], numberedColumns: Bool = false,
    totalNames: [String] = ["合计", "总计"], fixedLineNames: [String] = []
  ) {
    self.number = number
    self.titleStem = titleStem
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

/// A set of table declarations: the standard set of one province's template.
public struct LayoutSet: Sendable {
  /// A short name, e.g. `datong-2023`.
  public var name: String
  /// The declarations.
  public var tables: [TableLayout]

  /// Creates a set.
  public init(name: String, tables: [TableLayout]) {
    self.name = name
    self.tables = tables
  }

  /// The declaration for a table number.
  public func layout(_ number: Int) -> TableLayout? { tables.first { $0.number == number } }
}
