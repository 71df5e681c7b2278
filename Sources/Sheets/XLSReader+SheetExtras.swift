/// What FreeXL 1.0.6 does not expose, read from the checked Workbook stream: each sheet's merged
/// ranges (MERGEDCELLS records) and hidden rows (ROW records with fDyZero), found through the
/// sheet's BOUNDSHEET position.
struct BIFFSheetExtras {
  /// Merged ranges in file order.
  var merges: [CellRange] = []
  /// Rows marked hidden.
  var hiddenRows: Set<Int> = []

  /// Why the extras of a sheet cannot be taken.
  enum Failure: Error {
    case tooManyMerges(sheet: Int)
    case mergeTooLarge(sheet: Int, range: CellRange)
  }

  /// The extras of every BOUNDSHEET, in workbook order; nil when the positions do not lead to
  /// sheet substreams (then FreeXL's sheet list is taken as is, without merges).
  static func read(_ stream: [UInt8], limits: Limits) throws(Failure) -> [BIFFSheetExtras]? {
    var positions: [Int] = []
    var offset = 0
    // The globals substream: from the first BOF to its EOF.
    while offset + 4 <= stream.count {
      let type = Int(le16(stream, offset)!)
      let length = Int(le16(stream, offset + 2)!)
      if type == 0x85, let position = le32(stream, offset + 4), length >= 4 { positions.append(Int(position)) }
      offset += 4 + length
      if type == 0x0A { break }
    }
    // Sheets follow one another: each is read up to the next, so the stream is walked once.
    guard zip(positions, positions.dropFirst()).allSatisfy({ $0 < $1 }) else { return nil }
    var sheets: [BIFFSheetExtras] = []
    for (index, start) in positions.enumerated() {
      guard start + 4 <= stream.count, le16(stream, start) == 0x809 else { return nil }
      let end = index + 1 < positions.count ? positions[index + 1] : stream.count
      var extras = BIFFSheetExtras()
      var at = start
      var depth = 0
      while at + 4 <= end {
        let type = Int(le16(stream, at)!)
        let length = Int(le16(stream, at + 2)!)
        let data = at + 4
        guard data + length <= stream.count else { return nil }
        switch type {
        case 0x809: depth += 1
        case 0x0A: depth -= 1
        case 0xE5 where depth == 1 && length >= 2:
          let count = Int(le16(stream, data)!)
          for i in 0..<min(count, (length - 2) / 8) {
            let ref = data + 2 + 8 * i
            let range = CellRange(
              CellAddress(row: Int(le16(stream, ref)!), column: Int(le16(stream, ref + 4)!)),
              CellAddress(row: Int(le16(stream, ref + 2)!), column: Int(le16(stream, ref + 6)!)))
            guard extras.merges.count < limits.maxMergesPerSheet else { throw .tooManyMerges(sheet: index) }
            guard range.cellCount <= limits.maxMergeArea else { throw .mergeTooLarge(sheet: index, range: range) }
            extras.merges.append(range)
          }
        case 0x208 where depth == 1 && length >= 14:
          if le16(stream, data + 12)! & 0x20 != 0 { extras.hiddenRows.insert(Int(le16(stream, data)!)) }
        default: break
        }
        at = data + length
        if depth == 0 { break }
      }
      sheets.append(extras)
    }
    return sheets
  }
}
