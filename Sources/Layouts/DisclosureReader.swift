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
  /// Inputs of different departments given together (each input with the department it names).
  case departmentsDiffer(inputs: [(path: String, department: String)])
  /// A FIFO, a device or a socket: never read, as it may block or never end.
  case notARegularFile(path: String, kind: FileKind)
  /// The system refused to open or read the path (`errno`: a symbolic-link loop, no permission …).
  case cannotRead(path: String, errno: Int32)

  public func message(_ language: Language) -> String {
    switch self {
    case .notFound(let path):
      return language == .zh ? "找不到输入文件：\(path)" : "input not found: \(path)"
    case .emptyFolder(let path):
      return language == .zh ? "文件夹中没有 CSV 文件：\(path)" : "no CSV file in folder: \(path)"
    case .nothingRecognized(let inputs, let details):
      let what =
        language == .zh
        ? "未在 \(inputs.joined(separator: "、")) 中识别出任何预算公开表。查找的是表名（如“2023年预算支出总表”“财政拨款收支总表”）或“预算公开表N”标签，以及其下的表头（科目编码、科目名称、合计……）"
        : "no budget disclosure table recognized in \(inputs.joined(separator: ", ")). Looked for a title (such as 2023年预算支出总表 or 财政拨款收支总表) or a 预算公开表N label, with header rows below it (科目编码, 科目名称, 合计 …)"
      let first = details.prefix(3).map { "\n  " + $0.message(language) }.joined()
      return what + first
    case .departmentsDiffer(let inputs):
      let each = inputs.map { language == .zh ? "\($0.path) 是 \($0.department)" : "\($0.path) is \($0.department)" }
      return language == .zh
        ? "输入属于不同的部门：\(each.joined(separator: "，"))；一次只能读一个部门（多个部门请用 yusuan batch）"
        : "the inputs are of different departments: \(each.joined(separator: "; ")); give one department at a time (yusuan batch handles many)"
    case .notARegularFile(let path, let kind):
      return language == .zh
        ? "无法读取 \(path)：它是\(kind.name(.zh))，不是普通文件"
        : "cannot read \(path): it is a \(kind.name(.en)), not a regular file"
    case .cannotRead(let path, let code):
      return language == .zh
        ? "无法读取 \(path)：\(SystemError.text(code, .zh))" : "cannot read \(path): \(SystemError.text(code))"
    case .unreadable(let path, let underlying):
      if let m = underlying as? LocalizedMessage { return m.message(language) }
      return (language == .zh ? "无法读取 \(path)：" : "cannot read \(path): ") + String(describing: underlying)
    }
  }

  public var description: String { message(.zh) }
}

