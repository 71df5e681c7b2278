/// Checks the record structure of a BIFF5/BIFF8 workbook stream before FreeXL parses it: every
/// record lies within the stream, the records FreeXL reads have the length their fields need,
/// and every string's declared length fits its record (with CONTINUE records for the shared
/// strings), and each sheet has at most one DIMENSION record. FreeXL 1.0.6 trusts these lengths
/// and reads past its buffers when they lie.
struct BIFFRecordCheck {
  /// What is wrong, and where (the byte offset of the record in the Workbook stream).
  struct Damage: Error {
    let detail: String
    /// The stream holds a FILEPASS record: what follows it is encrypted.
    var encrypted = false
  }

  /// BIFF8's largest record payload.
  private static let maxRecordLength = 8224

  static func check(_ stream: [UInt8], biff5: Bool) throws(Damage) {
    guard stream.count >= 4, le16(stream, 0) == 0x809 else {
      throw Damage(detail: "the Workbook stream does not start with a BOF record")
    }
    var offset = 0
    var sharedStrings: [(offset: Int, payload: ArraySlice<UInt8>)] = []
    var inSharedStrings = false
    var dimensionsInSheet = 0
    while offset + 4 <= stream.count {
      let type = Int(le16(stream, offset)!)
      let length = Int(le16(stream, offset + 2)!)
      let start = offset + 4
      let at = "record 0x\(String(type, radix: 16, uppercase: true)) at offset \(offset)"
      guard length <= Self.maxRecordLength else {
        throw Damage(detail: "\(at) is \(length) bytes long, more than BIFF allows")
      }
      guard start + length <= stream.count else { throw Damage(detail: "\(at) runs past the end of the stream") }
      let data = stream[start..<(start + length)]
      if type == 0x2F { throw Damage(detail: "\(at): the workbook is encrypted", encrypted: true) }
      // A second DIMENSION makes FreeXL take the new size before it allocates the cells; when that
      // allocation is refused, it frees the sheet by the new size over the old cells, reading
      // past them and freeing whatever pointers it finds there (found by fuzzing: a bad free).
      if type == 0x809 { dimensionsInSheet = 0 }
      if type == 0x200 {
        dimensionsInSheet += 1
        guard dimensionsInSheet == 1 else { throw Damage(detail: "\(at) is a second DIMENSION record in one sheet") }
      }
      if type == 0x3C && inSharedStrings {
        sharedStrings.append((offset, data))
      } else {
        if inSharedStrings { try checkSharedStrings(sharedStrings) }
        inSharedStrings = type == 0xFC && !biff5
        sharedStrings = inSharedStrings ? [(offset, data)] : []
        try checkRecord(type: type, data: data, biff5: biff5, streamSize: stream.count, at: at)
      }
      offset = start + length
    }
    if inSharedStrings { try checkSharedStrings(sharedStrings) }
  }

