import Budget

// The checks every template set shares, read from the tables' structure rather than their
// numbers: 类 = Σ款 = Σ项 wherever codes are printed, 合计 = Σ类, the column identities a table's
// columns imply (合计 = 基本 + 项目 …), and the two sides of a balance table. They run for sets
// that have no rules of their own (the Datong/Shanxi rules make the same checks by table number).

/// Column identities: `target = Σ parts`, checked in every row of a section that has the target
/// and every part.
let columnIdentities: [(target: String, parts: [String])] =
  [
    (ColumnKey.total, [ColumnKey.basic, ColumnKey.project]),
    (ColumnKey.total, [ColumnKey.basic, ColumnKey.project, ColumnKey.reserve]),
    (ColumnKey.total, [ColumnKey.personnel, ColumnKey.publicUse]),
    (ColumnKey.total, [ColumnKey.personnel, ColumnKey.publicUse, ColumnKey.project]),
    (ColumnKey.total, [ColumnKey.fiscal, ColumnKey.businessIncome, ColumnKey.operatingIncome, ColumnKey.otherIncome]),
    (ColumnKey.total, [ColumnKey.generalPublic, ColumnKey.governmentFund, ColumnKey.stateCapital]),
    (ColumnKey.total, [ColumnKey.threePublicTotal, ColumnKey.meetings, ColumnKey.training]),
    (ColumnKey.threePublicTotal, [ColumnKey.travelAbroad, ColumnKey.reception, ColumnKey.vehicles]),
    (ColumnKey.vehicles, [ColumnKey.vehiclePurchase, ColumnKey.vehicleRunning]),
    // 决算: expenditure by use, income by source (with 上级补助 and 附属单位上缴), 本年支出 by use,
    // and the 三公 items, each for its 预算数 and its 决算数.
    (
      ColumnKey.total,
      [
        ColumnKey.basic, ColumnKey.project, ColumnKey.remittanceToSuperior, ColumnKey.operatingExpenditure,
        ColumnKey.subsidyToAffiliates,
      ]
    ),
    (
      ColumnKey.total,
      [
        ColumnKey.fiscal, ColumnKey.superiorSubsidy, ColumnKey.businessIncome, ColumnKey.operatingIncome,
        ColumnKey.affiliatedRemittance, ColumnKey.otherIncome,
      ]
    ),
    (ColumnKey.expenditureOfYear, [ColumnKey.basic, ColumnKey.project]),
  ]
  + [ColumnKey.budgeted, ColumnKey.final].flatMap { figure -> [(target: String, parts: [String])] in
    let k = { (item: String) in item + "." + figure }
    return [
      (k(ColumnKey.threePublicTotal), [k(ColumnKey.travelAbroad), k(ColumnKey.reception), k(ColumnKey.vehicles)]),
      (k(ColumnKey.vehicles), [k(ColumnKey.vehiclePurchase), k(ColumnKey.vehicleRunning)]),
    ]
  }

extension TableSection {
  /// The column identities the section's columns imply: for each target, the identity with the
  /// most parts among those whose columns are all present (合计 = 基本 + 项目 + 单位预留机动经费
  /// where the reserve is printed, not 合计 = 基本 + 项目).
  var identities: [(target: String, parts: [String])] {
    let present = columnIdentities.filter { identity in
      columnIndex(identity.target) != nil && identity.parts.allSatisfy { columnIndex($0) != nil }
    }
    return present.filter { identity in
      !present.contains { other in
        other.target == identity.target && other.parts.count > identity.parts.count
          && Set(identity.parts).isSubset(of: Set(other.parts))
      }
    }
  }

  /// The code lengths printed in the section, shortest first (3/5/7 for function codes, 3/5 for
  /// economic codes).
  var codeLengths: [Int] {
    Array(Set(codedRows.map { $0.code!.count }).filter { [3, 5, 7, 9].contains($0) }).sorted()
  }
}

extension Rule {
  /// The rules every set without rules of its own gets.
  static let anySet: [Rule] = [anyHierarchy, anyTotalRow, anyColumnSums, anyBalance, anyCarryoverBalance].map {
    var rule = $0
    rule.forSetsWithoutOwnRules = true
    return rule
  }

