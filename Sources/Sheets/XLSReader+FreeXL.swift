internal import CFreeXL

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An open FreeXL handle (closed on deinit). FreeXL parses the whole workbook when it opens it;
/// it reads only paths, so the bytes (the checked stream in a clean container) are handed over
/// as an anonymous in-memory file (`/proc/self/fd/N` of a memfd) or, where that is missing, an
/// unlinked temporary file.
final class FreeXLWorkbook {
  let handle: UnsafeRawPointer
  private let memoryFile: CInt

  /// Opens bytes held in memory; `name` labels errors.
  init(bytes: [UInt8], name: String) throws(XLSReadError) {
    let fd = try Self.memoryFile(holding: bytes, name: name)
    do {
      handle = try Self.open("/proc/self/fd/\(fd.descriptor)", name: name)
    } catch {
      close(fd.descriptor)
      throw error
    }
    memoryFile = fd.descriptor
    if let path = fd.unlinkPath { unlink(path) }
  }

  deinit {
    freexl_close(handle)
    close(memoryFile)
  }

  /// A workbook-wide fact (`FREEXL_BIFF_*`), or nil when FreeXL does not know it.
  func info(_ what: Int32) -> UInt32? {
    var value: UInt32 = 0
    guard freexl_get_info(handle, UInt16(what), &value) == FREEXL_OK, value != UInt32(FREEXL_UNKNOWN) else {
      return nil
    }
    return value
  }

  private static func open(_ path: String, name: String) throws(XLSReadError) -> UnsafeRawPointer {
    var handle: UnsafeRawPointer?
    let code = yusuan_freexl_open_guarded(path, &handle)
    guard code == FREEXL_OK, let handle else {
      // FreeXL asks for a close even after a failed open, to release what it allocated; after a
      // fault its structures may be half built, so they are left alone.
      if let handle, code != YUSUAN_FREEXL_FAULT { freexl_close(handle) }
      // FreeXL 1.0.6 reports success without a workbook for some damaged files.
      if code == FREEXL_OK { throw .corruptWorkbook(file: name, sheet: nil, detail: "FreeXL found no workbook in it") }
      throw error(code, name: name)
    }
    return handle
  }

  /// A descriptor for a file holding `bytes`; for a temporary file on disk, also its path
  /// (unlinked once FreeXL has opened it).
  private static func memoryFile(holding bytes: [UInt8], name: String) throws(XLSReadError) -> (
    descriptor: CInt, unlinkPath: String?
  ) {
    var fd = yusuan_memfd("yusuan-xls")
    var unlinkPath: String?
    if fd < 0 {
      var template = Array("/tmp/yusuan-xls-XXXXXX".utf8CString)
      fd = mkstemp(&template)
      guard fd >= 0 else { throw .cannotOpen(file: name, reason: String(cString: strerror(errno))) }
      unlinkPath = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
    var written = 0
    while written < bytes.count {
      let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + written, bytes.count - written) }
      guard n > 0 else {
        let reason = String(cString: strerror(errno))
        close(fd)
        if let unlinkPath { unlink(unlinkPath) }
        throw .cannotOpen(file: name, reason: reason)
      }
      written += n
    }
    return (fd, unlinkPath)
  }

  /// The error for a failed `freexl_open`.
  static func error(_ code: Int32, name: String) -> XLSReadError {
    switch code {
    case FREEXL_FILE_NOT_FOUND:
      return .cannotOpen(file: name, reason: "not found or not readable")
    case FREEXL_INVALID_CFBF_HEADER, FREEXL_CFBF_READ_ERROR, FREEXL_CFBF_SEEK_ERROR, FREEXL_CFBF_INVALID_SIGNATURE,
      FREEXL_CFBF_INVALID_SECTOR_SIZE, FREEXL_CFBF_EMPTY_FAT_CHAIN, FREEXL_CFBF_ILLEGAL_FAT_ENTRY,
      FREEXL_INVALID_MINI_STREAM, FREEXL_CFBF_ILLEGAL_MINI_FAT_ENTRY:
      return .corruptContainer(file: name, detail: describe(code))
    default:
      return .corruptWorkbook(file: name, sheet: nil, detail: describe(code))
    }
  }

  /// FreeXL's error code in words (English: these are technical details inside a localized message).
  static func describe(_ code: Int32) -> String {
    let text: String
    switch code {
    case FREEXL_INSUFFICIENT_MEMORY: text = "it needs more memory than is available"
    case FREEXL_INVALID_CFBF_HEADER: text = "invalid header"
    case FREEXL_CFBF_READ_ERROR: text = "read error"
    case FREEXL_CFBF_SEEK_ERROR: text = "seek error"
    case FREEXL_CFBF_INVALID_SIGNATURE: text = "invalid signature"
    case FREEXL_CFBF_INVALID_SECTOR_SIZE: text = "invalid sector size"
    case FREEXL_CFBF_EMPTY_FAT_CHAIN: text = "empty allocation chain"
    case FREEXL_CFBF_ILLEGAL_FAT_ENTRY: text = "invalid allocation-table entry"
    case FREEXL_BIFF_INVALID_BOF: text = "invalid BOF record"
    case FREEXL_BIFF_INVALID_SST: text = "invalid shared-strings table"
    case FREEXL_BIFF_ILLEGAL_SST_INDEX: text = "a shared-string index out of range"
    case FREEXL_BIFF_WORKBOOK_NOT_FOUND: text = "no Workbook stream"
    case FREEXL_BIFF_ILLEGAL_SHEET_INDEX: text = "a sheet index out of range"
    case FREEXL_INVALID_CHARACTER: text = "text that is not valid in its code page"
    case FREEXL_UNSUPPORTED_CHARSET: text = "an unsupported code page"
    case FREEXL_ILLEGAL_CELL_ROW_COL: text = "a cell outside the sheet"
    case FREEXL_ILLEGAL_RK_VALUE: text = "an invalid RK number"
    case FREEXL_INVALID_MINI_STREAM: text = "invalid mini stream"
    case FREEXL_CFBF_ILLEGAL_MINI_FAT_ENTRY: text = "invalid mini allocation-table entry"
    case FREEXL_CRAFTED_FILE: text = "inconsistent structures (a damaged or crafted file)"
    case YUSUAN_FREEXL_FAULT: text = "a record points outside the file's data (a damaged or crafted file)"
    default: text = "error"
    }
    return "FreeXL \(code): \(text)"
  }
}
