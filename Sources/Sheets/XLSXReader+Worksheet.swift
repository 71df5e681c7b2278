/// Reads one worksheet part row by row. This is the hot path: names and attributes are
/// matched as bytes, buffers are reused, and nothing trusts `<dimension>`.
final class WorksheetHandler: XMLEventHandler {
  /// The `t` attribute of a cell.
  private enum Kind: UInt8 { case number, shared, inline, formulaString, bool, error, date, other }
  /// Where character data currently goes.
  private enum Capture: UInt8 { case none, value, inline }

  let file: String
  let sheet: String
  private let limits: Limits
  /// The workbook's cell budget, and how many of this sheet's cells it has been charged.
  let workbookCells: WorkbookCellBudget
  var chargedCells = 0
  private let sharedStrings: [String]
  private let emit: (borrowing SheetRowView) throws(XLSXReadError) -> Void

  private(set) var merges: [CellRange] = []
  private(set) var hiddenRows: Set<Int> = []
  private(set) var cellCount = 0
  private(set) var rowsOutOfOrder = false
  /// Formula cells that carry no cached value: how many, and the first one.
  private(set) var missingCachedValues = 0
  private(set) var firstMissingCachedValue: String?

  // Row and cell state. Only this handler touches it, from one parse at a time, so the
  // per-access exclusivity checks are skipped (they cost several percent of reading time).
  @exclusivity(unchecked) private var rowOpen = false
  @exclusivity(unchecked) private var rowIndex = -1
  @exclusivity(unchecked) private var rowHasReference = false
  @exclusivity(unchecked) private var lastRowIndex = -1
  @exclusivity(unchecked) private var lastEmittedRow = -1
  @exclusivity(unchecked) private var column = -1
  @exclusivity(unchecked) private var cellsSorted = true
  /// The current row's cells; their texts sit in `rowBytes`. Plain values: no ARC per cell.
  @exclusivity(unchecked) private var cells: [SheetRowView.Cell] = []
  @exclusivity(unchecked) private var rowBytes = ByteBuffer(capacity: 256)
  @exclusivity(unchecked) private var cellOpen = false
  @exclusivity(unchecked) private var cellColumn = 0
  @exclusivity(unchecked) private var kind = Kind.number
  @exclusivity(unchecked) private var hasFormula = false
  @exclusivity(unchecked) private var hasValue = false
  @exclusivity(unchecked) private var hasInline = false
  @exclusivity(unchecked) private var capture = Capture.none
  @exclusivity(unchecked) private var inInline = false
  @exclusivity(unchecked) private var phoneticDepth = 0
  @exclusivity(unchecked) private var valueBytes = ByteBuffer(capacity: 64)
  @exclusivity(unchecked) private var inlineBytes = ByteBuffer(capacity: 64)
  private let maxTextBytes: Int

  init(
    file: String, sheet: String, limits: Limits, sharedStrings: [String], workbookCells: WorkbookCellBudget,
    emit: @escaping (borrowing SheetRowView) throws(XLSXReadError) -> Void
  ) {
    self.workbookCells = workbookCells
    self.file = file
    self.sheet = sheet
    self.limits = limits
    self.sharedStrings = sharedStrings
    self.emit = emit
    self.maxTextBytes = limits.maxCellTextLength &* 4
    cells.reserveCapacity(32)
  }

  deinit {
    valueBytes.release()
    inlineBytes.release()
    rowBytes.release()
  }

  // MARK: Events

