import Budget
import Foundation
import Layouts
import Sheets
import TestSupport
import XCTest

/// The 11 绩效目标申报表 of the sample, read from the performance workbook and checked against the
/// values printed in the seed report (phone numbers as masked in the fixture).
final class FormReadingTests: XCTestCase {
  static let formsPath = Fixtures.repoRoot.appendingPathComponent("Tests/Fixtures/datong-kejiju-2023-performance.xlsx")
    .path
  static let tablesPath = Fixtures.repoRoot.appendingPathComponent("Tests/Fixtures/datong-kejiju-2023.xlsx").path

  func forms() throws -> [PerformanceForm] { try DisclosureReader().read([Self.formsPath]).disclosure.forms }

  func testFirstFormEveryField() throws {
    let forms = try forms()
    XCTAssertEqual(forms.count, 11)
    let f = forms[0]
    XCTAssertEqual(f.title, "大同市市级预算部门（单位）项目支出绩效目标申报表")
    XCTAssertEqual(f.year, 2023)
    XCTAssertEqual(f.projectName, "J局机关电费")
    XCTAssertEqual(f.department, "055-大同市科学技术局[部门]")
    XCTAssertEqual(f.departmentCode, "055")
    XCTAssertEqual(f.departmentName, "大同市科学技术局[部门]")
    XCTAssertEqual(f.implementingUnit, "大同市科学技术局")
    XCTAssertEqual(f.attribute, "经常性项目（长期开展）")
    XCTAssertEqual(f.period, "3年")
    XCTAssertEqual(
      f.implementationFunding,
      FormFunding(
        total: Amount(50700), central: .zero, provincial: .zero, local: Amount(50700), selfRaised: .zero, other: nil))
    XCTAssertEqual(
      f.annualFunding,
      FormFunding(
        total: Amount(16900), central: .zero, provincial: .zero, local: Amount(16900), selfRaised: .zero, other: nil))
    XCTAssertEqual(f.overview, "保障科技局机关用电")
    XCTAssertEqual(f.basis, "财政部门预算")
    XCTAssertEqual(f.necessity, "保障科技局机关用电")
    XCTAssertEqual(f.safeguards, "保障科技局机关用电")
    XCTAssertEqual(f.plan, "保障科技局机关用电")
    XCTAssertEqual(f.implementationGoal, "保障科技局机关电费")
    XCTAssertEqual(f.annualGoal, "保障科技局机关电费")
    XCTAssertNil(f.responsiblePerson)
    XCTAssertEqual(f.handler, "李诗呈")
    XCTAssertEqual(f.phone, "137****7284")
    XCTAssertEqual(f.filledOn, "20230105113350")
    let expected: [(String, String, String, String)] = [
      ("产出指标", "数量指标", "科技局机关电费", "1家"), ("产出指标", "质量指标", "保障科技局机关电费", "100%"),
      ("产出指标", "时效指标", "机关电费支付及时性", "及时"), ("产出指标", "成本指标", "", ""),
      ("效益指标", "经济效益指标", "", ""), ("效益指标", "社会效益指标", "社会效益", "保障"),
      ("效益指标", "生态效益指标", "", ""), ("效益指标", "可持续影响指标", "", ""),
      ("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥99%"),
    ]
    for period in IndicatorPeriod.allCases {
      XCTAssertEqual(
        f.indicators(period),
        expected.map { PerformanceIndicator(period: period, level1: $0.0, level2: $0.1, level3: $0.2, value: $0.3) })
    }
  }

  /// Per form: name, 项目属性/项目期, 实施期 and 年度 totals (元), 经办人, 填报日期, one telling indicator.
  func testAllElevenForms() throws {
    let rows: [(String, String, String, Int, Int, String, String)] = [
      ("J局机关电费", "经常性项目（长期开展）", "3年", 50700, 16900, "李诗呈", "20230105113350"),
      ("J局机关水费", "经常性项目（长期开展）", "3年", 6000, 2000, "李诗呈", "20230105120037"),
      ("J局机关物业费", "经常性项目（长期开展）", "3年", 56400, 18800, "李诗呈", "20230105115131"),
      ("J科技人才系统维护费", "一次性项目（1年结束）", "1年", 30000, 30000, "杨麒玉", "20230118183242"),
      ("J离休老干支部活动费", "经常性项目（长期开展）", "3年", 24000, 8000, "李诗呈", "20230105104952"),
      ("J驻村帮扶工作人员经费", "经常性项目（长期开展）", "3年", 315000, 105000, "李诗呈", "20230106160812"),
      ("J专项业务费", "经常性项目（长期开展）", "3年", 450000, 150000, "李诗呈", "20230106175303"),
      ("XM遗属补助经费", "经常性项目（长期开展）", "3年", 90000, 30000, "杨麒玉", "20230118185202"),
      ("Z科技活动周活动经费", "一次性项目（1年结束）", "1年", 100000, 100000, "杨麒玉", "20230308121836"),
      ("Z召开高速飞车论坛经费", "一次性项目（1年结束）", "1年", 200000, 200000, "杨麒玉", "20230308120213"),
      ("大同市企业孵化基地(北京站)2022年度场地租金", "经常性项目（长期开展）", "3年", 8_790_000, 2_930_000, "杨麒玉", "20230203182027"),
    ]
    let forms = try forms()
    XCTAssertEqual(forms.map(\.projectName), rows.map(\.0))
    for (f, r) in zip(forms, rows) {
      XCTAssertEqual(f.attribute, r.1, r.0)
      XCTAssertEqual(f.period, r.2, r.0)
      XCTAssertEqual(f.implementationFunding.total, Amount(r.3), r.0)
      XCTAssertEqual(f.implementationFunding.local, Amount(r.3), r.0)
      XCTAssertEqual(f.annualFunding.total, Amount(r.4), r.0)
      XCTAssertEqual(f.annualFunding.local, Amount(r.4), r.0)
      XCTAssertEqual(f.handler, r.5, r.0)
      XCTAssertEqual(f.filledOn, r.6, r.0)
      XCTAssertEqual(f.indicators.count, 18, r.0)
      XCTAssertEqual(f.source?.sheet, r.0, "forms are read from their own sheets")
    }
    let rent = forms[10]
    XCTAssertEqual(rent.basis, "《关于调整大同企业离岸创新孵化基地工作领导组成员单位及成员的通知》同政办函【2022】108号")
    XCTAssertEqual(
      rent.indicators(.annual)[3],
      PerformanceIndicator(period: .annual, level1: "产出指标", level2: "成本指标", level3: "预算控制额", value: "≤293万元"))
    XCTAssertEqual(forms[3].indicators(.implementation)[8].value, "≥80100%", "printed as is, even when odd")
    XCTAssertEqual(forms[2].annualGoal, "保障市科技局机关缴纳物业费")
    XCTAssertEqual(forms[2].implementationGoal, "保障市科技局局机关缴纳物业费", "the two goals differ in this form")
  }

