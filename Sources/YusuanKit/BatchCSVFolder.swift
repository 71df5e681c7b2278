import Sheets

/// A department's CSV folder in the batch output tree (`TableFolder`): the tables are written to
/// a fresh hidden folder beside it first (`.NAME.tmp-XXXXXX`, a name `StaleTemporaries` knows),
/// so that a full disk never leaves 8 of 13 files, and CSV files an earlier run wrote but this
/// one did not are removed (a department that shrank from 13 tables to 3 keeps no stale table).
/// The folder itself stays: other departments' outputs may live inside it.
enum BatchCSVFolder {
  /// Writes through `body` (given the temporary folder), then puts the tables into `target`.
  static func write(to target: String, _ body: (String) throws -> Void) throws {
    do {
      try TableFolder.replace(target, staleExtension: "csv", body)
    } catch let failure as TableFolder.Failure {
      throw CSVFolderError(folder: target, reason: failure.reason)
    }
  }
}

/// The CSV folder could not be put in place.
struct CSVFolderError: Error, LocalizedMessage {
  var folder: String
  var reason: String

  func message(_ language: Language) -> String {
    language == .zh ? "无法写出 CSV 文件夹 \(folder)（\(reason)）" : "cannot write the CSV folder \(folder) (\(reason))"
  }
}
