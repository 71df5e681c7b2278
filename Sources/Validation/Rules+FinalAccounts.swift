import Budget

// The identities of the 部门决算 (the national template's nine tables, set
// `final-accounts-department`), "two views agree" as for the budgets:
//   表1 收入支出决算总表: 本年收入合计 = Σ income lines, 总计 = 本年收入合计 + 使用非财政拨款结余 +
//     年初结转和结余, and the same on the expenditure side (Σ 类 lines, 结余分配, 年末结转和结余);
//   表2/表3 合计 = 表1 本年收入合计 / 本年支出合计 (by source of funds, by 类);
//   表4 财政拨款收入支出决算总表: the same line sums, per fund column; 表1's 财政拨款 income lines = 表4's;
//   表5 一般公共预算 = the 一般公共预算 column of 表4 (合计 and 类);
//   表6 人员经费合计 + 公用经费合计 = 表5 合计 基本支出;
//   表8/表9 (基金/国资) = 表4's 政府性基金/国有资本经营 income line, column, 年初 and 年末 lines.
// Within-table arithmetic (类 = Σ款, 合计 = Σ类, 合计 = 基本 + 项目 + …, 三公 items, 年初 + 收入 =
// 支出 + 年末) is the shared rules' (Rules+AnySet), which run for this set as well.

/// The id of the set these rules are written for.
let finalAccountsSet = "final-accounts-department"

/// The income lines of 表1 and the 表2 column each is the total of.
private let summaryIncomeColumns: [(lines: [String], column: String)] = [
  (["一般公共预算财政拨款收入", "政府性基金预算财政拨款收入", "国有资本经营预算财政拨款收入"], ColumnKey.fiscal),
  (["上级补助收入"], ColumnKey.superiorSubsidy),
  (["事业收入"], ColumnKey.businessIncome),
  (["经营收入"], ColumnKey.operatingIncome),
  (["附属单位上缴收入"], ColumnKey.affiliatedRemittance),
  (["其他收入"], ColumnKey.otherIncome),
]

extension ValidationContext {
  /// A row of a section by its name without ordinal (`一、…`), the first after `after` if given.
  func line(_ section: TableSection, _ name: String, after: BudgetRow? = nil) -> BudgetRow? {
    let key = BudgetRow.normalizedName(name)
    let start =
      after.flatMap { a in
        section.rows.firstIndex(where: { $0.line == a.line && $0.sheet == a.sheet && $0.name == a.name })
      }
      .map { $0 + 1 } ?? 0
    return section.rows[start...].first { BudgetRow.normalizedName($0.name) == key }
  }

  /// The first row of a section whose name starts with a prefix (`使用非财政拨款结余（含专用结余）`).
  func line(_ section: TableSection, prefix: String) -> BudgetRow? {
    let key = BudgetRow.normalizedName(prefix)
    return section.rows.first { BudgetRow.normalizedName($0.name).hasPrefix(key) }
  }

  /// Compares a row's figure in a column with the sum of other figures.
  func agree(
    _ ruleId: String, _ table: BudgetTable, _ section: TableSection, _ row: BudgetRow, column: String,
    expected: Figure, basisZh: String, basisEn: String
  ) -> Finding? {
    let found = figure(table, section, row, column: column)
    guard found.amount != nil || expected.amount != nil else { return nil }
    return compare(
      ruleId: ruleId, table: table.number, row: row.displayName, column: ColumnKey.chineseName(column), found: found,
      expected: expected, basisZh: basisZh, basisEn: basisEn)
  }

  /// The lines of a summary side up to its first total (本年收入合计 / 本年支出合计), which they add up to.
  func linesBeforeTotal(_ section: TableSection) -> (lines: [BudgetRow], total: BudgetRow)? {
    guard let i = section.rows.firstIndex(where: { $0.kind == .total }) else { return nil }
    return (Array(section.rows[..<i]), section.rows[i])
  }

