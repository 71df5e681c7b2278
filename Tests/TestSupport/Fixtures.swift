import Foundation

/// Paths of the repository's own fixtures (tests never read outside the repository) and scratch folders.
public enum Fixtures {
  /// The repository root, found from this file's path (Tests/TestSupport/Fixtures.swift).
  public static let repoRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// The sample department's input folder.
  public static let sampleInput = repoRoot.appendingPathComponent("samples/datong-kejiju-2023/input")
  /// The sample workbook (13 sheets 预算公开表1–13).
  public static var sampleXLSX: String { sampleInput.appendingPathComponent("datong-kejiju-2023.xlsx").path }
  /// The sample as 13 UTF-8 CSV files.
  public static var sampleCSVFolder: String { sampleInput.appendingPathComponent("csv").path }
  /// The sample as 13 GB18030 CSV files.
  public static var sampleGB18030Folder: String { sampleInput.appendingPathComponent("csv-gb18030").path }
  /// The canonical JSON of the sample.
  public static var fixtureJSON: String {
    repoRoot.appendingPathComponent("Tests/Fixtures/datong-kejiju-2023.json").path
  }
  /// The same department as written by version 1 of the model (before template sets), which still reads.
  public static var fixtureJSONVersion1: String {
    repoRoot.appendingPathComponent("Tests/Fixtures/datong-kejiju-2023.v1.json").path
  }
  /// The JSON Schema file of the repository.
  public static var schemaFile: String { repoRoot.appendingPathComponent("schema/disclosure.schema.json").path }

  /// One CSV file of a sample folder: `csvFile(3)` is `…/csv/预算公开表03.csv`.
  public static func csvFile(_ number: Int, folder: String = sampleCSVFolder) -> String {
    (folder as NSString).appendingPathComponent("预算公开表" + (number < 10 ? "0" : "") + "\(number).csv")
  }

  /// The bytes of a file.
  public static func bytes(_ path: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
  }

  /// A fresh empty folder under the system temporary directory; removed by the caller's tearDown if wanted.
  public static func scratchFolder(_ label: String = "yusuan-test") throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url.path
  }

  /// Writes bytes to a path, creating parent folders.
  public static func write(_ bytes: [UInt8], to path: String) throws {
    let url = URL(fileURLWithPath: path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(bytes).write(to: url)
  }
}
