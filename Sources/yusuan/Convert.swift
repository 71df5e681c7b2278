import ArgumentParser
import FoundationEssentials
import YusuanKit

extension OutputFormat: NamedArgument {}
extension CSVLayout: NamedArgument {}

struct Convert: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "convert",
    abstract: L(
      "把一个部门的表转换为排版好的工作簿、CSV 文件或 JSON。", "Convert a department's tables to a formatted workbook, CSV files or JSON."),
    discussion: L(
      """
      输入可以是 .xlsx 工作簿、一个或多个 .csv 文件、一个 .csv 文件夹（一个部门）或 Yusuan JSON。表按标题和表头识别，从不依据工作表名或文件名。

      输出格式取自 --to，否则取自输出的扩展名：.xlsx、.json，或无扩展名的文件夹（CSV）。输出要么完整写出，要么不写；输入文件从不被覆盖。

      示例：
        yusuan convert 部门预算.xlsx -o 部门预算.json
        yusuan convert 部门预算.xlsx -o 公开表.xlsx
        yusuan convert 部门预算.xlsx -o 公开表.xlsx -o 部门预算.json
        yusuan convert csv目录/ -o 输出目录 --to csv --encoding gb18030
      """,
      """
      INPUT is an .xlsx workbook, one or more .csv files, a folder of .csv files (one department), or Yusuan JSON. Tables are recognized by their titles and headers, never by sheet or file names.

      Output format comes from --to, else from the output's extension: .xlsx, .json, or a folder (no extension) for CSV. Outputs appear whole or not at all; an input is never overwritten.

      Examples:
        yusuan convert 部门预算.xlsx -o 部门预算.json
        yusuan convert 部门预算.xlsx -o 公开表.xlsx
        yusuan convert 部门预算.xlsx -o 公开表.xlsx -o 部门预算.json
        yusuan convert csv目录/ -o 输出目录 --to csv --encoding gb18030
      """))

  @Argument(help: ArgumentHelp(L("输入文件或文件夹（一个部门）。", "Input files or folders (one department).")))
  var inputs: [String]

  @Option(
    name: .shortAndLong,
    help: ArgumentHelp(
      L(
        "输出文件（.xlsx/.json）或文件夹（CSV）；可重复，一次读取写出多个。",
        "Output file (.xlsx/.json) or folder (CSV); repeat to write several from one reading.")))
  var output: [String]

  @Option(
    help: ArgumentHelp(
      L(
        "输出格式：xlsx、csv 或 json（不区分大小写；默认取自输出的扩展名）。",
        "Output format: xlsx, csv or json (default: from the output's extension).")))
  var to: OutputFormat?

  @Option(
    help: ArgumentHelp(
      L("CSV 输出编码：utf-8-bom（默认）、utf-8 或 gb18030。", "CSV output encoding: utf-8-bom (default), utf-8 or gb18030.")))
  var encoding: TextEncoding = .utf8BOM

  @Option(
    name: .customLong("input-encoding"),
    help: ArgumentHelp(
      L("指定 CSV 输入的编码（默认自动识别 UTF-8 或 GB18030）。", "Force the encoding of CSV inputs (default: detect UTF-8 or GB18030).")
    ))
  var inputEncoding: TextEncoding?

  @Option(
    help: ArgumentHelp(
      L(
        "CSV 布局：tidy（默认，每行一条记录）或 disclosure（公开表原样）。",
        "CSV layout: tidy (default; one record per row) or disclosure (the official grid).")))
  var csvLayout: CSVLayout = .tidy

  @Flag(
    help: ArgumentHelp(
      L(
        "有校验错误或有未能读取的内容时不写出（退出码 1）。",
        "Refuse to write a disclosure that has validation errors or anything that could not be read (exit 1).")))
  var strict = false

  @OptionGroup var templateOption: TemplateOption

  @Flag(
    help: ArgumentHelp(
      L("在标准错误上打印读取、校验和写出各用的时间。", "Print how long reading, validating and writing took (on standard error).")))
  var timings = false

  @OptionGroup var common: CommonOptions

  func run() throws {
    let lang = common.lang
    let targets: [(path: String, format: OutputFormat)] = try output.map { path in
      guard let format = to ?? OutputFormat.implied(by: path) else {
        throw CommandFailure(
          message: lang == .zh
            ? "无法从输出文件名 \(path) 判断格式，请用 --to 指定 xlsx、csv 或 json"
            : "cannot tell the format from \(path); use --to xlsx, csv or json", status: 2)
      }
      return (path, format)
    }
    // A bad output path is refused before the input is read and checked.
    do {
      for target in targets {
        try Yusuan.checkOutput(target.path, as: target.format)
      }
    } catch {
      throw CommandFailure(message: Console.message(error, lang), status: 2)
    }
    if targets.filter({ $0.path == StandardOutput.path }).count > 1 {
      throw CommandFailure(
        message: lang == .zh ? "-o - 只能出现一次" : "-o - can be given only once", status: 2)
    }
    let signalSources = SignalCleanup.install()
    defer { for source in signalSources { source.cancel() } }
    var stopwatch = Stopwatch(language: lang)
    let configuration = try Yusuan.Configuration(common, templateOption, csvEncoding: inputEncoding)
    let reading: DisclosureReading
    do {
      reading = try stopwatch.measure(lang == .zh ? "读取" : "read") { try Yusuan.read(inputs, configuration) }
    } catch let failure as CommandFailure {
      throw failure
    } catch {
      throw CommandFailure(message: Console.message(error, lang), status: 2)
    }
    for issue in reading.issues { Console.error((lang == .zh ? "提示：" : "note: ") + issue.message(lang)) }
    // What could not be read is never silently passed over: with --strict nothing is written.
    let unread = reading.issues.filter { $0.severity != .info }
    if strict, !unread.isEmpty {
      throw CommandFailure(
        message: lang == .zh
          ? "有 \(unread.count) 处读取问题（见上），未写出（--strict）"
          : "\(unread.count) reading problem(s) (above): nothing written (--strict)", status: 1)
    }
    // Checking and writing are independent, so they share two cores: this thread writes the
    // workbooks (the heaviest outputs), a second one checks the rules and writes the rest. With
    // --strict the verdict comes first. Messages keep their order: summary, then "wrote" lines.
    let job = ConvertJob(
      disclosure: reading.disclosure, csvLayout: csvLayout, encoding: encoding, inputs: inputs,
      configuration: configuration)
    func report(_ verdict: Verdict) {
      stopwatch.record(lang == .zh ? "校验" : "validate", verdict.duration)
      Console.error(verdict.report.summaryLine(lang))
    }
    let verdict = strict ? job.validate() : nil
    if let verdict {
      report(verdict)
      if verdict.report.count(.error) > 0 {
        throw CommandFailure(
          message: lang == .zh
            ? "有校验错误，未写出（--strict）；用 yusuan validate 查看详情"
            : "validation errors: nothing written (--strict); run yusuan validate for details", status: 1)
      }
    }
    let workbooks = targets.indices.filter { targets[$0].format == .xlsx }
    let here = workbooks.isEmpty ? Array(targets.indices) : workbooks
    let there = targets.indices.filter { !here.contains($0) }
    let second = Background { (verdict ?? job.validate(), there.map { job.write(targets[$0]) }) }
    var outcomes = [Outcome?](repeating: nil, count: targets.count)
    for i in here { outcomes[i] = job.write(targets[i]) }
    let (checked, writtenThere) = second.value()
    for (i, outcome) in zip(there, writtenThere) { outcomes[i] = outcome }
    if verdict == nil { report(checked) }
    var failures: [String] = []
    for case let outcome? in outcomes {
      stopwatch.record(lang == .zh ? "写出" : "write", outcome.duration)
      switch outcome.result {
      case .success(let line): Console.error(line)
      case .failure(let failure): failures.append(failure.message)
      }
    }
    if !failures.isEmpty {
      // A write refused because a signal is being handled exits as the handler does (128 + signal).
      let status = Temporaries.exitSignal.map { 128 + $0 } ?? 2
      throw CommandFailure(message: failures.joined(separator: "\n"), status: status)
    }
    if timings { Console.error(stopwatch.summary) }
  }
}

