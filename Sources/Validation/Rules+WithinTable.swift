import Budget

// Arithmetic inside one table: 类 = Σ款, 款 = Σ项, 合计 = Σ类, 合计 = 基本 + 项目, 合计 = Σ fund sources.

extension ValidationContext {
  /// Every section of a table, or only those with a role.
  func sections(_ number: Int, role: SectionRole? = nil) -> [(BudgetTable, TableSection)] {
    guard let table = disclosure.table(number) else { return [] }
    return table.sections.filter { role == nil || $0.role == role }.map { (table, $0) }
  }

  /// Checks `row[target] = Σ row[parts]` in every row of a section.
  func rowSums(
    _ ruleId: String, _ table: BudgetTable, _ section: TableSection, target: String, parts: [String],
    severity: Severity = .error
  ) -> [Finding] {
    // The column positions are found once per section, not once per row.
    let present = parts.filter { section.columnIndex($0) != nil }
    guard let t = section.columnIndex(target), !present.isEmpty else { return [] }
    let positions = present.map { section.columnIndex($0)! }
    return section.rows.compactMap { row in
      compare(
        ruleId: ruleId, severity: severity, table: table.number, row: row.displayName,
        column: ColumnKey.chineseName(target), found: figure(table, section, row, column: t),
        expected: Figure.sum(positions.lazy.map { self.figure(table, section, row, column: $0) }),
        basisZh: present.map(ColumnKey.chineseName).joined(separator: " + "),
        basisEn: present.map { englishColumn($0) }.joined(separator: " + "))
    }
  }

  /// Checks `parent[column] = Σ children[column]` for every column of a section.
  func columnSum(
    _ ruleId: String, _ table: BudgetTable, _ section: TableSection, parent: BudgetRow, children: [BudgetRow],
    basisZh: String, basisEn: String, severity: Severity = .error
  ) -> [Finding] {
    section.columns.compactMap { key in
      // The first column of that key, as `figure(_:_:_:_:)` reads it.
      let i = section.columnIndex(key)!
      return compare(
        ruleId: ruleId, severity: severity, table: table.number, row: parent.displayName,
        column: ColumnKey.chineseName(key), found: figure(table, section, parent, column: i),
        expected: Figure.sum(children.lazy.map { figure(table, section, $0, column: i) }), basisZh: basisZh,
        basisEn: basisEn)
    }
  }
}

/// The English name of a column key.
func englishColumn(_ key: String) -> String {
  switch key {
  case ColumnKey.total: "total"
  case ColumnKey.basic: "basic"
  case ColumnKey.project: "project"
  case ColumnKey.generalPublic: "general public budget"
  case ColumnKey.governmentFund: "government fund"
  case ColumnKey.stateCapital: "state capital"
  case ColumnKey.specialAccount: "special account"
  case ColumnKey.unitFunds: "unit funds"
  case ColumnKey.carryover: "carried over"
  case ColumnKey.personnel: "personnel"
  case ColumnKey.publicUse: "public use"
  case ColumnKey.currentYear: "this year"
  case ColumnKey.carryoverArranged: "from carry-over"
  default: key
  }
}

private let levelNames = ["类", "款", "项", "目"]

extension Rule {
  /// 类 = Σ款, 款 = Σ项 (收入分类 also 项 = Σ目) in every amount column.
  static func hierarchy(_ t: Int) -> Rule {
    let id = "T\(t).hierarchy"
    return Rule(
      id: id, group: .withinTable, descriptionZh: "预算公开表\(t) 类 = Σ款、款 = Σ项（各金额列）",
      descriptionEn: "Table \(t): each 类 equals the sum of its 款, each 款 the sum of its 项 (every amount column)",
      tables: [t], needsData: true
    ) { ctx in
      ctx.sections(t).flatMap { table, section in
        let lengths = codeKind(table: t, section: section).codeLengths
        let byParent = section.childrenByParent(lengths: lengths)
        return section.codedRows.flatMap { parent -> [Finding] in
          let children = byParent[parent.code!] ?? []
          guard !children.isEmpty, let level = lengths.firstIndex(of: parent.code!.count) else { return [] }
          let child = levelNames[min(level + 1, 3)]
          return ctx.columnSum(
            id, table, section, parent: parent, children: children, basisZh: "各\(child)之和",
            basisEn: "sum of its \(child) rows")
        }
      }
    }
  }

  /// 合计 = Σ 类 rows.
  static func totalRow(_ t: Int) -> Rule {
    let id = "T\(t).total-row"
    return Rule(
      id: id, group: .withinTable, descriptionZh: "预算公开表\(t) 合计 = Σ类（各金额列）",
      descriptionEn: "Table \(t): the 合计 row equals the sum of the 类 rows (every amount column)",
      tables: [t], needsData: true
    ) { ctx in
      ctx.sections(t).flatMap { table, section -> [Finding] in
        guard let total = section.totalRow else { return [] }
        let first = codeKind(table: t, section: section).codeLengths[0]
        let classes = section.codedRows.filter { $0.code!.count == first }
        return ctx.columnSum(
          id, table, section, parent: total, children: classes, basisZh: "各类之和", basisEn: "sum of the 类 rows")
      }
    }
  }

  /// 合计 = 基本支出 + 项目支出 in every row.
  static func basicProject(_ t: Int) -> Rule {
    let id = "T\(t).basic-project"
    return Rule(
      id: id, group: .withinTable, descriptionZh: "预算公开表\(t) 每行 合计 = 基本支出 + 项目支出",
      descriptionEn: "Table \(t): in every row, total = basic + project", tables: [t], needsData: true
    ) { ctx in
      ctx.sections(t).flatMap { table, section in
        ctx.rowSums(id, table, section, target: ColumnKey.total, parts: [ColumnKey.basic, ColumnKey.project])
      }
    }
  }

  /// 合计 = Σ fund-source columns in every row (上年结转 is not part of 表2's 合计).
  static func fundSources(_ t: Int) -> Rule {
    let id = "T\(t).fund-sources"
    let funds = [
      ColumnKey.generalPublic, ColumnKey.governmentFund, ColumnKey.stateCapital, ColumnKey.specialAccount,
      ColumnKey.unitFunds,
    ]
    return Rule(
      id: id, group: .withinTable, descriptionZh: "预算公开表\(t) 每行 合计 = 各资金来源列之和",
      descriptionEn: "Table \(t): in every row, total = the sum of the fund-source columns", tables: [t],
      needsData: true
    ) { ctx in
      ctx.sections(t, role: t == 4 ? .expenditure : nil).flatMap { table, section in
        ctx.rowSums(id, table, section, target: ColumnKey.total, parts: funds)
      }
    }
  }
}
