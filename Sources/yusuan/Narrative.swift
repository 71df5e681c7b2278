import ArgumentParser
import Budget
import FoundationEssentials
import Layouts
import Sheets

struct Narrative: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "narrative",
    abstract: "Write the numbers paragraphs of 第三部分 情况说明 from the tables, or check a published one.",
    discussion: """
      Without --check, prints the paragraphs as Markdown: 收支总计 and the change on last year, income
      by source with shares, 基本/项目 shares, 一般公共预算 by class with shares, 三公, 机关运行经费 and
      绩效 projects. Last year's figures come from --previous (last year's input) or --previous-total.

      With --check PUBLISHED.txt, reads the published narrative's figures and lists each one that
      disagrees with the tables. Last year's figures not supplied are taken from the text itself.

      Exit status: 0 written / every figure agrees; 1 figures disagree; 2 unreadable input.

      Examples:
        yusuan narrative 部门预算.xlsx --previous-total 889.83
        yusuan narrative 部门预算.xlsx --check 情况说明.txt
      """)

  @Argument(help: "Input files or folders (one department).")
  var inputs: [String]

  @Option(help: "Last year's input (its 收支总计, 一般公共预算 and 机关运行经费 are compared).")
  var previous: [String] = []

  @Option(help: "Last year's 收支总计 in 万元, e.g. 889.83.")
  var previousTotal: String?

  @Option(help: "Last year's 一般公共预算当年拨款 in 万元.")
  var previousGeneralPublic: String?

  @Option(help: "Last year's 机关运行经费 in 万元.")
  var previousOperating: String?

  @Option(help: "A published narrative (UTF-8 or GB18030/GBK text) whose figures to check.")
  var check: String?

  @OptionGroup var common: CommonOptions

  func run() throws {
    let zh = common.lang == .zh
    let fail = { (m: String) in CommandFailure(message: m, status: 2) }
    let disclosure: Disclosure
    var last = NarrativeFigures.Previous()
    do {
      disclosure = try DisclosureReader().read(inputs).disclosure
      if !previous.isEmpty { last = NarrativeFigures.Previous(try DisclosureReader().read(previous).disclosure) }
    } catch {
      throw fail(Console.message(error, common.lang))
    }
    for (text, name, path) in [
      (previousTotal, "--previous-total", \NarrativeFigures.Previous.total),
      (previousGeneralPublic, "--previous-general-public", \.generalPublic), (previousOperating, "--previous-operating", \.operating),
    ] {
      guard let text else { continue }
      guard let a = Amount(parsing: text) else { throw fail(zh ? "\(name) 应为金额（万元），如 889.83" : "\(name) must be an amount in 万元 such as 889.83") }
      last[keyPath: path] = a
    }
    let figures = NarrativeFigures(disclosure, previous: last)
    // Sections the tables cannot support, named on standard error (the text says so too).
    let missing = NarrativeSection.allCases.filter { $0.fromTables && !figures.missingTables($0).isEmpty }
    if !missing.isEmpty {
      let tables = Array(Set(missing.flatMap(figures.missingTables))).sorted().map { "预算公开表\($0)" }.joined(separator: zh ? "、" : ", ")
      let sections = missing.map(\.heading).joined(separator: zh ? "；" : "; ")
      Console.error(
        zh ? "提示：缺少\(tables)，以下部分无法\(check == nil ? "生成" : "核对")：\(sections)"
          : "note: \(tables) missing, so these parts cannot be \(check == nil ? "written" : "checked"): \(sections)")
    }
    guard let check else {
      Console.out(NarrativeWriter.markdown(figures))
      return
    }
    guard FileManager.default.fileExists(atPath: check) else {
      throw fail(zh ? "找不到文件 \(check)" : "no such file: \(check)")
    }
    let text: String
    do {
      text = try TextFile.read(path: check).text
    } catch {
      throw fail(error.message(common.lang))
    }
    let result = NarrativeCheck.check(text, against: figures)
    for d in result.discrepancies {
      Console.out(
        zh ? "\(check):\(d.line)：“…\(d.context)\(d.printed)” 与表不符，按表应为 \(d.expected)（\(d.title)）\n"
          : "\(check):\(d.line): \"…\(d.context)\(d.printed)\" disagrees with the tables; the tables give \(d.expected) (\(d.title))\n")
    }
    guard result.checked > 0 else {
      // Nothing compared is not agreement: the text has no figures under headings the tables cover.
      let found = result.unchecked.count
      throw fail(
        zh ? "\(check) 中没有可与表核对的数字" + (found > 0 ? "（\(found) 个数字无从核对）" : "")
          + "：应为第三部分情况说明，各部分以“一、部门预算收支数据变动情况”这样的标题开头"
          : "\(check) has no figure the tables can confirm" + (found > 0 ? " (\(found) not checkable)" : "")
          + ": expected 第三部分 情况说明, its parts headed like 一、部门预算收支数据变动情况")
    }
    Console.out(
      zh ? "核对 \(result.checked) 个数字，\(result.discrepancies.count) 个与表不符，\(result.unchecked.count) 个无从核对\n"
        : "\(result.checked) figures checked, \(result.discrepancies.count) disagree, \(result.unchecked.count) not checkable\n")
    if !result.discrepancies.isEmpty { throw ExitCode(1) }
  }
}
