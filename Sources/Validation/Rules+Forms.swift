import Budget
import Messages

// The 绩效目标申报表 forms against 表12 (项目支出预算表（本年预算）) and against themselves. The
// rules are not applicable when the input carries no form (a tables-only input is not "missing forms").

extension Rule {
  /// Every forms rule, in report order.
  public static let forms: [Rule] = [
    formProjectPresent, formAnnualTotal, formPeriodTotals, formFundingParts, formMissing,
  ]

  /// Each form's project is a 表12 row.
  static let formProjectPresent = Rule(
    id: "F.project-present", group: .forms, descriptionZh: "每张绩效目标申报表的项目名称在预算公开表12中",
    descriptionEn: "Each performance-target form names a project of table 12", tables: [12], needsForms: true
  ) { ctx in
    ctx.disclosure.forms.compactMap { form in
      guard ctx.projectRow(form.projectName) == nil else { return nil }
      return ctx.note(
        ruleId: "F.project-present", severity: .error, table: 12, row: form.projectName,
        cells: ctx.formCells(form, .projectName).map(\.text),
        zh: "绩效目标申报表的项目不在本表中", en: "the project of a performance-target form is not in the table")
    }
  }

  /// 年度资金总额 (元) = 表12 合计 (万元) × 10,000.
  static let formAnnualTotal = Rule(
    id: "F.annual-total", group: .forms, descriptionZh: "绩效目标申报表 年度资金总额（元）= 预算公开表12 合计（万元）× 10000",
    descriptionEn: "Form annual funding (yuan) = table 12 total (10k yuan) × 10,000", tables: [12], needsForms: true
  ) { ctx in
    ctx.disclosure.forms.compactMap { form -> Finding? in
      guard let (table, section, row) = ctx.projectRow(form.projectName) else { return nil }
      let printed = ctx.figure(table, section, row, column: ColumnKey.total)
      let expected = Figure(
        amount: printed.amount?.multipliedByPowerOfTen(4), cells: printed.cells, terms: printed.amount == nil ? 0 : 1)
      let found = Figure(amount: form.annualFunding.total, cells: ctx.formCells(form, .annualTotal), terms: 1)
      return ctx.compare(
        ruleId: "F.annual-total", table: nil, row: "绩效目标申报表 \(form.projectName)", column: "年度资金总额（元）",
        found: found, expected: expected, basisZh: "预算公开表12 合计 × 10000", basisEn: "table 12 total × 10,000")
    }
  }

  /// 实施期资金总额 ≥ 年度资金总额.
  static let formPeriodTotals = Rule(
    id: "F.period-totals", group: .forms, descriptionZh: "绩效目标申报表 实施期资金总额 ≥ 年度资金总额",
    descriptionEn: "Form funding for the whole period ≥ funding for the year", tables: [12], needsForms: true
  ) { ctx in
    ctx.disclosure.forms.compactMap { form -> Finding? in
      guard let whole = form.implementationFunding.total, let year = form.annualFunding.total, whole < year else {
        return nil
      }
      var f = ctx.note(
        ruleId: "F.period-totals", severity: .error, table: nil, row: "绩效目标申报表 \(form.projectName)",
        column: "实施期资金总额（元）",
        cells: (ctx.formCells(form, .implementationTotal) + ctx.formCells(form, .annualTotal)).map(\.text),
        zh: "实施期资金总额 \(whole.text()) 小于年度资金总额 \(year.text())",
        en: "funding for the whole period \(whole.text()) is less than the year's \(year.text())")
      f.expected = year
      f.found = whole
      f.difference = whole.subtracting(year)
      return f
    }
  }

  /// 资金总额 = 中央 + 省级 + 市县（区） + 单位自筹 + 其他, for both periods.
  static let formFundingParts = Rule(
    id: "F.funding-parts", group: .forms, descriptionZh: "绩效目标申报表 资金总额 = 中央 + 省级 + 市县（区） + 单位自筹 + 其他资金",
    descriptionEn: "Form funding total = central + provincial + local + self-raised + other", tables: [12],
    needsForms: true
  ) { ctx in
    ctx.disclosure.forms.flatMap { form -> [Finding] in
      [
        ("实施期资金总额（元）", form.implementationFunding, PerformanceForm.FormCell.implementationTotal),
        ("年度资金总额（元）", form.annualFunding, .annualTotal),
      ]
      .compactMap { column, funding, cell -> Finding? in
        guard funding.total != nil || funding.sumOfParts != nil else { return nil }
        // A sum of amounts in 元 has no rounding allowance: any difference is an error.
        return ctx.compare(
          ruleId: "F.funding-parts", table: nil, row: "绩效目标申报表 \(form.projectName)", column: column,
          found: Figure(amount: funding.total, cells: ctx.formCells(form, cell), terms: 1),
          expected: Figure.sum(FormFunding.parts.map { Figure(amount: funding[$0.key], cells: [], terms: 0) }),
          basisZh: "各资金来源之和",
          basisEn: "sum of the sources"
        )
        .map {
          var f = $0
          f.severity = .error
          return f
        }
      }
    }
  }

  /// Every 表12 project has a form (when the input carries forms at all).
  static let formMissing = Rule(
    id: "F.form-missing", group: .forms, descriptionZh: "预算公开表12 的每个项目都有绩效目标申报表",
    descriptionEn: "Every project of table 12 has a performance-target form", tables: [12], needsForms: true
  ) { ctx in
    guard !ctx.disclosure.forms.isEmpty else { return [] }
    let names = Set(ctx.disclosure.forms.map { BudgetRow.normalizedName($0.projectName) })
    return ctx.sections(12).flatMap { table, section in
      section.rows.filter { $0.kind == .item && !names.contains(BudgetRow.normalizedName($0.name)) }.map { row in
        ctx.note(
          ruleId: "F.form-missing", severity: .error, table: 12, row: row.name,
          cells: ctx.cell(table, section, row, ColumnKey.total).map { [$0.text] } ?? [],
          zh: "项目没有绩效目标申报表", en: "the project has no performance-target form")
      }
    }
  }
}

extension ValidationContext {
  /// The 表12 row of a project, by name without spaces.
  func projectRow(_ name: String) -> (BudgetTable, TableSection, BudgetRow)? {
    let key = BudgetRow.normalizedName(name)
    for (table, section) in sections(12) {
      if let row = section.rows.first(where: { $0.kind == .item && BudgetRow.normalizedName($0.name) == key }) {
        return (table, section, row)
      }
    }
    return nil
  }

  /// Where a form's figure was read from, for findings: its cell when recorded, else the form's sheet.
  func formCells(_ form: PerformanceForm, _ cell: PerformanceForm.FormCell) -> [CellRef] {
    guard let source = form.source else { return [] }
    // An A1 reference (`G6`): its column letters and its line.
    guard let a1 = form.cells[cell], let digits = a1.firstIndex(where: \.isNumber), digits > a1.startIndex,
      a1[..<digits].allSatisfy({ $0.isASCII && $0.isUppercase }), let line = Int(a1[digits...]), line > 0
    else { return [CellRef.sheet(source)] }
    return [CellRef(source: source, letter: String(a1[..<digits]), line: line)]
  }
}
