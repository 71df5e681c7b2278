import Foundation
import Layouts
import Sheets
import TestSupport
import XCTest

/// Issue 21, item 2: the budgets per CSV folder and per JSON document.
final class InputBudgetRegressionTests: XCTestCase {
  var folder = ""

  override func setUpWithError() throws {
    folder = try Fixtures.scratchFolder("yusuan-input-budget")
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(atPath: folder)
  }

  private func message(_ error: any Error) -> String { (error as? LocalizedMessage)?.message(.en) ?? "\(error)" }

  func testRegression_CSVFolderCountsTheCellsOfAllItsFilesAgainstOneBudget() throws {
    for i in 1...4 {
      try Data(HostileFiles.csv(rows: 10, columns: 10)).write(to: URL(fileURLWithPath: folder + "/t\(i).csv"))
    }
    var limits = Limits.default
    limits.maxCellsPerWorkbook = 250
    // Each file holds 100 cells, within the limit; the third one passes the folder's 250.
    XCTAssertThrowsError(try DisclosureReader(limits: limits).read([folder])) {
      XCTAssertTrue(message($0).contains("together hold more than 250 cells"), message($0))
    }
    limits.maxCellsPerWorkbook = 400
    XCTAssertThrowsError(try DisclosureReader(limits: limits).read([folder])) {
      // Within budget: the files are read, and merely hold no budget table.
      XCTAssertTrue(message($0).contains("no budget disclosure table"), message($0))
    }
  }

  func testRegression_CSVFolderCountsTheBytesOfAllItsFilesBeforeReadingAny() throws {
    for i in 1...4 {
      try Data(HostileFiles.csv(rows: 10, columns: 10)).write(to: URL(fileURLWithPath: folder + "/t\(i).csv"))
    }
    var limits = Limits.default
    limits.maxCSVBytes = 3 * 200 + 10
    XCTAssertThrowsError(try DisclosureReader(limits: limits).read([folder])) {
      XCTAssertTrue(message($0).contains("together exceed"), message($0))
    }
  }

  func testRegression_JSONDocumentOverItsValueBudgetIsRefused() throws {
    let path = folder + "/d.json"
    try Data(HostileFiles.jsonArray(1_000)).write(to: URL(fileURLWithPath: path))
    var limits = Limits.default
    limits.maxJSONValues = 999
    XCTAssertThrowsError(try DisclosureReader(limits: limits).read([path])) {
      XCTAssertTrue(message($0).contains("too many values"), message($0))
    }
    limits.maxJSONValues = 1_001
    XCTAssertThrowsError(try DisclosureReader(limits: limits).read([path])) {
      XCTAssertFalse(message($0).contains("too many values"), message($0))
    }
  }

  func testRegression_JSONOverItsByteBudgetIsRefusedBeforeReading() throws {
    let path = folder + "/d.json"
    try HostileFiles.sparseFile(at: path, size: 3 << 30)
    let start = ContinuousClock.now
    XCTAssertThrowsError(try DisclosureReader().read([path])) {
      XCTAssertTrue(message($0).contains("MiB size limit"), message($0))
    }
    XCTAssertLessThan(ContinuousClock.now - start, .seconds(1))
  }
}