  /// The 本年…合计 and 总计 identities of one side of a 决算 summary table, in every column:
  /// 本年合计 = Σ the lines above it; 总计 = 本年合计 + the lines between (使用非财政拨款结余,
  /// 年初结转和结余 …; sub-lines under 年初财政拨款结转和结余 are its parts, not added again).
  func summarySide(_ ruleId: String, _ table: BudgetTable, _ section: TableSection) -> [Finding] {
    guard let (lines, yearTotal) = linesBeforeTotal(section),
      let grand = section.rows.last(where: { $0.kind == .total }),
      grand.line != yearTotal.line || grand.sheet != yearTotal.sheet
    else { return [] }
    let start =
      section.rows.firstIndex { $0.line == yearTotal.line && $0.sheet == yearTotal.sheet && $0.kind == .total }! + 1
    let end = section.rows.lastIndex { $0.kind == .total }!
    var between = Array(section.rows[start..<end])
    var findings: [Finding] = []
    // 年初财政拨款结转和结余 followed by lines named as the income lines: its parts.
    if let opening = between.first, between.count > 1,
      between.dropFirst().allSatisfy({ sub in
        lines.contains { BudgetRow.normalizedName($0.name) == BudgetRow.normalizedName(sub.name) }
      })
    {
      let parts = Array(between.dropFirst())
      for column in section.columns {
        if let f = agree(
          ruleId, table, section, opening, column: column,
          expected: Figure.sum(parts.map { figure(table, section, $0, column: column) }), basisZh: "其下各项之和",
          basisEn: "sum of its parts")
        {
          findings.append(f)
        }
      }
      between = [opening]
    }
    for column in section.columns {
      if let f = agree(
        ruleId, table, section, yearTotal, column: column,
        expected: Figure.sum(lines.map { figure(table, section, $0, column: column) }), basisZh: "以上各行之和",
        basisEn: "sum of the lines above")
      {
        findings.append(f)
      }
      if let f = agree(
        ruleId, table, section, grand, column: column,
        expected: Figure.sum(([yearTotal] + between).map { figure(table, section, $0, column: column) }),
        basisZh: ([yearTotal] + between).map { BudgetRow.normalizedName($0.name) }.joined(separator: " + "),
        basisEn: "this year's total and the balances")
      {
        findings.append(f)
      }
    }
    return findings
  }

  /// The 合计 row of a table's only section.
  func totalRow(_ t: Int) -> (BudgetTable, TableSection, BudgetRow)? {
    guard let table = disclosure.table(t), let section = table.sections.first, let row = section.totalRow else {
      return nil
    }
    return (table, section, row)
  }
}

extension Rule {
  /// The rules written for the 部门决算 set (they add to the shared checks, which run for it too).
  public static let finalAccounts: [Rule] = [
    faSummaryLines, faIncomeTotals, faExpenditureTotals, faFiscalIncome, faGeneralPublic, faBasicTotal,
    faFund(8, column: ColumnKey.governmentFund, line: "政府性基金预算财政拨款", id: "FA.t8-t4.government-fund"),
    faFund(9, column: ColumnKey.stateCapital, line: "国有资本经营预算财政拨款", id: "FA.t9-t4.state-capital"),
    faThreePublicWithinBudget,
  ].map { $0.written(for: [finalAccountsSet], replacingSharedRules: false) }

  /// 表1 and 表4: 本年合计 = Σ lines; 总计 = 本年合计 + the balance lines (both sides, every column).
  static let faSummaryLines = Rule(
    id: "FA.summary-lines", group: .withinTable,
    descriptionZh: "收入支出决算总表、财政拨款收入支出决算总表：本年收入（支出）合计 = 各行之和；总计 = 本年合计 + 结余各行",
    descriptionEn:
      "决算 summary tables: this year's totals equal their lines; 总计 equals this year's total plus the balance lines",
    tables: [1, 4], needsData: true, needsAllTables: false
  ) { ctx in
    [1, 4].compactMap { ctx.disclosure.table($0) }.flatMap { table in
      table.sections.flatMap { ctx.summarySide("FA.summary-lines", table, $0) }
    }
  }

  /// 表2 合计 = 表1 本年收入合计, and each source of funds = its 表1 income lines.
  static let faIncomeTotals = Rule(
    id: "FA.t2-t1.income", group: .acrossTables, descriptionZh: "收入决算表 合计 = 收入支出决算总表 本年收入合计（分资金来源）",
    descriptionEn: "收入决算表 totals equal the income lines of 收入支出决算总表", tables: [1, 2]
  ) { ctx in
    guard let (t2, s2, total) = ctx.totalRow(2), let t1 = ctx.disclosure.table(1), let income = t1.section(.income),
      let (_, yearTotal) = ctx.linesBeforeTotal(income)
    else { return [] }
    var findings: [Finding] = []
    if let f = ctx.agree(
      "FA.t2-t1.income", t2, s2, total, column: ColumnKey.total, expected: ctx.figure(t1, income, yearTotal, column: 0),
      basisZh: "收入支出决算总表 本年收入合计", basisEn: "收入支出决算总表 本年收入合计")
    {
      findings.append(f)
    }
    for (lines, column) in summaryIncomeColumns where s2.columnIndex(column) != nil {
      let rows = lines.compactMap { ctx.line(income, $0) }
      guard !rows.isEmpty else { continue }
      if let f = ctx.agree(
        "FA.t2-t1.income", t2, s2, total, column: column,
        expected: Figure.sum(rows.map { ctx.figure(t1, income, $0, column: 0) }),
        basisZh: "收入支出决算总表 " + lines.joined(separator: " + "), basisEn: "收入支出决算总表 income lines")
      {
        findings.append(f)
      }
    }
    return findings
  }

