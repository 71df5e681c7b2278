/// Why a JSON document is not a valid canonical disclosure.
public struct DisclosureJSONError: Error, Sendable, Equatable, CustomStringConvertible {
  /// Where in the document, as a path such as `tables[2].sections[0].rows[5]`.
  public var path: String
  /// What is wrong.
  public var reason: String

  public var description: String { "JSON \(path)：\(reason)" }
}

extension Disclosure {
  /// The identifier written into every canonical JSON document.
  public static let jsonFormat = "yusuan-disclosure"
  /// The version of the canonical JSON layout. Version 2 names the template set, the stage and
  /// entity, and each table's kind and the unit of its amounts; version-1 documents (Datong/Shanxi
  /// tables, amounts in 万元) still read.
  public static let jsonVersion = 2

  /// The canonical JSON value. Amounts are exact numbers with at least two decimals, blanks are null.
  /// With `includeSources: false` the provenance fields are left out (useful for diffs between inputs).
  public func jsonValue(includeSources: Bool = true) -> JSONValue {
    var members: [(String, JSONValue)] = [
      ("format", .string(Self.jsonFormat)),
      ("version", .number(String(Self.jsonVersion))),
      ("department", .string(department)),
      ("departmentCode", departmentCode.map(JSONValue.string) ?? .null),
      ("year", year.map { .number(String($0)) } ?? .null),
      ("unit", .string(unit)),
      ("template", .string(templateSet)),
      ("stage", .string(stage.rawValue)),
      ("entity", .string(entity.rawValue)),
    ]
    members.append(("tables", .array(tables.map { $0.jsonValue(includeSources: includeSources) })))
    members.append(("forms", .array(forms.map { $0.jsonValue(includeSources: includeSources) })))
    return .object(members)
  }

  /// The canonical JSON text (UTF-8, two-space indentation, final newline).
  public func jsonText(includeSources: Bool = true) -> String {
    jsonValue(includeSources: includeSources).serialized()
  }

  /// The canonical JSON as UTF-8 bytes, ready to write.
  public func jsonBytes(includeSources: Bool = true) -> [UInt8] {
    jsonValue(includeSources: includeSources).serializedBytes()
  }

  /// Reads a disclosure from canonical JSON bytes holding at most `maxValues` JSON values.
  public init(jsonBytes: [UInt8], maxValues: Int = JSONValue.defaultMaxValues) throws {
    let value: JSONValue
    do {
      value = try JSONValue.parse(jsonBytes, maxValues: maxValues)
    } catch {
      throw DisclosureJSONError(path: "$", reason: error.description)
    }
    try self.init(json: value)
  }

  /// Reads a disclosure from a parsed canonical JSON value.
  public init(json: JSONValue) throws(DisclosureJSONError) {
    let r = JSONReader(value: json, path: "$")
    guard try r.string("format") == Self.jsonFormat else {
      throw DisclosureJSONError(path: "$.format", reason: "不是 Yusuan 的预算公开 JSON (format must be \(Self.jsonFormat))")
    }
    let version = try r.int("version")
    guard (1...Self.jsonVersion).contains(version) else {
      throw DisclosureJSONError(path: "$.version", reason: "不支持的版本 \(version) (unsupported version)")
    }
    let tables = try r.array("tables").map { (r) throws(DisclosureJSONError) in
      try BudgetTable(reader: r, version: version)
    }
    let forms = try (r.optionalArray("forms") ?? []).map { (r) throws(DisclosureJSONError) in
      try PerformanceForm(reader: r)
    }
    var stage = DisclosureStage.budget
    var entity = DisclosureEntity.department
    if let text = try r.optionalString("stage") {
      guard let s = DisclosureStage(rawValue: text) else { throw r.error("stage", "应为 budget 或 final-accounts") }
      stage = s
    }
    if let text = try r.optionalString("entity") {
      guard let e = DisclosureEntity(rawValue: text) else { throw r.error("entity", "应为 department 或 unit") }
      entity = e
    }
    self.init(
      department: try r.string("department"), departmentCode: try r.optionalString("departmentCode"),
      year: try r.optionalInt("year"), unit: try r.string("unit"),
      templateSet: try r.optionalString("template") ?? Self.datongSet, stage: stage, entity: entity, tables: tables,
      forms: forms)
  }
}

extension BudgetTable {
  func jsonValue(includeSources: Bool) -> JSONValue {
    var members: [(String, JSONValue)] = [
      ("number", .number(String(number))),
      ("kind", .string(kind.rawValue)),
      ("title", .string(title)),
      ("label", label.map(JSONValue.string) ?? .null),
      ("note", note.map(JSONValue.string) ?? .null),
      ("sourceUnit", .string(sourceUnit)),
      ("unit", .string(unit)),
    ]
    if includeSources, let source {
      members.append(("source", source.jsonValue))
    }
    members.append(("sections", .array(sections.map { $0.jsonValue(includeSources: includeSources) })))
    return .object(members)
  }

