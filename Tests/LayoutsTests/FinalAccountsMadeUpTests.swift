import Budget
import Foundation
import Layouts
import Sheets
import TestSupport
import Validation
import XCTest

/// A made-up department's 部门决算 (a culture bureau: other codes than the real one, code in one
/// column as the national template prints it, merged headers, non-empty 基金 table), consistent:
/// 收入 960 (财政拨款 900 = 一般公共 800 + 基金 100, 事业 50, 其他 10) + 结余 5 + 年初 35 = 1000 =
/// 支出 950 (基本 600, 项目 340, 经营 10) + 年末 50. Each seeded inconsistency changes one cell and
/// must be found at its table, row and column; the consistent version has no finding.
final class FinalAccountsMadeUpTests: XCTestCase {
  typealias Rows = [[String]]
  static let head = "示范市文化旅游局"

  static func sheets(_ edit: (inout [String: Rows]) -> Void = { _ in }) -> [(String, Rows, [String])] {
    var t: [String: Rows] = [
      "1": [
        ["收入支出决算总表", "", "", ""], ["部门：\(head)", "", "", "单位：万元"],
        ["收入", "", "支出", ""], ["项目", "决算数", "项目", "决算数"],
        ["一、一般公共预算财政拨款收入", "=800", "一、一般公共服务支出", ""],
        ["二、政府性基金预算财政拨款收入", "=100", "二、文化旅游体育与传媒支出", "=700"],
        ["三、国有资本经营预算财政拨款收入", "", "三、社会保障和就业支出", "=150"],
        ["四、上级补助收入", "", "四、城乡社区支出", "=100"],
        ["五、事业收入", "=50", "", ""], ["六、经营收入", "", "", ""], ["七、附属单位上缴收入", "", "", ""],
        ["八、其他收入", "=10", "", ""],
        ["本年收入合计", "=960", "本年支出合计", "=950"],
        ["使用非财政拨款结余", "=5", "结余分配", ""],
        ["年初结转和结余", "=35", "年末结转和结余", "=50"],
        ["总计", "=1000", "总计", "=1000"],
      ],
      "2": [
        ["收入决算表", "", "", "", "", "", "", "", ""], ["", "", "", "", "", "", "", "", "单位：万元"],
        ["项目", "", "本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"],
        ["功能分类科目编码", "科目名称", "", "", "", "", "", "", ""],
        ["", "合计", "=960", "=900", "", "=50", "", "", "=10"],
        ["207", "文化旅游体育与传媒支出", "=710", "=650", "", "=50", "", "", "=10"],
        ["20701", "文化和旅游", "=710", "=650", "", "=50", "", "", "=10"],
        ["2070101", "行政运行", "=400", "=400", "", "", "", "", ""],
        ["2070109", "群众文化", "=310", "=250", "", "=50", "", "", "=10"],
        ["208", "社会保障和就业支出", "=150", "=150", "", "", "", "", ""],
        ["20805", "行政事业单位养老支出", "=150", "=150", "", "", "", "", ""],
        ["2080505", "机关事业单位基本养老保险缴费支出", "=150", "=150", "", "", "", "", ""],
        ["212", "城乡社区支出", "=100", "=100", "", "", "", "", ""],
        ["21208", "国有土地使用权出让收入安排的支出", "=100", "=100", "", "", "", "", ""],
        ["2120804", "农村基础设施建设支出", "=100", "=100", "", "", "", "", ""],
      ],
      "3": [
        ["支出决算表", "", "", "", "", "", "", ""], ["", "", "", "", "", "", "", "单位：万元"],
        ["项目", "", "本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"],
        ["功能分类科目编码", "科目名称", "", "", "", "", "", ""],
        ["", "合计", "=950", "=600", "=340", "", "=10", ""],
        ["207", "文化旅游体育与传媒支出", "=700", "=450", "=240", "", "=10", ""],
        ["20701", "文化和旅游", "=700", "=450", "=240", "", "=10", ""],
        ["2070101", "行政运行", "=450", "=450", "", "", "", ""],
        ["2070109", "群众文化", "=250", "", "=240", "", "=10", ""],
        ["208", "社会保障和就业支出", "=150", "=150", "", "", "", ""],
        ["20805", "行政事业单位养老支出", "=150", "=150", "", "", "", ""],
        ["2080505", "机关事业单位基本养老保险缴费支出", "=150", "=150", "", "", "", ""],
        ["212", "城乡社区支出", "=100", "", "=100", "", "", ""],
        ["21208", "国有土地使用权出让收入安排的支出", "=100", "", "=100", "", "", ""],
        ["2120804", "农村基础设施建设支出", "=100", "", "=100", "", "", ""],
      ],
      "4": [
        ["财政拨款收入支出决算总表", "", "", "", "", ""], ["", "", "", "", "", "单位：万元"],
        ["收入", "", "支出", "", "", "", ""],
        ["项目", "决算数", "项目", "合计", "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"],
        ["一、一般公共预算财政拨款", "=800", "一、文化旅游体育与传媒支出", "=640", "=640", "", ""],
        ["二、政府性基金预算财政拨款", "=100", "二、社会保障和就业支出", "=150", "=150", "", ""],
        ["三、国有资本经营预算财政拨款", "", "三、城乡社区支出", "=100", "", "=100", ""],
        ["本年收入合计", "=900", "本年支出合计", "=890", "=790", "=100", ""],
        ["年初财政拨款结转和结余", "=20", "年末财政拨款结转和结余", "=30", "=30", "", ""],
        ["一、一般公共预算财政拨款", "=20", "", "", "", "", ""],
        ["二、政府性基金预算财政拨款", "", "", "", "", "", ""],
        ["三、国有资本经营预算财政拨款", "", "", "", "", "", ""],
        ["总计", "=920", "总计", "=920", "=820", "=100", ""],
      ],
      "5": [
        ["一般公共预算财政拨款支出决算表", "", "", "", ""], ["", "", "", "", "单位：万元"],
        ["项目", "", "合计", "基本支出", "项目支出"], ["功能分类科目编码", "科目名称", "", "", ""],
        ["207", "文化旅游体育与传媒支出", "=640", "=450", "=190"],
        ["20701", "文化和旅游", "=640", "=450", "=190"],
        ["2070101", "行政运行", "=450", "=450", ""],
        ["2070109", "群众文化", "=190", "", "=190"],
        ["208", "社会保障和就业支出", "=150", "=150", ""],
        ["20805", "行政事业单位养老支出", "=150", "=150", ""],
        ["2080505", "机关事业单位基本养老保险缴费支出", "=150", "=150", ""],
        ["", "合计", "=790", "=600", "=190"],
      ],
      "6": [
        ["一般公共预算财政拨款基本支出决算表", "", "", "", "", ""], ["", "", "", "", "", "单位：万元"],
        ["经济分类科目编码", "科目名称", "决算数", "经济分类科目编码", "科目名称", "决算数"],
        ["301", "工资福利支出", "=500", "302", "商品和服务支出", "=80"],
        ["30101", "基本工资", "=300", "30201", "办公费", "=50"],
        ["30102", "津贴补贴", "=200", "30217", "公务接待费", "=30"],
        ["303", "对个人和家庭的补助", "=20", "310", "资本性支出", ""],
        ["30302", "退休费", "=20", "31002", "办公设备购置", ""],
        ["人员经费合计", "", "=520", "公用经费合计", "", "=80"],
      ],
      "7": [
        ["财政拨款“三公”经费支出决算表", "", "", "", "", "", "", "", "", "", "", ""],
        ["", "", "", "", "", "", "", "", "", "", "", "单位：万元"],
        ["财政拨款“三公”经费", "", "", "", "", "", "", "", "", "", "", ""],
        ["合计", "", "因公出国（境）费", "", "公务用车购置及运行维护费", "", "", "", "", "", "公务接待费", ""],
        ["", "", "", "", "小计", "", "公务用车购置费", "", "公务用车运行维护费", "", "", ""],
        ["预算数", "决算数", "预算数", "决算数", "预算数", "决算数", "预算数", "决算数", "预算数", "决算数", "预算数", "决算数"],
        ["=20", "=18", "", "", "=12", "=11", "", "", "=12", "=11", "=8", "=7"],
      ],
      "8": [
        ["政府性基金预算财政拨款收入支出决算表", "", "", "", "", "", "", ""], ["", "", "", "", "", "", "", "单位：万元"],
        ["项目", "", "年初结转和结余", "本年收入", "本年支出", "", "", "年末结转和结余"],
        ["功能分类科目编码", "科目名称", "", "", "合计", "基本支出", "项目支出", ""],
        ["", "合计", "", "=100", "=100", "", "=100", ""],
        ["212", "城乡社区支出", "", "=100", "=100", "", "=100", ""],
        ["21208", "国有土地使用权出让收入安排的支出", "", "=100", "=100", "", "=100", ""],
        ["2120804", "农村基础设施建设支出", "", "=100", "=100", "", "=100", ""],
      ],
      "9": [
        ["国有资本经营预算财政拨款收入支出决算表", "", "", "", "", "", "", ""], ["", "", "", "", "", "", "", "单位：万元"],
        ["项目", "", "年初结转和结余", "本年收入", "本年支出", "", "", "年末结转和结余"],
        ["功能分类科目编码", "科目名称", "", "", "合计", "基本支出", "项目支出", ""],
        ["", "合计", "", "", "", "", "", ""],
        ["注：本部门无国有资本经营预算财政拨款收入和支出，故本表无数据。", "", "", "", "", "", "", ""],
      ],
    ]
    edit(&t)
    let merges: [String: [String]] = [
      "1": ["A3:B3", "C3:D3"], "2": ["A3:B3", "C3:C4", "D3:D4", "E3:E4", "F3:F4", "G3:G4", "H3:H4", "I3:I4"],
      "3": ["A3:B3", "C3:C4", "D3:D4", "E3:E4", "F3:F4", "G3:G4", "H3:H4"], "4": ["A3:B3", "C3:G3"],
      "5": ["A3:B3", "C3:C4", "D3:D4", "E3:E4"], "7": ["A3:L3", "A4:B5", "C4:D5", "E4:J4", "E5:F5", "G5:H5", "I5:J5", "K4:L5"],
      "8": ["A3:B3", "C3:C4", "D3:D4", "E3:G3", "H3:H4"], "9": ["A3:B3", "C3:C4", "D3:D4", "E3:G3", "H3:H4"],
    ]
    return (1...9).map { n in ("表\(n)", t["\(n)"]!, merges["\(n)"] ?? []) }
  }

