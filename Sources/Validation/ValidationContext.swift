import Budget
import Messages

/// What every rule sees: the disclosure, what counts as equal, and the catalog if one was given.
public struct ValidationContext: Sendable {
  /// The disclosure being checked.
  public var disclosure: Disclosure
  /// A difference whose magnitude is at most this counts as equal (default 0.00).
  public var tolerance: Amount
  /// The classification catalog, when one is available.
  public var catalog: (any ClassificationLookup)?
  /// 表1 and 表4 read as balances once, since several rules need them.
  let balances: [Int: Balance]
  /// The coded rows of the coded tables, read once for the code and catalog rules.
  let codedParts: [CodedPart]
  /// The source of each table (by number) that has one, shared by the cells read from it.
  let origins: [CellRef.Origin?]

  /// Creates a context.
  public init(disclosure: Disclosure, tolerance: Amount = .zero, catalog: (any ClassificationLookup)? = nil) {
    self.disclosure = disclosure
    self.tolerance = tolerance
    self.catalog = catalog
    var balances: [Int: Balance] = [:]
    for t in [1, 4] { if let table = disclosure.table(t) { balances[t] = Balance(table, catalog: catalog) } }
    self.balances = balances
    // The first table of a number is the one `disclosure.table(_:)` gives the rules.
    var origins = [CellRef.Origin?](repeating: nil, count: max(0, disclosure.tables.map(\.number).max() ?? 0) + 1)
    for table in disclosure.tables.reversed() where table.number >= 0 {
      origins[table.number] = table.source.map(CellRef.Origin.init)
    }
    self.origins = origins
    // The first table of each number, as `disclosure.table(_:)` gives them, of a coded kind.
    var seen = Set<Int>()
    codedParts = disclosure.tables.filter { seen.insert($0.number).inserted && codedKinds.contains($0.kind) }.flatMap {
      table in
      table.sections.map {
        CodedPart(table: table, section: $0, kind: codeKind(kind: table.kind, section: $0), rows: $0.codedRows)
      }
    }
  }

  /// 表1 or 表4 read as a balance.
  func balance(_ t: Int) -> Balance? { balances[t] }

  /// The cell of a row's amount in a column, if the source is known.
  public func cell(_ table: BudgetTable, _ section: TableSection, _ row: BudgetRow, _ key: String) -> CellRef? {
    section.columnIndex(key).flatMap { cell(section, row, column: $0, origin: checkedOrigin(table)) }
  }

  /// The cell of a row's amount in the column at a position, if the source is known; `table`
  /// is one the rules read from the disclosure (see `sharedOrigin`).
  func cell(_ table: BudgetTable, _ section: TableSection, _ row: BudgetRow, column i: Int) -> CellRef? {
    cell(section, row, column: i, origin: sharedOrigin(table))
  }

  private func cell(_ section: TableSection, _ row: BudgetRow, column i: Int, origin: CellRef.Origin?) -> CellRef? {
    guard let line = row.line, let letters = section.columnLetters, i < letters.count, !letters[i].isEmpty,
      let origin
    else { return nil }
    if let sheet = row.sheet, sheet != origin.source.sheet {
      // A row of a table continued onto another sheet.
      return CellRef(source: SourceRef(file: origin.source.file, sheet: sheet), letter: letters[i], line: line)
    }
    return CellRef(origin: origin, letter: letters[i], line: line)
  }

  /// The shared source of a table the rules read from the disclosure: they take tables from
  /// `disclosure.table(_:)`, the first of each number, so the number alone tells the table
  /// (comparing sources for every figure would cost more than sharing them saves).
  private func sharedOrigin(_ table: BudgetTable) -> CellRef.Origin? {
    let number = table.number
    if number >= 0, number < origins.count, let origin = origins[number] { return origin }
    return table.source.map(CellRef.Origin.init)
  }

  /// The shared source of any table: the public entry points may be handed a table that is
  /// not the disclosure's, so the source is compared once.
  private func checkedOrigin(_ table: BudgetTable) -> CellRef.Origin? {
    guard let source = table.source else { return nil }
    if let origin = sharedOrigin(table), origin.source == source { return origin }
    return CellRef.Origin(source)
  }

  /// A row's amount in a column as a figure (blank when the column is missing).
  public func figure(_ table: BudgetTable, _ section: TableSection, _ row: BudgetRow, _ key: String) -> Figure {
    guard let i = section.columnIndex(key) else { return .blank }
    return figure(section, row, column: i, origin: checkedOrigin(table))
  }

  /// A row's amount in a column (blank when the column is missing); `table` is one the rules
  /// read from the disclosure (see `sharedOrigin`).
  func figure(_ table: BudgetTable, _ section: TableSection, _ row: BudgetRow, column key: String) -> Figure {
    guard let i = section.columnIndex(key) else { return .blank }
    return figure(table, section, row, column: i)
  }

