import Glibc

/// An exclusive `flock` on a lock file, held until the value is released, then the file is
/// removed. A lock vanishes with its process, so a killed holder never leaves it locked.
package final class FolderLock {
  /// Why the lock was not taken.
  package enum Failure: Error {
    /// Another process holds it.
    case busy
    /// The lock file cannot be made or locked (`errno`).
    case system(Int32)

    /// The system's text for a `system` failure.
    package var reason: String {
      if case .system(let code) = self { return SystemError.text(code) }
      return "busy"
    }
  }

  private let descriptor: Int32
  private let path: String

  /// Takes the lock on `path` (created if missing), or fails at once.
  package init(path: String) throws(Failure) {
    self.path = path
    // A holder that ends unlinks the file while it holds the lock; one that opened the file just
    // before then locks a file no longer in the folder, notices, and tries the new one.
    for _ in 0..<100 {
      let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
      guard fd >= 0 else { throw .system(errno) }
      guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
        let code = errno
        close(fd)
        throw code == EWOULDBLOCK ? .busy : .system(code)
      }
      var held = stat()
      var named = stat()
      if fstat(fd, &held) == 0, stat(path, &named) == 0, held.st_ino == named.st_ino, held.st_dev == named.st_dev {
        descriptor = fd
        return
      }
      close(fd)
    }
    throw .busy
  }

  deinit {
    unlink(path)
    close(descriptor)
  }
}
