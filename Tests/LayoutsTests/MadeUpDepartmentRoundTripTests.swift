import Budget
import Foundation
import Layouts
import Sheets
import TestSupport
import XCTest

/// For every shipped set, a department made up from the set's declarations is written as a
/// formatted workbook, CSV in both layouts, and JSON; each reads back as the same department of
/// the same set (detected, not forced), and CSV ↔ xlsx ↔ JSON convert losslessly.
final class MadeUpDepartmentRoundTripTests: XCTestCase {
  func testEverySetWritesAndReadsBackItsMadeUpDepartment() throws {
    let dir = try Fixtures.scratchFolder("made-up-departments")
    addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
    for set in TemplateSets.all {
      let original = MadeUpDepartments.disclosure(set)
      XCTAssertEqual(original.tables.count, set.tables.count)
      let outputs: [(String, OutputFormat, CSVLayout)] = [
        ("\(set.name).xlsx", .xlsx, .tidy), ("\(set.name)-tidy", .csv, .tidy),
        ("\(set.name)-disclosure", .csv, .disclosure), ("\(set.name).json", .json, .tidy),
      ]
      var models: [Disclosure] = []
      for (name, format, layout) in outputs {
        let path = dir + "/" + name
        try DisclosureWriter().write(original, as: format, to: path, csvLayout: layout)
        let reading = try DisclosureReader().read([path])
        let label = "\(set.name) \(name)"
        XCTAssertEqual(reading.disclosure.templateSet, set.name, label)
        XCTAssertEqual(reading.issues.map(\.description), [], label)
        let differences = original.withoutProvenance().differences(from: reading.disclosure.withoutProvenance())
        XCTAssertEqual(differences.map(\.description), [], label)
        models.append(reading.disclosure.withoutProvenance())
      }
      // CSV → xlsx → JSON from what was read, not from the original.
      let fromCSV = try DisclosureReader().read([dir + "/\(set.name)-disclosure"]).disclosure
      try DisclosureWriter().write(fromCSV, as: .xlsx, to: dir + "/\(set.name)-again.xlsx")
      let again = try DisclosureReader().read([dir + "/\(set.name)-again.xlsx"]).disclosure
      try DisclosureWriter().write(again, as: .json, to: dir + "/\(set.name)-again.json")
      let json = try DisclosureReader().read([dir + "/\(set.name)-again.json"]).disclosure
      XCTAssertEqual(json.withoutProvenance(), original.withoutProvenance(), set.name)
    }
  }
}
