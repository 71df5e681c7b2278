// Users extend the built-in catalog, or load a complete annual one, from CSV text in the
// columns of catalog/<year>/*.csv.
extension Catalog {
  /// Adds and replaces entries from catalog CSV text. The header names the columns (any order,
  /// unknown columns ignored): `code` and `name` are required; `kind` (functional / revenue /
  /// economicDepartment / economicGovernment or the Chinese names), `level` (类/款/项/目 or
  /// 1–4), `parent`, `budget_type` (GPB/GF/SOC/SSF/mixed or 一般公共预算…), `source` and
  /// `note` are optional. Without a kind column, `kind` applies, else the code's leading
  /// digit decides. A replaced entry keeps its budget type when the CSV gives none; a new one
  /// gets `mixed`. Every 款/项/目 needs its parent in the catalog or the CSV. All or nothing:
  /// on error the catalog is unchanged and the error names the line.
  public mutating func merge(csv text: String, kind defaultKind: ClassificationKind? = nil)
    throws(CatalogError)
  {
    let records = try CatalogCSV.parse(text)
    guard let header = records.first else { throw .emptyCSV }
    let columns = Dictionary(
      header.fields.enumerated().map { (Catalog.normalizedName($1).lowercased(), $0) },
      uniquingKeysWith: { first, _ in first })
    guard let codeColumn = columns["code"] else { throw .missingColumn(name: "code") }
    guard let nameColumn = columns["name"] else { throw .missingColumn(name: "name") }

    var parsed: [CatalogEntry] = []
    var firstLine: [Key: Int] = [:]
    for record in records.dropFirst() {
      guard record.fields.count == header.fields.count else {
        throw .fieldCount(line: record.line, expected: header.fields.count, found: record.fields.count)
      }
      func cell(_ name: String) -> String? {
        guard let column = columns[name] else { return nil }
        let value = record.fields[column].filter { !$0.isSpace }
        return value.isEmpty ? nil : value
      }
      let line = record.line
      let code = record.fields[codeColumn].filter { !$0.isSpace }
      let kind: ClassificationKind
      if let token = cell("kind") {
        guard let named = ClassificationKind(csvToken: token) else { throw .unknownKind(line: line, value: token) }
        kind = named
      } else if let defaultKind {
        kind = defaultKind
      } else {
        guard let inferred = Catalog.kind(ofCode: code) else { throw .unknownKind(line: line, value: code) }
        kind = inferred
      }
      guard Catalog.codeShape(code, kind: kind) else { throw .invalidCode(line: line, code: code, kind: kind) }
      let name = String(record.fields[nameColumn].trimmingSpace())
      guard !name.isEmpty else { throw .emptyName(line: line, code: code) }
      let level = Catalog.level(ofCode: code)!
      if let value = cell("level") {
        guard Catalog.parseLevel(value) == level else { throw .invalidLevel(line: line, code: code, value: value) }
      }
      let parent = Catalog.parentCode(of: code)
      if let value = cell("parent"), value != parent {
        throw .parentMismatch(line: line, code: code, parent: value)
      }
      let existing = entry(code, kind: kind)
      var budgetType = existing?.budgetType ?? .mixed
      if let value = cell("budget_type") {
        guard let type = BudgetType(csvToken: value) else { throw .invalidBudgetType(line: line, value: value) }
        budgetType = type
      }
      let key = Key(kind: kind, text: code)
      if let first = firstLine[key] { throw .duplicateCode(line: line, code: code, firstLine: first) }
      firstLine[key] = line
      let source = columns["source"].map { String(record.fields[$0].trimmingSpace()) } ?? ""
      let note = columns["note"].map { String(record.fields[$0].trimmingSpace()) } ?? ""
      parsed.append(
        CatalogEntry(
          code: code, name: name, kind: kind, level: level, parentCode: parent,
          budgetType: budgetType, source: source.isEmpty ? "user CSV" : source,
          note: note.isEmpty ? nil : note))
    }
    for entry in parsed {
      guard let parent = entry.parentCode else { continue }
      let key = Key(kind: entry.kind, text: parent)
      if self.entry(parent, kind: entry.kind) == nil && firstLine[key] == nil {
        throw .missingParent(
          line: firstLine[Key(kind: entry.kind, text: entry.code)]!, code: entry.code, parent: parent)
      }
    }
    upsert(parsed)
  }

  /// Reads a level cell: 类/款/项/目 or 1–4.
  static func parseLevel(_ text: String) -> Int? {
    if let index = levelNames.firstIndex(of: text) { return index + 1 }
    if let number = Int(text), (1...4).contains(number) { return number }
    return nil
  }
}