  func testTablesAndFormsTogether() throws {
    let reading = try DisclosureReader().read([Self.tablesPath, Self.formsPath])
    XCTAssertEqual(reading.disclosure.tables.count, 13)
    XCTAssertEqual(reading.disclosure.forms.count, 11)
    XCTAssertEqual(reading.disclosure.departmentCode, "055")
    XCTAssertEqual(reading.disclosure.department, "大同市科学技术局[部门]")
    let formsOnly = try DisclosureReader().read([Self.formsPath]).disclosure
    XCTAssertEqual(formsOnly.tables.count, 0)
    XCTAssertEqual(formsOnly.year, 2023)
    XCTAssertEqual(formsOnly.department, "大同市科学技术局[部门]")
  }

  func testRoundTripsThroughJSONXLSXAndCSV() throws {
    let original = try DisclosureReader().read([Self.tablesPath, Self.formsPath]).disclosure
    let folder = try Fixtures.scratchFolder("forms-roundtrip")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let writer = DisclosureWriter()
    let json = try Disclosure(jsonBytes: Array(original.jsonText().utf8))
    XCTAssertEqual(json, original, "JSON keeps every field, provenance included")
    let cases: [(String, OutputFormat, CSVLayout)] = [
      ("d.xlsx", .xlsx, .tidy), ("tidy", .csv, .tidy), ("printed", .csv, .disclosure),
    ]
    for (name, format, layout) in cases {
      let path = (folder as NSString).appendingPathComponent(name)
      try writer.write(original, as: format, to: path, csvLayout: layout)
      let back = try DisclosureReader().read([path]).disclosure
      XCTAssertEqual(
        back.forms.map {
          var f = $0
          f.source = nil
          return f
        }, original.withoutProvenance().forms, name)
      XCTAssertEqual(back.departmentCode, "055", name)
    }
    let tidy = try String(
      contentsOfFile: (folder as NSString).appendingPathComponent("tidy/绩效目标申报表.csv"), encoding: .utf8)
    XCTAssertEqual(tidy.split(whereSeparator: \.isNewline).count, 1 + 11 * 18, "one record per indicator row")
  }

  func testFormSheetLayout() throws {
    let form = try forms()[0]
    let sheet = FormRenderer.sheet(form, number: 1)
    XCTAssertEqual(sheet.name, "绩效01 J局机关电费")
    XCTAssertEqual(
      sheet.merges.first { $0.range.first == CellAddress(row: 5, column: 0) }?.range.last,
      CellAddress(row: 10, column: 1))
    XCTAssertEqual(sheet.cells[CellAddress(row: 5, column: 3)]?.value, .number("50700"))
    let long = PerformanceForm(projectName: String(repeating: "项目/名称", count: 10))
    let name = FormRenderer.sheetName(long, number: 12)
    XCTAssertLessThanOrEqual(name.count, 31)
    XCTAssertFalse(name.contains("/"))
  }

  func testStackedFormsInOneGridAndMissingName() throws {
    let rows: [[String]] = [
      ["大同市市级预算部门（单位）项目支出绩效目标申报表"], ["项目名称", "", "甲项目"], ["项目资金（元）", "", "实施期资金总额：", "300", "年度资金总额：", "", "100"],
      ["大同市市级预算部门（单位）项目支出绩效目标申报表"], ["项目名称", "", "乙项目"], ["", "", "实施期资金总额：", "1,000", "年度资金总额：", "", "1,000"],
    ]
    let grid = Grid(name: "stacked", texts: rows)
    guard case .success(let forms) = FormReader.read(grid, file: "x.csv", sheet: nil) else { return XCTFail() }
    XCTAssertEqual(forms.map(\.projectName), ["甲项目", "乙项目"])
    XCTAssertEqual(forms.map(\.annualFunding.total), [Amount(100), Amount(1000)])
    XCTAssertEqual(forms.map(\.implementationFunding.total), [Amount(300), Amount(1000)])
    let nameless = Grid(name: "n", texts: [["项目名称", ""], ["年度资金总额：", "5"]])
    guard case .failure(let issue) = FormReader.read(nameless, file: "n.csv", sheet: nil) else { return XCTFail() }
    XCTAssertTrue(issue.zh.contains("项目名称"))
  }
}
