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
    XCTAssertTrue(lines[0].contains("narrative-2023.txt:91") && lines[0].contains("0.96个百分比") && lines[0].contains("0.97%"))
    XCTAssertTrue(lines[1].contains("narrative-2023.txt:109") && lines[1].contains("879万元") && lines[1].contains("66.07万元"))
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
