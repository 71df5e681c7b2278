/// One department's budget disclosure for one year: the tables present and, where present,
/// the project performance-target forms.
public struct Disclosure: Sendable, Equatable {
  /// Department name as printed after `部门名称：`, e.g. `大同市科学技术局[部门]`.
  public var department: String
  /// Department code where known (e.g. `055` from a form's 主管部门及代码).
  public var departmentCode: String?
  /// Budget year, from the titles (e.g. 2023).
  public var year: Int?
  /// The unit most of the set's tables are published in (`万元`, `元`); each table states the
  /// unit of its own amounts (`BudgetTable.unit`), which is never converted silently.
  public var unit: String
  /// The id of the template set the disclosure was read as (`datong-shanxi`, `shanghai-district-department` …).
  public var templateSet: String
  /// 预算 or 决算.
  public var stage: DisclosureStage
  /// 部门 or 单位.
  public var entity: DisclosureEntity
  /// The tables present, ordered by number.
  public var tables: [BudgetTable]
  /// Project performance-target forms (绩效目标申报表), amounts in 元.
  public var forms: [PerformanceForm]

  /// Creates a disclosure.
  public init(
    department: String, departmentCode: String? = nil, year: Int? = nil, unit: String = "万元",
    templateSet: String = Disclosure.datongSet, stage: DisclosureStage = .budget,
    entity: DisclosureEntity = .department,
    tables: [BudgetTable] = [], forms: [PerformanceForm] = []
  ) {
    self.department = department
    self.departmentCode = departmentCode
    self.year = year
    self.unit = unit
    self.templateSet = templateSet
    self.stage = stage
    self.entity = entity
    self.tables = tables.sorted { $0.number < $1.number }
    self.forms = forms
  }

  /// The id of the Datong/Shanxi set, the set of version-1 JSON documents.
  public static let datongSet = "datong-shanxi"

  /// The table with a number (its number in the disclosure's set), if present.
  public func table(_ number: Int) -> BudgetTable? {
    tables.first { $0.number == number }
  }

  /// The first table of a kind, if present.
  public func table(kind: TableKind) -> BudgetTable? {
    tables.first { $0.kind == kind }
  }

  /// The same disclosure with every provenance record removed, for comparing the content of
  /// two readings of different files.
  public func withoutProvenance() -> Disclosure {
    var copy = self
    copy.tables = tables.map { $0.withoutProvenance() }
    copy.forms = forms.map {
      var f = $0
      f.source = nil
      f.cells = [:]
      return f
    }
    return copy
  }
}

/// Where a table or value came from.
public struct SourceRef: Sendable, Hashable {
  /// The file name as given on the command line (or the JSON's recorded origin).
  public var file: String
  /// The sheet name (xlsx) or nil (CSV).
  public var sheet: String?
  /// The cell range the table occupies, in A1 form.
  public var range: String?

  /// Creates a source reference.
  public init(file: String, sheet: String? = nil, range: String? = nil) {
    self.file = file
    self.sheet = sheet
    self.range = range
  }

  /// What a user types to find the place: `book.xlsx 预算公开表3!C8` or `表03.csv!C8`.
  public func cell(_ a1: String) -> String {
    if let sheet { return "\(sheet)!\(a1)" }
    return "\(file)!\(a1)"
  }
}

/// The part of a table a row belongs to: most tables have one part; 表1, 表4 and 表9 print an
/// income side and an expenditure side next to each other.
public enum SectionRole: String, Sendable, CaseIterable, Codable {
  /// The only part of a one-part table.
  case main
  /// The income (收入) side.
  case income
  /// The expenditure (支出) side.
  case expenditure
  /// The expenditure side by use (支出用途: 基本支出, 项目支出 …), printed beside the side by function.
  case expenditureByUse = "expenditure-by-use"
  /// The 人员经费 part of a basic-expenditure table printed beside its 公用经费 part (决算).
  case personnel
  /// The 公用经费 part printed beside the 人员经费 part.
  case publicUse = "public-use"
}

