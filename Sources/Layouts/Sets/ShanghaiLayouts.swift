import Budget

// 上海 区级 部门预算 and 单位预算 (2023–2026 templates of the district finance system): nine tables,
// amounts in 元 (the 三公 table in 万元), 功能分类 codes over 类/款/项 columns, 合计 printed last,
// `编制部门：` / `编制单位：` with the unit on the same line. The two sets print the same tables
// for a department or for one unit, with `部门` or `预算单位` in the titles.

private typealias K = ColumnKey
private typealias D = Declare

/// The words that differ between the 部门 and 单位 sets.
private struct ShanghaiWording {
  /// `部门` or `预算单位`, in titles.
  var titleWord: String
  /// `部门` or `单位`, in the 三公 title and sheet names.
  var shortWord: String
  /// The amount columns of table 1's expenditure side: the 单位 set prints them by 基本 (人员/公用) and 项目.
  var summaryExpenditure: [ColumnSpec]
}

/// Table 1's expenditure side as the 部门 set prints it: one 预算数 column.
private let departmentSummaryExpenditure = [
  D.amount(K.total, ["本年支出", "预算数"], aliases: ["合计", "金额"], required: true)
]

/// Table 1's expenditure side as the 单位 set prints it: 合计, 基本支出 (人员经费, 公用经费), 项目支出.
private let unitSummaryExpenditure = [
  D.amount(K.total, ["本年支出", "预算数", "合计"], aliases: ["预算数"], required: true),
  D.amount(K.personnel, ["本年支出", "预算数", "基本支出", "人员经费"], aliases: ["人员经费"]),
  D.amount(K.publicUse, ["本年支出", "预算数", "基本支出", "公用经费"], aliases: ["公用经费"]),
  D.amount(K.project, ["本年支出", "预算数", "项目支出"], aliases: ["项目支出"]),
]

/// Function-coded tables: 功能分类科目编码 (类/款/项), 功能分类科目名称, then amounts under `top`.
private func functionTable(
  _ number: Int, _ kind: TableKind, stem: String, keywords: [String], top: String, amounts: [(String, String)],
  sheet: String, exclusions: [String] = []
) -> TableLayout {
  TableLayout(
    number: number, kind: kind, titleStem: stem, titleKeywords: [stem] + keywords, titleExclusions: exclusions,
    sections: [
      SectionLayout(
        columns: D.splitCode(["项目", "功能分类科目编码"])
          + [D.name(["项目", "功能分类科目名称"], aliases: ["科目名称", "功能科目名称"])]
          + D.amounts(under: [top], amounts, aliases: [K.total: ["小计", "金额"]]))
    ],
    totalNames: ["合计", "总计"], closingNames: ["合计", "总计"], sheetName: sheet)
}

