import Budget
import Foundation
import Layouts
import Sheets
import TestSupport
import XCTest

/// Random consistent disclosures (TestSupport/RandomDisclosure: random 类/款/项 hierarchies,
/// blanks and 0.00, odd names) survive every writer and reader unchanged. CI runs a fixed seed;
/// `YUSUAN_PROPERTY_RUNS=1000 swift test --filter Property` runs more (fuzz/README.md).
final class PropertyRoundTripTests: XCTestCase {
  var scratch = ""

  override func setUpWithError() throws { scratch = try Fixtures.scratchFolder("yusuan-property") }
  override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: scratch) }

  /// Every case: its seed (printed on failure, rerun with YUSUAN_PROPERTY_SEED) and disclosure.
  func cases(_ fallback: Int) -> [(seed: UInt64, disclosure: Disclosure)] {
    (0..<RandomDisclosure.runs(default: fallback)).map { i in
      let seed = RandomDisclosure.baseSeed &+ UInt64(i)
      var rng = SplitMix64(seed: seed)
      return (seed, RandomDisclosure.make(&rng))
    }
  }

  /// Writes, reads back, and asserts nothing changed and the reader had nothing to say.
  func assertRoundTrip(
    _ disclosure: Disclosure, seed: UInt64, format: OutputFormat, layout: CSVLayout = .tidy,
    encoding: TextEncoding = .utf8BOM, file: StaticString = #filePath, line: UInt = #line
  ) throws {
    let label = "seed \(seed) \(format.rawValue) \(layout.rawValue) \(encoding.rawValue)"
    let path =
      scratch + "/\(seed)-\(format.rawValue)-\(layout.rawValue)-\(encoding.rawValue)"
      + (format == .csv ? "" : ".\(format.rawValue)")
    try DisclosureWriter().write(disclosure, as: format, to: path, csvLayout: layout, encoding: encoding)
    let reading = try DisclosureReader(csvEncoding: format == .csv ? encoding : nil).read([path])
    XCTAssertEqual(
      reading.issues.filter { $0.ruleId != "read.table-missing" }.map(\.description), [], label, file: file, line: line)
    let keepsNamesVerbatim = format == .json || (format == .csv && layout == .tidy)
    let expected = keepsNamesVerbatim ? disclosure : RandomDisclosure.asReadFromLayout(disclosure)
    let differences = expected.differences(from: reading.disclosure)
    XCTAssertEqual(differences.map(\.description), [], label, file: file, line: line)
    if !differences.isEmpty || reading.issues.contains(where: { $0.ruleId != "read.table-missing" }) {
      print("failing disclosure (\(label)):\n\(disclosure.jsonText(includeSources: false))")
    }
  }

  func testRandomDisclosuresSurviveXLSX() throws {
    for (seed, disclosure) in cases(12) {
      try assertRoundTrip(disclosure, seed: seed, format: .xlsx)
    }
  }

  func testRandomDisclosuresSurviveCSVInEveryLayoutAndEncoding() throws {
    for (seed, disclosure) in cases(6) {
      for layout in CSVLayout.allCases {
        for encoding in TextEncoding.allCases {
          try assertRoundTrip(disclosure, seed: seed, format: .csv, layout: layout, encoding: encoding)
        }
      }
    }
  }

  func testRandomDisclosuresSurviveJSON() throws {
    for (seed, disclosure) in cases(30) {
      let again = try Disclosure(jsonBytes: Array(disclosure.jsonText().utf8))
      XCTAssertEqual(again, disclosure, "seed \(seed)")
    }
  }

  /// The generator really produces what the properties claim to cover, so a passing run means something.
  func testGeneratorCoversBlanksZerosOddNamesAndAllLevels() {
    var blanks = 0
    var zeros = 0
    var odd = 0
    var leaders = 0
    var long = 0
    var lengths = Set<Int>()
    for (_, disclosure) in cases(30) {
      for row in disclosure.table(3)!.sections[0].rows {
        blanks += row.amounts.filter { $0 == nil }.count
        zeros += row.amounts.filter { $0?.isZero == true }.count
        if row.name.contains(where: { "=+-@,\"\n\u{3000}".contains($0) }) { odd += 1 }
        if let first = row.name.first, "=+-@".contains(first) { leaders += 1 }
        if row.name.count > 60 { long += 1 }
        if let code = row.code { lengths.insert(code.count) }
      }
    }
    XCTAssertGreaterThan(blanks, 0)
    XCTAssertGreaterThan(zeros, 0)
    XCTAssertGreaterThan(odd, 0)
    XCTAssertGreaterThan(leaders, 0)
    XCTAssertGreaterThan(long, 0)
    XCTAssertEqual(lengths, [3, 5, 7])
  }
}
