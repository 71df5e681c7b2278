import Foundation
import Sheets

/// Hostile workbooks, generated on the fly (no binaries shipped). Each targets one defence
/// of the XLSX reader; the tests assert the specific error and that it comes fast.
public enum HostileFiles {
  /// A worksheet part that declares an external entity reading a local file (XXE).
  public static func externalEntity() -> [UInt8] {
    let xml = """
      <?xml version="1.0" encoding="UTF-8"?>
      <!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>
      <worksheet xmlns="\(WorkbookBuilder.transitional)"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>
      """
    return WorkbookBuilder.xlsx(sheets: [("Sheet1", xml)])
  }

  /// The classic billion-laughs entity expansion, in the shared-strings part.
  public static func billionLaughs() -> [UInt8] {
    var dtd = "<!ENTITY lol \"lol\">"
    for i in 1...9 {
      let prev = i == 1 ? "lol" : "lol\(i - 1)"
      dtd += "<!ENTITY lol\(i) \"" + String(repeating: "&\(prev);", count: 10) + "\">"
    }
    let sst = """
      <?xml version="1.0"?>
      <!DOCTYPE sst [\(dtd)]>
      <sst xmlns="\(WorkbookBuilder.transitional)" count="1" uniqueCount="1"><si><t>&lol9;</t></si></sst>
      """
    let sheet = WorkbookBuilder.sheet(#"<row r="1"><c r="A1" t="s"><v>0</v></c></row>"#)
    return WorkbookBuilder.xlsx(sheets: [("Sheet1", sheet)], sharedStrings: sst)
  }

  /// A workbook part with a bare `<!DOCTYPE workbook>` and nothing else suspicious.
  public static func bareDoctype() -> [UInt8] {
    var entries = WorkbookBuilder.entries(sheets: [("Sheet1", WorkbookBuilder.sheet(""))])
    for i in entries.indices where entries[i].name == "xl/workbook.xml" {
      let text = String(decoding: entries[i].bytes, as: UTF8.self)
        .replacingOccurrences(of: "<workbook ", with: "<!DOCTYPE workbook><workbook ")
      entries[i].bytes = Array(text.utf8)
    }
    return ZipArchive.write(entries)
  }

  /// `sheets` sheets, each of `megabytes` MiB of spaces inside `<sheetData>`: deflates about 1000:1.
  public static func inflatingSheet(megabytes: Int, sheets: Int = 1) -> [UInt8] {
    let head = "<worksheet xmlns=\"\(WorkbookBuilder.transitional)\"><sheetData>"
    let tail = "</sheetData></worksheet>"
    // Filled in one go (memset-fast even in debug builds), then the tags written over the ends.
    var xml = [UInt8](repeating: UInt8(ascii: " "), count: head.utf8.count + (megabytes << 20) + tail.utf8.count)
    xml.replaceSubrange(0..<head.utf8.count, with: Array(head.utf8))
    xml.replaceSubrange((xml.count - tail.utf8.count)..<xml.count, with: Array(tail.utf8))
    var entries = WorkbookBuilder.entries(sheets: (1...sheets).map { ("Sheet\($0)", "") })
    for i in entries.indices where entries[i].name.hasPrefix("xl/worksheets/sheet") { entries[i].bytes = xml }
    return ZipArchive.write(entries)
  }

  /// A zip bomb's header: the sheet declares 3.5 GB once inflated (the data itself is small).
  public static func declaredHugeSheet() -> [UInt8] {
    ZipPatcher.setDeclaredSize(inflatingSheet(megabytes: 1), entry: "xl/worksheets/sheet1.xml", size: 3_500_000_000)
  }

  /// A lying header: the sheet declares 1 KiB but inflates to 16 MiB.
  public static func lyingSizeSheet() -> [UInt8] {
    ZipPatcher.setDeclaredSize(inflatingSheet(megabytes: 16), entry: "xl/worksheets/sheet1.xml", size: 1024)
  }

  /// A valid workbook cut in half (its central directory is gone).
  public static func truncated() -> [UInt8] {
    let whole = WorkbookBuilder.xlsx(rows: #"<row r="1"><c r="A1"><v>1</v></c></row>"#)
    return Array(whole.prefix(whole.count / 2))
  }

  /// A CSV file saved under an `.xlsx` name.
  public static func textAsXLSX() -> [UInt8] {
    Array("科目编码,科目名称,合计\r\n2060101,行政运行,348.97\r\n".utf8)
  }

  /// The first bytes of an OLE compound document (a legacy .xls or an encrypted .xlsx).
  public static func oleContainer() -> [UInt8] {
    [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)
  }

  /// A cell one row below Excel's last row.
  public static func cellBelowLastRow() -> [UInt8] {
    WorkbookBuilder.xlsx(rows: #"<row r="1"><c r="A1"><v>1</v></c></row><row><c r="XFD1048577"><v>1</v></c></row>"#)
  }

  /// A cell one column right of Excel's last column.
  public static func cellRightOfLastColumn() -> [UInt8] {
    WorkbookBuilder.xlsx(rows: #"<row r="1"><c r="XFE1"><v>1</v></c></row>"#)
  }

  /// A row number beyond Excel's grid.
  public static func rowBeyondGrid() -> [UInt8] {
    WorkbookBuilder.xlsx(rows: #"<row r="99999999999999999999"><c><v>1</v></c></row>"#)
  }

  /// A merged range covering the whole sheet (CVE-2024-22368 style).
  public static func hugeMerge() -> [UInt8] {
    WorkbookBuilder.xlsx(
      rows: #"<row r="1"><c r="A1"><v>1</v></c></row>"#,
      after: #"<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>"#)
  }

  /// A shared-strings table that claims 2,147,483,647 unique strings but holds two.
  public static func lyingUniqueCount() -> [UInt8] {
    let sst = WorkbookBuilder.sharedStrings(["<si><t>合计</t></si>", "<si><t>行政运行</t></si>"], uniqueCount: "2147483647")
    let sheet = WorkbookBuilder.sheet(#"<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" t="s"><v>0</v></c></row>"#)
    return WorkbookBuilder.xlsx(sheets: [("Sheet1", sheet)], sharedStrings: sst)
  }

  /// A sheet entry whose compression method is bzip2 (12), which the reader refuses.
  public static func unsupportedCompression() -> [UInt8] {
    ZipPatcher.setMethod(
      WorkbookBuilder.xlsx(rows: #"<row r="1"><c r="A1"><v>1</v></c></row>"#), entry: "xl/worksheets/sheet1.xml",
      method: 12)
  }

  /// A stored sheet entry with one flipped byte: its CRC fails at the end of the entry.
  public static func badCRC() -> [UInt8] {
    let sheet = WorkbookBuilder.sheet(#"<row r="1"><c r="A1"><v>1</v></c></row>"#)
    let zip = ZipArchive.write(WorkbookBuilder.entries(sheets: [("Sheet1", sheet)], deflate: false))
    // Flip the value 1 into 0: still well-formed XML, so only the CRC can tell.
    let bytes = Array(sheet.utf8)
    let marker = Array("<v>1</v>".utf8)
    let at = (0...(bytes.count - marker.count)).first { Array(bytes[$0..<($0 + marker.count)]) == marker }!
    return ZipPatcher.corruptData(zip, entry: "xl/worksheets/sheet1.xml", offset: at + 3)
  }

  /// Two entries whose names differ only in letter case.
  public static func duplicateNames() -> [UInt8] {
    var entries = WorkbookBuilder.entries(sheets: [("Sheet1", WorkbookBuilder.sheet(""))])
    entries.append(.init("XL/Workbook.xml", "<workbook/>"))
    return ZipArchive.write(entries)
  }

  /// A workbook without `xl/workbook.xml`.
  public static func missingWorkbook() -> [UInt8] {
    ZipArchive.write(
      WorkbookBuilder.entries(sheets: [("Sheet1", WorkbookBuilder.sheet(""))]).filter { $0.name != "xl/workbook.xml" })
  }

  /// A sheet whose XML breaks off in the middle of a row.
  public static func malformedSheet() -> [UInt8] {
    WorkbookBuilder.xlsx(sheets: [
      (
        "Sheet1",
        "<worksheet xmlns=\"\(WorkbookBuilder.transitional)\">\n<sheetData>\n<row r=\"1\"><c r=\"A1\"><v>1</v></row>"
      )
    ])
  }

  /// A zip with `count` tiny extra entries.
  public static func manyEntries(_ count: Int) -> [UInt8] {
    var entries = WorkbookBuilder.entries(sheets: [("Sheet1", WorkbookBuilder.sheet(""))])
    for i in 0..<count { entries.append(.init("junk/\(i).txt", "x", deflate: false)) }
    return ZipArchive.write(entries)
  }

  /// An inline string of `characters` CJK characters in A1.
  public static func longText(characters: Int) -> [UInt8] {
    let text = String(repeating: "预", count: characters)
    return WorkbookBuilder.xlsx(rows: "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>\(text)</t></is></c></row>")
  }

  /// A row of `count` numeric cells (for cell-count budgets).
  public static func manyCells(_ count: Int) -> [UInt8] {
    WorkbookBuilder.xlsx(rows: "<row r=\"1\">" + String(repeating: "<c><v>1</v></c>", count: count) + "</row>")
  }

  /// `count` one-cell merges in a row.
  public static func manyMerges(_ count: Int) -> [UInt8] {
    let merges = (0..<count).map { "<mergeCell ref=\"A\($0 + 1):B\($0 + 1)\"/>" }.joined()
    return WorkbookBuilder.xlsx(rows: "", after: "<mergeCells>\(merges)</mergeCells>")
  }
}
