import FuzzSupport
import Sheets

/// Limits tighter than the defaults so that one input cannot take a second or gigabytes: the
/// same checks run, only their thresholds are lower (the defaults are proven by the budget tests).
let fuzzLimits: Limits = {
  var limits = Limits()
  limits.maxFileBytes = 1 << 20
  limits.maxSheetPartBytes = 8 << 20
  limits.maxSharedStringsBytes = 8 << 20
  limits.maxOtherPartBytes = 4 << 20
  limits.maxTotalInflatedBytes = 16 << 20
  limits.maxCellsPerSheet = 100_000
  limits.maxSharedStrings = 100_000
  limits.maxMergesPerSheet = 10_000
  return limits
}()

/// Opens the bytes as a workbook and reads every sheet, both as grids and as a row stream, and
/// again through a sibling reader (a second archive handle sharing the budgets).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXLSX(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = FuzzDriver.bytes(data, size)
  guard let reader = try? XLSXReader(bytes: bytes, name: "fuzz.xlsx", limits: fuzzLimits) else { return 0 }
  let sibling = try? reader.sibling()
  for info in reader.sheets {
    guard let grid = try? reader.grid(sheet: info.index) else { continue }
    // Every read counts against the shared budgets, so a second read may be refused; one that
    // succeeds must agree.
    if let sibling, let again = try? sibling.grid(sheet: info.index), again != grid {
      fatalError("the sibling reader read \(info.name) differently")
    }
    // The streamed rows must be the rows of the grid: a reader that drops or invents a cell fails here.
    var streamed = 0
    if (try? reader.streamRows(sheet: info.index, { row in streamed += row.cells.count })) != nil,
      streamed < grid.cellCount
    {
      fatalError("streamRows saw \(streamed) cells, grid(sheet:) \(grid.cellCount) in \(info.name)")
    }
    _ = grid.usedRange
  }
  return 0
}

/// Runs libFuzzer (fuzz/run.sh) or, in a plain build, replays the files named as arguments.
/// (In the same file as the callback: a @convention(c) reference from another file emits a
/// second definition of the @_cdecl symbol.)
@main enum Entry {
  static func main() { FuzzDriver.main(fuzzXLSX) }
}
