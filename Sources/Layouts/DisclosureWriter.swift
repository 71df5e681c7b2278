import Budget
import FoundationEssentials
import Sheets

/// Output formats.
public enum OutputFormat: String, CaseIterable, Sendable {
  /// The formatted disclosure workbook.
  case xlsx
  /// One CSV file per table in a folder.
  case csv
  /// The canonical JSON.
  case json

  /// The format implied by an output path's extension (a path without one is a CSV folder).
  public static func implied(by path: String) -> OutputFormat? {
    switch Paths.extension(path).lowercased() {
    case "xlsx": return .xlsx
    case "json": return .json
    case "": return .csv
    case "csv": return .csv
    default: return nil
    }
  }
}

/// The two CSV layouts.
public enum CSVLayout: String, CaseIterable, Sendable {
  /// One header row of canonical column names, one record per row.
  case tidy
  /// The official printed grid.
  case disclosure
}

/// Writes a disclosure in every output format. Every file appears whole or not at all, and no
/// input file is ever replaced.
public struct DisclosureWriter: Sendable {
  /// Renders tables for xlsx and the disclosure CSV layout.
  public var renderer: TableRenderer
  /// Name recorded as the author of written workbooks.
  public var generator: String
  /// Whether a workbook's sheets are rendered on two threads, when the machine has two cores.
  /// Batch runs turn it off: they already keep every core busy, one workbook each.
  public var rendersInParallel: Bool

  /// Creates a writer.
  public init(layouts: LayoutSet = .datong, generator: String = "Yusuan", rendersInParallel: Bool = true) {
    // Each disclosure is written in its own shipped set; `layouts` serves a set that is not shipped.
    self.renderer = TableRenderer(layouts: layouts)
    self.generator = generator
    self.rendersInParallel = rendersInParallel
  }

  /// Writes the disclosure; returns the paths written. A CSV output is a folder of
  /// `预算公开表01.csv` … files (created if missing).
  @discardableResult
  public func write(
    _ disclosure: Disclosure, as format: OutputFormat, to path: String, csvLayout: CSVLayout = .tidy,
    encoding: TextEncoding = .utf8BOM, refusing inputs: [String] = []
  ) throws -> [String] {
    let inputs = Self.expandingFolders(inputs)
    switch format {
    case .json:
      try AtomicFile.write(bytes: disclosure.jsonBytes(), to: path, refusing: inputs)
      return [path]
    case .xlsx:
      var workbook = renderer.workbook(disclosure, generator: generator, inTwoLanes: rendersInParallel)
      workbook.sheets += disclosure.forms.enumerated().map { FormRenderer.sheet($1, number: $0 + 1) }
      try XLSXWriter.write(workbook, to: path, refusing: inputs)
      return [path]
    case .csv:
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
      var written: [String] = []
      for table in disclosure.tables {
        let file = Paths.join(path, renderer.csvFileName(table, in: disclosure))
        let rows: [[CSVField]]
        switch csvLayout {
        case .tidy: rows = TidyCSV.rows(table, in: disclosure)
        case .disclosure: rows = renderer.disclosureRows(table, in: disclosure)
        }
        try CSVWriter.write(rows: rows, to: file, encoding: encoding, refusing: inputs)
        written.append(file)
      }
      written += try FormWriting.csv(disclosure.forms, folder: path, layout: csvLayout, encoding: encoding, refusing: inputs)
      return written
    }
  }

  /// The inputs plus every file inside an input folder: a CSV folder written into its own input
  /// folder must not replace the input files it was read from.
  static func expandingFolders(_ inputs: [String]) -> [String] {
    var out = inputs
    for input in inputs {
      var isDirectory = false
      guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory), isDirectory,
        let names = try? FileManager.default.contentsOfDirectory(atPath: input)
      else { continue }
      out += names.map { Paths.join(input, $0) }
    }
    return out
  }

  /// `预算公开表03.csv` for table 3.
  public static func csvFileName(_ number: Int) -> String {
    "预算公开表" + (number < 10 ? "0" : "") + String(number) + ".csv"
  }
}
