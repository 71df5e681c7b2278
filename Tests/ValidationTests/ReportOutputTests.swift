import Budget
import Foundation
import Sheets
import Validation
import XCTest

final class ReportOutputTests: XCTestCase {
  func brokenReport() throws -> Report {
    // Two findings (the real 表6 drift) plus an error whose names need XML escaping.
    let d = try loadFixture().renaming(12, row: named("J局机关电费"), name: "J局<机关>&\"电费\"\u{1}")
      .changing(12, row: { $0.name.hasPrefix("J局<") }, column: ColumnKey.generalPublic, to: amt("0.69"))
    return RuleSet.standard.validate(d, catalog: TestCatalog())
  }

  func testTextReportSaysWhatRanWhatDidNotAndWhy() throws {
    let text = try brokenReport().text()
    XCTAssertTrue(text.contains("规则 80 条：通过 54，发现问题 3，不适用 23"), text)
    XCTAssertTrue(text.contains("错误 2，警告 0，尾差 2，提示 0"), text)
    XCTAssertTrue(text.contains("发现问题的规则：\n  T12.fund-sources 预算公开表12 每行 合计 = 各资金来源列之和（1 条）\n"), text)
    XCTAssertTrue(text.contains("F.form-missing — 未读入绩效目标申报表"), text)
    XCTAssertTrue(text.contains("[尾差] T6.total-row 预算公开表6 合计 合计：应为 972.34（各类之和），实为 972.35，相差 0.01"), text)
    XCTAssertTrue(text.contains("    单元格：预算公开表06.csv!C5, 预算公开表06.csv!C6"), text)
    XCTAssertTrue(text.contains("T9.hierarchy — 预算公开表9无数据"), text)
    XCTAssertTrue(text.contains("  T2.hierarchy 预算公开表2 类 = Σ款、款 = Σ项（各金额列）"), text)
    let en = try brokenReport().text(.en)
    XCTAssertTrue(en.contains("80 rules: 54 passed, 3 with findings, 23 not applicable"), en)
    XCTAssertTrue(en.contains("F.form-missing — no performance-target form was read"), en)
    XCTAssertTrue(en.contains("T13.fund-sources — table 13 holds no amounts"), en)
  }

  func testJSONIsStableAndExact() throws {
    let json = try brokenReport().json()
    let value = try JSONValue.parse(Array(json.utf8))
    XCTAssertEqual(value["format"]?.stringValue, "yusuan-validation")
    let rules = value["rules"]?.arrayValue ?? []
    XCTAssertEqual(rules.count, 80)
    XCTAssertEqual(rules.first?["id"]?.stringValue, "T2.hierarchy")
    XCTAssertEqual(rules.first { $0["id"]?.stringValue == "T9.hierarchy" }?["status"]?.stringValue, "not-applicable")
    XCTAssertEqual(rules.first { $0["id"]?.stringValue == "T9.hierarchy" }?["reason"]?.stringValue, "预算公开表9无数据")
    let findings = value["findings"]?.arrayValue ?? []
    XCTAssertEqual(findings.count, 4)
    XCTAssertEqual(
      findings.map { $0["ruleId"]?.stringValue ?? "" },
      ["T12.fund-sources", "T6.total-row", "T6.total-row", "X.t12-t5.project"])
    XCTAssertEqual(findings.map { $0["severity"]?.stringValue ?? "" }, ["error", "rounding", "rounding", "error"])
    XCTAssertTrue(json.contains("\"expected\": 972.34"), json)
    XCTAssertTrue(json.contains("\"found\": 972.35"), json)
    XCTAssertTrue(json.contains("\"difference\": 0.01"), json)
    XCTAssertEqual(value["summary"]?["errors"], .number("2"))
    // Deterministic: the same input gives the same bytes.
    XCTAssertEqual(json, try brokenReport().json())
  }

  /// JUnit XML parses with python3's xml.etree and with junitparser (scripts/install-test-deps.sh),
  /// and its failures agree with the exit status: the two errors fail, the two rounding
  /// findings are in `<system-out>` (with `strict` they fail too).
  func testJUnitParsesWithPythonAndJunitparser() throws {
    let report = try brokenReport()
    let xml = report.junit()
    XCTAssertTrue(xml.contains("&lt;机关&gt;&amp;&quot;电费&quot;"), xml)
    XCTAssertFalse(xml.unicodeScalars.contains("\u{1}"))
    XCTAssertTrue(xml.contains("<system-out>[尾差] T6.total-row 预算公开表6 合计 合计：应为 972.34"), xml)
    XCTAssertEqual(report.exitStatus(), 1)
    XCTAssertEqual(try junitCounts(xml), "etree testsuite 80 2 23 | junitparser 80 2 23 | suite failures=2 skipped=23")
    XCTAssertEqual(
      try junitCounts(report.junit(strict: true)),
      "etree testsuite 80 3 23 | junitparser 80 3 23 | suite failures=3 skipped=23")
  }

  /// What a JUnit consumer counts: testcases, failures and skipped, by xml.etree, by junitparser's
  /// results and by the suite attributes junitparser reads.
  func junitCounts(_ xml: String) throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "yusuan-junit-\(getpid())-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("report.xml")
    try xml.write(to: file, atomically: true, encoding: .utf8)
    let (status, out) = try runPython(Self.junitScript, args: [file.path])
    XCTAssertEqual(status, 0, out)
    return out.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "\n", with: " | ")
  }

  static let junitScript = """
    import sys, xml.etree.ElementTree as ET
    root = ET.parse(sys.argv[1]).getroot()
    cases = root.findall('testcase')
    print('etree', root.tag, len(cases), len(root.findall('testcase/failure')), len(root.findall('testcase/skipped')))
    try:
        import junitparser
    except ImportError:
        print('MISSING junitparser: run scripts/install-test-deps.sh'); sys.exit(3)
    parsed = junitparser.JUnitXml.fromfile(sys.argv[1])
    suites = [parsed] if isinstance(parsed, junitparser.TestSuite) else list(parsed)
    n = f = s = 0
    for suite in suites:
        for case in suite:
            n += 1
            for r in case.result:
                if isinstance(r, junitparser.Failure): f += 1
                if isinstance(r, junitparser.Skipped): s += 1
    print('junitparser', n, f, s)
    print('suite failures=%d skipped=%d' % (sum(x.failures for x in suites), sum(x.skipped for x in suites)))
    """

  func runPython(_ script: String, args: [String]) throws -> (Int32, String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3", "-c", script] + args
    let pipe = Pipe()
    p.standardOutput = pipe
    p.standardError = pipe
    do { try p.run() } catch {
      XCTFail("python3 not found: \(error)")
      throw error
    }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: data, as: UTF8.self))
  }
}