  override func startElement(_ name: XMLName, _ attributes: XMLAttributes) throws(XLSXReadError) {
    guard name.namespace == .spreadsheet else { return }
    let l = name.local
    switch l[0] {
    case UInt8(ascii: "c") where l[1] == 0:
      if rowOpen { try startCell(attributes) }
    case UInt8(ascii: "v") where l[1] == 0:
      if cellOpen {
        capture = .value
        hasValue = true
        valueBytes.removeAll()
      }
    case UInt8(ascii: "t") where l[1] == 0:
      if inInline && phoneticDepth == 0 { capture = .inline }
    case UInt8(ascii: "f") where l[1] == 0:
      if cellOpen { hasFormula = true }
    case UInt8(ascii: "r"):
      if l[1] == 0 { return }  // a rich-text run inside <is>
      if cEquals(l, "row") {
        try startRow(attributes)
      } else if cEquals(l, "rPh") {
        phoneticDepth += 1
      }
    case UInt8(ascii: "i"):
      if cellOpen && cEquals(l, "is") {
        inInline = true
        hasInline = true
        inlineBytes.removeAll()
      }
    case UInt8(ascii: "m"):
      if cEquals(l, "mergeCell"), let ref = attributes.value(of: "ref") { try addMerge(ref) }
    default:
      return
    }
  }

  override func endElement(_ name: XMLName) throws(XLSXReadError) {
    guard name.namespace == .spreadsheet else { return }
    let l = name.local
    switch l[0] {
    case UInt8(ascii: "c") where l[1] == 0:
      if cellOpen { try finishCell() }
    case UInt8(ascii: "v") where l[1] == 0:
      if capture == .value { capture = .none }
    case UInt8(ascii: "t") where l[1] == 0:
      if capture == .inline { capture = .none }
    case UInt8(ascii: "r"):
      if l[1] == 0 { return }
      if cEquals(l, "row") {
        try finishRow()
      } else if cEquals(l, "rPh") {
        phoneticDepth -= 1
      }
    case UInt8(ascii: "i"):
      if cEquals(l, "is") { inInline = false }
    default:
      return
    }
  }

  override func characters(_ text: UnsafeBufferPointer<UInt8>) throws(XLSXReadError) {
    switch capture {
    case .none:
      return
    case .value:
      valueBytes.append(text)
      if valueBytes.count > maxTextBytes { throw textTooLong() }
    case .inline:
      inlineBytes.append(text)
      if inlineBytes.count > maxTextBytes { throw textTooLong() }
    }
  }

  // MARK: Rows

  private func startRow(_ attributes: XMLAttributes) throws(XLSXReadError) {
    if rowOpen { try finishRow() }
    rowOpen = true
    rowHasReference = false
    rowIndex = lastRowIndex + 1
    column = -1
    cellsSorted = true
    var hidden = false
    for i in 0..<attributes.count where attributes.uri(i) == nil {
      let n = attributes.localName(i)
      if n[0] == UInt8(ascii: "r"), n[1] == 0 {
        let value = attributes.value(i)
        guard let r = parseDecimal(value), r >= 1 else {
          throw .invalidCellReference(file: file, sheet: sheet, ref: String(decoding: value, as: UTF8.self))
        }
        guard r <= CellAddress.maxRow + 1 else {
          throw .cellOutOfGrid(file: file, sheet: sheet, ref: String(decoding: value, as: UTF8.self))
        }
        rowIndex = r - 1
        rowHasReference = true
      } else if cEquals(n, "hidden") {
        let v = attributes.value(i)
        hidden = v.count >= 1 && (v[0] == UInt8(ascii: "1") || v[0] == UInt8(ascii: "t"))
      }
    }
    guard rowIndex <= CellAddress.maxRow else {
      throw .cellOutOfGrid(file: file, sheet: sheet, ref: "A\(rowIndex + 1)")
    }
    if hidden { hiddenRows.insert(rowIndex) }
  }

  private func finishRow() throws(XLSXReadError) {
    rowOpen = false
    lastRowIndex = rowIndex
    guard !cells.isEmpty else { return }
    if !cellsSorted { normalizeCells() }
    if rowIndex <= lastEmittedRow { rowsOutOfOrder = true }
    lastEmittedRow = rowIndex
    try cells.withUnsafeBufferPointer { cells throws(XLSXReadError) in
      try emit(SheetRowView(index: rowIndex, cells: cells, bytes: rowBytes.bytes, sharedStrings: sharedStrings))
    }
    cells.removeAll(keepingCapacity: true)
    rowBytes.removeAll()
  }

