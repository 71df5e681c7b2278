import Sheets

/// Why an output path is refused before anything is read (see `DisclosureWriter.checkTarget`).
public enum OutputPathError: Error, Equatable, Sendable, LocalizedMessage, CustomStringConvertible {
  /// The path's extension names another format than the one asked for (`-o out.json --to xlsx`).
  case extensionContradictsFormat(path: String, extension: String, format: String)
  /// A CSV output is a folder of files, but the path is named like one CSV file (`-o one.csv`).
  case csvFolderNamedLikeAFile(path: String)
  /// Standard output (`-o -`) takes one file; CSV output is a folder.
  case standardOutputNeedsOneFile

  public func message(_ language: Language) -> String {
    let zh = language == .zh
    switch self {
    case .extensionContradictsFormat(let p, let e, let f):
      return zh
        ? "输出 \(p) 的扩展名 .\(e) 与 --to \(f) 矛盾；请改用 .\(f) 扩展名或相应的 --to"
        : "the extension .\(e) of \(p) contradicts --to \(f); use a .\(f) name or the matching --to"
    case .csvFolderNamedLikeAFile(let p):
      return zh
        ? "CSV 输出是一个文件夹（每张表一个 .csv 文件），\(p) 却像单个文件名；请给出文件夹名，如 \(Paths.removingExtension(p))"
        : "CSV output is a folder (one .csv file per table), but \(p) looks like one file; give a folder name such as \(Paths.removingExtension(p))"
    case .standardOutputNeedsOneFile:
      return zh
        ? "-o - 只能写单个文件（--to json 或 xlsx）；CSV 输出是一个文件夹"
        : "-o - writes one file (--to json or xlsx); CSV output is a folder"
    }
  }

  public var description: String { message(.zh) }
}
