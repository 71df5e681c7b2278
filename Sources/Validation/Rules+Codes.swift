import Budget

// Classification codes: shape, parentage, and one name per code across the tables.

/// The tables that print classification codes.
let codedTables = [2, 3, 5, 7, 8, 9]

extension ValidationContext {
  /// Every coded row of the coded tables with its table, section and classification.
  func codedRows() -> [(table: BudgetTable, section: TableSection, row: BudgetRow, kind: CodeKind)] {
    codedTables.flatMap { t in
      sections(t).flatMap { table, section in
        let kind = codeKind(table: t, section: section)
        return section.codedRows.map { (table, section, $0, kind) }
      }
    }
  }

  /// The cells that point at a whole printed row (`预算公开表03.csv!6:6`).
  func rowCells(_ table: BudgetTable, _ row: BudgetRow) -> [String] {
    guard let source = table.source, let line = row.line else { return [] }
    return [source.cell("\(line):\(line)")]
  }
}

extension Rule {
  /// Codes are digits of a length the classification allows, starting with its leading digit.
  static let codeShape = Rule(
    id: "codes.shape", group: .codes,
    descriptionZh: "科目编码格式：支出功能分类 3/5/7 位、以2开头；收入分类 3/5/7/9 位、以1开头",
    descriptionEn: "Code shape: functional codes 3/5/7 digits starting with 2; revenue codes 3/5/7/9 digits starting with 1",
    tables: codedTables, needsAllTables: false
  ) { ctx in
    ctx.codedRows().compactMap { table, _, row, kind in
      let code = row.code!
      let lead: Character = kind == .revenue ? "1" : "2"
      let ok = code.allSatisfy { $0.isASCII && $0.isNumber } && kind.codeLengths.contains(code.count) && code.first == lead
      if ok { return nil }
      let kindZh = kind == .revenue ? "收入分类" : "支出功能分类"
      let lengths = kind.codeLengths.map(String.init).joined(separator: "/")
      return ctx.note(
        ruleId: "codes.shape", severity: .error, table: table.number, row: row.displayName, column: "科目编码",
        cells: ctx.rowCells(table, row), zh: "编码 \(code) 不是有效的\(kindZh)编码（应为以\(lead)开头的 \(lengths) 位数字）",
        en: "code \(code) is not a valid \(kind.rawValue) code (\(lengths) digits starting with \(lead))")
    }
  }

  /// Every 款/项 code has its parent printed in the same table part.
  static let codeParent = Rule(
    id: "codes.parent", group: .codes, descriptionZh: "每个款、项科目的上级科目在同一表中列出",
    descriptionEn: "Every 款/项 code's parent is listed in the same table", tables: codedTables, needsAllTables: false
  ) { ctx in
    var printed: [String: Set<String>] = [:]  // per table part: the codes it prints
    return ctx.codedRows().compactMap { table, section, row, kind in
      let code = row.code!
      guard let i = kind.codeLengths.firstIndex(of: code.count), i > 0 else { return nil }
      let parent = String(code.prefix(kind.codeLengths[i - 1]))
      let part = "\(table.number)\(section.role)"
      if printed[part] == nil { printed[part] = Set(section.codedRows.map { $0.code! }) }
      if printed[part]!.contains(parent) { return nil }
      return ctx.note(
        ruleId: "codes.parent", severity: .error, table: table.number, row: row.displayName, column: "科目编码",
        cells: ctx.rowCells(table, row), zh: "缺少上级科目 \(parent)", en: "its parent code \(parent) is not listed")
    }
  }

  /// The same code carries the same name in every table.
  static let codeSameName = Rule(
    id: "codes.same-name", group: .codes, descriptionZh: "同一科目编码在各表中名称一致",
    descriptionEn: "The same code carries the same name in every table", tables: codedTables, needsAllTables: false
  ) { ctx in
    var first: [String: (name: String, table: Int, cells: [String])] = [:]
    var out: [Finding] = []
    for (table, _, row, kind) in ctx.codedRows() {
      let key = kind.rawValue + ":" + row.code!
      guard let seen = first[key] else {
        first[key] = (row.name, table.number, ctx.rowCells(table, row))
        continue
      }
      guard looseName(seen.name) != looseName(row.name) else { continue }
      out.append(
        ctx.note(
          ruleId: "codes.same-name", severity: .error, table: table.number, row: row.displayName, column: "科目名称",
          cells: ctx.rowCells(table, row) + seen.cells,
          zh: "科目 \(row.code!) 的名称“\(row.name)”与预算公开表\(seen.table)的“\(seen.name)”不一致",
          en: "code \(row.code!) is named “\(row.name)” here but “\(seen.name)” in Table \(seen.table)"))
    }
    return out
  }
}