/// What a row is.
public enum RowKind: String, Sendable, Codable, CaseIterable {
  /// A total line: 合计, 总计, 部门合计, 本年收入合计 …
  case total
  /// An ordinary line: a classification code, a named line, a project, a unit.
  case item
}

/// One table as published: its title and one or more sections of rows.
public struct BudgetTable: Sendable, Equatable {
  /// The table's number in its template set (预算公开表3 → 3, 公开05表 → 5, the Shanghai 部门支出预算总表 → 3).
  public var number: Int
  /// What the table is, in the vocabulary shared by every set.
  public var kind: TableKind
  /// The title as printed, e.g. `2023年预算支出总表`.
  public var title: String
  /// The label as printed (`预算公开表3`, `部门公开表9`), if the file has one.
  public var label: String?
  /// The note printed under the table, such as `注：本表无数据`.
  public var note: String?
  /// The unit printed on the table (`万元` or `元`).
  public var sourceUnit: String
  /// The unit of the amounts in `sections`: the printed one for everything Yusuan reads now
  /// (version-1 JSON documents held amounts converted to 万元).
  public var unit: String
  /// The parts of the table.
  public var sections: [TableSection]
  /// Where the table was read from.
  public var source: SourceRef?

  /// Creates a table.
  public init(
    number: Int, kind: TableKind? = nil, title: String, label: String? = nil, note: String? = nil,
    sourceUnit: String = "万元", unit: String? = nil, sections: [TableSection], source: SourceRef? = nil
  ) {
    self.number = number
    self.kind = kind ?? TableKind.datong(number) ?? TableKind(rawValue: "table-\(number)")
    self.title = title
    self.label = label
    self.note = note
    self.sourceUnit = sourceUnit
    self.unit = unit ?? sourceUnit
    self.sections = sections
    self.source = source
  }

  /// The section with a role, if present.
  public func section(_ role: SectionRole) -> TableSection? {
    sections.first { $0.role == role }
  }

  /// Whether the table holds no amount at all (every amount blank or zero), as in an empty table.
  public var hasNoData: Bool {
    sections.allSatisfy { $0.rows.allSatisfy { $0.amounts.allSatisfy { $0 == nil || $0!.isZero } } }
  }

  /// The label users know a Datong/Shanxi table by: `预算公开表3`.
  public var displayName: String { "预算公开表\(number)" }

  /// How messages name the table in any set: its printed label (`公开05表`), else its title.
  public var printedName: String {
    if let label, !label.isEmpty { return label }
    return title.isEmpty ? displayName : title
  }

  /// The same table without provenance.
  public func withoutProvenance() -> BudgetTable {
    var copy = self
    copy.source = nil
    copy.sections = sections.map { s in
      var s = s
      s.columnLetters = nil
      s.rows = s.rows.map {
        var r = $0
        r.line = nil
        r.sheet = nil
        return r
      }
      return s
    }
    return copy
  }
}

/// One part of a table: its amount columns (canonical keys) and its rows.
public struct TableSection: Sendable, Equatable {
  /// Which part this is.
  public var role: SectionRole
  /// Canonical keys of the amount columns, in printed order (see `ColumnKey`).
  public var columns: [String]
  /// The rows, in printed order.
  public var rows: [BudgetRow]
  /// Column letters (or CSV column letters) of the source, aligned with `columns`; nil when unknown.
  public var columnLetters: [String]?

  /// Creates a section.
  public init(role: SectionRole = .main, columns: [String], rows: [BudgetRow] = [], columnLetters: [String]? = nil) {
    self.role = role
    self.columns = columns
    self.rows = rows
    self.columnLetters = columnLetters
  }

  /// The index of a column key, if the section has it.
  public func columnIndex(_ key: String) -> Int? { columns.firstIndex(of: key) }

