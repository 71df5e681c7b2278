import Budget
import Validation
import XCTest

/// For every rule: one amount (or code, or name) changed in an otherwise clean disclosure, and
/// the finding must name the right table, row, column, cells and expected/found values.
final class BrokenCopyTests: XCTestCase {
  struct Case {
    var id: String
    var fixture: Bool  // true: the sample department; false: the made-up consistent one
    var change: (Disclosure) -> Disclosure
    var table: Int
    var row: String
    var column: String
    var cells: [String]  // the first is the found cell; all must appear
    var expected: String?
    var found: String?
    var severity: Severity = .error
  }

  static let T = ColumnKey.total, G = ColumnKey.generalPublic, F = ColumnKey.governmentFund, S = ColumnKey.stateCapital
  static let B = ColumnKey.basic, P = ColumnKey.project

  static var cases: [Case] {
    [
      Case(
        id: "T2.hierarchy", fixture: true,
        change: { $0.changing(2, row: code("2060101"), column: T, to: amt("348.98")) },
        table: 2, row: "20601 科学技术管理事务", column: "合计", cells: ["预算公开表02.csv!C7", "预算公开表02.csv!C8"], expected: "348.98",
        found: "348.97"),
      Case(
        id: "T3.hierarchy", fixture: true, change: { $0.changing(3, row: code("206"), column: T, to: amt("733.58")) },
        table: 3, row: "206 科学技术支出", column: "合计", cells: ["预算公开表03.csv!C6", "预算公开表03.csv!C7", "预算公开表03.csv!C13"],
        expected: "733.57", found: "733.58", severity: .rounding),
      Case(
        id: "T5.hierarchy", fixture: true,
        change: { $0.changing(5, row: code("2060501"), column: B, to: amt("225.00")) },
        table: 5, row: "20605 科技条件与服务", column: "基本支出", cells: ["预算公开表05.csv!D11", "预算公开表05.csv!D12"],
        expected: "225.00", found: "225.47"),
      Case(
        id: "T7.hierarchy", fixture: true, change: { $0.changing(7, row: code("10301"), column: T, to: amt("290")) },
        table: 7, row: "103 非税收入", column: "合计", cells: ["预算公开表07.csv!C6", "预算公开表07.csv!C7"], expected: "290",
        found: "293"),
      Case(
        id: "T8.hierarchy", fixture: true, change: { $0.changing(8, row: code("21208"), column: P, to: amt("290")) },
        table: 8, row: "212 城乡社区支出", column: "项目支出", cells: ["预算公开表08.csv!E5", "预算公开表08.csv!E6"], expected: "290",
        found: "293"),
      Case(
        id: "T9.hierarchy", fixture: false,
        change: { $0.changing(9, .expenditure, row: code("22301"), column: T, to: amt("9")) },
        table: 9, row: "223 国有资本经营预算支出", column: "合计", cells: ["示例表09.csv!F6", "示例表09.csv!F7"], expected: "9",
        found: "10"),
      Case(
        id: "T2.total-row", fixture: true, change: { $0.changing(2, row: totalRow, column: G, to: amt("1038.00")) },
        table: 2, row: "合计", column: "一般公共预算", cells: ["预算公开表02.csv!D5", "预算公开表02.csv!D6"], expected: "1038.42",
        found: "1038.00"),
      Case(
        id: "T3.total-row", fixture: true, change: { $0.changing(3, row: totalRow, column: P, to: amt("359.00")) },
        table: 3, row: "合计", column: "项目支出", cells: ["预算公开表03.csv!E5", "预算公开表03.csv!E24"], expected: "359.07",
        found: "359.00"),
      Case(
        id: "T5.total-row", fixture: true, change: { $0.changing(5, row: totalRow, column: T, to: amt("1000")) },
        table: 5, row: "合计", column: "合计", cells: ["预算公开表05.csv!C5"], expected: "1038.42", found: "1000"),
      Case(
        id: "T7.total-row", fixture: true, change: { $0.changing(7, row: totalRow, column: T, to: amt("300")) },
        table: 7, row: "合计", column: "合计", cells: ["预算公开表07.csv!C5", "预算公开表07.csv!C6"], expected: "293", found: "300"),
      Case(
        id: "T8.total-row", fixture: true, change: { $0.changing(8, row: totalRow, column: T, to: amt("300")) },
        table: 8, row: "合计", column: "合计", cells: ["预算公开表08.csv!C4", "预算公开表08.csv!C5"], expected: "293", found: "300"),
      Case(
        id: "T9.total-row", fixture: false,
        change: { $0.changing(9, .income, row: totalRow, column: T, to: amt("11")) },
        table: 9, row: "合计", column: "合计", cells: ["示例表09.csv!C5", "示例表09.csv!C6"], expected: "10", found: "11"),
      Case(
        id: "T3.basic-project", fixture: true,
        change: { $0.changing(3, row: code("2060201"), column: B, to: amt("139.00")) },
        table: 3, row: "2060201 机构运行", column: "合计", cells: ["预算公开表03.csv!C10", "预算公开表03.csv!D10", "预算公开表03.csv!E10"],
        expected: "139.00", found: "139.13"),
      Case(
        id: "T5.basic-project", fixture: true,
        change: { $0.changing(5, row: code("2060899"), column: P, to: amt("21")) },
        table: 5, row: "2060899 其他科技交流与合作支出", column: "合计", cells: ["预算公开表05.csv!C14", "预算公开表05.csv!E14"],
        expected: "21", found: "20"),
      Case(
        id: "T8.basic-project", fixture: true,
        change: { $0.changing(8, row: code("2120899"), column: P, to: amt("290")) },
        table: 8, row: "2120899 其他国有土地使用权出让收入安排的支出", column: "合计", cells: ["预算公开表08.csv!C7", "预算公开表08.csv!E7"],
        expected: "290", found: "293"),
      Case(
        id: "T9.basic-project", fixture: false,
        change: { $0.changing(9, .expenditure, row: code("2230199"), column: P, to: amt("9")) },
        table: 9, row: "2230199 其他解决历史遗留问题及改革成本支出", column: "合计", cells: ["示例表09.csv!F8", "示例表09.csv!H8"],
        expected: "9", found: "10"),
      Case(
        id: "T2.fund-sources", fixture: true,
        change: { $0.changing(2, row: code("2080501"), column: G, to: amt("45.00")) },
        table: 2, row: "2080501 行政单位离退休", column: "合计",
        cells: ["预算公开表02.csv!C17", "预算公开表02.csv!D17", "预算公开表02.csv!H17"],
        expected: "45.00", found: "45.04"),
      Case(
        id: "T4.fund-sources", fixture: true,
        change: { $0.changing(4, .expenditure, row: named("六、科学技术支出"), column: G, to: amt("733.00")) },
        table: 4, row: "六、科学技术支出", column: "合计", cells: ["预算公开表04.csv!D11", "预算公开表04.csv!E11"], expected: "733.00",
        found: "733.57"),
      Case(
        id: "T10.fund-sources", fixture: true,
        change: { $0.changing(10, row: named("②公务用车运行维护费"), column: G, to: amt("3.00")) },
        table: 10, row: "②公务用车运行维护费", column: "合计", cells: ["预算公开表10.csv!B9", "预算公开表10.csv!C9"], expected: "3.00",
        found: "3.50"),
      Case(
        id: "T11.fund-sources", fixture: true,
        change: { $0.changing(11, row: named("大同市科学技术局"), column: G, to: amt("48.00")) },
        table: 11, row: "大同市科学技术局", column: "合计", cells: ["预算公开表11.csv!B6", "预算公开表11.csv!C6"], expected: "48.00",
        found: "48.17"),
      Case(
        id: "T12.fund-sources", fixture: true,
        change: { $0.changing(12, row: named("J局机关电费"), column: G, to: amt("1.60")) },
        table: 12, row: "J局机关电费", column: "合计", cells: ["预算公开表12.csv!B8", "预算公开表12.csv!C8", "预算公开表12.csv!G8"],
        expected: "1.60", found: "1.69"),
      Case(
        id: "T13.fund-sources", fixture: false,
        change: { $0.changing(13, row: named("上年结转信息化项目"), column: G, to: amt("4")) },
        table: 13, row: "上年结转信息化项目", column: "合计", cells: ["示例表13.csv!B5", "示例表13.csv!C5"], expected: "4", found: "5"),
      Case(
        id: "T1.balance", fixture: true,
        change: { $0.changing(1, .income, row: named("一、一般公共预算"), column: ColumnKey.amount, to: amt("1038.00")) },
        table: 1, row: "本年收入合计", column: "金额", cells: ["预算公开表01.csv!B36", "预算公开表01.csv!B5"], expected: "1331.00",
        found: "1331.42"),
      Case(
        id: "T1.current-carryover", fixture: true,
        change: {
          $0.changing(1, .expenditure, row: named("六、科学技术支出"), column: ColumnKey.currentYear, to: amt("733.00"))
        },
        table: 1, row: "六、科学技术支出", column: "合计", cells: ["预算公开表01.csv!D10", "预算公开表01.csv!E10", "预算公开表01.csv!F10"],
        expected: "733.00", found: "733.57"),
      Case(
        id: "T4.balance", fixture: true,
        change: { $0.changing(4, .expenditure, row: named("本年支出合计"), column: T, to: amt("1331.00")) },
        table: 4, row: "本年支出合计", column: "合计", cells: ["预算公开表04.csv!D37", "预算公开表04.csv!D11"], expected: "1331.42",
        found: "1331.00"),
      Case(
        id: "T6.total-row", fixture: false,
        change: { $0.changing(6, row: totalRow, column: ColumnKey.publicUse, to: amt("16")) },
        table: 6, row: "合计", column: "公用经费", cells: ["示例表06.csv!E5", "示例表06.csv!E9"], expected: "15", found: "16"),
      Case(
        id: "T6.class-sum", fixture: true,
        change: { $0.changing(6, row: named("基本工资", "工资奖金津补贴"), column: T, to: amt("100.00")) },
        table: 6, row: "工资福利支出", column: "合计", cells: ["预算公开表06.csv!C6", "预算公开表06.csv!C7", "预算公开表06.csv!C20"],
        expected: "791.50", found: "818.58"),
      Case(
        id: "T6.personnel-public", fixture: true,
        change: { $0.changing(6, row: named("奖金"), column: ColumnKey.personnel, to: amt("49.00")) },
        table: 6, row: "奖金 / 工资奖金津补贴", column: "合计", cells: ["预算公开表06.csv!C11", "预算公开表06.csv!D11", "预算公开表06.csv!E11"],
        expected: "49.00", found: "49.49"),
      Case(
        id: "T10.total-row", fixture: true,
        change: { $0.changing(10, row: named("公务接待费"), column: T, to: amt("1.00")) },
        table: 10, row: "合计", column: "合计", cells: ["预算公开表10.csv!B10", "预算公开表10.csv!B6"], expected: "4.50",
        found: "3.50"),
      Case(
        id: "T10.vehicles", fixture: true,
        change: { $0.changing(10, row: named("①公务用车购置费"), column: T, to: amt("1.00")) },
        table: 10, row: "公务用车购置及运行费", column: "合计", cells: ["预算公开表10.csv!B7", "预算公开表10.csv!B8", "预算公开表10.csv!B9"],
        expected: "4.50", found: "3.50"),
      Case(
        id: "T11.total-row", fixture: true, change: { $0.changing(11, row: totalRow, column: T, to: amt("50.00")) },
        table: 11, row: "部门合计", column: "合计", cells: ["预算公开表11.csv!B5", "预算公开表11.csv!B6"], expected: "48.17",
        found: "50.00"),
      Case(
        id: "X.t2-t1.income", fixture: true,
        change: { $0.changing(2, row: totalRow, column: ColumnKey.specialAccount, to: amt("5.00")) },
        table: 2, row: "合计", column: "财政专户管理资金", cells: ["预算公开表02.csv!G5", "预算公开表01.csv!B8"], expected: nil,
        found: "5.00"),
      Case(
        id: "X.t3-t1.expenditure", fixture: true,
        change: { $0.changing(1, .expenditure, row: named("本年支出合计"), column: T, to: amt("1331.00")) },
        table: 3, row: "合计", column: "合计", cells: ["预算公开表03.csv!C5", "预算公开表01.csv!D36"], expected: "1331.00",
        found: "1331.42"),
      Case(
        id: "X.t4-t1.fiscal", fixture: true,
        change: { $0.changing(1, .income, row: named("二、政府性基金预算"), column: ColumnKey.amount, to: amt("290")) },
        table: 4, row: "二、政府性基金预算", column: "金额", cells: ["预算公开表04.csv!B7", "预算公开表01.csv!B6"], expected: "290",
        found: "293"),
      Case(
        id: "X.t1-t3.classes", fixture: true, change: { $0.changing(3, row: code("210"), column: T, to: amt("33.00")) },
        table: 1, row: "十、卫生健康支出", column: "合计", cells: ["预算公开表01.csv!D14", "预算公开表03.csv!C20"], expected: "33.00",
        found: "33.58"),
      Case(
        id: "X.t1-t2.classes", fixture: true, change: { $0.changing(2, row: code("221"), column: T, to: amt("95.00")) },
        table: 1, row: "二十、住房保障支出", column: "当年预算安排", cells: ["预算公开表01.csv!E24", "预算公开表02.csv!C27"], expected: "95.00",
        found: "95.79"),
      Case(
        id: "X.t4-t2.classes", fixture: true,
        change: { $0.changing(2, row: code("208"), column: G, to: amt("175.00")) },
        table: 4, row: "八、社会保障和就业支出", column: "合计", cells: ["预算公开表04.csv!D13", "预算公开表02.csv!D15", "预算公开表02.csv!I15"],
        expected: "175.00", found: "175.48"),
      Case(
        id: "X.t5-t2.general-public", fixture: true,
        change: { $0.changing(5, row: code("2060101"), column: T, to: amt("348.00")) },
        table: 5, row: "2060101 行政运行", column: "合计", cells: ["预算公开表05.csv!C8", "预算公开表02.csv!D8"], expected: "348.97",
        found: "348.00"),
      Case(
        id: "X.t5-t3.parts", fixture: true,
        change: { $0.changing(3, row: code("2060101"), column: B, to: amt("302.00")) },
        table: 5, row: "2060101 行政运行", column: "基本支出", cells: ["预算公开表05.csv!D8", "预算公开表03.csv!D8", "预算公开表09.csv!G9"],
        expected: "302.00", found: "302.90"),
      Case(
        id: "X.t5-t6.basic", fixture: true, change: { $0.changing(6, row: totalRow, column: T, to: amt("972.00")) },
        table: 5, row: "合计", column: "基本支出", cells: ["预算公开表05.csv!D5", "预算公开表06.csv!C5"], expected: "972.00",
        found: "972.35"),
      Case(
        id: "X.t7-t4.fund", fixture: true, change: { $0.changing(7, row: totalRow, column: T, to: amt("290")) },
        table: 7, row: "合计", column: "合计", cells: ["预算公开表07.csv!C5", "预算公开表04.csv!B7"], expected: "293", found: "290"),
      Case(
        id: "X.t7-t1.fund", fixture: true,
        change: { $0.changing(1, .income, row: named("二、政府性基金预算"), column: ColumnKey.amount, to: amt("290")) },
        table: 7, row: "合计", column: "合计", cells: ["预算公开表07.csv!C5", "预算公开表01.csv!B6"], expected: "290", found: "293"),
      Case(
        id: "X.t8-t7.fund", fixture: true, change: { $0.changing(7, row: totalRow, column: T, to: amt("290")) },
        table: 8, row: "合计", column: "合计", cells: ["预算公开表08.csv!C4", "预算公开表07.csv!C5"], expected: "290", found: "293"),
      Case(
        id: "X.t8-t4.fund", fixture: true,
        change: { $0.changing(4, .expenditure, row: named("本年支出合计"), column: F, to: amt("290")) },
        table: 8, row: "合计", column: "合计", cells: ["预算公开表08.csv!C4", "预算公开表04.csv!F37"], expected: "290", found: "293"),
      Case(
        id: "X.t8-t2.fund", fixture: true, change: { $0.changing(2, row: code("21208"), column: F, to: amt("290")) },
        table: 8, row: "21208 国有土地使用权出让收入安排的支出", column: "合计", cells: ["预算公开表08.csv!C6", "预算公开表02.csv!E25"],
        expected: "290", found: "293"),
      Case(
        id: "X.t9-t4.state-capital", fixture: false,
        change: { $0.changing(4, .income, row: named("三、国有资本经营预算"), column: ColumnKey.amount, to: amt("12")) },
        table: 9, row: "合计（收入）", column: "合计", cells: ["示例表09.csv!C5", "示例表04.csv!B8"], expected: "12", found: "10"),
      Case(
        id: "X.t12-t3.project", fixture: true, change: { $0.changing(3, row: totalRow, column: P, to: amt("350.00")) },
        table: 12, row: "Σ项目（11个）", column: "合计", cells: ["预算公开表12.csv!B6", "预算公开表12.csv!B16", "预算公开表03.csv!E5"],
        expected: "350.00", found: "359.07"),
      Case(
        id: "X.t12-t5.project", fixture: true,
        change: { $0.changing(12, row: named("J专项业务费"), column: G, to: amt("14.00")) },
        table: 12, row: "Σ项目（11个）", column: "一般公共预算", cells: ["预算公开表12.csv!C6", "预算公开表12.csv!C12", "预算公开表05.csv!E5"],
        expected: "66.07", found: "65.07"),
      Case(
        id: "X.t12-t8.project", fixture: true, change: { $0.changing(8, row: totalRow, column: P, to: amt("290")) },
        table: 12, row: "Σ项目（11个）", column: "政府性基金预算", cells: ["预算公开表12.csv!D6", "预算公开表08.csv!E4"], expected: "290",
        found: "293"),
      Case(
        id: "X.t12-t9.project", fixture: false,
        change: { $0.changing(9, .expenditure, row: totalRow, column: P, to: amt("9")) },
        table: 12, row: "Σ项目（3个）", column: "国有资本经营预算", cells: ["示例表12.csv!E5", "示例表09.csv!H5"], expected: "9",
        found: "10"),
      Case(
        id: "X.t13-t1.carryover", fixture: false,
        change: { $0.changing(1, .income, row: named("上年结转"), column: ColumnKey.amount, to: amt("6")) },
        table: 13, row: "Σ项目（1个）", column: "合计", cells: ["示例表13.csv!B5", "示例表01.csv!B11"], expected: "6", found: "5",
        severity: .warning),
      Case(
        id: "X.t13-t2.carryover", fixture: false,
        change: { $0.changing(2, row: totalRow, column: ColumnKey.carryover, to: amt("6")) },
        table: 13, row: "Σ项目（1个）", column: "合计", cells: ["示例表13.csv!B5", "示例表02.csv!I5"], expected: "6", found: "5",
        severity: .warning),
      Case(
        id: "X.t6-t10.vehicles", fixture: true,
        change: { $0.changing(10, row: named("②公务用车运行维护费"), column: G, to: amt("3.00")) },
        table: 6, row: "公务用车运行维护费 / 公务用车运行维护费", column: "合计", cells: ["预算公开表06.csv!C36", "预算公开表10.csv!C9"],
        expected: "3.00", found: "3.50"),
      Case(
        id: "X.t11-t6.office", fixture: true, change: { $0.changing(11, row: totalRow, column: G, to: amt("48.00")) },
        table: 11, row: "部门合计", column: "一般公共预算", cells: ["预算公开表11.csv!C5", "预算公开表06.csv!E22", "预算公开表06.csv!E38"],
        expected: "48.17", found: "48.00", severity: .warning),
      Case(
        id: "codes.shape", fixture: true, change: { $0.renaming(3, row: code("2060101"), code: "206011") },
        table: 3, row: "206011 行政运行", column: "科目编码", cells: ["预算公开表03.csv!8:8"], expected: nil, found: nil),
      Case(
        id: "codes.parent", fixture: true, change: { $0.renaming(3, row: code("20602"), code: "20603") },
        table: 3, row: "2060201 机构运行", column: "科目编码", cells: ["预算公开表03.csv!10:10"], expected: nil, found: nil),
      Case(
        id: "codes.same-name", fixture: true, change: { $0.renaming(5, row: code("2060101"), name: "行政运行费") },
        table: 5, row: "2060101 行政运行费", column: "科目名称", cells: ["预算公开表05.csv!8:8", "预算公开表02.csv!8:8"], expected: nil,
        found: nil),
      Case(
        id: "catalog.known", fixture: false, change: { $0.renaming(2, row: code("2010101"), code: "2010199") },
        table: 2, row: "2010199 行政运行", column: "科目编码", cells: ["示例表02.csv!8:8"], expected: nil, found: nil,
        severity: .info),
      Case(
        id: "catalog.name", fixture: true, change: { $0.renaming(2, row: code("2060201"), name: "机构运作") },
        table: 2, row: "2060201 机构运作", column: "科目名称", cells: ["预算公开表02.csv!10:10"], expected: nil, found: nil),
      Case(
        id: "catalog.budget-type", fixture: true,
        change: {
          $0.changing(2, row: code("2120899"), column: G, to: amt("293.00")).changing(
            2, row: code("2120899"), column: F, to: nil)
        },
        table: 2, row: "2120899 其他国有土地使用权出让收入安排的支出", column: "一般公共预算", cells: ["预算公开表02.csv!D26"], expected: "0",
        found: "293.00"),
      Case(
        id: "catalog.t6-names", fixture: true, change: { $0.renaming(6, row: named("电费"), name: "电力费") },
        table: 6, row: "电力费 / 商品和服务支出", column: "部门预算支出经济科目名称", cells: ["预算公开表06.csv!26:26"], expected: nil, found: nil,
        severity: .warning),
    ]
  }

