/// The text encodings Yusuan reads and writes for CSV files.
public enum TextEncoding: String, CaseIterable, Sendable {
  /// UTF-8 without a byte-order mark.
  case utf8 = "utf-8"
  /// UTF-8 starting with the byte-order mark `EF BB BF` (what Excel needs to open Chinese CSV correctly).
  case utf8BOM = "utf-8-bom"
  /// GB18030, the superset of GBK/GB2312/CP936 that covers all of Unicode.
  case gb18030

  /// The UTF-8 byte-order mark.
  public static let utf8ByteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

  /// Parses a user's spelling (`utf8`, `UTF-8-SIG`, `gbk`, `cp936`, …); nil when unknown.
  ///
  /// GBK, GB2312 and CP936 all map to GB18030 because GB18030 decodes every one of them
  /// and real "GBK" files often contain characters only GB18030 defines.
  public init?(spelling: String) {
    let key = String(
      spelling.lowercased().unicodeScalars.filter { $0 != "-" && $0 != "_" && $0 != " " })
    switch key {
    case "utf8", "utf8nobom": self = .utf8
    case "utf8bom", "utf8sig", "utf8withbom": self = .utf8BOM
    case "gb18030", "gbk", "gb2312", "cp936", "ms936", "windows936", "euccn", "gb": self = .gb18030
    default: return nil
    }
  }

  /// Whether the encoding is one of the two UTF-8 forms.
  public var isUTF8: Bool { self != .gb18030 }
}
