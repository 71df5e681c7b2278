import Budget
import Validation
import XCTest

final class FixtureTests: XCTestCase {
  func testPrintReport() throws {
    let report = RuleSet.standard.validate(try loadFixture(), catalog: TestCatalog())
    print(report.text())
  }
}
