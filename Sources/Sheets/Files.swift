import Glibc

/// Small reads of files for modules that do not call libc themselves.
package enum Files {
  /// Up to `count` bytes from the start of the file at `path`: fewer when the file is shorter,
  /// none when it cannot be opened (the caller then decides by what it has).
  package static func firstBytes(of path: String, count: Int) -> [UInt8] {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return [] }
    defer { close(fd) }
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
