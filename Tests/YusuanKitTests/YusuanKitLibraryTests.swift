import Foundation
import TestSupport
import XCTest
import YusuanKit

/// The public facade, used as an embedding program would (one `import YusuanKit`).
final class YusuanKitLibraryTests: XCTestCase {
  func testReadValidateWriteConvertTheSample() throws {
    let reading = try Yusuan.read([Fixtures.sampleXLSX])
    XCTAssertEqual(reading.disclosure.tables.map(\.number), Array(1...13))
    XCTAssertEqual(reading.disclosure.year, 2023)

    let report = Yusuan.validate(reading.disclosure)
    // The sample's two known rounding slips in 表6, and nothing else.
    XCTAssertEqual(report.findings.map(\.ruleId), ["T6.total-row", "T6.total-row"])
    XCTAssertEqual(report.exitStatus(), 0)
    XCTAssertEqual(report.exitStatus(strict: true), 1)

    let dir = try Fixtures.scratchFolder("yusuankit-api")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let written = try Yusuan.write(reading.disclosure, as: .csv, to: dir + "/csv")
    XCTAssertEqual(written.count, 13)
    XCTAssertTrue(written[2].hasSuffix("/预算公开表03.csv"))

    let conversion = try Yusuan.convert([Fixtures.sampleCSVFolder], to: dir + "/d.json")
    XCTAssertEqual(conversion.written, [dir + "/d.json"])
    let again = try Yusuan.read([dir + "/d.json"]).disclosure
    XCTAssertEqual(again.withoutProvenance(), reading.disclosure.withoutProvenance())
    XCTAssertEqual(try Yusuan.roundTrip(reading.disclosure, through: .xlsx, scratch: dir + "/t.xlsx"), [])
  }

  func testConvertNeverOverwritesItsInputAndNeedsAKnownFormat() throws {
    let dir = try Fixtures.scratchFolder("yusuankit-api")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let input = dir + "/d.xlsx"
    try Fixtures.write(try Fixtures.bytes(Fixtures.sampleXLSX), to: input)
    XCTAssertThrowsError(try Yusuan.convert([input], to: input))
    XCTAssertEqual(try Fixtures.bytes(input), try Fixtures.bytes(Fixtures.sampleXLSX))
    XCTAssertThrowsError(try Yusuan.convert([input], to: dir + "/d.pdf")) { error in
      XCTAssertEqual(error as? BatchError, .unknownFormat(dir + "/d.pdf"))
    }
  }

  func testReadThrowsInputErrorForWhatIsNotABudget() throws {
    let dir = try Fixtures.scratchFolder("yusuankit-api")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try Fixtures.write(HostileFiles.truncated(), to: dir + "/x.xlsx")
    XCTAssertThrowsError(try Yusuan.read([dir + "/x.xlsx"])) { error in
      guard case .unreadable? = error as? InputError else { return XCTFail("\(error)") }
    }
  }
}
