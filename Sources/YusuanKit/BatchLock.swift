import Sheets

/// An exclusive lock on a batch output folder, one per shard (`.yusuan-lock[-shard-I-of-N]`),
/// held for the whole run: a second batch on the same folder and shard would otherwise remove
/// the first one's files in flight as stale temporaries. The lock vanishes with the process, so
/// a killed run never leaves the folder locked; the file is removed when the run ends.
final class BatchLock {
  private let lock: FolderLock

  /// The lock file's name for a shard.
  static func fileName(for shard: Shard) -> String {
    shard.count == 1 ? ".yusuan-lock" : ".yusuan-lock-shard-\(shard.index)-of-\(shard.count)"
  }

  /// Takes the lock, or throws `BatchError.outputLocked` at once when another run holds it.
  init(outputRoot: String, shard: Shard) throws {
    do {
      lock = try FolderLock(path: Paths.join(outputRoot, Self.fileName(for: shard)))
    } catch .busy {
      throw BatchError.outputLocked(folder: outputRoot)
    } catch {
      throw BatchError.outputUnlockable(folder: outputRoot, reason: error.reason)
    }
  }
}
