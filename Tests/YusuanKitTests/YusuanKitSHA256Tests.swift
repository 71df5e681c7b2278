import XCTest

@testable import YusuanKit

/// The manifest's content hash is SHA-256; checked against FIPS 180-4 vectors.
final class YusuanKitSHA256Tests: XCTestCase {
  func testSHA256KnownVectors() {
    var empty = SHA256()
    XCTAssertEqual(empty.hexDigest(), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    var abc = SHA256()
    abc.update("abc")
    XCTAssertEqual(abc.hexDigest(), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    // 56 bytes: the padding spills into a second block.
    var two = SHA256()
    two.update("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
    XCTAssertEqual(two.hexDigest(), "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    // Fed in uneven pieces, the digest is the same as fed at once.
    let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 * 7) }
    var whole = SHA256()
    whole.update(bytes)
    var pieces = SHA256()
    pieces.update(Array(bytes[0..<3]))
    pieces.update(Array(bytes[3..<130]))
    pieces.update(Array(bytes[130...]))
    let digest = whole.hexDigest()
    XCTAssertEqual(digest, "89f4ff56a25dd1db06a4ce6033603775d705fb96f30f8693733fef602a1ca532")  // python3 hashlib
    XCTAssertEqual(pieces.hexDigest(), digest)
  }
}
