import Dispatch
import FoundationEssentials
import Layouts
import Sheets
import Validation

/// A flag a signal handler (or any thread) raises to stop a batch: workers finish the department
/// in hand — every output whole, its manifest line written — and take no new one.
public final class BatchCancellation: @unchecked Sendable {
  private let lock = Lock()
  private var raised = false
  /// The signal that raised it, if any.
  public private(set) var signal: Int32?

  /// Creates a lowered flag.
  public init() {}

  /// Raises the flag.
  public func cancel(signal: Int32? = nil) {
    lock.withLock {
      if !raised { self.signal = signal }
      raised = true
    }
  }

  /// Whether the flag is raised.
  public var isCancelled: Bool {
    lock.withLock { raised }
  }
}

/// A progress report after each department.
public struct BatchProgress: Sendable {
  /// Departments handled so far.
  public var done: Int
  /// Of those, how many were skipped as up to date (they take no time, so rates leave them out).
  public var skipped: Int = 0
  /// Departments planned.
  public var total: Int
  /// Seconds since the start.
  public var elapsed: Double
  /// The row just finished.
  public var row: BatchRow
}

/// Runs a plan on a bounded pool of worker threads. Each worker holds one department at a time
/// (read → validate → write → forget), so memory depends on the number of workers, never on
/// the number of departments; only the small report rows are kept.
public struct BatchRunner: Sendable {
  /// What to run.
  public var plan: BatchPlan
  /// How.
  public var options: BatchOptions
  /// Language of error messages in report rows.
  var language: Language { options.configuration.language }

  /// Creates a runner.
  public init(plan: BatchPlan, options: BatchOptions) {
    self.plan = plan
    self.options = options
  }

  /// Runs every department of the plan (skipping those up to date), calling `progress` after each
  /// one (from worker threads, one call at a time). Returns when all are done, the limit is
  /// reached, or `cancellation` is raised and in-flight departments have finished.
  public func run(
    cancellation: BatchCancellation = BatchCancellation(),
    progress: @escaping @Sendable (BatchProgress) -> Void = { _ in }
  ) throws -> BatchSummary {
    let start = Date()
    try FileManager.default.createDirectory(atPath: plan.outputRoot, withIntermediateDirectories: true)
    // Held until the run returns: a second run on this folder and shard is refused, so that its
    // clean-up never takes this run's temporaries for stale ones.
    let lock = try BatchLock(outputRoot: plan.outputRoot, shard: options.shard)
    defer { withExtendedLifetime(lock) {} }
    StaleTemporaries.remove(for: plan, shard: options.shard)
    let manifest = BatchManifest(outputRoot: plan.outputRoot, shard: options.shard)
    let groups = plan.serialGroups(writingCSV: options.formats.contains(.csv))
    let state = WorkState(groups: groups, limit: options.limit)
    let jobs = max(1, min(options.configuration.jobs, groups.count))
    let group = DispatchGroup()
    for _ in 0..<jobs {
      group.enter()
      detachThread { [self] in
        defer { group.leave() }
        while let members = state.takeGroup() {
          for index in members {
            guard !cancellation.isCancelled else { return }
            let department = plan.departments[index]
            let row: BatchRow
            switch prepare(department, manifest: manifest) {
            case .finished(let finished):
              row = finished
            case .due(let hash, let contents, let identities):
              // Only departments that are really redone count against the limit, so that
              // `--limit K` run repeatedly makes progress through a partly done tree.
              guard state.reserve() else { return }
              row = process(department, hash: hash, contents: contents, identities: identities, manifest: manifest)
            }
            state.finish(index, row) { done, skipped in
              progress(
                BatchProgress(
                  done: done, skipped: skipped, total: plan.departments.count, elapsed: -start.timeIntervalSinceNow,
                  row: row))
            }
          }
        }
      }
    }
    group.wait()
    // A manifest that cannot be rewritten (a full disk) costs the next run time, never this run's
    // summary and report.
    var manifestProblem: String?
    do { try manifest.compact() } catch { manifestProblem = message(error) }
    let rows = state.rows()
    return BatchSummary(
      rows: rows, planned: plan.departments.count,
      cancelled: cancellation.isCancelled && rows.count < plan.departments.count,
      seconds: -start.timeIntervalSinceNow, manifestProblem: manifestProblem)
  }

  /// Whether a department is already finished (up to date, or its files cannot even be read for
  /// hashing) or is due, with its content key.
  enum Preparation {
    case finished(BatchRow)
    /// Due, with its content key, the bytes of its files that the key covers, and for files too
    /// large to keep (`keptBytes`) what `stat` said of them before they were hashed.
    case due(hash: String, contents: [String: [UInt8]], identities: [String: [Int]] = [:])
  }

  /// Files up to this size are kept in memory from hashing to parsing; a larger one (a workbook
  /// with big pictures) is read again, and must then be the same file with the same times.
  static let keptBytes = 32 << 20

