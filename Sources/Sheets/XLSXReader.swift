/// Something the reader noticed that does not stop reading.
public enum XLSXReadWarning: Sendable, Equatable, LocalizedMessage, CustomStringConvertible {
  /// Formula cells without a cached value (the file was saved without calculating); they read as empty.
  case formulasWithoutCachedValue(sheet: String, count: Int, firstCell: String)

  public func message(_ language: Language) -> String {
    switch self {
    case .formulasWithoutCachedValue(let sheet, let count, let first):
      return language == .zh
        ? "工作表“\(sheet)”有 \(count) 个公式单元格没有保存计算结果（首个为 \(first)），按空白读取；请在 Excel 中重新计算并保存"
        : "sheet “\(sheet)” has \(count) formula cells without a cached value (first: \(first)); they read as blank — recalculate and save in Excel"
    }
  }

  public var description: String { message(.zh) }
}

/// What a streamed sheet held besides its rows, returned by `XLSXReader.streamRows`.
public struct XLSXStreamSummary: Sendable, Equatable {
  /// The sheet's merged ranges, in file order (they follow the cells in the file, so only known at the end).
  public var merges: [CellRange]
  /// Rows marked hidden.
  public var hiddenRows: Set<Int>
  /// Number of cells delivered.
  public var cellCount: Int
}

/// Reads XLSX workbooks (Transitional or Strict OOXML) into sparse grids, streaming every part
/// through libzip and a libxml2 SAX2 push parser under the byte and size budgets of `Limits`.
///
/// Numbers keep the exact text of the file. Formula cells give their cached value.
public final class XLSXReader {
  /// The file name used in errors (the path, or the name given with the bytes).
  public let fileName: String
  /// The sheets in workbook order.
  public let sheets: [SheetInfo]
  /// Whether the workbook counts dates from 1904 (`workbookPr date1904`); metadata only.
  public let date1904: Bool
  /// Warnings gathered by the sheets read so far (at most one per sheet and kind).
  public private(set) var warnings: [XLSXReadWarning] = []

  private let archive: ZipArchive
  private let limits: Limits
  private let sharedStringsPart: String?
  private var sharedStringsCache: [String]?
  private let workbookCells: WorkbookCellBudget

  /// Opens the workbook at `path` and reads its sheet list.
  public convenience init(path: String, limits: Limits = .default) throws(XLSXReadError) {
    try self.init(archive: ZipArchive(path: path, limits: limits), limits: limits)
  }

  /// Opens a workbook held in memory; `name` labels errors.
  public convenience init(bytes: [UInt8], name: String = "<memory>", limits: Limits = .default) throws(XLSXReadError) {
    try self.init(archive: ZipArchive(bytes: bytes, name: name, limits: limits), limits: limits)
  }

  private init(archive: ZipArchive, limits: Limits) throws(XLSXReadError) {
    self.archive = archive
    self.limits = limits
    self.fileName = archive.name
    self.workbookCells = WorkbookCellBudget(limit: limits.maxCellsPerWorkbook)
    let workbook = try Self.readWorkbook(archive, limits: limits)
    self.sheets = workbook.sheets
    self.date1904 = workbook.date1904
    self.sharedStringsPart = workbook.sharedStrings
  }

  private init(sibling of: XLSXReader, archive: ZipArchive, sharedStrings: [String]) {
    self.archive = archive
    self.limits = of.limits
    self.fileName = of.fileName
    self.sheets = of.sheets
    self.date1904 = of.date1904
    self.sharedStringsPart = of.sharedStringsPart
    self.sharedStringsCache = sharedStrings
    self.workbookCells = of.workbookCells
  }

  /// A second reader of the same workbook, for reading other sheets on another thread (a reader
  /// serves one thread at a time). It has its own archive handle but shares the sheet list, the
  /// shared strings (read now, if not yet) and the whole-archive byte budget with this one.
  public func sibling() throws(XLSXReadError) -> XLSXReader {
    let strings = try sharedStrings()
    return XLSXReader(sibling: self, archive: try archive.reopened(), sharedStrings: strings)
  }

  /// The sheet with the given name (exact match), if any.
  public func sheet(named name: String) -> SheetInfo? {
    sheets.first { $0.name == name }
  }

  /// Reads the sheet at a zero-based workbook index into a grid.
  public func grid(sheet index: Int) throws(XLSXReadError) -> Grid {
    let info = try sheetInfo(index)
    var rows: [GridRow] = []
    let extras = try read(info) { (row: borrowing SheetRowView) throws(XLSXReadError) in rows.append(row.gridRow) }
    if extras.rowsOutOfOrder { rows = Self.mergeRows(rows) }
    return Grid(name: info.name, rows: rows, merges: extras.merges, hiddenRows: extras.hiddenRows)
  }

  /// Reads the sheet with the given name into a grid.
  public func grid(named name: String) throws(XLSXReadError) -> Grid {
    guard let info = sheet(named: name) else { throw .noSuchSheet(file: fileName, sheet: name) }
    return try grid(sheet: info.index)
  }

