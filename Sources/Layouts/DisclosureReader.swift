import Budget
import FoundationEssentials
import Sheets

/// Why inputs could not be read as a disclosure.
public enum InputError: Error, LocalizedMessage, CustomStringConvertible {
  /// The path does not exist.
  case notFound(path: String)
  /// A folder that holds no `.csv` file.
  case emptyFolder(path: String)
  /// No budget table was recognized in any input.
  case nothingRecognized(inputs: [String], details: [ReadIssue])
  /// The file could not be read (its reader's error, which names the place).
  case unreadable(path: String, underlying: any Error)

  public func message(_ language: Language) -> String {
    switch self {
    case .notFound(let path):
      return language == .zh ? "找不到输入文件：\(path)" : "input not found: \(path)"
    case .emptyFolder(let path):
      return language == .zh ? "文件夹中没有 CSV 文件：\(path)" : "no CSV file in folder: \(path)"
    case .nothingRecognized(let inputs, let details):
      let what = language == .zh
        ? "未在 \(inputs.joined(separator: "、")) 中识别出任何预算公开表。查找的是表名（如“2023年预算支出总表”“财政拨款收支总表”）或“预算公开表N”标签，以及其下的表头（科目编码、科目名称、合计……）"
        : "no budget disclosure table recognized in \(inputs.joined(separator: ", ")). Looked for a title (such as 2023年预算支出总表 or 财政拨款收支总表) or a 预算公开表N label, with header rows below it (科目编码, 科目名称, 合计 …)"
      let first = details.prefix(3).map { "\n  " + $0.message(language) }.joined()
      return what + first
    case .unreadable(let path, let underlying):
      if let m = underlying as? LocalizedMessage { return m.message(language) }
      return (language == .zh ? "无法读取 \(path)：" : "cannot read \(path): ") + String(describing: underlying)
    }
  }

  public var description: String { message(.zh) }
}

/// Reads one department from inputs: an xlsx, CSV files, a folder of CSV files, or canonical JSON.
public struct DisclosureReader: Sendable {
  /// Declarations used to recognize tables.
  public var recognizer: TableRecognizer
  /// Size budgets for the readers.
  public var limits: Limits
  /// Forced CSV encoding; nil detects UTF-8 or GB18030.
  public var csvEncoding: TextEncoding?
  /// Whether a workbook's sheets are read on two threads when the machine has two cores (the
  /// result is the same; a caller that already keeps every core busy can turn it off).
  public var readsSheetsInParallel: Bool
  /// Input files already read, by path: parsed from these bytes instead of the file system, so
  /// that what a caller hashed is exactly what is read (a file replaced meanwhile cannot mix two
  /// versions). A folder then holds the `.csv` files given here that lie directly inside it.
  public var contents: [String: [UInt8]] = [:]

  /// Creates a reader: of the tables of one template set (`--template`), or, with nil, of the set
  /// among `TemplateSets.all` that explains the inputs best.
  public init(
    layouts: LayoutSet? = nil, limits: Limits = .default, csvEncoding: TextEncoding? = nil,
    readsSheetsInParallel: Bool = true
  ) {
    self.recognizer = layouts.map { TableRecognizer(layouts: $0) } ?? TableRecognizer(candidates: TemplateSets.all)
    self.limits = limits
    self.csvEncoding = csvEncoding
    self.readsSheetsInParallel = readsSheetsInParallel
  }

  /// The kind of an input path.
  public enum InputKind: Sendable {
    case xlsx, csv, json, folder
  }

