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
  static let head = FinalAccountsDepartment.name

  static func sheets(_ edit: (inout [String: Rows]) -> Void = { _ in }) -> [(String, Rows, [String])] {
    FinalAccountsDepartment.sheets(edit)
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
    XCTAssertEqual(
      try d.section(7).rows.first?.amounts, amts("20", "18", "", "", "12", "11", "", "", "12", "11", "8", "7"))
    XCTAssertEqual(reading.issues.filter { $0.severity != .info }.map(\.zh), [])
    let report = RuleSet.standard.validate(reading.disclosure)
    XCTAssertEqual(report.findings.filter { $0.severity != .info }.map(\.messageZh), [])
    let ran = report.outcomes.filter { if case .notApplicable = $0.status { false } else { true } }.map(\.ruleId)
    for id in [
      "any.hierarchy", "any.total-row", "any.column-sums", "any.balance", "any.carryover-balance", "FA.summary-lines",
      "FA.t2-t1.income", "FA.t3-t1.expenditure", "FA.t1-t4.fiscal", "FA.t5-t4.general-public", "FA.t6-t5.basic",
      "FA.t8-t4.government-fund", "FA.t9-t4.state-capital", "FA.three-public-within-budget",
    ] {
      XCTAssertTrue(ran.contains(id), "\(id) ran")
    }
  }

  /// One cell changed: (sheet, row, column, new value) and the finding it must cause.
  struct Seed {
    var sheet: String, row: Int, column: Int, value: String
    var rule: String, table: Int, rowName: String, columnName: String
    var severity: Severity = .error
  }

  static let seeds: [Seed] = [
    Seed(
      sheet: "2", row: 8, column: 8, value: "=12", rule: "any.column-sums", table: 2, rowName: "2070109",
      columnName: "合计"),
    Seed(
      sheet: "2", row: 8, column: 8, value: "=12", rule: "any.hierarchy", table: 2, rowName: "20701", columnName: "其他收入"
    ),
    Seed(
      sheet: "3", row: 4, column: 3, value: "=610", rule: "any.total-row", table: 3, rowName: "合计", columnName: "基本支出"),
    Seed(
      sheet: "1", row: 15, column: 1, value: "=1001", rule: "FA.summary-lines", table: 1, rowName: "总计",
      columnName: "决算数"),
    Seed(
      sheet: "1", row: 15, column: 1, value: "=1001", rule: "any.balance", table: 1, rowName: "总计", columnName: "决算数"),
    Seed(
      sheet: "4", row: 8, column: 4, value: "=31", rule: "FA.summary-lines", table: 4, rowName: "总计",
      columnName: "一般公共预算"),
    Seed(
      sheet: "6", row: 8, column: 5, value: "=81", rule: "any.total-row", table: 6, rowName: "公用经费合计", columnName: "决算数"
    ),
    Seed(
      sheet: "6", row: 8, column: 5, value: "=81", rule: "FA.t6-t5.basic", table: 5, rowName: "合计", columnName: "基本支出"),
    Seed(
      sheet: "7", row: 6, column: 1, value: "=19", rule: "any.column-sums", table: 7, rowName: "",
      columnName: "“三公”经费合计 决算数"),
    Seed(
      sheet: "8", row: 7, column: 7, value: "=5", rule: "any.carryover-balance", table: 8, rowName: "2120804",
      columnName: "本年支出 + 年末结转和结余"),
    Seed(
      sheet: "5", row: 4, column: 2, value: "=650", rule: "FA.t5-t4.general-public", table: 5, rowName: "207",
      columnName: "合计"),
    Seed(
      sheet: "3", row: 12, column: 2, value: "=90", rule: "FA.t3-t1.expenditure", table: 3, rowName: "212",
      columnName: "合计"),
    Seed(
      sheet: "2", row: 4, column: 5, value: "=40", rule: "FA.t2-t1.income", table: 2, rowName: "合计", columnName: "事业收入"),
    Seed(
      sheet: "4", row: 4, column: 1, value: "=790", rule: "FA.t1-t4.fiscal", table: 1, rowName: "一般公共预算财政拨款收入",
      columnName: "决算数"),
    Seed(
      sheet: "8", row: 4, column: 3, value: "=90", rule: "FA.t8-t4.government-fund", table: 8, rowName: "合计",
      columnName: "本年收入"),
    Seed(
      sheet: "7", row: 6, column: 11, value: "=8.5", rule: "FA.three-public-within-budget", table: 7, rowName: "",
      columnName: "公务接待费 决算数",
      severity: .warning),
  ]

  func testEverySeededInconsistencyIsFoundAtItsTableRowAndColumn() throws {
    for seed in Self.seeds {
      let reading = Self.read(Self.sheets { $0[seed.sheet]![seed.row][seed.column] = seed.value })
      let report = RuleSet.standard.validate(reading.disclosure)
      let hit = report.findings.contains {
        $0.ruleId == seed.rule && $0.table == seed.table && (seed.rowName.isEmpty || $0.row.contains(seed.rowName))
          && $0.column == seed.columnName
          && $0.severity == seed.severity
      }
      XCTAssertTrue(
        hit,
        "\(seed.rule) at 表\(seed.table) \(seed.rowName) \(seed.columnName); found: \(report.findings.map { "\($0.ruleId) \($0.table ?? 0) \($0.row) \($0.column)" })"
      )
    }
  }

  /// The made-up department through Yusuan's writers and back: xlsx, CSV and JSON read to the same model.
  func testRoundTripsThroughWorkbookCSVAndJSON() throws {
    let d = Self.read(Self.sheets()).disclosure
    let folder = try Fixtures.scratchFolder("yusuan-final-accounts")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let json = folder + "/d.json"
    let xlsx = folder + "/d.xlsx"
    let csv = folder + "/csv"
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
        XCTAssertEqual(
          a.sections.map { $0.rows.map(\.amounts) }, b.sections.map { $0.rows.map(\.amounts) }, "\(path) 表\(a.number)")
        XCTAssertEqual(
          a.sections.map { $0.rows.map(\.code) }, b.sections.map { $0.rows.map(\.code) }, "\(path) 表\(a.number)")
      }
    }
  }
}
