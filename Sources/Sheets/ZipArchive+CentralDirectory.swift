#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The entry count a zip declares in its end-of-central-directory record, read from the file's
/// last bytes before libzip opens it: libzip parses (and allocates) every central-directory
/// record while opening, so 4.5 million of them cost seconds and a gigabyte before any count
/// could be checked afterwards.
enum CentralDirectory {
  /// The EOCD record is 22 bytes plus a comment of at most 65,535 bytes; the zip64 locator
  /// (20 bytes) sits just before it.
  private static let tailLength = 22 + 65_535 + 20

  /// The largest entry count the archive's end records declare (the classic record, or the
  /// zip64 record it points to), or nil when no record is found (libzip then reports the damage).
  static func declaredEntryCount(path: String) -> Int? {
    let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var st = stat()
    guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
    let size = Int(st.st_size)
    return declaredEntryCount(size: size) { offset, count in
      var bytes = [UInt8](repeating: 0, count: count)
      var filled = 0
      while filled < count {
        let n = bytes.withUnsafeMutableBytes {
          pread(fd, $0.baseAddress! + filled, count - filled, off_t(offset + filled))
        }
        if n < 0, errno == EINTR { continue }
        if n <= 0 { return nil }
        filled += n
      }
      return bytes
    }
  }

  /// The same, for an archive held in memory.
  static func declaredEntryCount(bytes: UnsafeRawBufferPointer) -> Int? {
    declaredEntryCount(size: bytes.count) { offset, count in
      guard offset >= 0, count >= 0, offset + count <= bytes.count else { return nil }
      return Array(bytes[offset..<offset + count])
    }
  }

  /// Finds the EOCD record in the last bytes (`read(offset, count)` gives bytes of the archive).
  private static func declaredEntryCount(size: Int, read: (Int, Int) -> [UInt8]?) -> Int? {
    let tailStart = max(0, size - tailLength)
    guard size >= 22, let tail = read(tailStart, size - tailStart) else { return nil }
    var i = tail.count - 22
    while i >= 0 {
      if tail[i] == 0x50, tail[i + 1] == 0x4B, tail[i + 2] == 0x05, tail[i + 3] == 0x06 { break }
      i -= 1
    }
    guard i >= 0 else { return nil }
    let onDisk = Int(u16(tail, i + 8))
    let total = Int(u16(tail, i + 10))
    var count = max(onDisk, total)
    // A zip64 locator just before the record points at the zip64 EOCD with 64-bit counts.
    let locator = i - 20
    if locator >= 0, tail[locator] == 0x50, tail[locator + 1] == 0x4B, tail[locator + 2] == 0x06,
      tail[locator + 3] == 0x07
    {
      let offset = u64(tail, locator + 8)
      if offset <= UInt64(size - 56), let record = read(Int(offset), 56), record.starts(with: [0x50, 0x4B, 0x06, 0x06])
      {
        let wide = max(u64(record, 24), u64(record, 32))
        count = max(count, wide > UInt64(Int.max) ? Int.max : Int(wide))
      }
    }
    return count
  }

  private static func u16(_ b: [UInt8], _ at: Int) -> UInt16 { UInt16(b[at]) | UInt16(b[at + 1]) << 8 }

  private static func u64(_ b: [UInt8], _ at: Int) -> UInt64 {
    var v: UInt64 = 0
    for k in (0..<8).reversed() { v = v << 8 | UInt64(b[at + k]) }
    return v
  }
}
