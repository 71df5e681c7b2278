import Budget

// 江苏 省级 部门预算 (2017–2019 wording): labels 公开01表…公开12表, amounts in 万元, titles without a
// year, `部门：` and `单位：万元` on one line, codes in one column, 合计 printed first. The 2017 and
// 2018 reports print the same tables in another order; the numbers below are those of 2019.

private typealias K = ColumnKey
private typealias D = Declare

/// A coded table with one amount column: 科目编码, 科目名称, then the amount header.
private func codedTable(
  _ number: Int, _ kind: TableKind, stem: String, keywords: [String], exclusions: [String] = [], amountHeader: String,
  amountAliases: [String] = ["金额", "合计", "预算数"]
) -> TableLayout {
  TableLayout(
    number: number, kind: kind, titleStem: stem, titleKeywords: [stem] + keywords, titleExclusions: exclusions,
    sections: [
      SectionLayout(columns: [
        D.code(["功能科目编码"], aliases: ["科目编码", "功能科目代码", "科目代码", "经济科目编码", "经济科目代码"]),
        D.name(["功能科目名称"], aliases: ["科目名称", "经济科目名称"]),
        D.amount(K.total, [amountHeader], aliases: amountAliases, required: true),
      ])
    ])
}

/// The income side of the two balance tables (公开01表, 公开04表): 项目名称 and 金额 under 收入.
private let incomeSide = SectionLayout(
  .income, anchors: ["收入"],
  columns: [
    D.name(["收入", "项目名称"], aliases: ["项目"]),
    D.amount(K.amount, ["收入", "金额"], aliases: ["预算数"], required: true),
  ])

/// The expenditure by use (支出用途: 基本支出, 项目支出, 单位预留机动经费) of the two balance tables.
private let byUseColumns = [
  D.name(["支出", "支出用途", "项目名称"], aliases: ["项目"]),
  D.amount(K.total, ["支出", "支出用途", "金额"], aliases: ["预算数"], required: true),
]

