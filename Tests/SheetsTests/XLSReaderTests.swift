import Foundation
import TestSupport
import XCTest

@testable import Sheets

final class XLSReaderTests: XCTestCase {
  static let templateXLS = Fixtures.repoRoot.appendingPathComponent(
    "Tests/Fixtures/real/shanghai/unit_budget_template.xls"
  ).path
  static let templateXLSX = Fixtures.repoRoot.appendingPathComponent(
    "Tests/Fixtures/real/shanghai/unit_budget_template.xlsx"
  ).path
  /// The Datong sample saved as .xls by LibreOffice (`soffice --headless --convert-to xls`).
  static let sampleXLS = Fixtures.repoRoot.appendingPathComponent("Tests/Fixtures/datong-kejiju-2023.xls").path

  /// Every cell of every sheet, as `sheet!A1=value` lines, for comparing two readers.
  static func cells(_ grids: [Grid]) -> [String] {
    grids.flatMap { g in
      g.rows.flatMap { r in r.cells.map { "\(g.name)!\(CellAddress(row: r.index, column: $0.column).a1)=\($0.value)" } }
    }
  }

  /// The official Shanghai unit template, published both as .xls and .xlsx: the same cells,
  /// merged ranges and hidden rows in every one of its 16 sheets.
  func testTheShanghaiTemplateReadsToTheCellsOfItsXLSXSibling() throws {
    let xls = try XLSReader(path: Self.templateXLS).grids()
    let xlsx = try XLSXReader(path: Self.templateXLSX).grids()
    XCTAssertEqual(xls.count, 16)
    XCTAssertEqual(xls.map(\.name), xlsx.map(\.name))
    let a = Self.cells(xls)
    let b = Self.cells(xlsx)
    XCTAssertGreaterThan(b.count, 200)
    XCTAssertTrue(b.contains { $0.hasSuffix("=number(\"205\")") }, "the comparison covers number cells")
    for (x, y) in zip(a, b) where x != y {
      XCTFail("xls \(x) ≠ xlsx \(y)")
      break
    }
    XCTAssertEqual(a, b)
    Self.assertSameMergesAndHiddenRows(xls, xlsx)
    XCTAssertGreaterThan(xlsx.map(\.merges.count).reduce(0, +), 50)
  }

  /// Merges (in any order) and hidden rows, sheet by sheet.
  static func assertSameMergesAndHiddenRows(_ xls: [Grid], _ xlsx: [Grid], line: UInt = #line) {
    XCTAssertEqual(xls.count, xlsx.count, line: line)
    for (x, y) in zip(xls, xlsx) {
      XCTAssertEqual(Set(x.merges.map(\.a1)), Set(y.merges.map(\.a1)), "merges of \(x.name)", line: line)
      XCTAssertEqual(x.merges.count, y.merges.count, x.name, line: line)
      XCTAssertEqual(x.hiddenRows, y.hiddenRows, "hidden rows of \(x.name)", line: line)
    }
  }

  /// Every sheet of the Datong sample, saved as .xls by LibreOffice, holds the cells of the xlsx.
  /// The xlsx stores some sums with binary artefacts (`733.5700000000001`), which LibreOffice
  /// saves as Excel shows them (15 significant digits): numbers compare at that precision.
  func testTheDatongSampleAsXLSHoldsTheCellsOfTheXLSX() throws {
    let xls = try XLSReader(path: Self.sampleXLS).grids()
    let xlsx = try XLSXReader(path: Fixtures.sampleXLSX).grids()
    XCTAssertEqual(xls.count, 13)
    let a = Self.cells(xls)
    let b = Self.cells(xlsx.map(Fifteen.digits))
    XCTAssertEqual(a.count, b.count)
    for (x, y) in zip(a, b) where x != y {
      XCTFail("xls \(x) ≠ xlsx \(y)")
      break
    }
    XCTAssertTrue(Self.cells(xlsx).contains("预算公开表1!D10=number(\"733.5700000000001\")"), "the artefact is in the xlsx")
    XCTAssertEqual(xls[0][a1: "D10"], .number("733.57"))
    Self.assertSameMergesAndHiddenRows(xls, xlsx)
    XCTAssertEqual(xls[1][a1: "C5"], .number("1331.42"))
    XCTAssertEqual(xls[0][a1: "B6"], .number("293"))
  }

