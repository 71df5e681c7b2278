import ArgumentParser
import YusuanKit

struct HTMLReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: L(
      "写出一个部门的 HTML 报告：按公开格式排版的表，标出错误单元格，问题与单元格互相链接。",
      "Write one department's HTML report: its tables as printed, wrong cells marked, findings linked to cells."),
    discussion: L(
      """
      报告是一个独立的 .html 文件（不从别处加载网络资源、字体或脚本；可以从 U 盘打开，打印时每张表一页）。错误、警告和尾差用不同标记区分；鼠标停在标记的单元格上可看原因。

      带 --narrative 时，按 yusuan narrative --check 的方式把已公开的情况说明与表核对，与表不符的每个数字连同行号列出（算作错误）。

      退出码：0 已写出且无错误（带 --strict：无任何问题）；1 已写出，有问题；2 输入无法读取或用法错误。

      示例：
        yusuan report 部门预算.xlsx 绩效目标申报表.xlsx -o 报告.html
        yusuan report 部门预算.xlsx --narrative 情况说明.txt -o 报告.html
        yusuan report csv目录/ -o report.html --lang en
      """,
      """
      The report is one self-contained .html file (no network, fonts or scripts from elsewhere; it opens from a USB stick and prints each table on its own page). Errors, warnings and rounding differences are marked apart; hover a marked cell for its finding.

      With --narrative, the published 情况说明 is checked against the tables as yusuan narrative --check does, and each figure that disagrees is listed with its line (it counts as an error).

      Exit status: 0 written and no error (with --strict: no finding), 1 written with findings, 2 unreadable input or misuse.

      Examples:
        yusuan report 部门预算.xlsx 绩效目标申报表.xlsx -o 报告.html
        yusuan report 部门预算.xlsx --narrative 情况说明.txt -o 报告.html
        yusuan report csv目录/ -o report.html --lang en
      """))

  @Argument(help: ArgumentHelp(L("输入文件或文件夹（一个部门）。", "Input files or folders (one department).")))
  var inputs: [String]

  @Option(name: .shortAndLong, help: ArgumentHelp(L("报告文件（.html）。", "The report file (.html).")))
  var output: String

  @Option(
    help: ArgumentHelp(L("不超过此金额（万元）的差额视为相等，如 0.01。", "Differences up to this amount (万元) count as equal, e.g. 0.01.")))
  var tolerance: String = "0.00"

  @Flag(help: ArgumentHelp(L("有任何问题即以 1 退出，而不只是有错误时。", "Exit 1 on any finding, not only on errors.")))
  var strict = false

  @Option(
    help: ArgumentHelp(
      L(
        "要与表核对的已公开情况说明（UTF-8 或 GB18030/GBK 文本）。",
        "A published narrative (情况说明, UTF-8 or GB18030/GBK text) to check against the tables.")))
  var narrative: String?

  @Option(
    help: ArgumentHelp(
      L("指定 CSV 输入的编码（默认自动识别 UTF-8 或 GB18030）。", "Force the encoding of CSV inputs (default: detect UTF-8 or GB18030).")
    ))
  var encoding: TextEncoding?

  @Flag(
    help: ArgumentHelp(
      L(
        "在标准错误上打印读取、校验、生成和写出各用了多久。",
        "Print how long reading, validating, rendering and writing took (on standard error).")))
  var timings = false

  @OptionGroup var common: CommonOptions

  @OptionGroup var templateOption: TemplateOption

  func run() throws {
    let configuration = try Yusuan.Configuration(common, templateOption, csvEncoding: encoding, tolerance: tolerance)
    let zh = common.lang == .zh
    guard ["html", "htm"].contains(Paths.extension(output).lowercased()) else {
      throw CommandFailure(
        message: zh ? "报告文件应以 .html 结尾：\(output)" : "the report file must end in .html: \(output)", status: 2)
    }
    // The library's steps one by one, so that --timings can tell them apart.
    var stopwatch = Stopwatch(language: common.lang)
    let reading: DisclosureReading
    do {
      reading = try stopwatch.measure(zh ? "读取" : "read") { try Yusuan.read(inputs, configuration) }
    } catch {
      throw CommandFailure(message: Console.message(error, common.lang), status: 2)
    }
    let report = stopwatch.measure(zh ? "校验" : "validate") {
      Yusuan.validate(reading.disclosure, configuration)
    }
    var checked: CheckedNarrative?
    if let narrative {
      do {
        checked = try Yusuan.checkNarrative(file: narrative, against: reading.disclosure, limits: configuration.limits)
      } catch {
        throw CommandFailure(message: error.message(common.lang), status: 2)
      }
    }
    let page = stopwatch.measure(zh ? "生成报告" : "render") {
      Yusuan.htmlReport(reading, report: report, language: common.lang, narrative: checked)
    }
    do {
      try stopwatch.measure(zh ? "写出" : "write") {
        try AtomicFile.write(bytes: Array(page.utf8), to: output, refusing: inputs)
      }
    } catch {
      throw CommandFailure(message: Console.message(error, common.lang), status: 2)
    }
    let result = (reading: reading, report: report)
    Console.error(result.report.summaryLine(common.lang))
    Console.error(zh ? "已写出报告 → \(output)" : "wrote the report → \(output)")
    if let checked {
      Console.error((zh ? "情况说明：" : "narrative: ") + checked.summary(common.lang))
    }
    if timings { Console.error(stopwatch.summary) }
    var status = result.report.exitStatus(strict: strict)
    if let checked, checked.hasDisagreements || (strict && checked.checkedNothing) { status = max(status, 1) }
    if status != 0 { throw ExitCode(status) }
  }
}
