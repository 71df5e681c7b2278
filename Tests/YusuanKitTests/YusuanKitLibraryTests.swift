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
    let written = try Yusuan.write(reading.disclosure, as: .csv, to: dir + "/csv").written
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

  /// The README's "Yusuan as a Swift library" example, line for line, in a scratch folder
  /// holding its inputs (the final `exit` replaced by an assertion).
  func testReadmeExample() throws {
    let dir = try Fixtures.scratchFolder("yusuankit-readme")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let previous = FileManager.default.currentDirectoryPath
    defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }
    try Fixtures.write(try Fixtures.bytes(Fixtures.sampleXLSX), to: dir + "/部门预算.xlsx")
    for n in 1...13 { try Fixtures.write(try Fixtures.bytes(Fixtures.csvFile(n)), to: dir + "/csv目录/\(n).csv") }
    for name in ["甲", "乙"] {
      try Fixtures.write(try Fixtures.bytes(Fixtures.sampleXLSX), to: dir + "/各部门/\(name).xlsx")
    }
    XCTAssertTrue(FileManager.default.changeCurrentDirectoryPath(dir))

    // One department: read (xlsx, CSV files, a CSV folder or JSON), validate, write.
    // One settings value for every call: template set (nil: detected), catalog, tolerance, limits…
    var configuration = Yusuan.Configuration()
    configuration.tolerance = Amount(parsing: "0.01")!
    let reading = try Yusuan.read(["部门预算.xlsx"], configuration)
    let disclosure = reading.disclosure
    print(disclosure.department, disclosure.year ?? 0, disclosure.tables.map(\.number))
    let report = Yusuan.validate(reading, configuration)  // rules + read.* findings
    for finding in report.findings { print(finding.severity, finding.message(.en)) }
    try Yusuan.write(disclosure, as: .json, to: "部门预算.json")
    try Yusuan.convert(["csv目录"], to: "公开表.xlsx")  // read + write in one call
    let changed = try Yusuan.roundTrip(disclosure, through: .xlsx, scratch: dir + "/trip.xlsx")

    // Many departments: the same engine as `yusuan batch`.
    var options = BatchOptions(formats: [.xlsx, .json])
    options.configuration.jobs = 4
    let plan = try BatchPlan.discover(["各部门"], output: "输出", shard: options.shard)
    let summary = try BatchRunner(plan: plan, options: options).run { progress in
      print("\(progress.done)/\(progress.total) \(progress.row.file): \(progress.row.status)")
    }
    try summary.writeReport(to: "报告.csv")
    XCTAssertEqual(summary.exitStatus, 0)

    // What the example claims.
    XCTAssertEqual(report.findings.count, 0, "with tolerance 0.01 the two rounding slips are equal")
    XCTAssertEqual(changed, [])
    for file in ["部门预算.json", "公开表.xlsx", "输出/甲.xlsx", "输出/乙.json", "报告.csv"] {
      XCTAssertTrue(FileManager.default.fileExists(atPath: dir + "/" + file), file)
    }
  }
}

/// One `Yusuan.Configuration` decides the template set, tolerance and catalog for every call,
/// batch included.
final class YusuanKitConfigurationTests: XCTestCase {
  func testAForcedTemplateSetReachesReadValidateAndBatch() throws {
    let detected = try Yusuan.read([Fixtures.sampleXLSX])
    XCTAssertEqual(detected.disclosure.templateSet, "datong-shanxi")
    XCTAssertEqual(detected.disclosure.tables.count, 13)

    // Read as a Shanghai 部门预算, the Datong workbook has no table of that set.
    let shanghai = Yusuan.Configuration(template: .shanghaiDepartment)
    XCTAssertThrowsError(try Yusuan.read([Fixtures.sampleXLSX], shanghai)) { XCTAssertTrue($0 is InputError, "\($0)") }

    let dir = try Fixtures.scratchFolder("yusuankit-configuration")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try Fixtures.write(try Fixtures.bytes(Fixtures.sampleXLSX), to: dir + "/in/甲.xlsx")
    let plan = try BatchPlan.discover([dir + "/in"], output: dir + "/out")
    var options = BatchOptions(formats: [.json])
    let first = try BatchRunner(plan: plan, options: options).run()
    XCTAssertEqual(first.rows.map(\.status), [.ok])
    XCTAssertEqual(first.rows[0].findings, Yusuan.validate(detected).findings.count)
    // A forced set is part of the manifest key: the department done as detected is redone.
    options.configuration = shanghai
    let forcedRun = try BatchRunner(plan: plan, options: options).run()
    XCTAssertEqual(forcedRun.skipped, 0)
    XCTAssertEqual(forcedRun.rows.map(\.status), [.unreadable])
  }
}