  /// A Shanghai department's tables (the 2026 司法局 PDF converted to xlsx, then saved as .xls by
  /// LibreOffice): every sheet holds the same cells in both files.
  func testAShanghaiDepartmentAsXLSHoldsTheCellsOfTheXLSX() throws {
    let folder = Fixtures.repoRoot.appendingPathComponent("Tests/Fixtures").path
    let xls = try XLSReader(path: folder + "/shanghai-sifaju-2026.xls").grids()
    let xlsx = try XLSXReader(path: folder + "/shanghai-sifaju-2026.xlsx").grids()
    XCTAssertEqual(xls.map(\.name), xlsx.map(\.name))
    let a = Self.cells(xls)
    let b = Self.cells(xlsx.map(Fifteen.digits))
    XCTAssertGreaterThan(a.filter { $0.contains("=number(") }.count, 100)
    for (x, y) in zip(a, b) where x != y {
      XCTFail("xls \(x) ≠ xlsx \(y)")
      break
    }
    XCTAssertEqual(a, b)
    Self.assertSameMergesAndHiddenRows(xls, xlsx)
  }

  /// Number cells at Excel's 15 significant digits.
  enum Fifteen {
    static func digits(_ grid: Grid) -> Grid {
      Grid(
        name: grid.name,
        rows: grid.rows.map { row in
          GridRow(
            index: row.index,
            cells: row.cells.map { cell in
              guard case .number(let text) = cell.value, let value = Double(text) else { return cell }
              return (cell.column, .number(ShortestDecimal.text(value) ?? text))
            })
        })
    }
  }

  func testBytesReadLikeTheFile() throws {
    let reader = try XLSReader(bytes: try Fixtures.bytes(Self.sampleXLS), name: "sample.xls")
    XCTAssertEqual(reader.fileName, "sample.xls")
    XCTAssertEqual(try reader.grids(), try XLSReader(path: Self.sampleXLS).grids())
    XCTAssertEqual(try reader.grid(named: "预算公开表2"), try reader.grid(sheet: 1))
    XCTAssertThrowsError(try reader.grid(named: "无此表")) {
      XCTAssertEqual($0 as? XLSReadError, .noSuchSheet(file: "sample.xls", sheet: "无此表"))
    }
  }

  /// Binary doubles become the decimal a person sees, never a float artefact.
  func testNumbersAreTheShortestDecimalThatReadsBack() {
    XCTAssertEqual(ShortestDecimal.text(733.57), "733.57")
    XCTAssertEqual(ShortestDecimal.text(733.57.nextUp), "733.57", "a sum's binary artefact shows as Excel shows it")
    XCTAssertEqual(ShortestDecimal.text(0.1 + 0.2), "0.3")
    XCTAssertEqual(ShortestDecimal.text(1331.42), "1331.42")
    XCTAssertEqual(ShortestDecimal.text(123_456_789_012.345), "123456789012.345", "15 significant digits are kept")
    XCTAssertEqual(ShortestDecimal.text(0.000123456789012345), "0.000123456789012345")
    XCTAssertEqual(ShortestDecimal.text(2.0.squareRoot()), "1.4142135623731", "rounded to 15 significant digits")
    XCTAssertEqual(ShortestDecimal.text(293), "293")
    XCTAssertEqual(ShortestDecimal.text(-0.5), "-0.5")
    XCTAssertEqual(ShortestDecimal.text(0.00001), "0.00001")
    XCTAssertEqual(ShortestDecimal.text(1.5e20), "150000000000000000000")
    XCTAssertEqual(ShortestDecimal.text(-0.0), "0")
    XCTAssertEqual(ShortestDecimal.text(1e-7), "0.0000001")
    XCTAssertNil(ShortestDecimal.text(.nan))
    XCTAssertNil(ShortestDecimal.text(.infinity))
  }

  /// FreeXL turns date cells into text; they become the serial numbers the xlsx reader gives.
  func testDatesBecomeExcelSerialNumbers() {
    XCTAssertEqual(ExcelDateSerial.serial(fromFreeXLText: "2023-01-01", date1904: false), "44927")
    XCTAssertEqual(ExcelDateSerial.serial(fromFreeXLText: "1900-01-01", date1904: false), "1")
    XCTAssertEqual(ExcelDateSerial.serial(fromFreeXLText: "1900-03-01", date1904: false), "61")
    XCTAssertEqual(ExcelDateSerial.serial(fromFreeXLText: "1904-01-02", date1904: true), "1")
    XCTAssertEqual(ExcelDateSerial.serial(fromFreeXLText: "2023-01-01 12:00:00", date1904: false), "44927.5")
    XCTAssertEqual(ExcelDateSerial.serial(fromFreeXLText: "06:00:00", date1904: false), "0.25")
    XCTAssertNil(ExcelDateSerial.serial(fromFreeXLText: "2023-13-01", date1904: false))
    XCTAssertNil(ExcelDateSerial.serial(fromFreeXLText: "not a date", date1904: false))
  }