  /// 表3 合计 = 表1 本年支出合计, and every 类 of 表3 = its 表1 line.
  static let faExpenditureTotals = Rule(
    id: "FA.t3-t1.expenditure", group: .acrossTables,
    descriptionZh: "支出决算表 合计、各类 = 收入支出决算总表 本年支出合计、各支出功能分类行",
    descriptionEn: "支出决算表 total and classes equal the expenditure lines of 收入支出决算总表", tables: [1, 3]
  ) { ctx in
    guard let (t3, s3, total) = ctx.totalRow(3), let t1 = ctx.disclosure.table(1), let side = t1.section(.expenditure),
      let (lines, yearTotal) = ctx.linesBeforeTotal(side)
    else { return [] }
    var findings: [Finding] = []
    if let f = ctx.agree(
      "FA.t3-t1.expenditure", t3, s3, total, column: ColumnKey.total,
      expected: ctx.figure(t1, side, yearTotal, column: 0),
      basisZh: "收入支出决算总表 本年支出合计", basisEn: "收入支出决算总表 本年支出合计")
    {
      findings.append(f)
    }
    let top = s3.codeLengths.first ?? 3
    for row in s3.codedRows where row.code!.count == top {
      guard let line = lines.first(where: { BudgetRow.normalizedName($0.name) == BudgetRow.normalizedName(row.name) })
      else { continue }
      if let f = ctx.agree(
        "FA.t3-t1.expenditure", t3, s3, row, column: ColumnKey.total, expected: ctx.figure(t1, side, line, column: 0),
        basisZh: "收入支出决算总表 " + line.name, basisEn: "收入支出决算总表 " + line.name)
      {
        findings.append(f)
      }
    }
    return findings
  }

  /// 表1's 财政拨款 income lines = 表4's (一般公共预算, 政府性基金, 国有资本经营).
  static let faFiscalIncome = Rule(
    id: "FA.t1-t4.fiscal", group: .acrossTables,
    descriptionZh: "收入支出决算总表 各财政拨款收入 = 财政拨款收入支出决算总表 对应收入",
    descriptionEn: "the 财政拨款 income lines of 收入支出决算总表 equal those of 财政拨款收入支出决算总表", tables: [1, 4]
  ) { ctx in
    guard let t1 = ctx.disclosure.table(1), let i1 = t1.section(.income), let t4 = ctx.disclosure.table(4),
      let i4 = t4.section(.income)
    else { return [] }
    return ["一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"].compactMap { name in
      guard let own = ctx.line(i1, name + "收入"), let other = ctx.line(i4, name) else { return nil }
      return ctx.agree(
        "FA.t1-t4.fiscal", t1, i1, own, column: i1.columns[0], expected: ctx.figure(t4, i4, other, column: 0),
        basisZh: "财政拨款收入支出决算总表 " + other.name, basisEn: "财政拨款收入支出决算总表 " + other.name)
    }
  }

