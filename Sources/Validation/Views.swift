import Budget

// The views cross-table rules compare: a table's coded rows by code, 表1/表4's lines by 类
// code or fund source, a table's 合计 row, Σ of a project table.

/// The key of a code's figure in one column of a view of several columns: `code|tag`. The usual
/// columns get a one-character tag so that the key stays a small (inline, unallocated) string;
/// any other column is tagged `=` + its key, which no usual tag equals.
func viewKey(_ code: String, _ column: String) -> String {
  let tag: String
  switch column {
  case ColumnKey.total: tag = "0"
  case ColumnKey.basic: tag = "1"
  case ColumnKey.project: tag = "2"
  case ColumnKey.generalPublic: tag = "3"
  case ColumnKey.governmentFund: tag = "4"
  case ColumnKey.stateCapital: tag = "5"
  case ColumnKey.specialAccount: tag = "6"
  case ColumnKey.unitFunds: tag = "7"
  case ColumnKey.carryover: tag = "8"
  default: tag = "=" + column
  }
  return code + "|" + tag
}

extension View {
  /// This view minus others, key by key (e.g. 表3 − 表8 − 表9).
  func minus(_ others: [View], nameZh: String, nameEn: String) -> View {
    var out = View(table: table, nameZh: nameZh, nameEn: nameEn)
    let allKeys = keys + others.flatMap(\.keys).filter { entries[$0] == nil }
    out.reserveCapacity(allKeys.count)
    var seen = Set<String>(minimumCapacity: allKeys.count)
    for key in allKeys where seen.insert(key).inserted {
      let mine = entries[key]
      var entry = mine ?? others.lazy.compactMap { $0.entries[key] }.first!
      entry.figure = mine?.figure ?? .blank
      for other in others {
        if let theirs = other.entries[key] { entry.figure.subtract(theirs.figure) }
      }
      out.add(key, entry)
    }
    return out
  }
}

extension ValidationContext {
  /// A table's rows by code (and its 合计 row under the key `合计`), one column or several
  /// (keys `viewKey(code, column)` when several); with `classesOnly`, only the 类 rows (keys
  /// whose code has 3 characters).
  func codeView(
    _ t: Int, role: SectionRole? = nil, columns: [String], total: Bool = true, classesOnly: Bool = false
  ) -> View {
    var view = View(table: t, nameZh: "预算公开表\(t)", nameEn: "Table \(t)")
    let parts = sections(t, role: role)
    view.reserveCapacity(parts.reduce(0) { $0 + $1.1.rows.count } * columns.count)
    for (table, section) in parts {
      for row in section.rows {
        let key: String
        if row.kind == .total {
          guard total, row == section.totalRow else { continue }
          key = "合计"
        } else {
          guard let code = row.code, !code.isEmpty else { continue }
          key = code
        }
        for column in columns {
          guard let i = section.columnIndex(column) else { continue }
          let k = columns.count == 1 ? key : viewKey(key, column)
          if classesOnly && keyCode(k).count != 3 { continue }
          view.add(
            k,
            View.Entry(
              rowLabel: .printed(row), columnLabel: .key(column), figure: figure(table, section, row, column: i)))
        }
      }
    }
    return view
  }

  /// The same view with every entry's column relabelled and its keys rewritten (to compare one
  /// table's 一般公共预算 column with another's 合计 column).
  func rekeyed(_ view: View, _ transform: (String) -> String) -> View {
    var out = View(table: view.table, nameZh: view.nameZh, nameEn: view.nameEn)
    for key in view.keys { out.add(transform(key), view.entries[key]!) }
    return out
  }

  /// 表1/表4 expenditure lines by 功能分类 类 code (keys `viewKey(code, column)` for several columns).
  func classLineView(_ t: Int, columns: [String]) -> View {
    var view = View(table: t, nameZh: "预算公开表\(t)", nameEn: "Table \(t)")
    guard let table = disclosure.table(t), let section = table.section(.expenditure) else { return view }
    guard let b = balance(t) else { return view }
    for (row, code) in zip(b.expenditureLines, b.lineCodes) {
      guard let code else { continue }
      for column in columns {
        guard let i = section.columnIndex(column) else { continue }
        let k = columns.count == 1 ? code : viewKey(code, column)
        view.add(
          k,
          View.Entry(
            rowLabel: .text(row.name), columnLabel: .key(column), figure: figure(table, section, row, column: i)))
      }
    }
    return view
  }

  /// 表1/表4 income side by fund-source column key; `本年收入合计` under `total` and the
  /// carry-over line under `carryover`.
  func incomeView(_ t: Int) -> View {
    var view = View(table: t, nameZh: "预算公开表\(t)", nameEn: "Table \(t)")
    guard let table = disclosure.table(t), let section = table.section(.income), let column = section.columns.first
    else {
      return view
    }
    guard let b = balance(t) else { return view }
    func add(_ key: String, _ row: BudgetRow) {
      view.add(
        key,
        View.Entry(rowLabel: .text(row.name), columnLabel: .key(column), figure: figure(table, section, row, column: 0))
      )
    }
    for (row, fund) in zip(b.incomeLines, b.incomeFunds) {
      if let fund { add(fund, row) }
    }
    if let r = b.incomeTotal { add(ColumnKey.total, r) }
    if let r = b.carryIn { add(ColumnKey.carryover, r) }
    return view
  }

  /// One figure of a table's 合计 (or named total) row, as a one-entry view under `key`.
  func totalView(
    _ t: Int, role: SectionRole? = nil, row pick: ((TableSection) -> BudgetRow?)? = nil, column: String, key: String
  )
    -> View
  {
    var view = View(table: t, nameZh: "预算公开表\(t)", nameEn: "Table \(t)")
    for (table, section) in sections(t, role: role) {
      guard let row = pick?(section) ?? section.totalRow, let i = section.columnIndex(column) else { continue }
      view.add(
        key,
        View.Entry(rowLabel: .printed(row), columnLabel: .key(column), figure: figure(table, section, row, column: i)))
      break
    }
    return view
  }

  /// Σ of a project table (表12/表13, which print no 合计 row) in one column, under `key`.
  func projectSumView(_ t: Int, column: String, key: String) -> View {
    var view = View(table: t, nameZh: "预算公开表\(t)", nameEn: "Table \(t)")
    guard let table = disclosure.table(t) else { return view }
    var sum = Figure.blank
    var count = 0
    for section in table.sections {
      guard let i = section.columnIndex(column) else { continue }
      for row in section.rows where row.kind == .item {
        sum.add(figure(table, section, row, column: i))
        count += 1
      }
    }
    view.add(
      key,
      View.Entry(rowLabel: .text("Σ项目（\(count)个）"), columnLabel: .key(column), figure: sum.terms == 0 ? .blank : sum))
    return view
  }
}
