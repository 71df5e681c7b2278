import Foundation
import Sheets

/// Builds small XLSX files from hand-written XML parts, for tests that need exact control
/// (Strict namespaces, prefixes, missing `r` attributes, exact number texts).
public enum WorkbookBuilder {
  /// The Transitional SpreadsheetML namespace.
  public static let transitional = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
  /// The Strict SpreadsheetML namespace.
  public static let strict = "http://purl.oclc.org/ooxml/spreadsheetml/main"
  static let transitionalRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
  static let strictRel = "http://purl.oclc.org/ooxml/officeDocument/relationships"

  /// A worksheet part around `sheetData` rows (and optional trailing XML such as `<mergeCells>`).
  public static func sheet(_ rows: String, after: String = "", strict: Bool = false, prefix: String? = nil) -> String {
    let ns = strict ? Self.strict : transitional
    if let p = prefix {
      return """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <\(p):worksheet xmlns:\(p)="\(ns)"><\(p):sheetData>\(rows)</\(p):sheetData>\(after)</\(p):worksheet>
        """
    }
    return """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <worksheet xmlns="\(ns)"><dimension ref="A1"/><sheetData>\(rows)</sheetData>\(after)</worksheet>
      """
  }

  /// A shared-strings part from raw `<si>` items.
  public static func sharedStrings(_ items: [String], uniqueCount: String? = nil, strict: Bool = false) -> String {
    let ns = strict ? Self.strict : transitional
    let count = uniqueCount ?? String(items.count)
    return """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <sst xmlns="\(ns)" count="\(items.count)" uniqueCount="\(count)">\(items.joined())</sst>
      """
  }

  /// The zip entries of a whole workbook. Sheets are named and stored in the given order;
  /// `states` optionally sets `state=` per sheet; `absoluteTargets` writes `/xl/worksheets/…`.
  package static func entries(
    sheets: [(name: String, xml: String)], sharedStrings: String? = nil, strict: Bool = false,
    date1904: Bool = false, states: [String?] = [], absoluteTargets: Bool = false, deflate: Bool = true
  ) -> [ZipArchive.Entry] {
    let ns = strict ? Self.strict : transitional
    let relNS = strict ? strictRel : transitionalRel
    let relTypeBase =
      strict ? "http://purl.oclc.org/ooxml/officeDocument/relationships" : transitionalRel
    var sheetList = ""
    var rels = ""
    var entries: [ZipArchive.Entry] = []
    for (i, sheet) in sheets.enumerated() {
      let state = i < states.count ? states[i].map { " state=\"\($0)\"" } ?? "" : ""
      sheetList += "<sheet name=\"\(escape(sheet.name))\" sheetId=\"\(i + 1)\"\(state) r:id=\"rId\(i + 1)\"/>"
      let target = absoluteTargets ? "/xl/worksheets/sheet\(i + 1).xml" : "worksheets/sheet\(i + 1).xml"
      rels += "<Relationship Id=\"rId\(i + 1)\" Type=\"\(relTypeBase)/worksheet\" Target=\"\(target)\"/>"
      entries.append(.init("xl/worksheets/sheet\(i + 1).xml", sheet.xml, deflate: deflate))
    }
    if let sharedStrings {
      rels += "<Relationship Id=\"rIdS\" Type=\"\(relTypeBase)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
      entries.append(.init("xl/sharedStrings.xml", sharedStrings, deflate: deflate))
    }
    let pr = date1904 ? "<workbookPr date1904=\"1\"/>" : "<workbookPr/>"
    let workbook = """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <workbook xmlns="\(ns)" xmlns:r="\(relNS)">\(pr)<sheets>\(sheetList)</sheets></workbook>
      """
    let pkgRels = "http://schemas.openxmlformats.org/package/2006/relationships"
    let root = """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <Relationships xmlns="\(pkgRels)"><Relationship Id="rId1" Type="\(relTypeBase)/officeDocument" Target="xl/workbook.xml"/></Relationships>
      """
    let workbookRels =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"\(pkgRels)\">\(rels)</Relationships>"
    let types = """
      <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/></Types>
      """
    return [
      .init("[Content_Types].xml", types), .init("_rels/.rels", root), .init("xl/workbook.xml", workbook),
      .init("xl/_rels/workbook.xml.rels", workbookRels),
    ] + entries
  }

