// Benchmark driver for the Sheets module (see benchmarks/README.md). Each subcommand is one
// timed whole process; `read` prints the same correctness line as every peer.
//
//   sheets-bench read FILE          stream every cell of the first sheet, count, sum amounts
//   sheets-bench read-rows FILE     the same through streamRows (a CellValue per cell), for comparison
//   sheets-bench grids FILE [N]     read every sheet into a grid (the department-workbook path),
//                                   .xlsx or .xls by content; N times in one process when given
//   sheets-bench write OUT ROWS     write the benchmark rows as a formatted flat sheet
//   sheets-bench expect ROWS        print the expected correctness line for ROWS data rows
import Glibc
import Sheets

/// Why the driver stopped.
enum BenchError: Error, CustomStringConvertible {
  /// The Sheets API this command needs has not landed yet.
  case unavailable(String)
  /// The workbook has no sheet to read.
  case noSheet(String)

  var description: String {
    switch self {
    case .unavailable(let what): return "不可用：\(what)"
    case .noSheet(let path): return "工作簿没有工作表：\(path)"
    }
  }
}

/// The benchmark's own large, trusted sheets pass the default per-workbook budgets (sized for
/// one department's memory), so those are lifted here; the per-part defences stay.
let benchLimits: Limits = {
  var limits = Limits()
  limits.maxCellsPerWorkbook = Int.max
  limits.maxSheetPartBytes = 1 << 30
  limits.maxTotalInflatedBytes = 2 << 30
  limits.maxSharedStrings = 10_000_000
  limits.maxSharedStringsBytes = 256 << 20
  return limits
}()

/// Streams the first sheet; counts non-empty cells and sums number cells as exact cents, parsed
/// from each number's exact text where the reader holds it (no String per cell).
func runRead(path: String) throws {
  let reader = try XLSXReader(path: path, limits: benchLimits)
  guard !reader.sheets.isEmpty else { throw BenchError.noSheet(path) }
  var cells = 0
  var cents: Int64 = 0
  var failure: (any Error)?
  try reader.streamRowViews(sheet: 0) { (row: borrowing SheetRowView) in
    for i in 0..<row.count {
      switch row.kind(i) {
      case .number:
        cells += 1
        do { cents += try row.withUTF8(i, parseCents) } catch { failure = failure ?? error }
      case .text:
        if !row.isBlank(i) { cells += 1 }
      case .bool, .error:
        cells += 1
      }
    }
  }
  if let failure { throw failure }
  print(resultLine(cells: cells, cents: cents))
}

/// `runRead` through `streamRows`, which makes a `CellValue` (and its String) for every cell.
func runReadRows(path: String) throws {
  let reader = try XLSXReader(path: path, limits: benchLimits)
  guard !reader.sheets.isEmpty else { throw BenchError.noSheet(path) }
  var cells = 0
  var cents: Int64 = 0
  var failure: (any Error)?
  try reader.streamRows(sheet: 0) { (row: GridRow) in
    for cell in row.cells {
      switch cell.value {
      case .number(var text):
        cells += 1
        do { cents += try text.withUTF8(parseCents) } catch { failure = failure ?? error }
      case .text(let s):
        if !s.isEmpty { cells += 1 }
      case .bool, .error:
        cells += 1
      }
    }
  }
  if let failure { throw failure }
  print(resultLine(cells: cells, cents: cents))
}

/// Reads every sheet into a grid, as a department job does (xlsx or xls, by content); prints the
/// sheet and cell counts, and with `repeats` the median seconds of one read of that many.
func runGrids(path: String, repeats: Int?) throws {
  func read() throws -> [Grid] {
    FileFormat(path: path) == .xls
      ? try XLSReader(path: path).grids() : try XLSXReader(path: path, limits: benchLimits).grids()
  }
  var grids = try read()
  if let repeats {
    var seconds: [Double] = []
    for _ in 0..<repeats {
      var start = timespec()
      var end = timespec()
      clock_gettime(CLOCK_MONOTONIC, &start)
      grids = try read()
      clock_gettime(CLOCK_MONOTONIC, &end)
      seconds.append(Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9)
    }
    print("median_seconds=\(seconds.sorted()[seconds.count / 2])")
  }
  print("sheets=\(grids.count) cells=\(grids.reduce(0) { $0 + $1.cellCount })")
}

/// Writes `rows` benchmark rows to `path`, then prints the expected correctness line.
func runWrite(path: String, rows: Int) throws {
  let columns =
    [BenchColumn(width: 10, numberFormat: "@"), BenchColumn(width: 30, numberFormat: nil)]
    + Array(repeating: BenchColumn(width: 16, numberFormat: "#,##0.00"), count: 5)
  try writeFlat(
    path: path, sheetName: "预算", header: BenchRows.header, columns: columns,
    rowCount: rows, writeRow: BenchRows.write)
  print(BenchRows.expected(rows: rows))
}

func fail(_ message: String, code: Int32) -> Never {
  var line = "sheets-bench: \(message)\n"
  line.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
  exit(code)
}

let arguments = CommandLine.arguments
let usage = "usage: sheets-bench read FILE | read-rows FILE | grids FILE [N] | write OUT ROWS | expect ROWS"
do {
  switch (arguments.count > 1 ? arguments[1] : "", arguments.count) {
  case ("read", 3):
    try runRead(path: arguments[2])
  case ("read-rows", 3):
    try runReadRows(path: arguments[2])
  case ("grids", 3):
    try runGrids(path: arguments[2], repeats: nil)
  case ("grids", 4):
    guard let repeats = Int(arguments[3]), repeats > 0 else { fail(usage, code: 2) }
    try runGrids(path: arguments[2], repeats: repeats)
  case ("write", 4):
    guard let rows = Int(arguments[3]), rows > 0 else { fail(usage, code: 2) }
    try runWrite(path: arguments[2], rows: rows)
  case ("expect", 3):
    guard let rows = Int(arguments[2]), rows >= 0 else { fail(usage, code: 2) }
    print(BenchRows.expected(rows: rows))
  default:
    fail(usage, code: 2)
  }
} catch {
  fail("\(error)", code: 1)
}
