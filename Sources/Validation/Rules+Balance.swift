import Budget

// 表1 and 表4 are balances: income lines add up to 本年收入合计, the 30 expenditure lines to
// 本年支出合计, and 收入总计 (本年收入合计 + 上年结转) = 支出总计 (本年支出合计 + 年终结转).

extension Rule {
  /// The balance identities of 表1 or 表4.
  static func balance(_ t: Int) -> Rule {
    let id = "T\(t).balance"
    return Rule(
      id: id, group: .withinTable,
      descriptionZh: "预算公开表\(t) 本年收入合计 = Σ收入项目；本年支出合计 = Σ支出项目；收入总计 = 本年收入合计 + 上年结转 = 支出总计 = 本年支出合计 + 年终结转",
      descriptionEn:
        "Table \(t): income lines add up to 本年收入合计, expenditure lines to 本年支出合计; 收入总计 = 本年收入合计 + 上年结转 = 支出总计 = 本年支出合计 + 年终结转",
      tables: [t], needsData: true
    ) { ctx in
      guard let table = ctx.disclosure.table(t) else { return [] }
      guard let b = ctx.balance(t) else { return [] }
      var out: [Finding] = []
      if let income = table.section(.income), let key = income.columns.first {
        func f(_ row: BudgetRow?) -> Figure { row.map { ctx.figure(table, income, $0, column: key) } ?? .blank }
        func check(_ row: BudgetRow?, _ parts: [BudgetRow?], _ zh: String, _ en: String) {
          guard let row else { return }
          if let x = ctx.compare(
            ruleId: id, table: t, row: row.name, column: ColumnKey.chineseName(key), found: f(row),
            expected: Figure.sum(parts.map(f)), basisZh: zh, basisEn: en)
          {
            out.append(x)
          }
        }
        check(b.incomeTotal, b.incomeLines, "各收入项目之和", "sum of the income lines")
        if !b.carryInParts.isEmpty { check(b.carryIn, b.carryInParts, "各分项之和", "sum of its parts") }
        check(b.incomeGrand, [b.incomeTotal, b.carryIn], "本年收入合计 + 上年结转", "本年收入合计 + 上年结转")
      }
      if let exp = table.section(.expenditure) {
        for key in exp.columns {
          func f(_ row: BudgetRow?) -> Figure { row.map { ctx.figure(table, exp, $0, column: key) } ?? .blank }
          func check(_ row: BudgetRow?, _ parts: [BudgetRow?], _ zh: String, _ en: String) {
            guard let row else { return }
            if let x = ctx.compare(
              ruleId: id, table: t, row: row.name, column: ColumnKey.chineseName(key), found: f(row),
              expected: Figure.sum(parts.map(f)), basisZh: zh, basisEn: en)
            {
              out.append(x)
            }
          }
          check(b.expenditureTotal, b.expenditureLines, "各支出项目之和", "sum of the expenditure lines")
          check(b.expenditureGrand, [b.expenditureTotal, b.carryOut], "本年支出合计 + 年终结转", "本年支出合计 + 年终结转")
        }
      }
      // Both sides' grand totals.
      if let income = table.section(.income), let ik = income.columns.first, let exp = table.section(.expenditure),
        let ig = b.incomeGrand, let eg = b.expenditureGrand, exp.columnIndex(ColumnKey.total) != nil,
        let x = ctx.compare(
          ruleId: id, table: t, row: eg.name, column: ColumnKey.chineseName(ColumnKey.total),
          found: ctx.figure(table, exp, eg, column: ColumnKey.total),
          expected: ctx.figure(table, income, ig, column: ik),
          basisZh: "收入总计", basisEn: "收入总计 (income grand total)")
      {
        out.append(x)
      }
      // Per fund source (表4): income line + its carry-over line = 支出总计 of that fund.
      if let income = table.section(.income), let ik = income.columns.first, let exp = table.section(.expenditure),
        let eg = b.expenditureGrand
      {
        for (line, fund) in zip(b.incomeLines, b.incomeFunds) {
          guard let fund, exp.columnIndex(fund) != nil else { continue }
          let carried = zip(b.carryInParts, b.carryInFunds).filter { $1 == fund }.map(\.0)
          let expected = Figure.sum(([line] + carried).map { ctx.figure(table, income, $0, column: ik) })
          if let x = ctx.compare(
            ruleId: id, table: t, row: eg.name, column: ColumnKey.chineseName(fund),
            found: ctx.figure(table, exp, eg, column: fund), expected: expected,
            basisZh: "收入 \(plainName(line.name)) + 上年结转", basisEn: "income \(line.name) + carry-over")
          {
            out.append(x)
          }
        }
      }
      return out
    }
  }

  /// 表1: 2023年合计 = 当年预算安排 + 上年结转安排 in every expenditure row.
  static let t1CurrentCarryover = Rule(
    id: "T1.current-carryover", group: .withinTable, descriptionZh: "预算公开表1 每个支出项目 合计 = 当年预算安排 + 上年结转安排",
    descriptionEn: "Table 1: every expenditure line's total = this year's arrangement + carry-over arrangement",
    tables: [1], needsData: true
  ) { ctx in
    ctx.sections(1, role: .expenditure).flatMap { table, section in
      ctx.rowSums(
        "T1.current-carryover", table, section, target: ColumnKey.total,
        parts: [ColumnKey.currentYear, ColumnKey.carryoverArranged])
    }
  }
}
