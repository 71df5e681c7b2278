import Glibc

/// A CSV file read into a grid, with the encoding it was in.
public struct CSVDocument: Sendable, Equatable {
  /// The fields: every non-empty field is stored as `CellValue.text`, one grid row per CSV record.
  public var grid: Grid
  /// The encoding the file was detected (or forced) to be in.
  public var detectedEncoding: TextEncoding

  /// Creates a document.
  public init(grid: Grid, detectedEncoding: TextEncoding) {
    self.grid = grid
    self.detectedEncoding = detectedEncoding
  }
}

/// Reads RFC 4180 CSV: commas, quoted fields with doubled quotes and embedded line breaks,
/// CRLF/LF/CR line ends, an optional trailing line end and ragged rows.
///
/// The reader never guesses types: every field is text (`1331.42` stays `.text("1331.42")`);
/// deciding what is an amount is the caller's job. Empty fields are not stored, but every record
/// counts as a row, so blank lines keep their row index. A field the writer guarded against
/// formula injection comes back with its apostrophe; `CSVWriter.unguard(_:)` removes it.
/// Lenient where Excel is: a quote inside an unquoted field, or text after a closing quote,
/// is kept as literal text.
public enum CSVReader {
  /// Reads a CSV file; the grid is named after the file (without its directory).
  public static func read(path: String, encoding: TextEncoding? = nil, limits: Limits = .default) throws -> CSVDocument
  {
    let name = fileName(of: path)
    let bytes = try readFile(path, name: name, limit: min(limits.maxFileBytes, limits.maxCSVBytes))
    return try read(bytes: bytes, name: name, encoding: encoding, limits: limits)
  }

  /// Reads CSV bytes; `name` names the grid and appears in errors.
  public static func read(bytes: [UInt8], name: String, encoding: TextEncoding? = nil, limits: Limits = .default) throws
    -> CSVDocument
  {
    let limit = min(limits.maxFileBytes, limits.maxCSVBytes)
    guard bytes.count <= limit else { throw CSVError.fileTooLarge(file: name, bytes: bytes.count, limit: limit) }
    let decoded = try TextEncoding.decode(bytes, override: encoding, file: name)
    let rows = try CSVParser.parse(decoded.bytes, from: decoded.start, file: name, limits: limits)
    return CSVDocument(grid: Grid(name: name, rows: rows), detectedEncoding: decoded.encoding)
  }

  /// The last path component.
  static func fileName(of path: String) -> String {
    var trimmed = Substring(path)
    while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
    if let slash = trimmed.lastIndex(of: "/") { return String(trimmed[trimmed.index(after: slash)...]) }
    return String(trimmed)
  }

  /// Reads a whole regular file, refusing it before reading when larger than `limit` or not a
  /// regular file (a FIFO named `.csv` would block forever).
  static func readFile(_ path: String, name: String, limit: Int) throws(CSVError) -> [UInt8] {
    switch InputFile.read(path, limit: limit) {
    case .success(let bytes): return bytes
    case .failure(.notARegularFile(.directory)): throw .cannotRead(file: name, errno: EISDIR)
    case .failure(.notARegularFile(let kind)): throw .notARegularFile(file: name, kind: kind)
    case .failure(.cannotRead(let code)): throw .cannotRead(file: name, errno: code)
    case .failure(.tooLarge(let bytes)): throw .fileTooLarge(file: name, bytes: bytes, limit: limit)
    }
  }
}
