internal import CLibZip

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A read-only zip container (libzip), opened from a path or from bytes, that inflates parts
/// in 64 KiB chunks under byte budgets. libzip checks declared sizes and CRCs only at EOF, so
/// the budgets are counted here, inside the read loop, to stop zip bombs early.
///
/// A handle is used by one thread at a time; `reopened()` gives another thread its own handle
/// on the same archive, and the whole-archive budget counts the parts read through either.
package final class ZipArchive {
  /// The name used in error messages (the path, or a caller-chosen label for bytes).
  package let name: String
  private let handle: OpaquePointer
  private let origin: Origin
  /// The budgets this archive is read under.
  package let limits: Limits
  private let ledger: InflationLedger
  private let chunk: UnsafeMutableRawPointer
  private static let chunkSize = 64 << 10

  /// Where the archive's bytes come from, kept so that it can be opened again.
  private enum Origin {
    /// A file, with what `stat` said of it before it was first opened.
    case path(String, FileIdentity)
    case bytes(ArchiveBytes)
  }

  /// Opens the zip file at `path`, refusing empty, oversized and non-zip files.
  package convenience init(path: String, limits: Limits) throws(XLSXReadError) {
    var st = stat()
    guard stat(path, &st) == 0 else {
      throw .cannotOpen(file: path, reason: String(cString: strerror(errno)))
    }
    guard (st.st_mode & S_IFMT) == S_IFREG else { throw .cannotOpen(file: path, reason: "not a regular file") }
    let size = Int(st.st_size)
    guard size > 0 else { throw .emptyFile(file: path) }
    guard size <= limits.maxFileBytes else { throw .fileTooLarge(file: path, bytes: size, limit: limits.maxFileBytes) }
    try self.init(origin: .path(path, FileIdentity(st)), name: path, limits: limits, ledger: InflationLedger())
  }

  /// Opens a zip held in memory (used for fuzzing and tests); the bytes are copied.
  package convenience init(bytes: [UInt8], name: String, limits: Limits) throws(XLSXReadError) {
    guard !bytes.isEmpty else { throw .emptyFile(file: name) }
    guard bytes.count <= limits.maxFileBytes else {
      throw .fileTooLarge(file: name, bytes: bytes.count, limit: limits.maxFileBytes)
    }
    guard let copy = ArchiveBytes(bytes) else { throw .cannotOpen(file: name, reason: "out of memory") }
    try self.init(origin: .bytes(copy), name: name, limits: limits, ledger: InflationLedger())
  }

  /// Another handle on the same archive, for another thread, sharing this handle's whole-archive
  /// budget. A file is opened again by its path, so this fails if the path no longer names the
  /// file first opened (replaced or changed meanwhile): the two handles never mix two versions.
  package func reopened() throws(XLSXReadError) -> ZipArchive {
    let again = try ZipArchive(origin: origin, name: name, limits: limits, ledger: ledger)
    if case .path(let path, let identity) = origin {
      var st = stat()
      guard stat(path, &st) == 0, FileIdentity(st) == identity else {
        throw .cannotOpen(file: name, reason: "the file changed while it was being read")
      }
    }
    return again
  }

  private init(origin: Origin, name: String, limits: Limits, ledger: InflationLedger) throws(XLSXReadError) {
    let declared: Int? =
      switch origin {
      case .path(let path, _): CentralDirectory.declaredEntryCount(path: path)
      case .bytes(let bytes):
        CentralDirectory.declaredEntryCount(bytes: UnsafeRawBufferPointer(start: bytes.start, count: bytes.count))
      }
    if let declared, declared > limits.maxZipEntries {
      throw .tooManyEntries(file: name, count: declared, limit: limits.maxZipEntries)
    }
    let handle = try Self.open(origin, name: name)
    self.handle = handle
    self.origin = origin
    self.name = name
    self.limits = limits
    self.ledger = ledger
    self.chunk = UnsafeMutableRawPointer.allocate(byteCount: Self.chunkSize, alignment: 16)
    let count = Int(zip_get_num_entries(handle, 0))
    guard count <= limits.maxZipEntries else {
      throw .tooManyEntries(file: name, count: count, limit: limits.maxZipEntries)
    }
    // OPC part names are case-insensitive; two names that differ only in case are ambiguous.
    var seen = Set<String>()
    for i in 0..<count {
      guard let raw = zip_get_name(handle, zip_uint64_t(i), 0) else { continue }
      let entry = String(cString: raw)
      guard seen.insert(entry.lowercased()).inserted else { throw .duplicatePart(file: name, part: entry) }
    }
  }

  deinit {
    zip_discard(handle)
    chunk.deallocate()
  }

  private static func open(_ origin: Origin, name: String) throws(XLSXReadError) -> OpaquePointer {
    switch origin {
    case .path(let path, _):
      var code: Int32 = 0
      guard let za = zip_open(path, ZIP_RDONLY, &code) else {
        throw openError(code: code, detail: describe(code: code), magic: readMagic(path: path), name: name)
      }
      return za
    case .bytes(let bytes):
      var error = zip_error_t()
      zip_error_init(&error)
      defer { zip_error_fini(&error) }
      // freep = 0: the bytes belong to `ArchiveBytes`, which every handle on them keeps alive.
      guard let source = zip_source_buffer_create(bytes.start, zip_uint64_t(bytes.count), 0, &error) else {
        throw .cannotOpen(file: name, reason: String(cString: zip_error_strerror(&error)))
      }
      guard let za = zip_open_from_source(source, ZIP_RDONLY, &error) else {
        zip_source_free(source)
        let code = zip_error_code_zip(&error)
        let magic = Array(UnsafeRawBufferPointer(start: bytes.start, count: min(8, bytes.count)))
        throw openError(code: code, detail: String(cString: zip_error_strerror(&error)), magic: magic, name: name)
      }
      return za
    }
  }

  /// The number of entries.
  package var entryCount: Int { Int(zip_get_num_entries(handle, 0)) }

  /// The entries' names, in the order the archive stores them.
  package var entryNames: [String] {
    (0..<entryCount).compactMap { zip_get_name(handle, zip_uint64_t($0), 0).map { String(cString: $0) } }
  }

  /// Whether a part exists (names compare case-insensitively, as OPC requires).
  package func contains(_ part: String) -> Bool { locate(part) != nil }

  private func locate(_ part: String) -> Int? {
    let index = zip_name_locate(handle, part, ZIP_FL_NOCASE)
    return index < 0 ? nil : Int(index)
  }

  /// Inflates `part` chunk by chunk into `body`, stopping with a typed error as soon as the
  /// bytes exceed the declared size, `budget`, or what remains of the whole-archive budget.
  package func read(
    _ part: String, budget: Int, _ body: (UnsafeRawBufferPointer) throws(XLSXReadError) -> Void
  ) throws(XLSXReadError) {
    guard let index = locate(part) else { throw .missingPart(file: name, part: part) }
    var st = zip_stat_t()
    zip_stat_init(&st)
    guard zip_stat_index(handle, zip_uint64_t(index), 0, &st) == 0 else {
      throw .corruptZip(file: name, part: part, detail: String(cString: zip_strerror(handle)))
    }
    let needed = UInt64(ZIP_STAT_SIZE | ZIP_STAT_COMP_METHOD | ZIP_STAT_ENCRYPTION_METHOD)
    guard st.valid & needed == needed else {
      throw .corruptZip(file: name, part: part, detail: "incomplete entry header")
    }
    let encrypted = st.encryption_method != UInt16(ZIP_EM_NONE)
    let method = Int32(st.comp_method)
    guard !encrypted, method == ZIP_CM_STORE || method == ZIP_CM_DEFLATE else {
      throw .encryptedOrUnsupportedCompression(file: name, part: part, method: Int(method), encrypted: encrypted)
    }
    // A declared size beyond the budget is refused before inflating a single byte.
    let declared = st.size > UInt64(Int.max) ? Int.max : Int(st.size)
    guard declared <= budget else { throw .partTooLarge(file: name, part: part, limit: budget) }
    // The whole-archive budget reserves the declared size (an upper bound: more is refused below).
    guard ledger.reserve(declared, forEntry: index, limit: limits.maxTotalInflatedBytes) else {
      throw .archiveTooLarge(file: name, part: part, limit: limits.maxTotalInflatedBytes)
    }

    guard let file = zip_fopen_index(handle, zip_uint64_t(index), 0) else {
      throw .corruptZip(file: name, part: part, detail: String(cString: zip_strerror(handle)))
    }
    defer { zip_fclose(file) }
    var counted = 0
    while true {
      // Ask for one byte more than allowed so that an overrun shows up without reading further.
      let allowed = declared - counted
      let want = min(Self.chunkSize, allowed + 1)
      let n = Int(zip_fread(file, chunk, zip_uint64_t(want)))
      if n < 0 {
        throw .corruptZip(file: name, part: part, detail: String(cString: zip_error_strerror(zip_file_get_error(file))))
      }
      if n == 0 { break }
      if n > allowed { throw .partLargerThanDeclared(file: name, part: part, declared: declared) }
      counted += n
      try body(UnsafeRawBufferPointer(start: chunk, count: n))
    }
  }

  /// Inflates a small part whole (workbook, relationships); bounded by `budget`.
  package func readAll(_ part: String, budget: Int) throws(XLSXReadError) -> [UInt8] {
    var bytes: [UInt8] = []
    try read(part, budget: budget) { chunk throws(XLSXReadError) in bytes.append(contentsOf: chunk) }
    return bytes
  }

  private static func readMagic(path: String) -> [UInt8] {
    guard let f = fopen(path, "rb") else { return [] }
    defer { fclose(f) }
    var magic = [UInt8](repeating: 0, count: 8)
    let n = fread(&magic, 1, 8, f)
    return Array(magic.prefix(n))
  }

  private static func describe(code: Int32) -> String {
    var error = zip_error_t()
    zip_error_init_with_code(&error, code)
    defer { zip_error_fini(&error) }
    return String(cString: zip_error_strerror(&error))
  }

  /// Turns libzip's open failure into the error a user can act on, using the file's first bytes.
  private static func openError(code: Int32, detail: String, magic: [UInt8], name: String) -> XLSXReadError {
    let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
    if magic.starts(with: ole) { return .legacyOrEncryptedWorkbook(file: name) }
    switch code {
    case ZIP_ER_NOZIP:
      return magic.starts(with: [0x50, 0x4B]) ? .truncatedZip(file: name) : .notAZip(file: name)
    case ZIP_ER_OPEN, ZIP_ER_READ, ZIP_ER_SEEK, ZIP_ER_MEMORY:
      return .cannotOpen(file: name, reason: detail)
    default:
      return .corruptZip(file: name, part: nil, detail: detail)
    }
  }
}

