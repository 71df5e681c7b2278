import ArgumentParser
import FoundationEssentials
import Glibc
import YusuanKit

/// The root command. Named apart from YusuanKit's `Yusuan`, whose `version` is the one version string.
@main
struct YusuanCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "yusuan",
    abstract: L(
      "预算 Yusuan：部门预算、部门决算公开表的转换与校验。",
      "预算 Yusuan: converts and validates department budget and final-accounts disclosure tables."),
    // Paragraphs are single lines: the help is wrapped to the terminal when printed (HelpLayout).
    discussion: L(
      """
      读取部门预算、部门决算公开工作簿（xlsx、xls；UTF-8 或 GB18030 的 CSV；CSV 文件夹；Yusuan 的 JSON），按内容识别所属模板（yusuan templates 列出各省市的表套）及其中的表，并转换或校验。金额是精确的十进制数；空单元格与 0.00 始终不同。

      退出码：0 成功、校验通过、往返无损；1 有校验结果或往返差异；2 输入无法读取或用法错误。

      帮助默认为中文；英文用 --lang en 或环境变量 YUSUAN_LANG=en。

      示例：
        yusuan convert 部门预算.xlsx -o 部门预算.json
        yusuan inspect 部门预算.xlsx
        yusuan schema > disclosure.schema.json
      """,
      """
      Reads department budget and final-accounts disclosure workbooks (xlsx, xls, CSV in UTF-8 or GB18030, a folder of CSV files, or Yusuan's JSON), recognizes their template set (yusuan templates lists each province's sets) and tables by their content, and converts or validates them. Amounts are exact decimals; a blank cell and 0.00 stay different.

      Exit status: 0 success / valid / lossless; 1 validation findings or round-trip differences; 2 the input could not be read or the command was misused.

      Help is in Chinese by default; English with --lang en or YUSUAN_LANG=en.

      Examples:
        yusuan convert 部门预算.xlsx -o 部门预算.json
        yusuan inspect 部门预算.xlsx
        yusuan schema > disclosure.schema.json
      """),
    version: Yusuan.version,
    subcommands: [
      Convert.self, Validate.self, Roundtrip.self, Inspect.self, Batch.self, Narrative.self, Schema.self,
      Templates.self,
      HTMLReportCommand.self, Serve.self,
    ])

  /// Runs the command and maps every failure to the documented exit statuses.
  static func main() {
    Allocator.keepFreedMemory()
    // The table declarations, the rules and the catalog are built on first use; building them on
    // a second core while the arguments are parsed takes them off the path of every command.
    detachThread {
      _ = TemplateSets.all
      _ = RuleSet.standard
      _ = Yusuan.standardCatalog
    }
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch let exit as ExitCode {
      Glibc.exit(exit.rawValue)
    } catch let failure as CommandFailure {
      Console.error(failure.message)
      Glibc.exit(failure.status)
    } catch {
      // Help, version and argument errors: the parser's text, laid out for the terminal by
      // display width and in the chosen language.
      let text = HelpLayout.render(fullMessage(for: error, columns: HelpLayout.unwrapped))
      if exitCode(for: error) == .success {
        Console.out(text.hasSuffix("\n") ? text : text + "\n")
        Glibc.exit(0)
      }
      Console.error(text)
      Glibc.exit(2)
    }
  }
}

/// A failure a command reports with its own message and exit status.
struct CommandFailure: Error {
  /// The line(s) printed on standard error.
  var message: String
  /// 1 for findings or differences, 2 for unreadable input or misuse.
  var status: Int32
}

/// Options every command shares.
struct CommonOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      L("消息语言：zh（默认）或 en；也可用环境变量 YUSUAN_LANG。", "Language of messages: zh (default) or en; also YUSUAN_LANG.")))
  var lang: Language = .zh
}

/// An option value spelled as its raw value. The members are spelled out because
/// swift-argument-parser's generic defaults describe each case through `String(describing:)`,
/// whose run-time type lookups cost about a millisecond of every start-up.
protocol NamedArgument: ExpressibleByArgument, CaseIterable, RawRepresentable where RawValue == String {}

extension NamedArgument {
  /// Spellings are case-insensitive: `--to XLSX` is `--to xlsx`.
  public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
  public static var allValueStrings: [String] { allCases.map(\.rawValue) }
  public static var allValueDescriptions: [String: String] { [:] }
  public var defaultValueDescription: String { rawValue }
}

extension Language: NamedArgument {}
extension TextEncoding: NamedArgument {
  public init?(argument: String) { self.init(spelling: argument) }
}

/// Writing to the terminal.
enum Console {
  /// Prints a line on standard error, control characters from inputs made visible.
  static func error(_ line: String) {
    write(TerminalText.visible(line) + "\n", to: STDERR_FILENO)
  }

  /// Prints text on standard output, control characters from inputs made visible (JSON and
  /// JUnit reports escape them already, so they pass unchanged).
  static func out(_ text: String) {
    write(TerminalText.visible(text), to: STDOUT_FILENO)
  }

  /// Writes all of `text` to a file descriptor; a failure is ignored, as there is nobody left to
  /// tell when the terminal or pipe has gone.
  static func write(_ text: String, to descriptor: Int32) {
    _ = writeAll(descriptor, Array(text.utf8))
  }

  /// The message of any error in the chosen language.
  static func message(_ error: any Error, _ language: Language) -> String {
    if let m = error as? LocalizedMessage { return m.message(language) }
    return String(describing: error)
  }
}
