import Glibc

/// Writes files so that they appear whole or not at all: the content goes to a temporary file in
/// a temporary folder in the target's own directory (so `rename` stays on one file system), is
/// flushed with `fsync`, and is then renamed over the target. On any error the temporary file is removed and an existing
/// target is left untouched. Writing onto one of the declared input files is refused, and so is
/// replacing anything that is not a regular file (a symbolic link, a device, a FIFO, a folder).
public enum AtomicFile {
  /// Writes `bytes` to `path` atomically, refusing to replace any of `inputs`.
  public static func write(bytes: [UInt8], to path: String, refusing inputs: [String] = []) throws {
    try write(to: path, refusing: inputs) { tempPath in
      let fd = open(tempPath, O_WRONLY | O_TRUNC | O_CLOEXEC)
      guard fd >= 0 else { throw WriteError.io(path: tempPath, operation: "open", errno: errno) }
      defer { close(fd) }
      let failure = writeAll(fd, bytes)
      guard failure == 0 else { throw WriteError.io(path: path, operation: "write", errno: failure) }
    }
  }

  /// Lets `body` write the content to a temporary path (for writers such as libxlsxwriter that
  /// need a path), then syncs it and renames it over `path`; refuses to replace any of `inputs`.
  ///
  /// The temporary file exists (empty) when `body` runs; `body` may replace or truncate it.
  /// It lies in a private temporary folder `.NAME.tmp-XXXXXX/` beside the target: on a signal
  /// that folder is moved away and removed, so a writer still running (libxlsxwriter opens its
  /// path late, with "wb") cannot create the file again and leave it behind.
  @discardableResult
  public static func write<T>(to path: String, refusing inputs: [String] = [], _ body: (String) throws -> T) throws -> T
  {
    try checkNotInput(path, inputs: inputs)
    try checkReplaceable(path)
    let (folder, tempPath) = try makeTemporary(beside: path)
    defer { Temporaries.discard(folder) }  // empty once the file is renamed into place
    let result = try body(tempPath)
    try syncAndSetMode(tempPath, finalPath: path)
    // Check again right before the rename: the body may have run for a while.
    try checkNotInput(path, inputs: inputs)
    try checkReplaceable(path)
    try Temporaries.step(target: path) { rename(tempPath, path) }
    syncDirectory(of: path)
    return result
  }

  /// Throws `wouldOverwriteInput` when `path` names the same file as one of `inputs`
  /// (same device and inode, so `./a.xlsx`, `a.xlsx` and symlinks all match).
  public static func checkNotInput(_ path: String, inputs: [String]) throws {
    var target = stat()
    guard stat(path, &target) == 0 else { return }  // a path that does not exist yet is no input
    for input in inputs {
      var other = stat()
      guard stat(input, &other) == 0 else { continue }
      if other.st_dev == target.st_dev && other.st_ino == target.st_ino {
        throw WriteError.wouldOverwriteInput(path: path, input: input)
      }
    }
  }

  /// Throws `notARegularFile` when something other than a regular file is at `path`: `rename`
  /// would replace a symbolic link, a device such as /dev/stdout or a FIFO by a regular file.
  public static func checkReplaceable(_ path: String) throws(WriteError) {
    guard !path.isEmpty else { throw WriteError.emptyPath }
    if let kind = FileKind.of(path), kind != .regular { throw WriteError.notARegularFile(path: path, kind: kind) }
  }

  /// Creates the folder `.NAME.tmp-XXXXXX` in the target's directory (mkdtemp) and an empty
  /// file in it; returns both paths.
  static func makeTemporary(beside path: String) throws(WriteError) -> (folder: String, file: String) {
    let (directory, name) = split(path)
    // Keep the temporary names within NAME_MAX (255 bytes) even for long target names.
    var stem = name
    while stem.utf8.count > 200 { stem.removeLast() }
    var template = Array((directory + "." + stem + ".tmp-XXXXXX").utf8CString)
    let folder = try Temporaries.create(
      {
        template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) } != nil
          ? template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) } : nil
      }, for: path)
    let file = folder + "/" + stem
    let fd = open(file, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard fd >= 0 else {
      let code = errno
      Temporaries.discard(folder)
      throw WriteError.io(path: path, operation: "create temporary file", errno: code)
    }
    close(fd)
    return (folder, file)
  }

  /// Flushes the file to disk and gives it the mode a newly created file would have (mkstemp uses 0600).
  private static func syncAndSetMode(_ tempPath: String, finalPath: String) throws {
    let fd = open(tempPath, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw WriteError.io(path: tempPath, operation: "open", errno: errno) }
    defer { close(fd) }
    var existing = stat()
    let mode: mode_t = stat(finalPath, &existing) == 0 ? existing.st_mode & 0o7777 : 0o666 & ~currentUmask()
    _ = fchmod(fd, mode)
    guard fsync(fd) == 0 else { throw WriteError.io(path: tempPath, operation: "fsync", errno: errno) }
  }

  /// Makes the rename durable; failure here cannot undo the rename, so it is ignored.
  static func syncDirectory(of path: String) {
    let (directory, _) = split(path)
    let fd = open(directory.isEmpty ? "." : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { return }
    _ = fsync(fd)
    close(fd)
  }

  /// The process umask, read from /proc so that no other thread sees a changed umask.
  static func currentUmask() -> mode_t {
    guard let file = fopen("/proc/self/status", "r") else { return 0o022 }
    defer { fclose(file) }
    var line = [CChar](repeating: 0, count: 256)
    while fgets(&line, Int32(line.count), file) != nil {
      let text = line.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
      if text.hasPrefix("Umask:") {
        let digits = text.dropFirst(6).trimmingCharacters(in: " \t\n")
        return mode_t(digits, radix: 8) ?? 0o022
      }
    }
    return 0o022
  }

  /// Splits a path into its directory (with trailing `/`, or empty) and last component.
  static func split(_ path: String) -> (String, String) {
    guard let slash = path.lastIndex(of: "/") else { return ("", path) }
    return (String(path[...slash]), String(path[path.index(after: slash)...]))
  }
}

extension Substring {
  fileprivate func trimmingCharacters(in set: String) -> Substring {
    var s = self
    while let f = s.first, set.contains(f) { s = s.dropFirst() }
    while let l = s.last, set.contains(l) { s = s.dropLast() }
    return s
  }
}

/// Writes all of `bytes` to a file descriptor, in as many `write` calls as it takes (a pipe or
/// a signal may cut one short). Returns 0, or the errno of the call that failed.
package func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) -> Int32 {
  var written = 0
  while written < bytes.count {
    let n = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + written, $0.count - written) }
    if n < 0 {
      if errno == EINTR { continue }
      return errno
    }
    written += n
  }
  return 0
}