  /// The first row with a code, if any.
  public func row(code: String) -> BudgetRow? { rows.first { $0.code == code } }

  /// The first row whose name (without ordinal prefix or spaces) equals a name.
  public func row(named name: String) -> BudgetRow? {
    let key = BudgetRow.normalizedName(name)
    return rows.first { BudgetRow.normalizedName($0.name) == key }
  }

  /// The rows that are totals.
  public var totalRows: [BudgetRow] { rows.filter { $0.kind == .total } }

  /// The amount of a row in a column (nil for a blank cell or a missing column).
  public func amount(_ row: BudgetRow, _ key: String) -> Amount? {
    guard let i = columnIndex(key), i < row.amounts.count else { return nil }
    return row.amounts[i]
  }
}

/// One printed row.
public struct BudgetRow: Sendable, Equatable {
  /// Total or ordinary line.
  public var kind: RowKind
  /// Classification code as text (`2060101`), when the table prints one.
  public var code: String?
  /// The row's name as printed, without layout indentation and with wrapped lines joined.
  public var name: String
  /// A second name column where the table has one (表6: 政府预算支出经济科目名称).
  public var secondName: String?
  /// One amount per column of the section; nil is a blank cell, distinct from 0.00.
  public var amounts: [Amount?]
  /// The 1-based source row (line) number, for pointing at cells.
  public var line: Int?
  /// The sheet of `line` when it is not the table's own (a table continued onto the next sheet).
  public var sheet: String?

  /// Creates a row.
  public init(
    kind: RowKind = .item, code: String? = nil, name: String, secondName: String? = nil, amounts: [Amount?],
    line: Int? = nil, sheet: String? = nil
  ) {
    self.sheet = sheet
    self.kind = kind
    self.code = code
    self.name = name
    self.secondName = secondName
    self.amounts = amounts
    self.line = line
  }

  /// How users know the row: `2060101 行政运行`, or the name alone.
  public var displayName: String {
    var s = [code, name].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
    if let secondName, !secondName.isEmpty { s += " / " + secondName }
    return s
  }

  /// The classification level implied by a code's length (类 1, 款 2, 项 3, 目 4), if coded.
  public var level: Int? {
    guard let code else { return nil }
    switch code.count {
    case 3: return 1
    case 5: return 2
    case 7: return 3
    case 9: return 4
    default: return nil
    }
  }

  /// A name without ordinal prefix (`六、`, `①`), spaces or line breaks, for comparisons.
  public static func normalizedName(_ name: String) -> String {
    // Most names hold none of what is removed: no `、` or other U+3000–303F mark (E3 80 xx), no
    // circled number or general punctuation (E2), no space (ASCII, C2 A0/85, E1 9A 80, E2, E3 80 80).
    // Validation compares names of every row of every table, so those are answered on bytes.
    var previous: UInt8 = 0
    var plain = true
    for byte in name.utf8 {
      if byte <= 0x20 || byte == 0xC2 || byte == 0xE1 || byte == 0xE2 || (previous == 0xE3 && byte == 0x80) {
        plain = false
        break
      }
      previous = byte
    }
    if plain { return name }
    let scalars = Array(name.unicodeScalars)
    var start = 0
    if let mark = scalars.firstIndex(of: "、"), mark > 0, scalars[..<mark].allSatisfy({ chineseNumerals.contains($0) }) {
      start = mark + 1
    }
    while start < scalars.count, circledNumbers.contains(scalars[start]) { start += 1 }
    var out = String.UnicodeScalarView()
    for scalar in scalars[start...] where !scalar.isSpace { out.append(scalar) }
    return String(out)
  }

  private static let chineseNumerals = Set("一二三四五六七八九十".unicodeScalars)
  private static let circledNumbers = Set("①②③④⑤⑥⑦⑧⑨⑩".unicodeScalars)
}
