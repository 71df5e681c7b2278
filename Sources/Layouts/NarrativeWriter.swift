import Budget

/// Writes the numbers paragraphs of 第三部分 情况说明 as Markdown, in the official phrasing, from
/// the tables (and last year's figures where given).
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
    var out = "## \(y)年度部门预算情况说明\n\n"
    out += "### 一、部门预算收支数据变动情况\n\n"
    out += "\(y)年度预算收入总计\(w(f.total))，其中：本年收入\(w(f.currentIncome))，上年结转\(w(f.carryover))\(change(f.total, f.previousTotal))；"
    out += "本年部门预算支出总计\(w(f.total))，其中：本年预算安排\(w(f.currentIncome))，上年结转\(w(f.carryover))\(change(f.total, f.previousTotal))。\n\n"
    out += "### 二、收入预算情况说明\n\n"
    out += "\(y)年度预算收入\(w(f.total))，主要包括" + f.incomes.map { "\($0.name)\(w($0.amount))，占\(pct($0.amount, f.total))" }.joined(separator: "；") + "。\n\n"
    out += "### 三、支出预算情况说明\n\n"
    out += "\(y)年度支出预算\(w(f.total))，其中：基本支出\(w(f.basic))，占\(pct(f.basic, f.total))；项目支出\(w(f.project))，占\(pct(f.project, f.total))。\n\n"
    out += "### 四、财政拨款收支预算总体情况说明\n\n"
    out += "\(y)年度财政拨款收支总预算\(w(f.fiscalTotal))。收入为" + f.fiscalIncomes.map { "\($0.name)\(w($0.amount))" }.joined(separator: "，")
    out += "。其中：当年拨款收入\(w(f.fiscalCurrent))，上年结转收入\(w(f.fiscalCarryover))。支出包括："
    out += f.fiscalClasses.map { "\($0.name)\(w($0.amount))" }.joined(separator: "、") + "。\n\n"
    out += "### 五、一般公共预算支出情况说明\n\n"
    out += "（一）一般公共预算当年拨款规模变化情况\n\n\(y)年度一般公共预算当年拨款\(w(f.gpb))\(change(f.gpb, f.previousGPB))。\n\n"
    out += "（二）一般公共预算当年拨款结构情况\n\n\(y)年度一般公共预算当年拨款\(w(f.gpb))，主要用于以下方面："
    out += f.gpbClasses.map { "\($0.name)\(w($0.amount))，占\(pct($0.amount, f.gpb))" }.joined(separator: "；") + "。\n\n"
    out += "### 六、一般公共预算基本支出情况说明\n\n"
    out += "\(y)年度一般公共预算基本支出\(w(f.basicGPB))，其中：人员经费\(w(f.personnel))；公用经费\(w(f.publicUse))。\n\n"
    out += "### 七、“三公”经费预算情况说明\n\n"
    out += "\(y)年财政拨款安排的“三公”经费预算\(w(f.threePublic))。其中：" + f.threePublicItems.map { "\($0.name)\(w($0.amount))" }.joined(separator: "；") + "。\n\n"
    if let operating = f.operating {
      out += "### 八、机关运行经费情况说明\n\n\(f.department)\(y)年机关运行经费年初预算\(w(operating))"
      if let p = f.previousOperating, let diff = operating.subtracting(p) {
        let word = diff < .zero ? "减少" : "增加"
        out += "，较上年机关运行经费年初预算\(w(p))\(word)\(w(diff.magnitude))，\(word)\(pct(diff.magnitude, p))"
      }
      out += "。\n\n"
    }
    out += "### 十、绩效管理情况\n\n\(y)年\(f.department)实行绩效目标管理的项目\(f.projectCount)个，涉及当年拨款\(w(f.projectTotal))，"
    out += "其中一般公共预算当年拨款\(w(f.projectGPB))。\n"
    return out
  }
}
