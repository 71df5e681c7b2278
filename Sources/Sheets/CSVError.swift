/// Why a CSV file could not be read. Every case names the file and, where known, the line.
public enum CSVError: Error, Equatable, Sendable, LocalizedMessage, CustomStringConvertible {
  /// The file could not be opened or read (`errno` from the system).
  case cannotRead(file: String, errno: Int32)
  /// The path names a FIFO, a device or a socket, which is never read (it may block or never end).
  case notARegularFile(file: String, kind: FileKind)
  /// The file is larger than `Limits.maxFileBytes`.
  case fileTooLarge(file: String, bytes: Int, limit: Int)
  /// A byte sequence is invalid in the given (detected or forced) encoding, at a 1-based line and 0-based byte offset.
  case invalidBytes(file: String, encoding: TextEncoding, line: Int, byteOffset: Int)
  /// Auto-detection failed: the bytes are neither UTF-8 nor GB18030; the position is where GB18030 decoding failed.
  case unknownEncoding(file: String, line: Int, byteOffset: Int)
  /// The file starts with a UTF-16 byte-order mark; save it as UTF-8 or GB18030 instead.
  case utf16NotSupported(file: String)
  /// The system's iconv cannot convert this encoding.
  case converterUnavailable(file: String, encoding: TextEncoding, errno: Int32)
  /// A quoted field opened on this line is never closed.
  case unbalancedQuote(file: String, line: Int)
  /// A field starting on this line is longer than `Limits.maxCSVFieldBytes`.
  case fieldTooLong(file: String, line: Int, limit: Int)
  /// The file holds more non-empty fields than `Limits.maxCellsPerSheet` (or `maxCellsPerWorkbook`).
  case tooManyCells(file: String, line: Int, limit: Int)

  public func message(_ language: Language) -> String {
    switch (self, language) {
    case (.cannotRead(let f, let e), .zh): return "无法读取文件 \(f)：\(SystemError.text(e, .zh))"
    case (.notARegularFile(let f, let k), .zh): return "无法读取 \(f)：它是\(k.name(.zh))，不是普通文件"
    case (.notARegularFile(let f, let k), .en): return "cannot read \(f): it is a \(k.name(.en)), not a regular file"
    case (.cannotRead(let f, let e), .en): return "cannot read \(f): \(SystemError.text(e))"
    case (.fileTooLarge(let f, let b, let l), .zh): return "\(f)：文件过大（\(b) 字节，上限 \(l) 字节）"
    case (.fileTooLarge(let f, let b, let l), .en): return "\(f): file too large (\(b) bytes, limit \(l))"
    case (.invalidBytes(let f, let enc, let line, let off), .zh):
      return "\(f) 第 \(line) 行：不是有效的 \(enc.rawValue) 编码（字节偏移 \(off)）"
    case (.invalidBytes(let f, let enc, let line, let off), .en):
      return "\(f) line \(line): invalid \(enc.rawValue) bytes (byte offset \(off))"
    case (.unknownEncoding(let f, let line, let off), .zh):
      return "\(f) 第 \(line) 行：无法识别编码，既不是 UTF-8 也不是 GB18030（字节偏移 \(off)）；可用 --encoding 指定"
    case (.unknownEncoding(let f, let line, let off), .en):
      return
        "\(f) line \(line): encoding not recognized, neither UTF-8 nor GB18030 (byte offset \(off)); use --encoding"
    case (.utf16NotSupported(let f), .zh): return "\(f)：不支持 UTF-16 编码，请另存为 UTF-8 或 GB18030"
    case (.utf16NotSupported(let f), .en): return "\(f): UTF-16 is not supported; save the file as UTF-8 or GB18030"
    case (.converterUnavailable(let f, let enc, let e), .zh):
      return "\(f)：系统无法转换 \(enc.rawValue) 编码（\(SystemError.text(e))）"
    case (.converterUnavailable(let f, let enc, let e), .en):
      return "\(f): the system cannot convert \(enc.rawValue) (\(SystemError.text(e)))"
    case (.unbalancedQuote(let f, let line), .zh): return "\(f) 第 \(line) 行：引号字段没有结束引号"
    case (.unbalancedQuote(let f, let line), .en): return "\(f) line \(line): quoted field is never closed"
    case (.fieldTooLong(let f, let line, let l), .zh): return "\(f) 第 \(line) 行：字段过长（上限 \(l) 字节）"
    case (.fieldTooLong(let f, let line, let l), .en): return "\(f) line \(line): field too long (limit \(l) bytes)"
    case (.tooManyCells(let f, let line, let l), .zh): return "\(f) 第 \(line) 行：单元格过多（上限 \(l) 个）"
    case (.tooManyCells(let f, let line, let l), .en): return "\(f) line \(line): too many cells (limit \(l))"
    }
  }

  /// The 1-based line the error points at, if any.
  public var line: Int? {
    switch self {
    case .invalidBytes(_, _, let line, _), .unknownEncoding(_, let line, _), .unbalancedQuote(_, let line),
      .fieldTooLong(_, let line, _), .tooManyCells(_, let line, _):
      return line
    default: return nil
    }
  }

  public var description: String { message(.zh) }
}
