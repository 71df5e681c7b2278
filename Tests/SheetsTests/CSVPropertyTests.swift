import XCTest

@testable import Sheets

/// A small deterministic generator (SplitMix64) so that failures reproduce.
struct SeededGenerator: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

final class CSVPropertyTests: XCTestCase {
  /// Random grids of awkward text survive write → read → unguard exactly, in every encoding.
  func testRandomGridsRoundTripInEveryEncoding() throws {
    var rng = SeededGenerator(seed: 20_230_101)
    let pieces = ["a", "中", "　", ",", "\"", "\r", "\n", "\r\n", "=", "+", "-", "@", "'", "\t", " ", "1.5", "𠀀", "€"]
    for round in 0..<300 {
      let rowCount = Int.random(in: 1...6, using: &rng)
      let columnCount = Int.random(in: 1...5, using: &rng)
      let rows = (0..<rowCount).map { _ in
        (0..<columnCount).map { _ in
          (0..<Int.random(in: 0...6, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
        }
      }
      for encoding in TextEncoding.allCases {
        let bytes = try CSVWriter.encode(rows: rows, encoding: encoding)
        let grid = try CSVReader.read(bytes: bytes, name: "p.csv", encoding: encoding).grid
        let back = (0..<rowCount).map { r in (0..<columnCount).map { c in CSVWriter.unguard(grid[r, c]?.text ?? "") } }
        XCTAssertEqual(back, rows, "round \(round) \(encoding)")
        if back != rows { return }
      }
    }
  }

  /// Arbitrary bytes either parse or fail with a typed CSVError; no input crashes the reader.
  func testArbitraryBytesNeverCrashTheReader() {
    var rng = SeededGenerator(seed: 42)
    let alphabet: [[UInt8]] = [
      [0x2C], [0x22], [0x0D], [0x0A], [0x61], [0xE4, 0xB8, 0xAD], [0xD6, 0xD0], [0xFF], [0x80], [0xEF, 0xBB, 0xBF],
      [0xE4], [0x81, 0x30], [0x00],
    ]
    var limits = Limits()
    limits.maxCSVFieldBytes = 16
    var outcomes: [String: Int] = [:]
    for _ in 0..<3_000 {
      var bytes: [UInt8] = []
      for _ in 0..<Int.random(in: 0...40, using: &rng) { bytes += alphabet.randomElement(using: &rng)! }
      do {
        let doc = try CSVReader.read(bytes: bytes, name: "f.csv", limits: limits)
        for row in doc.grid.rows {
          for cell in row.cells {
            guard case .text(let s) = cell.value, !s.isEmpty else { return XCTFail("bad cell \(cell) from \(bytes)") }
          }
        }
        outcomes["ok", default: 0] += 1
      } catch let error as CSVError {
        outcomes[String(describing: error).components(separatedBy: "：").last ?? "", default: 0] += 1
        if let line = error.line {
          XCTAssertGreaterThanOrEqual(line, 1)
          XCTAssertLessThanOrEqual(line, bytes.count + 1)
        }
      } catch {
        XCTFail("untyped error \(error)")
      }
    }
    // The generator reaches both successes and failures.
    XCTAssertGreaterThan(outcomes["ok", default: 0], 100)
    XCTAssertGreaterThan(outcomes.count, 2)
  }
}
