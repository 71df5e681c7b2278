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

  /// The format implied by an output path's extension (a path without one is a CSV folder;
  /// `-`, standard output, is JSON).
  public static func implied(by path: String) -> OutputFormat? {
    if path == StandardOutput.path { return .json }
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
  /// `预算公开表01.csv` … files; missing folders on the way are created for every format;
  /// `-` writes a JSON or xlsx output to standard output.
  @discardableResult
  public func write(
    _ disclosure: Disclosure, as format: OutputFormat, to path: String, csvLayout: CSVLayout = .tidy,
    encoding: TextEncoding = .utf8BOM, refusing inputs: [String] = []
  ) throws -> [String] {
    try writeReporting(disclosure, as: format, to: path, csvLayout: csvLayout, encoding: encoding, refusing: inputs)
      .written
  }

  /// The same, also naming the files a CSV output folder already held that Yusuan did not
  /// write: they are left as they are, and a later reading of the folder would see them.
  public func writeReporting(
    _ disclosure: Disclosure, as format: OutputFormat, to path: String, csvLayout: CSVLayout = .tidy,
    encoding: TextEncoding = .utf8BOM, refusing inputs: [String] = []
  ) throws -> AtomicFolder.Outcome {
    try Self.checkTarget(path, as: format)
    if let unwritable = UnwritableAmount.first(in: disclosure) { throw unwritable }
    let inputs = Self.expandingFolders(inputs)
    let toStandardOutput = path == StandardOutput.path
    if !toStandardOutput { try Paths.createFolders(Paths.parent(path)) }
    switch format {
    case .json:
      if toStandardOutput {
        try StandardOutput.write(disclosure.jsonBytes())
      } else {
        try AtomicFile.write(bytes: disclosure.jsonBytes(), to: path, refusing: inputs)
      }
      return AtomicFolder.Outcome(written: [path], foreign: [])
    case .xlsx:
      var workbook = renderer.workbook(disclosure, generator: generator, inTwoLanes: rendersInParallel)
      workbook.sheets += disclosure.forms.enumerated().map { FormRenderer.sheet($1, number: $0 + 1) }
      if toStandardOutput {
        try StandardOutput.write { try XLSXWriter.write(workbook, to: $0) }
      } else {
        try XLSXWriter.write(workbook, to: path, refusing: inputs)
      }
      return AtomicFolder.Outcome(written: [path], foreign: [])
    case .csv:
      var files: [(name: String, bytes: [UInt8])] = []
      for table in disclosure.tables {
        let rows: [[CSVField]]
        switch csvLayout {
        case .tidy: rows = TidyCSV.rows(table, in: disclosure)
        case .disclosure: rows = renderer.disclosureRows(table, in: disclosure)
        }
        files.append(
          (renderer.csvFileName(table, in: disclosure), try CSVWriter.encode(rows: rows, encoding: encoding)))
      }
      for (name, rows) in FormWriting.csvFiles(disclosure.forms, layout: csvLayout) {
        files.append((name, try CSVWriter.encode(rows: rows, encoding: encoding)))
      }
      return try AtomicFolder.write(files: files, to: path, owns: Self.isOwnCSVName, refusing: inputs)
    }
  }

  /// Refuses a path a user typed whose name contradicts the format: an extension of another
  /// format (`-o out.json --to xlsx`) or `one.csv` as a CSV folder. (Batch names its outputs
  /// itself, so only `convert` asks.)
  public static func checkName(_ path: String, as format: OutputFormat) throws {
    guard path != StandardOutput.path else { return }
    let ext = Paths.extension(path).lowercased()
    if format == .csv, ext == "csv" { throw OutputPathError.csvFolderNamedLikeAFile(path: path) }
    if ["xlsx", "json", "csv", "xls"].contains(ext), ext != format.rawValue {
      throw OutputPathError.extensionContradictsFormat(path: path, extension: ext, format: format.rawValue)
    }
  }

  /// Refuses an output path before anything is written (`convert` asks before reading): `-o ""`;
  /// standard output for CSV; anything but a regular file where a file goes (a link, a device
  /// such as /dev/stdout, a FIFO, a folder); anything but a folder where the CSV folder or a
  /// parent folder goes; a folder the output cannot be made in (read-only).
  public static func checkTarget(_ path: String, as format: OutputFormat) throws {
    guard !path.isEmpty else { throw WriteError.emptyPath }
    if path == StandardOutput.path {
      if format == .csv { throw OutputPathError.standardOutputNeedsOneFile }
      return
    }
    if format == .csv {
      if let kind = FileKind.of(path), kind != .directory, !(kind == .symbolicLink && Paths.leadsToFolder(path)) {
        throw WriteError.notAFolder(path: path, kind: kind)
      }
    } else {
      try AtomicFile.checkReplaceable(path)
    }
    var ancestor = Paths.parent(path)
    while !ancestor.isEmpty, ancestor != "/" {
      if let kind = FileKind.of(ancestor) {
        guard kind == .directory || (kind == .symbolicLink && Paths.leadsToFolder(ancestor)) else {
          throw WriteError.parentNotAFolder(path: ancestor)
        }
        break
      }
      ancestor = Paths.parent(ancestor)
    }
    // The temporary file or folder, and any missing folders, are made in that folder.
    try Paths.checkWritableFolder(ancestor.isEmpty ? "." : ancestor)
  }

  /// Whether a name in a CSV output folder is one Yusuan writes (its tables and forms).
  static func isOwnCSVName(_ name: String) -> Bool {
    if FormWriting.isOwnName(name) || ownTableCSVNames.contains(name) { return true }
    guard name.hasPrefix("预算公开表"), name.hasSuffix(".csv") else { return false }
    let middle = name.dropFirst("预算公开表".count).dropLast(4)
    return middle.count == 2 && middle.allSatisfy { $0.isASCII && $0.isNumber }
  }

  /// The file names a CSV output of any shipped set gives its tables, so that a later output into
  /// the same folder replaces them, whichever set either run wrote.
  public static let ownTableCSVNames: Set<String> = Set(
    TemplateSets.all.flatMap { set in set.tables.compactMap { TableRenderer.csvFileName($0.number, in: set) } })

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
