import XCTest
final class BudgetPlaceholderTests: XCTestCase { func testPlaceholder() { XCTAssertEqual(1, 1) } }
