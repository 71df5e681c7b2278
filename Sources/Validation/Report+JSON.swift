import Budget
import Messages

extension Report {
  /// The identifier written into every validation report.
  public static let jsonFormat = "yusuan-validation"

  /// The report as JSON with stable field names; amounts are exact numbers, blanks null.
  public func jsonValue(_ language: Language = .zh) -> JSONValue {
    func amount(_ a: Amount?) -> JSONValue { a.map { .number($0.text()) } ?? .null }
    func finding(_ f: Finding) -> JSONValue {
      .object([
        ("ruleId", .string(f.ruleId)), ("severity", .string(f.severity.rawValue)),
        ("table", f.table.map { .number(String($0)) } ?? .null), ("row", .string(f.row)), ("column", .string(f.column)),
        ("cells", .array(f.cells.map(JSONValue.string))), ("expected", amount(f.expected)), ("found", amount(f.found)),
        ("difference", amount(f.difference)), ("message", .string(f.message(language))),
      ])
    }
    let rules: [JSONValue] = outcomes.map { o in
      var reason: JSONValue = .null
      if case .notApplicable(let why) = o.status { reason = .string(why.message(language)) }
      return .object([
        ("id", .string(o.ruleId)), ("group", .string(o.group.rawValue)), ("severity", .string(o.severity.rawValue)),
        ("tables", .array(o.tables.map { .number(String($0)) })), ("status", .string(o.status.token)),
        ("reason", reason), ("description", .string(o.description(language))),
        ("findings", .number(String(o.findings.count))),
      ])
    }
    return .object([
      ("format", .string(Self.jsonFormat)), ("version", .number("1")), ("department", .string(department)),
      ("year", year.map { .number(String($0)) } ?? .null), ("tolerance", .number(tolerance.text())),
      ("catalog", .bool(catalogUsed)),
      (
        "summary",
        .object([
          ("rules", .number(String(outcomes.count))), ("passed", .number(String(outcomes("passed").count))),
          ("failed", .number(String(outcomes("failed").count))),
          ("notApplicable", .number(String(outcomes("not-applicable").count))),
          ("errors", .number(String(count(.error)))), ("warnings", .number(String(count(.warning)))),
          ("rounding", .number(String(count(.rounding)))), ("info", .number(String(count(.info)))),
        ])
      ),
      ("rules", .array(rules)), ("findings", .array(findings.map(finding))),
    ])
  }

  /// The JSON text of the report.
  public func json(_ language: Language = .zh) -> String { jsonValue(language).serialized() }
}
