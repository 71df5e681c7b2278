import Budget
import Layouts
import Sheets
import TestSupport
import XCTest

/// The sample read from xlsx, UTF-8 CSV and GB18030 CSV is one model; provenance points at the cells.
final class SampleInputsAgreementTests: XCTestCase {
  func testXLSXAndBothCSVFoldersGiveTheSameModel() throws {
    let xlsx = try SampleReadings.xlsx().withoutProvenance()
    let csv = try SampleReadings.csv().withoutProvenance()
    let gb = try SampleReadings.gb18030().withoutProvenance()
    for number in 1...13 {
      XCTAssertEqual(xlsx.table(number), csv.table(number), "表\(number) xlsx vs csv")
      XCTAssertEqual(csv.table(number), gb.table(number), "表\(number) csv vs gb18030")
    }
    XCTAssertEqual(xlsx, csv)
    XCTAssertEqual(csv, gb)
  }

  func testTheFixtureJSONIsTheCSVReading() throws {
    let fixture = try Disclosure(jsonBytes: try Fixtures.bytes(Fixtures.fixtureJSON))
    XCTAssertEqual(try SampleReadings.csv(), fixture, "with provenance")
    XCTAssertEqual(
      try SampleReadings.csv().jsonText(), try String(contentsOfFile: Fixtures.fixtureJSON, encoding: .utf8))
  }

  func testXLSXJSONRoundTripsByteForByte() throws {
    let text = try SampleReadings.xlsx().jsonText()
    let back = try Disclosure(jsonBytes: Array(text.utf8))
    XCTAssertEqual(back, try SampleReadings.xlsx())
    XCTAssertEqual(back.jsonText(), text)
  }

  func testProvenanceOfTable3InTheWorkbook() throws {
    let table = try XCTUnwrap(SampleReadings.xlsx().table(3))
    XCTAssertEqual(table.source?.file, "datong-kejiju-2023.xlsx")
    XCTAssertEqual(table.source?.sheet, "预算公开表3")
    XCTAssertEqual(table.source?.range, "A1:E30")
    let section = try XCTUnwrap(table.section(.main))
    XCTAssertEqual(section.columnLetters, ["C", "D", "E"])
    let row = try section.coded("2060101")
    // In the workbook, 2060101 行政运行 is row 8 (A8); its 基本支出 302.9 is D8.
    XCTAssertEqual(row.line, 8)
    let basic = try XCTUnwrap(section.columnIndex(ColumnKey.basic))
    let a1 = "\(section.columnLetters![basic])\(row.line!)"
    XCTAssertEqual(a1, "D8")
    XCTAssertEqual(table.source?.cell(a1), "预算公开表3!D8")
    let grid = try XLSXReader(path: Fixtures.sampleXLSX).grid(named: "预算公开表3")
    XCTAssertEqual(grid[a1: a1], .number("302.9"), "the cell really holds the amount")
    XCTAssertEqual(grid[a1: "A\(row.line!)"], .text("2060101"))
  }

  func testProvenanceOfOtherTablesPointsAtTheirCells() throws {
    let d = try SampleReadings.xlsx()
    let reader = try XLSXReader(path: Fixtures.sampleXLSX)
    for table in d.tables {
      let grid = try reader.grid(named: try XCTUnwrap(table.source?.sheet))
      XCTAssertEqual(table.source?.sheet, "预算公开表\(table.number)")
      for section in table.sections {
        let letters = try XCTUnwrap(section.columnLetters)
        for row in section.rows {
          for (i, amount) in row.amounts.enumerated() {
            let cell = grid[a1: "\(letters[i])\(row.line!)"]
            if let amount {
              XCTAssertEqual(
                cell.flatMap { Amount(parsing: $0.text) }, amount,
                "表\(table.number) \(row.displayName) \(letters[i])\(row.line!)")
            } else {
              XCTAssertNil(cell, "表\(table.number) \(row.displayName) \(letters[i])\(row.line!) is blank")
            }
          }
        }
      }
    }
  }

  func testCSVProvenanceNamesTheFile() throws {
    let table = try XCTUnwrap(SampleReadings.csv().table(12))
    XCTAssertEqual(table.source?.file, "预算公开表12.csv")
    XCTAssertNil(table.source?.sheet)
    let first = try XCTUnwrap(table.sections[0].rows.first)
    XCTAssertEqual(first.line, 6)
    XCTAssertEqual(table.source?.cell("B6"), "预算公开表12.csv!B6")
    let gb = try XCTUnwrap(SampleReadings.gb18030().table(12))
    XCTAssertEqual(gb.source, table.source)
  }

  func testNoIssuesReadingTheSample() throws {
    XCTAssertEqual(try SampleReadings.reading(Fixtures.sampleXLSX).issues, [])
    XCTAssertEqual(try SampleReadings.reading(Fixtures.sampleCSVFolder).issues, [])
    let grids = try SampleReadings.reading(Fixtures.sampleXLSX).grids
    XCTAssertEqual(grids.count, 13)
    XCTAssertTrue(grids.allSatisfy { $0.tables.count == 1 && $0.unrecognized == nil })
  }
}
