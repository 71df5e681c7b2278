import Budget
import FoundationEssentials
import Layouts
import Sheets
import Validation

/// One slice of a batch: departments whose relative path hashes to `index` modulo `count`.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
  /// 1-based index of this slice.
  public var index: Int
  /// How many slices the whole run is split into.
  public var count: Int

  /// The whole run (1/1).
  public static let all = Shard(index: 1, count: 1)!

  /// Creates a shard; nil unless 1 ≤ index ≤ count.
  public init?(index: Int, count: Int) {
    guard count >= 1, index >= 1, index <= count else { return nil }
    self.index = index
    self.count = count
  }

  /// Parses `I/N`.
  public init(parsing text: String) throws {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]), let shard = Shard(index: i, count: n) else {
      throw BatchError.badShard(text)
    }
    self = shard
  }

  /// Whether a department (by its relative key) belongs to this shard. The hash depends on the
  /// key alone, so a department stays in its shard when others are added or removed.
  public func contains(_ key: String) -> Bool {
    count == 1 || Int(Self.mix(Self.fnv1a(key)) % UInt64(count)) == index - 1
  }

  /// MurmurHash3's 64-bit finalizer: FNV's low bits alone split keys that differ only at the
  /// end (`d001.xlsx`, `d002.xlsx` …) unevenly.
  static func mix(_ value: UInt64) -> UInt64 {
    var h = value
    h ^= h >> 33
    h = h &* 0xff51_afd7_ed55_8ccd
    h ^= h >> 33
    h = h &* 0xc4ce_b9fe_1a85_ec53
    h ^= h >> 33
    return h
  }

  /// FNV-1a, 64 bits, over the UTF-8 bytes: stable across runs, machines and Swift versions
  /// (unlike `Hasher`, which is seeded per process).
  static func fnv1a(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01B3
    }
    return hash
  }

  public var description: String { "\(index)/\(count)" }
}

/// Everything a batch run is told.
public struct BatchOptions: Sendable {
  /// Output formats, each written for every department.
  public var formats: [OutputFormat]
  /// Layout of CSV outputs.
  public var csvLayout: CSVLayout = .tidy
  /// Encoding of CSV outputs.
  public var encoding: TextEncoding = .utf8BOM
  /// How departments are read and checked: template set, CSV input encoding, catalog,
  /// tolerance, limits, worker threads (`jobs`), language.
  public var configuration = Yusuan.Configuration()
  /// Any finding (not only errors) makes a department's status `findings`.
  public var strict = false
  /// Read every output back and compare it with the department as first read.
  public var verify = false
  /// The most worker threads a run uses (`--jobs` above it is capped, with a message).
  public static let maxJobs = 64
  /// The slice of departments this run handles.
  public var shard: Shard = .all
  /// Redo departments even when the manifest says their outputs are up to date.
  public var force = false
  /// Stop after this many departments were redone (up-to-date ones do not count; nil: no limit),
  /// so that repeated runs work through a tree in slices of time; tests stop a run at a known point.
  public var limit: Int?
  /// Also write each department's HTML report (`stem.html`), for an `index.html` to link.
  public var reportHTML = false

  /// Creates options for some formats.
  public init(formats: [OutputFormat]) {
    self.formats = formats
  }

  /// Parses `xlsx,json,csv` (order kept, duplicates dropped).
  public static func formats(parsing text: String) throws -> [OutputFormat] {
    var out: [OutputFormat] = []
    for part in text.split(separator: ",") {
      let name = part.trimmingSpace().lowercased()
      guard let format = OutputFormat(rawValue: name) else { throw BatchError.badFormatList(text) }
      if !out.contains(format) { out.append(format) }
    }
    guard !out.isEmpty else { throw BatchError.badFormatList(text) }
    return out
  }

  /// The options that shape outputs and statuses, as one stable line for the manifest key
  /// (jobs, shard and limit change how work is spread, never what it produces).
  var fingerprint: String {
    [
      // The formats in one order: `--to json,xlsx` asks for what `--to xlsx,json` made.
      "yusuan " + Yusuan.version,
      "to=" + OutputFormat.allCases.filter(formats.contains).map(\.rawValue).joined(separator: ","),
      "csv-layout=" + csvLayout.rawValue, "encoding=" + encoding.rawValue,
      "input-encoding=" + (configuration.csvEncoding?.rawValue ?? "detect"),
      "tolerance=" + configuration.tolerance.description,
      "catalog=" + configuration.catalogIdentity,
      "strict=\(strict)", "verify=\(verify)",
    ].joined(separator: ";") + (reportHTML ? ";report-html" : "")
      + (configuration.template.map { ";template=" + $0.name } ?? "")
  }
}
