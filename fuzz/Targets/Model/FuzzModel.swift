import Budget
import Foundation
import FuzzSupport
import Layouts
import Sheets
import Validation

/// Mutates valid departments at the model level — amounts, names, codes, department and year set
/// to extreme values — then validates, renders and writes them, and reads them back: JSON and tidy
/// CSV must give the same disclosure, the workbook the same amounts (when only amounts changed),
/// or a typed refusal where a value is beyond what input accepts. Nothing may trap.
///
/// The input is a program: byte 0 picks the department (the Datong sample, a Shanghai district
/// department, a 部门决算), whether its forms stay (bit 5) and which files to write (bit 6: tidy
/// CSV, bit 7: workbook); bytes 1–2 which of its tables stay; then each group of 4 bytes is one
/// mutation (what, table, row, column) whose value is taken from the bytes after it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzModel(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = FuzzDriver.bytes(data, size)
  guard let first = bytes.first, !ModelFuzz.bases.isEmpty else { return 0 }
  var disclosure = ModelFuzz.bases[Int(first & 0x1F) % ModelFuzz.bases.count]
  // Bytes 1–2 keep a subset of the tables (all when absent or when none would be left), bit 5
  // the forms: small departments run fast, and the rules across tables still meet their pairs.
  if bytes.count >= 3 {
    let mask = Int(bytes[1]) | Int(bytes[2]) << 8
    let kept = disclosure.tables.enumerated().filter { mask & (1 << ($0.offset % 16)) != 0 }.map(\.element)
    if !kept.isEmpty { disclosure.tables = kept }
  }
  if first & 0x20 == 0 { disclosure.forms = [] }
  var mutation = ModelMutation(bytes: bytes.dropFirst(3))
  while mutation.apply(to: &disclosure) {}
  ModelFuzz.check(
    disclosure, acceptable: mutation.withinInputLimits, onlyAmounts: mutation.onlyAmounts,
    writeCSV: first & 0x40 != 0, writeXLSX: first & 0x80 != 0)
  return 0
}

