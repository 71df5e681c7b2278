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
  /// The size of a regular file (`stat`), or nil when the path names none.
  package static func regularFileSize(_ path: String) -> Int? {
    var st = stat()
    guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
    return Int(st.st_size)
  }
}

extension Files {
  /// What tells one version of a file from another (device, inode, size, and the nanosecond
  /// times of its last content and inode changes), or nil when `stat` fails.
  package static func identity(_ path: String) -> [Int]? {
    var st = stat()
    guard stat(path, &st) == 0 else { return nil }
    return [
      Int(st.st_dev), Int(st.st_ino), Int(st.st_size), Int(st.st_mtim.tv_sec), Int(st.st_mtim.tv_nsec),
      Int(st.st_ctim.tv_sec), Int(st.st_ctim.tv_nsec),
    ]
  }
}
