import Foundation
import TestSupport
import XCTest

/// `yusuan narrative` and `convert` with the forms workbook, through the binary.
final class CLINarrativeTests: XCTestCase {
  let fixtures = Fixtures.repoRoot.appendingPathComponent("Tests/Fixtures")
  var tables: String { fixtures.appendingPathComponent("datong-kejiju-2023.xlsx").path }
  var forms: String { fixtures.appendingPathComponent("datong-kejiju-2023-performance.xlsx").path }
  var published: String { fixtures.appendingPathComponent("narrative-2023.txt").path }

  func testGenerateWithPreviousTotal() throws {
    let result = try E2E.expect(0, ["narrative", tables, "--previous-total", "889.83"])
    XCTAssertTrue(result.stdout.contains("2023年度预算收入总计1,331.42万元，其中：本年收入1,331.42万元，上年结转0万元，比上年增加441.59万元，增加49.63%"))
    XCTAssertTrue(result.stdout.contains("一般公共预算拨款收入1,038.42万元，占77.99%"))
  }

  func testGenerateWithPreviousInput() throws {
    let folder = try Fixtures.scratchFolder("yusuan-e2e-narrative")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    // Last year's input: this year's JSON with 收入总计 changed, to prove --previous is read.
    let json = try String(contentsOfFile: Fixtures.fixtureJSON, encoding: .utf8)
    let previous = (folder as NSString).appendingPathComponent("2022.json")
    try json.replacingOccurrences(of: "\"收入总计\", \"amounts\": [1331.42]", with: "\"收入总计\", \"amounts\": [889.83]")
      .write(toFile: previous, atomically: true, encoding: .utf8)
    let result = try E2E.expect(0, ["narrative", tables, "--previous", previous])
    XCTAssertTrue(result.stdout.contains("比上年增加441.59万元，增加49.63%"), result.stdout)
  }

  func testCheckListsTheTwoDisagreeingFiguresAndExitsOne() throws {
    let result = try E2E.expect(1, ["narrative", tables, forms, "--check", published])
    let lines = E2E.lines(result.stdout)
    XCTAssertEqual(lines.count, 3, result.stdout)
    XCTAssertTrue(
      lines[0].contains("narrative-2023.txt:91") && lines[0].contains("0.96个百分比") && lines[0].contains("0.97%"))
    XCTAssertTrue(
      lines[1].contains("narrative-2023.txt:109") && lines[1].contains("879万元") && lines[1].contains("66.07万元"))
  }

  func testCheckAgreeingTextExitsZero() throws {
    let folder = try Fixtures.scratchFolder("yusuan-e2e-narrative")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let generated = try E2E.expect(0, ["narrative", tables, "--previous-total", "889.83"]).stdout
    let path = (folder as NSString).appendingPathComponent("ok.md")
    try generated.write(toFile: path, atomically: true, encoding: .utf8)
    let result = try E2E.expect(0, ["narrative", tables, "--check", path, "--lang", "en"])
    XCTAssertTrue(result.stdout.contains(", 0 disagree"), result.stdout)
  }

  func testUnreadableInputsExitTwo() throws {
    try E2E.expect(2, ["narrative", tables, "--check", "/nonexistent/情况说明.txt"])
    try E2E.expect(2, ["narrative", "/nonexistent/预算.xlsx"])
    try E2E.expect(2, ["narrative", tables, "--previous-total", "很多"])
  }

  func testConvertTablesAndFormsIntoOneJSON() throws {
    let folder = try Fixtures.scratchFolder("yusuan-e2e-forms")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let out = (folder as NSString).appendingPathComponent("d.json")
    try E2E.expect(0, ["convert", tables, forms, "-o", out])
    let model = try E2E.model(out)
    XCTAssertEqual(model.tables.count, 13)
    XCTAssertEqual(model.forms.count, 11)
    XCTAssertEqual(model.departmentCode, "055")
    try E2E.expect(0, ["validate", out])
  }
}

/// Issue 19, item 3: the narrative writes only what its tables support, and `--check` never
/// reports success without having compared anything.
final class CLINarrativeHonestyTests: XCTestCase {
  let fixtures = Fixtures.repoRoot.appendingPathComponent("Tests/Fixtures")
  var tables: String { fixtures.appendingPathComponent("datong-kejiju-2023.xlsx").path }
  var forms: String { fixtures.appendingPathComponent("datong-kejiju-2023-performance.xlsx").path }
  var published: String { fixtures.appendingPathComponent("narrative-2023.txt").path }

  func scratch() throws -> String {
    let folder = try Fixtures.scratchFolder("yusuan-e2e-narrative-honesty")
    addTeardownBlock { try? FileManager.default.removeItem(atPath: folder) }
    return folder
  }

  /// A folder with only 表1, 表3 and 表6 of the sample.
  func tables136() throws -> String {
    let folder = try scratch() + "/t136"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    for n in [1, 3, 6] {
      let source = Fixtures.csvFile(n)
      try FileManager.default.copyItem(atPath: source, toPath: folder + "/" + (source as NSString).lastPathComponent)
    }
    return folder
  }

