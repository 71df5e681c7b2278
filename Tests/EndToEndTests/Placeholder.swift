import XCTest
final class EndToEndPlaceholderTests: XCTestCase { func testPlaceholder() { XCTAssertEqual(1, 1) } }
