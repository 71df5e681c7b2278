/// One sheet of a workbook, as `xl/workbook.xml` lists it.
public struct SheetInfo: Sendable, Equatable {
  /// Whether Excel shows the sheet's tab.
  public enum Visibility: String, Sendable {
    /// Shown.
    case visible
    /// Hidden; the user can unhide it.
    case hidden
    /// Hidden; only code can unhide it.
    case veryHidden
  }

  /// The sheet name as shown on its tab.
  public var name: String
  /// Zero-based position in workbook order.
  public var index: Int
  /// Tab visibility.
  public var visibility: Visibility
  /// The zip part that holds the sheet, e.g. `xl/worksheets/sheet1.xml`.
  public var part: String
}

/// One relationship of a `.rels` part.
struct Relationship {
  var id: String
  var type: String
  var target: String
  var external: Bool
}

/// Collects `<Relationship>` elements.
final class RelationshipsHandler: XMLEventHandler {
  var relationships: [Relationship] = []

  override func startElement(_ name: XMLName, _ attributes: XMLAttributes) throws(XLSXReadError) {
    guard cEquals(name.local, "Relationship") else { return }
    relationships.append(
      Relationship(
        id: attributes.string(of: "Id") ?? "", type: attributes.string(of: "Type") ?? "",
        target: attributes.string(of: "Target") ?? "",
        external: attributes.string(of: "TargetMode")?.lowercased() == "external"))
  }

}

/// Collects `<sheet>` entries and the `date1904` flag of `xl/workbook.xml`.
final class WorkbookHandler: XMLEventHandler {
  var sheets: [(name: String, visibility: SheetInfo.Visibility, relationshipID: String)] = []
  var date1904 = false
  private let file: String
  private let maxSheets: Int

  init(file: String, maxSheets: Int) {
    self.file = file
    self.maxSheets = maxSheets
  }

  override func startElement(_ name: XMLName, _ attributes: XMLAttributes) throws(XLSXReadError) {
    if name.isSpreadsheet("sheet") {
      // Counted as the list is parsed, so that 200,000 entries stop at the first one too many.
      guard sheets.count < maxSheets else { throw .tooManySheets(file: file, limit: maxSheets) }
      var relationshipID = ""
      for i in 0..<attributes.count
      where XMLNamespace.classify(attributes.uri(i)) == .officeRelationships && cEquals(attributes.localName(i), "id") {
        relationshipID = String(decoding: attributes.value(i), as: UTF8.self)
      }
      let visibility: SheetInfo.Visibility =
        switch attributes.string(of: "state") {
        case "hidden": .hidden
        case "veryHidden": .veryHidden
        default: .visible
        }
      sheets.append((attributes.string(of: "name") ?? "", visibility, relationshipID))
    } else if name.isSpreadsheet("workbookPr") {
      let flag = attributes.string(of: "date1904")
      date1904 = flag == "1" || flag == "true"
    }
  }

}

/// Resolves OPC relationship targets to zip part names.
enum PartPath {
  /// The folder of a part: `xl/workbook.xml` → `xl`.
  static func directory(of part: String) -> String {
    guard let slash = part.lastIndex(of: "/") else { return "" }
    return String(part[..<slash])
  }

  /// The relationships part of a part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`.
  static func relationships(of part: String) -> String {
    let dir = directory(of: part)
    let file = part.split(separator: "/").last.map(String.init) ?? part
    return (dir.isEmpty ? "" : dir + "/") + "_rels/" + file + ".rels"
  }

  /// Resolves a target relative to `base` (a folder); absolute targets start at the package root.
  static func resolve(_ target: String, from base: String) -> String {
    let joined = target.hasPrefix("/") ? target : (base.isEmpty ? target : base + "/" + target)
    var parts: [Substring] = []
    for piece in joined.split(separator: "/", omittingEmptySubsequences: true) {
      if piece == "." { continue }
      if piece == ".." {
        _ = parts.popLast()
        continue
      }
      parts.append(piece)
    }
    return parts.joined(separator: "/")
  }
}

extension XLSXReader {
  /// Reads the package and workbook relationships and the sheet list.
  static func readWorkbook(
    _ archive: ZipArchive, limits: Limits
  ) throws(XLSXReadError) -> (sheets: [SheetInfo], date1904: Bool, sharedStrings: String?) {
    var workbookPart = "xl/workbook.xml"
    if archive.contains("_rels/.rels") {
      let root = RelationshipsHandler()
      try archive.parse("_rels/.rels", budget: limits.maxOtherPartBytes, handler: root)
      if let office = root.relationships.first(where: { !$0.external && $0.type.hasSuffix("/officeDocument") }) {
        workbookPart = PartPath.resolve(office.target, from: "")
      }
    }
    let workbook = WorkbookHandler(file: archive.name, maxSheets: limits.maxSheets)
    try archive.parse(workbookPart, budget: limits.maxOtherPartBytes, handler: workbook)

    let relsPart = PartPath.relationships(of: workbookPart)
    let rels = RelationshipsHandler()
    if archive.contains(relsPart) {
      try archive.parse(relsPart, budget: limits.maxOtherPartBytes, handler: rels)
    } else if !workbook.sheets.isEmpty {
      throw .missingPart(file: archive.name, part: relsPart)
    }
    let base = PartPath.directory(of: workbookPart)
    var byID: [String: Relationship] = [:]
    for rel in rels.relationships where byID[rel.id] == nil { byID[rel.id] = rel }

    var sheets: [SheetInfo] = []
    // Two sheets on one part would read it twice (2,000 aliases of a 1 M-cell part): refused.
    var partsInUse = Set<String>()
    for (i, sheet) in workbook.sheets.enumerated() {
      guard let rel = byID[sheet.relationshipID], !rel.external else {
        throw .missingPart(file: archive.name, part: "\(relsPart)#\(sheet.relationshipID) (\(sheet.name))")
      }
      let part = PartPath.resolve(rel.target, from: base)
      guard partsInUse.insert(part.lowercased()).inserted else {
        throw .aliasedSheetPart(file: archive.name, sheet: sheet.name, part: part)
      }
      sheets.append(SheetInfo(name: sheet.name, index: i, visibility: sheet.visibility, part: part))
    }
    let shared = rels.relationships.first { !$0.external && $0.type.hasSuffix("/sharedStrings") }
      .map { PartPath.resolve($0.target, from: base) }
    return (sheets, workbook.date1904, shared)
  }
}