  /// Reads a department's files once, hashes those bytes and looks the key up in the manifest.
  /// The same bytes are then parsed: a file replaced meanwhile can never record one version's
  /// hash with the other version's outputs.
  func prepare(_ department: BatchDepartment, manifest: BatchManifest) -> Preparation {
    if department.isLinkedFolder {
      let why =
        language == .zh
        ? "符号链接指向的文件夹，未跟随读取（可能绕回输入目录）；请直接给出其真实路径"
        : "a symbolic link to a folder, not followed (it could loop back into the tree); give its real path instead"
      return .finished(BatchRow(file: department.key, status: .unreadable, error: why))
    }
    let hash: String
    var contents: [String: [UInt8]] = [:]
    var identities: [String: [Int]] = [:]
    do {
      var sha = BatchManifest.hasher(options: options)
      for file in department.files {
        let before = Files.identity(file)
        // Sized first, regular files only: a sparse 3 GB file or a FIFO is refused, not read.
        let bytes = try Files.readRegularFile(file, limit: Limits.default.maxFileBytes)
        BatchManifest.add(file, bytes, to: &sha)
        if bytes.count <= Self.keptBytes { contents[file] = bytes } else { identities[file] = before ?? [] }
      }
      hash = sha.hexDigest()
    } catch {
      return .finished(BatchRow(file: department.key, status: .unreadable, error: message(error)))
    }
    if !options.force, let entry = manifest.upToDate(key: department.key, hash: hash, outputRoot: plan.outputRoot) {
      return .finished(
        BatchRow(
          file: department.key, department: entry.department, year: entry.year,
          status: BatchStatus(rawValue: entry.status) ?? .ok, findings: entry.findings, outputs: entry.outputs,
          skipped: true,
          details: entry.details))
    }
    return .due(hash: hash, contents: contents, identities: identities)
  }

  /// One department, read to written; never throws: every problem becomes the row's status.
  func process(
    _ department: BatchDepartment, hash: String, contents: [String: [UInt8]], identities: [String: [Int]] = [:],
    manifest: BatchManifest
  ) -> BatchRow {
    let reading: DisclosureReading
    do {
      var reader = options.configuration.reader
      reader.contents = contents
      reading = try reader.read(department.inputs)
    } catch {
      return BatchRow(file: department.key, status: .unreadable, error: message(error))
    }
    let disclosure = reading.disclosure
    let report = Yusuan.validate(reading, options.configuration)
    var row = BatchRow(
      file: department.key, department: disclosure.department, year: disclosure.year,
      status: report.exitStatus(strict: options.strict) == 0 ? .ok : .findings, findings: report.findings.count,
      details: report.findings.map { BatchFinding($0, strict: options.strict, language: language) })
    for format in options.formats {
      let relative = department.output(format)
      let target = Paths.join(plan.outputRoot, relative)
      do {
        try FileManager.default.createDirectory(
          atPath: Paths.parent(target), withIntermediateDirectories: true)
        try Yusuan.write(
          disclosure, as: format, to: target, csvLayout: options.csvLayout, encoding: options.encoding,
          refusing: department.files + [department.path], options.configuration)
        row.outputs.append(relative)
        if options.verify {
          let again = try Yusuan.read([target], options.configuration.readingBack)
          let differences = disclosure.differences(from: again.disclosure)
          if !differences.isEmpty, row.status == .ok || row.status == .findings {
            row.status = .differences
            row.error = "\(format.rawValue): " + differences.prefix(3).map(\.description).joined(separator: "; ")
          }
        }
      } catch {
        row.status = .failed
        row.error = "\(format.rawValue): " + message(error)
        return row
      }
    }
    if options.reportHTML {
      do {
        try writeReportHTML(reading, report: report, for: department)
        row.outputs.append(department.reportOutput)
      } catch {
        row.status = .failed
        row.error = "html: " + message(error)
        return row
      }
    }
    // A file too large to keep was read twice: it must still be the file that was hashed.
    for (file, identity) in identities where Files.identity(file) != identity {
      row.status = .failed
      row.error =
        language == .zh
        ? "读取期间输入文件 \(Paths.lastComponent(file)) 被修改；输出未记入清单，下次运行将重做"
        : "the input \(Paths.lastComponent(file)) changed while it was being read; its outputs are not recorded, the next run redoes it"
      return row
    }
    do {
      try manifest.record(
        ManifestEntry(
          key: department.key, hash: hash, department: row.department, year: row.year, status: row.status.rawValue,
          findings: row.findings, outputs: row.outputs, details: row.details))
    } catch {
      // The outputs are whole; without the line the department is simply redone next time.
      row.error = message(error)
    }
    return row
  }

  func message(_ error: any Error) -> String {
    if let m = error as? LocalizedMessage { return m.message(language) }
    return String(describing: error)
  }
}

/// The queue of department indices and the finished rows, shared by the workers. Indices come in
/// groups, each handled by one worker in order (`BatchPlan.serialGroups`).
final class WorkState: @unchecked Sendable {
  private let lock = Lock()
  private let groups: [[Int]]
  private var nextGroup = 0
  private var done = 0
  private var skipped = 0
  private var started = 0
  private let limit: Int?
  private var results: [BatchRow?]

  init(groups: [[Int]], limit: Int?) {
    self.limit = limit
    self.groups = groups
    results = Array(repeating: nil, count: groups.reduce(0) { $0 + $1.count })
  }

  /// The next group to handle, its indices in order; nil when all are taken or the limit is reached.
  func takeGroup() -> [Int]? {
    lock.withLock {
      guard nextGroup < groups.count else { return nil }
      nextGroup += 1
      return groups[nextGroup - 1]
    }
  }

  /// Counts one department against the limit; false (and no more indices handed out) once reached.
  func reserve() -> Bool {
    lock.withLock {
      guard started < (limit ?? Int.max) else {
        nextGroup = groups.count
        return false
      }
      started += 1
      return true
    }
  }

  /// Stores a row and reports progress while still holding the lock, so reports arrive in order.
  /// `report` gets how many are done and how many of those were skipped as up to date.
  func finish(_ index: Int, _ row: BatchRow, report: (Int, Int) -> Void) {
    lock.withLock {
      results[index] = row
      done += 1
      if row.skipped { skipped += 1 }
      report(done, skipped)
    }
  }

  /// The rows stored, in index order.
  func rows() -> [BatchRow] {
    lock.withLock { results.compactMap { $0 } }
  }
}
