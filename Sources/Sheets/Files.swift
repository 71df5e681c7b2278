import Glibc

/// Small reads of files for modules that do not call libc themselves.
package enum Files {
  /// Up to `count` bytes from the start of the file at `path`: fewer when the file is shorter,
  /// none when it cannot be opened (the caller then decides by what it has).
  package static func firstBytes(of path: String, count: Int) -> [UInt8] {
    // Never blocks: a FIFO gives nothing rather than waiting for a writer.
    let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard fd >= 0 else { return [] }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return [] }
    var bytes = [UInt8](repeating: 0, count: count)
    var filled = 0
    while filled < count {
      let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + filled, count - filled) }
      if n < 0, errno == EINTR { continue }
      if n <= 0 { break }
      filled += n
    }
    bytes.removeLast(count - filled)
    return bytes
  }
}

extension Files {
  /// Reads a whole regular file once: sized with `fstat` before a byte is read (a sparse 3 GB
  /// file is refused at once), FIFOs, devices and sockets refused without blocking. The bytes
  /// returned are the only read, so what is hashed and what is parsed can be the same.
  package static func readRegularFile(_ path: String, limit: Int) throws(CSVError) -> [UInt8] {
    try CSVReader.readFile(path, name: CSVReader.fileName(of: path), limit: limit)
  }
}

extension Files {
  /// Streams a regular file in 1 MiB chunks (for hashing without holding it): refused like
  /// `readRegularFile` when it is not a regular file or is larger than `limit`. `size` first gets
  /// the size `fstat` gives; a file that then reads to another length is refused as changed.
  package static func forEachChunk(
    of path: String, limit: Int, size: (Int) -> Void, _ body: (UnsafeRawBufferPointer) -> Void
  ) throws(CSVError) {
    let name = CSVReader.fileName(of: path)
    let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard fd >= 0 else { throw .cannotRead(file: name, errno: errno) }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw .cannotRead(file: name, errno: errno) }
    if (info.st_mode & S_IFMT) == S_IFDIR { throw .cannotRead(file: name, errno: EISDIR) }
    guard (info.st_mode & S_IFMT) == S_IFREG else { throw .notARegularFile(file: name) }
    guard Int(info.st_size) <= limit else { throw .fileTooLarge(file: name, bytes: Int(info.st_size), limit: limit) }
    _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
    size(Int(info.st_size))
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
    defer { buffer.deallocate() }
    var total = 0
    while true {
      let n = Glibc.read(fd, buffer.baseAddress!, buffer.count)
      if n < 0 {
        if errno == EINTR { continue }
        throw .cannotRead(file: name, errno: errno)
      }
      if n == 0 { break }
      total += n
      guard total <= limit else { throw .fileTooLarge(file: name, bytes: total, limit: limit) }
      body(UnsafeRawBufferPointer(start: buffer.baseAddress, count: n))
    }
    guard total == Int(info.st_size) else { throw .cannotRead(file: name, errno: EAGAIN) }
  }
}

extension Files {
  /// The size of a regular file (`stat`), or nil when the path names none.
  package static func regularFileSize(_ path: String) -> Int? {
    var st = stat()
    guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
    return Int(st.st_size)
  }
}
