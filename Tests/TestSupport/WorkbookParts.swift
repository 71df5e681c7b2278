import Sheets

/// The parts of an `.xlsx` file, for tests that compare a written workbook part by part with a
/// reference (the way libxlsxwriter's functional tests do).
public enum WorkbookParts {
  /// Every part of the workbook at `path`, by name.
  public static func read(_ path: String) throws -> [String: [UInt8]] {
    let archive = try ZipArchive(path: path, limits: .default)
    var parts: [String: [UInt8]] = [:]
    for name in archive.entryNames {
      parts[name] = try archive.readAll(name, budget: Limits.default.maxSheetPartBytes)
    }
    return parts
  }
}
