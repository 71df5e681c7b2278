import FuzzSupport
import Sheets

/// Field and file limits small enough that no input takes a second; the checks are the defaults'.
let fuzzLimits: Limits = {
  var limits = Limits()
  limits.maxFileBytes = 1 << 20
  limits.maxCSVFieldBytes = 64 << 10
  return limits
}()

/// Decodes and parses the bytes as CSV: detected encoding, then forced UTF-8, then forced GB18030.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = FuzzDriver.bytes(data, size)
  for encoding in [nil, TextEncoding.utf8, .utf8BOM, .gb18030] {
    guard let document = try? CSVReader.read(bytes: bytes, name: "fuzz.csv", encoding: encoding, limits: fuzzLimits)
    else { continue }
    let grid = document.grid
    // Rows come back sorted and inside Excel's grid, whatever the input.
    var previous = -1
    for row in grid.rows {
      precondition(row.index > previous, "rows out of order: \(row.index) after \(previous)")
      previous = row.index
    }
    _ = grid.usedRange
  }
  return 0
}

/// Runs libFuzzer (fuzz/run.sh) or, in a plain build, replays the files named as arguments.
/// (In the same file as the callback: a @convention(c) reference from another file emits a
/// second definition of the @_cdecl symbol.)
@main enum Entry {
  static func main() { FuzzDriver.main(fuzzCSV) }
}
