import Budget

// 表6 (economic classes), 表10 (三公) and 表11 (机关运行经费): rows identified by name.

extension Rule {
  /// 表6 合计 = Σ class rows.
  static let t6TotalRow = Rule(
    id: "T6.total-row", group: .withinTable, descriptionZh: "预算公开表6 合计 = Σ经济分类类级行（工资福利支出、商品和服务支出……）",
    descriptionEn: "Table 6: the 合计 row equals the sum of the economic class rows", tables: [6], needsData: true
  ) { ctx in
    ctx.sections(6).flatMap { table, section -> [Finding] in
      guard let total = section.totalRow else { return [] }
      let classes = EconomicBlocks(section).blocks.map(\.classRow)
      return ctx.columnSum(
        "T6.total-row", table, section, parent: total, children: classes, basisZh: "各类之和",
        basisEn: "sum of the class rows")
    }
  }

  /// 表6 each class row = Σ its 款 rows.
  static let t6ClassSum = Rule(
    id: "T6.class-sum", group: .withinTable, descriptionZh: "预算公开表6 每个类级行 = 其下各款之和",
    descriptionEn: "Table 6: each class row equals the sum of its 款 rows", tables: [6], needsData: true
  ) { ctx in
    ctx.sections(6).flatMap { table, section in
      EconomicBlocks(section).blocks.flatMap { block -> [Finding] in
        guard !block.items.isEmpty else { return [] }
        return ctx.columnSum(
          "T6.class-sum", table, section, parent: block.classRow, children: block.items, basisZh: "各款之和",
          basisEn: "sum of its 款 rows")
      }
    }
  }

  /// 表6 合计 = 人员经费 + 公用经费 in every row.
  static let t6PersonnelPublic = Rule(
    id: "T6.personnel-public", group: .withinTable, descriptionZh: "预算公开表6 每行 合计 = 人员经费 + 公用经费",
    descriptionEn: "Table 6: in every row, total = personnel + public use", tables: [6], needsData: true
  ) { ctx in
    ctx.sections(6).flatMap { table, section in
      ctx.rowSums(
        "T6.personnel-public", table, section, target: ColumnKey.total,
        parts: [ColumnKey.personnel, ColumnKey.publicUse])
    }
  }

  /// 表10 合计 = 因公出国（境）费 + 公务接待费 + 公务用车购置及运行费.
  static let t10TotalRow = Rule(
    id: "T10.total-row", group: .withinTable, descriptionZh: "预算公开表10 合计 = 因公出国（境）费 + 公务接待费 + 公务用车购置及运行费",
    descriptionEn: "Table 10: total = travel abroad + official reception + official vehicles", tables: [10],
    needsData: true
  ) { ctx in
    ctx.sections(10).flatMap { table, section -> [Finding] in
      guard let total = section.totalRow else { return [] }
      let items = section.rows.filter { r in
        let n = plainName(r.name)
        return r.kind == .item && (n.containsBytes("因公出国") || n.containsBytes("公务接待") || n.containsBytes("公务用车购置及运行"))
      }
      return ctx.columnSum(
        "T10.total-row", table, section, parent: total, children: items, basisZh: "三项之和",
        basisEn: "sum of the three items")
    }
  }

  /// 表10 公务用车购置及运行费 = ①公务用车购置费 + ②公务用车运行维护费.
  static let t10Vehicles = Rule(
    id: "T10.vehicles", group: .withinTable, descriptionZh: "预算公开表10 公务用车购置及运行费 = ①购置费 + ②运行维护费",
    descriptionEn: "Table 10: official vehicles = ① purchase + ② running costs", tables: [10], needsData: true
  ) { ctx in
    ctx.sections(10).flatMap { table, section -> [Finding] in
      let named = { (s: String) in section.rows.first { plainName($0.name) == s } }
      guard let parent = named("公务用车购置及运行费") else { return [] }
      let parts = [named("公务用车购置费"), named("公务用车运行维护费")].compactMap { $0 }
      return ctx.columnSum(
        "T10.vehicles", table, section, parent: parent, children: parts, basisZh: "① + ②", basisEn: "① + ②")
    }
  }

  /// 表11 部门合计 = Σ unit rows.
  static let t11TotalRow = Rule(
    id: "T11.total-row", group: .withinTable, descriptionZh: "预算公开表11 部门合计 = Σ各单位",
    descriptionEn: "Table 11: the department total equals the sum of the units", tables: [11], needsData: true
  ) { ctx in
    ctx.sections(11).flatMap { table, section -> [Finding] in
      guard let total = section.totalRow else { return [] }
      let units = section.rows.filter { $0.kind == .item }
      return ctx.columnSum(
        "T11.total-row", table, section, parent: total, children: units, basisZh: "各单位之和", basisEn: "sum of the units")
    }
  }
}
