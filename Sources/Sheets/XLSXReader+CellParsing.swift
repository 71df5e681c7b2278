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

  /// Parses `B7` / `$B$7` from bytes, with overflow-safe bounds against Excel's grid. Every cell
  /// has one, so the letters and the digits each get their own tight loop (`$` may appear anywhere).
  static func reference(_ bytes: UnsafeBufferPointer<UInt8>) -> Reference {
    guard let p = bytes.baseAddress else { return .invalid }
    let n = bytes.count
    var i = 0
    var col = 0
    var letters = 0
    while i < n {
      let b = p[i]
      if b == UInt8(ascii: "$") {
        i += 1
        continue
      }
      // ASCII letters of either case fold onto 0...25; every other byte lands above.
      let letter = (b | 0x20) &- UInt8(ascii: "a")
      guard letter < 26 else { break }
      letters += 1
      if letters <= 4 { col = col &* 26 &+ Int(letter) &+ 1 }
      i += 1
    }
    guard letters > 0 else { return .invalid }
    var row = 0
    var digits = 0
    while i < n {
      let b = p[i]
      i += 1
      if b == UInt8(ascii: "$") { continue }
      // A letter after the digits, or any other byte, is not a reference.
      let digit = b &- UInt8(ascii: "0")
      guard digit < 10 else { return .invalid }
      digits += 1
      if digits <= 8 { row = row &* 10 &+ Int(digit) }
    }
    guard digits > 0, row >= 1 else { return .invalid }
    guard letters <= 3, digits <= 7, col - 1 <= CellAddress.maxColumn, row - 1 <= CellAddress.maxRow else {
      return .outOfGrid
    }
    return .address(CellAddress(row: row - 1, column: col - 1))
  }

  /// Where the exact text of a number lies, trimmed of spaces; nil unless it looks like a decimal number.
  static func numberRange(_ all: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
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
    return lo..<hi
  }
}
