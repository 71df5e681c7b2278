import Foundation
import TestSupport
import XCTest

/// What `validate` and `batch` conclude, run as a user runs them: JUnit that agrees with the exit
/// status, option values parsed strictly, runs that checked nothing are not passes, read problems
/// are findings, and the catalog a user supplies.
final class CLIValidationVerdictTests: XCTestCase {
  var dir = ""

  override func setUpWithError() throws { dir = try Fixtures.scratchFolder("yusuan-e2e-verdict") }
  override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: dir) }

  static var forms: String { Fixtures.sampleInput.appendingPathComponent("datong-kejiju-2023-performance.xlsx").path }

  /// What junitparser (a real JUnit consumer) counts in a report: tests, failures, skipped, and
  /// the names of the failing testcases.
  func junitparser(_ path: String) throws -> String {
    let script = """
      import sys, junitparser
      parsed = junitparser.JUnitXml.fromfile(sys.argv[1])
      suites = [parsed] if isinstance(parsed, junitparser.TestSuite) else list(parsed)
      cases = [c for s in suites for c in s]
      failed = [c.name for c in cases if any(isinstance(r, (junitparser.Failure, junitparser.Error)) for r in c.result)]
      print('tests=%d failures=%d skipped=%d failed=%s' % (len(cases), sum(s.failures for s in suites), sum(s.skipped for s in suites), ','.join(failed)))
      """
    return try Python3.run(script, arguments: [path], modules: ["junitparser"]).trimmingCharacters(
      in: .whitespacesAndNewlines)
  }

  func write(_ text: String, _ name: String) throws -> String {
    let path = dir + "/" + name
    try Fixtures.write(Array(text.utf8), to: path)
    return path
  }

  /// The sample JSON with one text replaced everywhere.
  func sampleJSON(replacing old: String, with new: String, name: String) throws -> String {
    let text = String(decoding: try Fixtures.bytes(Fixtures.fixtureJSON), as: UTF8.self)
    XCTAssertTrue(text.contains(old), "fixture changed: \(old) not found")
    return try write(text.replacingOccurrences(of: old, with: new), name)
  }

  // MARK: JUnit

  func testRegression_JUnitOfAValidDisclosureWithRoundingHasNoFailure() throws {
    let result = try E2E.expect(0, ["validate", Fixtures.sampleXLSX, "--format", "junit"])
    let report = try write(result.stdout, "valid.xml")
    XCTAssertEqual(try junitparser(report), "tests=80 failures=0 skipped=23 failed=")
    // The rounding findings are visible, not failing.
    XCTAssertTrue(result.stdout.contains("<system-out>[尾差] T6.total-row 预算公开表6 合计 合计：应为 972.34"), result.stdout)
    XCTAssertTrue(result.stdout.contains(#"<property name="rounding" value="2"/>"#), result.stdout)
    // With --strict they make the exit status 1, and the JUnit says so.
    let strict = try E2E.expect(1, ["validate", Fixtures.sampleXLSX, "--format", "junit", "--strict"])
    XCTAssertEqual(
      try junitparser(try write(strict.stdout, "strict.xml")), "tests=80 failures=1 skipped=23 failed=T6.total-row")
  }

  func testJUnitOfAnInvalidDisclosureFailsExactlyItsErrors() throws {
    let invalid = dir + "/invalid.json"
    try Fixtures.write(try BatchTrees.invalidJSON(), to: invalid)
    let json = try E2E.expect(1, ["validate", invalid, "--format", "json"])
    let value = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
    let errorRules = Set(
      ((value["findings"] as! [[String: Any]]).filter { $0["severity"] as? String == "error" }).map {
        $0["ruleId"] as! String
      })
    XCTAssertFalse(errorRules.isEmpty)
    let result = try E2E.expect(1, ["validate", invalid, "--format", "junit"])
    let counts = try junitparser(try write(result.stdout, "invalid.xml"))
    XCTAssertTrue(counts.hasPrefix("tests=80 failures=\(errorRules.count) skipped=23 failed="), counts)
    let failed = Set(counts.components(separatedBy: "failed=")[1].split(separator: ",").map(String.init))
    XCTAssertEqual(failed, errorRules)
    XCTAssertTrue(result.stdout.contains("<failure type=\"error\" message=\"预算公开表1"), result.stdout)
  }

  func testRegression_BatchJUnitCarriesEachDepartmentsFindings() throws {
    try FileManager.default.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: Fixtures.sampleXLSX, toPath: dir + "/in/good.xlsx")
    try Fixtures.write(try BatchTrees.invalidJSON(), to: dir + "/in/bad.json")
    try E2E.expect(1, ["batch", dir + "/in", "-o", dir + "/out", "--to", "json", "--report", dir + "/batch.xml"])
    XCTAssertEqual(try junitparser(dir + "/batch.xml"), "tests=2 failures=1 skipped=0 failed=bad.json")
    let xml = String(decoding: try Fixtures.bytes(dir + "/batch.xml"), as: UTF8.self)
    // The failure lists the errors with their cells; the good department's rounding is shown, not failed.
    XCTAssertTrue(xml.contains("[error] T1.balance 预算公开表1"), xml)
    XCTAssertTrue(xml.contains("cells: 预算公开表01.csv!B"), xml)
    let good = xml.components(separatedBy: #"name="good.xlsx""#)[1].components(separatedBy: "</testcase>")[0]
    XCTAssertFalse(good.contains("<failure"), good)
    XCTAssertTrue(good.contains("<system-out>[rounding] T6.total-row"), good)
    // A second run skips both departments and still carries the findings (from the manifest).
    try E2E.expect(1, ["batch", dir + "/in", "-o", dir + "/out", "--to", "json", "--report", dir + "/again.xml"])
    let again = String(decoding: try Fixtures.bytes(dir + "/again.xml"), as: UTF8.self)
    XCTAssertTrue(again.contains("[error] T1.balance 预算公开表1"), again)
  }

  // MARK: --tolerance

  func testRegression_ToleranceWithADecimalCommaIsRefusedNotReadAsOne() throws {
    let comma = try E2E.expect(2, ["validate", Fixtures.sampleXLSX, "--tolerance", "0,01"])
    XCTAssertEqual(comma.stderr, "--tolerance 的值“0,01”不是金额：小数点请用“.”，如 0.01（不用逗号）\n")
    XCTAssertEqual(comma.stdout, "")
    let en = try E2E.expect(2, ["validate", Fixtures.sampleXLSX, "--tolerance", "0,01", "--lang", "en"])
    XCTAssertTrue(en.stderr.contains(#"--tolerance value "0,01" is not an amount"#), en.stderr)
    try E2E.expect(2, ["batch", Fixtures.sampleXLSX, "-o", dir + "/out", "--tolerance", "0,01"])
    // 0.01 is accepted and absorbs the two rounding differences of 0.01.
    let dot = try E2E.expect(0, ["validate", Fixtures.sampleXLSX, "--tolerance", "0.01"])
    XCTAssertTrue(dot.stdout.contains("（容差 0.01）"), dot.stdout)
    XCTAssertTrue(dot.stdout.contains("错误 0，警告 0，尾差 0，提示 0"), dot.stdout)
  }

  func testRegression_NegativeToleranceIsRefusedWithAClearMessage() throws {
    let zh = try E2E.expect(2, ["validate", Fixtures.sampleXLSX, "--tolerance", "-1"])
    XCTAssertEqual(zh.stderr, "--tolerance 的值“-1”是负数：应为非负金额，如 0.01\n")
    let en = try E2E.expect(2, ["validate", Fixtures.sampleXLSX, "--tolerance", "-0.01", "--lang", "en"])
    XCTAssertEqual(en.stderr, "--tolerance value \"-0.01\" is negative: give a non-negative amount such as 0.01\n")
    let batch = try E2E.expect(2, ["batch", Fixtures.sampleXLSX, "-o", dir + "/out", "--tolerance", "-1"])
    XCTAssertTrue(batch.stderr.contains("是负数"), batch.stderr)
    for text in ["1e-2", "abc", "", "0.01.0", "+1"] {
      let r = try E2E.expect(2, ["validate", Fixtures.sampleXLSX, "--tolerance", text])
      XCTAssertTrue(r.stderr.contains("不是金额"), "\(text): \(r.stderr)")
    }
  }

  // MARK: What was checked

  func testRegression_FormsRulesAreNotApplicableWithoutForms() throws {
    let text = try E2E.expect(0, ["validate", Fixtures.sampleXLSX]).stdout
    XCTAssertTrue(text.contains("  F.form-missing — 未读入绩效目标申报表\n"), text)
    let passed = text.components(separatedBy: "通过的规则：")[1]
    XCTAssertFalse(passed.contains("F."), passed)
    let json = try E2E.expect(0, ["validate", Fixtures.sampleXLSX, "--format", "json", "--lang", "en"]).stdout
    let value = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
    let rule = (value["rules"] as! [[String: Any]]).first { $0["id"] as? String == "F.form-missing" }
    XCTAssertEqual(rule?["status"] as? String, "not-applicable")
    XCTAssertEqual(rule?["reason"] as? String, "no performance-target form was read")
    // With the forms they run (and pass).
    let both = try E2E.expect(0, ["validate", Fixtures.sampleXLSX, Self.forms]).stdout
    XCTAssertTrue(both.components(separatedBy: "通过的规则：")[1].contains("  F.form-missing "), both)
  }

  func testRegression_FormsWorkbookAloneIsNotAPass() throws {
    let text = try E2E.expect(1, ["validate", Self.forms])
    XCTAssertTrue(text.stdout.contains("规则 80 条：通过 0，发现问题 0，不适用 80"), text.stdout)
    XCTAssertTrue(text.stdout.contains("[错误] run.nothing-checked 未做任何检查：80 条规则均不适用"), text.stdout)
    XCTAssertTrue(text.stdout.contains("单元格：datong-kejiju-2023-performance.xlsx\n"), text.stdout)
    let json = try E2E.expect(1, ["validate", Self.forms, "--format", "json"]).stdout
    XCTAssertTrue(json.contains(#""ruleId": "run.nothing-checked""#), json)
    let junit = try E2E.expect(1, ["validate", Self.forms, "--format", "junit"]).stdout
    XCTAssertEqual(
      try junitparser(try write(junit, "forms.xml")), "tests=81 failures=1 skipped=80 failed=run.nothing-checked")
  }

  func testRegression_BatchOnAnEmptyTreeIsNotAPass() throws {
    try FileManager.default.createDirectory(atPath: dir + "/in/sub", withIntermediateDirectories: true)
    try Fixtures.write(Array("notes".utf8), to: dir + "/in/sub/readme.txt")
    let result = try E2E.expect(2, ["batch", dir + "/in", "-o", dir + "/out"])
    XCTAssertTrue(result.stderr.contains("中没有任何部门"), result.stderr)
    XCTAssertTrue(result.stderr.contains("未做任何检查"), result.stderr)
    let en = try E2E.expect(2, ["batch", dir + "/in", "-o", dir + "/out", "--lang", "en"])
    XCTAssertTrue(en.stderr.contains("nothing was checked"), en.stderr)
  }

  // MARK: Read findings

  /// The sample CSVs with one record of a table replaced (it must occur once); returns the folder.
  func csvFolder(table: Int, replacing old: String, with new: String) throws -> String {
    let folder = dir + "/csv"
    try FileManager.default.copyItem(atPath: Fixtures.sampleCSVFolder, toPath: folder)
    let file = Fixtures.csvFile(table, folder: folder)
    let text = String(decoding: try Fixtures.bytes(file), as: UTF8.self)
    XCTAssertEqual(text.components(separatedBy: old).count, 2, "fixture changed: \(old)")
    try Fixtures.write(Array(text.replacingOccurrences(of: old, with: new).utf8), to: file)
    return folder
  }

  func testRegression_AnAmountThatIsNotANumberIsAFindingWithItsCell() throws {
    // 表3 2060101 行政运行 项目支出 (E8) holds 46.07; as 一百 it is read as blank.
    let folder = try csvFolder(
      table: 3, replacing: "2060101,行政运行,348.97,302.90,46.07", with: "2060101,行政运行,348.97,302.90,一百")
    let text = try E2E.expect(1, ["validate", folder]).stdout
    XCTAssertTrue(
      text.contains("[警告] read.amount-not-a-number 预算公开表03.csv!E8：金额“一百”不是数字，按空白读取\n    单元格：预算公开表03.csv!E8\n"), text)
    let json = try E2E.expect(1, ["validate", folder, "--format", "json", "--lang", "en"]).stdout
    let value = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
    let read = (value["findings"] as! [[String: Any]]).filter { $0["ruleId"] as? String == "read.amount-not-a-number" }
    XCTAssertEqual(read.count, 1, json)
    XCTAssertEqual(read.first?["severity"] as? String, "warning")
    XCTAssertEqual(read.first?["cells"] as? [String], ["预算公开表03.csv!E8"])
    XCTAssertEqual(read.first?["message"] as? String, "预算公开表03.csv!E8：amount \"一百\" is not a number; read as blank")
    XCTAssertEqual((value["summary"] as? [String: Any])?["warnings"] as? Int, 1)
    let junit = try E2E.expect(1, ["validate", folder, "--format", "junit"]).stdout
    XCTAssertTrue(
      junit.contains(#"<testcase classname="yusuan.read" name="read.amount-not-a-number" time="0">"#), junit)
    XCTAssertTrue(junit.contains("<system-out>[警告] read.amount-not-a-number 预算公开表03.csv!E8"), junit)
  }

  func testReadWarningsCountInTheExitStatusOnlyWithStrict() throws {
    // Text in a cell that is blank in the sample (表2 2060101 上年结转, column I) changes no sum:
    // only the read warning remains.
    let folder = try csvFolder(
      table: 2, replacing: "2060101,行政运行,348.97,348.97,,,,,", with: "2060101,行政运行,348.97,348.97,,,,,一百")
    let report = try E2E.expect(0, ["validate", folder, "--tolerance", "0.01"])
    XCTAssertTrue(report.stdout.contains("错误 0，警告 1，尾差 0，提示 0"), report.stdout)
    XCTAssertTrue(report.stdout.contains("[警告] read.amount-not-a-number 预算公开表02.csv!I8："), report.stdout)
    try E2E.expect(1, ["validate", folder, "--tolerance", "0.01", "--strict"])
    let junit = try E2E.expect(1, ["validate", folder, "--tolerance", "0.01", "--strict", "--format", "junit"]).stdout
    XCTAssertEqual(
      try junitparser(try write(junit, "strict.xml")), "tests=81 failures=1 skipped=23 failed=read.amount-not-a-number")
  }

  // MARK: Catalog

  func testRegression_UnknownCodeIsInfoWithTheShippedCatalogAndAWarningWithACompleteOne() throws {
    // 2060101 renamed 2060198 everywhere: a valid code under 20601 that the catalog lacks.
    let input = try sampleJSON(replacing: "\"2060101\"", with: "\"2060198\"", name: "unknown-code.json")
    let shipped = try E2E.expect(0, ["validate", input, "--tolerance", "0.01", "--strict"])
    XCTAssertTrue(
      shipped.stdout.contains("[提示] catalog.known 预算公开表2 2060198 行政运行：科目编码 2060198 不在政府收支分类科目中"), shipped.stdout)
    XCTAssertTrue(shipped.stdout.contains("错误 0，警告 0，尾差 0，提示 5"), shipped.stdout)
    // A complete functional catalog (here the shipped list itself): the same code is a warning.
    let complete = Fixtures.repoRoot.appendingPathComponent("catalog/2023/functional.csv").path
    let strict = try E2E.expect(
      1, ["validate", input, "--tolerance", "0.01", "--strict", "--catalog", complete, "--catalog-complete"])
    XCTAssertTrue(strict.stdout.contains("[警告] catalog.known 预算公开表2 2060198 行政运行"), strict.stdout)
    try E2E.expect(0, ["validate", input, "--tolerance", "0.01", "--catalog", complete, "--catalog-complete"])
    // An office's catalog as a workbook (title row, 科目编码 as numbers) that lists the code extends the shipped one.
    let xlsx = dir + "/科目.xlsx"
    try OpenpyxlWriter.write(
      [SheetSpec("科目", [["2023年政府收支分类科目", ""], ["科目编码", "科目名称"], ["=2060198", "行政运行"]])], to: xlsx)
    let extended = try E2E.expect(0, ["validate", input, "--tolerance", "0.01", "--strict", "--catalog", xlsx]).stdout
    XCTAssertFalse(extended.contains("catalog.known 预算公开表"), extended)
    XCTAssertTrue(extended.contains("错误 0，警告 0，尾差 0，提示 0"), extended)
    // A name the user's catalog gives differently is an error, as with the shipped one.
    let renamed = try write("科目编码,科目名称\n2060198,科技行政运行\n", "renamed.csv")
    let named = try E2E.expect(1, ["validate", input, "--tolerance", "0.01", "--catalog", renamed]).stdout
    XCTAssertTrue(named.contains("[错误] catalog.name 预算公开表2 2060198 行政运行：科目 2060198 的规范名称为“科技行政运行”"), named)
  }

  func testBatchValidatesAgainstTheCatalogGiven() throws {
    // 机构运行 printed as 机构运作 in every table: only the catalog can tell.
    let text = String(decoding: try Fixtures.bytes(Fixtures.fixtureJSON), as: UTF8.self)
    try Fixtures.write(Array(text.replacingOccurrences(of: "\"机构运行\"", with: "\"机构运作\"").utf8), to: dir + "/in/m.json")
    try E2E.expect(1, ["batch", dir + "/in", "-o", dir + "/out", "--to", "json"])
    // A catalog that names the two codes so: the department is valid, and the changed catalog
    // (part of the manifest key) makes the batch redo it rather than skip it.
    let catalog = try write("科目编码,科目名称\n2060201,机构运作\n2060501,机构运作\n", "ours.csv")
    try E2E.expect(
      0, ["batch", dir + "/in", "-o", dir + "/out", "--to", "json", "--catalog", catalog, "--report", dir + "/r.csv"])
    let report = String(decoding: try Fixtures.bytes(dir + "/r.csv"), as: UTF8.self)
    XCTAssertTrue(report.contains("m.json,大同市科学技术局[部门],2023,ok,2,m.json,no,"), report)
  }

  func testCatalogFileThatIsNotACatalogIsRefused() throws {
    let noHeader = try write("a,b\n1,2\n", "bad.csv")
    let r = try E2E.expect(2, ["validate", Fixtures.sampleXLSX, "--catalog", noHeader])
    XCTAssertTrue(r.stderr.contains("找不到表头"), r.stderr)
    let badCode = try write("code,name\n2x60101,行政运行\n", "bad-code.csv")
    let c = try E2E.expect(2, ["validate", Fixtures.sampleXLSX, "--catalog", badCode, "--lang", "en"])
    XCTAssertTrue(c.stderr.contains("bad-code.csv"), c.stderr)
    try E2E.expect(2, ["validate", Fixtures.sampleXLSX, "--catalog", dir + "/none.csv"])
    let alone = try E2E.expect(2, ["validate", Fixtures.sampleXLSX, "--catalog-complete"])
    XCTAssertEqual(alone.stderr, "--catalog-complete 需要同时给出 --catalog 文件\n")
  }
}
