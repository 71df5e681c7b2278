import ArgumentParser
import Budget
import FoundationEssentials
import Layouts
import Sheets

struct Inspect: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "inspect",
    abstract: "Show what is in a file: its sheets, merged ranges and first rows, and which tables were found where.",
    discussion: """
      For each sheet (or CSV file): its used range, merged ranges and first rows; then the table
      recognized in it (title cell, header rows, how each column was mapped) or why none was.
      Exit status 2 when the file cannot be read.
      """)

  @Argument(help: "An .xlsx or .xls workbook, a .csv file, a folder of .csv files, or Yusuan JSON.")
  var input: String

  @Option(help: "How many rows of each sheet to show.")
  var rows: Int = 6

  @Option(help: "Force the CSV encoding (default: detect UTF-8 or GB18030).")
  var encoding: TextEncoding?

  @OptionGroup var common: CommonOptions

  func run() throws {
    let zh = common.lang == .zh
    let recognizer = TableRecognizer()
    var grids: [(grid: Grid, file: String, sheet: String?, extra: String)] = []
    do {
      switch try DisclosureReader.kind(of: input) {
      case .xlsx:
        let reader = try XLSXReader(path: input)
        let file = Paths.lastComponent(input)
        for (i, info) in reader.sheets.enumerated() {
          let grid = try reader.grid(sheet: i)
          let state = info.visibility == .visible ? "" : (zh ? "（隐藏）" : " (hidden)")
          grids.append((grid, file, info.name, state))
        }
      case .xls:
        let reader = try XLSReader(path: input)
        let file = Paths.lastComponent(input)
        for (i, name) in reader.sheetNames.enumerated() { grids.append((try reader.grid(sheet: i), file, name, "")) }
      case .csv:
        grids.append(try csvGrid(input))
      case .folder:
        let names = (try FileManager.default.contentsOfDirectory(atPath: input)).filter { $0.lowercased().hasSuffix(".csv") }.sorted()
        for name in names { grids.append(try csvGrid(Paths.join(input, name))) }
      case .json:
        let reading = try DisclosureReader().read([input])
        Console.out(summary(reading.disclosure, zh: zh))
        return
      }
    } catch {
      throw CommandFailure(message: Console.message(error, common.lang), status: 2)
    }
    var found = 0
    for (index, entry) in grids.enumerated() {
      let g = entry.grid
      var out = ""
      let title = entry.sheet.map { (zh ? "工作表 \(index + 1)「\($0)」" : "sheet \(index + 1) \"\($0)\"") } ?? "\(entry.file)"
      out += "\(title)\(entry.extra)：\(zh ? "范围" : "range") \(g.usedRange?.a1 ?? "—")，\(g.cellCount) \(zh ? "个单元格" : "cells")，"
      out += "\(g.merges.count) \(zh ? "个合并区域" : "merged ranges")\n"
      if !g.merges.isEmpty {
        let shown = g.merges.prefix(16).map(\.a1).joined(separator: " ")
        out += "  \(zh ? "合并" : "merges")：\(shown)\(g.merges.count > 16 ? " …" : "")\n"
      }
      for row in g.rows.prefix(rows) {
        let cells = row.cells.prefix(8).map { "\(CellAddress(row: row.index, column: $0.column).a1)=\(Self.short($0.value.text))" }
        out += "  \(cells.joined(separator: "  "))\(row.cells.count > 8 ? "  …" : "")\n"
      }
      let reading = recognizer.read(g, file: entry.file, sheet: entry.sheet)
      for t in reading.tables {
        found += 1
        out += "  → \(t.table.displayName)「\(t.table.title)」\(zh ? "表名" : "title") \(t.titleCell.a1)，"
        out += "\(zh ? "表头第" : "header rows ") \(t.headerRows.lowerBound)–\(t.headerRows.upperBound)\(zh ? " 行" : "")，"
        out += "\(t.dataRowCount) \(zh ? "行数据" : "data rows")\(t.table.note.map { "，\($0)" } ?? "")\n"
        for m in t.columnMap {
          out += "      \(m.column)  \(m.header.isEmpty ? "—" : m.header)  → \(m.field ?? (zh ? "（未使用）" : "(unused)"))"
          out += m.section == .main ? "\n" : " [\(m.section.rawValue)]\n"
        }
        for issue in t.issues { out += "    ! \(issue.message(common.lang))\n" }
      }
      if let u = reading.unrecognized { out += "  × \(u.message(common.lang))\n" }
      Console.out(out)
    }
    Console.out(zh ? "共识别 \(found) 张表。\n" : "\(found) table(s) recognized.\n")
  }

  func csvGrid(_ path: String) throws -> (grid: Grid, file: String, sheet: String?, extra: String) {
    let document = try CSVReader.read(path: path, encoding: encoding)
    let file = Paths.lastComponent(path)
    return (document.grid, file, nil, "（\(document.detectedEncoding.rawValue)）")
  }

  func summary(_ d: Disclosure, zh: Bool) -> String {
    var out = "\(d.department) \(d.year.map(String.init) ?? "") \(d.unit)\n"
    for t in d.tables {
      let rows = t.sections.map { $0.rows.count }.reduce(0, +)
      out += "  \(t.displayName)「\(t.title)」\(rows) \(zh ? "行" : "rows")\(t.note.map { "，\($0)" } ?? "")\n"
    }
    return out
  }

  static func short(_ text: String) -> String {
    // Line feeds by scalar: in "\r\n" the "\n" is part of one Character.
    let flat = String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\n" ? "⏎" : $0 }))
    return flat.count > 24 ? String(flat.prefix(23)) + "…" : flat
  }
}
