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
  public static func read(path: String, encoding: TextEncoding? = nil, limits: Limits = .default) throws -> CSVDocument {
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

  /// Reads a whole regular file, refusing it before reading when larger than `limit`.
  static func readFile(_ path: String, name: String, limit: Int) throws(CSVError) -> [UInt8] {
    // Opened without blocking: opening a FIFO for reading would otherwise wait for a writer forever.
    let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard fd >= 0 else { throw .cannotRead(file: name, errno: errno) }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw .cannotRead(file: name, errno: errno) }
    if (info.st_mode & S_IFMT) == S_IFDIR { throw .cannotRead(file: name, errno: EISDIR) }
    guard (info.st_mode & S_IFMT) == S_IFREG else { throw .notARegularFile(file: name) }
    _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
    let size = Int(info.st_size)
    guard size <= limit else { throw .fileTooLarge(file: name, bytes: size, limit: limit) }
    // Read until EOF rather than trusting st_size (pipes and growing files report other sizes).
    var bytes = [UInt8](repeating: 0, count: Swift.max(size, 0) + 1)
    var count = 0
    while true {
      if count == bytes.count {
        guard count <= limit else { throw .fileTooLarge(file: name, bytes: count, limit: limit) }
        bytes.append(contentsOf: repeatElement(0, count: Swift.max(bytes.count, 4096)))
      }
      let n = bytes.withUnsafeMutableBytes { raw in
        Glibc.read(fd, raw.baseAddress! + count, raw.count - count)
      }
      if n < 0 {
        if errno == EINTR { continue }
        throw .cannotRead(file: name, errno: errno)
      }
      if n == 0 { break }
      count += n
    }
    guard count <= limit else { throw .fileTooLarge(file: name, bytes: count, limit: limit) }
    bytes.removeSubrange(count...)
    return bytes
  }
}