private func shanghaiTables(_ w: ShanghaiWording) -> [TableLayout] {
  let t = w.titleWord
  let incomeLines = ["财政拨款收入", "一般公共预算", "政府性基金预算", "国有资本经营预算", "事业收入", "事业单位经营收入", "其他收入"]
  return [
    TableLayout(
      number: 1, kind: .budgetSummary, titleStem: "\(t)财务收支预算总表", titleKeywords: ["\(t)财务收支预算总表", "财务收支预算总表"],
      sections: [
        SectionLayout(
          .income, anchors: ["本年收入"],
          columns: [
            D.name(["本年收入", "项目"], aliases: ["项目名称"]),
            D.amount(K.amount, ["本年收入", "预算数"], aliases: ["金额"], required: true),
          ]),
        SectionLayout(
          .expenditure, anchors: ["本年支出"],
          columns: [D.name(["本年支出", "项目"], aliases: ["项目名称"])] + w.summaryExpenditure),
      ],
      totalNames: ["收入总计", "支出总计", "合计", "总计"], fixedLineNames: incomeLines, closingNames: ["收入总计", "支出总计"],
      sheetName: "\(w.shortWord)收支总表"),
    functionTable(
      2, .revenueSummary, stem: "\(t)收入预算总表", keywords: [], top: "收入预算",
      amounts: [
        (K.total, "合计"), (K.fiscal, "财政拨款收入"), (K.businessIncome, "事业收入"), (K.operatingIncome, "事业单位经营收入"),
        (K.otherIncome, "其他收入"),
      ], sheet: "\(w.shortWord)收入总表"),
    functionTable(
      3, .expenditureSummary, stem: "\(t)支出预算总表", keywords: [], top: "支出预算",
      amounts: [(K.total, "合计"), (K.basic, "基本支出"), (K.project, "项目支出")], sheet: "\(w.shortWord)支出总表"),
    TableLayout(
      number: 4, kind: .fiscalSummary, titleStem: "\(t)财政拨款收支预算总表", titleKeywords: ["\(t)财政拨款收支预算总表"],
      sections: [
        SectionLayout(
          .income, anchors: ["财政拨款收入"],
          columns: [
            D.name(["财政拨款收入", "项目"], aliases: ["项目名称"]),
            D.amount(K.amount, ["财政拨款收入", "预算数"], aliases: ["金额"], required: true),
          ]),
        SectionLayout(
          .expenditure, anchors: ["财政拨款支出"],
          columns: [D.name(["财政拨款支出", "项目"], aliases: ["项目名称"])]
            + D.amounts(
              under: ["财政拨款支出"],
              [
                (K.total, "合计"), (K.generalPublic, "一般公共预算"), (K.governmentFund, "政府性基金预算"),
                (K.stateCapital, "国有资本经营预算"),
              ],
              aliases: [K.total: ["小计"]])),
      ],
      totalNames: ["收入总计", "支出总计", "合计", "总计"], fixedLineNames: ["一般公共预算", "政府性基金预算", "国有资本经营预算"],
      closingNames: ["收入总计", "支出总计"], sheetName: "\(w.shortWord)财政拨款收支总表"),
    functionTable(
      5, .generalPublicExpenditure, stem: "\(t)一般公共预算支出功能分类预算表", keywords: [], top: "一般公共预算支出",
      amounts: [(K.total, "合计"), (K.basic, "基本支出"), (K.project, "项目支出")], sheet: "\(w.shortWord)一般公共预算拨款表"),
    functionTable(
      6, .governmentFundExpenditure, stem: "\(t)政府性基金预算支出功能分类预算表", keywords: [], top: "政府性基金预算支出",
      amounts: [(K.total, "合计"), (K.basic, "基本支出"), (K.project, "项目支出")], sheet: "\(w.shortWord)政府性基金拨款表"),
    functionTable(
      7, .stateCapitalExpenditure, stem: "\(t)国有资本经营预算支出功能分类预算表", keywords: [], top: "国有资本经营预算支出",
      amounts: [(K.total, "合计"), (K.basic, "基本支出"), (K.project, "项目支出")], sheet: "\(w.shortWord)国有资本经营预算拨款表"),
    TableLayout(
      number: 8, kind: .generalPublicBasicEconomic, titleStem: "\(t)一般公共预算基本支出部门预算经济分类预算表",
      titleKeywords: ["\(t)一般公共预算基本支出部门预算经济分类预算表", "一般公共预算基本支出部门预算经济分类预算表"],
      sections: [
        SectionLayout(
          columns: [
            ColumnSpec(.codePart(0), ["项目", "部门预算经济分类科目编码", "类"], aliases: []),
            ColumnSpec(.codePart(1), ["项目", "部门预算经济分类科目编码", "款"], aliases: []),
            D.name(["项目", "经济分类科目名称"], aliases: ["部门经济分类科目名称", "科目名称"]),
          ]
            + D.amounts(
              under: ["一般公共预算基本支出"], [(K.total, "合计"), (K.personnel, "人员经费"), (K.publicUse, "公用经费")],
              aliases: [K.total: ["小计"]]))
      ],
      totalNames: ["合计", "总计"], closingNames: ["合计", "总计"], sheetName: "\(w.shortWord)一般公共预算拨款基本支出明细表"),
    TableLayout(
      number: 9, kind: .threePublic, titleStem: "\(w.shortWord)“三公”经费和机关运行经费预算表",
      titleKeywords: ["\(w.shortWord)三公经费和机关运行经费预算表", "三公经费和机关运行经费预算表"],
      sections: [
        SectionLayout(columns: [
          D.amount(K.threePublicTotal, ["“三公”经费预算数", "合计"], required: true),
          D.amount(K.travelAbroad, ["“三公”经费预算数", "因公出国(境)费"]),
          D.amount(K.reception, ["“三公”经费预算数", "公务接待费"]),
          D.amount(K.vehicles, ["“三公”经费预算数", "公务用车购置及运行费", "小计"], parents: ["公务用车购置及运行费"]),
          D.amount(K.vehiclePurchase, ["“三公”经费预算数", "公务用车购置及运行费", "购置费"], aliases: ["公务用车购置费"]),
          D.amount(K.vehicleRunning, ["“三公”经费预算数", "公务用车购置及运行费", "运行费"], aliases: ["公务用车运行费"]),
          D.amount(K.operatingExpenses, ["机关运行经费预算数"], aliases: ["机关运行经费"]),
        ])
      ],
      sheetName: "\(w.shortWord)“三公”经费和机关运行费预算表", unit: "万元"),
  ]
}

extension LayoutSet {
  /// 上海 区级 部门预算 (nine tables, 2023–2026).
  public static let shanghaiDepartment = LayoutSet(
    name: "shanghai-district-department", nameZh: "上海 区级 部门预算（9 张表）",
    nameEn: "Shanghai district department budget (9 tables)",
    entity: .department, unit: "元", departmentLabel: "编制部门：",
    tables: shanghaiTables(
      ShanghaiWording(titleWord: "部门", shortWord: "部门", summaryExpenditure: departmentSummaryExpenditure)))

  /// 上海 区级 单位预算 (the same nine tables for one unit).
  public static let shanghaiUnit = LayoutSet(
    name: "shanghai-district-unit", nameZh: "上海 区级 单位预算（9 张表）", nameEn: "Shanghai district unit budget (9 tables)",
    entity: .unit, unit: "元", departmentLabel: "编制单位：",
    tables: shanghaiTables(
      ShanghaiWording(titleWord: "预算单位", shortWord: "单位", summaryExpenditure: unitSummaryExpenditure)))
}
