import Foundation
import Sheets

/// Builds budget-shaped grids and workbooks for variation tests. Cells are written as strings;
/// a leading `=` marks a numeric cell (`"=1331.42"` is the number 1331.42, `"1,331.42"` is text).
public enum Sheet {
  /// The value a cell string stands for: nil for "", `.number` for `=…`, else `.text`.
  public static func value(_ cell: String) -> CellValue? {
    if cell.isEmpty { return nil }
    if cell.hasPrefix("=") { return .number(String(cell.dropFirst())) }
    return .text(cell)
  }

  /// A grid from rows of cell strings (see `value(_:)`) and A1 merges, placed at (`top`, `left`).
  public static func grid(
    _ name: String = "Sheet1", _ rows: [[String]], merges: [String] = [], top: Int = 0, left: Int = 0
  ) -> Grid {
    var gridRows: [GridRow] = []
    for (r, line) in rows.enumerated() {
      let cells = line.enumerated().compactMap { c, s in value(s).map { (column: c + left, value: $0) } }
      if !cells.isEmpty { gridRows.append(GridRow(index: r + top, cells: cells)) }
    }
    let ranges = merges.compactMap { CellRange(a1: $0) }.map {
      CellRange(
        firstRow: $0.first.row + top, firstColumn: $0.first.column + left, lastRow: $0.last.row + top,
        lastColumn: $0.last.column + left)
    }
    return Grid(name: name, rows: gridRows, merges: ranges)
  }

  /// The rows as CSV text (RFC 4180 quoting; numeric markers dropped), for CSV-level tests.
  public static func csv(_ rows: [[String]]) -> String {
    rows.map { line in
      line.map { cell -> String in
        let s = cell.hasPrefix("=") ? String(cell.dropFirst()) : cell
        if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
          return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return s
      }.joined(separator: ",")
    }.joined(separator: "\r\n") + "\r\n"
  }
}

/// One sheet of a workbook that openpyxl writes (rows of cell strings as in `Sheet`, A1 merges).
public struct SheetSpec: Sendable {
  public var name: String
  public var rows: [[String]]
  public var merges: [String]
  /// Where the first row/column go (0-based offset), to place a table away from A1.
  public var top: Int
  public var left: Int

  public init(_ name: String, _ rows: [[String]], merges: [String] = [], top: Int = 0, left: Int = 0) {
    self.name = name
    self.rows = rows
    self.merges = merges
    self.top = top
    self.left = left
  }
}

/// Writes workbooks with python3 + openpyxl, an implementation independent of Yusuan.
public enum OpenpyxlWriter {
  static let script = #"""
    import json, sys, openpyxl
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.cell_range import CellRange
    spec = json.load(open(sys.argv[1], encoding="utf-8"))
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for s in spec["sheets"]:
        ws = wb.create_sheet(s["name"])
        top, left = s["top"], s["left"]
        for r, row in enumerate(s["rows"]):
            for c, v in enumerate(row):
                if v == "":
                    continue
                cell = ws.cell(row=r + 1 + top, column=c + 1 + left)
                if v.startswith("="):
                    t = v[1:]
                    cell.value = int(t) if t.lstrip("-").isdigit() else float(t)
                else:
                    cell.value = v
        for m in s["merges"]:
            cr = CellRange(m)
            cr.shift(col_shift=left, row_shift=top)
            ws.merge_cells(cr.coord)
    wb.save(sys.argv[2])
    """#

  /// Writes the sheets, in order, to an .xlsx at `path`.
  public static func write(_ sheets: [SheetSpec], to path: String) throws {
    let spec: [String: Any] = [
      "sheets": sheets.map {
        ["name": $0.name, "rows": $0.rows, "merges": $0.merges, "top": $0.top, "left": $0.left] as [String: Any]
      }
    ]
    let data = try JSONSerialization.data(withJSONObject: spec)
    let specPath = path + ".spec.json"
    try data.write(to: URL(fileURLWithPath: specPath))
    defer { try? FileManager.default.removeItem(atPath: specPath) }
    try Python3.run(script, arguments: [specPath, path], modules: ["openpyxl"])
  }
}
