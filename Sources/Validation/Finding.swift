import Budget
import Messages

/// One thing a rule found wrong, with every cell involved and both sides of the comparison.
public struct Finding: Sendable, Equatable, LocalizedMessage, CustomStringConvertible {
  /// The id of the rule that made the finding.
  public var ruleId: String
  /// How serious it is.
  public var severity: Severity
  /// The table the finding is about (the `found` side), if any.
  public var table: Int?
  /// The row as users know it: `2060101 行政运行`, `合计`, `基本工资 / 工资奖金津补贴`.
  public var row: String
  /// The column's Chinese header (`合计`, `一般公共预算`).
  public var column: String
  /// Every cell involved, found side first: `预算公开表03.csv!C6`, `book.xlsx 预算公开表3!C6`.
  public var cells: [String]
  /// What the value should be (nil when that side is a blank cell).
  public var expected: Amount?
  /// What the table says (nil for a blank cell).
  public var found: Amount?
  /// found − expected, blanks counted as 0.
  public var difference: Amount?
  /// The message in Chinese.
  public var messageZh: String
  /// The message in English.
  public var messageEn: String

  /// Creates a finding.
  public init(
    ruleId: String, severity: Severity, table: Int?, row: String, column: String, cells: [String],
    expected: Amount?, found: Amount?, difference: Amount?, messageZh: String, messageEn: String
  ) {
    self.ruleId = ruleId
    self.severity = severity
    self.table = table
    self.row = row
    self.column = column
    self.cells = cells
    self.expected = expected
    self.found = found
    self.difference = difference
    self.messageZh = messageZh
    self.messageEn = messageEn
  }

  /// The message in a language.
  public func message(_ language: Language) -> String { language == .zh ? messageZh : messageEn }

  /// The Chinese message.
  public var description: String { messageZh }
}

/// An amount as it enters a comparison: the value, the cells it was read from, and how many
/// printed values were added to make it (for the rounding allowance).
public struct Figure: Sendable, Equatable {
  /// The value; nil when every cell behind it is blank.
  public var amount: Amount?
  /// How many printed (non-blank) values were summed (1 for a single cell).
  public var terms: Int
  /// Whether a sum or difference behind the value did not fit an `Amount`: the value is then
  /// unknown, and a comparison says so instead of trapping or comparing a wrong number.
  public private(set) var overflowed = false
  // The cells, first one apart so that a one-cell figure (most of them) needs no array;
  // `otherCells` is empty whenever `firstCell` is nil.
  private var firstCell: CellRef?
  private var otherCells: [CellRef] = []

  /// The cells behind the value (turned into text only when a finding names them).
  public var cells: [CellRef] {
    get { firstCell.map { [$0] + otherCells } ?? [] }
    set {
      firstCell = newValue.first
      otherCells = Array(newValue.dropFirst())
    }
  }

  /// Creates a figure.
  public init(amount: Amount?, cells: [CellRef] = [], terms: Int = 1) {
    self.amount = amount
    self.terms = terms
    self.cells = cells
  }

  /// Creates a figure read from at most one cell.
  init(amount: Amount?, cell: CellRef?, terms: Int) {
    self.amount = amount
    self.terms = terms
    self.firstCell = cell
  }

  /// A blank value with no cell (a row or table that is not there).
  public static let blank = Figure(amount: nil, cell: nil, terms: 0)

  /// The value with blanks counted as zero, for arithmetic.
  public var value: Amount { amount ?? .zero }

  /// The sum of several figures; blank only when all are blank.
  public static func sum(_ figures: some Sequence<Figure>) -> Figure {
    var total = Figure.blank
    // One cell each, usually; the first is kept inline.
    if figures.underestimatedCount > 2 { total.otherCells.reserveCapacity(figures.underestimatedCount - 1) }
    for f in figures { total.add(f) }
    return total
  }

  /// Adds another figure: its value (blanks stay blank), cells and terms.
  mutating func add(_ other: Figure) {
    if let a = other.amount {
      if let sum = (amount ?? .zero).adding(a) { amount = sum } else { overflowed = true }
    }
    overflowed = overflowed || other.overflowed
    appendCells(of: other)
    terms += other.terms
  }

  /// This figure minus others (blank only when all are blank).
  public func minus(_ others: [Figure]) -> Figure {
    var result = self
    for f in others { result.subtract(f) }
    return result
  }

  /// Subtracts another figure: its value (blanks stay blank); its cells and terms are added.
  mutating func subtract(_ other: Figure) {
    if let a = other.amount {
      if let difference = (amount ?? .zero).subtracting(a) { amount = difference } else { overflowed = true }
    }
    overflowed = overflowed || other.overflowed
    appendCells(of: other)
    terms += other.terms
  }

  private mutating func appendCells(of other: Figure) {
    guard let first = other.firstCell else { return }
    if firstCell == nil {
      firstCell = first
      otherCells = other.otherCells
    } else {
      otherCells.append(first)
      otherCells += other.otherCells
    }
  }
}

/// Text of an amount in a message; blank cells are named as such.
func shown(_ amount: Amount?, _ language: Language) -> String {
  guard let amount else { return language == .zh ? "空白" : "blank" }
  return amount.text()
}

/// Where one amount was read: the table's source, column letter and line. Kept unformatted
/// because every rule reads hundreds of figures and only findings need the text.
public struct CellRef: Sendable, Equatable {
  /// A table's source, shared by every cell of the table: copying a cell then costs one
  /// reference instead of the source's three strings.
  final class Origin: Sendable {
    let source: SourceRef
    init(_ source: SourceRef) { self.source = source }
  }

  private var origin: Origin
  /// The column letter (`C`).
  public var letter: String
  /// The 1-based line.
  public var line: Int

  /// The table's source.
  public var source: SourceRef {
    get { origin.source }
    set { origin = Origin(newValue) }
  }

  /// Creates a reference to a cell.
  public init(source: SourceRef, letter: String, line: Int) {
    self.init(origin: Origin(source), letter: letter, line: line)
  }

  init(origin: Origin, letter: String, line: Int) {
    self.origin = origin
    self.letter = letter
    self.line = line
  }

  /// `预算公开表03.csv!C6` or `预算公开表3!C6`; a whole sheet (a form) when `letter` is empty.
  public var text: String {
    letter.isEmpty
      ? [source.file, source.sheet].compactMap { $0 }.joined(separator: " ") : source.cell(letter + String(line))
  }

  /// A reference to a whole sheet, such as a performance-target form.
  public static func sheet(_ source: SourceRef) -> CellRef { CellRef(source: source, letter: "", line: 0) }

  public static func == (a: CellRef, b: CellRef) -> Bool {
    a.line == b.line && a.letter == b.letter && (a.origin === b.origin || a.origin.source == b.origin.source)
  }
}