  func testEveryRuleHasABrokenCopyCase() {
    // The forms rules have their broken copies in FormRulesTests, the rules of every other set in
    // AnySetRulesTests, the 部门决算 rules (FA.*) in FinalAccountsMadeUpTests.
    let rules = RuleSet.standard.rules.filter {
      $0.group != .forms && !$0.forSetsWithoutOwnRules && $0.templateSets != ["final-accounts-department"]
    }
    XCTAssertEqual(Set(Self.cases.map(\.id)), Set(rules.map(\.id)))
    XCTAssertEqual(Self.cases.count, rules.count)
  }

  func testEachBrokenCopyIsFoundWhereItIs() throws {
    let fixture = try loadFixture()
    let second = SecondDepartment.disclosure()
    for c in Self.cases {
      let base = c.fixture ? fixture : second
      let before = RuleSet.standard.validate(base, catalog: TestCatalog()).outcome(c.id)
      XCTAssertEqual(
        before?.status, c.id == "T6.total-row" && c.fixture ? .failed : .passed, "\(c.id) before the change")
      let report = RuleSet.standard.validate(c.change(base), catalog: TestCatalog())
      guard let f = report.findings.first(where: { $0.ruleId == c.id }) else {
        XCTFail("\(c.id): no finding\n\(report.text())")
        continue
      }
      XCTAssertEqual(f.table, c.table, c.id)
      XCTAssertEqual(f.row, c.row, c.id)
      XCTAssertEqual(f.column, c.column, c.id)
      XCTAssertEqual(f.cells.first, c.cells.first, "\(c.id) \(f.cells)")
      for cell in c.cells { XCTAssertTrue(f.cells.contains(cell), "\(c.id): \(cell) not in \(f.cells)") }
      XCTAssertEqual(f.expected, c.expected.map(amt), c.id)
      XCTAssertEqual(f.found, c.found.map(amt), c.id)
      XCTAssertEqual(f.severity, c.severity, c.id)
      if let e = c.expected.map(amt) ?? (c.found == nil ? nil : .zero), let found = c.found.map(amt) {
        XCTAssertEqual(f.difference, found - e, c.id)
      }
      XCTAssertTrue(f.messageZh.hasPrefix("预算公开表\(c.table) \(c.row)"), "\(c.id): \(f.messageZh)")
      XCTAssertTrue(f.messageEn.hasPrefix("Table \(c.table) \(c.row)"), "\(c.id): \(f.messageEn)")
    }
  }