  /// Fixed fields and strings of the records FreeXL interprets.
  private static func checkRecord(type: Int, data: ArraySlice<UInt8>, biff5: Bool, streamSize: Int, at: String)
    throws(Damage)
  {
    let bytes = Array(data)
    func need(_ n: Int) throws(Damage) {
      guard bytes.count >= n else { throw Damage(detail: "\(at) is \(bytes.count) bytes long; it needs \(n)") }
    }
    /// A string of `cch` characters starting at `from` (8-bit in BIFF5; BIFF8 has a flags byte first).
    func string(countAt: Int, countBytes: Int, from: Int? = nil) throws(Damage) {
      try need(countAt + countBytes)
      let cch = countBytes == 1 ? Int(bytes[countAt]) : Int(le16(bytes, countAt)!)
      var end = countAt + countBytes
      if !biff5 {
        try need(end + 1)
        let flags = bytes[end]
        end += 1
        if flags & 0x08 != 0 { end += 2 }  // rich-text run count
        if flags & 0x04 != 0 { end += 4 }  // extended-data size
        end += cch * (flags & 0x01 != 0 ? 2 : 1)
      } else {
        end += cch
      }
      guard end <= bytes.count else {
        throw Damage(detail: "\(at) holds a string of \(cch) characters that runs past the record")
      }
    }
    switch type {
    case 0x85:  // BOUNDSHEET: the sheet's BOF position, and its name
      try need(6)
      guard Int(le32(bytes, 0)!) < streamSize else { throw Damage(detail: "\(at) points at a sheet beyond the stream") }
      try string(countAt: 6, countBytes: 1)
    case 0x204, 0xD6:  // LABEL, RSTRING
      try string(countAt: 6, countBytes: 2)
    case 0x207:  // STRING, a formula's text result
      try string(countAt: 0, countBytes: 2)
    case 0x41E:  // FORMAT
      if biff5 { try string(countAt: 2, countBytes: 1) } else { try string(countAt: 2, countBytes: 2) }
    case 0x203: try need(14)  // NUMBER
    case 0x27E: try need(10)  // RK
    case 0xFD: try need(10)  // LABELSST
    case 0x205: try need(8)  // BOOLERR
    case 0x06: try need(20)  // FORMULA
    case 0x200: try need(biff5 ? 10 : 14)  // DIMENSION
    case 0x809: try need(4)  // BOF
    case 0xE0: try need(biff5 ? 16 : 20)  // XF
    case 0xBD, 0xBE:  // MULRK, MULBLANK: a first and a last column, and one entry per column between
      try need(6)
      let first = Int(le16(bytes, 2)!)
      let last = Int(le16(bytes, bytes.count - 2)!)
      let entry = type == 0xBD ? 6 : 2
      guard last >= first, 6 + (last - first + 1) * entry == bytes.count else {
        throw Damage(detail: "\(at) lists columns \(first)–\(last) in \(bytes.count) bytes")
      }
    default: break
    }
  }

  /// The shared-strings table (SST and its CONTINUE records): every string fits, even where it
  /// continues into the next record (which then starts with a new flags byte).
  private static func checkSharedStrings(_ records: [(offset: Int, payload: ArraySlice<UInt8>)]) throws(Damage) {
    let at = "the shared-strings table at offset \(records[0].offset)"
    var record = 0
    var position = records[0].payload.startIndex
    func remaining() -> Int { records[record].payload.endIndex - position }
    /// Moves to the next CONTINUE record when the current one is used up.
    func advance() throws(Damage) {
      while remaining() == 0 {
        record += 1
        guard record < records.count else { throw Damage(detail: "\(at) ends inside a string") }
        position = records[record].payload.startIndex
      }
    }
    func skip(_ n: Int) throws(Damage) {
      var left = n
      while left > 0 {
        try advance()
        let step = min(left, remaining())
        position += step
        left -= step
      }
    }
    func byte() throws(Damage) -> UInt8 {
      try advance()
      defer { position += 1 }
      return records[record].payload[position]
    }
    func word16() throws(Damage) -> Int {
      let low = Int(try byte())
      return low | Int(try byte()) << 8
    }
    func word32() throws(Damage) -> Int {
      let low = try word16()
      return low | (try word16()) << 16
    }
    guard records[0].payload.count >= 8 else { throw Damage(detail: "\(at) is shorter than its header") }
    position += 4
    let unique = try word32()
    for _ in 0..<unique {
      // Fewer strings than declared: FreeXL says so itself.
      if record == records.count - 1 && remaining() == 0 { break }
      var cch = try word16()
      var flags = try byte()
      let runs = flags & 0x08 != 0 ? try word16() : 0
      let extended = flags & 0x04 != 0 ? try word32() : 0
      // Characters may continue into the next record, which then starts with its own flags byte.
      while cch > 0 {
        if remaining() == 0 {
          record += 1
          guard record < records.count, !records[record].payload.isEmpty else {
            throw Damage(detail: "\(at) ends inside a string")
          }
          position = records[record].payload.startIndex
          flags = records[record].payload[position]
          position += 1
          continue
        }
        let width = flags & 0x01 != 0 ? 2 : 1
        let take = min(cch, remaining() / width)
        position += take * width
        cch -= take
        if take == 0 { position = records[record].payload.endIndex }  // half a character: skipped, as FreeXL does
      }
      try skip(4 * runs + extended)
    }
  }
}
