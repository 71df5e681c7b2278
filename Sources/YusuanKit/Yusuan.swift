// One import gives an embedding program the whole model: disclosures, amounts, reports, formats.
@_exported import Budget
@_exported import Layouts
@_exported import Narrative
@_exported import Sheets
@_exported import Validation

/// Yusuan's operations as a Swift API: read a department, validate it, write it, convert it,
/// inspect a file, and convert many departments at once (`BatchRunner`). Each takes a
/// `Configuration`; the command line and the web page call nothing else.
public enum Yusuan {
  /// The version of Yusuan (library and `yusuan --version`); part of every batch manifest key, so
  /// a new version redoes old outputs.
  public static let version = "0.1.0"

  /// The classification catalog validation uses unless told otherwise: the shipped 2023 one.
  public static let standardCatalog: any ClassificationLookup = Catalog.builtin2023

  /// Reads one department from an `.xlsx` or `.xls` workbook, `.csv` files, a folder of `.csv`
  /// files or canonical `.json`. Throws `InputError` when nothing can be read.
  public static func read(_ paths: [String], _ configuration: Configuration = .standard) throws -> DisclosureReading {
    try configuration.reader.read(paths)
  }

  /// Checks every rule of `rules` (all standard rules by default) on a disclosure, with the
  /// configuration's tolerance and catalog.
  public static func validate(
    _ disclosure: Disclosure, _ configuration: Configuration = .standard, rules: RuleSet = .standard
  ) -> Report {
    rules.validate(disclosure, tolerance: configuration.tolerance, catalog: configuration.catalog)
  }

  /// Checks a department as read: every rule of `rules` on its disclosure, and every read issue
  /// of its inputs as a finding (`read.*`) that counts in the exit status as its severity says.
  public static func validate(
    _ reading: DisclosureReading, _ configuration: Configuration = .standard, rules: RuleSet = .standard
  ) -> Report {
    rules.validate(
      reading.disclosure, tolerance: configuration.tolerance, catalog: configuration.catalog,
      inputFindings: reading.readFindings)
  }

  /// Refuses an output path before anything is read or written: a name that contradicts the
  /// format (`out.json` as xlsx, `one.csv` as a CSV folder), `-o ""`, a device, FIFO or link
  /// where a file goes, a folder the output cannot be made in.
  public static func checkOutput(_ path: String, as format: OutputFormat) throws {
    try DisclosureWriter.checkName(path, as: format)
    try DisclosureWriter.checkTarget(path, as: format)
  }

  /// Writes a disclosure as a formatted workbook, canonical JSON or a folder of CSV files; each
  /// file appears whole or not at all and none of `refusing` is ever replaced. Returns the paths
  /// written, and the files a CSV output folder already held that Yusuan did not write.
  @discardableResult
  public static func write(
    _ disclosure: Disclosure, as format: OutputFormat, to path: String, csvLayout: CSVLayout = .tidy,
    encoding: TextEncoding = .utf8BOM, refusing inputs: [String] = [], _ configuration: Configuration = .standard
  ) throws -> AtomicFolder.Outcome {
    try configuration.writer.writeReporting(
      disclosure, as: format, to: path, csvLayout: csvLayout, encoding: encoding, refusing: inputs)
  }

  /// Reads `inputs` as one department and writes it to `output` (format from `format`, else from
  /// the output's extension; never onto an input). Returns what was read and the paths written.
  @discardableResult
  public static func convert(
    _ inputs: [String], to output: String, as format: OutputFormat? = nil, csvLayout: CSVLayout = .tidy,
    encoding: TextEncoding = .utf8BOM, _ configuration: Configuration = .standard
  ) throws -> Conversion {
    guard let format = format ?? OutputFormat.implied(by: output) else {
      throw BatchError.unknownFormat(output)
    }
    let reading = try read(inputs, configuration)
    let written = try write(
      reading.disclosure, as: format, to: output, csvLayout: csvLayout, encoding: encoding, refusing: inputs,
      configuration)
    return Conversion(reading: reading, written: written.written)
  }

  /// Writes `disclosure` in `format` to a scratch path, reads it back (as any output is read:
  /// template set and encoding detected) and lists every value that changed (empty when the
  /// trip is lossless).
  public static func roundTrip(
    _ disclosure: Disclosure, through format: OutputFormat, scratch path: String, csvLayout: CSVLayout = .tidy,
    encoding: TextEncoding = .utf8BOM, _ configuration: Configuration = .standard
  ) throws -> [Difference] {
    try write(disclosure, as: format, to: path, csvLayout: csvLayout, encoding: encoding, configuration)
    return disclosure.differences(from: try read([path], configuration.readingBack).disclosure)
  }

  /// What a file holds, for `inspect`: a JSON input's disclosure, or the grids of a spreadsheet
  /// input with the tables and forms recognized in them.
  public enum Inspection: Sendable {
    /// A canonical JSON document, read.
    case disclosure(Disclosure)
    /// Every sheet or CSV file, whether or not a table was recognized in it, and the template
    /// set they were read as.
    case grids(set: LayoutSet, [GridReading])
  }

  /// Reads one input for `inspect`: every grid, recognized or not.
  public static func inspect(_ path: String, _ configuration: Configuration = .standard) throws -> Inspection {
    let reader = configuration.reader
    if case .json = try DisclosureReader.kind(of: path) { return .disclosure(try reader.read([path]).disclosure) }
    let (set, grids) = try reader.readGrids([path])
    return .grids(set: set, grids)
  }
}

/// What `Yusuan.convert` did.
public struct Conversion: Sendable {
  /// The department as read, with the reader's notes.
  public var reading: DisclosureReading
  /// The files written.
  public var written: [String]
}
