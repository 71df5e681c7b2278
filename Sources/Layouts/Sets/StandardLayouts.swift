import Budget

// The 13 tables of the Datong/Shanxi set (预算公开表1–13), as printed in the 2023 report of
// 大同市科学技术局. Aliases cover the wording of other templates seen in research/domain.md §1.2.

private typealias K = ColumnKey

private let codeAliases = ["编码", "科目代码", "功能分类科目编码", "支出功能分类科目编码", "收入科目编码", "代码"]
private let nameAliases = ["名称", "功能分类科目名称", "支出功能分类科目名称"]
private let totalAliases = ["小计", "预算数", "金额", "总计"]

private func codeColumn(_ header: [String] = ["项目", "科目编码"], parents: [String]? = nil) -> ColumnSpec {
  ColumnSpec(.code, header, aliases: codeAliases, parents: parents)
}
private func nameColumn(_ header: [String] = ["项目", "科目名称"], aliases: [String] = nameAliases, parents: [String]? = nil)
  -> ColumnSpec
{
  ColumnSpec(.name, header, aliases: aliases, parents: parents, required: true)
}
private func amount(
  _ key: String, _ header: [String], aliases: [String] = [], parents: [String]? = nil, required: Bool = false
)
  -> ColumnSpec
{
  ColumnSpec(.amount(key), header, aliases: aliases, parents: parents, required: required)
}
/// 类/款/项 split code columns of other provinces.
private let splitCode: [ColumnSpec] = [
  ColumnSpec(.codePart(0), ["类"]), ColumnSpec(.codePart(1), ["款"]), ColumnSpec(.codePart(2), ["项"]),
]

/// 合计 / 基本支出 / 项目支出 under `{Y}预算数`.
private func basicProject(_ top: String = "{Y}预算数") -> [ColumnSpec] {
  [
    amount(K.total, [top, "合计"], aliases: totalAliases, required: true),
    amount(K.basic, [top, "基本支出"]),
    amount(K.project, [top, "项目支出"]),
  ]
}

/// 合计 / 一般公共预算 / 政府性基金预算 / 国有资本经营预算 under a common header.
private func fundColumns(_ top: String, totalRequired: Bool = true) -> [ColumnSpec] {
  [
    amount(K.total, [top, "合计"], aliases: totalAliases, required: totalRequired),
    amount(K.generalPublic, [top, "一般公共预算"], aliases: ["一般公共预算拨款", "一般公共预算财政拨款"]),
    amount(K.governmentFund, [top, "政府性基金预算"], aliases: ["政府性基金", "政府性基金拨款"]),
    amount(K.stateCapital, [top, "国有资本经营预算"], aliases: ["国有资本经营预算拨款", "国有资本经营"]),
  ]
}

/// The income side of 表1/表4: the income lines and their one amount column.
private func incomeSide(amountHeader: String, aliases: [String]) -> SectionLayout {
  SectionLayout(
    .income, anchors: ["收入"],
    columns: [
      nameColumn(["收入", "项目"], aliases: ["收入项目", "项目名称"]),
      amount(K.amount, ["收入", amountHeader], aliases: aliases, required: true),
    ])
}

/// The total lines of the two balance tables (表1, 表4).
private let balanceTotalNames = ["本年收入合计", "本年支出合计", "收入总计", "支出总计", "合计", "总计"]

private let table1ExpenditureLines = [
  "一般公共服务支出", "外交支出", "国防支出", "公共安全支出", "教育支出", "科学技术支出", "文化旅游体育与传媒支出",
  "社会保障和就业支出", "社会保险基金支出", "卫生健康支出", "节能环保支出", "城乡社区支出", "农林水支出", "交通运输支出",
  "资源勘探工业信息等支出", "商业服务业等支出", "金融支出", "援助其他地区支出", "自然资源海洋气象等支出", "住房保障支出",
  "粮油物资储备支出", "国有资本经营预算支出", "灾害防治及应急管理支出", "预备费", "其他支出", "转移性支出", "债务还本支出",
  "债务付息支出", "债务发行费用支出", "抗疫特别国债安排的支出",
]

