import XCTest
final class LayoutsPlaceholderTests: XCTestCase { func testPlaceholder() { XCTAssertEqual(1, 1) } }
