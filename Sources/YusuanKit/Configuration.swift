import FoundationEssentials

extension Yusuan {
  /// What every operation reads, checks and writes with. The command line, the web page and
  /// batch each build one from their options and hand it to every call, so that a template set,
  /// a catalog or a limit is decided in one place.
  public struct Configuration: Sendable {
    /// The template set inputs are read as; nil detects the set that explains them best.
    public var template: LayoutSet?
    /// The encoding of CSV inputs; nil detects UTF-8 or GB18030.
    public var csvEncoding: TextEncoding?
    /// The classification catalog codes are checked against (nil: none).
    public var catalog: (any ClassificationLookup)? = Yusuan.standardCatalog
    /// What names `catalog` in a batch manifest key: a changed catalog redoes the departments.
    public var catalogIdentity = "builtin-2023"
    /// Differences up to this amount count as equal when validating.
    public var tolerance: Amount = .zero
    /// Size and count budgets of every input.
    public var limits: Limits = .default
    /// Departments worked on at once (batch). With one, a workbook's sheets are read and
    /// rendered on two threads; with more, each worker keeps to one.
    public var jobs = 1
    /// The language of messages and reports.
    public var language: Language = .zh

    /// The defaults: detected template set, the shipped catalog, no tolerance, default limits.
    public init(
      template: LayoutSet? = nil, csvEncoding: TextEncoding? = nil, limits: Limits = .default, language: Language = .zh
    ) {
      self.template = template
      self.csvEncoding = csvEncoding
      self.limits = limits
      self.language = language
    }

    /// The defaults.
    public static let standard = Configuration()

    /// Validates against a user's catalog file (see `Yusuan.catalog(file:complete:)`) on top of
    /// or instead of the shipped one; the identity then records the file's bytes.
    public mutating func useCatalog(file path: String, complete: Bool) throws {
      catalog = try Yusuan.catalog(file: path, complete: complete, limits: limits)
      var sha = SHA256()
      sha.update(Array(FileManager.default.contents(atPath: path) ?? Data()))
      catalogIdentity = (complete ? "complete:" : "extends:") + sha.hexDigest()
    }

    /// The reader these settings describe.
    var reader: DisclosureReader {
      DisclosureReader(layouts: template, limits: limits, csvEncoding: csvEncoding, readsSheetsInParallel: jobs == 1)
    }

    /// The writer these settings describe.
    var writer: DisclosureWriter { DisclosureWriter(rendersInParallel: jobs == 1) }

    /// The same limits, language and threads with the template set and CSV encoding detected:
    /// how an output is read back, or another year's department read, whatever the input was.
    public var readingBack: Configuration {
      var back = Configuration(limits: limits, language: language)
      back.jobs = jobs
      return back
    }
  }
}
