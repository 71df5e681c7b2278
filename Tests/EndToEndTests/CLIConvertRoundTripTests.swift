import Budget
import Foundation
import TestSupport
import XCTest

/// `yusuan convert` between every format and back loses nothing (models compared without provenance).
final class CLIConvertRoundTripTests: XCTestCase {
  var folder = ""

  override func setUpWithError() throws {
    folder = try Fixtures.scratchFolder("yusuan-e2e")
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(atPath: folder)
  }

  func testXLSXToJSONIsTheReference() throws {
    let json = folder + "/out.json"
    let result = try E2E.expect(0, ["convert", Fixtures.sampleXLSX, "-o", json])
    XCTAssertTrue(result.stderr.contains("表 1,2,3,4,5,6,7,8,9,10,11,12,13"), result.stderr)
    XCTAssertEqual(try E2E.model(json).withoutProvenance(), try E2E.reference())
    XCTAssertEqual(try E2E.model(json).table(3)?.source?.sheet, "预算公开表3")
  }

  func testCSVFolderToJSONIsTheFixtureByteForByte() throws {
    let json = folder + "/out.json"
    try E2E.expect(0, ["convert", Fixtures.sampleCSVFolder, "-o", json])
    XCTAssertEqual(try Fixtures.bytes(json), try Fixtures.bytes(Fixtures.fixtureJSON))
    try E2E.expect(0, ["convert", Fixtures.sampleGB18030Folder, "-o", folder + "/gb.json"])
    XCTAssertEqual(try E2E.model(folder + "/gb.json").withoutProvenance(), try E2E.reference())
  }

  func testXLSXToXLSXAndBack() throws {
    let xlsx = folder + "/公开表.xlsx"
    try E2E.expect(0, ["convert", Fixtures.sampleXLSX, "-o", xlsx])
    try E2E.expect(0, ["convert", xlsx, "-o", folder + "/back.json"])
    XCTAssertEqual(try E2E.model(folder + "/back.json").withoutProvenance(), try E2E.reference())
  }

  func testJSONToXLSXAndBack() throws {
    let xlsx = folder + "/from-json.xlsx"
    try E2E.expect(0, ["convert", Fixtures.fixtureJSON, "-o", xlsx])
    try E2E.expect(0, ["convert", xlsx, "-o", folder + "/back.json"])
    XCTAssertEqual(try E2E.model(folder + "/back.json").withoutProvenance(), try E2E.reference())
  }

  func testJSONToJSONIsByteIdentical() throws {
    let json = folder + "/copy.json"
    try E2E.expect(0, ["convert", Fixtures.fixtureJSON, "-o", json])
    XCTAssertEqual(try Fixtures.bytes(json), try Fixtures.bytes(Fixtures.fixtureJSON))
  }

  func testCSVInBothLayoutsAndAllEncodingsAndBack() throws {
    let reference = try E2E.reference()
    for layout in ["tidy", "disclosure"] {
      for encoding in ["utf-8", "utf-8-bom", "gb18030"] {
        let out = folder + "/csv-\(layout)-\(encoding)"
        try E2E.expect(
          0, ["convert", Fixtures.sampleXLSX, "-o", out, "--to", "csv", "--csv-layout", layout, "--encoding", encoding])
        let files = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        XCTAssertEqual(files, (1...13).map { String(format: "预算公开表%02d.csv", $0) })
        let bytes = try Fixtures.bytes(out + "/预算公开表03.csv")
        XCTAssertEqual(
          Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF], encoding == "utf-8-bom", "\(layout) \(encoding) BOM")
        // Decoded by Python's codecs, independently of Yusuan's iconv use.
        let text = try Python3.run(
          "import sys; sys.stdout.write(open(sys.argv[1], encoding=sys.argv[2]).read())",
          arguments: [out + "/预算公开表03.csv", encoding == "gb18030" ? "gb18030" : "utf-8-sig"])
        if encoding == "gb18030" {
          XCTAssertNil(String(validating: bytes, as: UTF8.self), "GB18030 bytes are not UTF-8")
        }
        XCTAssertTrue(text.contains("行政运行"), "\(layout) \(encoding) decodes")
        if layout == "tidy" {
          XCTAssertTrue(
            text.contains(
              "datong-shanxi,3,expenditure-summary,2023年预算支出总表,大同市科学技术局[部门],2023,万元,main,item,2060101,行政运行,,348.97,302.90,46.07"
            ), text)
        } else {
          XCTAssertTrue(text.contains("2060101,行政运行,348.97,302.90,46.07"), text)
        }
        let json = out + ".json"
        try E2E.expect(0, ["convert", out, "-o", json])
        XCTAssertEqual(try E2E.model(json).withoutProvenance(), reference, "\(layout) \(encoding)")
      }
    }
  }

  func testSingleCSVFileConvertsOneTable() throws {
    let json = folder + "/t3.json"
    try E2E.expect(0, ["convert", Fixtures.csvFile(3), "-o", json])
    let model = try E2E.model(json)
    XCTAssertEqual(model.tables.map(\.number), [3])
    XCTAssertEqual(model.table(3)?.withoutProvenance(), try E2E.reference().table(3))
  }
}
