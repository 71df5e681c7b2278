import Sheets

// Stand-ins for the Sheets streaming reader, which is being written on another branch.
// Types declared in this module shadow same-named types imported from Sheets, so main.swift is
// written against the final API (`XLSXReader(path:)`, `.sheets`, `streamRows(sheet:_:)`) and
// compiles both before and after the real reader lands. DELETE THIS FILE once
// Sources/Sheets provides XLSXReader and SheetInfo: the driver then uses the real reader.

/// Placeholder: always throws, so the harness reports the Yusuan read as FAILED.
struct XLSXReader {
  init(path: String) throws {
    throw BenchError.unavailable(
      "Sheets.XLSXReader 尚未合入（删除 benchmarks/SheetsBench/PendingSheetsAPI.swift 以启用真实读取器）")
  }
  var sheets: [SheetInfo] { [] }
  func streamRows(sheet: Int, _ body: (GridRow) throws -> Void) throws {}
}

/// Placeholder for Sheets.SheetInfo.
struct SheetInfo {
  var name: String
}
