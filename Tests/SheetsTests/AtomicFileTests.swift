import XCTest

@testable import Sheets

final class AtomicFileTests: XCTestCase {
  private struct Boom: Error {}
  private var dir = ""

  override func setUp() {
    dir = SheetsFixtures.scratchDirectory(for: self)
  }

  private func contents(_ path: String) -> String? {
    FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
  }

  func testWritesWholeFileWithNormalModeAndNoLeftovers() throws {
    let path = dir + "/out.txt"
    try AtomicFile.write(bytes: Array("你好".utf8), to: path)
    XCTAssertEqual(contents(path), "你好")
    XCTAssertEqual(SheetsFixtures.entries(dir), ["out.txt"])
    var info = stat()
    XCTAssertEqual(stat(path, &info), 0)
    // mkstemp makes 0600 files; the output must get the usual mode instead.
    let mask = umask(0o022)
    umask(mask)
    XCTAssertEqual(info.st_mode & 0o777, 0o666 & ~mask)
  }

  func testTemporaryFileLivesBesideTheTargetAndIsHidden() throws {
    let path = dir + "/表3.xlsx"
    let temp = try AtomicFile.write(to: path) { tempPath -> String in
      let bytes = Array("x".utf8)
      XCTAssertTrue(FileManager.default.createFile(atPath: tempPath, contents: Data(bytes)))
      return tempPath
    }
    XCTAssertTrue(temp.hasPrefix(dir + "/.表3.xlsx.tmp-"), temp)
    XCTAssertFalse(FileManager.default.fileExists(atPath: temp))
    XCTAssertEqual(contents(path), "x")
  }

  func testFailedWriteLeavesNothing() {
    let path = dir + "/out.txt"
    var seenTemp = ""
    XCTAssertThrowsError(
      try AtomicFile.write(to: path) { tempPath in
        seenTemp = tempPath
        _ = FileManager.default.createFile(atPath: tempPath, contents: Data("half".utf8))
        throw Boom()
      }
    ) { XCTAssertTrue($0 is Boom) }
    XCTAssertFalse(seenTemp.isEmpty)
    XCTAssertEqual(SheetsFixtures.entries(dir), [], "neither target nor temporary file may remain")
  }

  func testExistingTargetIsUntouchedWhenWritingFails() throws {
    let path = dir + "/out.txt"
    try AtomicFile.write(bytes: Array("old".utf8), to: path)
    chmod(path, 0o640)
    XCTAssertThrowsError(
      try AtomicFile.write(to: path) { tempPath in
        _ = FileManager.default.createFile(atPath: tempPath, contents: Data("new but broken".utf8))
        throw Boom()
      })
    XCTAssertEqual(contents(path), "old")
    XCTAssertEqual(SheetsFixtures.entries(dir), ["out.txt"])
    // A successful rewrite keeps the existing file's mode.
    try AtomicFile.write(bytes: Array("new".utf8), to: path)
    XCTAssertEqual(contents(path), "new")
    var info = stat()
    stat(path, &info)
    XCTAssertEqual(info.st_mode & 0o777, 0o640)
  }

  func testRefusesToOverwriteAnInputUnderAnySpelling() throws {
    let input = dir + "/a.xlsx"
    try AtomicFile.write(bytes: Array("input".utf8), to: input)
    try FileManager.default.createDirectory(atPath: dir + "/sub", withIntermediateDirectories: false)
    symlink(input, dir + "/link.xlsx")
    for spelling in [input, dir + "/./a.xlsx", dir + "/sub/../a.xlsx", dir + "/link.xlsx"] {
      XCTAssertThrowsError(try AtomicFile.write(bytes: Array("x".utf8), to: spelling, refusing: [input])) { error in
        XCTAssertEqual(error as? WriteError, .wouldOverwriteInput(path: spelling, input: input), spelling)
      }
      XCTAssertThrowsError(try AtomicFile.write(bytes: Array("x".utf8), to: input, refusing: [spelling]), spelling)
    }
    XCTAssertEqual(contents(input), "input")
    XCTAssertEqual(SheetsFixtures.entries(dir), ["a.xlsx", "link.xlsx", "sub"])
    // A different file is fine, and inputs that do not exist are ignored.
    try AtomicFile.write(bytes: Array("y".utf8), to: dir + "/b.xlsx", refusing: [input, dir + "/missing"])
    XCTAssertEqual(contents(dir + "/b.xlsx"), "y")
  }

  func testMissingDirectoryIsATypedError() {
    XCTAssertThrowsError(try AtomicFile.write(bytes: [1], to: dir + "/no/such/out.txt")) { error in
      guard case .io(_, "create temporary file", ENOENT)? = error as? WriteError else { return XCTFail("\(error)") }
    }
    XCTAssertEqual(SheetsFixtures.entries(dir), [])
  }

  func testLongTargetNameStillGetsATemporaryFile() throws {
    let name = String(repeating: "预", count: 80) + ".csv"  // 244 bytes
    try AtomicFile.write(bytes: [0x41], to: dir + "/" + name)
    XCTAssertEqual(SheetsFixtures.entries(dir), [name])
  }
}
