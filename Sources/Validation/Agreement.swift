import Budget
import Sheets

/// One view of the budget: figures keyed by what they measure (a code, a fund source, a total),
/// as one table prints them. Cross-table rules say "these two views agree".
public struct View: Sendable {
  /// One figure of the view.
  public struct Entry: Sendable {
    /// The row as users know it.
    public var row: String
    /// The column's Chinese header.
    public var column: String
    /// The value and its cells.
    public var figure: Figure
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
    if var existing = entries[key] {
      existing.figure = Figure.sum([existing.figure, figure])
      entries[key] = existing
    } else {
      keys.append(key)
      entries[key] = Entry(row: row, column: column, figure: figure)
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
      let row = a?.row ?? b?.row ?? key
      let column = a?.column ?? b?.column ?? ""
      let basisRow = b.map { "\($0.row) \($0.column)" } ?? row
      if let f = compare(
        ruleId: ruleId, severity: severity, table: found.table, row: row, column: column,
        found: a?.figure ?? .blank, expected: b?.figure ?? .blank,
        basisZh: "\(expected.nameZh) \(basisRow)", basisEn: "\(expected.nameEn) \(basisRow)")
      {
        findings.append(f)
      }
    }
    return findings
  }
}