  func testRegression_NarrativeWithoutTheTablesOfASectionSaysSoInsteadOfPrintingZeros() throws {
    let result = try E2E.expect(0, ["narrative", try tables136()])
    for invented in ["财政拨款收支总预算0万元", "支出包括：。", "其中：。", "项目0个", "当年拨款0万元", "年初预算0万元"] {
      XCTAssertFalse(result.stdout.contains(invented), "prints \(invented):\n\(result.stdout)")
    }
    XCTAssertTrue(result.stdout.contains("### 四、财政拨款收支预算总体情况说明\n\n> 无法生成：缺少预算公开表4（财政拨款收支总表）。"), result.stdout)
    XCTAssertTrue(result.stdout.contains("### 七、“三公”经费预算情况说明\n\n> 无法生成：缺少预算公开表10"), result.stdout)
    XCTAssertTrue(result.stdout.contains("### 十、绩效管理情况\n\n> 无法生成：缺少预算公开表12"), result.stdout)
    // What the three tables support is still written.
    XCTAssertTrue(result.stdout.contains("其中：基本支出972.35万元，占73.03%；项目支出359.07万元，占26.97%。"))
    XCTAssertTrue(result.stdout.contains("其中：人员经费899.73万元；公用经费72.62万元。"))
    XCTAssertTrue(result.stderr.contains("缺少预算公开表4、预算公开表5、预算公开表10、预算公开表11、预算公开表12"), result.stderr)
  }

  func testRegression_SectionNumbersDoNotJumpFromEightToTen() throws {
    let result = try E2E.expect(0, ["narrative", tables, forms])
    let numerals = result.stdout.split(separator: "\n").filter { $0.hasPrefix("### ") }.compactMap {
      $0.dropFirst(4).first
    }
    XCTAssertEqual(String(numerals), "一二三四五六七八九十", result.stdout)
    XCTAssertTrue(result.stdout.contains("### 九、政府采购情况\n\n> 无法生成：预算公开表1–13 不含政府采购预算"), result.stdout)
  }

  func testRegression_CheckOfATextWithoutFiguresIsAFailureNotSuccess() throws {
    let path = try scratch() + "/空.txt"
    try "第三部分 2023年度部门预算情况说明\n本部门今年没有写数字。\n".write(toFile: path, atomically: true, encoding: .utf8)
    let result = try E2E.expect(2, ["narrative", tables, "--check", path])
    XCTAssertFalse(result.stdout.contains("核对 0 个数字"), result.stdout)
    XCTAssertTrue(result.stderr.contains("没有可与表核对的数字"), result.stderr)
    let english = try E2E.expect(2, ["narrative", tables, "--check", path, "--lang", "en"])
    XCTAssertTrue(english.stderr.contains("has no figure the tables can confirm"), english.stderr)
  }

  func testRegression_PublishedTextWithoutLineBreaksIsStillChecked() throws {
    let path = try scratch() + "/一行.txt"
    let text = try String(contentsOfFile: published, encoding: .utf8)
    try text.replacingOccurrences(of: "\n", with: "").write(toFile: path, atomically: true, encoding: .utf8)
    let result = try E2E.expect(1, ["narrative", tables, forms, "--check", path])
    let lines = E2E.lines(result.stdout)
    XCTAssertEqual(lines.count, 3, result.stdout)
    guard lines.count == 3 else { return }
    XCTAssertTrue(lines[0].contains("0.96个百分比") && lines[0].contains("0.97%"), result.stdout)
    XCTAssertTrue(lines[1].contains("879万元") && lines[1].contains("66.07万元"), result.stdout)
    // The same figures as the text with its line breaks.
    let original = try E2E.expect(1, ["narrative", tables, forms, "--check", published])
    XCTAssertEqual(lines.last, E2E.lines(original.stdout).last)
  }

  func testRegression_GBKTextIsReadAndAMissingFileIsCalledMissing() throws {
    let path = try scratch() + "/情况说明-gbk.txt"
    let iconv = try Subprocess.run("/bin/sh", ["-c", "iconv -f UTF-8 -t GBK \"$0\" > \"$1\"", published, path])
    XCTAssertEqual(iconv.status, 0, iconv.stderr)
    XCTAssertNil(
      String(data: try Data(contentsOf: URL(fileURLWithPath: path)), encoding: .utf8), "the text is not UTF-8")
    let result = try E2E.expect(1, ["narrative", tables, forms, "--check", path])
    XCTAssertTrue(result.stdout.contains("核对 61 个数字，2 个与表不符"), result.stdout)
    let missing = try E2E.expect(2, ["narrative", tables, "--check", "/nonexistent/情况说明.txt"])
    XCTAssertTrue(missing.stderr.contains("找不到文件 /nonexistent/情况说明.txt"), missing.stderr)
    XCTAssertFalse(missing.stderr.contains("UTF-8"), missing.stderr)
  }

  func testRegression_MessagesNameTheFigureNotAnInternalKey() throws {
    let result = try E2E.expect(1, ["narrative", tables, forms, "--check", published])
    XCTAssertFalse(result.stdout.contains("operating.change"), result.stdout)
    XCTAssertFalse(result.stdout.contains("performance."), result.stdout)
    XCTAssertTrue(result.stdout.contains("（机关运行经费比上年增减幅度）"), result.stdout)
    XCTAssertTrue(result.stdout.contains("（绩效目标管理项目的一般公共预算当年拨款）"), result.stdout)
  }
}
