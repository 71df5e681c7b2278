import FoundationEssentials
import Sheets

/// What became of one department.
public enum BatchStatus: String, Codable, Sendable, CaseIterable {
  /// Read, valid (no error; with strict, no finding), every output written.
  case ok
  /// Outputs written, but validation found errors (with strict, any finding).
  case findings
  /// Outputs written, but reading one back gave different values (only with verify).
  case differences
  /// The input could not be read as a budget disclosure (not a workbook, broken, no table recognized).
  case unreadable
  /// The input was read but an output could not be written.
  case failed

  /// The exit status this department alone calls for: 0, 1 or 2.
  public var exitStatus: Int32 {
    switch self {
    case .ok: 0
    case .findings, .differences: 1
    case .unreadable, .failed: 2
    }
  }
}

/// One line of the batch report.
public struct BatchRow: Codable, Sendable, Equatable {
  /// The input, relative to the input root (`sub/x.xlsx`, `sub/csv/` for a CSV folder).
  public var file: String
  /// Department name as read (empty when unreadable).
  public var department: String
  /// Budget year as read.
  public var year: Int?
  /// What became of it.
  public var status: BatchStatus
  /// How many findings validation made (any severity).
  public var findings: Int
  /// What validation found, finding by finding (absent in reports of older runs).
  public var details: [BatchFinding]?
  /// The outputs, relative to the output folder.
  public var outputs: [String]
  /// True when the outputs were already up to date and nothing was redone.
  public var skipped: Bool
  /// Why it could not be read or written.
  public var error: String?

  /// Creates a row.
  public init(
    file: String, department: String = "", year: Int? = nil, status: BatchStatus, findings: Int = 0,
    outputs: [String] = [], skipped: Bool = false, error: String? = nil, details: [BatchFinding]? = nil
  ) {
    self.file = file
    self.department = department
    self.year = year
    self.status = status
    self.findings = findings
    self.outputs = outputs
    self.skipped = skipped
    self.error = error
    self.details = details
  }
}

/// The result of a batch run.
public struct BatchSummary: Sendable {
  /// One row per department handled, in key order (departments not reached are absent).
  public var rows: [BatchRow]
  /// How many departments the run was given (this shard).
  public var planned: Int
  /// True when a cancellation stopped the run before every department was handled.
  public var cancelled: Bool
  /// Seconds from start to end.
  public var seconds: Double
  /// Why the manifest could not be written at the end (a full disk …): the outputs stand, but
  /// the next run redoes the departments it would have skipped.
  public var manifestProblem: String? = nil

  /// 0 all good, 1 some findings (or round-trip differences), 2 some unreadable or unwritable
  /// (or the manifest unwritable).
  public var exitStatus: Int32 { max(rows.map(\.status.exitStatus).max() ?? 0, manifestProblem == nil ? 0 : 2) }

  /// How many rows have a status.
  public func count(_ status: BatchStatus) -> Int { rows.filter { $0.status == status }.count }

  /// How many departments were skipped as up to date.
  public var skipped: Int { rows.filter(\.skipped).count }

  /// How many departments of the plan were not reached (a limit or a cancellation stopped the run).
  public var notReached: Int { planned - rows.count }
}
