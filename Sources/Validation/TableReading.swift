import Budget

// Reading the structure the rules need out of the printed rows: which rows are 类/款/项, which
// is the 合计, where 表1/表4's income and expenditure lines end.

extension TableSection {
  /// The first total row (合计, 部门合计), if any.
  var totalRow: BudgetRow? { rows.first { $0.kind == .total } }

  /// Rows with a code.
  var codedRows: [BudgetRow] { rows.filter { $0.kind == .item && !($0.code ?? "").isEmpty } }

  /// The rows one level below each coded row (same prefix, next code length), by parent code,
  /// built in one pass so that hierarchy checks stay linear.
  func childrenByParent(lengths: [Int]) -> [String: [BudgetRow]] {
    var out: [String: [BudgetRow]] = [:]
    for row in codedRows {
      let code = row.code!
      guard let i = lengths.firstIndex(of: code.count), i > 0 else { continue }
      out[String(code.prefix(lengths[i - 1])), default: []].append(row)
    }
    return out
  }

  /// Whether the section carries any amount.
  var hasData: Bool { rows.contains { $0.amounts.contains { $0 != nil && !$0!.isZero } } }
}

/// The code lengths of a table's classification: 表7 (and 表9's income block when it really
/// holds revenue codes) use 收入分类, every other coded table 支出功能分类.
func codeKind(table: Int, section: TableSection) -> CodeKind {
  codeKind(kind: TableKind.datong(table), section: section)
}

/// The classification a table part's codes belong to, by the table's kind: 政府性基金预算收入表
/// prints revenue codes, the income side of a 国有资本经营预算收支表 may; every other coded
/// table prints functional codes.
func codeKind(kind: TableKind?, section: TableSection) -> CodeKind {
  if kind == .governmentFundRevenue { return .revenue }
  if kind == .stateCapitalBudget, section.role == .income,
    section.codedRows.contains(where: { $0.code!.hasPrefix("1") })
  {
    return .revenue
  }
  return .functional
}

/// 表6's printed structure: class rows (no 政府经济科目 name) each followed by their 款 rows.
struct EconomicBlocks {
  /// One class row and its 款 rows.
  struct Block {
    var classRow: BudgetRow
    var items: [BudgetRow]
  }

  var blocks: [Block] = []

  init(_ section: TableSection) {
    for row in section.rows where row.kind == .item {
      if (row.secondName ?? "").isEmpty {
        blocks.append(Block(classRow: row, items: []))
      } else if !blocks.isEmpty {
        blocks[blocks.count - 1].items.append(row)
      }
    }
  }
}

/// The fund-source column an income line of 表1/表4 stands for (`一、一般公共预算` → general_public).
func fundKey(forIncomeLine name: String) -> String? {
  let n = plainName(name)
  if n.containsBytes("一般公共预算") { return ColumnKey.generalPublic }
  if n.containsBytes("政府性基金") { return ColumnKey.governmentFund }
  if n.containsBytes("国有资本经营") { return ColumnKey.stateCapital }
  if n.containsBytes("财政专户") { return ColumnKey.specialAccount }
  if n.containsBytes("单位资金") { return ColumnKey.unitFunds }
  return nil
}

/// 表1 / 表4 read as a balance: lines, 本年合计, 结转, 总计 on each side.
struct Balance {
  var incomeLines: [BudgetRow] = []
  /// The fund-source column key of each income line (`fundKey(forIncomeLine:)`).
  var incomeFunds: [String?] = []
  var incomeTotal: BudgetRow?
  var carryIn: BudgetRow?
  var carryInParts: [BudgetRow] = []
  /// The fund-source column key of each carry-over part.
  var carryInFunds: [String?] = []
  var incomeGrand: BudgetRow?
  var expenditureLines: [BudgetRow] = []
  var expenditureTotal: BudgetRow?
  var carryOut: BudgetRow?
  var expenditureGrand: BudgetRow?
  /// The 功能分类 类 code of each expenditure line (nil when the name is not a 类).
  var lineCodes: [String?] = []

  init(_ table: BudgetTable, catalog: (any ClassificationLookup)?) {
    if let income = table.section(.income) {
      var phase = 0  // 0 lines, 1 after 本年收入合计, 2 after 上年结转
      for row in income.rows {
        let n = plainName(row.name)
        if n.containsBytes("收入总计") || (row.kind == .total && n.hasSuffix("总计")) {
          incomeGrand = row
          phase = 3
        } else if n.containsBytes("本年收入合计") || (row.kind == .total && phase == 0) {
          incomeTotal = row
          phase = 1
        } else if n.hasPrefix("上年") && n.containsBytes("结转") {
          carryIn = row
          phase = 2
        } else if phase == 0 {
          incomeLines.append(row)
        } else if phase == 2 {
          carryInParts.append(row)
        }
      }
      incomeFunds = incomeLines.map { fundKey(forIncomeLine: $0.name) }
      carryInFunds = carryInParts.map { fundKey(forIncomeLine: $0.name) }
    }
    if let expenditure = table.section(.expenditure) {
      var phase = 0
      for row in expenditure.rows {
        let n = plainName(row.name)
        if n.containsBytes("支出总计") || (row.kind == .total && n.hasSuffix("总计")) {
          expenditureGrand = row
          phase = 2
        } else if n.containsBytes("本年支出合计") || (row.kind == .total && phase == 0) {
          expenditureTotal = row
          phase = 1
        } else if n.containsBytes("年终结转") || n.containsBytes("结转下年") {
          carryOut = row
        } else if phase == 0 {
          expenditureLines.append(row)
          lineCodes.append(catalog?.classCode(forLine: row.name) ?? StandardLines.classCode(forLine: row.name))
        }
      }
    }
  }
}
