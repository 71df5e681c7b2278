import Glibc

/// A file that is only ever appended to, opened on the first append (`O_APPEND`, created 0644
/// when missing) and closed in `deinit`, for logs such as the batch manifest. Each `append`
/// writes all its bytes (`writeAll` retries a short write) at the end of the file. Not
/// thread-safe: callers serialize appends.
package final class AppendOnlyFile {
  /// The file appended to.
  package let path: String
  private var descriptor: Int32 = -1

  /// A file at `path`; nothing is opened until the first append.
  package init(path: String) {
    self.path = path
  }

  deinit { close() }

  /// Appends `bytes`; throws `WriteError.io` when the file cannot be opened or written.
  package func append(_ bytes: [UInt8]) throws {
    if descriptor < 0 {
      descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
      guard descriptor >= 0 else { throw WriteError.io(path: path, operation: "open", errno: errno) }
    }
    let failure = writeAll(descriptor, bytes)
    guard failure == 0 else { throw WriteError.io(path: path, operation: "write", errno: failure) }
  }

  /// Closes the file (the next append opens it again).
  package func close() {
    if descriptor >= 0 {
      Glibc.close(descriptor)
      descriptor = -1
    }
  }
}
