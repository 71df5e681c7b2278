import Budget
import Messages

/// One view of the budget: figures keyed by what they measure (a code, a fund source, a total),
/// as one table prints them. Cross-table rules say "these two views agree".
public struct View: Sendable {
  /// One figure of the view.
  public struct Entry: Sendable {
    /// How the row is named; a printed row is named (`BudgetRow.displayName`) only when a finding needs it.
    enum RowLabel: Sendable {
      case text(String)
      case printed(BudgetRow)
    }

    /// How the column is named; a column key is turned into its header only when a finding needs it.
    enum ColumnLabel: Sendable {
      case text(String)
      case key(String)
    }

    var rowLabel: RowLabel
    var columnLabel: ColumnLabel
    /// The value and its cells.
    public var figure: Figure

    /// The row as users know it.
    public var row: String {
      switch rowLabel {
      case .text(let text): text
      case .printed(let row): row.displayName
      }
    }

    /// The column's Chinese header.
    public var column: String {
      switch columnLabel {
      case .text(let text): text
      case .key(let key): ColumnKey.chineseName(key)
      }
    }
  }

  /// The table the view is read from (nil for a derived view such as Σ表12).
  public var table: Int?
  /// How the view is named in messages, e.g. `预算公开表2 一般公共预算`.
  public var nameZh: String
  /// The English name.
  public var nameEn: String
  /// Keys in printed order.
  public private(set) var keys: [String] = []
  /// Figures by key.
  public private(set) var entries: [String: Entry] = [:]

  /// Creates an empty view.
  public init(table: Int?, nameZh: String, nameEn: String) {
    self.table = table
    self.nameZh = nameZh
    self.nameEn = nameEn
  }

  /// Adds (or, for a repeated key, adds to) a figure.
  public mutating func add(_ key: String, row: String, column: String, _ figure: Figure) {
    add(key, Entry(rowLabel: .text(row), columnLabel: .text(column), figure: figure))
  }

  /// Makes room for a number of entries.
  mutating func reserveCapacity(_ count: Int) {
    keys.reserveCapacity(count)
    entries.reserveCapacity(count)
  }

  /// Adds (or, for a repeated key, adds to) an entry: a repeated key keeps its first labels.
  mutating func add(_ key: String, _ entry: Entry) {
    // One hash for a new key (the usual case); a repeated key puts the first entry back, added to.
    if var first = entries.updateValue(entry, forKey: key) {
      first.figure.add(entry.figure)
      entries[key] = first
    } else {
      keys.append(key)
    }
  }
}

extension ValidationContext {
  /// Compares two views key by key: each key whose figures differ gives one finding located in
  /// `found`'s table, naming both cells. A key present on one side only is compared with blank.
  /// `keys` restricts the comparison (nil: every key of either view).
  public func agree(
    _ found: View, _ expected: View, ruleId: String, severity: Severity = .error, keys: [String]? = nil
  ) -> [Finding] {
    let order = keys ?? (found.keys + expected.keys.filter { found.entries[$0] == nil })
    var findings: [Finding] = []
    for key in order {
      let a = found.entries[key]
      let b = expected.entries[key]
      // Labels are read only for a finding.
      let row = { a?.row ?? b?.row ?? key }
      let basisRow = { b.map { "\($0.row) \($0.column)" } ?? row() }
      if let f = compare(
        ruleId: ruleId, severity: severity, table: found.table, row: row(), column: a?.column ?? b?.column ?? "",
        found: a?.figure ?? .blank, expected: b?.figure ?? .blank,
        basisZh: "\(expected.nameZh) \(basisRow())", basisEn: "\(expected.nameEn) \(basisRow())")
      {
        findings.append(f)
      }
    }
    return findings
  }
}