  /// 表5 合计 and 类 = the 一般公共预算 column of 表4.
  static let faGeneralPublic = Rule(
    id: "FA.t5-t4.general-public", group: .acrossTables,
    descriptionZh: "一般公共预算财政拨款支出决算表 合计、各类 = 财政拨款收入支出决算总表 一般公共预算财政拨款列",
    descriptionEn: "一般公共预算财政拨款支出决算表 equals the 一般公共预算 column of 财政拨款收入支出决算总表", tables: [4, 5]
  ) { ctx in
    guard let (t5, s5, total) = ctx.totalRow(5), let t4 = ctx.disclosure.table(4), let side = t4.section(.expenditure),
      let (lines, yearTotal) = ctx.linesBeforeTotal(side), side.columnIndex(ColumnKey.generalPublic) != nil
    else { return [] }
    var findings: [Finding] = []
    if let f = ctx.agree(
      "FA.t5-t4.general-public", t5, s5, total, column: ColumnKey.total,
      expected: ctx.figure(t4, side, yearTotal, column: ColumnKey.generalPublic),
      basisZh: "财政拨款收入支出决算总表 本年支出合计 一般公共预算财政拨款", basisEn: "财政拨款收入支出决算总表 general public column")
    {
      findings.append(f)
    }
    let top = s5.codeLengths.first ?? 3
    for row in s5.codedRows where row.code!.count == top {
      guard let line = lines.first(where: { BudgetRow.normalizedName($0.name) == BudgetRow.normalizedName(row.name) })
      else { continue }
      if let f = ctx.agree(
        "FA.t5-t4.general-public", t5, s5, row, column: ColumnKey.total,
        expected: ctx.figure(t4, side, line, column: ColumnKey.generalPublic),
        basisZh: "财政拨款收入支出决算总表 " + line.name + " 一般公共预算财政拨款", basisEn: "财政拨款收入支出决算总表 " + line.name)
      {
        findings.append(f)
      }
    }
    return findings
  }

  /// 表6 人员经费合计 + 公用经费合计 = 表5 合计 基本支出.
  static let faBasicTotal = Rule(
    id: "FA.t6-t5.basic", group: .acrossTables,
    descriptionZh: "基本支出决算表 人员经费合计 + 公用经费合计 = 一般公共预算财政拨款支出决算表 合计 基本支出",
    descriptionEn: "basic-expenditure table: personnel total + public-use total = the 基本支出 total of table 5",
    tables: [5, 6]
  ) { ctx in
    guard let (t5, s5, total) = ctx.totalRow(5), let t6 = ctx.disclosure.table(6) else { return [] }
    let parts = t6.sections.compactMap { s in
      s.rows.last(where: { $0.kind == .total }).map { ctx.figure(t6, s, $0, column: 0) }
    }
    guard !parts.isEmpty else { return [] }
    return [
      ctx.agree(
        "FA.t6-t5.basic", t5, s5, total, column: ColumnKey.basic, expected: Figure.sum(parts),
        basisZh: "一般公共预算财政拨款基本支出决算表 人员经费合计 + 公用经费合计", basisEn: "table 6 personnel + public-use totals")
    ].compactMap { $0 }
  }

  /// 表8/表9 合计 against 表4: 本年收入 = the fund's income line, 本年支出 = the fund's column of
  /// 本年支出合计, 年初 = the fund's line under 年初财政拨款结转和结余, 年末 = the fund's column of
  /// 年末财政拨款结转和结余.
  static func faFund(_ t: Int, column: String, line: String, id: String) -> Rule {
    Rule(
      id: id, group: .acrossTables,
      descriptionZh: "决算表\(t) 合计（年初、本年收入、本年支出、年末）= 财政拨款收入支出决算总表 对应资金的行与列",
      descriptionEn:
        "table \(t) totals (opening, income, expenditure, closing) equal the fund's lines and column in 财政拨款收入支出决算总表",
      tables: [4, t]
    ) { ctx in
      guard let (tt, st, total) = ctx.totalRow(t), let t4 = ctx.disclosure.table(4), let income = t4.section(.income),
        let side = t4.section(.expenditure), let (_, incomeTotal) = ctx.linesBeforeTotal(income),
        let (_, spent) = ctx.linesBeforeTotal(side)
      else { return [] }
      var findings: [Finding] = []
      let name = "财政拨款收入支出决算总表 "
      if let own = ctx.line(income, line) {
        findings += [
          ctx.agree(
            id, tt, st, total, column: ColumnKey.incomeOfYear, expected: ctx.figure(t4, income, own, column: 0),
            basisZh: name + own.name, basisEn: name + own.name)
        ].compactMap { $0 }
      }
      if let opening = ctx.line(income, prefix: "年初财政拨款结转和结余"), let sub = ctx.line(income, line, after: opening) {
        findings += [
          ctx.agree(
            id, tt, st, total, column: ColumnKey.openingBalance, expected: ctx.figure(t4, income, sub, column: 0),
            basisZh: name + "年初财政拨款结转和结余 " + sub.name, basisEn: name + "opening balance")
        ].compactMap { $0 }
      }
      if side.columnIndex(column) != nil {
        findings += [
          ctx.agree(
            id, tt, st, total, column: ColumnKey.expenditureOfYear,
            expected: ctx.figure(t4, side, spent, column: column),
            basisZh: name + "本年支出合计 " + ColumnKey.chineseName(column), basisEn: name + "expenditure")
        ].compactMap { $0 }
        if let closing = ctx.line(side, prefix: "年末财政拨款结转和结余") {
          findings += [
            ctx.agree(
              id, tt, st, total, column: ColumnKey.closingBalance,
              expected: ctx.figure(t4, side, closing, column: column),
              basisZh: name + "年末财政拨款结转和结余 " + ColumnKey.chineseName(column), basisEn: name + "closing balance")
          ].compactMap { $0 }
        }
      }
      _ = incomeTotal
      return findings
    }
  }