  /// Reads the sheets in memory as `DisclosureReader` reads a workbook.
  static func read(_ sheets: [(String, Rows, [String])]) -> DisclosureReading {
    let recognizer = TableRecognizer(candidates: TemplateSets.all)
    let grids = sheets.map { name, rows, merges in
      recognizer.read(Sheet.grid(name, rows, merges: merges), file: "示范.xlsx", sheet: name)
    }
    let (set, settled) = recognizer.settle(grids)
    return DisclosureAssembler.assemble(settled, set: set)
  }

  func testConsistentVersionReadsCompletelyWithNoFinding() throws {
    let reading = Self.read(Self.sheets())
    let d = reading.disclosure
    XCTAssertEqual(d.templateSet, "final-accounts-department")
    XCTAssertEqual(d.tables.map(\.number), Array(1...9))
    XCTAssertEqual(d.department, Self.head)
    XCTAssertEqual(try d.section(2).coded("2070109").amounts, amts("310", "250", "", "50", "", "", "10"))
    XCTAssertEqual(try d.section(8).coded("2120804").amounts, amts("", "100", "100", "", "100", ""))
    XCTAssertEqual(try d.section(6, .publicUse).coded("30217").amounts, amts("30"))
    XCTAssertEqual(try d.section(7).rows.first?.amounts, amts("20", "18", "", "", "12", "11", "", "", "12", "11", "8", "7"))
    XCTAssertEqual(reading.issues.filter { $0.severity != .info }.map(\.zh), [])
    let report = RuleSet.standard.validate(reading.disclosure)
    XCTAssertEqual(report.findings.filter { $0.severity != .info }.map(\.messageZh), [])
    let ran = report.outcomes.filter { if case .notApplicable = $0.status { false } else { true } }.map(\.ruleId)
    for id in ["any.hierarchy", "any.total-row", "any.column-sums", "any.balance", "any.carryover-balance", "FA.summary-lines",
      "FA.t2-t1.income", "FA.t3-t1.expenditure", "FA.t1-t4.fiscal", "FA.t5-t4.general-public", "FA.t6-t5.basic",
      "FA.t8-t4.government-fund", "FA.t9-t4.state-capital"]
    {
      XCTAssertTrue(ran.contains(id), "\(id) ran")
    }
  }

