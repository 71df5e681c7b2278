import Budget
import Foundation
import Layouts
import Sheets
import TestSupport
import XCTest

/// Every hostile input is refused with the default limits within 1 s and 200 MB of memory
/// growth (peak resident set, measured by resetting the kernel's high-water mark around the call).
final class BudgetHostileInputTests: XCTestCase {
  static let timeBudget = Duration.seconds(1)
  static let memoryBudget = 200 << 20

  /// Runs `body`, expecting it to throw; asserts the time and peak-memory budgets.
  func assertRefusedWithinBudget(
    _ label: String, file: StaticString = #filePath, line: UInt = #line, _ body: () throws -> Void
  ) {
    let baseline = Memory.resetPeak()
    let start = ContinuousClock.now
    var refused = false
    do { try body() } catch { refused = true }
    let elapsed = ContinuousClock.now - start
    let growth = Memory.peak() - baseline
    XCTAssertTrue(refused, "\(label): accepted", file: file, line: line)
    // Under a sanitizer (scripts/sanitize.sh) time and memory are the sanitizer's, not ours.
    guard ProcessInfo.processInfo.environment["YUSUAN_SANITIZER"] == nil else { return }
    XCTAssertLessThan(elapsed, Self.timeBudget, "\(label): took \(elapsed)", file: file, line: line)
    XCTAssertLessThan(
      growth, Self.memoryBudget, "\(label): peak memory grew by \(growth >> 20) MB", file: file, line: line)
  }

  /// The measurement is not vacuous: a 64 MB allocation made and freed inside the window shows.
  func testPeakMemoryMeasureSeesATransientAllocation() throws {
    try XCTSkipIf(ProcessInfo.processInfo.environment["YUSUAN_SANITIZER"] != nil, "sanitizer allocator")
    let baseline = Memory.resetPeak()
    do {
      let block = [UInt8](repeating: 1, count: 64 << 20)
      XCTAssertEqual(block[block.count / 2], 1)
    }
    XCTAssertGreaterThan(Memory.peak() - baseline, 60 << 20)
  }

  func testHostileWorkbooksAreRefusedWithinBudget() {
    let inputs: [(String, [UInt8])] = [
      ("external entity", HostileFiles.externalEntity()),
      ("billion laughs", HostileFiles.billionLaughs()),
      ("bare doctype", HostileFiles.bareDoctype()),
      ("declared 3.5 GB sheet", HostileFiles.declaredHugeSheet()),
      ("lying declared size", HostileFiles.lyingSizeSheet()),
      ("truncated zip", HostileFiles.truncated()),
      ("text named .xlsx", HostileFiles.textAsXLSX()),
      ("OLE container", HostileFiles.oleContainer()),
      ("cell below the last row", HostileFiles.cellBelowLastRow()),
      ("cell right of the last column", HostileFiles.cellRightOfLastColumn()),
      ("row beyond the grid", HostileFiles.rowBeyondGrid()),
      ("merge over the whole sheet", HostileFiles.hugeMerge()),
      ("bzip2 entry", HostileFiles.unsupportedCompression()),
      ("bad CRC", HostileFiles.badCRC()),
      ("duplicate part names", HostileFiles.duplicateNames()),
      ("no workbook part", HostileFiles.missingWorkbook()),
      ("malformed sheet XML", HostileFiles.malformedSheet()),
      ("text of 32,768 characters", HostileFiles.longText(characters: 32_768)),
      ("10,001 zip entries", HostileFiles.manyEntries(10_001)),
    ]
    for (label, bytes) in inputs {
      assertRefusedWithinBudget(label) { _ = try XLSXReader(bytes: bytes, name: "hostile.xlsx").grids() }
    }
  }

  func testHostileCSVIsRefusedWithinBudget() {
    let overlongField = [UInt8](repeating: UInt8(ascii: "x"), count: Limits.default.maxCSVFieldBytes + 1)
    let unterminated = Array("a,b\n\"".utf8) + [UInt8](repeating: UInt8(ascii: "y"), count: 8 << 20)
    let neitherEncoding = Array("表,".utf8) + [0xFF, 0xFE, 0x80, 0x81, 0xFF] + Array("\n".utf8)
    let utf16: [UInt8] = [0xFF, 0xFE, 0x61, 0x00, 0x2C, 0x00, 0x62, 0x00]
    let inputs: [(String, [UInt8], TextEncoding?)] = [
      ("field over 1 MiB", overlongField, nil),
      ("unterminated quote over 8 MiB", unterminated, nil),
      ("bytes that are neither UTF-8 nor GB18030", neitherEncoding, nil),
      ("invalid bytes under forced UTF-8", neitherEncoding, .utf8),
      ("invalid bytes under forced GB18030", neitherEncoding, .gb18030),
      ("UTF-16", utf16, nil),
    ]
    for (label, bytes, encoding) in inputs {
      assertRefusedWithinBudget(label) { _ = try CSVReader.read(bytes: bytes, name: "hostile.csv", encoding: encoding) }
    }
  }

  func testHostileJSONIsRefusedWithinBudget() {
    let deep = String(repeating: "[", count: 200_000) + String(repeating: "]", count: 200_000)
    let deepObject = String(repeating: #"{"a":"#, count: 100_000) + "1" + String(repeating: "}", count: 100_000)
    let hugeNumber = #"{"format":"yusuan-disclosure","version":1e999999999,"tables":[]}"#
    let longAmount =
      #"{"format":"yusuan-disclosure","version":1,"department":"x","unit":"万元","tables":[{"number":3,"title":"t","sourceUnit":"万元","sections":[{"role":"main","columns":["total"],"rows":[{"kind":"item","name":"n","amounts":[1"#
      + String(repeating: "9", count: 1 << 20) + "]}]}]}]}"
    let inputs: [(String, [UInt8])] = [
      ("arrays nested 200,000 deep", Array(deep.utf8)),
      ("objects nested 100,000 deep", Array(deepObject.utf8)),
      ("exponent of a billion", Array(hugeNumber.utf8)),
      ("amount of a million digits", Array(longAmount.utf8)),
      ("invalid UTF-8", [0x7B, 0x22, 0xC0, 0xAF, 0x22, 0x3A, 0x31, 0x7D]),
      // 1 MiB: the string scanner costs ~200 ns a byte in debug builds (8 MiB took 1.7 s there,
      // 2 MiB up to 1.1 s on a loaded machine); release builds are far faster.
      ("unterminated string of 1 MiB", Array("{\"".utf8) + [UInt8](repeating: UInt8(ascii: "z"), count: 1 << 20)),
    ]
    for (label, bytes) in inputs {
      assertRefusedWithinBudget(label) { _ = try Disclosure(jsonBytes: bytes) }
    }
  }
}

/// Peak resident memory of this process, from /proc (Linux). Resetting the high-water mark
/// (`5` into /proc/self/clear_refs) makes the peak of one call measurable after the fact.
enum Memory {
  /// Resets the peak to the current resident size and returns that size in bytes.
  static func resetPeak() -> Int {
    try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    return status("VmRSS")
  }

  /// The peak resident size in bytes since the last reset.
  static func peak() -> Int { status("VmHWM") }

  static func status(_ field: String) -> Int {
    guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in text.split(separator: "\n") where line.hasPrefix(field + ":") {
      let kilobytes = line.split(separator: " ").compactMap { Int($0) }.first ?? 0
      return kilobytes << 10
    }
    return 0
  }
}