  /// 三公: no item's 决算数 above its 预算数 (a warning: an overrun must be explained in the 情况说明;
  /// a blank 预算数 is 0). The template prints both for every item so that readers can compare them.
  static let faThreePublicWithinBudget = Rule(
    id: "FA.three-public-within-budget", group: .withinTable, severity: .warning,
    descriptionZh: "“三公”经费各项 决算数 ≤ 预算数（超出为警告，须在情况说明中说明原因）",
    descriptionEn: "三公: no item's 决算数 exceeds its 预算数 (a warning: an overrun must be explained)", tables: [7],
    needsData: true
  ) { ctx in
    guard let table = ctx.disclosure.table(7) else { return [] }
    return table.sections.flatMap { section in
      section.rows.flatMap { row in
        section.columns.compactMap { key -> Finding? in
          guard key.hasSuffix("." + ColumnKey.final) else { return nil }
          let item = String(key.dropLast(ColumnKey.final.count + 1))
          let final = ctx.figure(table, section, row, column: key)
          guard let spent = final.amount, section.columnIndex(ColumnKey.budgeted(item)) != nil else { return nil }
          let budget = ctx.figure(table, section, row, column: ColumnKey.budgeted(item))
          guard spent > (budget.amount ?? .zero) else { return nil }
          return ctx.note(
            ruleId: "FA.three-public-within-budget", severity: .warning, table: 7, row: row.displayName,
            column: ColumnKey.chineseName(key), cells: (final.cells + budget.cells).map(\.text),
            zh: "\(ColumnKey.chineseName(item)) 决算数 \(spent.text()) 超过预算数 \((budget.amount ?? .zero).text())",
            en: "\(ColumnKey.chineseName(item)): 决算数 \(spent.text()) exceeds 预算数 \((budget.amount ?? .zero).text())")
        }
      }
    }
  }

  /// Every row of a table with 年初结转和结余, 本年收入, 本年支出 and 年末结转和结余:
  /// 年初 + 收入 = 支出 + 年末 (rows whose four cells are all blank are passed over).
  static let anyCarryoverBalance = Rule(
    id: "any.carryover-balance", group: .withinTable,
    descriptionZh: "每行：年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余",
    descriptionEn: "Every row: opening balance + income of the year = expenditure of the year + closing balance",
    tables: []
  ) { ctx in
    ctx.disclosure.tables.flatMap { table in
      table.sections.flatMap { section -> [Finding] in
        guard let o = section.columnIndex(ColumnKey.openingBalance),
          let i = section.columnIndex(ColumnKey.incomeOfYear),
          let e = section.columnIndex(ColumnKey.expenditureOfYear),
          let c = section.columnIndex(ColumnKey.closingBalance)
        else { return [] }
        return section.rows.compactMap { row in
          let opening = ctx.figure(table, section, row, column: o)
          let income = ctx.figure(table, section, row, column: i)
          let spent = ctx.figure(table, section, row, column: e)
          let closing = ctx.figure(table, section, row, column: c)
          guard [opening, income, spent, closing].contains(where: { $0.amount != nil }) else { return nil }
          // 年末 = 年初 + 收入 − 支出, compared as 年末 + 支出 against 年初 + 收入 (sums only).
          return ctx.compare(
            ruleId: "any.carryover-balance", table: table.number, row: row.displayName,
            column: "本年支出 + 年末结转和结余", found: Figure.sum([closing, spent]),
            expected: Figure.sum([opening, income]), basisZh: "年初结转和结余 + 本年收入",
            basisEn: "opening balance + income of the year")
        }
      }
    }
  }
}
