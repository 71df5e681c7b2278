import FuzzSupport
import Sheets

/// Limits tighter than the defaults so that one input cannot take a second or gigabytes: the
/// same checks run, only their thresholds are lower (the defaults are proven by the budget tests).
let fuzzLimits: Limits = {
  var limits = Limits()
  limits.maxLegacyWorkbookBytes = 1 << 20
  limits.maxLegacySheetArea = 1 << 20
  limits.maxCellsPerSheet = 100_000
  return limits
}()

/// Sniffs the bytes (a pure function that must not trap on any input), then opens them as an
/// .xls workbook and reads every sheet twice: the second read must give the same grid.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXLS(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = FuzzDriver.bytes(data, size)
  _ = FileFormat(head: bytes)
  _ = FileFormat(head: Array(bytes.prefix(size / 2)), tail: Array(bytes.suffix(size - size / 2)))
  guard let reader = try? XLSReader(bytes: bytes, name: "fuzz.xls", limits: fuzzLimits) else { return 0 }
  for index in reader.sheetNames.indices {
    let grid = try? reader.grid(sheet: index)
    if let grid, (try? reader.grid(sheet: index)) != grid {
      fatalError("sheet \(index + 1) read differently the second time")
    }
    _ = grid?.usedRange
  }
  return 0
}

/// Runs libFuzzer (fuzz/run.sh) or, in a plain build, replays the files named as arguments.
/// (In the same file as the callback: a @convention(c) reference from another file emits a
/// second definition of the @_cdecl symbol.)
@main enum Entry {
  static func main() { FuzzDriver.main(fuzzXLS) }
}
