import Foundation
import TestSupport
import XCTest

/// The 部门决算 through the binary: the published 2024 决算 and a made-up department written by
/// openpyxl read, validate and survive every format.
final class CLIFinalAccountsTests: XCTestCase {
  static let real = Fixtures.repoRoot.appendingPathComponent(
    "Tests/Fixtures/real/putuo-caizhengju-2024-final-accounts.pdf-pages.xlsx"
  ).path

  func testRealAndMadeUpFinalAccountsRoundTripLosslessly() throws {
    let dir = try Fixtures.scratchFolder("yusuan-cli-final-accounts")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let madeUp = dir + "/示范决算.xlsx"
    try OpenpyxlWriter.write(FinalAccountsDepartment.sheetSpecs(), to: madeUp)
    for input in [Self.real, madeUp] {
      let result = try E2E.expect(0, ["roundtrip", input])
      XCTAssertTrue(result.stdout.contains("全部 8 种往返无损"), "\(input)\n\(result.stdout)")
    }
    // The made-up department validates clean; the publication has its two 0.01 differences.
    let clean = try E2E.expect(0, ["validate", madeUp, "--strict"])
    XCTAssertTrue(clean.stdout.contains("错误 0，警告 0，尾差 0"), clean.stdout)
    let published = try E2E.expect(1, ["validate", Self.real])
    XCTAssertTrue(
      published.stdout.contains("[错误] FA.t3-t1.expenditure 支出决算表 208 社会保障和就业支出 合计：应为 326.71"), published.stdout)
  }
}