extension LayoutSet {
  /// 江苏 省级 部门预算 (公开01表–公开11表; the 政府采购 table is not declared yet).
  public static let jiangsuDepartment = LayoutSet(
    name: "jiangsu-provincial-department", nameZh: "江苏 省级 部门预算（公开01–11表）",
    nameEn: "Jiangsu provincial department budget (公开01–11表)", entity: .department, unit: "万元",
    labels: [TableLabel("公开", suffix: "表", digits: 2)], departmentLabel: "部门：",
    tables: [
      TableLayout(
        number: 1, kind: .budgetSummary, titleStem: "收支预算总表", titleKeywords: ["收支预算总表"],
        titleExclusions: ["财政拨款"],
        sections: [
          incomeSide,
          SectionLayout(
            .expenditure, anchors: ["功能分类"],
            columns: [
              D.name(["支出", "功能分类", "功能科目名称"], aliases: ["科目名称"]),
              D.amount(K.total, ["支出", "功能分类", "金额"], aliases: ["预算数"], required: true),
            ]),
          SectionLayout(
            .expenditureByUse, anchors: ["支出用途"],
            columns: byUseColumns),
        ],
        totalNames: ["当年收入小计", "当年支出小计", "收入合计", "支出合计", "合计"],
        fixedLineNames: ["上年结转资金", "结转下年资金", "财政拨款", "财政专户管理资金", "其他资金"],
        closingNames: ["收入合计", "支出合计"]),
      TableLayout(
        number: 2, kind: .revenueSummary, titleStem: "收入预算总表", titleKeywords: ["收入预算总表"],
        sections: [
          SectionLayout(columns: [
            D.name(["项目名称"]),
            ColumnSpec(.secondName, ["项目名称"]),
            D.amount(K.total, ["金额"], aliases: ["预算数"], required: true),
          ])
        ],
        totalNames: ["收入总计"],
        fixedLineNames: [
          "一般公共预算资金", "政府性基金", "财政专户管理资金", "其他资金", "上年结转和结余资金", "小计", "公共财政拨款(补助)资金",
          "专项收入", "专户管理教育收费", "其他非税收入", "事业收入", "经营收入", "其他收入", "债务资金(银行贷款)",
        ]),
      TableLayout(
        number: 3, kind: .expenditureSummary, titleStem: "支出预算总表", titleKeywords: ["支出预算总表"],
        sections: [
          SectionLayout(columns: [
            D.amount(K.total, ["合计"], required: true),
            D.amount(K.basic, ["基本支出"]),
            D.amount(K.project, ["项目支出"]),
            D.amount(K.reserve, ["单位预留机动经费"]),
            D.amount(K.carryforward, ["结转下年资金"]),
          ])
        ]),
      TableLayout(
        number: 4, kind: .fiscalSummary, titleStem: "财政拨款收支预算总表", titleKeywords: ["财政拨款收支预算总表"],
        sections: [
          incomeSide,
          SectionLayout(
            .expenditure, anchors: ["支出"],
            columns: byUseColumns),
        ],
        totalNames: ["收入合计", "支出合计", "合计"], fixedLineNames: ["一般公共预算", "政府性基金预算"],
        closingNames: ["收入合计", "支出合计"]),
      codedTable(
        5, .fiscalExpenditure, stem: "财政拨款支出预算表（功能科目）", keywords: ["财政拨款支出预算表"],
        exclusions: ["基本支出", "政府性基金", "收支"], amountHeader: "金额"),
      codedTable(
        6, .fiscalBasicEconomic, stem: "财政拨款基本支出预算表（经济科目）", keywords: ["财政拨款基本支出预算表"],
        amountHeader: "金额"),
      codedTable(
        7, .generalPublicExpenditure, stem: "一般公共预算支出预算表（功能科目）", keywords: ["一般公共预算支出预算表"],
        exclusions: ["基本支出", "机关运行", "三公"], amountHeader: "金额"),
      codedTable(
        8, .generalPublicBasicEconomic, stem: "一般公共预算基本支出预算表（经济科目）", keywords: ["一般公共预算基本支出预算表"],
        amountHeader: "金额"),
      TableLayout(
        number: 9, kind: .threePublic, titleStem: "“三公”经费、会议费、培训费支出预算表",
        titleKeywords: ["三公经费、会议费、培训费支出预算表", "三公经费、会议费、培训费"],
        sections: [
          SectionLayout(columns: [
            D.amount(K.total, ["合计"], required: true),
            D.amount(K.threePublicTotal, ["“三公”经费", "小计"], parents: ["“三公”经费"]),
            D.amount(K.travelAbroad, ["“三公”经费", "因公出国（境）费"]),
            D.amount(K.vehicles, ["“三公”经费", "公务用车购置及运行维护费", "小计"], parents: ["公务用车购置及运行维护费", "公务用车购置及运行费"]),
            D.amount(K.vehiclePurchase, ["“三公”经费", "公务用车购置及运行维护费", "公务用车购置费"]),
            D.amount(K.vehicleRunning, ["“三公”经费", "公务用车购置及运行维护费", "公务用车运行维护费"]),
            D.amount(K.reception, ["“三公”经费", "公务接待费"]),
            D.amount(K.meetings, ["会议费"]),
            D.amount(K.training, ["培训费"]),
          ])
        ]),
      codedTable(
        10, .governmentFundExpenditure, stem: "政府性基金预算财政拨款支出预算表",
        keywords: ["财政拨款政府性基金支出预算表", "政府性基金支出预算表"], amountHeader: "金额"),
      codedTable(
        11, .operatingExpenses, stem: "一般公共预算机关运行经费支出预算表", keywords: ["机关运行经费支出预算表"],
        amountHeader: "机关运行经费支出", amountAliases: ["金额", "合计"]),
    ])
}
