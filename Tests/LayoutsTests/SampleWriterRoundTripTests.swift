import Budget
import Foundation
import Layouts
import Sheets
import TestSupport
import XCTest

/// The sample written by DisclosureWriter in every format, layout and encoding reads back as the same model.
final class SampleWriterRoundTripTests: XCTestCase {
  var folder = ""

  override func setUpWithError() throws {
    folder = try Fixtures.scratchFolder("yusuan-writer-rt")
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(atPath: folder)
  }

  func testXLSXRoundTrip() throws {
    let original = try SampleReadings.xlsx()
    let path = folder + "/out.xlsx"
    XCTAssertEqual(try DisclosureWriter().write(original, as: .xlsx, to: path), [path])
    let back = try DisclosureReader().read([path])
    XCTAssertEqual(back.disclosure.withoutProvenance(), original.withoutProvenance())
    XCTAssertEqual(back.issues, [])
    // Yusuan's own layout keeps the workbook's cells: 表3 2060101 基本支出 is again D8.
    let t3 = try XCTUnwrap(back.disclosure.table(3))
    let row = try t3.sections[0].coded("2060101")
    XCTAssertEqual(t3.sections[0].columnLetters?[1], "D")
    XCTAssertEqual(row.line, 8)
  }

  func testCSVRoundTripInBothLayoutsAndEveryEncoding() throws {
    let original = try SampleReadings.xlsx()
    for layout in CSVLayout.allCases {
      for encoding in TextEncoding.allCases {
        let out = folder + "/\(layout.rawValue)-\(encoding.rawValue)"
        let written = try DisclosureWriter().write(original, as: .csv, to: out, csvLayout: layout, encoding: encoding)
        XCTAssertEqual(written.map { ($0 as NSString).lastPathComponent }, (1...13).map(DisclosureWriter.csvFileName))
        let back = try DisclosureReader().read([out])
        XCTAssertEqual(back.disclosure.withoutProvenance(), original.withoutProvenance(), "\(layout) \(encoding)")
        let document = try CSVReader.read(path: written[2])
        XCTAssertEqual(document.detectedEncoding, encoding == .utf8 ? .utf8 : encoding, "\(layout) \(encoding)")
      }
    }
  }

  func testJSONFileRoundTripKeepsProvenance() throws {
    let original = try SampleReadings.xlsx()
    let path = folder + "/out.json"
    try DisclosureWriter().write(original, as: .json, to: path)
    let back = try DisclosureReader().read([path]).disclosure
    XCTAssertEqual(back, original)
    XCTAssertEqual(back.table(3)?.source?.sheet, "预算公开表3")
  }

  func testWriterRefusesToReplaceAnInput() throws {
    let input = folder + "/in.json"
    try FileManager.default.copyItem(atPath: Fixtures.fixtureJSON, toPath: input)
    let before = try Fixtures.bytes(input)
    XCTAssertThrowsError(
      try DisclosureWriter().write(try SampleReadings.xlsx(), as: .json, to: input, refusing: [input]))
    XCTAssertEqual(try Fixtures.bytes(input), before)
  }
}
