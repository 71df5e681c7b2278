import XCTest

@testable import Sheets

/// Output targets that are not regular files, CSV folders written whole, and temporaries
/// removed before an exit on a signal.
final class AtomicFolderTests: XCTestCase {
  private var dir = ""

  override func setUp() { dir = SheetsFixtures.scratchDirectory(for: self) }

  private func text(_ path: String) -> String? {
    FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
  }

  private func own(_ name: String) -> Bool { name.hasPrefix("t") && name.hasSuffix(".csv") }

  func testRegression_CharacterDeviceIsNeverReplaced() {
    // Checked without writing: as root, a rename onto /dev/null would replace the device.
    XCTAssertThrowsError(try AtomicFile.checkReplaceable("/dev/null")) { error in
      XCTAssertEqual(error as? WriteError, .notARegularFile(path: "/dev/null", kind: .characterDevice))
    }
    XCTAssertEqual(FileKind.of("/dev/null"), .characterDevice)
    XCTAssertThrowsError(try AtomicFile.checkReplaceable("")) { XCTAssertEqual($0 as? WriteError, .emptyPath) }
  }

  func testRegression_SymlinkTargetIsRefusedAndKept() throws {
    let link = dir + "/link.txt"
    XCTAssertEqual(symlink(dir + "/elsewhere.txt", link), 0)
    XCTAssertThrowsError(try AtomicFile.write(bytes: Array("x".utf8), to: link)) { error in
      XCTAssertEqual(error as? WriteError, .notARegularFile(path: link, kind: .symbolicLink))
    }
    XCTAssertEqual(FileKind.of(link), .symbolicLink)
    XCTAssertEqual(SheetsFixtures.entries(dir), ["link.txt"])
  }

  func testNewFolderAppearsWholeWithTheUsualMode() throws {
    let folder = dir + "/out"
    let outcome = try AtomicFolder.write(
      files: [("t1.csv", Array("a".utf8)), ("t2.csv", Array("b".utf8))], to: folder, owns: own)
    XCTAssertEqual(outcome.written, [folder + "/t1.csv", folder + "/t2.csv"])
    XCTAssertEqual(SheetsFixtures.entries(folder), ["t1.csv", "t2.csv"])
    XCTAssertEqual(SheetsFixtures.entries(dir), ["out"], "no temporary folder left")
    var info = stat()
    XCTAssertEqual(stat(folder, &info), 0)
    let mask = umask(0o022)
    umask(mask)
    XCTAssertEqual(info.st_mode & 0o777, 0o777 & ~mask, "not mkdtemp's 0700")
  }

  func testRegression_RewritingAFolderRemovesStaleOwnFilesAndKeepsForeignOnes() throws {
    let folder = dir + "/out"
    try AtomicFolder.write(files: (1...5).map { ("t\($0).csv", Array("old".utf8)) }, to: folder, owns: own)
    // Only the writer's own files: the folder is exchanged whole.
    var smaller = try AtomicFolder.write(files: [("t1.csv", Array("new".utf8))], to: folder, owns: own)
    XCTAssertEqual(SheetsFixtures.entries(folder), ["t1.csv"])
    XCTAssertEqual(text(folder + "/t1.csv"), "new")
    XCTAssertEqual(smaller.foreign, [])
    // A foreign file: kept, reported; the own set still replaced.
    _ = FileManager.default.createFile(atPath: folder + "/notes.txt", contents: Data("mine".utf8))
    _ = FileManager.default.createFile(atPath: folder + "/t9.csv", contents: Data("stale".utf8))
    smaller = try AtomicFolder.write(files: [("t2.csv", Array("newer".utf8))], to: folder, owns: own)
    XCTAssertEqual(smaller.foreign, ["notes.txt"])
    XCTAssertEqual(SheetsFixtures.entries(folder), ["notes.txt", "t2.csv"])
    XCTAssertEqual(text(folder + "/notes.txt"), "mine")
    XCTAssertEqual(SheetsFixtures.entries(dir), ["out"])
  }

  func testFolderHoldingAnInputKeepsIt() throws {
    let folder = dir + "/in"
    try AtomicFolder.write(
      files: [("t1.csv", Array("input".utf8)), ("t2.csv", Array("input".utf8))], to: folder, owns: own)
    XCTAssertThrowsError(
      try AtomicFolder.write(
        files: [("t1.csv", Array("out".utf8))], to: folder, owns: own, refusing: [folder + "/t1.csv"])
    ) { error in
      guard case .wouldOverwriteInput? = error as? WriteError else { return XCTFail("\(error)") }
    }
    // An input that the new set does not name is not removed as stale either.
    try AtomicFolder.write(
      files: [("t3.csv", Array("out".utf8))], to: folder, owns: own, refusing: [folder + "/t1.csv"])
    XCTAssertEqual(SheetsFixtures.entries(folder), ["t1.csv", "t3.csv"])
    XCTAssertEqual(text(folder + "/t1.csv"), "input")
  }

  func testFileWhereTheFolderGoesIsRefused() {
    _ = FileManager.default.createFile(atPath: dir + "/out", contents: Data("keep".utf8))
    XCTAssertThrowsError(try AtomicFolder.write(files: [("t1.csv", [])], to: dir + "/out", owns: own)) { error in
      XCTAssertEqual(error as? WriteError, .notAFolder(path: dir + "/out", kind: .regular))
    }
    XCTAssertEqual(text(dir + "/out"), "keep")
    XCTAssertEqual(SheetsFixtures.entries(dir), ["out"])
  }

  func testCreateFoldersMakesParentsAndRefusesAFileOnTheWay() throws {
    try Paths.createFolders(dir + "/a/b/c")
    XCTAssertEqual(FileKind.of(dir + "/a/b/c"), .directory)
    _ = FileManager.default.createFile(atPath: dir + "/f", contents: Data())
    XCTAssertThrowsError(try Paths.createFolders(dir + "/f/g")) { error in
      XCTAssertEqual(error as? WriteError, .parentNotAFolder(path: dir + "/f"))
    }
  }
}