  /// One cell changed: (sheet, row, column, new value) and the finding it must cause.
  struct Seed {
    var sheet: String, row: Int, column: Int, value: String
    var rule: String, table: Int, rowName: String, columnName: String
  }

  static let seeds: [Seed] = [
    Seed(sheet: "2", row: 8, column: 8, value: "=12", rule: "any.column-sums", table: 2, rowName: "2070109", columnName: "合计"),
    Seed(sheet: "2", row: 8, column: 8, value: "=12", rule: "any.hierarchy", table: 2, rowName: "20701", columnName: "其他收入"),
    Seed(sheet: "3", row: 4, column: 3, value: "=610", rule: "any.total-row", table: 3, rowName: "合计", columnName: "基本支出"),
    Seed(sheet: "1", row: 15, column: 1, value: "=1001", rule: "FA.summary-lines", table: 1, rowName: "总计", columnName: "决算数"),
    Seed(sheet: "1", row: 15, column: 1, value: "=1001", rule: "any.balance", table: 1, rowName: "总计", columnName: "决算数"),
    Seed(sheet: "4", row: 8, column: 4, value: "=31", rule: "FA.summary-lines", table: 4, rowName: "总计", columnName: "一般公共预算"),
    Seed(sheet: "6", row: 8, column: 5, value: "=81", rule: "any.total-row", table: 6, rowName: "公用经费合计", columnName: "决算数"),
    Seed(sheet: "6", row: 8, column: 5, value: "=81", rule: "FA.t6-t5.basic", table: 5, rowName: "合计", columnName: "基本支出"),
    Seed(sheet: "7", row: 6, column: 1, value: "=19", rule: "any.column-sums", table: 7, rowName: "", columnName: "“三公”经费合计 决算数"),
    Seed(sheet: "8", row: 7, column: 7, value: "=5", rule: "any.carryover-balance", table: 8, rowName: "2120804", columnName: "本年支出 + 年末结转和结余"),
    Seed(sheet: "5", row: 4, column: 2, value: "=650", rule: "FA.t5-t4.general-public", table: 5, rowName: "207", columnName: "合计"),
    Seed(sheet: "3", row: 12, column: 2, value: "=90", rule: "FA.t3-t1.expenditure", table: 3, rowName: "212", columnName: "合计"),
    Seed(sheet: "2", row: 4, column: 5, value: "=40", rule: "FA.t2-t1.income", table: 2, rowName: "合计", columnName: "事业收入"),
    Seed(sheet: "4", row: 4, column: 1, value: "=790", rule: "FA.t1-t4.fiscal", table: 1, rowName: "一般公共预算财政拨款收入", columnName: "决算数"),
    Seed(sheet: "8", row: 4, column: 3, value: "=90", rule: "FA.t8-t4.government-fund", table: 8, rowName: "合计", columnName: "本年收入"),
  ]

