// One import gives an embedding program the whole model: disclosures, amounts, reports, formats.
@_exported import Budget
@_exported import Layouts
@_exported import Sheets
@_exported import Validation

/// Yusuan's operations as a Swift API: read a department, validate it, write it, convert it,
/// and convert many departments at once (`BatchRunner`).
public enum Yusuan {
  /// The version of Yusuan (library and `yusuan --version`); part of every batch manifest key, so
  /// a new version redoes old outputs.
  public static let version = "0.1.0"

  /// Reads one department from an `.xlsx`, `.csv` files, a folder of `.csv` files or canonical `.json`.
  /// Throws `InputError` when nothing can be read.
  public static func read(
    _ paths: [String], csvEncoding: TextEncoding? = nil, limits: Limits = .default, template: LayoutSet? = nil
  ) throws -> DisclosureReading {
    try DisclosureReader(layouts: template, limits: limits, csvEncoding: csvEncoding).read(paths)
  }

  /// The classification catalog validation uses unless told otherwise: the shipped 2023 one.
  public static let standardCatalog: any ClassificationLookup = Catalog.builtin2023

  /// Checks every rule of `rules` (all standard rules by default) on a disclosure, against the
  /// shipped catalog unless another (or nil: none) is given.
  public static func validate(
    _ disclosure: Disclosure, tolerance: Amount = .zero, rules: RuleSet = .standard,
    catalog: (any ClassificationLookup)? = standardCatalog
  ) -> Report {
    rules.validate(disclosure, tolerance: tolerance, catalog: catalog)
  }

  /// Checks a department as read: every rule of `rules` on its disclosure, and every read issue
  /// of its inputs as a finding (`read.*`) that counts in the exit status as its severity says.
  public static func validate(
    _ reading: DisclosureReading, tolerance: Amount = .zero, rules: RuleSet = .standard,
    catalog: (any ClassificationLookup)? = standardCatalog
  ) -> Report {
    rules.validate(reading.disclosure, tolerance: tolerance, catalog: catalog, inputFindings: reading.readFindings)
  }

  /// Writes a disclosure as a formatted workbook, canonical JSON or a folder of CSV files; each
  /// file appears whole or not at all and none of `refusing` is ever replaced. Returns the paths written.
  @discardableResult
  public static func write(
    _ disclosure: Disclosure, as format: OutputFormat, to path: String, csvLayout: CSVLayout = .tidy,
    encoding: TextEncoding = .utf8BOM, refusing inputs: [String] = []
  ) throws -> [String] {
    try DisclosureWriter().write(
      disclosure, as: format, to: path, csvLayout: csvLayout, encoding: encoding, refusing: inputs)
  }

  /// Reads `inputs` as one department and writes it to `output` (format from `format`, else from
  /// the output's extension; never onto an input). Returns what was read and the paths written.
  @discardableResult
  public static func convert(
    _ inputs: [String], to output: String, as format: OutputFormat? = nil, csvLayout: CSVLayout = .tidy,
    encoding: TextEncoding = .utf8BOM, csvEncoding: TextEncoding? = nil
  ) throws -> Conversion {
    guard let format = format ?? OutputFormat.implied(by: output) else {
      throw BatchError.unknownFormat(output)
    }
    let reading = try read(inputs, csvEncoding: csvEncoding)
    let written = try write(
      reading.disclosure, as: format, to: output, csvLayout: csvLayout, encoding: encoding, refusing: inputs)
    return Conversion(reading: reading, written: written)
  }

  /// Writes `disclosure` in `format` to a scratch path, reads it back and lists every value that
  /// changed (empty when the trip is lossless).
  public static func roundTrip(
    _ disclosure: Disclosure, through format: OutputFormat, scratch path: String, csvLayout: CSVLayout = .tidy,
    encoding: TextEncoding = .utf8BOM
  ) throws -> [Difference] {
    try write(disclosure, as: format, to: path, csvLayout: csvLayout, encoding: encoding)
    return disclosure.differences(from: try read([path]).disclosure)
  }
}

/// What `Yusuan.convert` did.
public struct Conversion: Sendable {
  /// The department as read, with the reader's notes.
  public var reading: DisclosureReading
  /// The files written.
  public var written: [String]
}
