import Budget
import Foundation
import TestSupport
import XCTest

/// JSON → model → JSON gives the same bytes, and blanks, zeros and exact decimals survive.
final class DisclosureJSONRoundTripTests: XCTestCase {
  func testFixtureJSONRoundTripsByteForByte() throws {
    let bytes = try Fixtures.bytes(Fixtures.fixtureJSON)
    let disclosure = try Disclosure(jsonBytes: bytes)
    XCTAssertEqual(Array(disclosure.jsonText().utf8), bytes)
    XCTAssertEqual(disclosure.department, "大同市科学技术局[部门]")
    XCTAssertEqual(disclosure.year, 2023)
    XCTAssertEqual(disclosure.tables.map(\.number), Array(1...13))
  }

  func testVersion1DocumentReadsAsTheSameModelInTheDatongSet() throws {
    let v1 = try Disclosure(jsonBytes: try Fixtures.bytes(Fixtures.fixtureJSONVersion1))
    let v2 = try Disclosure(jsonBytes: try Fixtures.bytes(Fixtures.fixtureJSON))
    XCTAssertEqual(v1, v2)
    XCTAssertEqual(v1.templateSet, "datong-shanxi")
    XCTAssertEqual(v1.table(3)?.kind, .expenditureSummary)
    XCTAssertEqual(v1.table(10)?.kind, .threePublic)
    XCTAssertTrue(v1.tables.allSatisfy { $0.unit == "万元" })
  }

  func testFixtureValuesReadExactly() throws {
    let disclosure = try Disclosure(jsonBytes: try Fixtures.bytes(Fixtures.fixtureJSON))
    let t3 = try XCTUnwrap(disclosure.table(3)?.section(.main))
    let row = try XCTUnwrap(t3.row(code: "2060101"))
    XCTAssertEqual(row.amounts, [Amount(parsing: "348.97"), Amount(parsing: "302.90"), Amount(parsing: "46.07")])
    XCTAssertEqual(row.line, 8)
    XCTAssertEqual(disclosure.table(3)?.source, SourceRef(file: "预算公开表03.csv", sheet: nil, range: "A1:E30"))
  }

  func testBlankAndZeroStayDifferent() throws {
    let table = BudgetTable(
      number: 9, title: "2023年国有资本经营预算收支预算表（不含上年结转）", note: "注：本表无数据",
      sections: [
        TableSection(
          role: .income, columns: [ColumnKey.total],
          rows: [
            BudgetRow(kind: .total, name: "合计", amounts: [.zero]),
            BudgetRow(code: "2060101", name: "行政运行", amounts: [nil]),
          ])
      ])
    let original = Disclosure(department: "测试部门", year: 2023, tables: [table])
    let text = original.jsonText()
    XCTAssertTrue(text.contains("\"amounts\": [0.00]"), text)
    XCTAssertTrue(text.contains("\"amounts\": [null]"), text)
    let back = try Disclosure(jsonBytes: Array(text.utf8))
    XCTAssertEqual(back, original)
    let rows = try XCTUnwrap(back.table(9)?.section(.income)?.rows)
    XCTAssertEqual(rows[0].amounts, [Amount.zero])
    XCTAssertEqual(rows[1].amounts, [nil])
    XCTAssertEqual(back.table(9)?.note, "注：本表无数据")
  }

  func testAmountsAreWrittenAsExactNumbersWithTwoDecimals() throws {
    let row = BudgetRow(
      name: "x",
      amounts: [Amount(parsing: "293"), Amount(parsing: "0.1"), Amount(parsing: "0.005"), Amount(parsing: "-3.5")])
    let d = Disclosure(
      department: "d",
      tables: [
        BudgetTable(number: 7, title: "t", sections: [TableSection(columns: ["a", "b", "c", "d"], rows: [row])])
      ])
    let text = d.jsonText()
    XCTAssertTrue(text.contains("[293.00, 0.10, 0.005, -3.50]"), text)
    XCTAssertEqual(try Disclosure(jsonBytes: Array(text.utf8)), d)
  }

  func testWithoutSourcesLeavesOutProvenanceOnly() throws {
    let disclosure = try Disclosure(jsonBytes: try Fixtures.bytes(Fixtures.fixtureJSON))
    let bare = disclosure.jsonText(includeSources: false)
    XCTAssertFalse(bare.contains("\"source\""))
    XCTAssertFalse(bare.contains("\"line\""))
    XCTAssertFalse(bare.contains("\"columnLetters\""))
    XCTAssertEqual(try Disclosure(jsonBytes: Array(bare.utf8)), disclosure.withoutProvenance())
  }

  func testTextsWithEscapesAndNonBMPCharactersSurvive() throws {
    let name = "引号\"反斜杠\\换行\n制表\t𠀀😀\u{1}"
    let d = Disclosure(
      department: name,
      tables: [
        BudgetTable(
          number: 1, title: "t", sections: [TableSection(columns: [], rows: [BudgetRow(name: name, amounts: [])])])
      ])
    let back = try Disclosure(jsonBytes: Array(d.jsonText().utf8))
    XCTAssertEqual(back.department, name)
    XCTAssertEqual(back.tables[0].sections[0].rows[0].name, name)
    XCTAssertEqual(back.jsonText(), d.jsonText())
  }
}