extension LayoutSet {
  /// The 13 tables of the Datong/Shanxi department budget disclosure (2023 template).
  public static let datong = LayoutSet(
    name: Disclosure.datongSet, nameZh: "大同/山西 部门预算（预算公开表1–13）",
    nameEn: "Datong/Shanxi department budget (tables 1–13)", unit: "万元",
    labels: [TableLabel("预算公开表"), TableLabel("部门公开表"), TableLabel("部门预算公开表")],
    departmentLabel: "部门名称：", ruleGroups: ["datong-13"],
    tables: [
      TableLayout(
        number: 1, titleStem: "预算收支总表",
        titleKeywords: ["预算收支总表", "部门收支总表", "收支预算总表", "部门财务收支预算总表"],
        titleExclusions: ["财政拨款", "政府性基金", "国有资本"],
        sections: [
          incomeSide(amountHeader: "{Y}", aliases: ["金额", "预算数", "{Y}预算数"]),
          SectionLayout(
            .expenditure, anchors: ["支出"],
            columns: [
              nameColumn(["支出", "项目"], aliases: ["支出项目", "项目名称"]),
              amount(K.total, ["支出", "{Y}合计"], aliases: ["合计", "金额", "预算数", "{Y}预算数"], required: true),
              amount(K.currentYear, ["支出", "当年预算安排"]),
              amount(K.carryoverArranged, ["支出", "上年结转安排"]),
            ]),
        ],
        totalNames: balanceTotalNames,
        fixedLineNames: ["上年结转", "年终结转", "结转下年"], closingNames: ["收入总计", "支出总计"]),
      TableLayout(
        number: 2, titleStem: "预算收入总表", titleKeywords: ["预算收入总表", "部门收入总表", "收入预算总表"],
        titleExclusions: ["政府性基金", "国有资本"],
        sections: [
          SectionLayout(
            columns: [
              codeColumn(), nameColumn(),
              amount(K.total, ["本年收入", "合计"], aliases: totalAliases, required: true),
              amount(K.generalPublic, ["本年收入", "一般公共预算"], aliases: ["一般公共预算拨款", "一般公共预算财政拨款"]),
              amount(K.governmentFund, ["本年收入", "政府性基金"], aliases: ["政府性基金预算", "政府性基金拨款"]),
              amount(K.stateCapital, ["本年收入", "国有资本经营预算"], aliases: ["国有资本经营预算拨款", "国有资本经营"]),
              amount(K.specialAccount, ["本年收入", "财政专户管理资金"]),
              amount(K.unitFunds, ["本年收入", "单位资金"]),
              amount(K.carryover, ["上年结转"], aliases: ["上年结转资金"]),
            ] + splitCode)
        ]),
      TableLayout(
        number: 3, titleStem: "预算支出总表", titleKeywords: ["预算支出总表", "部门支出总表", "支出预算总表"],
        titleExclusions: ["政府性基金", "国有资本", "一般公共预算"],
        sections: [SectionLayout(columns: [codeColumn(), nameColumn()] + basicProject() + splitCode)]),
      TableLayout(
        number: 4, titleStem: "财政拨款收支总表", titleKeywords: ["财政拨款收支总表", "财政拨款收支预算总表"],
        sections: [
          incomeSide(amountHeader: "金额", aliases: ["{Y}", "预算数", "{Y}预算数"]),
          SectionLayout(
            .expenditure, anchors: ["支出"],
            columns: [nameColumn(["支出", "项目"], aliases: ["支出项目", "项目名称"])]
              + fundColumns("金额").map {
                var c = $0
                c.header = ["支出"] + c.header
                if case .amount(ColumnKey.total) = c.role {
                  c.header[c.header.count - 1] = "小计"
                  c.aliases = ["合计", "金额", "总计"]
                }
                return c
              }),
        ],
        totalNames: balanceTotalNames,
        fixedLineNames: ["上年财政拨款结转", "年终结转", "上年结转", "结转下年"], closingNames: ["收入总计", "支出总计"]),
      TableLayout(
        number: 5, titleStem: "一般公共预算支出预算表（不含上年结转）",
        titleKeywords: ["一般公共预算支出预算表", "一般公共预算支出表", "一般公共预算拨款表", "一般公共预算拨款支出预算表"],
        titleExclusions: ["基本支出", "三公", "项目支出"],
        sections: [SectionLayout(columns: [codeColumn(), nameColumn()] + basicProject() + splitCode)]),
      TableLayout(
        number: 6, titleStem: "一般公共预算安排基本支出分经济科目表（不含上年结转）",
        titleKeywords: ["基本支出分经济科目", "基本支出预算表", "基本支出明细表", "基本支出表"],
        sections: [
          SectionLayout(columns: [
            ColumnSpec(.code, ["部门预算支出经济科目编码"], aliases: ["经济科目编码", "科目编码"]),
            nameColumn(["部门预算支出经济科目名称"], aliases: ["部门经济科目名称", "部门预算经济分类", "经济科目名称"]),
            ColumnSpec(.secondName, ["政府预算支出经济科目名称"], aliases: ["政府经济科目名称", "政府预算经济分类"]),
            amount(K.total, ["{Y}预算数", "合计"], aliases: totalAliases, required: true),
            amount(K.personnel, ["{Y}预算数", "人员经费"]),
            amount(K.publicUse, ["{Y}预算数", "公用经费"]),
          ])
        ]),
      TableLayout(
        number: 7, titleStem: "政府性基金预算收入表（不含上年结转）", titleKeywords: ["政府性基金预算收入", "政府性基金收入"],
        sections: [
          SectionLayout(columns: [
            codeColumn(["项目", "收入科目编码"]), nameColumn(),
            amount(K.total, ["政府性基金收入预算"], aliases: ["政府性基金预算收入", "合计", "金额", "预算数", "{Y}预算数"], required: true),
          ])
        ]),
      TableLayout(
        number: 8, titleStem: "政府性基金预算支出表（不含上年结转）",
        titleKeywords: ["政府性基金预算支出", "政府性基金支出", "政府性基金拨款"],
        sections: [
          SectionLayout(
            columns: [
              codeColumn(["科目编码"]), nameColumn(["科目名称"]),
              amount(K.total, ["合计"], aliases: totalAliases, required: true),
              amount(K.basic, ["基本支出"]), amount(K.project, ["项目支出"]),
            ] + splitCode)
        ]),
      TableLayout(
        number: 9, titleStem: "国有资本经营预算收支预算表（不含上年结转）",
        titleKeywords: ["国有资本经营预算收支", "国有资本经营预算支出", "国有资本经营预算拨款"],
        sections: [
          SectionLayout(
            .income, anchors: ["国有资本经营预算收入"],
            columns: [
              codeColumn(["国有资本经营预算收入", "项目", "收入科目编码"]),
              nameColumn(["国有资本经营预算收入", "项目", "科目名称"]),
              amount(K.total, ["国有资本经营预算收入", "国有资本经营收入预算"], aliases: ["合计", "金额", "预算数"], required: true),
            ]),
          SectionLayout(
            .expenditure, anchors: ["国有资本经营预算支出"],
            columns: [
              codeColumn(["国有资本经营预算支出", "科目编码"]), nameColumn(["国有资本经营预算支出", "科目名称"]),
              amount(K.total, ["国有资本经营预算支出", "合计"], aliases: totalAliases, required: true),
              amount(K.basic, ["国有资本经营预算支出", "基本支出"]),
              amount(K.project, ["国有资本经营预算支出", "项目支出"]),
            ]),
        ]),
      TableLayout(
        number: 10, titleStem: "一般公共预算“三公”经费支出预算表", titleKeywords: ["三公经费", "三公"],
        titleExclusions: ["机关运行"],
        sections: [SectionLayout(columns: [nameColumn(["项目"], aliases: ["项目名称"])] + fundColumns("{Y}预算数"))],
        fixedLineNames: ["因公出国(境)费", "公务接待费", "公务用车购置及运行费", "公务用车购置费", "公务用车运行维护费"]),
      TableLayout(
        number: 11, titleStem: "机关运行经费预算财政拨款情况统计表", titleKeywords: ["机关运行经费"],
        sections: [SectionLayout(columns: [nameColumn(["单位名称"], aliases: ["单位", "部门名称"])] + fundColumns("{Y}预算数"))],
        totalNames: ["部门合计", "合计", "总计"]),
      TableLayout(
        number: 12, titleStem: "项目支出预算表（本年预算）",
        titleKeywords: ["项目支出预算表(本年", "项目支出预算表", "项目支出表", "项目支出预算明细表"],
        titleExclusions: ["上年结转"],
        sections: [
          SectionLayout(columns: [
            nameColumn(["项目名称"], aliases: ["项目"]),
            amount(K.total, ["合计"], aliases: totalAliases, required: true),
            amount(K.generalPublic, ["{Y}财政拨款", "一般公共预算"], aliases: ["一般公共预算拨款"]),
            amount(K.governmentFund, ["{Y}财政拨款", "政府性基金预算"], aliases: ["政府性基金", "政府性基金拨款"]),
            amount(K.stateCapital, ["{Y}财政拨款", "国有资本经营预算"], aliases: ["国有资本经营"]),
            amount(K.specialAccount, ["财政专户管理资金"]),
            amount(K.unitFunds, ["单位资金"]),
          ])
        ], numberedColumns: true),
      TableLayout(
        number: 13, titleStem: "项目支出预算表（上年结转）", titleKeywords: ["项目支出预算表(上年结转", "项目支出上年结转"],
        sections: [
          SectionLayout(columns: [
            nameColumn(["项目名称"], aliases: ["项目"]),
            amount(K.total, ["合计"], aliases: totalAliases, required: true),
            amount(K.generalPublic, ["{Y}财政拨款", "一般公共预算"], aliases: ["一般公共预算拨款"]),
            amount(K.governmentFund, ["{Y}财政拨款", "政府性基金预算"], aliases: ["政府性基金", "政府性基金拨款"]),
            amount(K.stateCapital, ["{Y}财政拨款", "国有资本经营预算"], aliases: ["国有资本经营"]),
          ])
        ], numberedColumns: true),
    ])

  /// The 30 expenditure lines of 表1/表4 (类 of 支出功能分类), in printed order.
  public static let expenditureClassLines = table1ExpenditureLines
}
