import Foundation
import TestSupport
import XCTest

/// The formatted workbook and the CSV file sets Yusuan writes for the sample department, compared
/// with the reference files in samples/datong-kejiju-2023/output/: the workbook part by part
/// (the way libxlsxwriter's functional tests compare with their reference files), with the dates
/// of docProps/core.xml normalized; each CSV file byte for byte. `YUSUAN_RECORD=1 swift test
/// --filter GoldenWorkbookAndCSVTests` re-records them; a reviewer reads the diff.
final class GoldenWorkbookAndCSVTests: XCTestCase {
  static var recording: Bool { ProcessInfo.processInfo.environment["YUSUAN_RECORD"] == "1" }

  func testFormattedWorkbookOfTablesAndFormsPartByPart() throws {
    let dir = try Fixtures.scratchFolder("yusuan-golden-xlsx")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let written = dir + "/d.xlsx"
    try E2E.expect(0, ["convert", Fixtures.sampleXLSX, GoldenOutputTests.forms, "-o", written])
    let reference = GoldenOutputTests.output.appendingPathComponent("datong-kejiju-2023.xlsx").path
    if Self.recording {
      try? FileManager.default.removeItem(atPath: reference)
      try FileManager.default.copyItem(atPath: written, toPath: reference)
      return
    }
    let actual = try WorkbookParts.read(written)
    let expected = try WorkbookParts.read(reference)
    XCTAssertEqual(actual.keys.sorted(), expected.keys.sorted(), "the workbook's parts differ from the reference's")
    XCTAssertGreaterThan(expected.count, 13 + 8, "the reference holds the 13 tables, the forms and the package parts")
    for name in expected.keys.sorted() {
      guard let mine = actual[name], let theirs = expected[name] else { continue }
      let (a, b) = (Self.normalized(mine, part: name), Self.normalized(theirs, part: name))
      if a != b { XCTFail(Self.describeDifference(part: name, actual: a, expected: b)) }
    }
  }

  /// One golden file set per CSV layout and encoding. The default encoding's sets hold the tables
  /// and the forms; the other encodings' sets the tables only (the forms pass through the same
  /// encoder, and their files would triple the size of the golden sets).
  func testCSVFileSetsForEachLayoutAndEncoding() throws {
    let dir = try Fixtures.scratchFolder("yusuan-golden-csv")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    for layout in ["tidy", "disclosure"] {
      for encoding in ["utf-8-bom", "utf-8", "gb18030"] {
        let name = "csv-\(layout)-\(encoding)"
        let inputs = encoding == "utf-8-bom" ? [Fixtures.sampleXLSX, GoldenOutputTests.forms] : [Fixtures.sampleXLSX]
        let written = dir + "/" + name
        try E2E.expect(
          0, ["convert"] + inputs + ["-o", written, "--to", "csv", "--csv-layout", layout, "--encoding", encoding])
        try assertGoldenFolder(written, GoldenOutputTests.output.appendingPathComponent(name).path)
      }
    }
  }

  /// Compares every file of `folder` with the file of the same name in `golden` (or records them).
  func assertGoldenFolder(_ folder: String, _ golden: String, file: StaticString = #filePath, line: UInt = #line) throws
  {
    let fm = FileManager.default
    let names = try fm.contentsOfDirectory(atPath: folder).sorted()
    if Self.recording {
      try? fm.removeItem(atPath: golden)
      try fm.copyItem(atPath: folder, toPath: golden)
      return
    }
    let expectedNames = try fm.contentsOfDirectory(atPath: golden).sorted()
    XCTAssertEqual(names, expectedNames, "\(golden): the files differ", file: file, line: line)
    XCTAssertGreaterThanOrEqual(expectedNames.count, 13, "\(golden) holds a file per table", file: file, line: line)
    for name in expectedNames where names.contains(name) {
      let actual = try Fixtures.bytes(folder + "/" + name)
      let expected = try Fixtures.bytes(golden + "/" + name)
      if actual != expected {
        XCTFail(
          Self.describeDifference(part: golden + "/" + name, actual: actual, expected: expected), file: file, line: line
        )
      }
    }
  }

  /// The part with its volatile content replaced: the creation and modification times of
  /// docProps/core.xml (W3CDTF, `2026-12-04T03:12:07Z`) become `DATE`.
  static func normalized(_ bytes: [UInt8], part: String) -> [UInt8] {
    guard part == "docProps/core.xml" else { return bytes }
    let text = String(decoding: bytes, as: UTF8.self)
    let pattern = try! NSRegularExpression(pattern: "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z")
    let replaced = pattern.stringByReplacingMatches(
      in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "DATE")
    return Array(replaced.utf8)
  }

  /// Where two versions of a part first differ, with some text of each around that place.
  static func describeDifference(part: String, actual: [UInt8], expected: [UInt8]) -> String {
    let common = min(actual.count, expected.count)
    let first = (0..<common).first { actual[$0] != expected[$0] } ?? common
    func around(_ bytes: [UInt8]) -> String {
      let from = max(0, first - 60)
      return String(decoding: bytes[from..<min(bytes.count, first + 60)], as: UTF8.self)
    }
    return """
      \(part) differs from the reference at byte \(first) (\(actual.count) bytes written, \(expected.count) expected); \
      YUSUAN_RECORD=1 re-records it
        written:  …\(around(actual))…
        expected: …\(around(expected))…
      """
  }
}