  /// A whole workbook as bytes.
  public static func xlsx(
    sheets: [(name: String, xml: String)], sharedStrings: String? = nil, strict: Bool = false,
    date1904: Bool = false, states: [String?] = [], absoluteTargets: Bool = false
  ) -> [UInt8] {
    ZipArchive.write(
      entries(
        sheets: sheets, sharedStrings: sharedStrings, strict: strict, date1904: date1904, states: states,
        absoluteTargets: absoluteTargets))
  }

  /// A one-sheet workbook named `Sheet1` from `sheetData` rows.
  public static func xlsx(rows: String, after: String = "", sharedStrings: [String]? = nil) -> [UInt8] {
    xlsx(
      sheets: [("Sheet1", sheet(rows, after: after))],
      sharedStrings: sharedStrings.map { self.sharedStrings($0.map { "<si><t>\(escape($0))</t></si>" }) })
  }

  /// Escapes XML text.
  public static func escape(_ s: String) -> String {
    s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: "\"", with: "&quot;")
  }
}

/// Edits the headers of a zip in place, to build lying or unsupported entries.
public enum ZipPatcher {
  /// Where one entry's headers sit.
  struct Located {
    var central: Int
    var local: Int
  }

  static func u16(_ b: [UInt8], _ o: Int) -> Int { Int(b[o]) | Int(b[o + 1]) << 8 }
  static func u32(_ b: [UInt8], _ o: Int) -> Int { u16(b, o) | u16(b, o + 2) << 16 }
  static func put32(_ b: inout [UInt8], _ o: Int, _ v: Int) {
    for i in 0..<4 { b[o + i] = UInt8((v >> (8 * i)) & 0xFF) }
  }
  static func put16(_ b: inout [UInt8], _ o: Int, _ v: Int) {
    for i in 0..<2 { b[o + i] = UInt8((v >> (8 * i)) & 0xFF) }
  }

  static func locate(_ zip: [UInt8], _ name: String) -> Located {
    var eocd = zip.count - 22
    while eocd >= 0 && u32(zip, eocd) != 0x0605_4B50 { eocd -= 1 }
    precondition(eocd >= 0, "no end of central directory")
    var p = u32(zip, eocd + 16)
    for _ in 0..<u16(zip, eocd + 10) {
      precondition(u32(zip, p) == 0x0201_4B50)
      let nameLength = u16(zip, p + 28)
      let entry = String(decoding: zip[(p + 46)..<(p + 46 + nameLength)], as: UTF8.self)
      if entry == name { return Located(central: p, local: u32(zip, p + 42)) }
      p += 46 + nameLength + u16(zip, p + 30) + u16(zip, p + 32)
    }
    preconditionFailure("no entry \(name)")
  }

  /// Rewrites the declared uncompressed size of an entry (central and local headers).
  public static func setDeclaredSize(_ zip: [UInt8], entry: String, size: Int) -> [UInt8] {
    var out = zip
    let at = locate(zip, entry)
    put32(&out, at.central + 24, size)
    put32(&out, at.local + 22, size)
    return out
  }

  /// Rewrites the compression method of an entry (central and local headers).
  public static func setMethod(_ zip: [UInt8], entry: String, method: Int) -> [UInt8] {
    var out = zip
    let at = locate(zip, entry)
    put16(&out, at.central + 10, method)
    put16(&out, at.local + 8, method)
    return out
  }

  /// Flips one byte of an entry's (stored) data, so that its CRC no longer matches.
  public static func corruptData(_ zip: [UInt8], entry: String, offset: Int) -> [UInt8] {
    var out = zip
    let at = locate(zip, entry)
    let data = at.local + 30 + u16(zip, at.local + 26) + u16(zip, at.local + 28)
    out[data + offset] ^= 0x01
    return out
  }
}
