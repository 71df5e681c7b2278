import ArgumentParser
import FoundationEssentials
import YusuanKit

struct Inspect: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "inspect",
    abstract: L(
      "显示文件里有什么：工作表、合并区域、前几行，以及在哪里识别出哪些表。",
      "Show what is in a file: its sheets, merged ranges and first rows, and which tables were found where."),
    discussion: L(
      """
      对每个工作表（或 CSV 文件）：已用区域、合并区域和前几行；然后是其中识别出的表（标题单元格、表头行、各列如何对应），或为何没有识别出。文件无法读取时退出码为 2。
      """,
      """
      For each sheet (or CSV file): its used range, merged ranges and first rows; then the table recognized in it (title cell, header rows, how each column was mapped) or why none was. Exit status 2 when the file cannot be read.
      """))

  @Argument(
    help: ArgumentHelp(
      L(
        "一个 .xlsx 或 .xls 工作簿、.csv 文件、.csv 文件夹或 Yusuan JSON。",
        "An .xlsx or .xls workbook, a .csv file, a folder of .csv files, or Yusuan JSON.")))
  var input: String

  @Option(help: ArgumentHelp(L("每个工作表显示多少行。", "How many rows of each sheet to show.")))
  var rows: Int = 6

  @Option(
    help: ArgumentHelp(
      L("指定 CSV 编码（默认自动识别 UTF-8 或 GB18030）。", "Force the CSV encoding (default: detect UTF-8 or GB18030).")))
  var encoding: TextEncoding?

  @OptionGroup var common: CommonOptions

  @OptionGroup var templateOption: TemplateOption

  func run() throws {
    let zh = common.lang == .zh
    guard rows >= 0 else {
      throw CommandFailure(
        message: zh ? "--rows 应为非负整数（收到 \(rows)）" : "--rows must be a non-negative integer (got \(rows))", status: 2)
    }
    let configuration = try Yusuan.Configuration(common, templateOption, csvEncoding: encoding)
    let set: LayoutSet
    let grids: [GridReading]
    do {
      switch try Yusuan.inspect(input, configuration) {
      case .disclosure(let disclosure):
        Console.out(summary(disclosure, zh: zh))
        return
      case .grids(let readAs, let readings): (set, grids) = (readAs, readings)
      }
    } catch {
      throw CommandFailure(message: Console.message(error, common.lang), status: 2)
    }
    var found = 0
    var forms = 0
    for (index, reading) in grids.enumerated() {
      guard let g = reading.grid else { continue }
      var out = ""
      let extra =
        reading.hidden ? (zh ? "（隐藏）" : " (hidden)") : reading.encoding.map { "（\($0.rawValue)）" } ?? ""
      let title =
        reading.sheet.map { (zh ? "工作表 \(index + 1)「\($0)」" : "sheet \(index + 1) \"\($0)\"") } ?? reading.file
      out +=
        "\(title)\(extra)：\(zh ? "范围" : "range") \(g.usedRange?.a1 ?? "—")，\(g.cellCount) \(zh ? "个单元格" : "cells")，"
      out += "\(g.merges.count) \(zh ? "个合并区域" : "merged ranges")\n"
      if !g.merges.isEmpty {
        let shown = g.merges.prefix(16).map(\.a1).joined(separator: " ")
        out += "  \(zh ? "合并" : "merges")：\(shown)\(g.merges.count > 16 ? " …" : "")\n"
      }
      for row in g.rows.prefix(rows) {
        let cells = row.cells.prefix(8).map {
          "\(CellAddress(row: row.index, column: $0.column).a1)=\(Self.short(Self.shown($0.value)))"
        }
        out += "  \(cells.joined(separator: "  "))\(row.cells.count > 8 ? "  …" : "")\n"
      }
      for t in reading.tables {
        found += 1
        let name = t.table.label ?? set.label(t.table.number) ?? "\(t.table.number)"
        out +=
          "  → \(name)「\(t.table.title)」[\(t.table.kind.rawValue)] \(t.table.unit) \(zh ? "表名" : "title") \(t.titleCell.a1)，"
        out += "\(zh ? "表头第" : "header rows ") \(t.headerRows.lowerBound)–\(t.headerRows.upperBound)\(zh ? " 行" : "")，"
        out += "\(t.dataRowCount) \(zh ? "行数据" : "data rows")\(t.table.note.map { "，\($0)" } ?? "")\n"
        for m in t.columnMap {
          out += "      \(m.column)  \(m.header.isEmpty ? "—" : m.header)  → \(m.field ?? (zh ? "（未使用）" : "(unused)"))"
          out += m.section == .main ? "\n" : " [\(m.section.rawValue)]\n"
        }
        for issue in t.issues { out += "    ! \(issue.message(common.lang))\n" }
      }
      for form in reading.forms {
        forms += 1
        let place = form.source?.range.map { zh ? "，范围 \($0)" : ", range \($0)" } ?? ""
        out +=
          zh
          ? "  → 绩效目标申报表「\(form.projectName)」\(place)，\(form.indicators.count) 个绩效指标\n"
          : "  → 绩效目标申报表 \"\(form.projectName)\"\(place), \(form.indicators.count) indicators\n"
      }
      for issue in reading.issues { out += "  ! \(issue.message(common.lang))\n" }
      if let u = reading.unrecognized, reading.forms.isEmpty { out += "  × \(u.message(common.lang))\n" }
      Console.out(out)
    }
    var counts: [String] = []
    if found > 0 || forms == 0 { counts.append(zh ? "\(found) 张表" : "\(found) table(s)") }
    if forms > 0 { counts.append(zh ? "\(forms) 张绩效目标申报表" : "\(forms) performance form(s)") }
    Console.out(
      zh
        ? "模板：\(set.name)（\(set.nameZh)）。共识别 \(counts.joined(separator: "、"))。\n"
        : "Template: \(set.name) (\(set.nameEn)). \(counts.joined(separator: " and ")) recognized.\n")
  }

  /// A cell as a person reads it: numbers as the exact decimal the spreadsheet shows (a stored
  /// `733.5700000000001` is 733.57, as Yusuan reads it), everything else as stored.
  static func shown(_ value: CellValue) -> String {
    if case .number(let text) = value, let amount = Amount(parsing: text) {
      return amount.text(minimumFractionDigits: 0)
    }
    return value.text
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
