import Foundation

/// Input trees for the batch tests, built from the repository's sample (never from /work/shared).
public enum BatchTrees {
  /// A file or folder the mixed tree holds, with the report status a batch must give it.
  public struct Expected: Equatable, Sendable {
    public let key: String
    public let status: String
    public let findings: Int
  }

  /// The sample JSON with 表1's 一般公共预算 raised by 1.00, so that validation finds errors
  /// (T1.balance, X.t2-t1.income, X.t1-t4 …) on top of the sample's two rounding findings.
  public static func invalidJSON() throws -> [UInt8] {
    let text = String(decoding: try Fixtures.bytes(Fixtures.fixtureJSON), as: UTF8.self)
    guard let range = text.range(of: "1038.42") else {
      throw CLI.Missing(description: "fixture changed: 1038.42 not found")
    }
    return Array(text.replacingCharacters(in: range, with: "1039.42").utf8)
  }

  /// A mixed tree:
  /// ```
  /// root/a/good.xlsx               the sample workbook                     ok (2 rounding findings)
  /// root/a/b/invalid.json          the sample, 表1 changed                 findings
  /// root/broken.xlsx               a workbook cut in half                  unreadable
  /// root/other/not-budget.xlsx     a workbook with no budget table         unreadable
  /// root/dept-csv/*.csv            the sample as 13 CSV files (one dept)   ok
  /// root/notes.txt, root/.hidden.xlsx, root/a/~$good.xlsx                  ignored
  /// ```
  public static func mixed(in root: String) throws -> [Expected] {
    let fm = FileManager.default
    try Fixtures.write(try Fixtures.bytes(Fixtures.sampleXLSX), to: root + "/a/good.xlsx")
    try Fixtures.write(try invalidJSON(), to: root + "/a/b/invalid.json")
    try Fixtures.write(HostileFiles.truncated(), to: root + "/broken.xlsx")
    try Fixtures.write(
      WorkbookBuilder.xlsx(rows: #"<row r="1"><c r="A1" t="inlineStr"><is><t>会议签到表</t></is></c></row>"#),
      to: root + "/other/not-budget.xlsx")
    try fm.createDirectory(atPath: root + "/dept-csv", withIntermediateDirectories: true)
    for n in 1...13 {
      try Fixtures.write(try Fixtures.bytes(Fixtures.csvFile(n)), to: root + "/dept-csv/table-\(n).csv")
    }
    try Fixtures.write(Array("not an input".utf8), to: root + "/notes.txt")
    try Fixtures.write(HostileFiles.truncated(), to: root + "/.hidden.xlsx")
    try Fixtures.write(HostileFiles.truncated(), to: root + "/a/~$good.xlsx")
    return [
      Expected(key: "a/b/invalid.json", status: "findings", findings: 5),
      Expected(key: "a/good.xlsx", status: "ok", findings: 2),
      Expected(key: "broken.xlsx", status: "unreadable", findings: 0),
      Expected(key: "dept-csv/", status: "ok", findings: 2),
      Expected(key: "other/not-budget.xlsx", status: "unreadable", findings: 0),
    ]
  }

  /// `count` copies of the sample workbook as `d000.xlsx` … under `root`, spread over a few sub-folders.
  public static func copies(_ count: Int, in root: String) throws -> [String] {
    let bytes = try Fixtures.bytes(Fixtures.sampleXLSX)
    var keys: [String] = []
    for i in 0..<count {
      let key = "g\(i % 3)/d" + String(format: "%03d", i) + ".xlsx"
      try Fixtures.write(bytes, to: root + "/" + key)
      keys.append(key)
    }
    return keys.sorted()
  }

  /// Every file under a folder (relative paths, hidden ones included), sorted.
  public static func files(under root: String) -> [String] {
    let names = (FileManager.default.enumerator(atPath: root)?.allObjects as? [String]) ?? []
    return names.filter {
      var d: ObjCBool = false
      return FileManager.default.fileExists(atPath: root + "/" + $0, isDirectory: &d) && !d.boolValue
    }.sorted()
  }

  /// Leftover temporary files (`.NAME.tmp-XXXXXX`) under a folder.
  public static func temporaries(under root: String) -> [String] {
    files(under: root).filter { ($0 as NSString).lastPathComponent.contains(".tmp-") }
  }
}
