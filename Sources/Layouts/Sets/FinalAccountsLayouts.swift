import Budget

// 部门决算 (财政部's national template of a department's final accounts, as the 2024 edition
// prints it): nine tables in 万元, without table labels, titles without a year (the year and the
// department head the whole set: `上海市 XX 局 2024 年度部门决算表`). Function codes are printed in
// one column (`2050205`) or over 类/款/项 columns; the economic codes of the basic-expenditure
// table over 类/款, its 人员经费 and 公用经费 parts side by side. The header words are the
// template's, with the variants real exports print (`支出功能分类科目编码`, `功能分类科目编码`,
// `科目编码`; `公务用车购置及运行费` for `…运行维护费`).

private typealias K = ColumnKey
private typealias D = Declare

/// The code columns of a function-coded 决算 table: one column, or 类/款/项.
private func functionCode() -> [ColumnSpec] {
  let top = ["项目", "功能分类科目编码"]
  let codeAliases = [
    "支出功能分类科目编码", "功能分类科目编码", "科目编码", "支出功能分类", "功能分类", "编码", "科目代码", "功能分类科目代码",
    "支出功能分类科目代码",
  ]
  return [D.code(top, aliases: codeAliases)]
    + ["类", "款", "项"].enumerated().map { i, leaf in
      ColumnSpec(.codePart(i), top + [leaf], aliases: [leaf])
    }
}

/// The name column of a function-coded 决算 table.
private func functionName() -> ColumnSpec {
  D.name(["项目", "科目名称"], aliases: ["功能分类科目名称", "支出功能分类科目名称", "项目名称"])
}

/// A table by function code: code columns, the name, then `amounts` (the first is required).
private func functionTable(
  _ number: Int, _ kind: TableKind, stem: String, keywords: [String], exclusions: [String] = [],
  amounts: [ColumnSpec], totalLast: Bool = false
) -> TableLayout {
  TableLayout(
    number: number, kind: kind, titleStem: stem, titleKeywords: [stem] + keywords, titleExclusions: exclusions,
    sections: [SectionLayout(columns: functionCode() + [functionName()] + amounts)],
    totalNames: ["合计", "总计"], closingNames: totalLast ? ["合计", "总计"] : [])
}

/// 年初结转和结余 | 本年收入 | 本年支出 (小计, 基本支出, 项目支出) | 年末结转和结余: the 基金 and 国资 tables.
private let balanceColumns: [ColumnSpec] = [
  D.amount(K.openingBalance, ["年初结转和结余"], aliases: ["年初结转结余", "年初结转和结余"], required: true),
  D.amount(K.incomeOfYear, ["本年收入"], aliases: ["本年收入合计"]),
  D.amount(K.expenditureOfYear, ["本年支出", "合计"], aliases: ["小计", "本年支出合计"], parents: ["本年支出"]),
  D.amount(K.basic, ["本年支出", "基本支出"]),
  D.amount(K.project, ["本年支出", "项目支出"]),
  D.amount(K.closingBalance, ["年末结转和结余"], aliases: ["年末结转结余"], required: true),
]

/// The 24–26 expenditure lines (类 of 支出功能分类) and the closing lines of the two 总表.
private let summaryExpenditureLines = [
  "一般公共服务支出", "外交支出", "国防支出", "公共安全支出", "教育支出", "科学技术支出", "文化旅游体育与传媒支出",
  "社会保障和就业支出", "卫生健康支出", "节能环保支出", "城乡社区支出", "农林水支出", "交通运输支出",
  "资源勘探工业信息等支出", "商业服务业等支出", "金融支出", "援助其他地区支出", "自然资源海洋气象等支出", "住房保障支出",
  "粮油物资储备支出", "国有资本经营预算支出", "灾害防治及应急管理支出", "其他支出", "债务还本支出", "债务付息支出",
  "抗疫特别国债安排的支出",
]

/// The items of the 三公 table, each printed with a 预算数 and a 决算数: (key, header path, parents, aliases).
private let threePublicItems: [(key: String, path: [String], parents: [String])] = [
  (K.threePublicTotal, ["合计"], ["合计"]),
  (K.travelAbroad, ["因公出国（境）费"], ["因公出国(境)费", "因公出国(境)费用", "因公出国境费"]),
  (K.vehicles, ["公务用车购置及运行维护费", "小计"], ["小计"]),
  (K.vehiclePurchase, ["公务用车购置及运行维护费", "公务用车购置费"], ["公务用车购置费", "购置费"]),
  (K.vehicleRunning, ["公务用车购置及运行维护费", "公务用车运行维护费"], ["公务用车运行维护费", "公务用车运行费", "运行维护费", "运行费"]),
  (K.reception, ["公务接待费"], ["公务接待费"]),
]

