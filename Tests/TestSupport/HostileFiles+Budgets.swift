import Foundation
import Sheets

/// Hostile inputs of issue 21 ("quadratic time or unbounded memory on small files"), each at a
/// size the caller picks: the tests use small ones, `benchmarks/hostile` the red-team's sizes.
extension HostileFiles {
  /// `tags` elements in one sheet, each with `attributes` distinct attributes.
  public static func manyAttributes(_ attributes: Int, tags: Int = 3) -> [UInt8] {
    var tag = "<extLst"
    for i in 0..<attributes { tag += " a\(i)=\"\"" }
    tag += "/>"
    let body = String(repeating: tag, count: tags)
    return WorkbookBuilder.xlsx(sheets: [("Sheet1", WorkbookBuilder.sheet("", after: body))])
  }

  /// `count` rows all numbered 1, each with one cell in the next column (they merge into one row).
  public static func repeatedRow(_ count: Int) -> [UInt8] {
    var rows = ""
    rows.reserveCapacity(count * 40)
    for i in 0..<count {
      let ref = CellAddress(row: 0, column: i % (CellAddress.maxColumn + 1)).a1
      rows += "<row r=\"1\"><c r=\"\(ref)\"><v>1</v></c></row>"
    }
    return WorkbookBuilder.xlsx(rows: rows)
  }

  /// `sheets` sheets whose relationships all point at one worksheet part of `cells` cells.
  public static func aliasedSheets(_ sheets: Int, cells: Int) -> [UInt8] {
    let part = WorkbookBuilder.sheet(
      "<row r=\"1\">" + String(repeating: "<c><v>1</v></c>", count: min(cells, 16_384)) + "</row>"
        + (cells > 16_384
          ? (2...(cells / 16_384)).map {
            "<row r=\"\($0)\">" + String(repeating: "<c><v>1</v></c>", count: 16_384) + "</row>"
          }.joined() : ""))
    var entries = WorkbookBuilder.entries(sheets: [("Sheet1", part)])
    let ns = WorkbookBuilder.transitional
    let relNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    let list = (1...sheets).map { "<sheet name=\"S\($0)\" sheetId=\"\($0)\" r:id=\"rId\($0)\"/>" }.joined()
    let rels = (1...sheets).map {
      "<Relationship Id=\"rId\($0)\" Type=\"\(relNS)/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
    }.joined()
    for i in entries.indices {
      if entries[i].name == "xl/workbook.xml" {
        entries[i].bytes = Array(
          "<workbook xmlns=\"\(ns)\" xmlns:r=\"\(relNS)\"><sheets>\(list)</sheets></workbook>".utf8)
      } else if entries[i].name == "xl/_rels/workbook.xml.rels" {
        entries[i].bytes = Array(
          "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(rels)</Relationships>"
            .utf8)
      }
    }
    return ZipArchive.write(entries)
  }

  /// A valid workbook whose end-of-central-directory record claims `count` entries (the
  /// directory itself is not changed: only a reader that trusts the record first notices).
  public static func claimedEntryCount(_ count: UInt16) -> [UInt8] {
    var zip = WorkbookBuilder.xlsx(rows: "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>")
    var i = zip.count - 22
    while i > 0, !(zip[i] == 0x50 && zip[i + 1] == 0x4B && zip[i + 2] == 0x05 && zip[i + 3] == 0x06) { i -= 1 }
    for at in [i + 8, i + 10] {
      zip[at] = UInt8(count & 0xFF)
      zip[at + 1] = UInt8(count >> 8)
    }
    return zip
  }

  /// `sheets` sheets of `cells` numeric cells each, in rows of 1,000.
  public static func manyCellsOnSheets(_ cells: Int, sheets: Int) -> [UInt8] {
    let row = String(repeating: "<c><v>1</v></c>", count: 1_000)
    let rows = (1...max(1, cells / 1_000)).map { "<row r=\"\($0)\">\(row)</row>" }.joined()
    return WorkbookBuilder.xlsx(sheets: (1...sheets).map { ("Sheet\($0)", WorkbookBuilder.sheet(rows)) })
  }

  /// A CSV of `rows` rows × `columns` one-digit fields.
  public static func csv(rows: Int, columns: Int) -> [UInt8] {
    let line = Array((Array(repeating: "1", count: columns).joined(separator: ",") + "\n").utf8)
    var bytes: [UInt8] = []
    bytes.reserveCapacity(line.count * rows)
    for _ in 0..<rows { bytes += line }
    return bytes
  }

  /// A JSON array of `count` zeros.
  public static func jsonArray(_ count: Int) -> [UInt8] {
    var bytes: [UInt8] = [UInt8(ascii: "[")]
    bytes.reserveCapacity(count * 2 + 2)
    for i in 0..<count {
      if i > 0 { bytes.append(UInt8(ascii: ",")) }
      bytes.append(UInt8(ascii: "0"))
    }
    bytes.append(UInt8(ascii: "]"))
    return bytes
  }

  /// Makes a sparse file of `size` bytes at `path` (it takes no disk space).
  public static func sparseFile(at path: String, size: Int) throws {
    _ = FileManager.default.createFile(atPath: path, contents: nil)
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    try handle.truncate(atOffset: UInt64(size))
    try handle.close()
  }

  /// Makes a FIFO at `path`.
  public static func fifo(at path: String) throws {
    guard mkfifo(path, 0o644) == 0 else { throw CocoaError(.fileWriteUnknown) }
  }
}
