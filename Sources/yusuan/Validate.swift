import ArgumentParser
import FoundationEssentials
import YusuanKit

enum ReportFormat: String, NamedArgument {
  case text, json, junit
}

struct Validate: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: L(
      "校验表的每一个恒等关系：表内合计、表间一致、科目编码和目录。",
      "Check every identity of the tables: sums within tables, agreement across tables, codes and catalog."),
    discussion: L(
      """
      报告哪些规则运行了、哪些不适用（表缺失或为空）、哪些通过，“没有发现问题”决不掩盖“什么也没查”。每条结果写明表、行、列和单元格，以及应有与实有的金额。级别：错误、警告、尾差（分行四舍五入造成的几分钱差异）。

      退出码：0 无错误（--strict 时：无任何结果）；1 有结果；2 输入无法读取。

      示例：
        yusuan validate 部门预算.xlsx
        yusuan validate 部门预算.xlsx --format junit > report.xml
        yusuan validate csv目录/ --tolerance 0.01 --lang en
      """,
      """
      Reports which rules ran, which did not apply (a table absent or empty) and which passed, so that "nothing found" never hides "nothing checked". Each finding names the table, row, column and cells, with the expected and found amounts. Severities: error, warning, and rounding (differences of a few 0.01 from rounding rows separately).

      Exit status: 0 no error (with --strict: no finding at all), 1 findings, 2 unreadable input.

      Examples:
        yusuan validate 部门预算.xlsx
        yusuan validate 部门预算.xlsx --format junit > report.xml
        yusuan validate csv目录/ --tolerance 0.01 --lang en
      """))

  @Argument(help: ArgumentHelp(L("输入文件或文件夹（一个部门）。", "Input files or folders (one department).")))
  var inputs: [String]

  @Option(help: ArgumentHelp(L("报告格式：text（默认）、json 或 junit。", "Report format: text (default), json or junit.")))
  var format: ReportFormat = .text

  // Unconditional, so that `--tolerance -1` is refused with a clear message rather than read as a flag.
  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(L("不超过此金额（万元）的差异视为相等，如 0.01。", "Differences up to this amount (万元) count as equal, e.g. 0.01.")))
  var tolerance: String = "0.00"

  @Flag(help: ArgumentHelp(L("除提示外有任何结果（不只是错误）即以 1 退出。", "Exit 1 on any finding but info, not only on errors.")))
  var strict = false

  @OptionGroup var catalog: CatalogOptions

  @Option(
    help: ArgumentHelp(
      L("指定 CSV 输入的编码（默认自动识别 UTF-8 或 GB18030）。", "Force the encoding of CSV inputs (default: detect UTF-8 or GB18030).")
    ))
  var encoding: TextEncoding?

  @Flag(
    help: ArgumentHelp(
      L(
        "打印读取和校验各用的时间（校验两次：含与不含加载目录）。",
        "Print how long reading and validating took (validation twice: with and without loading the catalog).")))
  var timings = false

  @OptionGroup var common: CommonOptions

  @OptionGroup var templateOption: TemplateOption

  func run() throws {
    let configuration = try Yusuan.Configuration(
      common, templateOption, csvEncoding: encoding, tolerance: tolerance, catalog: catalog)
    let zh = common.lang == .zh
    var stopwatch = Stopwatch(language: common.lang)
    let reading: DisclosureReading
    do {
      reading = try stopwatch.measure(zh ? "读取" : "read") { try Yusuan.read(inputs, configuration) }
    } catch {
      throw CommandFailure(message: Console.message(error, common.lang), status: 2)
    }
    let validate = { Yusuan.validate(reading, configuration) }
    let report = stopwatch.measure(zh ? "校验（含加载科目表）" : "validate (loading the catalog)") { validate() }
    if timings {
      _ = stopwatch.measure(zh ? "再次校验" : "validate again") { validate() }
      Console.error(stopwatch.summary)
    }
    switch format {
    case .text: Console.out(report.text(common.lang))
    case .json: Console.out(report.json(common.lang))
    case .junit: Console.out(report.junit(common.lang, strict: strict))
    }
    let status = report.exitStatus(strict: strict)
    if status != 0 { throw ExitCode(status) }
  }
}
