import Glibc

/// Reads an input file whole, refusing before reading what is not a regular file (a FIFO
/// would block forever, /dev/zero never ends) or is larger than the limit by its size.
package enum InputFile {
  /// Why the file was not read.
  package enum Failure: Error, Equatable {
    /// A FIFO, a device, a socket or a folder.
    case notARegularFile(FileKind)
    /// The system refused (`errno`).
    case cannotRead(Int32)
    /// Larger than the limit (bytes seen so far).
    case tooLarge(Int)
  }

  /// The bytes of the regular file at `path` (links followed), at most `limit` of them.
  package static func read(_ path: String, limit: Int) -> Result<[UInt8], Failure> {
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer.
    let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard fd >= 0 else { return .failure(.cannotRead(errno)) }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { return .failure(.cannotRead(errno)) }
    guard info.st_mode & S_IFMT == S_IFREG else { return .failure(.notARegularFile(kind(info.st_mode))) }
    _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
    let size = Int(info.st_size)
    guard size <= limit else { return .failure(.tooLarge(size)) }
    // Read until EOF rather than trusting st_size (a growing file reports another size).
    var bytes = [UInt8](repeating: 0, count: Swift.max(size, 0) + 1)
    var count = 0
    while true {
      if count == bytes.count {
        guard count <= limit else { return .failure(.tooLarge(count)) }
        bytes.append(contentsOf: repeatElement(0, count: Swift.max(bytes.count, 4096)))
      }
      let n = bytes.withUnsafeMutableBytes { raw in Glibc.read(fd, raw.baseAddress! + count, raw.count - count) }
      if n < 0 {
        if errno == EINTR { continue }
        return .failure(.cannotRead(errno))
      }
      if n == 0 { break }
      count += n
    }
    guard count <= limit else { return .failure(.tooLarge(count)) }
    bytes.removeSubrange(count...)
    return .success(bytes)
  }

  /// What is at `path` when it cannot be read as a regular file: nil for a regular file or a
  /// folder (followed through links), else the kind; an unreadable path (a symbolic-link loop,
  /// ELOOP) gives its errno.
  package static func obstacle(_ path: String) -> Result<FileKind?, Failure> {
    var info = stat()
    guard stat(path, &info) == 0 else {
      // A link that leads nowhere or in a circle exists (lstat) but cannot be followed.
      let code = errno
      var own = stat()
      return lstat(path, &own) == 0 ? .failure(.cannotRead(code)) : .success(nil)
    }
    let type = info.st_mode & S_IFMT
    return .success(type == S_IFREG || type == S_IFDIR ? nil : kind(info.st_mode))
  }

  private static func kind(_ mode: mode_t) -> FileKind {
    switch mode & S_IFMT {
    case S_IFDIR: return .directory
    case S_IFCHR: return .characterDevice
    case S_IFBLK: return .blockDevice
    case S_IFIFO: return .fifo
    case S_IFREG: return .regular
    default: return .socket
    }
  }
}
