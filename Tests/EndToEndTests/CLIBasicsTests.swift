import Foundation
import TestSupport
import XCTest

/// Help, version, schema and argument errors of the binary.
final class CLIBasicsTests: XCTestCase {
  func testHelpNamesTheCommandsAndExitStatuses() throws {
    let help = try E2E.expect(0, ["--help"])
    for word in ["convert", "inspect", "schema", "退出码", "0.00"] {
      XCTAssertTrue(help.stdout.contains(word), "help mentions \(word):\n\(help.stdout)")
    }
    let convertHelp = try E2E.expect(0, ["convert", "--help"])
    for option in ["--output", "--to", "--encoding", "--csv-layout", "--input-encoding"] {
      XCTAssertTrue(convertHelp.stdout.contains(option), "convert --help lists \(option)")
    }
  }

  func testVersion() throws {
    let result = try E2E.expect(0, ["--version"])
    XCTAssertNotNil(
      result.stdout.trimmingCharacters(in: .whitespacesAndNewlines).range(
        of: #"^\d+\.\d+\.\d+$"#, options: .regularExpression), result.stdout)
  }

  func testSchemaPrintsTheSchemaFile() throws {
    let result = try E2E.expect(0, ["schema"])
    XCTAssertEqual(result.stdout, try String(contentsOfFile: Fixtures.schemaFile, encoding: .utf8))
    XCTAssertEqual(result.stderr, "")
  }

  func testUnknownOptionAndSubcommandAreMisuse() throws {
    let option = try E2E.expect(2, ["convert", Fixtures.sampleXLSX, "-o", "/tmp/never.json", "--bogus"])
    XCTAssertTrue(option.stderr.contains("--bogus"), option.stderr)
    XCTAssertEqual(option.stdout, "")
    XCTAssertFalse(FileManager.default.fileExists(atPath: "/tmp/never.json"))
    let command = try E2E.expect(2, ["frobnicate"])
    XCTAssertTrue(command.stderr.contains("frobnicate"), command.stderr)
    try E2E.expect(2, ["convert", Fixtures.sampleXLSX])  // no -o
    try E2E.expect(2, ["convert", Fixtures.sampleXLSX, "-o", "/tmp/x.json", "--to", "pdf"])
  }

  func testUnknownOutputExtensionIsMisuse() throws {
    let folder = try Fixtures.scratchFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let result = try E2E.expect(2, ["convert", Fixtures.sampleXLSX, "-o", folder + "/out.pdf"])
    XCTAssertTrue(result.stderr.contains("--to"), result.stderr)
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), [])
  }
}