  /// Sorts the row's cells by column; a later duplicate replaces an earlier one.
  private func normalizeCells() {
    let indexed = cells.enumerated().sorted { ($0.element.column, $0.offset) < ($1.element.column, $1.offset) }
    var out: [SheetRowView.Cell] = []
    out.reserveCapacity(indexed.count)
    for (_, cell) in indexed {
      if let last = out.last, last.column == cell.column { out[out.count - 1] = cell } else { out.append(cell) }
    }
    cells = out
  }

  // MARK: Cells

  private func startCell(_ attributes: XMLAttributes) throws(XLSXReadError) {
    cellOpen = true
    kind = .number
    hasFormula = false
    hasValue = false
    hasInline = false
    capture = .none
    var nextColumn = column + 1
    for i in 0..<attributes.count {
      let n = attributes.localName(i)
      guard n[1] == 0, attributes.uri(i) == nil else { continue }
      if n[0] == UInt8(ascii: "r") {
        let ref = try parseReference(attributes.value(i))
        nextColumn = ref.column
        // A row without r takes its index from its first referenced cell.
        if !rowHasReference && cells.isEmpty && column < 0 { rowIndex = ref.row }
      } else if n[0] == UInt8(ascii: "t") {
        kind = Self.kind(attributes.value(i))
      }
    }
    guard nextColumn <= CellAddress.maxColumn else {
      throw .cellOutOfGrid(file: file, sheet: sheet, ref: CellAddress.columnLetters(nextColumn) + String(rowIndex + 1))
    }
    if nextColumn <= column { cellsSorted = false }
    column = nextColumn
    cellColumn = nextColumn
  }

  private static func kind(_ t: UnsafeBufferPointer<UInt8>) -> Kind {
    guard let first = t.first else { return .number }
    switch (first, t.count) {
    case (UInt8(ascii: "s"), 1): return .shared
    case (UInt8(ascii: "n"), 1): return .number
    case (UInt8(ascii: "b"), 1): return .bool
    case (UInt8(ascii: "e"), 1): return .error
    case (UInt8(ascii: "d"), 1): return .date
    case (UInt8(ascii: "s"), 3): return .formulaString
    case (UInt8(ascii: "i"), 9): return .inline
    default: return .other
    }
  }

  private func finishCell() throws(XLSXReadError) {
    cellOpen = false
    capture = .none
    inInline = false
    let cell: SheetRowView.Cell
    switch kind {
    case .number:
      guard hasValue, let text = CellParsing.numberRange(valueBytes.bytes) else {
        if hasValue && !valueBytes.bytes.allSatisfy({ $0 == 0x20 }) { throw invalidValue(valueBytes.bytes) }
        return noteMissingValue()
      }
      cell = storeText(UnsafeBufferPointer(rebasing: valueBytes.bytes[text]), kind: .number)
    case .shared:
      guard hasValue else { return noteMissingValue() }
      guard let i = parseDecimal(valueBytes.bytes), i < sharedStrings.count else {
        throw .sharedStringIndexOutOfRange(file: file, sheet: sheet, cell: currentReference, index: valueBytes.string())
      }
      cell = SheetRowView.Cell(column: cellColumn, kind: .sharedText, start: i, count: 0)
    case .inline:
      if hasInline || hasValue {
        let text = try checkedText(hasInline ? inlineBytes : valueBytes)
        // `_xHHHH_` stands for a character XML cannot carry (OOXML ST_Xstring).
        if let decoded = OOXMLText.decoded(text) {
          cell = decoded.withUnsafeBufferPointer { storeText($0, kind: .text) }
        } else {
          cell = storeText(text, kind: .text)
        }
      } else {
        return
      }
    case .formulaString, .date, .other:
      // A date (t="d") keeps its ISO 8601 text: this reader does not interpret dates.
      guard hasValue else { return noteMissingValue() }
      cell = storeText(try checkedText(valueBytes), kind: .text)
    case .bool:
      guard hasValue else { return noteMissingValue() }
      let flag: Int
      switch valueBytes.string() {
      case "1", "true", "TRUE": flag = 1
      case "0", "false", "FALSE": flag = 0
      default: throw invalidValue(valueBytes.bytes)
      }
      cell = SheetRowView.Cell(column: cellColumn, kind: .bool, start: flag, count: 0)
    case .error:
      guard hasValue else { return noteMissingValue() }
      cell = storeText(try checkedText(valueBytes), kind: .error)
    }
    cellCount += 1
    guard cellCount <= limits.maxCellsPerSheet else {
      throw .tooManyCells(file: file, sheet: sheet, limit: limits.maxCellsPerSheet)
    }
    if cellCount & (WorkbookCellBudget.block - 1) == 0 { try chargeWorkbookCells() }
    cells.append(cell)
  }

