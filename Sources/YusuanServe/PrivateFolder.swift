import FoundationEssentials
import YusuanKit

/// A folder only this process may enter (mode 0700, a random name made with an exclusive
/// mkdir), for one request's files; `remove()` deletes it and everything in it.
struct PrivateFolder: Sendable {
  /// The folder's path.
  let path: String

  /// Makes a new folder under `TMPDIR` (else /tmp).
  init() throws {
    let environment = ProcessInfo.processInfo.environment
    let base = environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    var generator = SystemRandomNumberGenerator()
    var lastError: (any Error)?
    for _ in 0..<8 {
      let name =
        "yusuan-serve-" + (0..<12).map { _ in String(UInt8.random(in: 0...35, using: &generator), radix: 36) }.joined()
      let candidate = Paths.join(base, name)
      do {
        // Not intermediate: fails when the name exists, so nobody else's folder is ever used.
        try FileManager.default.createDirectory(
          atPath: candidate, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        path = candidate
        return
      } catch {
        lastError = error
      }
    }
    throw lastError!
  }

  /// Writes `bytes` to the server-chosen `name` inside the folder (mode 0600); returns its path.
  func write(_ bytes: [UInt8], as name: String) throws -> String {
    let file = Paths.join(path, name)
    guard FileManager.default.createFile(atPath: file, contents: Data(bytes), attributes: [.posixPermissions: 0o600])
    else {
      throw CocoaError(.fileWriteUnknown)
    }
    return file
  }

  /// The bytes of a file the server wrote in the folder.
  func read(_ file: String) throws -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: file) else { throw CocoaError(.fileReadUnknown) }
    return [UInt8](data)
  }

  /// The names in a subfolder, sorted.
  func names(in folder: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
  }

  /// Deletes the folder and its contents.
  func remove() {
    try? FileManager.default.removeItem(atPath: path)
  }
}