  /// Reads every sheet, in workbook order.
  public func grids() throws(XLSXReadError) -> [Grid] {
    var out: [Grid] = []
    for info in sheets { out.append(try grid(sheet: info.index)) }
    return out
  }

  /// Streams a sheet's rows in file order, holding one row at a time (plus the shared strings).
  /// Merges and hidden rows come back in the summary, because the file stores them after the cells.
  /// An error thrown by `body` stops reading and is rethrown as is.
  @discardableResult
  public func streamRows(sheet index: Int, _ body: (GridRow) throws -> Void) throws -> XLSXStreamSummary {
    try streamRowViews(sheet: index) { row in try body(row.gridRow) }
  }

  /// Streams a sheet's rows like `streamRows(sheet:_:)`, but hands each row over as a view into
  /// the reader's buffers, so that only the cells the consumer asks for become values.
  @discardableResult
  package func streamRowViews(
    sheet index: Int, _ body: (borrowing SheetRowView) throws -> Void
  ) throws -> XLSXStreamSummary {
    let info = try sheetInfo(index)
    var bodyError: (any Error)?
    do {
      let extras = try withoutActuallyEscaping(body) { body throws(XLSXReadError) in
        try read(info) { (row: borrowing SheetRowView) throws(XLSXReadError) in
          do { try body(row) } catch {
            bodyError = error
            throw XLSXReadError.cannotOpen(file: self.fileName, reason: "stopped by the caller")
          }
        }
      }
      return XLSXStreamSummary(merges: extras.merges, hiddenRows: extras.hiddenRows, cellCount: extras.cellCount)
    } catch {
      throw bodyError ?? error
    }
  }

  // MARK: Internals

  private func sheetInfo(_ index: Int) throws(XLSXReadError) -> SheetInfo {
    guard sheets.indices.contains(index) else { throw .noSuchSheet(file: fileName, sheet: "#\(index + 1)") }
    return sheets[index]
  }

  private func sharedStrings() throws(XLSXReadError) -> [String] {
    if let sharedStringsCache { return sharedStringsCache }
    var strings: [String] = []
    let part = sharedStringsPart ?? (archive.contains("xl/sharedStrings.xml") ? "xl/sharedStrings.xml" : nil)
    if let part {
      let handler = SharedStringsHandler(file: fileName, part: part, limits: limits)
      try archive.parse(part, budget: limits.maxSharedStringsBytes, handler: handler)
      strings = handler.strings
    }
    sharedStringsCache = strings
    return strings
  }

  /// What a sheet held besides its rows. The handler (which holds `emit`) does not outlive `read`.
  private struct SheetExtras {
    var merges: [CellRange]
    var hiddenRows: Set<Int>
    var cellCount: Int
    var rowsOutOfOrder: Bool
  }

  private func read(
    _ info: SheetInfo, emit: @escaping (borrowing SheetRowView) throws(XLSXReadError) -> Void
  ) throws(XLSXReadError) -> SheetExtras {
    let handler = WorksheetHandler(
      file: fileName, sheet: info.name, limits: limits, sharedStrings: try sharedStrings(),
      workbookCells: workbookCells,
      emit: emit)
    try archive.parse(info.part, budget: limits.maxSheetPartBytes, handler: handler)
    try handler.chargeWorkbookCells()
    warnings.removeAll {
      if case .formulasWithoutCachedValue(info.name, _, _) = $0 { return true }
      return false
    }
    if handler.missingCachedValues > 0 {
      warnings.append(
        .formulasWithoutCachedValue(
          sheet: info.name, count: handler.missingCachedValues, firstCell: handler.firstMissingCachedValue ?? ""))
    }
    return SheetExtras(
      merges: handler.merges, hiddenRows: handler.hiddenRows, cellCount: handler.cellCount,
      rowsOutOfOrder: handler.rowsOutOfOrder)
  }

  /// Sorts rows that the file stored out of order and joins rows stored twice (later cells win).
  /// Each run of rows with one index is joined in a single pass, so that 200,000 copies of one
  /// row take linear time (joining them pairwise copied the growing row every time).
  private static func mergeRows(_ rows: [GridRow]) -> [GridRow] {
    let sorted = rows.enumerated().sorted { ($0.element.index, $0.offset) < ($1.element.index, $1.offset) }.map(
      \.element)
    var out: [GridRow] = []
    var start = 0
    while start < sorted.count {
      var end = start + 1
      while end < sorted.count, sorted[end].index == sorted[start].index { end += 1 }
      if end == start + 1 {
        out.append(sorted[start])
      } else {
        var byColumn: [Int: CellValue] = [:]
        for row in sorted[start..<end] {
          for cell in row.cells { byColumn[cell.column] = cell.value }
        }
        out.append(
          GridRow(index: sorted[start].index, cells: byColumn.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }))
      }
      start = end
    }
    return out
  }
}
