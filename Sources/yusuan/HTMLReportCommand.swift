import ArgumentParser
import Budget
import Sheets
import Validation
import YusuanKit

struct HTMLReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Write one department's HTML report: its tables as printed, wrong cells marked, findings linked to cells.",
    discussion: """
      The report is one self-contained .html file (no network, fonts or scripts from elsewhere; it
      opens from a USB stick and prints each table on its own page). Errors, warnings and rounding
      differences are marked apart; hover a marked cell for its finding.

      Exit status: 0 written and no error (with --strict: no finding), 1 written with findings,
      2 unreadable input or misuse.

      Examples:
        yusuan report 部门预算.xlsx 绩效目标申报表.xlsx -o 报告.html
        yusuan report csv目录/ -o report.html --lang en
      """)

  @Argument(help: "Input files or folders (one department).")
  var inputs: [String]

  @Option(name: .shortAndLong, help: "The report file (.html).")
  var output: String

  @Option(help: "Differences up to this amount (万元) count as equal, e.g. 0.01.")
  var tolerance: String = "0.00"

  @Flag(help: "Exit 1 on any finding, not only on errors.")
  var strict = false

  @Option(help: "Force the encoding of CSV inputs (default: detect UTF-8 or GB18030).")
  var encoding: TextEncoding?

  @Flag(help: "Print how long reading, validating, rendering and writing took (on standard error).")
  var timings = false

  @OptionGroup var common: CommonOptions

  @OptionGroup var templateOption: TemplateOption

  func run() throws {
    let template = try templateOption.set(common.lang)
    let zh = common.lang == .zh
    guard let tolerance = Amount(parsing: tolerance), tolerance >= .zero else {
      throw CommandFailure(message: zh ? "--tolerance 应为非负金额，如 0.01" : "--tolerance must be a non-negative amount such as 0.01", status: 2)
    }
    guard ["html", "htm"].contains(Paths.extension(output).lowercased()) else {
      throw CommandFailure(
        message: zh ? "报告文件应以 .html 结尾：\(output)" : "the report file must end in .html: \(output)", status: 2)
    }
    // The library's steps one by one, so that --timings can tell them apart.
    var stopwatch = Stopwatch(language: common.lang)
    let reading: DisclosureReading
    do {
      reading = try stopwatch.measure(zh ? "读取" : "read") { try YusuanKit.Yusuan.read(inputs, csvEncoding: encoding, template: template) }
    } catch {
      throw CommandFailure(message: Console.message(error, common.lang), status: 2)
    }
    let report = stopwatch.measure(zh ? "校验" : "validate") {
      YusuanKit.Yusuan.validate(reading.disclosure, tolerance: tolerance, catalog: StandardCatalog.lookup)
    }
    let page = stopwatch.measure(zh ? "生成报告" : "render") {
      YusuanKit.Yusuan.htmlReport(reading, report: report, language: common.lang)
    }
    do {
      try stopwatch.measure(zh ? "写出" : "write") { try AtomicFile.write(bytes: Array(page.utf8), to: output, refusing: inputs) }
    } catch {
      throw CommandFailure(message: Console.message(error, common.lang), status: 2)
    }
    let result = (reading: reading, report: report)
    Console.error(result.report.summaryLine(common.lang))
    Console.error(zh ? "已写出报告 → \(output)" : "wrote the report → \(output)")
    if timings { Console.error(stopwatch.summary) }
    let status = result.report.exitStatus(strict: strict)
    if status != 0 { throw ExitCode(status) }
  }
}
