import Budget

// Classification codes: shape, parentage, and one name per code across the tables.

/// The tables that print classification codes, in every set: by function (收入/支出总表, the
/// 一般公共预算, 政府性基金, 国有资本经营 and 财政拨款 tables by function code, the 决算 balance
/// tables) or by revenue class (政府性基金预算收入表). Economic-code tables have rules of their own.
let codedKinds: Set<TableKind> = [
  .revenueSummary, .expenditureSummary, .generalPublicExpenditure, .governmentFundRevenue, .governmentFundExpenditure,
  .stateCapitalBudget, .fiscalExpenditure, .stateCapitalExpenditure, .governmentFundBalance, .stateCapitalBalance,
]

/// The Datong/Shanxi tables of those kinds (预算公开表2, 3, 5, 7, 8, 9).
let codedTables = [2, 3, 5, 7, 8, 9]

/// One part of a coded table: its coded rows and their classification, in printed order.
struct CodedPart {
  var table: BudgetTable
  var section: TableSection
  var kind: CodeKind
  var rows: [BudgetRow]
}

extension ValidationContext {
  /// The first part with the same table and role as `part`: per-part code sets are read from
  /// it (a table printing two parts of one role shares the first one's).
  func first(like part: CodedPart, in parts: [CodedPart]) -> CodedPart {
    parts.first { $0.table.number == part.table.number && $0.section.role == part.section.role }!
  }

  /// The cells that point at a whole printed row (`预算公开表03.csv!6:6`).
  func rowCells(_ table: BudgetTable, _ row: BudgetRow) -> [String] {
    guard let source = table.source, let line = row.line else { return [] }
    return [source.cell("\(line):\(line)")]
  }
}

extension Rule {
  /// The code rules that read a table by its kind, so that they run for every set: code shape,
  /// parents, one name per code, codes known to the catalog. (Names against the catalog stay
  /// with the Datong set: the shipped catalog is of 2023, and names change between years, as
  /// Jiangsu 2019's 20805 行政事业单位离退休 shows.)
  static let codesInEverySet: [Rule] = [codeShape, codeParent, codeSameName, catalogKnown].map {
    $0.reading(kinds: codedKinds)
  }

  /// Codes are digits of a length the classification allows, starting with its leading digit.
  static let codeShape = Rule(
    id: "codes.shape", group: .codes,
    descriptionZh: "科目编码格式：支出功能分类 3/5/7 位、以2开头；收入分类 3/5/7/9 位、以1开头",
    descriptionEn:
      "Code shape: functional codes 3/5/7 digits starting with 2; revenue codes 3/5/7/9 digits starting with 1",
    tables: codedTables, needsAllTables: false
  ) { ctx in
    ctx.codedParts.flatMap { part in
      part.rows.compactMap { row in ctx.codeShapeFinding(part.table, row, part.kind) }
    }
  }

  /// Every 款/项 code has its parent printed in the same table part.
  static let codeParent = Rule(
    id: "codes.parent", group: .codes, descriptionZh: "每个款、项科目的上级科目在同一表中列出",
    descriptionEn: "Every 款/项 code's parent is listed in the same table", tables: codedTables, needsAllTables: false
  ) { ctx in
    let parts = ctx.codedParts
    return parts.flatMap { part in
      let (table, kind) = (part.table, part.kind)
      let printed = Set(ctx.first(like: part, in: parts).rows.map { $0.code! })  // the codes this table part prints
      return part.rows.compactMap { row -> Finding? in
        let code = row.code!
        guard let i = kind.codeLengths.firstIndex(of: code.count), i > 0 else { return nil }
        let parent = String(code.prefix(kind.codeLengths[i - 1]))
        if printed.contains(parent) { return nil }
        return ctx.note(
          ruleId: "codes.parent", severity: .error, table: table.number, row: row.displayName, column: "科目编码",
          cells: ctx.rowCells(table, row), zh: "缺少上级科目 \(parent)", en: "its parent code \(parent) is not listed")
      }
    }
  }

  /// The same code carries the same name in every table.
  static let codeSameName = Rule(
    id: "codes.same-name", group: .codes, descriptionZh: "同一科目编码在各表中名称一致",
    descriptionEn: "The same code carries the same name in every table", tables: codedTables, needsAllTables: false
  ) { ctx in
    var first: [String: (name: String, table: BudgetTable, row: BudgetRow)] = [:]
    var out: [Finding] = []
    for part in ctx.codedParts {
      let (table, kind) = (part.table, part.kind)
      for row in part.rows {
        let key = kind.rawValue + ":" + row.code!
        guard let seen = first[key] else {
          first[key] = (row.name, table, row)
          continue
        }
        guard !sameLooseName(seen.name, row.name) else { continue }
        out.append(
          ctx.note(
            ruleId: "codes.same-name", severity: .error, table: table.number, row: row.displayName, column: "科目名称",
            cells: ctx.rowCells(table, row) + ctx.rowCells(seen.table, seen.row),
            zh: "科目 \(row.code!) 的名称“\(row.name)”与预算公开表\(seen.table.number)的“\(seen.name)”不一致",
            en: "code \(row.code!) is named “\(row.name)” here but “\(seen.name)” in Table \(seen.table.number)"))
      }
    }
    return out
  }
}

extension ValidationContext {
  /// The finding for a code of the wrong shape, or nil: digits of a length the classification
  /// allows, starting with its leading digit.
  func codeShapeFinding(_ table: BudgetTable, _ row: BudgetRow, _ kind: CodeKind) -> Finding? {
    let code = row.code!
    // All ASCII digits, so bytes and characters coincide.
    let digits = code.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    if digits && kind.codeLengths.contains(code.utf8.count) && code.utf8.first == (kind == .revenue ? 0x31 : 0x32) {
      return nil
    }
    let lead: Character = kind == .revenue ? "1" : "2"
    let kindZh = kind == .revenue ? "收入分类" : "支出功能分类"
    let lengths = kind.codeLengths.map(String.init).joined(separator: "/")
    return note(
      ruleId: "codes.shape", severity: .error, table: table.number, row: row.displayName, column: "科目编码",
      cells: rowCells(table, row), zh: "编码 \(code) 不是有效的\(kindZh)编码（应为以\(lead)开头的 \(lengths) 位数字）",
      en: "code \(code) is not a valid \(kind.rawValue) code (\(lengths) digits starting with \(lead))")
  }
}