/// A validation report and how long it took.
private struct Verdict: Sendable {
  var report: Report
  var duration: Duration
}

/// What writing one output gave: the "wrote" line or the failure, and how long it took.
private struct Outcome: Sendable {
  var result: Result<String, CommandFailure>
  var duration: Duration
}

/// The work of one `convert` after reading, shared by both threads.
private struct ConvertJob: Sendable {
  var disclosure: Disclosure
  var csvLayout: CSVLayout
  var encoding: TextEncoding
  var inputs: [String]
  var configuration: Yusuan.Configuration
  var language: Language { configuration.language }

  func validate() -> Verdict {
    let clock = ContinuousClock()
    let start = clock.now
    let report = Yusuan.validate(disclosure, configuration)
    return Verdict(report: report, duration: clock.now - start)
  }

  func write(_ target: (path: String, format: OutputFormat)) -> Outcome {
    let clock = ContinuousClock()
    let start = clock.now
    let result: Result<String, CommandFailure>
    do {
      let outcome = try Yusuan.write(
        disclosure, as: target.format, to: target.path, csvLayout: csvLayout, encoding: encoding, refusing: inputs,
        configuration)
      var line = wroteLine(files: outcome.written.count, to: target.path)
      if !outcome.foreign.isEmpty {
        let names = outcome.foreign.joined(separator: language == .zh ? "、" : ", ")
        line +=
          language == .zh
          ? "\n提示：\(target.path) 中另有 \(outcome.foreign.count) 个不是 Yusuan 写出的文件，未改动：\(names)（再读取该文件夹时会一并读到）"
          : "\nnote: \(target.path) also holds \(outcome.foreign.count) file(s) Yusuan did not write, left as they are: \(names) (reading the folder again would read them too)"
      }
      result = .success(line)
    } catch {
      result = .failure(CommandFailure(message: Console.message(error, language), status: 2))
    }
    return Outcome(result: result, duration: clock.now - start)
  }

  private func wroteLine(files: Int, to path: String) -> String {
    let zh = language == .zh
    let tables = disclosure.tables.map { String($0.number) }.joined(separator: ",")
    let forms = disclosure.forms.count
    var content: [String] = []
    if !tables.isEmpty { content.append(zh ? "表 \(tables)" : "tables \(tables)") }
    if forms > 0 { content.append(zh ? "绩效目标申报表 \(forms) 张" : "\(forms) performance forms") }
    let shown = path == StandardOutput.path ? (zh ? "标准输出" : "standard output") : path
    return zh
      ? "已写出 \(files) 个文件（\(content.joined(separator: "，"))）→ \(shown)"
      : "wrote \(files) file(s) (\(content.joined(separator: ", "))) → \(shown)"
  }
}