  init(reader r: JSONReader, version: Int) throws(DisclosureJSONError) {
    let number = try r.int("number")
    guard (1...99).contains(number) else { throw r.error("number", "表号应为 1–99 (table number must be 1–99)") }
    var kind: TableKind?
    if version == 1 {
      guard (1...13).contains(number) else { throw r.error("number", "表号应为 1–13 (table number must be 1–13)") }
      kind = TableKind.datong(number)
    } else {
      kind = TableKind(rawValue: try r.string("kind"))
    }
    let sourceUnit = try r.string("sourceUnit")
    guard ["万元", "元"].contains(sourceUnit) else { throw r.error("sourceUnit", "应为 万元 或 元 (must be 万元 or 元)") }
    // Version 1 converted every amount to 万元.
    let unit = version == 1 ? "万元" : try r.string("unit")
    guard ["万元", "元"].contains(unit) else { throw r.error("unit", "应为 万元 或 元 (must be 万元 or 元)") }
    var seenRoles = Set<SectionRole>()
    let sections = try r.array("sections").map { (s) throws(DisclosureJSONError) -> TableSection in
      let section = try TableSection(reader: s)
      guard seenRoles.insert(section.role).inserted else { throw s.error("role", "重复的部分 (duplicate section)") }
      return section
    }
    self.init(
      number: number, kind: kind, title: try r.string("title"), label: try r.optionalString("label"),
      note: try r.optionalString("note"), sourceUnit: sourceUnit, unit: unit, sections: sections,
      source: try r.optionalObject("source").map { (s) throws(DisclosureJSONError) in try SourceRef(reader: s) })
  }
}

extension SourceRef {
  var jsonValue: JSONValue {
    .object([
      ("file", .string(file)),
      ("sheet", sheet.map(JSONValue.string) ?? .null),
      ("range", range.map(JSONValue.string) ?? .null),
    ])
  }

  init(reader r: JSONReader) throws(DisclosureJSONError) {
    self.init(file: try r.string("file"), sheet: try r.optionalString("sheet"), range: try r.optionalString("range"))
  }
}

extension TableSection {
  func jsonValue(includeSources: Bool) -> JSONValue {
    var members: [(String, JSONValue)] = [
      ("role", .string(role.rawValue)),
      ("columns", .array(columns.map(JSONValue.string))),
    ]
    if includeSources, let columnLetters {
      members.append(("columnLetters", .array(columnLetters.map(JSONValue.string))))
    }
    members.append(("rows", .array(rows.map { $0.jsonValue(includeSources: includeSources) })))
    return .object(members)
  }

  init(reader r: JSONReader) throws(DisclosureJSONError) {
    guard let role = SectionRole(rawValue: try r.string("role")) else {
      throw r.error("role", "应为 main、income、expenditure、expenditure-by-use、personnel 或 public-use")
    }
    let columns = try r.array("columns").map { (c) throws(DisclosureJSONError) in try c.stringValue() }
    let letters = try r.optionalArray("columnLetters")?.map { (c) throws(DisclosureJSONError) in try c.stringValue() }
    if let letters, letters.count != columns.count {
      throw r.error("columnLetters", "与 columns 数量不符 (must match columns)")
    }
    let rows = try r.array("rows").map { (row) throws(DisclosureJSONError) -> BudgetRow in
      let parsed = try BudgetRow(reader: row)
      guard parsed.amounts.count == columns.count else {
        throw row.error("amounts", "金额个数 \(parsed.amounts.count) 与列数 \(columns.count) 不符 (one amount per column)")
      }
      return parsed
    }
    self.init(role: role, columns: columns, rows: rows, columnLetters: letters)
  }
}

extension BudgetRow {
  func jsonValue(includeSources: Bool) -> JSONValue {
    var members: [(String, JSONValue)] = [
      ("kind", .string(kind.rawValue)),
      ("code", code.map(JSONValue.string) ?? .null),
      ("name", .string(name)),
    ]
    if let secondName { members.append(("secondName", .string(secondName))) }
    members.append(("amounts", .array(amounts.map { $0.map { .number($0.text()) } ?? .null })))
    if includeSources, let line { members.append(("line", .number(String(line)))) }
    if includeSources, let sheet { members.append(("sheet", .string(sheet))) }
    return .object(members)
  }

