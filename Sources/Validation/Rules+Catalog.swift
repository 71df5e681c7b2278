import Budget

// Codes and names against the government classification catalog (政府收支分类科目).

extension Rule {
  /// Every printed code is in the catalog. A code the catalog lacks is `info` while the catalog
  /// of its classification is partial (the shipped one), a warning when it is complete (`--catalog
  /// FILE --catalog-complete`).
  static let catalogKnown = Rule(
    id: "catalog.known", group: .catalog, severity: .info, descriptionZh: "科目编码见于政府收支分类科目",
    descriptionEn: "Every code is in the classification catalog", tables: codedTables, needsCatalog: true,
    needsAllTables: false
  ) { ctx in
    guard let catalog = ctx.catalog else { return [] }
    return ctx.codedParts.flatMap { part in
      let (table, kind) = (part.table, part.kind)
      return part.rows.compactMap { row -> Finding? in
        if catalog.record(row.code!, kind: kind) != nil { return nil }
        return ctx.note(
          ruleId: "catalog.known", severity: catalog.isComplete(kind) ? .warning : .info, table: table.number,
          row: row.displayName, column: "科目编码",
          cells: ctx.rowCells(table, row), zh: "科目编码 \(row.code!) 不在政府收支分类科目中",
          en: "code \(row.code!) is not in the classification catalog")
      }
    }
  }

  /// A known code carries the catalog's name (a catalog row still marked "verify" gives a warning).
  static let catalogName = Rule(
    id: "catalog.name", group: .catalog, descriptionZh: "科目名称与政府收支分类科目一致",
    descriptionEn: "Every code carries its catalog name", tables: codedTables, needsCatalog: true, needsAllTables: false
  ) { ctx in
    guard let catalog = ctx.catalog else { return [] }
    return ctx.codedParts.flatMap { part in
      let (table, kind) = (part.table, part.kind)
      return part.rows.compactMap { row -> Finding? in
        guard let record = catalog.record(row.code!, kind: kind), !sameLooseName(record.name, row.name) else {
          return nil
        }
        return ctx.note(
          ruleId: "catalog.name", severity: record.needsVerification ? .warning : .error, table: table.number,
          row: row.displayName, column: "科目名称", cells: ctx.rowCells(table, row),
          zh: "科目 \(row.code!) 的规范名称为“\(record.name)”，表中为“\(row.name)”",
          en: "code \(row.code!) is named “\(record.name)” in the catalog, “\(row.name)” here")
      }
    }
  }

  /// A code's money sits only in its budget's column (a 政府性基金 code carries no 一般公共预算 money).
  static let catalogBudgetType = Rule(
    id: "catalog.budget-type", group: .catalog, descriptionZh: "科目所属预算与金额所在列相符（政府性基金科目不列一般公共预算资金等）",
    descriptionEn:
      "A code's money sits in its budget's column (a government-fund code carries no general public money)",
    tables: [2, 5, 7, 8, 9], needsCatalog: true, needsAllTables: false
  ) { ctx in
    guard let catalog = ctx.catalog else { return [] }
    var out: [Finding] = []
    let parts = ctx.codedParts
    for part in parts {
      let (table, section, kind) = (part.table, part.section, part.kind)
      let like = ctx.first(like: part, in: parts)
      let parents = like.section.childrenByParent(lengths: like.kind.codeLengths)  // codes that have children
      for row in part.rows {
        let code = row.code!
        // Only the most detailed rows: a 类 such as 212 holds both 一般公共预算 and 基金 children.
        guard parents[code] == nil, let record = catalog.record(code, kind: kind),
          record.budget != .mixed
        else { continue }
        // Which budget each amount column of this table belongs to.
        let columns: [(String, BudgetKind)]
        switch table.number {
        case 2:
          columns = [
            (ColumnKey.generalPublic, .generalPublic), (ColumnKey.governmentFund, .governmentFund),
            (ColumnKey.stateCapital, .stateCapital),
          ]
        case 5: columns = [(ColumnKey.total, .generalPublic)]
        case 7, 8: columns = [(ColumnKey.total, .governmentFund)]
        case 9 where kind == .functional && section.role == .expenditure:
          columns = [
            (ColumnKey.total, .stateCapital), (ColumnKey.basic, .stateCapital), (ColumnKey.project, .stateCapital),
          ]
        case 9 where kind == .revenue: columns = [(ColumnKey.total, .stateCapital)]
        default: columns = []
        }
        for (key, budget) in columns where budget != record.budget {
          let f = ctx.figure(table, section, row, column: key)
          guard let a = f.amount, a.magnitude > ctx.tolerance else { continue }
          out.append(
            Finding(
              ruleId: "catalog.budget-type", severity: .error, table: table.number, row: row.displayName,
              column: ColumnKey.chineseName(key), cells: f.cells.map(\.text), expected: .zero, found: a, difference: a,
              messageZh:
                "预算公开表\(table.number) \(row.displayName) \(ColumnKey.chineseName(key))：\(record.budget.chineseName)科目不应有\(budget.chineseName)资金，实为 \(a.text())",
              messageEn:
                "Table \(table.number) \(row.displayName) \(ColumnKey.chineseName(key)): a \(record.budget.rawValue) code carries \(budget.rawValue) money (\(a.text()))"
            ))
        }
      }
    }
    return out
  }

  /// 表6's economic names are in the 部门/政府 economic classifications.
  static let catalogEconomicNames = Rule(
    id: "catalog.t6-names", group: .catalog, severity: .warning, descriptionZh: "预算公开表6 部门、政府经济科目名称见于经济分类科目",
    descriptionEn: "Table 6's economic names are in the department and government economic classifications",
    tables: [6], needsCatalog: true
  ) { ctx in
    guard let catalog = ctx.catalog, let table = ctx.disclosure.table(6) else { return [] }
    var out: [Finding] = []
    for section in table.sections {
      for row in section.rows where row.kind == .item {
        var names: [(String, CodeKind, String, String)] = [
          (row.name, .economicDepartment, "部门预算支出经济分类", "department economic")
        ]
        if let second = row.secondName, !second.isEmpty {
          names.append((second, .economicGovernment, "政府预算支出经济分类", "government economic"))
        }
        for (name, kind, zh, en) in names where catalog.economicCode(named: plainName(name), kind: kind) == nil {
          out.append(
            ctx.note(
              ruleId: "catalog.t6-names", severity: .warning, table: 6, row: row.displayName,
              column: kind == .economicDepartment ? "部门预算支出经济科目名称" : "政府预算支出经济科目名称",
              cells: ctx.rowCells(table, row), zh: "“\(name)”不是\(zh)科目名称",
              en: "“\(name)” is not a \(en) classification name"))
        }
      }
    }
    return out
  }
}
