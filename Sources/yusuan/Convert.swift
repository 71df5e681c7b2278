import ArgumentParser
import Budget
import Foundation
import Layouts
import Sheets
import Validation

extension OutputFormat: NamedArgument {}
extension CSVLayout: NamedArgument {}

struct Convert: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "convert",
    abstract: "Convert a department's tables to a formatted workbook, CSV files or JSON.",
    discussion: """
      INPUT is an .xlsx workbook, one or more .csv files, a folder of .csv files (one department),
      or Yusuan JSON. Tables are recognized by their titles and headers, never by sheet or file names.

      Output format comes from --to, else from the output's extension: .xlsx, .json, or a folder
      (no extension) for CSV. Outputs appear whole or not at all; an input is never overwritten.

      Examples:
        yusuan convert 部门预算.xlsx -o 部门预算.json
        yusuan convert 部门预算.xlsx -o 公开表.xlsx
        yusuan convert csv目录/ -o 输出目录 --to csv --csv-layout disclosure --encoding gb18030
        yusuan convert 部门预算.xlsx -o 公开表.xlsx -o 部门预算.json
      """)

  @Argument(help: "Input files or folders (one department).")
  var inputs: [String]

  @Option(name: .shortAndLong, help: "Output file (.xlsx/.json) or folder (CSV); repeat to write several from one reading.")
  var output: [String]

  @Option(help: "Output format: xlsx, csv or json (default: from the output's extension).")
  var to: OutputFormat?

  @Option(help: "CSV output encoding: utf-8-bom (default), utf-8 or gb18030.")
  var encoding: TextEncoding = .utf8BOM

  @Option(name: .customLong("input-encoding"), help: "Force the encoding of CSV inputs (default: detect UTF-8 or GB18030).")
  var inputEncoding: TextEncoding?

  @Option(help: "CSV layout: tidy (default; one record per row) or disclosure (the official grid).")
  var csvLayout: CSVLayout = .tidy

  @Flag(help: "Refuse to write a disclosure that has validation errors (exit 1).")
  var strict = false

  @Flag(help: "Print how long reading, validating and writing took (on standard error).")
  var timings = false

  @OptionGroup var common: CommonOptions

  func run() throws {
    let lang = common.lang
    var targets: [(path: String, format: OutputFormat)] = []
    for path in output {
      guard let format = to ?? OutputFormat.implied(by: path) else {
        throw CommandFailure(
          message: lang == .zh ? "无法从输出文件名 \(path) 判断格式，请用 --to 指定 xlsx、csv 或 json" :
            "cannot tell the format from \(path); use --to xlsx, csv or json", status: 2)
      }
      targets.append((path, format))
    }
    var stopwatch = Stopwatch(language: lang)
    let reading: DisclosureReading
    do {
      reading = try stopwatch.measure(lang == .zh ? "读取" : "read") { try DisclosureReader(csvEncoding: inputEncoding).read(inputs) }
    } catch {
      throw CommandFailure(message: Console.message(error, lang), status: 2)
    }
    for issue in reading.issues { Console.error((lang == .zh ? "提示：" : "note: ") + issue.message(lang)) }
    // Validating and writing are independent: the checks run on a second core while the outputs
    // are written (after them with --strict, which needs the verdict first). Messages keep their order.
    let disclosure = reading.disclosure
    let validation = Background {
      let clock = ContinuousClock()
      let start = clock.now
      let report = RuleSet.standard.validate(disclosure, catalog: StandardCatalog.lookup)
      return (report, clock.now - start)
    }
    func reportValidation() -> Report {
      let (report, duration) = validation.value()
      stopwatch.record(lang == .zh ? "校验" : "validate", duration)
      Console.error(report.summaryLine(lang))
      return report
    }
    if strict && reportValidation().count(.error) > 0 {
      throw CommandFailure(
        message: lang == .zh ? "有校验错误，未写出（--strict）；用 yusuan validate 查看详情" :
          "validation errors: nothing written (--strict); run yusuan validate for details", status: 1)
    }
    var written: [String] = []
    var failure: CommandFailure?
    for target in targets {
      do {
        let files = try stopwatch.measure(lang == .zh ? "写出" : "write") {
          try DisclosureWriter().write(
            disclosure, as: target.format, to: target.path, csvLayout: csvLayout, encoding: encoding, refusing: inputs)
        }
        let tables = disclosure.tables.map { String($0.number) }.joined(separator: ",")
        let forms = disclosure.forms.count
        var content: [String] = []
        if !tables.isEmpty { content.append(lang == .zh ? "表 \(tables)" : "tables \(tables)") }
        if forms > 0 { content.append(lang == .zh ? "绩效目标申报表 \(forms) 张" : "\(forms) performance forms") }
        written.append(
          lang == .zh ? "已写出 \(files.count) 个文件（\(content.joined(separator: "，"))）→ \(target.path)" :
            "wrote \(files.count) file(s) (\(content.joined(separator: ", "))) → \(target.path)")
      } catch {
        failure = CommandFailure(message: Console.message(error, lang), status: 2)
        break
      }
    }
    if !strict { _ = reportValidation() }
    written.forEach(Console.error)
    if let failure { throw failure }
    if timings { Console.error(stopwatch.summary) }
  }
}