enum ModelFuzz {
  /// The departments mutated: read once, from the repository's fixtures.
  static let bases: [Disclosure] = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().path
    var out: [Disclosure] = []
    if let bytes = FileManager.default.contents(atPath: root + "/Tests/Fixtures/datong-kejiju-2023.json"),
      let d = try? Disclosure(jsonBytes: [UInt8](bytes))
    {
      out.append(d)
    }
    for path in [
      "Tests/Fixtures/shanghai-sifaju-2026.xlsx",
      "Tests/Fixtures/real/putuo-caizhengju-2024-final-accounts.pdf-pages.xlsx",
    ] {
      if let d = try? DisclosureReader().read([root + "/" + path]).disclosure { out.append(d) }
    }
    if out.count < 3 {
      FileHandle.standardError.write(Data("fuzz-model: only \(out.count) of 3 fixtures read from \(root)\n".utf8))
    }
    return out
  }()

  /// A private folder for the written files, reused by every run of this process; in memory
  /// (/dev/shm) where there is one, since every file written is synced.
  static let scratch: String = {
    let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
    var template = Array((base + "/yusuan-fuzz-model-XXXXXX").utf8CString)
    guard let made = mkdtemp(&template) else { fatalError("mkdtemp failed") }
    atexit { try? FileManager.default.removeItem(atPath: ModelFuzz.scratch) }
    return String(cString: made)
  }()

  static func check(_ disclosure: Disclosure, acceptable: Bool, onlyAmounts: Bool, writeCSV: Bool, writeXLSX: Bool) {
    let report = RuleSet.standard.validate(disclosure, tolerance: .zero, catalog: Catalog.builtin2023)
    _ = report.json()
    let renderer = TableRenderer()
    for table in disclosure.tables { _ = renderer.sheet(table, in: disclosure) }

    // JSON: our own text decodes to the same disclosure, or is refused for a value beyond input's limits.
    let text = disclosure.jsonText()
    do {
      let again = try Disclosure(jsonBytes: Array(text.utf8))
      if again != disclosure {
        fail("JSON round trip changed the disclosure: \(disclosure.differences(from: again).prefix(5))", disclosure)
      }
    } catch {
      if acceptable { fail("our own JSON was refused: \(error)", disclosure) }
      // An amount beyond what input keeps is refused by every writer, never written changed.
      let unwritable = amounts(disclosure).joined().contains { $0.map { !$0.isWithinInputLimits } ?? false }
      if unwritable, (try? DisclosureWriter().write(disclosure, as: .json, to: scratch + "/refused.json")) != nil {
        fail("an amount no reader could give back was written", disclosure)
      }
      return
    }
    if writeCSV { roundTrip(disclosure, as: .csv, exact: true) }
    if writeXLSX { roundTrip(disclosure, as: .xlsx, exact: false, amountsKept: onlyAmounts) }
  }

  /// Writes and reads back; `exact`: the same disclosure; else, with `amountsKept`, the same
  /// amounts. (Reached only when JSON took every value, so every amount is one input can hold.)
  static func roundTrip(_ disclosure: Disclosure, as format: OutputFormat, exact: Bool, amountsKept: Bool = false) {
    let path = scratch + (format == .csv ? "/csv" : "/out.xlsx")
    do {
      try DisclosureWriter().write(disclosure, as: format, to: path, csvLayout: .tidy, encoding: .utf8BOM)
    } catch {
      fail("writing \(format.rawValue) failed: \(error)", disclosure)
    }
    let read: Disclosure
    do {
      read = try DisclosureReader(layouts: TemplateSets.set(disclosure.templateSet)).read([path]).disclosure
    } catch {
      // A workbook whose names were mutated may no longer read as the set's tables; never a trap.
      if exact || amountsKept { fail("reading back our \(format.rawValue) failed: \(error)", disclosure) }
      return
    }
    if exact {
      let differences = disclosure.differences(from: read).filter { !$0.description.contains("source") }
      if !differences.isEmpty { fail("\(format.rawValue) round trip changed: \(differences.prefix(5))", disclosure) }
    } else if amountsKept, amounts(disclosure) != amounts(read) {
      fail("\(format.rawValue) round trip changed amounts", disclosure)
    }
  }

  /// Every row's amounts, table by table. A row that holds nothing (no code, no name, every
  /// amount blank) is written as a blank line, which no reader takes for a row, so it is left out.
  static func amounts(_ d: Disclosure) -> [[Amount?]] {
    d.tables.sorted { $0.number < $1.number }.flatMap {
      $0.sections.flatMap { section in
        section.rows.filter { $0.code != nil || !$0.name.trimmingSpace().isEmpty || $0.amounts.contains { $0 != nil } }
          .map(\.amounts)
      }
    }
  }

  static func fail(_ message: String, _ disclosure: Disclosure) -> Never {
    fatalError("\(message)\n\(disclosure.jsonText(includeSources: false))")
  }
}

/// The mutations of one input, read from its bytes.
struct ModelMutation {
  var bytes: ArraySlice<UInt8>
  /// Whether every value set is one input may hold (amounts under 10^15 with at most 12 decimals).
  var withinInputLimits = true
  /// Whether only amounts were changed (names, codes and rows as published).
  var onlyAmounts = true

  init(bytes: ArraySlice<UInt8>) { self.bytes = bytes }

  mutating func next() -> Int? { bytes.popFirst().map(Int.init) }

  /// Applies the next mutation; false when the bytes are used up.
  mutating func apply(to d: inout Disclosure) -> Bool {
    guard let what = next(), let t = next(), let r = next(), let c = next() else { return false }
    guard !d.tables.isEmpty else { return false }
    let ti = t % d.tables.count
    let si = (t / d.tables.count) % max(1, d.tables[ti].sections.count)
    switch what % 9 {
    case 0, 1, 2:
      guard d.tables[ti].sections.indices.contains(si), !d.tables[ti].sections[si].rows.isEmpty else { return true }
      let ri = r % d.tables[ti].sections[si].rows.count
      let row = d.tables[ti].sections[si].rows[ri]
      guard !row.amounts.isEmpty else { return true }
      d.tables[ti].sections[si].rows[ri].amounts[c % row.amounts.count] = amount()
    case 3:
      guard let ri = row(d, ti, si, r) else { return true }
      d.tables[ti].sections[si].rows[ri].name = text(max: 80)
      onlyAmounts = false
    case 4:
      guard let ri = row(d, ti, si, r) else { return true }
      // No code is nil in the model (readers never give ""), so an empty one is nil too.
      let code = code()
      d.tables[ti].sections[si].rows[ri].code = c % 5 == 0 || code.isEmpty ? nil : code
      onlyAmounts = false
    case 5:
      guard let ri = row(d, ti, si, r) else { return true }
      d.tables[ti].sections[si].rows.remove(at: ri)
      onlyAmounts = false
    case 6:
      guard let ri = row(d, ti, si, r) else { return true }
      d.tables[ti].sections[si].rows.insert(d.tables[ti].sections[si].rows[ri], at: ri)
      onlyAmounts = false
    case 7:
      d.department = text(max: 40)
      onlyAmounts = false
    default:
      let years: [Int?] = [nil, 0, 1, 1949, 2023, 2100, 9999, -1, Int(Int32.max)]
      d.year = years[c % years.count]
      if let y = d.year, !(1900...2100).contains(y) { withinInputLimits = false }
      onlyAmounts = false
    }
    return true
  }