  // MARK: Budgets and damaged files

  func testTheSheetAreaBudgetIsCheckedBeforeAnyCellIsVisited() throws {
    var limits = Limits()
    limits.maxLegacySheetArea = 100
    XCTAssertThrowsError(try XLSReader(path: Self.sampleXLS, limits: limits).grid(sheet: 0)) {
      guard case .sheetTooLarge(_, "预算公开表1", 38, 6, 100) = $0 as? XLSReadError else { return XCTFail("\($0)") }
    }
  }

  func testTheCellBudgetNamesTheSheet() throws {
    var limits = Limits()
    limits.maxCellsPerSheet = 69
    XCTAssertThrowsError(try XLSReader(path: Self.sampleXLS, limits: limits).grid(sheet: 0)) {
      XCTAssertEqual($0 as? XLSReadError, .tooManyCells(file: Self.sampleXLS, sheet: "预算公开表1", limit: 69))
    }
    limits.maxCellsPerSheet = 70
    XCTAssertEqual(try XLSReader(path: Self.sampleXLS, limits: limits).grid(sheet: 0).cellCount, 70)
  }

  func testTheFileSizeBudgetIsCheckedBeforeReading() throws {
    var limits = Limits()
    limits.maxLegacyWorkbookBytes = 40_000
    XCTAssertThrowsError(try XLSReader(path: Self.sampleXLS, limits: limits)) {
      XCTAssertEqual($0 as? XLSReadError, .fileTooLarge(file: Self.sampleXLS, bytes: 41_472, limit: 40_000))
    }
  }

  func testTheMergeBudgetsNameTheSheet() throws {
    var limits = Limits()
    limits.maxMergesPerSheet = 3
    XCTAssertThrowsError(try XLSReader(path: Self.templateXLS, limits: limits)) {
      guard case .tooManyMerges(_, _, 3) = $0 as? XLSReadError else { return XCTFail("\($0)") }
    }
    limits = Limits()
    limits.maxMergeArea = 2
    XCTAssertThrowsError(try XLSReader(path: Self.templateXLS, limits: limits)) {
      guard case .mergeTooLarge(_, "封面", _, 2) = $0 as? XLSReadError else { return XCTFail("\($0)") }
    }
  }

  func testTextLongerThanTheCellLimitIsRefusedWithItsCell() throws {
    var limits = Limits()
    limits.maxCellTextLength = 10
    XCTAssertThrowsError(try XLSReader(path: Self.sampleXLS, limits: limits).grid(sheet: 0)) {
      XCTAssertEqual($0 as? XLSReadError, .textTooLong(file: Self.sampleXLS, sheet: "预算公开表1", cell: "A1", limit: 10))
    }
  }

  func testDamagedFilesAreTypedErrors() throws {
    let sample = try Fixtures.bytes(Self.sampleXLS)
    let inputs: [(String, [UInt8])] = [
      ("empty", []),
      ("OLE signature only", HostileFiles.oleContainer()),
      ("no Workbook stream", ForeignFiles.wordDocument()),
      ("empty Workbook stream", ForeignFiles.compoundFile(streams: ["Workbook"])),
      ("first half", Array(sample.prefix(sample.count / 2))),
      ("first 4 KiB", Array(sample.prefix(4096))),
      ("text", Array("科目编码,科目名称\n".utf8)),
    ]
    for (label, bytes) in inputs {
      XCTAssertThrowsError(try XLSReader(bytes: bytes, name: "bad.xls").grids(), label) { error in
        guard let error = error as? XLSReadError else { return XCTFail("\(label): \(error)") }
        XCTAssertEqual(error.file, "bad.xls", label)
        XCTAssertTrue(error.message(.zh).hasPrefix("bad.xls："), "\(label): \(error.message(.zh))")
      }
    }
  }

  /// Every 512-byte sector of the sample, overwritten with noise in turn: each read ends in a
  /// grid or a typed error (no trap, no hang).
  func testEverySectorDamagedReadsOrFailsCleanly() throws {
    let sample = try Fixtures.bytes(Self.sampleXLS)
    var generator = SystemRandomNumberGenerator()
    for sector in stride(from: 0, to: sample.count, by: 512) {
      var bytes = sample
      for i in sector..<min(sector + 512, bytes.count) { bytes[i] = UInt8.random(in: 0...255, using: &generator) }
      do { _ = try XLSReader(bytes: bytes, name: "noisy.xls").grids() } catch {
        XCTAssertEqual(error.file, "noisy.xls")
      }
    }
  }
}