  /// A row's amount in the column at a position, for loops that already know the position;
  /// `table` is one the rules read from the disclosure (see `sharedOrigin`).
  func figure(_ table: BudgetTable, _ section: TableSection, _ row: BudgetRow, column i: Int) -> Figure {
    figure(section, row, column: i, origin: sharedOrigin(table))
  }

  private func figure(_ section: TableSection, _ row: BudgetRow, column i: Int, origin: CellRef.Origin?) -> Figure {
    let amount = i < row.amounts.count ? row.amounts[i] : nil
    // A blank cell is listed but is not a printed value that could carry rounding.
    return Figure(amount: amount, cell: cell(section, row, column: i, origin: origin), terms: amount == nil ? 0 : 1)
  }

  /// Compares a printed figure with what it should be, making a finding when they differ by
  /// more than the tolerance. A difference of at most 0.01 per summed term is `rounding`.
  /// The texts are only evaluated for a finding: most comparisons agree.
  public func compare(
    ruleId: String, severity: Severity = .error, table: Int?, row: @autoclosure () -> String,
    column: @autoclosure () -> String, found: Figure, expected: Figure, basisZh: @autoclosure () -> String,
    basisEn: @autoclosure () -> String
  ) -> Finding? {
    guard !found.overflowed, !expected.overflowed, let difference = found.value.subtracting(expected.value) else {
      return beyondRange(
        ruleId: ruleId, table: table, row: row(), column: column(), cells: (found.cells + expected.cells).map(\.text))
    }
    if difference.magnitude <= tolerance { return nil }
    var level = severity
    let terms = max(found.terms, expected.terms)
    if severity == .error, terms >= 2, difference.magnitude <= Amount(units: Int64(terms), scale: 2) {
      level = .rounding
    }
    let row = row()
    let column = column()
    let place = [table.map(tableName), row.isEmpty ? nil : row].compactMap { $0 }.joined(separator: " ")
    let placeEn = [table.map(tableNameEn), row.isEmpty ? nil : row].compactMap { $0 }.joined(separator: " ")
    let zh =
      "\(place) \(column)：应为 \(shown(expected.amount, .zh))（\(basisZh())），实为 \(shown(found.amount, .zh))，相差 \(difference.magnitude.text())"
    let en =
      "\(placeEn) \(column): expected \(shown(expected.amount, .en)) (\(basisEn())), found \(shown(found.amount, .en)), difference \(difference.magnitude.text())"
    return Finding(
      ruleId: ruleId, severity: level, table: table, row: row, column: column,
      cells: (found.cells + expected.cells).map(\.text),
      expected: expected.amount, found: found.amount, difference: difference, messageZh: zh, messageEn: en)
  }

  /// How messages name a table: `预算公开表N` in the Datong/Shanxi set, whose rules and users
  /// number the tables so (also when the label is not printed); elsewhere the printed label or title.
  func tableName(_ number: Int) -> String {
    let table = disclosure.table(number)
    if disclosure.templateSet == Disclosure.datongSet { return "预算公开表\(number)" }
    return table?.label ?? table?.title ?? "表\(number)"
  }

  /// The English name of a table in messages.
  func tableNameEn(_ number: Int) -> String {
    if disclosure.templateSet == Disclosure.datongSet { return "Table \(number)" }
    let table = disclosure.table(number)
    return table?.label ?? table?.title ?? "Table \(number)"
  }

  /// The error for a comparison whose sum or difference does not fit an amount (amounts near
  /// 10^15 with many decimals): the check cannot be made, which is never a pass.
  public func beyondRange(ruleId: String, table: Int?, row: String, column: String, cells: [String]) -> Finding {
    note(
      ruleId: ruleId, severity: .error, table: table, row: row, column: column, cells: cells,
      zh: "\(column) 金额过大或小数位过多，无法核算", en: "\(column): amounts too large or too precise to be checked")
  }

  /// A finding that is not a comparison of two amounts (a bad code, a missing parent, an unknown name).
  public func note(
    ruleId: String, severity: Severity, table: Int?, row: String, column: String = "", cells: [String] = [],
    zh: String, en: String
  ) -> Finding {
    let place = [table.map(tableName), row.isEmpty ? nil : row].compactMap { $0 }.joined(separator: " ")
    let placeEn = [table.map(tableNameEn), row.isEmpty ? nil : row].compactMap { $0 }.joined(separator: " ")
    return Finding(
      ruleId: ruleId, severity: severity, table: table, row: row, column: column, cells: cells, expected: nil,
      found: nil, difference: nil, messageZh: "\(place)：\(zh)", messageEn: "\(placeEn): \(en)")
  }
}
