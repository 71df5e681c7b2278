/// Byte-level parsing of cell references and number texts, without Foundation or allocation.
enum CellParsing {
  /// The outcome of parsing a cell reference.
  enum Reference {
    case address(CellAddress)
    /// Letters then digits, but past column XFD or row 1,048,576.
    case outOfGrid
    /// Not of the form `A1`.
    case invalid
  }

  /// Parses `B7` / `$B$7` from bytes, with overflow-safe bounds against Excel's grid.
  static func reference(_ bytes: UnsafeBufferPointer<UInt8>) -> Reference {
    var col = 0
    var row = 0
    var letters = 0
    var digits = 0
    var i = 0
    while i < bytes.count {
      let b = bytes[i]
      i += 1
      switch b {
      case UInt8(ascii: "$"):
        continue
      case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
        guard digits == 0 else { return .invalid }
        letters += 1
        if letters <= 4 { col = col * 26 + Int((b | 0x20) - UInt8(ascii: "a")) + 1 }
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        guard letters > 0 else { return .invalid }
        digits += 1
        if digits <= 8 { row = row * 10 + Int(b - UInt8(ascii: "0")) }
      default:
        return .invalid
      }
    }
    guard letters > 0, digits > 0, row >= 1 else { return .invalid }
    guard letters <= 3, digits <= 7, col - 1 <= CellAddress.maxColumn, row - 1 <= CellAddress.maxRow else {
      return .outOfGrid
    }
    return .address(CellAddress(row: row - 1, column: col - 1))
  }

  /// The exact text of a number, trimmed of spaces; nil unless it looks like a decimal number.
  static func numberText(_ all: UnsafeBufferPointer<UInt8>) -> String? {
    guard let p = all.baseAddress else { return nil }
    var lo = 0
    var hi = all.count
    while lo < hi, p[lo] == 0x20 { lo += 1 }
    while hi > lo, p[hi - 1] == 0x20 { hi -= 1 }
    var digits = 0
    var i = lo
    while i < hi {
      let b = p[i]
      if b &- UInt8(ascii: "0") < 10 {
        digits += 1
      } else if b != UInt8(ascii: "."), b != UInt8(ascii: "-"), b != UInt8(ascii: "+"), b | 0x20 != UInt8(ascii: "e") {
        return nil
      }
      i += 1
    }
    guard digits > 0 else { return nil }
    return String(decoding: UnsafeBufferPointer(start: p + lo, count: hi - lo), as: UTF8.self)
  }
}
