import Budget
import Foundation
import Sheets
import XCTest

/// `Catalog.merge(csv:)`: users extend the catalog or load a whole year from CSV.
final class CatalogMergeTests: XCTestCase {
  func testMergeAddsAndOverrides() throws {
    var catalog = Catalog.builtin2023
    let before = catalog.entries.count
    try catalog.merge(
      csv: #"""
        code,name,level,parent,budget_type,source,note
        2060102,一般行政管理事务（改）,项,20601,GPB,省科目表,renamed
        2060104,"科技,管理""专项""",项,20601,GPB,,
        20699,其他科学技术支出,款,206,,,
        """#)
    XCTAssertEqual(catalog.entries.count, before + 1)
    XCTAssertEqual(catalog.entry("2060102", kind: .functional)?.name, "一般行政管理事务（改）")
    XCTAssertEqual(catalog.entry("2060102", kind: .functional)?.source, "省科目表")
    XCTAssertEqual(catalog.entry("2060102", kind: .functional)?.note, "renamed")
    XCTAssertEqual(catalog.entry("2060104", kind: .functional)?.name, "科技,管理\"专项\"")
    XCTAssertEqual(catalog.entry("2060104", kind: .functional)?.source, "user CSV")
    XCTAssertEqual(catalog.entry("2060104", kind: .functional)?.parentCode, "20601")
    // Without a budget_type the replaced entry keeps its own.
    XCTAssertEqual(catalog.entry("20699", kind: .functional)?.budgetType, .generalPublic)
    // The name index follows the override.
    XCTAssertTrue(catalog.entries(named: "一般行政管理事务", kind: .functional).allSatisfy { $0.code != "2060102" })
    XCTAssertEqual(catalog.entries(named: "一般行政管理事务（改）", kind: .functional).map(\.code), ["2060102"])
    XCTAssertEqual(catalog.children(of: "20601", kind: .functional).map(\.code).contains("2060104"), true)
    // The built-in value is untouched.
    XCTAssertEqual(Catalog.builtin2023.entry("2060102", kind: .functional)?.name, "一般行政管理事务")
  }

  func testMergeKindFromColumnParameterOrLeadingDigit() throws {
    var catalog = Catalog(year: 2024, entries: [])
    try catalog.merge(
      csv: "\u{FEFF}kind,code,name,budget_type\r\n支出功能分类,201,一般公共服务支出,GPB\r\nrevenue,101,税收收入,一般公共预算\r\n")
    try catalog.merge(csv: "code,name\n501,机关工资福利支出\n50101,工资奖金津补贴\n\n")
    try catalog.merge(csv: "name,code\n科目甲,20101\n", kind: .functional)
    XCTAssertEqual(catalog.entry("201", kind: .functional)?.budgetType, .generalPublic)
    XCTAssertEqual(catalog.entry("101", kind: .revenue)?.name, "税收收入")
    XCTAssertEqual(catalog.entry("50101", kind: .economicGovernment)?.level, 2)
    XCTAssertEqual(catalog.entry("50101", kind: .economicGovernment)?.budgetType, .mixed)
    XCTAssertEqual(catalog.entry("20101", kind: .functional)?.name, "科目甲")
    XCTAssertEqual(catalog.entries.count, 5)
  }

  func testMalformedCSVIsRejectedWithItsLine() {
    let cases: [(String, CatalogError)] = [
      ("", .emptyCSV),
      ("name\n甲\n", .missingColumn(name: "code")),
      ("code\n206\n", .missingColumn(name: "name")),
      ("code,name\n206,科学技术支出\n20601,科学技术管理事务,extra\n", .fieldCount(line: 3, expected: 2, found: 3)),
      ("code,name\n206,\"科学技术支出\n", .unterminatedQuote(line: 2)),
      ("code,name\n206,科学\"技术\n", .strayQuote(line: 2)),
      ("code,name\n206,\"科学\"技术\n", .strayQuote(line: 2)),
      ("code,name\n2060,科学技术支出\n", .unknownKind(line: 2, value: "2060")),
      ("code,name,kind\n206,科学技术支出,功能\n", .unknownKind(line: 2, value: "功能")),
      ("code,name,kind\n306,科学技术支出,functional\n", .invalidCode(line: 2, code: "306", kind: .functional)),
      ("code,name\n206, \n", .emptyName(line: 2, code: "206")),
      ("code,name,level\n20601,科学技术管理事务,项\n", .invalidLevel(line: 2, code: "20601", value: "项")),
      ("code,name,parent\n2060101,行政运行,206\n", .parentMismatch(line: 2, code: "2060101", parent: "206")),
      ("code,name\n2189901,孤儿项\n", .missingParent(line: 2, code: "2189901", parent: "21899")),
      ("code,name,budget_type\n206,科学技术支出,基金\n", .invalidBudgetType(line: 2, value: "基金")),
      ("code,name\n20601,甲\n\n20601,乙\n", .duplicateCode(line: 4, code: "20601", firstLine: 2)),
      // A quoted line break moves the line count on.
      ("code,name\n206,\"科学\n技术\"\n2060,x\n", .unknownKind(line: 4, value: "2060")),
    ]
    for (text, expected) in cases {
      var catalog = Catalog.builtin2023
      XCTAssertThrowsError(try catalog.merge(csv: text), text) { error in
        XCTAssertEqual(error as? CatalogError, expected, text)
      }
      // All or nothing: nothing of a rejected CSV lands in the catalog.
      XCTAssertEqual(catalog.entries, Catalog.builtin2023.entries, text)
    }
  }

  func testAParentMayComeLaterInTheSameCSV() throws {
    var catalog = Catalog(year: 2024, entries: [])
    try catalog.merge(csv: "code,name\n2180101,项甲\n21801,款甲\n218,类甲\n")
    XCTAssertEqual(catalog.children(of: "218", kind: .functional).map(\.code), ["21801"])
  }

  func testErrorMessagesNameTheLineInBothLanguages() {
    let error = CatalogError.duplicateCode(line: 4, code: "20601", firstLine: 2)
    XCTAssertEqual(error.message(.zh), "科目表 CSV 第 4 行：科目 20601 重复（首次出现在第 2 行）")
    XCTAssertEqual(error.message(.en), "catalog CSV line 4: code 20601 repeats (first on line 2)")
    XCTAssertEqual(error.description, error.message(.zh))
    XCTAssertEqual(error.line, 4)
  }

  /// The committed CSV files, merged into an empty catalog, give exactly the built-in entries:
  /// the generated Swift file has not drifted from its source.
  func testCatalogCSVFilesMatchTheGeneratedData() throws {
    let directory = Self.repositoryRoot.appendingPathComponent("catalog/2023")
    var fromCSV = Catalog(year: 2023, entries: [])
    let files: [(String, ClassificationKind)] = [
      ("functional.csv", .functional), ("revenue.csv", .revenue),
      ("economic_dept.csv", .economicDepartment), ("economic_gov.csv", .economicGovernment),
    ]
    for (file, kind) in files {
      let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
      try fromCSV.merge(csv: text, kind: kind)
    }
    XCTAssertEqual(fromCSV.entries, Catalog.builtin2023.entries)
  }

  /// The generator's own check (mappings, 表1 lines and file freshness included).
  func testGeneratorCheckPasses() throws {
    let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first {
      FileManager.default.isExecutableFile(atPath: $0)
    }
    guard let python else { return XCTFail("python3 is needed to run scripts/gen-catalog.py --check") }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: python)
    process.arguments = [Self.repositoryRoot.appendingPathComponent("scripts/gen-catalog.py").path, "--check"]
    let errors = Pipe()
    process.standardError = errors
    try process.run()
    process.waitUntilExit()
    let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    XCTAssertEqual(process.terminationStatus, 0, message)
  }

  static let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}
