import Layouts
import Validation

// Reading and validating stay apart (Validation knows nothing of Layouts): what the reader could
// not read reaches a validation report as plain findings, made here.

extension Finding {
  /// A read issue as a validation finding: the issue's rule id and severity, its place as the cell.
  public init(_ issue: ReadIssue) {
    self.init(
      ruleId: issue.ruleId, severity: Severity(issue.severity), table: nil, row: "", column: "",
      cells: [issue.location], expected: nil, found: nil, difference: nil, messageZh: issue.message(.zh),
      messageEn: issue.message(.en))
  }
}

extension Severity {
  /// The validation severity of a read issue's severity.
  public init(_ severity: ReadIssue.Severity) {
    switch severity {
    case .error: self = .error
    case .warning: self = .warning
    case .info: self = .info
    }
  }
}

extension DisclosureReading {
  /// Every read issue of the inputs as a finding: what was met while reading tables and forms,
  /// then why a sheet or file was not read as a table.
  public var readFindings: [Finding] {
    (issues + grids.compactMap(\.unrecognized)).map(Finding.init)
  }
}