/// The columns of the 三公 table: 预算数 then 决算数 under every item.
private let threePublicColumns: [ColumnSpec] = threePublicItems.flatMap { item in
  [(K.budgeted(item.key), "预算数"), (K.final(item.key), "决算数")].map { key, leaf in
    D.amount(
      key, ["财政拨款“三公”经费"] + item.path + [leaf], parents: item.parents, required: key == K.final(K.threePublicTotal))
  }
}

/// One part of the basic-expenditure table: 经济分类科目编码 (类/款), 科目名称, 决算数.
private func basicPart(_ role: SectionRole) -> SectionLayout {
  let top = ["经济分类科目编码"]
  return SectionLayout(
    role,
    columns: [
      D.code(top, aliases: ["经济分类科目编码", "科目编码", "经济分类", "部门预算经济分类科目编码", "科目代码", "经济分类科目代码"]),
      ColumnSpec(.codePart(0), top + ["类"], aliases: ["类"]),
      ColumnSpec(.codePart(1), top + ["款"], aliases: ["款"]),
      D.name(["科目名称"], aliases: ["经济分类科目名称", "项目"]),
      D.amount(K.final, ["决算数"], aliases: ["金额", "合计"], required: true),
    ])
}

private let departmentTables: [TableLayout] = [
  TableLayout(
    number: 1, kind: .budgetSummary, titleStem: "收入支出决算总表", titleKeywords: ["收入支出决算总表"],
    titleExclusions: ["财政拨款", "政府性基金", "国有资本"],
    sections: [
      SectionLayout(
        .income, anchors: ["收入"],
        columns: [
          D.name(["收入", "项目"], aliases: ["项目名称"]),
          D.amount(K.final, ["收入", "决算数"], aliases: ["金额", "本年决算数"], required: true),
        ]),
      SectionLayout(
        .expenditure, anchors: ["支出"],
        columns: [
          D.name(["支出", "项目"], aliases: ["项目名称"]),
          D.amount(K.final, ["支出", "决算数"], aliases: ["金额", "本年决算数"], required: true),
        ]),
    ],
    totalNames: ["本年收入合计", "本年支出合计", "总计", "合计"],
    fixedLineNames: [
      "一般公共预算财政拨款收入", "政府性基金预算财政拨款收入", "国有资本经营预算财政拨款收入", "上级补助收入", "事业收入",
      "经营收入", "附属单位上缴收入", "其他收入", "使用非财政拨款结余", "使用非财政拨款结余(含专用结余)", "年初结转和结余",
      "结余分配", "年末结转和结余",
    ] + summaryExpenditureLines,
    closingNames: ["总计"]),
  functionTable(
    2, .revenueSummary, stem: "收入决算表", keywords: [], exclusions: ["收入支出", "财政拨款", "政府性基金", "国有资本"],
    amounts: [
      D.amount(K.total, ["本年收入合计"], aliases: ["合计", "本年收入"], required: true),
      D.amount(K.fiscal, ["财政拨款收入"], aliases: ["财政拨款"]),
      D.amount(K.superiorSubsidy, ["上级补助收入"]),
      D.amount(K.businessIncome, ["事业收入"]),
      D.amount(K.operatingIncome, ["经营收入"], aliases: ["事业单位经营收入"]),
      D.amount(K.affiliatedRemittance, ["附属单位上缴收入"]),
      D.amount(K.otherIncome, ["其他收入"]),
    ]),
  functionTable(
    3, .expenditureSummary, stem: "支出决算表", keywords: [],
    exclusions: ["收入支出", "财政拨款", "政府性基金", "国有资本", "一般公共预算"],
    amounts: [
      D.amount(K.total, ["本年支出合计"], aliases: ["合计", "本年支出"], required: true),
      D.amount(K.basic, ["基本支出"]),
      D.amount(K.project, ["项目支出"]),
      D.amount(K.remittanceToSuperior, ["上缴上级支出"]),
      D.amount(K.operatingExpenditure, ["经营支出"]),
      D.amount(K.subsidyToAffiliates, ["对附属单位补助支出"], aliases: ["对附属单位补助"]),
    ]),
  TableLayout(
    number: 4, kind: .fiscalSummary, titleStem: "财政拨款收入支出决算总表", titleKeywords: ["财政拨款收入支出决算总表"],
    sections: [
      SectionLayout(
        .income, anchors: ["收入"],
        columns: [
          D.name(["收入", "项目"], aliases: ["项目名称"]),
          D.amount(K.final, ["收入", "决算数"], aliases: ["金额"], required: true),
        ]),
      SectionLayout(
        .expenditure, anchors: ["支出"],
        columns: [
          D.name(["支出", "项目"], aliases: ["项目名称"]),
          D.amount(K.total, ["支出", "合计"], aliases: ["小计", "决算数"], required: true),
          D.amount(K.generalPublic, ["支出", "一般公共预算财政拨款"], aliases: ["一般公共预算"]),
          D.amount(K.governmentFund, ["支出", "政府性基金预算财政拨款"], aliases: ["政府性基金预算"]),
          D.amount(K.stateCapital, ["支出", "国有资本经营预算财政拨款"], aliases: ["国有资本经营预算"]),
        ]),
    ],
    totalNames: ["本年收入合计", "本年支出合计", "总计", "合计"],
    fixedLineNames: [
      "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款", "年初财政拨款结转和结余",
      "年末财政拨款结转和结余",
    ] + summaryExpenditureLines,
    closingNames: ["总计"]),
  functionTable(
    5, .generalPublicExpenditure, stem: "一般公共预算财政拨款支出决算表", keywords: [], exclusions: ["基本支出"],
    amounts: [
      D.amount(K.total, ["合计"], aliases: ["小计", "决算数"], required: true),
      D.amount(K.basic, ["基本支出"]),
      D.amount(K.project, ["项目支出"]),
    ], totalLast: true),
  TableLayout(
    number: 6, kind: .generalPublicBasicEconomic, titleStem: "一般公共预算财政拨款基本支出决算表",
    titleKeywords: ["一般公共预算财政拨款基本支出决算表", "财政拨款基本支出决算表"],
    sections: [basicPart(.personnel), basicPart(.publicUse)],
    totalNames: ["人员经费合计", "公用经费合计", "合计", "总计"],
    closingNames: ["人员经费合计", "公用经费合计"]),
  TableLayout(
    number: 7, kind: .threePublic, titleStem: "财政拨款“三公”经费支出决算表",
    titleKeywords: ["财政拨款“三公”经费支出决算表", "财政拨款三公经费支出决算表", "三公经费支出决算表", "三公”经费支出决算表"],
    sections: [SectionLayout(columns: threePublicColumns)]),
  TableLayout(
    number: 8, kind: .governmentFundBalance, titleStem: "政府性基金预算财政拨款收入支出决算表",
    titleKeywords: ["政府性基金预算财政拨款收入支出决算表", "政府性基金预算财政拨款支出决算表"],
    sections: [SectionLayout(columns: functionCode() + [functionName()] + balanceColumns)],
    totalNames: ["合计", "总计"]),
  TableLayout(
    number: 9, kind: .stateCapitalBalance, titleStem: "国有资本经营预算财政拨款收入支出决算表",
    titleKeywords: ["国有资本经营预算财政拨款收入支出决算表", "国有资本经营预算财政拨款支出决算表"],
    sections: [SectionLayout(columns: functionCode() + [functionName()] + balanceColumns)],
    totalNames: ["合计", "总计"]),
]

extension LayoutSet {
  /// A set with the heading endings it prints over its tables.
  init(
    name: String, nameZh: String, nameEn: String, stage: DisclosureStage, entity: DisclosureEntity, unit: String,
    departmentLabel: String, ruleGroups: [String], tables: [TableLayout], headings: [String]
  ) {
    self.init(
      name: name, nameZh: nameZh, nameEn: nameEn, stage: stage, entity: entity, unit: unit,
      departmentLabel: departmentLabel, ruleGroups: ruleGroups, tables: tables)
    self.headings = headings
  }

  /// 部门决算 (财政部's national template, nine tables, 万元).
  public static let finalAccountsDepartment = LayoutSet(
    name: "final-accounts-department", nameZh: "部门决算（全国统一模板，9 张表）",
    nameEn: "Department final accounts (national template, 9 tables)", stage: .finalAccounts, entity: .department,
    unit: "万元", departmentLabel: "部门名称：", ruleGroups: ["final-accounts"], tables: departmentTables,
    headings: ["年度部门决算表"])
}