  /// Copies a cell's text into the row's bytes and describes the cell.
  @inline(__always)
  private func storeText(_ text: UnsafeBufferPointer<UInt8>, kind: SheetRowView.Cell.Kind) -> SheetRowView.Cell {
    let start = rowBytes.count
    rowBytes.append(text)
    return SheetRowView.Cell(column: cellColumn, kind: kind, start: start, count: text.count)
  }

  /// A formula whose cached value is missing keeps nothing; the reader reports it as a warning.
  private func noteMissingValue() {
    guard hasFormula else { return }
    missingCachedValues += 1
    if firstMissingCachedValue == nil { firstMissingCachedValue = currentReference }
  }

  private var currentReference: String { CellAddress(row: rowIndex, column: cellColumn).a1 }

  /// The buffer's bytes, once they are known to fit the cell text limit.
  private func checkedText(_ buffer: ByteBuffer) throws(XLSXReadError) -> UnsafeBufferPointer<UInt8> {
    let bytes = buffer.bytes
    if bytes.count > limits.maxCellTextLength, scalarCount(bytes) > limits.maxCellTextLength { throw textTooLong() }
    return bytes
  }

  private func textTooLong() -> XLSXReadError {
    .textTooLong(file: file, sheet: sheet, cell: currentReference, limit: limits.maxCellTextLength)
  }

  private func invalidValue(_ bytes: UnsafeBufferPointer<UInt8>) -> XLSXReadError {
    .invalidCellValue(
      file: file, sheet: sheet, cell: currentReference, value: String(decoding: bytes.prefix(64), as: UTF8.self))
  }

  // MARK: References and merges

  /// Parses `B7` / `$B$7`, throwing the sheet's typed error when malformed or beyond the grid.
  private func parseReference(_ bytes: UnsafeBufferPointer<UInt8>) throws(XLSXReadError) -> CellAddress {
    switch CellParsing.reference(bytes) {
    case .address(let address): return address
    case .outOfGrid: throw .cellOutOfGrid(file: file, sheet: sheet, ref: String(decoding: bytes, as: UTF8.self))
    case .invalid: throw invalidReference(bytes)
    }
  }

  private func invalidReference(_ bytes: UnsafeBufferPointer<UInt8>) -> XLSXReadError {
    .invalidCellReference(file: file, sheet: sheet, ref: String(decoding: bytes.prefix(64), as: UTF8.self))
  }

  private func addMerge(_ ref: UnsafeBufferPointer<UInt8>) throws(XLSXReadError) {
    guard merges.count < limits.maxMergesPerSheet else {
      throw .tooManyMerges(file: file, sheet: sheet, limit: limits.maxMergesPerSheet)
    }
    let colon = ref.firstIndex(of: UInt8(ascii: ":"))
    let a = try parseReference(UnsafeBufferPointer(rebasing: ref[..<(colon ?? ref.endIndex)]))
    let b =
      try colon.map { c throws(XLSXReadError) in try parseReference(UnsafeBufferPointer(rebasing: ref[(c + 1)...])) }
      ?? a
    let range = CellRange(a, b)
    guard range.cellCount <= limits.maxMergeArea else {
      throw .mergeTooLarge(file: file, sheet: sheet, range: range.a1, limit: limits.maxMergeArea)
    }
    merges.append(range)
  }
}
