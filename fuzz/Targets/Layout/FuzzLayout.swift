import FuzzSupport
import Layouts
import Sheets
import Validation

/// Recognizes budget tables in an arbitrary grid, assembles a disclosure from what was found and
/// validates it. The input is a grid in a readable form (see `grid(from:)`), so the corpus can
/// start from the sample CSV files and libFuzzer mutates header words, codes and amounts.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLayout(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard let grid = GridInput.grid(from: FuzzDriver.bytes(data, size)) else { return 0 }
  let reading = TableRecognizer().read(grid, file: "fuzz.csv", sheet: "Sheet1")
  let assembled = DisclosureAssembler.assemble([reading])
  _ = RuleSet.standard.validate(assembled.disclosure)
  _ = assembled.disclosure.jsonText()
  return 0
}

/// The grid encoding of a fuzz input: UTF-8 CSV text, then optionally a NUL byte and merged
/// ranges (`A1:C1 B2:B3`). Fields that read as plain decimals become number cells, as an xlsx
/// reader would give them; everything else is text.
enum GridInput {
  static func grid(from bytes: [UInt8]) -> Grid? {
    let split = bytes.firstIndex(of: 0) ?? bytes.endIndex
    guard let document = try? CSVReader.read(bytes: Array(bytes[..<split]), name: "fuzz.csv", encoding: .utf8)
    else { return nil }
    var grid = Grid(name: "Sheet1")
    for row in document.grid.rows {
      for cell in row.cells {
        let text = cell.value.text
        let isNumber =
          !text.isEmpty && text.count < 30 && Double(text) != nil
          && text.allSatisfy {
            $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-" || $0 == "E" || $0 == "e" || $0 == "+")
          }
        grid.set(isNumber ? .number(text) : cell.value, row: row.index, column: cell.column)
      }
    }
    if split < bytes.endIndex {
      let tail = String(decoding: bytes[(split + 1)...], as: UTF8.self)
      for word in tail.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "," }).prefix(64) {
        if let range = CellRange(a1: word) { grid.addMerge(range) }
      }
    }
    return grid
  }
}

/// Runs libFuzzer (fuzz/run.sh) or, in a plain build, replays the files named as arguments.
/// (In the same file as the callback: a @convention(c) reference from another file emits a
/// second definition of the @_cdecl symbol.)
@main enum Entry {
  static func main() { FuzzDriver.main(fuzzLayout) }
}
