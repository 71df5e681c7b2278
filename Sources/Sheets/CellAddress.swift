/// A cell position, zero-based, within Excel's grid (1,048,576 rows × 16,384 columns).
public struct CellAddress: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// Zero-based row index.
  public var row: Int
  /// Zero-based column index.
  public var column: Int

  /// The largest row index Excel allows (row 1,048,576).
  public static let maxRow = 1_048_575
  /// The largest column index Excel allows (column XFD).
  public static let maxColumn = 16_383

  /// Creates an address from zero-based indices.
  public init(row: Int, column: Int) {
    self.row = row
    self.column = column
  }

  /// Parses an A1 reference such as `C7` or `$XFD$1048576`; nil when malformed or beyond the grid.
  public init?(a1: some StringProtocol) {
    var column = 0
    var row = 0
    var letters = 0
    var digits = 0
    for byte in a1.utf8 where byte != UInt8(ascii: "$") {
      switch byte {
      case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
        guard digits == 0, letters < 3 else { return nil }
        column = column * 26 + Int((byte | 0x20) - UInt8(ascii: "a")) + 1
        letters += 1
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        guard letters > 0, digits < 7 else { return nil }
        row = row * 10 + Int(byte - UInt8(ascii: "0"))
        digits += 1
      default:
        return nil
      }
    }
    guard letters > 0, digits > 0, row >= 1, row - 1 <= Self.maxRow, column - 1 <= Self.maxColumn else {
      return nil
    }
    self.init(row: row - 1, column: column - 1)
  }

  /// The column letters of a zero-based column index: 0 → `A`, 27 → `AB`.
  public static func columnLetters(_ column: Int) -> String {
    // A few letters (XFD is the last column); written right to left into one small buffer.
    guard column >= 0 else { return "" }
    var n = column + 1
    var count = 0
    while n > 0 {
      count += 1
      n = (n - 1) / 26
    }
    n = column + 1
    return String(unsafeUninitializedCapacity: count) { buffer in
      for i in stride(from: count - 1, through: 0, by: -1) {
        buffer[i] = UInt8(ascii: "A") + UInt8((n - 1) % 26)
        n = (n - 1) / 26
      }
      return count
    }
  }

  /// The A1 form, e.g. `C7`.
  public var a1: String { Self.columnLetters(column) + String(row + 1) }

  public var description: String { a1 }

  public static func < (lhs: CellAddress, rhs: CellAddress) -> Bool {
    (lhs.row, lhs.column) < (rhs.row, rhs.column)
  }
}

/// A rectangular block of cells, such as a merged range `A1:F1`.
public struct CellRange: Hashable, Sendable, CustomStringConvertible {
  /// The top-left cell.
  public var first: CellAddress
  /// The bottom-right cell.
  public var last: CellAddress

  /// Creates a range from two corners in any order.
  public init(_ a: CellAddress, _ b: CellAddress) {
    first = CellAddress(row: min(a.row, b.row), column: min(a.column, b.column))
    last = CellAddress(row: max(a.row, b.row), column: max(a.column, b.column))
  }

  /// Creates a range from zero-based bounds (inclusive).
  public init(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) {
    self.init(CellAddress(row: firstRow, column: firstColumn), CellAddress(row: lastRow, column: lastColumn))
  }

  /// Parses `A1:C3` (or a single `A1`); nil when malformed or beyond the grid.
  public init?(a1: some StringProtocol) {
    let parts = a1.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 1 || parts.count == 2,
      let a = CellAddress(a1: parts[0]),
      let b = CellAddress(a1: parts[parts.count - 1])
    else { return nil }
    self.init(a, b)
  }

  /// Whether the range covers the cell.
  public func contains(_ address: CellAddress) -> Bool {
    (first.row...last.row).contains(address.row) && (first.column...last.column).contains(address.column)
  }

  /// Whether the two ranges share at least one cell.
  public func overlaps(_ other: CellRange) -> Bool {
    first.row <= other.last.row && other.first.row <= last.row
      && first.column <= other.last.column && other.first.column <= last.column
  }

  /// Number of rows spanned.
  public var rowCount: Int { last.row - first.row + 1 }
  /// Number of columns spanned.
  public var columnCount: Int { last.column - first.column + 1 }
  /// Number of cells covered.
  public var cellCount: Int { rowCount * columnCount }

  /// The A1 form, e.g. `A1:F1`.
  public var a1: String { first == last ? first.a1 : "\(first.a1):\(last.a1)" }

  public var description: String { a1 }
}
