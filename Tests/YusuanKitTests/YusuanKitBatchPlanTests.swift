import Foundation
import TestSupport
import XCTest

@testable import YusuanKit

/// Discovery of departments in a tree, output names, shards, and the input/output separation.
final class YusuanKitBatchPlanTests: XCTestCase {
  var dir = ""

  override func setUpWithError() throws { dir = try Fixtures.scratchFolder("yusuankit-plan") }
  override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: dir) }

  /// `batch --to json,xlsx` after `--to xlsx,json` redid every department: the order of the
  /// formats was part of the manifest key.
  func testRegression_TheOrderOfTheFormatsDoesNotRedoDepartments() throws {
    let a = BatchOptions(formats: try BatchOptions.formats(parsing: "xlsx,json"))
    let b = BatchOptions(formats: try BatchOptions.formats(parsing: "json,xlsx"))
    XCTAssertEqual(a.fingerprint, b.fingerprint)
    XCTAssertNotEqual(a.fingerprint, BatchOptions(formats: [.json]).fingerprint)
  }

  func testDecimalTextsAsPrintfWouldPrintThem() {
    XCTAssertEqual(1.5.text(decimals: 3), "1.500")
    XCTAssertEqual(12.345678.text(decimals: 1), "12.3")
    XCTAssertEqual(0.04.text(decimals: 1), "0.0")
    XCTAssertEqual(0.96.text(decimals: 1), "1.0")
    XCTAssertEqual((-2.25).text(decimals: 1), "-2.3")
    XCTAssertEqual((-0.01).text(decimals: 1), "0.0")
    XCTAssertEqual(1234.0.text(decimals: 0), "1234")
    XCTAssertEqual(0.0005.text(decimals: 3), "0.001")
  }

  func testMixedTreeIsFoundAsFiveDepartmentsMirroredUnderTheOutput() throws {
    let expected = try BatchTrees.mixed(in: dir + "/in")
    let plan = try BatchPlan.discover([dir + "/in"], output: dir + "/out")
    XCTAssertEqual(plan.departments.map(\.key), expected.map(\.key))
    XCTAssertEqual(plan.departments.map(\.stem), ["a/b/invalid", "a/good", "broken", "dept-csv", "other/not-budget"])
    let csv = plan.departments[3]
    XCTAssertEqual(csv.path, dir + "/in/dept-csv")
    XCTAssertEqual(csv.files.count, 13)
    XCTAssertEqual(csv.output(.xlsx), "dept-csv.xlsx")
    XCTAssertEqual(csv.output(.csv), "dept-csv")
    XCTAssertEqual(plan.departments[1].output(.json), "a/good.json")
    XCTAssertEqual(plan.totalAcrossShards, 5)
  }

  func testSameStemKeepsTheExtensionSoOutputsNeverCollide() throws {
    try Fixtures.write(try Fixtures.bytes(Fixtures.sampleXLSX), to: dir + "/in/x.xlsx")
    try Fixtures.write(try Fixtures.bytes(Fixtures.fixtureJSON), to: dir + "/in/x.json")
    try Fixtures.write(try Fixtures.bytes(Fixtures.csvFile(1)), to: dir + "/in/x/t1.csv")
    let plan = try BatchPlan.discover([dir + "/in"], output: dir + "/out")
    XCTAssertEqual(plan.departments.map(\.key), ["x.json", "x.xlsx", "x/"])
    XCTAssertEqual(plan.departments.map { $0.output(.json) }, ["x_json.json", "x_xlsx.json", "x.json"])
    XCTAssertEqual(Set(plan.departments.flatMap { d in OutputFormat.allCases.map(d.output) }).count, 9)
  }

  func testFilesAndSeveralFoldersMirrorFromTheirCommonFolder() throws {
    _ = try BatchTrees.copies(3, in: dir + "/city")
    let plan = try BatchPlan.discover(
      [dir + "/city/g0", dir + "/city/g1/d001.xlsx", dir + "/city/g0/d000.xlsx"], output: dir + "/out")
    XCTAssertEqual(plan.root, dir + "/city")
    XCTAssertEqual(plan.departments.map(\.key), ["g0/d000.xlsx", "g1/d001.xlsx"])
  }

  func testOutputInsideTheInputTreeOrAroundItIsRefused() throws {
    _ = try BatchTrees.copies(1, in: dir + "/in")
    XCTAssertThrowsError(try BatchPlan.discover([dir + "/in"], output: dir + "/in/out")) {
      XCTAssertEqual($0 as? BatchError, .outputInsideInput(output: self.dir + "/in/out", input: self.dir + "/in"))
    }
    XCTAssertThrowsError(try BatchPlan.discover([dir + "/in"], output: dir + "/in/./g0/../"))
    XCTAssertThrowsError(try BatchPlan.discover([dir + "/in/g0"], output: dir)) {
      XCTAssertEqual($0 as? BatchError, .inputInsideOutput(input: self.dir + "/in/g0", output: self.dir))
    }
    // Through a symlink the output is still inside the input.
    try FileManager.default.createSymbolicLink(atPath: dir + "/link", withDestinationPath: dir + "/in")
    XCTAssertThrowsError(try BatchPlan.discover([dir + "/in"], output: dir + "/link/out"))
    XCTAssertThrowsError(try BatchPlan.discover([dir + "/missing"], output: dir + "/out")) {
      XCTAssertEqual($0 as? BatchError, .inputNotFound(self.dir + "/missing"))
    }
  }

  func testShardsPartitionTheKeysExactlyAndStably() throws {
    let keys = (0..<500).map { "province-\($0 % 7)/county-\($0)/部门\($0).xlsx" }
    for n in [1, 2, 3, 8] {
      let shards = (1...n).map { Shard(index: $0, count: n)! }
      for key in keys {
        XCTAssertEqual(shards.filter { $0.contains(key) }.count, 1, "\(key) in \(n) shards")
      }
      if n > 1 {
        // Roughly even: no shard holds under half its share.
        for shard in shards { XCTAssertGreaterThan(keys.filter(shard.contains).count, 500 / n / 2) }
      }
    }
    // The assignment is a pure function of the key (FNV-1a 64), not of the process.
    XCTAssertEqual(Shard.fnv1a("a"), 0xaf63_dc4c_8601_ec8c)
    XCTAssertEqual(try Shard(parsing: "2/8"), Shard(index: 2, count: 8))
    for bad in ["0/2", "3/2", "2", "a/b", "1/0", "-1/2"] {
      XCTAssertThrowsError(try Shard(parsing: bad)) { XCTAssertEqual($0 as? BatchError, .badShard(bad)) }
    }
  }

  /// CI saw `batch --to csv,json` fail one run in many: `dept/预算公开表01.csv.xlsx` wrote its
  /// outputs inside the CSV folder `out/dept/` of the folder department `dept/`, while another
  /// worker replaced that folder whole, taking the other's temporary folder with it.
  func testRegression_DepartmentsInsideAnotherCSVFolderRunOnOneWorkerAndInOneShard() throws {
    let names = ["a/1.csv", "a/x.xlsx", "a/b/1.csv", "a/b/y.json", "ab/z.xlsx", "c.xlsx", "c/w.xlsx", "d.xlsx"]
    for name in names { try Fixtures.write([0x31], to: dir + "/in/" + name) }
    let plan = try BatchPlan.discover([dir + "/in"], output: dir + "/out")
    XCTAssertEqual(plan.departments.map(\.stem), ["a", "a/b", "a/b/y", "a/x", "ab/z", "c", "c/w", "d"])
    // `ab/z` shares a prefix of characters with `a`, not a folder; `c/w` lies in the CSV folder of `c.xlsx`.
    XCTAssertEqual(plan.serialGroups(writingCSV: true), [[0, 1, 2, 3], [4], [5, 6], [7]])
    XCTAssertEqual(plan.serialGroups(writingCSV: false), (0..<8).map { [$0] })
    for n in [2, 3, 5] {
      let shards = (1...n).map {
        try! BatchPlan.discover([dir + "/in"], output: dir + "/out", shard: Shard(index: $0, count: n)!)
      }
      XCTAssertEqual(shards.map(\.departments.count).reduce(0, +), 8)
      for family in [["a", "a/b", "a/b/y", "a/x"], ["c", "c/w"]] {
        let holding = shards.filter { shard in shard.departments.contains { family.contains($0.stem) } }
        XCTAssertEqual(holding.count, 1, "\(family) across \(n) shards")
        XCTAssertEqual(holding.first?.departments.filter { family.contains($0.stem) }.count, family.count)
      }
    }
  }

  func testFormatListParsing() throws {
    XCTAssertEqual(try BatchOptions.formats(parsing: "xlsx,json,csv"), [.xlsx, .json, .csv])
    XCTAssertEqual(try BatchOptions.formats(parsing: "json, json"), [.json])
    XCTAssertThrowsError(try BatchOptions.formats(parsing: "xlsx,pdf"))
    XCTAssertThrowsError(try BatchOptions.formats(parsing: ""))
  }
}
