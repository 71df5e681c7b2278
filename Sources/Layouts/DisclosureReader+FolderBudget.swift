import Sheets

/// A CSV folder larger than its budgets (`Limits.maxCSVBytes`, `Limits.maxCellsPerWorkbook`),
/// all its files together: each file within the limits, eight of them took 9.7 GB.
struct CSVFolderTooLarge: Error, LocalizedMessage {
  var path: String
  /// The limit exceeded, and whether it counts bytes (else cells).
  var limit: Int
  var bytes: Bool

  func message(_ language: Language) -> String {
    switch (bytes, language) {
    case (true, .zh): return "\(path)：文件夹中的 CSV 文件合计超过 \(limit >> 20) MiB 的大小上限"
    case (true, .en): return "\(path): the folder's CSV files together exceed the \(limit >> 20) MiB size limit"
    case (false, .zh): return "\(path)：文件夹中的 CSV 文件合计超过 \(limit) 个单元格的上限"
    case (false, .en): return "\(path): the folder's CSV files together hold more than \(limit) cells"
    }
  }
}

extension DisclosureReader {
  /// Reads a folder's CSV files under one byte and cell budget: the sizes are added up (`stat`)
  /// before any file is read, and each file may use only the cells the earlier ones left.
  func readFolderFiles(_ folder: String, _ names: [String]) throws -> [GridReading] {
    let paths = names.map { Paths.join(folder, $0) }
    let byteLimit = min(limits.maxFileBytes, limits.maxCSVBytes)
    var total = 0
    for path in paths { total += fileSize(path) }
    guard total <= byteLimit else {
      throw InputError.unreadable(
        path: folder, underlying: CSVFolderTooLarge(path: folder, limit: byteLimit, bytes: true))
    }
    var cellsLeft = min(limits.maxCellsPerSheet, limits.maxCellsPerWorkbook)
    var bytesLeft = byteLimit
    var readings: [GridReading] = []
    for path in paths {
      var budget = limits
      budget.maxCellsPerWorkbook = cellsLeft
      budget.maxCSVBytes = bytesLeft
      do {
        let (reading, cells) = try readCSV(path, limits: budget)
        cellsLeft -= cells
        bytesLeft -= fileSize(path)
        readings.append(reading)
      } catch InputError.unreadable(_, let underlying as CSVError) {
        // A file that exceeds only what the earlier files left is the folder's excess.
        switch underlying {
        case .tooManyCells(_, _, let limit) where limit == cellsLeft && cellsLeft < limits.maxCellsPerWorkbook:
          throw InputError.unreadable(
            path: folder, underlying: CSVFolderTooLarge(path: folder, limit: limits.maxCellsPerWorkbook, bytes: false))
        case .fileTooLarge(_, _, let limit) where limit == bytesLeft && bytesLeft < byteLimit:
          throw InputError.unreadable(
            path: folder, underlying: CSVFolderTooLarge(path: folder, limit: byteLimit, bytes: true))
        default:
          throw InputError.unreadable(path: path, underlying: underlying)
        }
      }
    }
    return readings
  }

  private func fileSize(_ path: String) -> Int {
    contents[path]?.count ?? Files.regularFileSize(path) ?? 0
  }
}
