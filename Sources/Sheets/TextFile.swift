/// A plain text file (a published 情况说明, for example) read as CSV files are: UTF-8 with or
/// without a byte-order mark, else GB18030 (GBK is a subset of it), unless an encoding is forced.
public enum TextFile {
  /// The text of a file and the encoding it was in. Errors are `CSVError`s naming the file (by
  /// its last path component) and, for bad bytes, the line.
  public static func read(path: String, encoding: TextEncoding? = nil, limits: Limits = .default) throws(CSVError)
    -> (text: String, encoding: TextEncoding)
  {
    let name = CSVReader.fileName(of: path)
    let bytes = try CSVReader.readFile(path, name: name, limit: limits.maxFileBytes)
    let decoded = try TextEncoding.decode(bytes, override: encoding, file: name)
    return (String(decoding: decoded.bytes[decoded.start...], as: UTF8.self), decoded.encoding)
  }
}
