// The canonical JSON of a performance-target form. Every field is written (null when blank) so
// that a form survives JSON → model → JSON unchanged; amounts are exact numbers in 元.

extension PerformanceForm {
  /// The text fields in JSON order, with their JSON keys.
  static let textFields: [(key: String, path: WritableKeyPath<PerformanceForm, String?> & Sendable)] = [
    ("department", \.department), ("implementingUnit", \.implementingUnit), ("attribute", \.attribute),
    ("period", \.period), ("overview", \.overview), ("basis", \.basis), ("necessity", \.necessity),
    ("safeguards", \.safeguards), ("plan", \.plan), ("implementationGoal", \.implementationGoal),
    ("annualGoal", \.annualGoal), ("responsiblePerson", \.responsiblePerson), ("handler", \.handler),
    ("phone", \.phone), ("filledOn", \.filledOn),
  ]

  func jsonValue(includeSources: Bool) -> JSONValue {
    var members: [(String, JSONValue)] = [
      ("title", .string(title)),
      ("year", year.map { .number(String($0)) } ?? .null),
      ("projectName", .string(projectName)),
    ]
    for (key, path) in Self.textFields.prefix(4) {
      members.append((key, self[keyPath: path].map(JSONValue.string) ?? .null))
    }
    members.append(("implementationFunding", implementationFunding.jsonValue))
    members.append(("annualFunding", annualFunding.jsonValue))
    for (key, path) in Self.textFields.dropFirst(4) {
      members.append((key, self[keyPath: path].map(JSONValue.string) ?? .null))
    }
    members.append(("indicators", .array(indicators.map(\.jsonValue))))
    if includeSources, let source { members.append(("source", source.jsonValue)) }
    return .object(members)
  }

  init(reader r: JSONReader) throws(DisclosureJSONError) {
    self.init(
      title: try r.optionalString("title") ?? Self.standardTitle, year: try r.optionalInt("year"),
      projectName: try r.string("projectName"),
      implementationFunding: try r.optionalObject("implementationFunding").map { (f) throws(DisclosureJSONError) in
        try FormFunding(reader: f)
      } ?? FormFunding(),
      annualFunding: try r.optionalObject("annualFunding").map { (f) throws(DisclosureJSONError) in
        try FormFunding(reader: f)
      } ?? FormFunding(),
      indicators: try (r.optionalArray("indicators") ?? []).map { (i) throws(DisclosureJSONError) in
        try PerformanceIndicator(reader: i)
      },
      source: try r.optionalObject("source").map { (s) throws(DisclosureJSONError) in try SourceRef(reader: s) })
    for (key, path) in Self.textFields { self[keyPath: path] = try r.optionalString(key) }
  }
}

extension FormFunding {
  var jsonValue: JSONValue {
    .object((["total"] + Self.parts.map(\.key)).map { key in (key, self[key].map { .number($0.text()) } ?? .null) })
  }

  init(reader r: JSONReader) throws(DisclosureJSONError) {
    self.init()
    for key in ["total"] + Self.parts.map(\.key) { self[key] = try r.member(key)?.optionalAmount() }
  }
}

extension PerformanceIndicator {
  var jsonValue: JSONValue {
    .object([
      ("period", .string(period.rawValue)), ("level1", .string(level1)), ("level2", .string(level2)),
      ("level3", .string(level3)), ("value", .string(value)),
    ])
  }

  init(reader r: JSONReader) throws(DisclosureJSONError) {
    guard let period = IndicatorPeriod(rawValue: try r.string("period")) else {
      throw r.error("period", "应为 implementation 或 annual (must be implementation or annual)")
    }
    self.init(
      period: period, level1: try r.string("level1"), level2: try r.string("level2"),
      level3: try r.optionalString("level3") ?? "", value: try r.optionalString("value") ?? "")
  }
}
