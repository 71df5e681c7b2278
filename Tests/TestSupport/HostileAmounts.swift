import Foundation

/// Copies of the sample with absurd amounts written into chosen cells (9e17, 1e-301 …), built on
/// the fly for the regression tests of amount overflow; nothing binary is shipped.
public enum HostileAmounts {
  /// Copies the sample CSV folder to `folder`, then sets, in table `table`, the cells `columns`
  /// (0-based) of the row whose first cell is `rowKey` to `text`.
  public static func sampleCSVFolder(at folder: String, table: Int, row rowKey: String, columns: [Int], text: String)
    throws
  {
    try FileManager.default.copyItem(atPath: Fixtures.sampleCSVFolder, toPath: folder)
    let file = Fixtures.csvFile(table, folder: folder)
    var lines = String(decoding: try Fixtures.bytes(file), as: UTF8.self).components(separatedBy: "\r\n")
    if lines.count == 1 { lines = lines[0].components(separatedBy: "\n") }
    guard
      let index = lines.firstIndex(where: {
        $0.split(separator: ",", omittingEmptySubsequences: false).first.map(String.init) == rowKey
      })
    else {
      throw NSError(
        domain: "HostileAmounts", code: 1, userInfo: [NSLocalizedDescriptionKey: "no row \(rowKey) in table \(table)"])
    }
    precondition(!lines[index].contains("\""), "rows with quoted fields are not edited")
    var fields = lines[index].components(separatedBy: ",")
    for c in columns { fields[c] = text }
    lines[index] = fields.joined(separator: ",")
    try Data(lines.joined(separator: "\r\n").utf8).write(to: URL(fileURLWithPath: file))
  }

  /// The sample's canonical JSON with the first amount of the first table (表1 一般公共预算,
  /// 1038.42) written as the JSON number `text`.
  public static func sampleJSON(firstAmount text: String) throws -> [UInt8] {
    let json = String(decoding: try Fixtures.bytes(Fixtures.fixtureJSON), as: UTF8.self)
    guard let range = json.range(of: "\"amounts\": [1038.42]") else {
      throw NSError(domain: "HostileAmounts", code: 2, userInfo: [NSLocalizedDescriptionKey: "the sample JSON changed"])
    }
    return Array(json.replacingCharacters(in: range, with: "\"amounts\": [\(text)]").utf8)
  }
}