  private func row(_ d: Disclosure, _ ti: Int, _ si: Int, _ r: Int) -> Int? {
    guard d.tables[ti].sections.indices.contains(si), !d.tables[ti].sections[si].rows.isEmpty else { return nil }
    return r % d.tables[ti].sections[si].rows.count
  }

  /// An amount from the next bytes: blank, zero, the edges of what input accepts and beyond, or
  /// any units at any scale.
  mutating func amount() -> Amount? {
    let choice = next() ?? 0
    switch choice % 12 {
    case 0: return nil
    case 1: return .zero
    case 2: return Amount(units: 0, scale: 2)
    case 3: return Amount(units: 999_999_999_999_999, scale: 0)  // the largest input takes
    case 4: return Amount(units: -9_999_999_999_999_99, scale: 2)
    case 5: return Amount(units: 1, scale: 12)
    case 6: return Amount(units: -1, scale: 2)
    case 7:
      withinInputLimits = false
      return Amount(units: Int64.max, scale: 0)
    case 8:
      withinInputLimits = false
      return Amount(units: 99_999_999_999_999_999, scale: 2)  // 17 digits: under 10^15, beyond what input keeps
    default:
      var units: Int64 = 0
      for _ in 0..<8 { units = units << 8 | Int64(next() ?? 0) }
      let scale = (next() ?? 0) % 19
      let amount = Amount(units: units, scale: scale)
      if !amount.isWithinInputLimits { withinInputLimits = false }
      return amount
    }
  }

  /// A text from the next bytes: letters and digits, and what breaks naive writers and readers
  /// (formula starts, quotes, separators, line breaks, full-width space, BOM, bidi overrides,
  /// the OOXML escape pattern, characters XML cannot hold, 合计 words, emoji).
  mutating func text(max: Int) -> String {
    let pieces = [
      "a", "Z", "0", "9", "合计", "总计", "小计", "其中：", "科目", "一般公共预算", "\u{3000}", " ", "\t", "\n", "\r\n", "\r", "=", "+",
      "-", "@",
      ",", "\"", "'", "<", ">", "&", "\u{7}", "\u{0}", "\u{FEFF}", "\u{202E}", "\u{FFFE}", "_x0041_", "😀", "\u{FFFD}",
      "（", "）", "2010101", "…",
    ]
    let length = (next() ?? 0) % max
    var out = ""
    for _ in 0..<length { out += pieces[(next() ?? 0) % pieces.count] }
    return out
  }

  /// A classification code: digits of any length, or letters, spaces and signs where digits belong.
  mutating func code() -> String {
    let pieces = ["0", "1", "2", "5", "9", "01", "201", "20101", "2010101", " ", "-", "a", "类", "\u{3000}", ".", "\n"]
    let length = (next() ?? 0) % 12
    var out = ""
    for _ in 0..<length { out += pieces[(next() ?? 0) % pieces.count] }
    return out
  }
}

/// Runs libFuzzer (fuzz/run.sh) or, in a plain build, replays the files named as arguments.
/// (In the same file as the callback: a @convention(c) reference from another file emits a
/// second definition of the @_cdecl symbol.)
@main enum Entry {
  static func main() { FuzzDriver.main(fuzzModel) }
}
