import FoundationEssentials
import Sheets
import Validation

/// The batch report as a file: CSV (one row per department), JSON, or JUnit XML for CI.
public enum BatchReportFormat: String, Sendable {
  /// One row per department, the columns of `BatchSummary.columns` (UTF-8 with BOM, for Excel).
  case csv
  /// `{"format":"yusuan-batch", …, "rows":[…]}`.
  case json
  /// JUnit XML, one testcase per department.
  case junit

  /// The format implied by a report path: `.csv`, `.json`, `.xml` (JUnit).
  public static func implied(by path: String) -> BatchReportFormat? {
    switch Paths.extension(path).lowercased() {
    case "csv": .csv
    case "json": .json
    case "xml": .junit
    default: nil
    }
  }
}

extension BatchReportFormat {
  /// Checks, before a run starts, that a report can be written to `path`: its extension names a
  /// format and its folder exists and is writable. Throws `BatchError`.
  public static func checkWritable(_ path: String) throws {
    guard implied(by: path) != nil else { throw BatchError.unknownReportFormat(path) }
    var folder = Paths.parent(path)
    if folder.isEmpty { folder = "." }
    var isDirectory = false
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory,
      FileManager.default.isWritableFile(atPath: folder)
    else { throw BatchError.reportFolderUnwritable(report: path, folder: folder) }
  }
}

extension BatchSummary {
  /// The report's columns, in order.
  public static let columns = ["file", "department", "year", "status", "findings", "outputs", "skipped", "error"]

  /// The report rows as CSV fields (outputs joined with `;`).
  public func csvRows() -> [[CSVField]] {
    [Self.columns.map { CSVField.text($0) }]
      + rows.map { row in
        [
          .text(row.file), .text(row.department), row.year.map { .number(String($0)) } ?? .text(""),
          .text(row.status.rawValue), .number(String(row.findings)), .text(row.outputs.joined(separator: ";")),
          .text(row.skipped ? "yes" : "no"), .text(row.error ?? ""),
        ]
      }
  }

  /// The report as JSON: `{"format":"yusuan-batch","planned":…,"exitStatus":…,"rows":[…]}`.
  public func json() throws -> String {
    struct Document: Encodable {
      var format = "yusuan-batch"
      var version = Yusuan.version
      var planned: Int
      var cancelled: Bool
      var exitStatus: Int32
      var rows: [BatchRow]
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let document = Document(planned: planned, cancelled: cancelled, exitStatus: exitStatus, rows: rows)
    return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
  }

  /// The report as JUnit XML: one testcase per department, agreeing with the exit status. A
  /// department whose status is `findings` or `differences` is a failure listing the findings
  /// that made it one; unreadable and unwritable inputs are errors; the findings that fail
  /// nothing (rounding, warnings without strict, info) are in the testcase's `<system-out>`.
  public func junit() -> String {
    let failures = rows.filter { $0.status.exitStatus == 1 }.count
    let errors = rows.filter { $0.status.exitStatus == 2 }.count
    var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    out +=
      "<testsuite name=\"yusuan batch\" tests=\"\(rows.count)\" failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"0\" time=\"\(seconds.text(decimals: 3))\">\n"
    for row in rows {
      let open = "  <testcase classname=\"yusuan.batch\" name=\"\(xmlEscape(row.file))\""
      let detail = "\(row.department) \(row.year.map(String.init) ?? "") findings=\(row.findings) \(row.error ?? "")"
      let details = row.details ?? []
      let failing = details.filter(\.fails)
      let others = details.filter { !$0.fails }
      var body = ""
      switch row.status {
      case .ok: break
      case .findings, .differences:
        let first = row.status == .findings ? failing.first.map { " " + $0.message } ?? "" : ""
        let text = (row.status == .findings ? failing : []).map(\.junitText) + (row.error.map { [$0] } ?? [])
        body +=
          "    <failure type=\"\(row.status.rawValue)\" message=\"\(xmlEscape(detail + first))\">\(xmlEscape(text.joined(separator: "\n")))</failure>\n"
      case .unreadable, .failed:
        body += "    <error type=\"\(row.status.rawValue)\" message=\"\(xmlEscape(detail))\"/>\n"
      }
      // Findings that made no failure here are shown, not counted.
      let shown = row.status == .findings ? others : details
      if !shown.isEmpty {
        body += "    <system-out>\(xmlEscape(shown.map(\.junitText).joined(separator: "\n")))</system-out>\n"
      }
      out += body.isEmpty ? open + "/>\n" : open + ">\n" + body + "  </testcase>\n"
    }
    return out + "</testsuite>\n"
  }

  /// Writes the report atomically in the format its extension implies, never onto an input.
  public func writeReport(to path: String, refusing inputs: [String] = []) throws {
    switch BatchReportFormat.implied(by: path) {
    case .csv: try CSVWriter.write(rows: csvRows(), to: path, encoding: .utf8BOM, refusing: inputs)
    case .json: try AtomicFile.write(bytes: Array(try json().utf8), to: path, refusing: inputs)
    case .junit: try AtomicFile.write(bytes: Array(junit().utf8), to: path, refusing: inputs)
    case nil: throw BatchError.unknownReportFormat(path)
    }
  }
}

extension Double {
  /// The value with `decimals` digits after the point (`1.5` → `1.500`), as printf's `%.Nf`
  /// prints the durations and rates Yusuan shows (halves are rounded away from zero).
  public func text(decimals: Int) -> String {
    guard isFinite else { return String(self) }
    var scale = 1
    for _ in 0..<decimals { scale *= 10 }
    let units = Int((magnitude * Double(scale)).rounded())
    let fraction = String(units % scale)
    let sign = self < 0 && units != 0 ? "-" : ""
    let whole = sign + String(units / scale)
    return decimals == 0 ? whole : whole + "." + String(repeating: "0", count: decimals - fraction.count) + fraction
  }
}
