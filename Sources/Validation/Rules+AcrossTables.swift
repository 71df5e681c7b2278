import Budget

// The 13 tables are views of one budget (fund source × function code × economic code ×
// basic/project × project). Every rule here reads two views and says they agree.

extension Rule {
  /// A cross-table rule: build two views, compare them key by key.
  static func views(
    _ id: String, tables: [Int], severity: Severity = .error, zh: String, en: String,
    _ build: @escaping @Sendable (ValidationContext) -> (found: View, expected: View)
  ) -> Rule {
    Rule(id: id, group: .acrossTables, severity: severity, descriptionZh: zh, descriptionEn: en, tables: tables) {
      ctx in
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
      for key in funds { if let e = ctx.totalView(2, column: key, key: key).entries[key] { t2.add(key, e) } }
      return (t2, ctx.incomeView(1))
    },
    views(
      "X.t3-t1.expenditure", tables: [3, 1], zh: "预算公开表3 合计 = 预算公开表1 本年支出合计",
      en: "Table 3's total equals Table 1's 本年支出合计"
    ) { ctx in
      let t1 = ctx.totalView(
        1, role: .expenditure, row: { _ in ctx.balance(1)?.expenditureTotal }, column: total, key: "total")
      return (ctx.totalView(3, column: total, key: "total"), t1)
    },
    views(
      "X.t4-t1.fiscal", tables: [4, 1], zh: "预算公开表4 收入（一般公共预算、政府性基金、国有资本经营）= 预算公开表1 同名收入项目",
      en: "Table 4's income lines (general public, fund, state capital) equal Table 1's"
    ) { ctx in
      func fiscal(_ v: View) -> View {
        var out = View(table: v.table, nameZh: v.nameZh, nameEn: v.nameEn)
        for k in v.keys where [gpb, fund, soc].contains(k) { out.add(k, v.entries[k]!) }
        return out
      }
      return (fiscal(ctx.incomeView(4)), fiscal(ctx.incomeView(1)))
    },
    views(
      "X.t1-t3.classes", tables: [1, 3], zh: "预算公开表1 各支出功能类 合计 = 预算公开表3 对应类 合计",
      en: "Table 1's expenditure lines (total) equal Table 3's 类 rows"
    ) { ctx in
      (ctx.classLineView(1, columns: [total]), ctx.codeView(3, columns: [total], total: false, classesOnly: true))
    },
    views(
      "X.t1-t2.classes", tables: [1, 2], zh: "预算公开表1 各支出功能类 当年预算安排 = 预算公开表2 对应类 合计",
      en: "Table 1's expenditure lines (this year's arrangement) equal Table 2's 类 rows"
    ) { ctx in
      let hasCurrent = ctx.disclosure.table(1)?.section(.expenditure)?.columnIndex(ColumnKey.currentYear) != nil
      return (
        ctx.classLineView(1, columns: [hasCurrent ? ColumnKey.currentYear : total]),
        ctx.codeView(2, columns: [total], total: false, classesOnly: true)
      )
    },
    views(
      "X.t4-t2.classes", tables: [4, 2],
      zh: "预算公开表4 各支出功能类 小计 = 预算公开表2 对应类（财政拨款三列 + 上年结转）；无上年结转的类另按资金来源逐列核对",
      en:
        "Table 4's expenditure lines equal Table 2's 类 rows (fiscal columns + carry-over); per fund source where no carry-over"
    ) { ctx in
      let t4 = ctx.classLineView(4, columns: [total, gpb, fund, soc])
      let t2 = ctx.codeView(2, columns: [gpb, fund, soc, ColumnKey.carryover], total: false, classesOnly: true)
      var expected = View(table: 2, nameZh: "预算公开表2", nameEn: "Table 2")
      let codes = (t4.keys + t2.keys).map { String(keyCode($0)) }
      var seen = Set<String>()
      var keys: [String] = []
      for code in codes where seen.insert(code).inserted {
        let part = { (c: String) in t2.entries[viewKey(code, c)]?.figure ?? .blank }
        let row = t2.entries[viewKey(code, gpb)]?.rowLabel ?? .text(code)
        expected.add(
          viewKey(code, total),
          View.Entry(
            rowLabel: row, columnLabel: .text("一般公共预算 + 政府性基金 + 国有资本经营 + 上年结转"),
            figure: Figure.sum([part(gpb), part(fund), part(soc), part(ColumnKey.carryover)])))
        keys.append(viewKey(code, total))
        // Carried-over money is not split by fund in 表2, so per-fund checks need none.
        if part(ColumnKey.carryover).value.isZero {
          for c in [gpb, fund, soc] {
            if let e = t2.entries[viewKey(code, c)] { expected.add(viewKey(code, c), e) }
            keys.append(viewKey(code, c))
          }
        }
      }
      return (t4.restricted(to: keys), expected)
    },
    views(
      "X.t5-t2.general-public", tables: [5, 2], zh: "预算公开表5 各科目 合计 = 预算公开表2 一般公共预算列",
      en: "Table 5's totals per code equal Table 2's general public column"
    ) { ctx in
      (ctx.codeView(5, columns: [total]), ctx.codeView(2, columns: [gpb]))
    },
    views(
      "X.t5-t3.parts", tables: [5, 3, 8, 9],
      zh: "预算公开表5 各科目 合计 = 预算公开表3 − 表8 − 表9（支出）− 表2 非财政拨款及上年结转；基本/项目在无此类资金的科目上逐列核对",
      en:
        "Table 5 per code equals Table 3 minus Tables 8 and 9 and Table 2's non-fiscal and carried-over money; basic/project where there is none"
    ) { ctx in
      let cols = [total, ColumnKey.basic, ColumnKey.project]
      let other = [ColumnKey.specialAccount, ColumnKey.unitFunds, ColumnKey.carryover]
      let t2 = ctx.codeView(2, columns: other)
      var nonFiscal = View(table: 2, nameZh: "预算公开表2", nameEn: "Table 2")
      var skip = Set<String>()
      // Codes in the order 表2 prints them (a Set's order would change from run to run).
      var seenCodes = Set<Substring>()
      for code in t2.keys.lazy.map(keyCode) where seenCodes.insert(code).inserted {
        let code = String(code)
        let f = Figure.sum(other.compactMap { t2.entries[viewKey(code, $0)]?.figure })
        guard !f.value.isZero else { continue }
        nonFiscal.add(viewKey(code, total), row: code, column: "合计", f)
        skip.insert(viewKey(code, ColumnKey.basic))
        skip.insert(viewKey(code, ColumnKey.project))
      }
      let t3 = ctx.codeView(3, columns: cols)
      let rest = t3.minus(
        [ctx.codeView(8, columns: cols), ctx.codeView(9, role: .expenditure, columns: cols), nonFiscal],
        nameZh: "预算公开表3 − 表8 − 表9 − 表2非财政拨款及上年结转", nameEn: "Table 3 − Tables 8, 9 − Table 2 non-fiscal and carry-over")
      let t5 = ctx.codeView(5, columns: cols)
      let keys = (t5.keys + rest.keys.filter { t5.entries[$0] == nil }).filter { !skip.contains($0) }
      return (t5.restricted(to: keys), rest.restricted(to: keys))
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
      "X.t8-t4.fund", tables: [8, 4], zh: "预算公开表8 合计 = 预算公开表4 本年支出合计 政府性基金预算 − 上年结转的政府性基金",
      en: "Table 8's total equals Table 4's government fund expenditure"
    ) { ctx in
      return (ctx.totalView(8, column: total, key: "fund"), ctx.currentYearSpending(fund, key: "fund"))
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
        if let e = ctx.totalView(9, role: role, column: total, key: key).entries[key] {
          t9.add(key, row: e.row + "（\(role == .income ? "收入" : "支出")）", column: e.column, e.figure)
        }
      }
      var t4 = View(table: 4, nameZh: "预算公开表4", nameEn: "Table 4")
      if let e = ctx.incomeView(4).entries[soc] { t4.add("income", row: e.row, column: e.column, e.figure) }
      if let e = ctx.currentYearSpending(soc, key: "expenditure").entries["expenditure"] {
        t4.add("expenditure", row: e.row, column: e.column, e.figure)
      }
      return (t9, t4)
    },
    views(
      "X.t12-t3.project", tables: [12, 3], zh: "Σ预算公开表12 合计 = 预算公开表3 合计行 项目支出（− Σ预算公开表13 上年结转项目）",
      en: "Σ Table 12 totals equals Table 3's project total"
    ) { ctx in
      let t3 = ctx.totalView(3, column: ColumnKey.project, key: "p")
      guard ctx.disclosure.table(13) != nil else { return (ctx.projectSumView(12, column: total, key: "p"), t3) }
      return (
        ctx.projectSumView(12, column: total, key: "p"),
        t3.minus(
          [ctx.projectSumView(13, column: total, key: "p")], nameZh: "预算公开表3 项目支出 − Σ预算公开表13",
          nameEn: "Table 3 project − Σ Table 13")
      )
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
      (
        ctx.projectSumView(12, column: soc, key: "p"),
        ctx.totalView(9, role: .expenditure, column: ColumnKey.project, key: "p")
      )
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

/// The code part of a view key (`206|0` → `206`), as `key.split(separator: "|")[0]`; read
/// on bytes when the key is ASCII without CR, where every character is one byte.
func keyCode(_ key: String) -> Substring {
  var text = key
  let range = text.withUTF8 { bytes -> Range<Int>? in
    guard bytes.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else { return nil }
    let start = bytes.firstIndex { $0 != UInt8(ascii: "|") } ?? bytes.count
    return start..<(bytes[start...].firstIndex(of: UInt8(ascii: "|")) ?? bytes.count)
  }
  guard let range else { return key.split(separator: "|")[0] }
  let utf8 = key.utf8
  return key[
    utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)]
}

/// The view without entries that are blank or zero (表2 lists every code; 表8 only fund codes).
func dropBlank(_ view: View) -> View {
  var out = View(table: view.table, nameZh: view.nameZh, nameEn: view.nameEn)
  for key in view.keys {
    let e = view.entries[key]!
    if let a = e.figure.amount, !a.isZero { out.add(key, e) }
  }
  return out
}

extension View {
  /// The view restricted to one key.
  func only(_ key: String) -> View {
    var out = View(table: table, nameZh: nameZh, nameEn: nameEn)
    if let e = entries[key] { out.add(key, e) }
    return out
  }
}

extension View {
  /// The view restricted to some keys, in their order.
  func restricted(to keys: [String]) -> View {
    var out = View(table: table, nameZh: nameZh, nameEn: nameEn)
    out.reserveCapacity(keys.count)
    for key in keys { if let e = entries[key] { out.add(key, e) } }
    return out
  }
}

extension ValidationContext {
  /// 表4 本年支出合计 in a fund column minus that fund's 上年财政拨款结转 part: what this year's
  /// appropriation of the fund pays (the 不含上年结转 tables 7, 8 and 9 show only that).
  func currentYearSpending(_ fund: String, key: String) -> View {
    var view = View(table: 4, nameZh: "预算公开表4", nameEn: "Table 4")
    guard let table = disclosure.table(4), let exp = table.section(.expenditure), let income = table.section(.income),
      let ik = income.columns.first
    else { return view }
    guard let b = balance(4) else { return view }
    guard let row = b.expenditureTotal, exp.columnIndex(fund) != nil else { return view }
    let carried = zip(b.carryInParts, b.carryInFunds).filter { $1 == fund }.map {
      figure(table, income, $0.0, column: ik)
    }
    view.add(
      key,
      View.Entry(
        rowLabel: .text(row.name), columnLabel: .key(fund), figure: figure(table, exp, row, column: fund).minus(carried)
      ))
    return view
  }
}
