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

/// A folder of generated tables replaced safely: the files are written to a fresh hidden folder
/// beside it first (`.NAME.tmp-XXXXXX`), so that a full disk fails before any file of the
/// previous version is touched; then each file is renamed into place, and the files with
/// `staleExtension` that the previous version had but this one does not are removed. The folder
/// itself stays, since other outputs may live inside it.
package enum TableFolder {
  /// Why the folder could not be put in place (`errno`).
  package struct Failure: Error {
    package var errno: Int32
    /// The system's text for it.
    package var reason: String { SystemError.text(errno) }
  }

  /// Writes through `body` (given the temporary folder), then puts its files into `target`.
  package static func replace(_ target: String, staleExtension: String, _ body: (String) throws -> Void) throws {
    let parent = Paths.parent(target)
    var template = Array(Paths.join(parent, "." + Paths.lastComponent(target) + ".tmp-XXXXXX").utf8CString)
    guard let made = mkdtemp(&template) else { throw Failure(errno: errno) }
    let temporary = String(cString: made)
    defer { removeTree(temporary) }
    try body(temporary)
    if mkdir(target, 0o755) != 0, errno != EEXIST { throw Failure(errno: errno) }
    let written = Set(names(in: temporary))
    for name in written.sorted() {
      guard rename(Paths.join(temporary, name), Paths.join(target, name)) == 0 else { throw Failure(errno: errno) }
    }
    for name in names(in: target) where !written.contains(name) && Paths.extension(name).lowercased() == staleExtension {
      let path = Paths.join(target, name)
      var st = stat()
      if lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG { unlink(path) }
    }
  }

  private static func names(in folder: String) -> [String] {
    guard let dir = opendir(folder) else { return [] }
    defer { closedir(dir) }
    var out: [String] = []
    while let entry = readdir(dir) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
      if name != "." && name != ".." { out.append(name) }
    }
    return out
  }

  /// Removes a folder of files (one level: what `body` wrote).
  private static func removeTree(_ folder: String) {
    for name in names(in: folder) {
      let path = Paths.join(folder, name)
      if unlink(path) != 0 { removeTree(path) }
    }
    rmdir(folder)
  }
}
