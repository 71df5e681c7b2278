import FoundationEssentials
import Layouts

extension BatchPlan {
  /// Refuses a `--report` path that is one of the run's own outputs: a department's xlsx or
  /// json, a file of its CSV folder, its HTML report, the index page, a manifest or lock file.
  /// Written last, the report would replace that output, which later runs then skip as done.
  public func checkNotAnOutput(_ report: String, options: BatchOptions) throws {
    let target = Paths.resolved(Self.standardized(report))
    let root = Paths.resolved(outputRoot)
    let prefix = root == "/" ? "/" : root + "/"
    guard target.hasPrefix(prefix) else { return }
    let relative = String(target.dropFirst(prefix.count))
    let name = Paths.lastComponent(relative)
    if name.hasPrefix(".yusuan-manifest") || name.hasPrefix(".yusuan-lock") || relative == "index.html" {
      throw BatchError.reportIsAnOutput(report: report, output: relative)
    }
    for department in departments {
      let outputs = [department.output(.xlsx), department.output(.json), department.reportOutput]
      // A path inside a department's CSV folder would be removed or mixed with its tables.
      if let hit = outputs.first(where: { $0 == relative })
        ?? (relative.hasPrefix(department.output(.csv) + "/") ? relative : nil)
      {
        throw BatchError.reportIsAnOutput(report: report, output: hit)
      }
    }
  }
}