  /// Every coded table: 类 = Σ款, 款 = Σ项 in every amount column.
  static let anyHierarchy = Rule(
    id: "any.hierarchy", group: .withinTable, descriptionZh: "有科目编码的表：类 = Σ款、款 = Σ项（各金额列）",
    descriptionEn: "Every coded table: each 类 equals the sum of its 款, each 款 the sum of its 项", tables: []
  ) { ctx in
    ctx.disclosure.tables.flatMap { table in
      table.sections.flatMap { section -> [Finding] in
        let lengths = section.codeLengths
        guard lengths.count >= 2 else { return [] }
        let byParent = section.childrenByParent(lengths: lengths)
        return section.codedRows.flatMap { parent -> [Finding] in
          guard let children = byParent[parent.code!], !children.isEmpty else { return [] }
          return ctx.columnSum(
            "any.hierarchy", table, section, parent: parent, children: children, basisZh: "下级科目之和",
            basisEn: "sum of the rows one level below")
        }
      }
    }
  }

  /// Every coded table with a 合计 row: 合计 = Σ of the top-level rows.
  static let anyTotalRow = Rule(
    id: "any.total-row", group: .withinTable, descriptionZh: "有科目编码的表：合计 = Σ类（各金额列）",
    descriptionEn: "Every coded table: the 合计 row equals the sum of the top-level rows", tables: []
  ) { ctx in
    ctx.disclosure.tables.flatMap { table in
      table.sections.flatMap { section -> [Finding] in
        guard let total = section.totalRow, let top = section.codeLengths.first else { return [] }
        let classes = section.codedRows.filter { $0.code!.count == top }
        return ctx.columnSum(
          "any.total-row", table, section, parent: total, children: classes, basisZh: "各类之和",
          basisEn: "sum of the top-level rows")
      }
    }
  }

  /// Every row of every table whose columns imply an identity (合计 = 基本支出 + 项目支出 …).
  static let anyColumnSums = Rule(
    id: "any.column-sums", group: .withinTable, descriptionZh: "每行：合计 = 各组成列之和（基本 + 项目、人员 + 公用、各资金来源……）",
    descriptionEn:
      "Every row: a total column equals the sum of its parts (basic + project, personnel + public use, sources …)",
    tables: []
  ) { ctx in
    ctx.disclosure.tables.flatMap { table in
      table.sections.flatMap { section in
        section.identities.flatMap { identity in
          ctx.rowSums("any.column-sums", table, section, target: identity.target, parts: identity.parts)
        }
      }
    }
  }

  /// Balance tables (收支总表, 财政拨款收支总表): the closing total of every side equals the income
  /// side's (a side that prints no amount on that line is not compared).
  static let anyBalance = Rule(
    id: "any.balance", group: .withinTable, descriptionZh: "收支总表：收入总计 = 支出总计",
    descriptionEn: "Balance tables: total income equals total expenditure", tables: []
  ) { ctx in
    ctx.disclosure.tables.filter { $0.kind == .budgetSummary || $0.kind == .fiscalSummary }.flatMap {
      table -> [Finding] in
      guard let income = table.section(.income), let closing = income.rows.last(where: { $0.kind == .total }),
        let i = income.columns.indices.first
      else { return [] }
      let expected = ctx.figure(table, income, closing, column: i)
      guard expected.amount != nil else { return [] }
      return table.sections.filter { $0.role != .income }.compactMap { side -> Finding? in
        // The side's 合计 column, or its one 决算数 column (决算 收支总表).
        guard let last = side.rows.last(where: { $0.kind == .total }),
          let j = side.columnIndex(ColumnKey.total) ?? side.columnIndex(ColumnKey.final)
        else { return nil }
        let found = ctx.figure(table, side, last, column: j)
        guard found.amount != nil else { return nil }
        return ctx.compare(
          ruleId: "any.balance", table: table.number, row: last.displayName,
          column: ColumnKey.chineseName(side.columns[j]),
          found: found, expected: expected, basisZh: closing.name, basisEn: closing.name)
      }
    }
  }
}
