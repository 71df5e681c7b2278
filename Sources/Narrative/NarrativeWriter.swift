import Budget
import Layouts

/// Writes the numbers paragraphs of 第三部分 情况说明 as Markdown, in the official phrasing, from
/// the tables (and last year's figures where given). A section whose tables are missing (or that
/// no table gives, 政府采购) is printed as a note saying so, never as zeros.
public enum NarrativeWriter {
  /// The Markdown text.
  public static func markdown(_ figures: NarrativeFigures) -> String {
    let f = figures.facts
    let y = f.year.map { "\($0)" } ?? ""
    let w = { (a: Amount) in a.narrative + "万元" }
    let pct = { (a: Amount, of: Amount) in (a.percent(of: of).map { $0.isZero ? "0" : $0.text() } ?? "0") + "%" }
    func change(_ current: Amount, _ previous: Amount?) -> String {
      guard let previous, let diff = current.subtracting(previous) else { return "" }
      if diff.isZero { return "，与上年持平" }
      let word = diff < .zero ? "减少" : "增加"
      return "，比上年\(word)\(w(diff.magnitude))，\(word)\(pct(diff.magnitude, previous))"
    }
    // Every section is printed under its official number; one the tables cannot support says so
    // instead of printing zeros (an office would paste them into its report).
    var out = "## \(y)年度部门预算情况说明\n\n"
    let list = {
      (items: [(name: String, amount: Amount)], separator: String, item: ((name: String, amount: Amount)) -> String) in
      items.map(item).joined(separator: separator)
    }
    for section in NarrativeSection.allCases {
      out += "### \(section.heading)\n\n"
      guard section.fromTables else {
        out += "> 无法生成：预算公开表1–13 不含\(section == .procurement ? "政府采购预算" : "本部分的数字")，请据实填写。\n\n"
        continue
      }
      let missing = figures.missingTables(section)
      guard missing.isEmpty else {
        let names = missing.map { n in "预算公开表\(n)" + (LayoutSet.datong.layout(n).map { "（\($0.titleStem)）" } ?? "") }
        out += "> 无法生成：缺少\(names.joined(separator: "、"))。\n\n"
        continue
      }
      switch section {
      case .change:
        out +=
          "\(y)年度预算收入总计\(w(f.total))，其中：本年收入\(w(f.currentIncome))，上年结转\(w(f.carryover))\(change(f.total, f.previousTotal))；"
        out +=
          "本年部门预算支出总计\(w(f.total))，其中：本年预算安排\(w(f.currentIncome))，上年结转\(w(f.carryover))\(change(f.total, f.previousTotal))。\n\n"
      case .income:
        out +=
          "\(y)年度预算收入\(w(f.total))，主要包括"
          + list(f.incomes, "；") { "\($0.name)\(w($0.amount))，占\(pct($0.amount, f.total))" } + "。\n\n"
      case .expenditure:
        out +=
          "\(y)年度支出预算\(w(f.total))，其中：基本支出\(w(f.basic))，占\(pct(f.basic, f.total))；项目支出\(w(f.project))，占\(pct(f.project, f.total))。\n\n"
      case .fiscal:
        out += "\(y)年度财政拨款收支总预算\(w(f.fiscalTotal))。收入为" + list(f.fiscalIncomes, "，") { "\($0.name)\(w($0.amount))" }
        out += "。其中：当年拨款收入\(w(f.fiscalCurrent))，上年结转收入\(w(f.fiscalCarryover))。"
        out +=
          f.fiscalClasses.isEmpty
          ? "各类支出均为0万元。\n\n" : "支出包括：" + list(f.fiscalClasses, "、") { "\($0.name)\(w($0.amount))" } + "。\n\n"
      case .generalPublic:
        out += "（一）一般公共预算当年拨款规模变化情况\n\n\(y)年度一般公共预算当年拨款\(w(f.gpb))\(change(f.gpb, f.previousGPB))。\n\n"
        out += "（二）一般公共预算当年拨款结构情况\n\n\(y)年度一般公共预算当年拨款\(w(f.gpb))"
        out +=
          f.gpbClasses.isEmpty
          ? "。\n\n"
          : "，主要用于以下方面：" + list(f.gpbClasses, "；") { "\($0.name)\(w($0.amount))，占\(pct($0.amount, f.gpb))" } + "。\n\n"
      case .basic:
        out += "\(y)年度一般公共预算基本支出\(w(f.basicGPB))，其中：人员经费\(w(f.personnel))；公用经费\(w(f.publicUse))。\n\n"
      case .threePublic:
        out +=
          "\(y)年财政拨款安排的“三公”经费预算\(w(f.threePublic))。其中：" + list(f.threePublicItems, "；") { "\($0.name)\(w($0.amount))" }
          + "。\n\n"
      case .operating:
        let operating = f.operating ?? .zero
        out += "\(f.department)\(y)年机关运行经费年初预算\(w(operating))"
        if let p = f.previousOperating, let diff = operating.subtracting(p) {
          let word = diff < .zero ? "减少" : "增加"
          out += "，较上年机关运行经费年初预算\(w(p))\(word)\(w(diff.magnitude))，\(word)\(pct(diff.magnitude, p))"
        }
        out += "。\n\n"
      case .procurement:
        break
      case .performance:
        out += "\(y)年\(f.department)实行绩效目标管理的项目\(f.projectCount)个，涉及当年拨款\(w(f.projectTotal))，"
        out += "其中一般公共预算当年拨款\(w(f.projectGPB))。\n"
      }
    }
    return out
  }
}
