import Glibc

/// The temporary files and folders that writes have in flight, so that an interrupted command
/// (SIGINT, SIGTERM) removes them before it exits instead of leaving `.NAME.tmp-XXXXXX` behind.
public enum Temporaries {
  private final class State: @unchecked Sendable {
    let lock = Lock()
    var paths: Set<String> = []
    var closed = false
    var signal: Int32?
  }

  private static let state = State()

  /// Creates a temporary with `make` (mkstemp or mkdtemp, returning the path or nil with errno
  /// set) and records it, both under the lock, so a signal never misses one.
  static func create(_ make: () -> String?, for target: String) throws(WriteError) -> String {
    let outcome: Result<String, WriteError> = state.lock.withLock {
      guard !state.closed else { return .failure(.interrupted(path: target)) }
      guard let path = make() else {
        return .failure(.io(path: target, operation: "create temporary file", errno: errno))
      }
      state.paths.insert(path)
      return .success(path)
    }
    return try outcome.get()
  }

  /// Removes a temporary that will not be committed.
  static func discard(_ path: String) {
    state.lock.withLock {
      state.paths.remove(path)
      removeTree(path)
    }
  }

  /// Runs `rename` (which moves the temporary into place, returning 0 or -1 with errno set)
  /// unless the process is exiting, and forgets the temporary.
  static func commit(_ path: String, target: String, _ rename: () -> Int32) throws(WriteError) {
    try step(target: target, rename)
    state.lock.withLock { _ = state.paths.remove(path) }
  }

  /// Runs one rename of a temporary's content into place unless the process is exiting; the
  /// temporary stays recorded (a folder moved file by file).
  static func step(target: String, _ rename: () -> Int32) throws(WriteError) {
    let outcome: WriteError? = state.lock.withLock {
      guard !state.closed else { return .interrupted(path: target) }
      guard rename() == 0 else { return .io(path: target, operation: "rename", errno: errno) }
      return nil
    }
    if let outcome { throw outcome }
  }

  /// Removes every temporary in flight and refuses new ones and renames: called once when the
  /// process is about to exit on `signal`. Outputs already renamed stay whole.
  public static func removeAllBeforeExit(signal: Int32) {
    state.lock.withLock {
      state.closed = true
      state.signal = signal
      for path in state.paths {
        // Another thread may still be adding files to a temporary folder: moved away first, the
        // folder takes no new file under its old name.
        let moved = path + "-removing"
        removeTree(FileKind.of(path) == .directory && rename(path, moved) == 0 ? moved : path)
      }
      state.paths.removeAll()
    }
  }

  /// The signal the process is exiting on, once `removeAllBeforeExit` ran: a write refused
  /// meanwhile (`WriteError.interrupted`) ends with the same status as the signal handler.
  public static var exitSignal: Int32? { state.lock.withLock { state.signal } }

  /// Removes a file, or a folder and the files in it (temporary folders hold files only).
  static func removeTree(_ path: String) {
    guard FileKind.of(path) == .directory else {
      unlink(path)
      return
    }
    for name in entries(of: path) { _ = unlink(Paths.join(path, name)) }
    rmdir(path)
  }

  /// The names in a folder, without `.` and `..`; empty when it cannot be read.
  static func entries(of folder: String) -> [String] {
    guard let dir = opendir(folder) else { return [] }
    defer { closedir(dir) }
    var names: [String] = []
    while let entry = readdir(dir) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return names
  }
}