/// Reads one department from inputs: an xlsx or xls workbook, CSV files, a folder of CSV files, or canonical JSON.
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
    case xlsx, xls, csv, json, folder
  }

  /// The kind of a path, by its content (`FileFormat`), not its name; a format Yusuan does not
  /// read (a PDF, an .ods, an image…) throws `InputError.unreadable` with `UnsupportedFormatError`.
  public static func kind(of path: String) throws -> InputKind {
    // Before any open: a FIFO would block, a device never end, a link loop look missing.
    switch InputFile.obstacle(path) {
    case .success(let kind?): throw InputError.notARegularFile(path: path, kind: kind)
    case .failure(.cannotRead(let code)): throw InputError.cannotRead(path: path, errno: code)
    default: break
    }
    var isDirectory = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw InputError.notFound(path: path)
    }
    if isDirectory { return .folder }
    // Unreadable or empty: the reader its name suggests reports why.
    guard let format = FileFormat(path: path), format != .empty else {
      switch Paths.extension(path).lowercased() {
      case "xlsx", "xlsm": return .xlsx
      case "xls", "et": return .xls
      case "json": return .json
      default: return .csv
      }
    }
    switch format {
    case .xlsx: return .xlsx
    case .xls: return .xls
    case .json: return .json
    // Text named .json is given to the JSON reader, whose message says what is wrong with it.
    case .text: return Paths.extension(path).lowercased() == "json" ? .json : .csv
    default:
      throw InputError.unreadable(path: path, underlying: UnsupportedFormatError.refused(file: path, format: format))
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
      case .xls: grids += try readLegacyWorkbook(path)
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
    var departments: [(path: String, department: String)] = []
    for path in paths {
      let before = (grids: grids.count, json: jsonDisclosures.count)
      defer {
        // The department an input names: its JSON's, else the one most of its tables print.
        var named = jsonDisclosures[before.json...].map(\.department)
        for grid in grids[before.grids...] { named += grid.tables.compactMap(\.department) }
        let counts = Dictionary(named.filter { !$0.isEmpty }.map { ($0, 1) }, uniquingKeysWith: +)
        if let top = counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key {
          departments.append((path, top))
        }
      }
      switch try Self.kind(of: path) {
      case .json:
        do {
          // Sized before reading, read once (or given by the caller); a FIFO or device is refused
          // without blocking.
          let limit = min(limits.maxFileBytes, limits.maxJSONBytes)
          let bytes: [UInt8]
          let read: Result<[UInt8], InputFile.Failure> =
            contents[path].map { $0.count <= limit ? .success($0) : .failure(.tooLarge($0.count)) }
            ?? InputFile.read(path, limit: limit)
          switch read {
          case .success(let read): bytes = read
          case .failure(.notARegularFile(let kind)): throw InputError.notARegularFile(path: path, kind: kind)
          case .failure(.cannotRead(let code)): throw InputError.cannotRead(path: path, errno: code)
          case .failure(.tooLarge):
            throw InputError.unreadable(path: path, underlying: JSONTooLarge(path: path, limit: limit))
          }
          jsonDisclosures.append(try Disclosure(jsonBytes: bytes, maxValues: limits.maxJSONValues))
        } catch let error as InputError {
          throw error
        } catch {
          throw InputError.unreadable(path: path, underlying: error)
        }
      case .xlsx:
        grids += try readWorkbook(path)
      case .xls:
        grids += try readLegacyWorkbook(path)
      case .csv:
        grids.append(try readCSV(path))
      case .folder:
        grids += try readFolder(path)
      }
    }
    if let json = jsonDisclosures.first, grids.isEmpty {
      return DisclosureReading(disclosure: json, grids: [], issues: [])
    }
    // Two inputs of different departments would be mixed into one: refuse, naming both.
    if let first = departments.first,
      let other = departments.first(where: { Self.sameDepartment($0.department, first.department) == false })
    {
      throw InputError.departmentsDiffer(inputs: [first, other])
    }
    let (set, settled) = recognizer.settle(grids)
    var reading = DisclosureAssembler.assemble(settled, set: set)
    if reading.disclosure.tables.isEmpty && reading.disclosure.forms.isEmpty {
      throw InputError.nothingRecognized(inputs: paths, details: settled.compactMap(\.unrecognized))
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

  /// Whether two printed department names are the same department: equal once spaces and a
  /// bracketed suffix (`[部门]`, `（本级）`) are left out.
  static func sameDepartment(_ a: String, _ b: String) -> Bool {
    func key(_ name: String) -> String {
      var s = name.filter { !$0.isWhitespace }
      while let last = s.last, "]）)】".contains(last), let open = s.lastIndex(where: { "[（(【".contains($0) }),
        open > s.startIndex
      {
        s = String(s[..<open])
      }
      return s
    }
    return key(a) == key(b)
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
      let reader =
        try contents[path].map { try XLSXReader(bytes: $0, name: path, limits: limits) }
        ?? XLSXReader(path: path, limits: limits)
      // A second reader can fail to open (the file changed, its shared strings are broken…):
      // then the sheets are read one by one, and any error is met there.
      if readsSheetsInParallel && secondLaneHelps(reader.sheets.count), let second = try? reader.sibling() {
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

  func readLegacyWorkbook(_ path: String) throws -> [GridReading] {
    let file = Paths.lastComponent(path)
    do {
      let reader =
        try contents[path].map { try XLSReader(bytes: $0, name: path, limits: limits) }
        ?? XLSReader(path: path, limits: limits)
      return try reader.sheetNames.indices.map { index in
        recognizer.read(try reader.grid(sheet: index), file: file, sheet: reader.sheetNames[index])
      }
    } catch {
      throw InputError.unreadable(path: path, underlying: error)
    }
  }

  func readCSV(_ path: String) throws -> GridReading {
    try readCSV(path, limits: limits).reading
  }

  /// Reads one CSV file under `limits`, with the number of cells it held.
  func readCSV(_ path: String, limits: Limits) throws -> (reading: GridReading, cells: Int) {
    let file = Paths.lastComponent(path)
    do {
      let document =
        try contents[path].map {
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