  /// The kind of a path, by extension, else by its first bytes.
  public static func kind(of path: String) throws -> InputKind {
    var isDirectory = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw InputError.notFound(path: path)
    }
    if isDirectory { return .folder }
    switch Paths.extension(path).lowercased() {
    case "xlsx", "xlsm": return .xlsx
    case "csv", "txt": return .csv
    case "json": return .json
    default:
      let head = Files.firstBytes(of: path, count: 4)
      if head.starts(with: [0x50, 0x4B]) { return .xlsx }
      if head.first == UInt8(ascii: "{") { return .json }
      return .csv
    }
  }

  /// The grids of spreadsheet inputs (JSON inputs are left out) as the department's template set
  /// reads them, whether or not any table is recognized: what `inspect` shows.
  public func readGrids(_ paths: [String]) throws -> (set: LayoutSet, grids: [GridReading]) {
    var grids: [GridReading] = []
    for path in paths {
      switch try Self.kind(of: path) {
      case .json: continue
      case .xlsx: grids += try readWorkbook(path)
      case .csv: grids.append(try readCSV(path))
      case .folder: grids += try readFolder(path)
      }
    }
    return recognizer.settle(grids)
  }

  /// Reads all inputs as one department. Throws `InputError` when nothing can be read.
  public func read(_ paths: [String]) throws -> DisclosureReading {
    var grids: [GridReading] = []
    var jsonDisclosures: [Disclosure] = []
    for path in paths {
      switch try Self.kind(of: path) {
      case .json:
        do {
          // Sized before reading, read once; a FIFO or device is refused without blocking.
          let limit = min(limits.maxFileBytes, limits.maxJSONBytes)
          let bytes: [UInt8]
          switch Result(catching: { () throws(CSVError) in
            if let given = contents[path] {
              guard given.count <= limit else { throw .fileTooLarge(file: path, bytes: given.count, limit: limit) }
              return given
            }
            return try Files.readRegularFile(path, limit: limit)
          }) {
          case .success(let read): bytes = read
          case .failure(.fileTooLarge): throw InputError.unreadable(path: path, underlying: JSONTooLarge(path: path, limit: limit))
          case .failure(let error): throw error
          }
          jsonDisclosures.append(try Disclosure(jsonBytes: bytes, maxValues: limits.maxJSONValues))
        } catch let error as InputError {
          throw error
        } catch {
          throw InputError.unreadable(path: path, underlying: error)
        }
      case .xlsx:
        grids += try readWorkbook(path)
      case .csv:
        grids.append(try readCSV(path))
      case .folder:
        grids += try readFolder(path)
      }
    }
    if let json = jsonDisclosures.first, grids.isEmpty {
      return DisclosureReading(disclosure: json, grids: [], issues: [])
    }
    let (set, settled) = recognizer.settle(grids)
    var reading = DisclosureAssembler.assemble(settled, set: set)
    if reading.disclosure.tables.isEmpty && reading.disclosure.forms.isEmpty {
      throw InputError.nothingRecognized(inputs: paths, details: grids.compactMap(\.unrecognized))
    }
    for json in jsonDisclosures {
      for table in json.tables where reading.disclosure.table(table.number) == nil {
        reading.disclosure.tables.append(table)
      }
      if reading.disclosure.forms.isEmpty { reading.disclosure.forms = json.forms }
    }
    reading.disclosure.tables.sort { $0.number < $1.number }
    return reading
  }

  /// The grid with CSV formula guards (a leading `'` before = + - @) removed, as `CSVWriter` adds them.
  static func unguarded(_ grid: Grid) -> Grid {
    var rows = grid.rows
    for i in rows.indices {
      for j in rows[i].cells.indices {
        // The byte test first: most cells are CJK text, for which hasPrefix compares Characters.
        if case .text(let t) = rows[i].cells[j].value, t.utf8.first == UInt8(ascii: "'"), t.hasPrefix("'") {
          rows[i].cells[j].value = .text(CSVWriter.unguard(t))
        }
      }
    }
    return Grid(name: grid.name, rows: rows, merges: grid.merges, hiddenRows: grid.hiddenRows)
  }

  func readWorkbook(_ path: String) throws -> [GridReading] {
    let file = Paths.lastComponent(path)
    do {
      let reader = try contents[path].map { try XLSXReader(bytes: $0, name: path, limits: limits) }
        ?? XLSXReader(path: path, limits: limits)
      // A second reader can fail to open (the file changed, its shared strings are broken…):
      // then the sheets are read one by one, and any error is met there.
      if readsSheetsInParallel && secondLaneHelps(reader.sheets.count), let second = try? reader.sibling()
      {
        return try readSheets(reader, second, file: file)
      }
      return try reader.sheets.indices.map { index in
        var reading = recognizer.read(try reader.grid(sheet: index), file: file, sheet: reader.sheets[index].name)
        reading.hidden = reader.sheets[index].visibility != .visible
        return reading
      }
    } catch {
      throw InputError.unreadable(path: path, underlying: error)
    }
  }

  /// Reads the sheets on two threads, this one with `first` and a new one with `second`, taking
  /// the sheets in workbook order. After a failure no further sheet is started, and the
  /// error of the first failing sheet is thrown: every sheet before it was taken earlier and has
  /// been read, as one by one.
  private func readSheets(_ first: XLSXReader, _ second: XLSXReader, file: String) throws -> [GridReading] {
    let recognizer = self.recognizer
    // Each reader is used by one thread only.
    nonisolated(unsafe) let second = second
    @Sendable func read(_ reader: XLSXReader, _ index: Int) -> Result<GridReading, XLSXReadError> {
      Result { () throws(XLSXReadError) in
        var reading = recognizer.read(try reader.grid(sheet: index), file: file, sheet: reader.sheets[index].name)
        reading.hidden = reader.sheets[index].visibility != .visible
        return reading
      }
    }
    let readings = inTwoLanes(
      first.sheets.count, here: { read(first, $0) }, there: { read(second, $0) },
      stops: { if case .failure = $0 { true } else { false } })
    var out: [GridReading] = []
    for case let reading? in readings { out.append(try reading.get()) }
    return out
  }

  func readFolder(_ path: String) throws -> [GridReading] {
    let given = contents.keys.filter { Paths.parent($0) == path }.map(Paths.lastComponent)
    let names = given.isEmpty ? (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] : given
    let csvs = names.filter { $0.lowercased().hasSuffix(".csv") }.sorted()
    guard !csvs.isEmpty else { throw InputError.emptyFolder(path: path) }
    return try readFolderFiles(path, csvs)
  }

  func readCSV(_ path: String) throws -> GridReading {
    try readCSV(path, limits: limits).reading
  }

  /// Reads one CSV file under `limits`, with the number of cells it held.
  func readCSV(_ path: String, limits: Limits) throws -> (reading: GridReading, cells: Int) {
    let file = Paths.lastComponent(path)
    do {
      let document = try contents[path].map {
        try CSVReader.read(bytes: $0, name: Paths.lastComponent(path), encoding: csvEncoding, limits: limits)
      } ?? CSVReader.read(path: path, encoding: csvEncoding, limits: limits)
      var reading = recognizer.read(Self.unguarded(document.grid), file: file, sheet: nil)
      reading.encoding = document.detectedEncoding
      return (reading, document.grid.cellCount)
    } catch {
      throw InputError.unreadable(path: path, underlying: error)
    }
  }
}

/// Whether `count` pieces of work are worth sharing out between two threads (`inTwoLanes`):
/// with two pieces or more, and a second core to run the second thread.
func secondLaneHelps(_ count: Int) -> Bool {
  count > 1 && ProcessInfo.processInfo.activeProcessorCount > 1
}

/// A JSON input larger than the file-size budget.
struct JSONTooLarge: Error, LocalizedMessage {
  var path: String
  var limit: Int

  func message(_ language: Language) -> String {
    language == .zh ? "\(path) 超过 \(limit >> 20) MiB 的大小上限" : "\(path) exceeds the \(limit >> 20) MiB size limit"
  }
}
