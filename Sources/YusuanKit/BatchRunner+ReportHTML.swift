import FoundationEssentials
import Layouts
import Sheets
import Validation

extension BatchRunner {
  /// Writes one department's HTML report next to its other outputs, never onto an input.
  func writeReportHTML(_ reading: DisclosureReading, report: Report, for department: BatchDepartment) throws {
    let target = Paths.join(plan.outputRoot, department.reportOutput)
    try FileManager.default.createDirectory(atPath: Paths.parent(target), withIntermediateDirectories: true)
    let page = HTMLReport(reading: reading, report: report, language: language).html()
    try AtomicFile.write(
      bytes: Array(page.utf8), to: target, refusing: department.files + [department.path])
  }
}
