import XCTest

@testable import Sheets

final class CSVWriterTests: XCTestCase {
  func testFormulaGuardOnTextButNotOnNumbers() throws {
    let rows: [[CSVField]] = [
      [.text("=SUM(A1)"), .text("+1"), .text("-x"), .text("@a"), .text("\tx"), .text("plain")],
      [.number("-3.50"), .number("-12"), .number("+1,331.42"), .number("=1+1"), .text("-3.50"), .number("1e5")],
    ]
    let text = String(decoding: try CSVWriter.encode(rows: rows, encoding: .utf8), as: UTF8.self)
    XCTAssertEqual(text, "'=SUM(A1),'+1,'-x,'@a,'\tx,plain\r\n-3.50,-12,\"+1,331.42\",'=1+1,'-3.50,1e5\r\n")
  }

  func testQuotingOfCommasQuotesAndLineBreaks() throws {
    let rows = [["a,b", "say \"hi\"", "two\nlines", "cr\rhere", "中文　名称", ""]]
    let text = String(decoding: try CSVWriter.encode(rows: rows, encoding: .utf8, lineEnding: "\n"), as: UTF8.self)
    XCTAssertEqual(text, "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\",中文　名称,\n")
  }

  func testDefaultIsUTF8WithBOMAndCRLF() throws {
    let bytes = try CSVWriter.encode(rows: [["科目"], ["1"]])
    XCTAssertEqual(bytes, [0xEF, 0xBB, 0xBF] + Array("科目\r\n1\r\n".utf8))
  }

  func testRoundTripInAllThreeEncodings() throws {
    let rows = [
      ["科目编码", "科目名称", "金额"],
      ["2060101", "行政运行", "348.97"],
      ["\u{3000}\u{3000}项目\"甲\"", "多行\r\n名称", "=1+2"],
      ["", "𠀀 \u{1F600} €", "-x"],
    ]
    for encoding in TextEncoding.allCases {
      let bytes = try CSVWriter.encode(rows: rows, encoding: encoding)
      let doc = try CSVReader.read(bytes: bytes, name: "r.csv")
      XCTAssertEqual(doc.detectedEncoding, encoding, "\(encoding)")
      let back = (0..<rows.count).map { r in (0..<3).map { c in CSVWriter.unguard(doc.grid[r, c]?.text ?? "") } }
      XCTAssertEqual(back, rows, "\(encoding)")
      // The reader itself returns the guard.
      XCTAssertEqual(doc.grid[2, 2], .text("'=1+2"))
    }
  }

  func testRewritingTheFixturesReproducesThemByteForByte() throws {
    for file in SheetsFixtures.tableFiles {
      let original = try XCTUnwrap(FileManager.default.contents(atPath: SheetsFixtures.root + "/csv/" + file))
      let gbOriginal = try XCTUnwrap(FileManager.default.contents(atPath: SheetsFixtures.root + "/csv-gb18030/" + file))
      let grid = try CSVReader.read(path: SheetsFixtures.root + "/csv/" + file).grid
      let lines = original.filter { $0 == 0x0A }.count
      let rows = (0..<lines).map { r in (0..<grid.columnCount).map { c in grid[r, c]?.text ?? "" } }
      XCTAssertEqual(try CSVWriter.encode(rows: rows, encoding: .utf8BOM), Array(original), file)
      XCTAssertEqual(try CSVWriter.encode(rows: rows, encoding: .gb18030), Array(gbOriginal), file)
    }
  }

  func testUnguardIsTheExactInverseOfGuard() {
    for s in ["=x", "'=x", "''=x", "'", "''", "'abc", "-", "-3", "@", "\t", "\r=", "plain", "", "'+", "中"] {
      XCTAssertEqual(CSVWriter.unguard(CSVWriter.guardFormula(s)), s, s)
    }
    XCTAssertEqual(CSVWriter.guardFormula("'=x"), "''=x")
    XCTAssertEqual(CSVWriter.guardFormula("'abc"), "'abc")
    XCTAssertEqual(CSVWriter.unguard("'abc"), "'abc")
  }

  func testDecimalRecognition() {
    for s in ["0", "-3.50", "+1", "1,331.42", "12,345,678", ".5", "5.", "1E-2", "-3e+10"] {
      XCTAssertTrue(DecimalText.isDecimal(s, allowGrouping: true), s)
    }
    for s in ["", "-", ".", "1,33", "1,3331", ",1", "0x10", "inf", "nan", "1 2", "1e", "--1", "=1", "1.2.3"] {
      XCTAssertFalse(DecimalText.isDecimal(s, allowGrouping: true), s)
    }
    XCTAssertFalse(DecimalText.isDecimal("1,331.42", allowGrouping: false))
  }

  func testWriteIsAtomicAndRefusesInputs() throws {
    let dir = SheetsFixtures.scratchDirectory(for: self)
    let path = dir + "/out.csv"
    try CSVWriter.write(rows: [[CSVField.text("a"), .number("-1.00")]], to: path, encoding: .gb18030)
    XCTAssertEqual(FileManager.default.contents(atPath: path).map(Array.init), Array("a,-1.00\r\n".utf8))
    XCTAssertThrowsError(try CSVWriter.write(rows: [["b"]], to: path, refusing: [dir + "/./out.csv"])) { error in
      guard case .wouldOverwriteInput? = error as? WriteError else { return XCTFail("\(error)") }
    }
    XCTAssertEqual(FileManager.default.contents(atPath: path).map(Array.init), Array("a,-1.00\r\n".utf8))
    XCTAssertEqual(SheetsFixtures.entries(dir), ["out.csv"])
  }
}