  func testEverySeededInconsistencyIsFoundAtItsTableRowAndColumn() throws {
    for seed in Self.seeds {
      let reading = Self.read(Self.sheets { $0[seed.sheet]![seed.row][seed.column] = seed.value })
      let report = RuleSet.standard.validate(reading.disclosure)
      let hit = report.findings.contains {
        $0.ruleId == seed.rule && $0.table == seed.table && (seed.rowName.isEmpty || $0.row.contains(seed.rowName)) && $0.column == seed.columnName
          && $0.severity == .error
      }
      XCTAssertTrue(
        hit, "\(seed.rule) at 表\(seed.table) \(seed.rowName) \(seed.columnName); found: \(report.findings.map { "\($0.ruleId) \($0.table ?? 0) \($0.row) \($0.column)" })")
    }
  }

  /// The made-up department through Yusuan's writers and back: xlsx, CSV and JSON read to the same model.
  func testRoundTripsThroughWorkbookCSVAndJSON() throws {
    let d = Self.read(Self.sheets()).disclosure
    let folder = try Fixtures.scratchFolder("yusuan-final-accounts")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let json = folder + "/d.json", xlsx = folder + "/d.xlsx", csv = folder + "/csv"
    let writer = DisclosureWriter()
    try writer.write(d, as: .json, to: json)
    try writer.write(d, as: .xlsx, to: xlsx)
    try writer.write(d, as: .csv, to: csv)
    let disclosureCSV = folder + "/csv-disclosure"
    try writer.write(d, as: .csv, to: disclosureCSV, csvLayout: .disclosure)
    for path in [json, xlsx, csv, disclosureCSV] {
      let back = try DisclosureReader().read([path]).disclosure
      XCTAssertEqual(back.templateSet, d.templateSet, path)
      XCTAssertEqual(back.tables.map(\.kind), d.tables.map(\.kind), path)
      for (a, b) in zip(back.tables, d.tables) {
        XCTAssertEqual(a.sections.map(\.role), b.sections.map(\.role), "\(path) 表\(a.number)")
        XCTAssertEqual(a.sections.map(\.columns), b.sections.map(\.columns), "\(path) 表\(a.number)")
        XCTAssertEqual(a.sections.map { $0.rows.map(\.amounts) }, b.sections.map { $0.rows.map(\.amounts) }, "\(path) 表\(a.number)")
        XCTAssertEqual(a.sections.map { $0.rows.map(\.code) }, b.sections.map { $0.rows.map(\.code) }, "\(path) 表\(a.number)")
      }
    }
  }
}
