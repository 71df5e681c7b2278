import Budget
import Foundation
import Layouts
import Sheets
import TestSupport
import Validation
import XCTest

/// Validation over random consistent disclosures: nothing is found in a consistent one, and one
/// perturbed amount is always found and located at its cell. The disclosures are read back from
/// a written workbook so that every amount has a cell (provenance) to be reported at.
final class PropertyValidationTests: XCTestCase {
  var scratch = ""

  override func setUpWithError() throws { scratch = try Fixtures.scratchFolder("yusuan-property-validation") }
  override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: scratch) }

  /// Random disclosures as read from the workbook Yusuan writes for them, with their seeds.
  func readCases(_ fallback: Int) throws -> [(seed: UInt64, disclosure: Disclosure)] {
    try (0..<RandomDisclosure.runs(default: fallback)).map { i in
      let seed = RandomDisclosure.baseSeed &+ 1_000_000 &+ UInt64(i)
      var rng = SplitMix64(seed: seed)
      let path = scratch + "/\(seed).xlsx"
      try DisclosureWriter().write(RandomDisclosure.make(&rng), as: .xlsx, to: path)
      return (seed, try DisclosureReader().read([path]).disclosure)
    }
  }

  func testConsistentDisclosureHasNoFindings() throws {
    for (seed, disclosure) in try readCases(12) {
      let report = RuleSet.standard.validate(disclosure)
      let findings = report.outcomes.flatMap(\.findings)
      XCTAssertEqual(findings.map(\.description), [], "seed \(seed)")
      // The rules that make this a real check did run (not skipped), unless every amount is blank.
      guard disclosure.tables.contains(where: { !$0.hasNoData }) else { continue }
      for id in [
        "T3.hierarchy", "T3.total-row", "T3.basic-project", "T2.fund-sources", "T5.hierarchy", "X.t5-t2.general-public",
      ] {
        let outcome = report.outcomes.first { $0.ruleId == id }
        XCTAssertEqual(outcome?.status, .passed, "seed \(seed) \(id)")
      }
    }
  }

  func testOnePerturbedAmountIsFoundAtItsCell() throws {
    for (seed, disclosure) in try readCases(12) {
      var rng = SplitMix64(seed: seed ^ 0xDEAD_BEEF)
      var changed = disclosure
      // Any amount cell of any table (blank ones included), changed by a nonzero number of cents.
      let t = Int.random(in: 0..<changed.tables.count, using: &rng)
      let table = changed.tables[t]
      let section = table.sections[0]
      let r = Int.random(in: 0..<section.rows.count, using: &rng)
      let k = Int.random(in: 0..<section.columns.count, using: &rng)
      let row = section.rows[r]
      let before = row.amounts[k]
      var delta = Int64.random(in: 1...100_000, using: &rng)
      if Bool.random(using: &rng) { delta = -delta }
      changed.tables[t].sections[0].rows[r].amounts[k] =
        (before ?? Amount(units: 0, scale: 2)) + Amount(units: delta, scale: 2)
      let source = try XCTUnwrap(table.source, "seed \(seed)")
      let letters = try XCTUnwrap(section.columnLetters, "seed \(seed)")
      let line = try XCTUnwrap(row.line, "seed \(seed)")
      let cell = source.cell(letters[k] + String(line))

      let findings = RuleSet.standard.validate(changed).outcomes.flatMap(\.findings)
      let label =
        "seed \(seed): 表\(table.number) \(row.displayName) \(section.columns[k]) \(before?.text() ?? "blank") → \(delta) cents at \(cell)"
      XCTAssertFalse(findings.isEmpty, label)
      // A change of a cent or two may be reported as rounding rather than an error; found is found.
      XCTAssertTrue(
        findings.contains { $0.cells.contains(cell) },
        "\(label)\n" + findings.map { "\($0.ruleId) \($0.cells)" }.joined(separator: "\n"))
    }
  }
}
