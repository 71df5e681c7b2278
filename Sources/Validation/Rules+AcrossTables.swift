import Budget

// The 13 tables are views of one budget (fund source × function code × economic code ×
// basic/project × project). Every rule here reads two views and says they agree.

extension Rule {
  /// A cross-table rule: build two views, compare them key by key.
  static func views(
    _ id: String, tables: [Int], severity: Severity = .error, zh: String, en: String,
    _ build: @escaping @Sendable (ValidationContext) -> (found: View, expected: View)
  ) -> Rule {
    Rule(id: id, group: .acrossTables, severity: severity, descriptionZh: zh, descriptionEn: en, tables: tables) { ctx in
      let (a, b) = build(ctx)
      return ctx.agree(a, b, ruleId: id, severity: severity)
    }
  }

  private static let gpb = ColumnKey.generalPublic
  private static let fund = ColumnKey.governmentFund
  private static let soc = ColumnKey.stateCapital
  private static let total = ColumnKey.total

  /// Every cross-table rule of the Datong/Shanxi set.
  static let acrossTables: [Rule] = [
    views(
      "X.t2-t1.income", tables: [2, 1], zh: "预算公开表2 合计行（按资金来源、上年结转）= 预算公开表1 收入项目",
      en: "Table 2's total row by fund source (and carry-over) equals Table 1's income lines"
    ) { ctx in
      let funds = [total, gpb, fund, soc, ColumnKey.specialAccount, ColumnKey.unitFunds, ColumnKey.carryover]
      var t2 = View(table: 2, nameZh: "预算公开表2", nameEn: "Table 2")
      for key in funds { if let e = ctx.totalView(2, column: key, key: key).entries[key] { t2.add(key, row: e.row, column: e.column, e.figure) } }
      return (t2, ctx.incomeView(1))
    },
    views(
      "X.t3-t1.expenditure", tables: [3, 1], zh: "预算公开表3 合计 = 预算公开表1 本年支出合计",
      en: "Table 3's total equals Table 1's 本年支出合计"
    ) { ctx in
      let t1 = ctx.totalView(1, role: .expenditure, row: { _ in ctx.disclosure.table(1).flatMap { Balance($0).expenditureTotal } }, column: total, key: "total")
      return (ctx.totalView(3, column: total, key: "total"), t1)
    },
    views(
      "X.t4-t1.fiscal", tables: [4, 1], zh: "预算公开表4 收入（一般公共预算、政府性基金、国有资本经营）= 预算公开表1 同名收入项目",
      en: "Table 4's income lines (general public, fund, state capital) equal Table 1's"
    ) { ctx in
      func fiscal(_ v: View) -> View {
        var out = View(table: v.table, nameZh: v.nameZh, nameEn: v.nameEn)
        for k in v.keys where [gpb, fund, soc].contains(k) { let e = v.entries[k]!; out.add(k, row: e.row, column: e.column, e.figure) }
        return out
      }
      return (fiscal(ctx.incomeView(4)), fiscal(ctx.incomeView(1)))
    },
    views(
      "X.t1-t3.classes", tables: [1, 3], zh: "预算公开表1 各支出功能类 合计 = 预算公开表3 对应类 合计",
      en: "Table 1's expenditure lines (total) equal Table 3's 类 rows"
    ) { ctx in
      (ctx.classLineView(1, columns: [total]), classesOnly(ctx.codeView(3, columns: [total], total: false)))
    },
    views(
      "X.t1-t2.classes", tables: [1, 2], zh: "预算公开表1 各支出功能类 当年预算安排 = 预算公开表2 对应类 合计",
      en: "Table 1's expenditure lines (this year's arrangement) equal Table 2's 类 rows"
    ) { ctx in
      let hasCurrent = ctx.disclosure.table(1)?.section(.expenditure)?.columnIndex(ColumnKey.currentYear) != nil
      return (ctx.classLineView(1, columns: [hasCurrent ? ColumnKey.currentYear : total]),
        classesOnly(ctx.codeView(2, columns: [total], total: false)))
    },
    views(
      "X.t4-t2.classes", tables: [4, 2], zh: "预算公开表4 各支出功能类（按资金来源）= 预算公开表2 对应类的资金来源列",
      en: "Table 4's expenditure lines by fund source equal Table 2's 类 rows in the same columns"
    ) { ctx in
      (ctx.classLineView(4, columns: [gpb, fund, soc]), classesOnly(ctx.codeView(2, columns: [gpb, fund, soc], total: false)))
    },
    views(
      "X.t5-t2.general-public", tables: [5, 2], zh: "预算公开表5 各科目 合计 = 预算公开表2 一般公共预算列",
      en: "Table 5's totals per code equal Table 2's general public column"
    ) { ctx in
      (ctx.codeView(5, columns: [total]), ctx.codeView(2, columns: [gpb]))
    },
    views(
      "X.t5-t3.parts", tables: [5, 3, 8, 9], zh: "预算公开表5 各科目 合计/基本/项目 = 预算公开表3 − 表8 − 表9（支出）",
      en: "Table 5 per code (total, basic, project) equals Table 3 minus Tables 8 and 9 (expenditure)"
    ) { ctx in
      let cols = [total, ColumnKey.basic, ColumnKey.project]
      let t3 = ctx.codeView(3, columns: cols)
      let rest = t3.minus(
        [ctx.codeView(8, columns: cols), ctx.codeView(9, role: .expenditure, columns: cols)],
        nameZh: "预算公开表3 − 表8 − 表9", nameEn: "Table 3 − Table 8 − Table 9")
      return (ctx.codeView(5, columns: cols), rest)
    },
    views(
      "X.t5-t6.basic", tables: [5, 6], zh: "预算公开表5 合计行 基本支出 = 预算公开表6 合计",
      en: "Table 5's basic total equals Table 6's total"
    ) { ctx in
      (ctx.totalView(5, column: ColumnKey.basic, key: "basic"), ctx.totalView(6, column: total, key: "basic"))
    },
    views(
      "X.t7-t4.fund", tables: [7, 4], zh: "预算公开表7 合计 = 预算公开表4 收入 政府性基金预算",
      en: "Table 7's total equals Table 4's government fund income"
    ) { ctx in
      (ctx.totalView(7, column: total, key: fund), ctx.incomeView(4).only(fund))
    },
    views(
      "X.t7-t1.fund", tables: [7, 1], zh: "预算公开表7 合计 = 预算公开表1 收入 政府性基金预算",
      en: "Table 7's total equals Table 1's government fund income"
    ) { ctx in
      (ctx.totalView(7, column: total, key: fund), ctx.incomeView(1).only(fund))
    },
    views(
      "X.t8-t7.fund", tables: [8, 7], zh: "预算公开表8 合计 = 预算公开表7 合计（不含上年结转，收支相等）",
      en: "Table 8's total equals Table 7's total"
    ) { ctx in
      (ctx.totalView(8, column: total, key: "total"), ctx.totalView(7, column: total, key: "total"))
    },
    views(
      "X.t8-t4.fund", tables: [8, 4], zh: "预算公开表8 合计 = 预算公开表4 本年支出合计 政府性基金预算",
      en: "Table 8's total equals Table 4's government fund expenditure"
    ) { ctx in
      let t4 = ctx.totalView(4, role: .expenditure, row: { _ in ctx.disclosure.table(4).flatMap { Balance($0).expenditureTotal } }, column: fund, key: "fund")
      return (ctx.totalView(8, column: total, key: "fund"), t4)
    },
    views(
      "X.t8-t2.fund", tables: [8, 2], zh: "预算公开表8 各科目 合计 = 预算公开表2 政府性基金列",
      en: "Table 8's totals per code equal Table 2's government fund column"
    ) { ctx in
      (ctx.codeView(8, columns: [total]), dropBlank(ctx.codeView(2, columns: [fund])))
    },
    views(
      "X.t9-t4.state-capital", tables: [9, 4], zh: "预算公开表9 收入合计、支出合计 = 预算公开表4 国有资本经营预算 收入、支出",
      en: "Table 9's income and expenditure totals equal Table 4's state capital income and expenditure"
    ) { ctx in
      var t9 = View(table: 9, nameZh: "预算公开表9", nameEn: "Table 9")
      for (role, key) in [(SectionRole.income, "income"), (.expenditure, "expenditure")] {
        if let e = ctx.totalView(9, role: role, column: total, key: key).entries[key] { t9.add(key, row: e.row + "（\(role == .income ? "收入" : "支出")）", column: e.column, e.figure) }
      }
      var t4 = View(table: 4, nameZh: "预算公开表4", nameEn: "Table 4")
      if let e = ctx.incomeView(4).entries[soc] { t4.add("income", row: e.row, column: e.column, e.figure) }
      let exp = ctx.totalView(4, role: .expenditure, row: { _ in ctx.disclosure.table(4).flatMap { Balance($0).expenditureTotal } }, column: soc, key: "expenditure")
      if let e = exp.entries["expenditure"] { t4.add("expenditure", row: e.row, column: e.column, e.figure) }
      return (t9, t4)
    },
    views(
      "X.t12-t3.project", tables: [12, 3], zh: "Σ预算公开表12 合计 = 预算公开表3 合计行 项目支出",
      en: "Σ Table 12 totals equals Table 3's project total"
    ) { ctx in
      (ctx.projectSumView(12, column: total, key: "p"), ctx.totalView(3, column: ColumnKey.project, key: "p"))
    },
    views(
      "X.t12-t5.project", tables: [12, 5], zh: "Σ预算公开表12 一般公共预算 = 预算公开表5 合计行 项目支出",
      en: "Σ Table 12 general public equals Table 5's project total"
    ) { ctx in
      (ctx.projectSumView(12, column: gpb, key: "p"), ctx.totalView(5, column: ColumnKey.project, key: "p"))
    },
    views(
      "X.t12-t8.project", tables: [12, 8], zh: "Σ预算公开表12 政府性基金预算 = 预算公开表8 合计行 项目支出",
      en: "Σ Table 12 government fund equals Table 8's project total"
    ) { ctx in
      (ctx.projectSumView(12, column: fund, key: "p"), ctx.totalView(8, column: ColumnKey.project, key: "p"))
    },
    views(
      "X.t12-t9.project", tables: [12, 9], zh: "Σ预算公开表12 国有资本经营预算 = 预算公开表9 支出合计 项目支出",
      en: "Σ Table 12 state capital equals Table 9's project expenditure total"
    ) { ctx in
      (ctx.projectSumView(12, column: soc, key: "p"), ctx.totalView(9, role: .expenditure, column: ColumnKey.project, key: "p"))
    },
    views(
      "X.t13-t1.carryover", tables: [13, 1], severity: .warning,
      zh: "Σ预算公开表13 合计 = 预算公开表1 上年结转（上年结转也可能含基本支出，故为警告）",
      en: "Σ Table 13 equals Table 1's carry-over (warning: carry-over may also fund basic expenditure)"
    ) { ctx in
      (ctx.projectSumView(13, column: total, key: ColumnKey.carryover), ctx.incomeView(1).only(ColumnKey.carryover))
    },
    views(
      "X.t13-t2.carryover", tables: [13, 2], severity: .warning,
      zh: "Σ预算公开表13 合计 = 预算公开表2 合计行 上年结转（警告，理由同上）",
      en: "Σ Table 13 equals Table 2's carry-over total (warning, as above)"
    ) { ctx in
      (ctx.projectSumView(13, column: total, key: "c"), ctx.totalView(2, column: ColumnKey.carryover, key: "c"))
    },
    t6t10Vehicles,
    t11t6Office,
  ]
}

/// Only the 类 rows (3-digit codes) of a code view.
func classesOnly(_ view: View) -> View {
  var out = View(table: view.table, nameZh: view.nameZh, nameEn: view.nameEn)
  for key in view.keys where key.split(separator: "|")[0].count == 3 {
    let e = view.entries[key]!
    out.add(key, row: e.row, column: e.column, e.figure)
  }
  return out
}

/// The view without entries that are blank or zero (表2 lists every code; 表8 only fund codes).
func dropBlank(_ view: View) -> View {
  var out = View(table: view.table, nameZh: view.nameZh, nameEn: view.nameEn)
  for key in view.keys {
    let e = view.entries[key]!
    if let a = e.figure.amount, !a.isZero { out.add(key, row: e.row, column: e.column, e.figure) }
  }
  return out
}

extension View {
  /// The view restricted to one key.
  func only(_ key: String) -> View {
    var out = View(table: table, nameZh: nameZh, nameEn: nameEn)
    if let e = entries[key] { out.add(key, row: e.row, column: e.column, e.figure) }
    return out
  }
}
