import Sheets

/// Why a batch (or a conversion through the facade) could not start. Problems with single
/// departments never stop a batch; they become report rows.
public enum BatchError: Error, LocalizedMessage, CustomStringConvertible, Equatable {
  /// The output format cannot be told from a path's extension.
  case unknownFormat(String)
  /// `--to` named something other than xlsx, csv and json.
  case badFormatList(String)
  /// `--shard` is not `I/N` with 1 ≤ I ≤ N.
  case badShard(String)
  /// `--jobs` is below 1.
  case badJobs(Int)
  /// No input was given.
  case noInputs
  /// An input path does not exist.
  case inputNotFound(String)
  /// The inputs hold no department at all (no .xlsx, .xlsm, .json or .csv file): nothing to check.
  case noDepartments([String])
  /// The output folder lies inside an input folder (or is one): outputs would land in the input tree.
  case outputInsideInput(output: String, input: String)
  /// The report file lies inside an input folder, where the next run would read it as input.
  case reportInsideInput(report: String, input: String)
  /// An input lies inside the output folder: outputs could replace it.
  case inputInsideOutput(input: String, output: String)
  /// `--report` names a file whose extension is none of `.csv`, `.json` and `.xml`.
  case unknownReportFormat(String)
  /// The folder of the `--report` file does not exist or cannot be written (checked before any department).
  case reportFolderUnwritable(report: String, folder: String)
  /// Another batch run (same shard) is writing into this output folder right now.
  case outputLocked(folder: String)
  /// The output folder's lock file cannot be made or locked (read-only folder, …).
  case outputUnlockable(folder: String, reason: String)
  /// The `--report` file would be one of the batch's own outputs (a department's, the manifest…).
  case reportIsAnOutput(report: String, output: String)

  public func message(_ language: Language) -> String {
    let zh = language == .zh
    switch self {
    case .unknownFormat(let path):
      return zh
        ? "无法从输出文件名 \(path) 判断格式，请用 --to 指定 xlsx、csv 或 json"
        : "cannot tell the format from \(path); use --to xlsx, csv or json"
    case .badFormatList(let text):
      return zh
        ? "--to 应为 xlsx、csv、json 中的一个或多个（逗号分隔），而不是 \(text)"
        : "--to takes one or more of xlsx, csv, json separated by commas, not \(text)"
    case .badShard(let text):
      return zh
        ? "--shard 应为 I/N（1 ≤ I ≤ N），如 1/4，而不是 \(text)" : "--shard takes I/N with 1 ≤ I ≤ N, such as 1/4, not \(text)"
    case .badJobs(let n):
      return zh ? "--jobs 应至少为 1，而不是 \(n)" : "--jobs must be at least 1, not \(n)"
    case .noInputs:
      return zh ? "没有给出输入文件或文件夹" : "no input file or folder given"
    case .inputNotFound(let path):
      return zh ? "找不到输入：\(path)" : "input not found: \(path)"
    case .noDepartments(let inputs):
      return zh
        ? "\(inputs.joined(separator: "、")) 中没有任何部门（.xlsx、.xlsm、.json 文件或 .csv 文件夹），未做任何检查"
        : "no department (.xlsx, .xlsm, .json file or folder of .csv files) in \(inputs.joined(separator: ", ")); nothing was checked"
    case .outputInsideInput(let output, let input):
      return zh
        ? "输出文件夹 \(output) 位于输入 \(input) 之内；批量转换从不写入输入目录，请换一个输出文件夹"
        : "output folder \(output) lies inside input \(input); batch never writes into the input tree, choose another output folder"
    case .reportInsideInput(let report, let input):
      return zh
        ? "报告文件 \(report) 位于输入 \(input) 之内，下次运行会把它当作输入；请把报告写到别处"
        : "report \(report) lies inside input \(input), where the next run would read it as input; write it elsewhere"
    case .inputInsideOutput(let input, let output):
      return zh
        ? "输入 \(input) 位于输出文件夹 \(output) 之内，输出可能覆盖它；请换一个输出文件夹"
        : "input \(input) lies inside output folder \(output), where outputs could replace it; choose another output folder"
    case .unknownReportFormat(let path):
      return zh
        ? "无法从报告文件名 \(path) 判断格式：--report 的文件名应以 .csv、.json 或 .xml（JUnit）结尾"
        : "cannot tell the report format from \(path): name the --report file .csv, .json or .xml (JUnit)"
    case .reportFolderUnwritable(let report, let folder):
      return zh
        ? "无法写出报告 \(report)：文件夹 \(folder) 不存在或不可写；未处理任何部门"
        : "cannot write the report \(report): folder \(folder) does not exist or is not writable; no department was processed"
    case .outputLocked(let folder):
      return zh
        ? "另一个批量转换正在写入输出文件夹 \(folder)；请等它结束，或换一个输出文件夹"
        : "another batch run is writing into the output folder \(folder); wait for it to finish or choose another output folder"
    case .outputUnlockable(let folder, let reason):
      return zh ? "无法锁定输出文件夹 \(folder)（\(reason)）" : "cannot lock the output folder \(folder) (\(reason))"
    case .reportIsAnOutput(let report, let output):
      return zh
        ? "报告文件 \(report) 与批量转换的输出 \(output) 是同一路径，会互相覆盖；请把报告写到别处"
        : "report \(report) is the same path as the batch output \(output), which it would overwrite; write it elsewhere"
    }
  }

  public var description: String { message(.zh) }
}
