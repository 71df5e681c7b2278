/// The value of one cell as the file stores it. Numbers keep their exact text so that
/// amounts can be parsed as exact decimals later (never through `Double`).
public enum CellValue: Hashable, Sendable {
  /// A string (shared, inline, rich text flattened, or a CSV field).
  case text(String)
  /// A number, as the exact text of the file (`1331.42`, `-3E-2`).
  case number(String)
  /// A boolean.
  case bool(Bool)
  /// An error value such as `#DIV/0!`.
  case error(String)

  /// The text a person would see, without number formatting: numbers as stored, booleans as TRUE/FALSE.
  public var text: String {
    switch self {
    case .text(let s), .number(let s), .error(let s): return s
    case .bool(let b): return b ? "TRUE" : "FALSE"
    }
  }

  /// Whether the value is an empty string (a cell that holds nothing visible).
  public var isBlank: Bool {
    if case .text(let s) = self { return s.isEmpty }
    return false
  }
}
