import FoundationEssentials
import Glibc

/// An exclusive lock on a batch output folder, one per shard (`.yusuan-lock[-shard-I-of-N]`),
/// held for the whole run: a second batch on the same folder and shard would otherwise remove
/// the first one's files in flight as stale temporaries. `flock` locks vanish with the process,
/// so a killed run never leaves the folder locked; the file is removed when the run ends.
final class BatchLock {
  private let descriptor: Int32
  private let path: String

  /// The lock file's name for a shard.
  static func fileName(for shard: Shard) -> String {
    shard.count == 1 ? ".yusuan-lock" : ".yusuan-lock-shard-\(shard.index)-of-\(shard.count)"
  }

  /// Takes the lock, or throws `BatchError.outputLocked` at once when another run holds it.
  init(outputRoot: String, shard: Shard) throws {
    path = Paths.join(outputRoot, Self.fileName(for: shard))
    // A run that ends unlinks the file while it holds the lock; one that opened the file just
    // before then locks a file no longer in the folder, notices, and tries the new one.
    for _ in 0..<100 {
      let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
      guard fd >= 0 else { throw BatchError.outputUnlockable(folder: outputRoot, reason: String(cString: strerror(errno))) }
      guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
        let busy = errno == EWOULDBLOCK
        let reason = String(cString: strerror(errno))
        close(fd)
        throw busy ? BatchError.outputLocked(folder: outputRoot) : BatchError.outputUnlockable(folder: outputRoot, reason: reason)
      }
      var held = stat()
      var named = stat()
      if fstat(fd, &held) == 0, stat(path, &named) == 0, held.st_ino == named.st_ino, held.st_dev == named.st_dev {
        descriptor = fd
        return
      }
      close(fd)
    }
    throw BatchError.outputLocked(folder: outputRoot)
  }

  deinit {
    unlink(path)
    close(descriptor)
  }
}
