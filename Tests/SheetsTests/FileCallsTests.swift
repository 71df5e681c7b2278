import Foundation
import TestSupport
import XCTest

@testable import Sheets

/// The file calls Sheets offers the other modules so that they call no libc themselves:
/// a file's first bytes, appending to a log, and `realpath` of a path that may not exist yet.
final class FileCallsTests: XCTestCase {
  var folder = ""

  override func setUpWithError() throws { folder = try Fixtures.scratchFolder("yusuan-file-calls") }
  override func tearDown() { try? FileManager.default.removeItem(atPath: folder) }

  func testFirstBytesAreAtMostTheCountAskedAndFewerForAShortFile() throws {
    try Fixtures.write([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00], to: folder + "/long")
    try Fixtures.write([0x7B], to: folder + "/short")
    try Fixtures.write([], to: folder + "/empty")
    XCTAssertEqual(Files.firstBytes(of: folder + "/long", count: 4), [0x50, 0x4B, 0x03, 0x04])
    XCTAssertEqual(Files.firstBytes(of: folder + "/short", count: 4), [0x7B])
    XCTAssertEqual(Files.firstBytes(of: folder + "/empty", count: 4), [])
    XCTAssertEqual(Files.firstBytes(of: folder + "/missing", count: 4), [])
  }

  func testAppendOnlyFileCreatesOnFirstAppendAndKeepsWhatWasThere() throws {
    let path = folder + "/log.jsonl"
    try Fixtures.write(Array("old\n".utf8), to: path)
    let file = AppendOnlyFile(path: path)
    try file.append(Array("one\n".utf8))
    try file.append(Array("two\n".utf8))
    file.close()
    try file.append(Array("three\n".utf8))  // opens again after close
    XCTAssertEqual(String(decoding: try Fixtures.bytes(path), as: UTF8.self), "old\none\ntwo\nthree\n")

    let fresh = folder + "/new.jsonl"
    let created = AppendOnlyFile(path: fresh)
    XCTAssertFalse(FileManager.default.fileExists(atPath: fresh), "nothing is created before the first append")
    try created.append(Array(repeating: UInt8(ascii: "x"), count: 1 << 20))
    XCTAssertEqual(try Fixtures.bytes(fresh).count, 1 << 20)
  }

  func testAppendOnlyFileInAMissingFolderIsATypedOpenError() {
    let path = folder + "/no/such/folder/log.jsonl"
    XCTAssertThrowsError(try AppendOnlyFile(path: path).append([1])) { error in
      guard case WriteError.io(let failed, let operation, let errno)? = error as? WriteError else {
        return XCTFail("\(error)")
      }
      XCTAssertEqual(failed, path)
      XCTAssertEqual(operation, "open")
      XCTAssertEqual(errno, ENOENT)
    }
  }

  func testResolvedFollowsSymlinksOfTheExistingPartAndKeepsTheRest() throws {
    let real = folder + "/real"
    try FileManager.default.createDirectory(atPath: real, withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(atPath: folder + "/link", withDestinationPath: real)
    let resolvedReal = Paths.resolved(real)
    XCTAssertTrue(resolvedReal.hasSuffix("/real"), resolvedReal)
    XCTAssertEqual(Paths.resolved(folder + "/link"), resolvedReal)
    XCTAssertEqual(Paths.resolved(folder + "/link/not/yet.csv"), resolvedReal + "/not/yet.csv")
    let missing = "/no-such-root-folder-\(UUID().uuidString)/a/b.csv"
    XCTAssertEqual(Paths.resolved(missing), missing, "nothing exists below the root: the path as given")
  }
}