/// What tells one version of a file from another: device, inode, size, and the times of the last
/// change to its content (mtime) and to its inode (ctime).
private struct FileIdentity: Equatable {
  var device, inode, size: Int
  var modified, modifiedNanoseconds, changed, changedNanoseconds: Int

  init(_ st: stat) {
    (device, inode, size) = (Int(st.st_dev), Int(st.st_ino), Int(st.st_size))
    (modified, modifiedNanoseconds) = (Int(st.st_mtim.tv_sec), Int(st.st_mtim.tv_nsec))
    (changed, changedNanoseconds) = (Int(st.st_ctim.tv_sec), Int(st.st_ctim.tv_nsec))
  }
}

/// A copy of an in-memory archive, shared by every handle opened on it.
private final class ArchiveBytes {
  let start: UnsafeMutableRawPointer
  let count: Int

  init?(_ bytes: [UInt8]) {
    guard let start = malloc(bytes.count) else { return nil }
    bytes.withUnsafeBytes { _ = memcpy(start, $0.baseAddress!, bytes.count) }
    self.start = start
    self.count = bytes.count
  }

  deinit { free(start) }
}

/// The bytes counted against the whole-archive budget by all handles on one archive. Every read
/// counts, a part read again included: otherwise 200,000 sheets aliasing one 10 MB part inflate
/// 2 TB within the budget.
private final class InflationLedger: @unchecked Sendable {
  private let lock = Lock()
  private var total = 0

  /// Reserves `bytes` (for the entry with index `entry`); false (nothing reserved) when the total
  /// would exceed `limit`.
  func reserve(_ bytes: Int, forEntry entry: Int, limit: Int) -> Bool {
    lock.withLock {
      guard bytes <= limit - total else { return false }
      total += bytes
      return true
    }
  }
}
