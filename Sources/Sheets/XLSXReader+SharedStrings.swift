/// Reads `xl/sharedStrings.xml`: one String per `<si>`, rich-text runs concatenated,
/// phonetic runs (`<rPh>`) ignored. `uniqueCount` is only a bounded capacity hint.
final class SharedStringsHandler: XMLEventHandler {
  private let file: String
  private let part: String
  private let limits: Limits
  var strings: [String] = []
  private var inItem = false
  private var capturing = false
  private var phoneticDepth = 0
  private var bytes: [UInt8] = []

  init(file: String, part: String, limits: Limits) {
    self.file = file
    self.part = part
    self.limits = limits
    bytes.reserveCapacity(256)
  }

  override func startElement(_ name: XMLName, _ attributes: XMLAttributes) throws(XLSXReadError) {
    guard name.namespace == .spreadsheet else { return }
    let l = name.local
    if l[0] == UInt8(ascii: "t"), l[1] == 0 {
      capturing = inItem && phoneticDepth == 0
    } else if cEquals(l, "si") {
      inItem = true
      bytes.removeAll(keepingCapacity: true)
    } else if cEquals(l, "rPh") {
      phoneticDepth += 1
    } else if cEquals(l, "sst") {
      // A lying uniqueCount (2147483647) must not allocate: it only hints, capped.
      if let hint = attributes.value(of: "uniqueCount").flatMap(parseDecimal) {
        strings.reserveCapacity(min(hint, 1 << 16, limits.maxSharedStrings))
      }
    }
  }

  override func endElement(_ name: XMLName) throws(XLSXReadError) {
    guard name.namespace == .spreadsheet else { return }
    let l = name.local
    if l[0] == UInt8(ascii: "t"), l[1] == 0 {
      capturing = false
    } else if cEquals(l, "si") {
      inItem = false
      guard strings.count < limits.maxSharedStrings else {
        throw .tooManySharedStrings(file: file, limit: limits.maxSharedStrings)
      }
      if bytes.count > limits.maxCellTextLength, scalarCount(bytes) > limits.maxCellTextLength {
        throw .textTooLong(file: file, sheet: part, cell: nil, limit: limits.maxCellTextLength)
      }
      // `_xHHHH_` stands for a character XML cannot carry (OOXML ST_Xstring).
      let decoded = bytes.withUnsafeBufferPointer { OOXMLText.decoded($0) }
      strings.append(String(decoding: decoded ?? bytes, as: UTF8.self))
    } else if cEquals(l, "rPh") {
      phoneticDepth -= 1
    }
  }

  override func characters(_ text: UnsafeBufferPointer<UInt8>) throws(XLSXReadError) {
    guard capturing else { return }
    bytes.append(contentsOf: text)
    // A scalar takes at most 4 bytes: past that the text is surely too long; stop early.
    if bytes.count > limits.maxCellTextLength &* 4 {
      throw .textTooLong(file: file, sheet: part, cell: nil, limit: limits.maxCellTextLength)
    }
  }
}

/// Number of Unicode scalars in UTF-8 bytes (bytes that are not continuation bytes).
func scalarCount<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Int {
  var n = 0
  for b in bytes where b & 0xC0 != 0x80 { n += 1 }
  return n
}

/// Parses a non-negative decimal integer (ASCII digits, optional surrounding spaces); nil on
/// anything else or on overflow.
func parseDecimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
  var value = 0
  var digits = 0
  for b in bytes {
    if b == 0x20 { continue }
    let digit = b &- 0x30
    guard digit < 10 else { return nil }
    if digits < 18 {
      value = value &* 10 &+ Int(digit)  // below 10^18: cannot overflow
    } else {
      let (m, o1) = value.multipliedReportingOverflow(by: 10)
      let (s, o2) = m.addingReportingOverflow(Int(digit))
      guard !o1, !o2 else { return nil }
      value = s
    }
    digits += 1
  }
  return digits > 0 ? value : nil
}