  /// The message names the table and row as users know them, as SPEC shows.
  func testMessageWording() throws {
    let broken = try loadFixture().changing(3, row: code("206"), column: ColumnKey.total, to: amt("733.58"))
    let f = RuleSet.standard.validate(broken).findings.first { $0.ruleId == "T3.hierarchy" }!
    XCTAssertEqual(f.messageZh, "预算公开表3 206 科学技术支出 合计：应为 733.57（各款之和），实为 733.58，相差 0.01")
    XCTAssertEqual(
      f.messageEn, "Table 3 206 科学技术支出 合计: expected 733.57 (sum of its 款 rows), found 733.58, difference 0.01")
    XCTAssertEqual(f.difference, amt("0.01"))
    // A large difference is an error, and errors set the exit status.
    let worse = try loadFixture().changing(3, row: code("206"), column: ColumnKey.total, to: amt("740"))
    let r = RuleSet.standard.validate(worse)
    XCTAssertEqual(r.findings.first { $0.ruleId == "T3.hierarchy" }?.severity, .error)
    XCTAssertEqual(r.exitStatus(), 1)
    // Tolerance widens what counts as equal.
    XCTAssertNil(
      RuleSet.standard.validate(broken, tolerance: amt("0.01")).findings.first { $0.ruleId == "T3.hierarchy" })
  }
}
