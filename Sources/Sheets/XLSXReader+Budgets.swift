/// The cells read so far from one workbook, by every sheet and every sibling reader, against
/// `Limits.maxCellsPerWorkbook`: one sheet within every per-sheet limit could otherwise take
/// gigabytes, and so could many sheets. Sheets charge it in blocks while they are parsed.
final class WorkbookCellBudget: @unchecked Sendable {
  private let lock = Lock()
  private var used = 0
  /// The most cells, all sheets together.
  let limit: Int
  /// How many cells a sheet reads between two charges (keeps the lock off the per-cell path).
  static let block = 1 << 14

  init(limit: Int) { self.limit = limit }

  /// Adds `cells`; false when the total now exceeds the limit.
  func charge(_ cells: Int) -> Bool {
    lock.withLock {
      used += cells
      return used <= limit
    }
  }
}

extension WorksheetHandler {
  /// Charges the cells read since the last charge to the workbook's budget.
  func chargeWorkbookCells() throws(XLSXReadError) {
    let fresh = cellCount - chargedCells
    chargedCells = cellCount
    guard workbookCells.charge(fresh) else {
      throw .tooManyCellsInWorkbook(file: file, sheet: sheet, limit: workbookCells.limit)
    }
  }
}
