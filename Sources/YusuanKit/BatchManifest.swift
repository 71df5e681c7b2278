import FoundationEssentials
import Sheets

/// What the manifest remembers of a department whose outputs were written.
public struct ManifestEntry: Codable, Sendable, Equatable {
  /// The department's key (its input path relative to the input root).
  public var key: String
  /// SHA-256 of Yusuan's version, the output-shaping options and every input byte.
  public var hash: String
  /// Department name as read.
  public var department: String
  /// Budget year as read.
  public var year: Int?
  /// The status the department had (`ok`, `findings` or `differences`).
  public var status: String
  /// How many findings validation made.
  public var findings: Int
  /// Outputs, relative to the output folder.
  public var outputs: [String]
  /// The findings, so that a skipped department's report row still carries them (absent in
  /// manifests of older runs).
  public var details: [BatchFinding]? = nil
}

/// The record of finished departments in the output folder, so that a re-run skips inputs whose
/// outputs are up to date and an interrupted run resumes. It is a JSON Lines file appended one
/// line (one `write`) per finished department, so a killed run loses at most the line in flight;
/// a torn last line is ignored when read. Each shard appends to its own file, so shards sharing
/// an output folder never write the same file.
public final class BatchManifest: @unchecked Sendable {
  /// Entries read at start, by key (the last line for a key wins).
  public let previous: [String: ManifestEntry]
  /// The file this run appends to.
  public let path: String
  private let lock = Lock()
  private let file: AppendOnlyFile
  private var latest: [String: ManifestEntry]

  /// `.yusuan-manifest.jsonl`, or `.yusuan-manifest-shard-I-of-N.jsonl` for a shard.
  public static func fileName(for shard: Shard) -> String {
    shard.count == 1 ? ".yusuan-manifest.jsonl" : ".yusuan-manifest-shard-\(shard.index)-of-\(shard.count).jsonl"
  }

  /// Reads every manifest in `outputRoot` (all shards' files: a department may have moved shard
  /// when the shard count changed) and prepares this shard's file for appending.
  public init(outputRoot: String, shard: Shard) {
    path = Paths.join(outputRoot, Self.fileName(for: shard))
    var entries: [String: ManifestEntry] = [:]
    var own: [String: ManifestEntry] = [:]
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: outputRoot)) ?? []).sorted()
    for name in names where name.hasPrefix(".yusuan-manifest") && name.hasSuffix(".jsonl") {
      let file = Paths.join(outputRoot, name)
      let parsed = Self.parse(file)
      for entry in parsed { entries[entry.key] = entry }
      if file == path { for entry in parsed { own[entry.key] = entry } }
    }
    previous = entries
    latest = own
    file = AppendOnlyFile(path: path)
  }

  /// The entries of a manifest file, skipping lines that do not parse (a line torn by a kill).
  static func parse(_ file: String) -> [ManifestEntry] {
    guard let data = FileManager.default.contents(atPath: file) else { return [] }
    let decoder = JSONDecoder()
    return data.split(separator: UInt8(ascii: "\n")).compactMap {
      try? decoder.decode(ManifestEntry.self, from: Data($0))
    }
  }

  /// The entry for `key` when its hash matches and every output it lists still exists.
  public func upToDate(key: String, hash: String, outputRoot: String) -> ManifestEntry? {
    guard let entry = previous[key], entry.hash == hash else { return nil }
    for output in entry.outputs {
      guard FileManager.default.fileExists(atPath: Paths.join(outputRoot, output)) else { return nil }
    }
    return entry
  }

  /// Appends an entry as one line with one `write` call.
  public func record(_ entry: ManifestEntry) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let line = Array(try encoder.encode(entry)) + [UInt8(ascii: "\n")]
    try lock.withLock {
      latest[entry.key] = entry
      try file.append(line)
    }
  }

  /// Rewrites this shard's file with one line per department (atomically), dropping superseded lines.
  public func compact() throws {
    try lock.withLock {
      file.close()
      guard !latest.isEmpty else { return }
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
      var bytes: [UInt8] = []
      for key in latest.keys.sorted() {
        bytes += Array(try encoder.encode(latest[key]!)) + [UInt8(ascii: "\n")]
      }
      try AtomicFile.write(bytes: bytes, to: path)
    }
  }

  /// The content key of a department: Yusuan's version and options, then each file's name
  /// (relative to the department), length and bytes.
  public static func hash(of department: BatchDepartment, options: BatchOptions) throws -> String {
    try hash(of: department, options: options, contents: [:])
  }

  /// The content key from bytes already read (`contents`, by path); files not given are read.
  static func hash(of department: BatchDepartment, options: BatchOptions, contents: [String: [UInt8]]) throws -> String
  {
    var sha = hasher(options: options)
    for file in department.files {
      // Sized first, regular files only: a sparse 3 GB file or a FIFO is refused, not read.
      add(file, try contents[file] ?? Files.readRegularFile(file, limit: Limits.default.maxFileBytes), to: &sha)
    }
    return sha.hexDigest()
  }

  /// A hasher that holds Yusuan's version and the options; `add` then takes each file in turn.
  static func hasher(options: BatchOptions) -> SHA256 {
    var sha = SHA256()
    sha.update(options.fingerprint + "\n")
    return sha
  }

  /// Adds one file of a department to a content key: its name, length and bytes.
  static func add(_ file: String, _ bytes: [UInt8], to sha: inout SHA256) {
    let header = Paths.lastComponent(file) + "\u{0}" + String(bytes.count) + "\u{0}"
    sha.update(header)
    sha.update(bytes)
  }
}
