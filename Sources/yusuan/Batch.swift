import ArgumentParser
import Dispatch
import FoundationEssentials
import Glibc
import YusuanKit

struct Batch: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "batch",
    abstract: L(
      "一次转换并校验许多部门：一棵目录树中的每个工作簿、JSON 和 CSV 文件夹。",
      "Convert and validate many departments at once: every workbook, JSON and CSV folder of a tree."),
    discussion: L(
      """
      递归搜索文件夹；每个 .xlsx/.xlsm/.json 文件是一个部门，一个文件夹中的 .csv 文件合起来是一个部门。输出在 OUT_DIR 下按输入树的结构存放（a.xlsx → OUT_DIR/a.xlsx、OUT_DIR/a.json，CSV 为 OUT_DIR/a/）；从不向输入树写任何东西。坏的输入不会中止运行：它成为报告中的一行。

      再次运行时跳过输出已是最新的部门（OUT_DIR/.yusuan-manifest*.jsonl 以输入字节的哈希、选项和 Yusuan 版本为键），因此中断的运行从停下处继续。--shard I/N 只处理路径哈希落在 N 份中第 I 份的部门，便于调度器（GNU parallel、Slurm 数组作业、Kubernetes indexed Jobs）把一次运行分到多台机器。

      Ctrl-C（SIGINT）、SIGTERM 或 SIGHUP 会让手头的部门做完、写出报告，并以 130、143 或 129 退出；不留下不完整或临时的文件。同一输出文件夹（同一分片）上的第二个批量运行会被拒绝，立即以 2 退出。

      退出码：0 全部正常；1 有校验结果（或 --verify 时有往返差异）；2 有输入无法读取、输出无法写出（或用法错误）。

      示例：
        yusuan batch 各部门/ -o 输出/ --to xlsx,json --report 报告.csv
        yusuan batch 各部门/ -o 输出/ --to json --verify --report junit.xml
        yusuan batch 各部门/ -o 输出/ --to xlsx --shard 3/8
        yusuan batch 各部门/ -o 输出/ --to xlsx --report-html   # 输出/index.html 列出每份报告
      """,
      """
      Folders are searched recursively; each .xlsx/.xlsm/.json file is one department and the .csv files of one folder together are one department. Outputs mirror the input tree under OUT_DIR (a.xlsx → OUT_DIR/a.xlsx, OUT_DIR/a.json, OUT_DIR/a/ for CSV); nothing is ever written into the input tree. A bad input never stops the run: it becomes a report row.

      Re-running skips departments whose outputs are up to date (OUT_DIR/.yusuan-manifest*.jsonl keys each input by a hash of its bytes, the options and Yusuan's version), so an interrupted run resumes where it stopped. --shard I/N takes the departments whose path hashes to I of N, so a scheduler (GNU parallel, Slurm array jobs, Kubernetes indexed Jobs) can spread a run over machines.

      Ctrl-C (SIGINT), SIGTERM or SIGHUP lets the departments in hand finish, writes the report and exits 130, 143 or 129; no partial or temporary file is left. A second run on the same output folder (and shard) is refused: it exits 2 at once.

      Exit status: 0 all good, 1 some findings (or round-trip differences with --verify), 2 some input unreadable or an output unwritable (or misuse).

      Examples:
        yusuan batch 各部门/ -o 输出/ --to xlsx,json --report 报告.csv
        yusuan batch 各部门/ -o 输出/ --to json --verify --report junit.xml
        yusuan batch 各部门/ -o 输出/ --to xlsx --shard 3/8
        yusuan batch 各部门/ -o 输出/ --to xlsx --report-html   # 输出/index.html lists every report
      """))

  @Argument(help: ArgumentHelp(L("输入文件夹（递归搜索）或文件。", "Input folders (searched recursively) or files.")))
  var inputs: [String]

  @Option(
    name: .shortAndLong,
    help: ArgumentHelp(L("输出文件夹；其中按输入树的结构存放输出。", "Output folder; outputs mirror the input tree inside it.")))
  var output: String

  @Option(help: ArgumentHelp(L("输出格式，逗号分隔：xlsx、json、csv。", "Output formats, comma-separated: xlsx, json, csv.")))
  var to: String = "xlsx,json"

  @Option(
    help: ArgumentHelp(L("工作线程数（默认：CPU 核数，至多 64）。", "Worker threads (default: the number of cores; at most 64).")))
  var jobs: Int?

  @Option(help: ArgumentHelp(L("只处理 N 份中的第 I 份（1 ≤ I ≤ N），如 2/8。", "Handle only slice I of N (1 ≤ I ≤ N), e.g. 2/8.")))
  var shard: String?

  @Option(help: ArgumentHelp(L("写出报告：.csv、.json 或 .xml（JUnit）。", "Write a report: .csv, .json, or .xml (JUnit).")))
  var report: String?

  @Option(help: ArgumentHelp(L("CSV 输出布局：tidy（默认）或 disclosure。", "CSV output layout: tidy (default) or disclosure.")))
  var csvLayout: CSVLayout = .tidy

  @Option(
    help: ArgumentHelp(
      L("CSV 输出编码：utf-8-bom（默认）、utf-8 或 gb18030。", "CSV output encoding: utf-8-bom (default), utf-8 or gb18030.")))
  var encoding: TextEncoding = .utf8BOM

  @Option(
    name: .customLong("input-encoding"),
    help: ArgumentHelp(L("指定 CSV 输入的编码（默认自动识别）。", "Force the encoding of CSV inputs (default: detect).")))
  var inputEncoding: TextEncoding?

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(L("不超过此金额（万元）的差异视为相等，如 0.01。", "Differences up to this amount (万元) count as equal, e.g. 0.01.")))
  var tolerance: String = "0.00"

  @OptionGroup var catalog: CatalogOptions

  @Flag(help: ArgumentHelp(L("除提示外的任何结果（不只是错误）都计为有结果。", "Any finding but info (not only errors) counts as a finding.")))
  var strict = false

  @Flag(
    help: ArgumentHelp(
      L("读回每个输出并报告变化了的值（每个输出一次往返）。", "Read every output back and report values that changed (a round trip per output).")
    ))
  var verify = false

  @Flag(help: ArgumentHelp(L("重做每个部门，即使其输出已是最新。", "Redo every department, even those whose outputs are up to date.")))
  var force = false

  @Flag(
    help: ArgumentHelp(
      L(
        "同时为每个部门写出 HTML 报告（a.xlsx → OUT_DIR/a.html），以及列出全部报告的 OUT_DIR/index.html。",
        "Also write each department's HTML report (a.xlsx → OUT_DIR/a.html) and OUT_DIR/index.html listing them all.")))
  var reportHTML = false

  @Option(
    help: ArgumentHelp(
      L(
        "重做这么多个部门后停止（已是最新的不计）；其余留待下次运行。",
        "Stop after redoing this many departments (up-to-date ones do not count); the rest are left for the next run."))
  )
  var limit: Int?

  @OptionGroup var common: CommonOptions

  @OptionGroup var templateOption: TemplateOption

  func run() throws {
    let lang = common.lang
    let options: BatchOptions
    let plan: BatchPlan
    do {
      options = try makeOptions()
      plan = try BatchPlan.discover(inputs, output: output, shard: options.shard)
      if let report {
        try BatchReportFormat.checkWritable(report)
        try plan.checkOutsideInputs(report, inputs: inputs)
        try plan.checkNotAnOutput(report, options: options)
      }
    } catch let failure as CommandFailure {
      throw failure
    } catch {
      throw CommandFailure(message: Console.message(error, lang), status: 2)
    }
    let cancellation = BatchCancellation()
    let signals = Self.handleSignals(cancellation)
    let console = BatchConsole(language: lang, terminal: isatty(STDERR_FILENO) == 1)
    let running = options.configuration.jobs
    if let requested = jobs, requested > running {
      Console.error(
        lang == .zh
          ? "--jobs \(requested) 过大，按 \(running) 个线程运行" : "--jobs \(requested) is too many; running \(running) threads")
    }
    let summary: BatchSummary
    do {
      summary = try BatchRunner(plan: plan, options: options).run(cancellation: cancellation) {
        console.show($0)
      }
    } catch {
      throw CommandFailure(message: Console.message(error, lang), status: 2)
    }
    withExtendedLifetime(signals) {}
    console.finish(summary, skippedByShard: plan.totalAcrossShards - plan.departments.count, limit: options.limit)
    if let problem = summary.manifestProblem {
      Console.error(
        (lang == .zh
          ? "无法写入清单（下次运行将重做已完成的部门）：" : "cannot write the manifest (the next run redoes finished departments): ")
          + problem)
    }
    if let report {
      do {
        try summary.writeReport(to: report, refusing: plan.departments.flatMap(\.files))
      } catch {
        throw CommandFailure(message: Console.message(error, lang), status: 2)
      }
    }
    if reportHTML {
      do {
        try summary.writeIndexHTML(
          to: Paths.join(plan.outputRoot, "index.html"), language: lang, refusing: plan.departments.flatMap(\.files))
      } catch {
        throw CommandFailure(message: Console.message(error, lang), status: 2)
      }
    }
    if summary.cancelled, let signal = cancellation.signal { throw ExitCode(128 + signal) }
    if summary.exitStatus != 0 { throw ExitCode(summary.exitStatus) }
  }

  func makeOptions() throws -> BatchOptions {
    var options = BatchOptions(formats: try BatchOptions.formats(parsing: to))
    options.csvLayout = csvLayout
    options.encoding = encoding
    options.configuration = try Yusuan.Configuration(
      common, templateOption, csvEncoding: inputEncoding, tolerance: tolerance, catalog: catalog)
    options.strict = strict
    options.verify = verify
    options.force = force
    options.limit = limit
    options.reportHTML = reportHTML
    let jobs = jobs ?? ProcessInfo.processInfo.activeProcessorCount
    guard jobs >= 1 else { throw BatchError.badJobs(jobs) }
    // Each worker holds one department in memory: thousands of threads only exhaust it.
    options.configuration.jobs = min(jobs, BatchOptions.maxJobs)
    if let shard { options.shard = try Shard(parsing: shard) }
    return options
  }

  /// SIGINT, SIGTERM and SIGHUP (the terminal closed) raise the cancellation flag instead of
  /// killing the process mid-write. SIGPIPE is ignored: with stderr piped to `head`, a closed
  /// pipe only loses progress lines, never the report or the temporaries' clean-up.
  static func handleSignals(_ cancellation: BatchCancellation) -> [any DispatchSourceSignal] {
    signal(SIGPIPE, SIG_IGN)
    let queue = DispatchQueue(label: "yusuan.batch.signals")
    return [SIGINT, SIGTERM, SIGHUP].map { number in
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
      source.setEventHandler { cancellation.cancel(signal: number) }
      source.resume()
      return source
    }
  }
}
