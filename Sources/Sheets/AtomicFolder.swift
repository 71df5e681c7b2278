import Glibc

/// Writes a set of files as one folder (a CSV output), so that the folder never holds a mix of
/// two runs: the files are written into a temporary folder beside it, which then takes the
/// folder's place. A folder that already holds files Yusuan did not write keeps them: the new
/// files are moved in one by one, the writer's own stale files removed, the others reported.
public enum AtomicFolder {
  /// What writing a folder did.
  public struct Outcome: Sendable, Equatable {
    /// The paths of the files written.
    public var written: [String]
    /// Names already in the folder that the writer does not own; left untouched.
    public var foreign: [String]

    /// Creates an outcome.
    public init(written: [String], foreign: [String]) {
      self.written = written
      self.foreign = foreign
    }
  }

  /// Writes `files` (name, bytes) as the folder `folder`. `owns` tells a name the writer may
  /// replace or remove (`预算公开表01.csv` …); no file among `inputs` is replaced or removed.
  @discardableResult
  public static func write(
    files: [(name: String, bytes: [UInt8])], to given: String, owns: (String) -> Bool, refusing inputs: [String] = []
  ) throws -> Outcome {
    guard !given.isEmpty else { throw WriteError.emptyPath }
    // `out/` is `out`; for `.` and `..` the temporary folder can only go inside the folder itself.
    let folder = Paths.lastComponent(given) == "/" ? given : Paths.join(Paths.parent(given), Paths.lastComponent(given))
    let tempInside = [".", ".."].contains(Paths.lastComponent(folder))
    let kind = FileKind.of(folder)
    var followsLink = false
    switch kind {
    case nil, .directory?: break
    case .symbolicLink?:
      // A link to a folder is filled in place; the link itself is never replaced.
      var info = stat()
      guard stat(folder, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
        throw WriteError.notAFolder(path: folder, kind: .symbolicLink)
      }
      followsLink = true
    case let other?: throw WriteError.notAFolder(path: folder, kind: other)
    }
    let temp = try makeTemporaryFolder(beside: folder)
    var committed = false
    defer { if !committed { Temporaries.discard(temp) } }
    for file in files { try writeNew(file.bytes, to: Paths.join(temp, file.name)) }
    let written = files.map { Paths.join(folder, $0.name) }
    if kind == nil {
      try Temporaries.commit(temp, target: folder) { rename(temp, folder) }
      committed = true
      AtomicFile.syncDirectory(of: folder)
      return Outcome(written: written, foreign: [])
    }
    let tempName = Paths.lastComponent(temp)
    let existing = Temporaries.entries(of: folder).filter { !(tempInside && $0 == tempName) }.sorted()
    let foreign = existing.filter { !owns($0) }
    let inputAt = { (name: String) in inputs.first { sameFile($0, Paths.join(folder, name)) } }
    let isInput = { (name: String) in inputAt(name) != nil }
    let newNames = Set(files.map(\.name))
    for name in existing where owns(name) && newNames.contains(name) {
      if let input = inputAt(name) {
        throw WriteError.wouldOverwriteInput(path: Paths.join(folder, name), input: input)
      }
      if let k = FileKind.of(Paths.join(folder, name)), k != .regular {
        throw WriteError.notARegularFile(path: Paths.join(folder, name), kind: k)
      }
    }
    if foreign.isEmpty, !followsLink, !tempInside, !existing.contains(where: isInput), let exchange = renameExchange {
      // Swap the folders in one step, then remove the old set (now in the temporary's place).
      var swapped = false
      try Temporaries.step(target: folder) {
        let exchangeFlag: UInt32 = 2  // RENAME_EXCHANGE
        let status = exchange(AT_FDCWD, temp, AT_FDCWD, folder, exchangeFlag)
        swapped = status == 0
        // A file system that cannot exchange: move the files one by one below.
        return swapped || errno == EINVAL || errno == ENOSYS ? 0 : status
      }
      if swapped {
        // The temporary's name now holds the old set; the deferred discard removes it.
        AtomicFile.syncDirectory(of: folder)
        return Outcome(written: written, foreign: [])
      }
    }
    // One by one, in one step: a signal waits until the set is complete (a few renames).
    let stale = existing.filter { owns($0) && !newNames.contains($0) && !isInput($0) }
    try Temporaries.step(target: folder) {
      for file in files where rename(Paths.join(temp, file.name), Paths.join(folder, file.name)) != 0 { return -1 }
      for name in stale { unlink(Paths.join(folder, name)) }  // a table the new set does not have
      return 0
    }
    AtomicFile.syncDirectory(of: Paths.join(folder, "x"))  // the folder itself holds the renames
    return Outcome(written: written, foreign: foreign)
  }

  /// `.NAME.tmp-XXXXXX` beside the folder, with the mode a new folder would get (mkdtemp uses 0700).
  static func makeTemporaryFolder(beside folder: String) throws(WriteError) -> String {
    let (directory, name) = AtomicFile.split(folder)
    var stem = name
    while stem.utf8.count > 200 { stem.removeLast() }
    var template = Array((directory + "." + stem + ".tmp-XXXXXX").utf8CString)
    let path = try Temporaries.create(
      {
        template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) } != nil
          ? template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) } : nil
      }, for: folder)
    var existing = stat()
    let mode: mode_t = stat(folder, &existing) == 0 ? existing.st_mode & 0o7777 : 0o777 & ~AtomicFile.currentUmask()
    _ = chmod(path, mode)
    return path
  }

  /// Writes a new file and flushes it.
  private static func writeNew(_ bytes: [UInt8], to path: String) throws(WriteError) {
    let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
    guard fd >= 0 else { throw WriteError.io(path: path, operation: "open", errno: errno) }
    defer { close(fd) }
    let failure = writeAll(fd, bytes)
    guard failure == 0 else { throw WriteError.io(path: path, operation: "write", errno: failure) }
    guard fsync(fd) == 0 else { throw WriteError.io(path: path, operation: "fsync", errno: errno) }
  }

  private static func sameFile(_ a: String, _ b: String) -> Bool {
    var x = stat()
    var y = stat()
    guard stat(a, &x) == 0, stat(b, &y) == 0 else { return false }
    return x.st_dev == y.st_dev && x.st_ino == y.st_ino
  }

  private typealias RenameAt2 =
    @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

  /// glibc's `renameat2` (2.28 and later), looked up at run time: Swift's Glibc module hides it.
  private static let renameExchange: RenameAt2? = dlsym(nil, "renameat2").map { unsafeBitCast($0, to: RenameAt2.self) }
}
