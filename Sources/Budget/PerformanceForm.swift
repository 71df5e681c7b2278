/// A project performance-target form (项目支出绩效目标申报表). Its fields are filled by the forms
/// reader; amounts are in 元.
public struct PerformanceForm: Sendable, Equatable {
  /// 项目名称.
  public var projectName: String
  /// Label → value pairs of the form as read, in order (every field the form prints).
  public var fields: [FormField]
  /// 年度资金总额 in 元, where printed.
  public var annualTotal: Amount?
  /// Where the form was read from.
  public var source: SourceRef?

  /// Creates a form.
  public init(projectName: String, fields: [FormField] = [], annualTotal: Amount? = nil, source: SourceRef? = nil) {
    self.projectName = projectName
    self.fields = fields
    self.annualTotal = annualTotal
    self.source = source
  }
}

/// One label/value pair of a form.
public struct FormField: Sendable, Equatable {
  /// The label as printed.
  public var label: String
  /// The value as printed.
  public var value: String

  /// Creates a field.
  public init(label: String, value: String) {
    self.label = label
    self.value = value
  }
}
