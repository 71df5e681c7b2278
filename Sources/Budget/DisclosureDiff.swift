/// One value that differs between two readings of a disclosure.
public struct Difference: Sendable, Equatable, CustomStringConvertible {
  /// Table number, or nil for disclosure-level fields.
  public var table: Int?
  /// The row as users know it (`2060101 行政运行`), or the field name.
  public var row: String
  /// The column (Chinese header word) or field.
  public var column: String
  /// Where the value sits in the first reading (`预算公开表3!D8`), when known.
  public var cell: String?
  /// The value before.
  public var before: String
  /// The value after.
  public var after: String

  public var description: String {
    let place = [table.map { "预算公开表\($0)" }, row.isEmpty ? nil : row, column].compactMap { $0 }.joined(separator: " ")
    return "\(place)\(cell.map { "（\($0)）" } ?? "")：\(before) → \(after)"
  }
}

extension Disclosure {
  /// Every value that differs from `other`, ignoring provenance; cells are named from `self`.
  public func differences(from other: Disclosure) -> [Difference] {
    var out: [Difference] = []
    func field(_ name: String, _ a: String?, _ b: String?) {
      if a != b {
        out.append(Difference(table: nil, row: "", column: name, cell: nil, before: a ?? "（空）", after: b ?? "（空）"))
      }
    }
    field("部门名称", department, other.department)
    field("部门代码", departmentCode, other.departmentCode)
    field("年度", year.map(String.init), other.year.map(String.init))
    let numbers = Set(tables.map(\.number)).union(other.tables.map(\.number)).sorted()
    for n in numbers {
      guard let a = table(n), let b = other.table(n) else {
        out.append(
          Difference(
            table: n, row: "", column: "表", cell: nil, before: table(n) == nil ? "（无）" : "有",
            after: other.table(n) == nil ? "（无）" : "有"))
        continue
      }
      if a.title != b.title {
        out.append(Difference(table: n, row: "", column: "表名", cell: nil, before: a.title, after: b.title))
      }
      if a.note != b.note {
        out.append(
          Difference(table: n, row: "", column: "注", cell: nil, before: a.note ?? "（空）", after: b.note ?? "（空）"))
      }
      for sa in a.sections {
        guard let sb = b.section(sa.role) else {
          out.append(Difference(table: n, row: "", column: sa.role.rawValue, cell: nil, before: "有", after: "（无）"))
          continue
        }
        for i in 0..<max(sa.rows.count, sb.rows.count) {
          guard i < sa.rows.count, i < sb.rows.count else {
            let r = i < sa.rows.count ? sa.rows[i] : sb.rows[i]
            out.append(
              Difference(
                table: n, row: r.displayName, column: "行", cell: nil, before: i < sa.rows.count ? "有" : "（无）",
                after: i < sb.rows.count ? "有" : "（无）"))
            continue
          }
          let ra = sa.rows[i]
          let rb = sb.rows[i]
          let cellOf = { (letter: String?) -> String? in
            guard let letter, !letter.isEmpty, let line = ra.line, let source = a.source else { return nil }
            return source.cell("\(letter)\(line)")
          }
          if ra.code != rb.code {
            out.append(
              Difference(
                table: n, row: ra.displayName, column: "科目编码", cell: nil, before: ra.code ?? "（空）",
                after: rb.code ?? "（空）"))
          }
          if ra.name != rb.name {
            out.append(
              Difference(table: n, row: ra.displayName, column: "名称", cell: nil, before: ra.name, after: rb.name))
          }
          if ra.secondName != rb.secondName {
            out.append(
              Difference(
                table: n, row: ra.displayName, column: "第二名称", cell: nil, before: ra.secondName ?? "（空）",
                after: rb.secondName ?? "（空）"))
          }
          if ra.kind != rb.kind {
            out.append(
              Difference(
                table: n, row: ra.displayName, column: "行类型", cell: nil, before: ra.kind.rawValue,
                after: rb.kind.rawValue))
          }
          for (k, key) in sa.columns.enumerated() {
            let va = k < ra.amounts.count ? ra.amounts[k] : nil
            let vb = sb.amount(rb, key)
            if va != vb {
              out.append(
                Difference(
                  table: n, row: ra.displayName, column: ColumnKey.chineseName(key), cell: cellOf(sa.columnLetters?[k]),
                  before: va?.text() ?? "（空白）", after: vb?.text() ?? "（空白）"))
            }
          }
        }
      }
    }
    return out
  }
}
