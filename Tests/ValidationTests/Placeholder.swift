import XCTest
final class ValidationPlaceholderTests: XCTestCase { func testPlaceholder() { XCTAssertEqual(1, 1) } }
