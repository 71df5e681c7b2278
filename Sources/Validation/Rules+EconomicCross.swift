import Budget

// Cross-table rules that read 表6 by economic names: 三公 vehicles (an inequality) and
// 机关运行经费 (a definition that depends on which units are 参公, hence a warning).

extension Rule {
  /// 表6 公务用车运行维护费 ≤ 表10 ②公务用车运行维护费: 三公 also counts 项目支出, 表6 only 基本支出.
  static let t6t10Vehicles = Rule(
    id: "X.t6-t10.vehicles", group: .acrossTables,
    descriptionZh: "预算公开表6 公务用车运行维护费 ≤ 预算公开表10 ②公务用车运行维护费（三公含项目支出，故为不等式）",
    descriptionEn: "Table 6's vehicle running costs ≤ Table 10's ② (三公 also counts project money, so an inequality)",
    tables: [6, 10]
  ) { ctx in
    guard let t6 = ctx.disclosure.table(6), let t10 = ctx.disclosure.table(10) else { return [] }
    var figures: [Figure] = []
    var rowName = "公务用车运行维护费"
    for section in t6.sections {
      for row in section.rows where row.kind == .item && plainName(row.name) == "公务用车运行维护费" {
        figures.append(ctx.figure(t6, section, row, column: ColumnKey.total))
        rowName = row.displayName
      }
    }
    var bound = Figure.blank
    var boundRow = "②公务用车运行维护费"
    for section in t10.sections {
      guard let row = section.rows.first(where: { plainName($0.name) == "公务用车运行维护费" }) else { continue }
      let key = section.columnIndex(ColumnKey.generalPublic) != nil ? ColumnKey.generalPublic : ColumnKey.total
      bound = ctx.figure(t10, section, row, column: key)
      boundRow = "\(row.name) \(ColumnKey.chineseName(key))"
    }
    let found = Figure.sum(figures)
    guard !found.overflowed, let excess = found.value.subtracting(bound.value) else {
      return [
        ctx.beyondRange(
          ruleId: "X.t6-t10.vehicles", table: 6, row: rowName, column: ColumnKey.chineseName(ColumnKey.total),
          cells: (found.cells + bound.cells).map(\.text))
      ]
    }
    guard excess > ctx.tolerance else { return [] }
    return [
      Finding(
        ruleId: "X.t6-t10.vehicles", severity: .error, table: 6, row: rowName,
        column: ColumnKey.chineseName(ColumnKey.total),
        cells: (found.cells + bound.cells).map(\.text), expected: bound.amount, found: found.amount, difference: excess,
        messageZh:
          "预算公开表6 \(rowName) 合计：应不超过 \(shown(bound.amount, .zh))（预算公开表10 \(boundRow)），实为 \(shown(found.amount, .zh))，超出 \(excess.text())",
        messageEn:
          "Table 6 \(rowName) total: expected at most \(shown(bound.amount, .en)) (Table 10 \(boundRow)), found \(shown(found.amount, .en)), excess \(excess.text())"
      )
    ]
  }

  /// 表11 机关运行经费 = Σ 表6 公用经费 rows whose 政府经济科目 is a 502 (机关商品和服务支出) 款.
  static let t11t6Office = Rule(
    id: "X.t11-t6.office", group: .acrossTables, severity: .warning,
    descriptionZh: "预算公开表11 部门合计 = Σ预算公开表6 政府经济科目属502机关商品和服务支出的公用经费（取决于哪些单位参公，故为警告）",
    descriptionEn:
      "Table 11's department total equals Σ Table 6 public-use rows under 502 (warning: depends on which units are 参公)",
    tables: [11, 6]
  ) { ctx in
    guard let t6 = ctx.disclosure.table(6), let t11 = ctx.disclosure.table(11) else { return [] }
    var figures: [Figure] = []
    for section in t6.sections {
      let key = section.columnIndex(ColumnKey.publicUse) != nil ? ColumnKey.publicUse : ColumnKey.total
      for row in section.rows where row.kind == .item {
        guard let second = row.secondName, !second.isEmpty else { continue }
        let name = plainName(second)
        let code =
          ctx.catalog?.economicCode(named: name, kind: .economicGovernment)
          ?? StandardLines.governmentGoodsAndServices[name]
        if let code, code.hasPrefix("502") { figures.append(ctx.figure(t6, section, row, column: key)) }
      }
    }
    var t6view = View(table: 6, nameZh: "预算公开表6", nameEn: "Table 6")
    t6view.add(
      "office", row: "Σ502机关商品和服务支出（\(figures.count)行）", column: ColumnKey.chineseName(ColumnKey.publicUse),
      Figure.sum(figures))
    let key =
      t11.sections.first?.columnIndex(ColumnKey.generalPublic) != nil ? ColumnKey.generalPublic : ColumnKey.total
    return ctx.agree(
      ctx.totalView(11, column: key, key: "office"), t6view, ruleId: "X.t11-t6.office", severity: .warning)
  }
}