  init(reader r: JSONReader) throws(DisclosureJSONError) {
    guard let kind = RowKind(rawValue: try r.string("kind")) else { throw r.error("kind", "应为 total 或 item") }
    let amounts = try r.array("amounts").map { (a) throws(DisclosureJSONError) in try a.optionalAmount() }
    self.init(
      kind: kind, code: try r.optionalString("code"), name: try r.string("name"),
      secondName: try r.optionalString("secondName"), amounts: amounts, line: try r.optionalInt("line"),
      sheet: try r.optionalString("sheet"))
  }
}

// PerformanceForm JSON: PerformanceForm+JSON.swift.

/// Typed access to a JSON value with paths in every error.
struct JSONReader {
  let value: JSONValue
  let path: String

  func error(_ key: String, _ reason: String) -> DisclosureJSONError {
    DisclosureJSONError(path: "\(path).\(key)", reason: reason)
  }

  func member(_ key: String) throws(DisclosureJSONError) -> JSONReader? {
    guard case .object = value else { throw DisclosureJSONError(path: path, reason: "应为对象 (expected an object)") }
    guard let v = value[key], v != .null else { return nil }
    return JSONReader(value: v, path: "\(path).\(key)")
  }

  func required(_ key: String) throws(DisclosureJSONError) -> JSONReader {
    guard let m = try member(key) else { throw error(key, "缺少必填字段 (missing)") }
    return m
  }

  func stringValue() throws(DisclosureJSONError) -> String {
    guard case .string(let s) = value else {
      throw DisclosureJSONError(path: path, reason: "应为字符串 (expected a string)")
    }
    return s
  }

  func string(_ key: String) throws(DisclosureJSONError) -> String { try required(key).stringValue() }

  func optionalString(_ key: String) throws(DisclosureJSONError) -> String? { try member(key)?.stringValue() }

  func intValue() throws(DisclosureJSONError) -> Int {
    guard case .number(let n) = value, let i = Int(n) else {
      throw DisclosureJSONError(path: path, reason: "应为整数 (expected an integer)")
    }
    return i
  }

  func int(_ key: String) throws(DisclosureJSONError) -> Int { try required(key).intValue() }

  func optionalInt(_ key: String) throws(DisclosureJSONError) -> Int? { try member(key)?.intValue() }

  /// The significant digits of a JSON number's text (`-0.0123e5` → 3): leading and trailing zeros
  /// of its digits do not count.
  static func significantDigits(ofNumber text: String) -> Int {
    let mantissa = text.utf8.prefix { $0 != UInt8(ascii: "e") && $0 != UInt8(ascii: "E") }
    let digits = mantissa.filter { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    guard let first = digits.firstIndex(where: { $0 != UInt8(ascii: "0") }),
      let last = digits.lastIndex(where: { $0 != UInt8(ascii: "0") })
    else { return 0 }
    return last - first + 1
  }

  func optionalAmount() throws(DisclosureJSONError) -> Amount? {
    switch value {
    case .null: return nil
    case .number(let n):
      // JSON holds exact decimals: a longer number is not an artefact to round, it cannot be kept.
      let significant = Self.significantDigits(ofNumber: n)
      guard significant <= Amount.inputSignificantDigitsLimit else {
        throw DisclosureJSONError(
          path: path,
          reason:
            "金额 \(n) 有 \(significant) 位有效数字，超过 \(Amount.inputSignificantDigitsLimit) 位，无法精确保存；请四舍五入到分 (more than \(Amount.inputSignificantDigitsLimit) significant digits)"
        )
      }
      guard let a = Amount(parsing: n) else {
        let reason =
          Amount.rejection(of: n) == .tooPrecise
          ? "金额 \(n) 的小数位超过 \(Amount.inputFractionDigitsLimit) 位 (more than \(Amount.inputFractionDigitsLimit) decimals)"
          : "金额 \(n) 超出范围，绝对值应小于 10^15 (amount out of range)"
        throw DisclosureJSONError(path: path, reason: reason)
      }
      return a
    default: throw DisclosureJSONError(path: path, reason: "应为数字或 null (expected a number or null)")
    }
  }

  func elements() throws(DisclosureJSONError) -> [JSONReader] {
    guard case .array(let items) = value else {
      throw DisclosureJSONError(path: path, reason: "应为数组 (expected an array)")
    }
    return items.enumerated().map { JSONReader(value: $1, path: "\(path)[\($0)]") }
  }

  func array(_ key: String) throws(DisclosureJSONError) -> [JSONReader] { try required(key).elements() }

  func optionalArray(_ key: String) throws(DisclosureJSONError) -> [JSONReader]? { try member(key)?.elements() }

  func optionalObject(_ key: String) throws(DisclosureJSONError) -> JSONReader? {
    guard let m = try member(key) else { return nil }
    guard case .object = m.value else { throw error(key, "应为对象 (expected an object)") }
    return m
  }
}
