import FoundationEssentials
import Glibc

/// A department's CSV folder in the batch output tree: the tables are written to a fresh hidden
/// folder beside it first (`.NAME.tmp-XXXXXX`, a name `StaleTemporaries` knows), so that a full
/// disk fails before any table of the previous run is touched; then each table is renamed into
/// place, and the CSV files the previous run wrote but this one did not are removed (a
/// department that shrank from 13 tables to 3 keeps no stale table). The folder itself stays:
/// other departments' outputs (a workbook beside the CSV files) may live inside it.
enum BatchCSVFolder {
  /// Writes through `body` (given the temporary folder), then puts the tables into `target`.
  static func write(to target: String, _ body: (String) throws -> Void) throws {
    let fm = FileManager.default
    let parent = Paths.parent(target)
    try fm.createDirectory(atPath: parent, withIntermediateDirectories: true)
    var template = Array((Paths.join(parent, "." + Paths.lastComponent(target) + ".tmp-XXXXXX")).utf8CString)
    guard let made = mkdtemp(&template) else { throw CSVFolderError(folder: target, errno: errno) }
    let temporary = String(cString: made)
    defer { try? fm.removeItem(atPath: temporary) }
    try body(temporary)
    try fm.createDirectory(atPath: target, withIntermediateDirectories: true)
    let written = Set(try fm.contentsOfDirectory(atPath: temporary))
    for name in written.sorted() {
      guard rename(Paths.join(temporary, name), Paths.join(target, name)) == 0 else {
        throw CSVFolderError(folder: target, errno: errno)
      }
    }
    for name in (try? fm.contentsOfDirectory(atPath: target)) ?? []
    where !written.contains(name) && Paths.extension(name).lowercased() == "csv" {
      let path = Paths.join(target, name)
      var st = stat()
      if lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG { unlink(path) }
    }
  }
}

/// The CSV folder could not be put in place.
struct CSVFolderError: Error, LocalizedMessage {
  var folder: String
  var errno: Int32

  func message(_ language: Language) -> String {
    let reason = String(cString: strerror(errno))
    return language == .zh ? "无法写出 CSV 文件夹 \(folder)（\(reason)）" : "cannot write the CSV folder \(folder) (\(reason))"
  }
}
