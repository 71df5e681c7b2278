import ArgumentParser
import FoundationEssentials
import YusuanKit

struct Narrative: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "narrative",
    abstract: L(
      "根据表写出第三部分情况说明中的数字段落，或核对已公开的说明。",
      "Write the numbers paragraphs of 第三部分 情况说明 from the tables, or check a published one."),
    discussion: L(
      """
      不带 --check 时，以 Markdown 打印各段：收支总计及与上年比较、各来源收入及占比、基本与项目支出占比、一般公共预算各类支出及占比、“三公”经费、机关运行经费、绩效项目。缺少所需表的部分写明无法生成，不会写出 0。上年数字来自 --previous（上年的输入）或 --previous-total。

      带 --check 已公开.txt 时，读取已公开说明中的数字（UTF-8 或 GB18030/GBK），列出与表不符的每一个。未提供的上年数字取自文本本身。没有可核对的数字时报错（退出码 2）。

      退出码：0 已写出、数字全部相符；1 有数字不符；2 输入无法读取。

      示例：
        yusuan narrative 部门预算.xlsx --previous-total 889.83
        yusuan narrative 部门预算.xlsx --check 情况说明.txt
      """,
      """
      Without --check, prints the paragraphs as Markdown: 收支总计 and the change on last year, income by source with shares, 基本/项目 shares, 一般公共预算 by class with shares, 三公, 机关运行经费 and 绩效 projects. A part whose tables are missing says that it cannot be written; no zeros are made up. Last year's figures come from --previous (last year's input) or --previous-total.

      With --check PUBLISHED.txt, reads the published narrative's figures (UTF-8 or GB18030/GBK) and lists each one that disagrees with the tables. Last year's figures not supplied are taken from the text itself. A text with no checkable figure is an error (exit 2).

      Exit status: 0 written / every figure agrees; 1 figures disagree; 2 unreadable input.

      Examples:
        yusuan narrative 部门预算.xlsx --previous-total 889.83
        yusuan narrative 部门预算.xlsx --check 情况说明.txt
      """))

  @Argument(help: ArgumentHelp(L("输入文件或文件夹（一个部门）。", "Input files or folders (one department).")))
  var inputs: [String]

  @Option(
    help: ArgumentHelp(
      L("上年的输入（比较其收支总计、一般公共预算和机关运行经费）。", "Last year's input (its 收支总计, 一般公共预算 and 机关运行经费 are compared).")))
  var previous: [String] = []

  @Option(help: ArgumentHelp(L("上年收支总计（万元），如 889.83。", "Last year's 收支总计 in 万元, e.g. 889.83.")))
  var previousTotal: String?

  @Option(help: ArgumentHelp(L("上年一般公共预算当年拨款（万元）。", "Last year's 一般公共预算当年拨款 in 万元.")))
  var previousGeneralPublic: String?

  @Option(help: ArgumentHelp(L("上年机关运行经费（万元）。", "Last year's 机关运行经费 in 万元.")))
  var previousOperating: String?

  @Option(
    help: ArgumentHelp(
      L(
        "要核对数字的已公开说明（UTF-8 或 GB18030/GBK 文本）。",
        "A published narrative (UTF-8 or GB18030/GBK text) whose figures to check.")))
  var check: String?

  @OptionGroup var common: CommonOptions

  @OptionGroup var templateOption: TemplateOption

  func run() throws {
    let configuration = try Yusuan.Configuration(common, templateOption)
    let zh = common.lang == .zh
    let fail = { (m: String) in CommandFailure(message: m, status: 2) }
    let disclosure: Disclosure
    var last = NarrativeFigures.Previous()
    do {
      disclosure = try Yusuan.read(inputs, configuration).disclosure
      // Last year's department may be in another year's template: its set is detected.
      if !previous.isEmpty {
        last = NarrativeFigures.Previous(try Yusuan.read(previous, configuration.readingBack).disclosure)
      }
    } catch {
      throw fail(Console.message(error, common.lang))
    }
    for (text, name, path) in [
      (previousTotal, "--previous-total", \NarrativeFigures.Previous.total),
      (previousGeneralPublic, "--previous-general-public", \.generalPublic),
      (previousOperating, "--previous-operating", \.operating),
    ] {
      guard let text else { continue }
      guard let a = Amount(parsing: text) else {
        throw fail(zh ? "\(name) 应为金额（万元），如 889.83" : "\(name) must be an amount in 万元 such as 889.83")
      }
      last[keyPath: path] = a
    }
    let figures = NarrativeFigures(disclosure, previous: last)
    // Sections the tables cannot support, named on standard error (the text says so too).
    let missing = NarrativeSection.allCases.filter { $0.fromTables && !figures.missingTables($0).isEmpty }
    if !missing.isEmpty {
      let tables = Array(Set(missing.flatMap(figures.missingTables))).sorted().map { "预算公开表\($0)" }.joined(
        separator: zh ? "、" : ", ")
      let sections = missing.map(\.heading).joined(separator: zh ? "；" : "; ")
      Console.error(
        zh
          ? "提示：缺少\(tables)，以下部分无法\(check == nil ? "生成" : "核对")：\(sections)"
          : "note: \(tables) missing, so these parts cannot be \(check == nil ? "written" : "checked"): \(sections)")
    }
    guard let check else {
      Console.out(NarrativeWriter.markdown(figures))
      return
    }
    guard FileManager.default.fileExists(atPath: check) else {
      throw fail(zh ? "找不到文件 \(check)" : "no such file: \(check)")
    }
    let result: NarrativeCheckResult
    do {
      result = try Yusuan.checkNarrative(file: check, against: disclosure, previous: last, limits: configuration.limits)
        .result
    } catch {
      throw fail(error.message(common.lang))
    }
    for d in result.discrepancies {
      Console.out(
        zh
          ? "\(check):\(d.line)：“…\(d.context)\(d.printed)” 与表不符，按表应为 \(d.expected)（\(d.title)）\n"
          : "\(check):\(d.line): \"…\(d.context)\(d.printed)\" disagrees with the tables; the tables give \(d.expected) (\(d.title))\n"
      )
    }
    guard result.checked > 0 else {
      // Nothing compared is not agreement: the text has no figures under headings the tables cover.
      let found = result.unchecked.count
      throw fail(
        zh
          ? "\(check) 中没有可与表核对的数字" + (found > 0 ? "（\(found) 个数字无从核对）" : "")
            + "：应为第三部分情况说明，各部分以“一、部门预算收支数据变动情况”这样的标题开头"
          : "\(check) has no figure the tables can confirm" + (found > 0 ? " (\(found) not checkable)" : "")
            + ": expected 第三部分 情况说明, its parts headed like 一、部门预算收支数据变动情况")
    }
    Console.out(
      zh
        ? "核对 \(result.checked) 个数字，\(result.discrepancies.count) 个与表不符，\(result.unchecked.count) 个无从核对\n"
        : "\(result.checked) figures checked, \(result.discrepancies.count) disagree, \(result.unchecked.count) not checkable\n"
    )
    if !result.discrepancies.isEmpty { throw ExitCode(1) }
  }
}
