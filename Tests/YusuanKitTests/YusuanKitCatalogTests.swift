import Foundation
import TestSupport
import XCTest

@testable import YusuanKit

/// The catalog the facade and the batch validate with.
final class YusuanKitCatalogTests: XCTestCase {
  var dir = ""

  override func setUpWithError() throws { dir = try Fixtures.scratchFolder("yusuankit-catalog") }
  override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: dir) }

  /// The sample with 2060201/2060501 机构运行 printed as 机构运作 in every table: the tables agree
  /// with each other, so only the catalog can tell the name is wrong.
  func misnamedDepartment() throws -> String {
    let text = String(decoding: try Fixtures.bytes(Fixtures.fixtureJSON), as: UTF8.self)
    XCTAssertTrue(text.contains("\"机构运行\""))
    let path = dir + "/in/misnamed.json"
    try Fixtures.write(Array(text.replacingOccurrences(of: "\"机构运行\"", with: "\"机构运作\"").utf8), to: path)
    return path
  }

  func testRegression_BatchRunsTheCatalogRules() throws {
    let path = try misnamedDepartment()
    let plan = try BatchPlan.discover([dir + "/in"], output: dir + "/out")
    var options = BatchOptions(formats: [.json])
    options.configuration.language = .en
    let summary = try BatchRunner(plan: plan, options: options).run()
    XCTAssertEqual(summary.rows.map(\.status), [.findings])
    let catalogFindings = (summary.rows[0].details ?? []).filter { $0.ruleId == "catalog.name" }
    XCTAssertGreaterThanOrEqual(catalogFindings.count, 2, "\(summary.rows[0].details ?? [])")
    XCTAssertTrue(catalogFindings.allSatisfy { $0.severity == "error" && $0.fails })
    XCTAssertTrue(
      catalogFindings.contains { $0.message.contains("code 2060201 is named “机构运行” in the catalog, “机构运作” here") })
    // The facade's default is the same catalog, so the batch agrees with `yusuan validate`.
    let report = Yusuan.validate(try Yusuan.read([path]))
    XCTAssertTrue(report.catalogUsed)
    XCTAssertEqual(report.findings.filter { $0.ruleId == "catalog.name" }.count, catalogFindings.count)
    XCTAssertEqual(report.findings.count, summary.rows[0].findings)
  }

  func testACatalogFileExtendsOrReplacesTheShippedOne() throws {
    let csv = dir + "/科目.csv"
    try Fixtures.write(Array("\u{FEFF}功能分类科目编码,科目名称,备注\n206,科学技术支出,\n20601,科学技术管理事务,\n2060198,新科目,试点\n".utf8), to: csv)
    let extended = try Yusuan.catalog(file: csv, complete: false)
    XCTAssertEqual(extended.entry("2060198", kind: .functional)?.name, "新科目")
    XCTAssertNotNil(extended.entry("2060101", kind: .functional), "the shipped codes stay")
    XCTAssertFalse(extended.isComplete(.functional))
    let complete = try Yusuan.catalog(file: csv, complete: true)
    XCTAssertNil(complete.entry("2060101", kind: .functional), "a complete file replaces the functional codes")
    XCTAssertEqual(complete.entries.filter { $0.kind == .functional }.count, 3)
    XCTAssertNotNil(complete.entry("30101", kind: .economicDepartment), "other classifications stay shipped")
    XCTAssertTrue(complete.isComplete(.functional))
    XCTAssertFalse(complete.isComplete(.economicDepartment))
    // A 项 whose 款 is in neither the file nor the shipped catalog is refused, naming the line.
    try Fixtures.write(Array("code,name\n2069801,无父科目\n".utf8), to: dir + "/orphan.csv")
    XCTAssertThrowsError(try Yusuan.catalog(file: dir + "/orphan.csv", complete: false)) { error in
      XCTAssertTrue(String(describing: error).contains("orphan.csv"), "\(error)")
    }
  }

  func testBatchReportsReadProblemsAsFindings() throws {
    let folder = dir + "/in/csv"
    try FileManager.default.copyItem(atPath: Fixtures.sampleCSVFolder, toPath: folder)
    let file = Fixtures.csvFile(2, folder: folder)
    let text = String(decoding: try Fixtures.bytes(file), as: UTF8.self)
    let line = "2060101,行政运行,348.97,348.97,,,,,"
    XCTAssertEqual(text.components(separatedBy: line).count, 2)
    try Fixtures.write(Array(text.replacingOccurrences(of: line, with: line + "一百").utf8), to: file)
    let plan = try BatchPlan.discover([dir + "/in"], output: dir + "/out")
    var options = BatchOptions(formats: [.json])
    options.configuration.tolerance = Amount(parsing: "0.01")!
    XCTAssertEqual(try BatchRunner(plan: plan, options: options).run().rows.map(\.status), [.ok])
    options.strict = true
    options.force = true
    let strict = try BatchRunner(plan: plan, options: options).run()
    XCTAssertEqual(strict.rows.map(\.status), [.findings])
    XCTAssertEqual(strict.rows[0].details?.map(\.ruleId), ["read.amount-not-a-number"])
    XCTAssertEqual(strict.rows[0].details?.first?.cells, ["预算公开表02.csv!I8"])
  }
}
