/// The Workbook (BIFF8) or Book (BIFF5) stream of an OLE2 compound file ([MS-CFB]), extracted
/// with every sector number, chain and size checked: FreeXL 1.0.6 reads past its buffers on
/// containers and records that lie about their sizes, so `XLSReader` checks them first.
struct CompoundFileStream {
  /// The stream's bytes.
  let bytes: [UInt8]
  /// Whether the stream is the BIFF5 `Book` (else the BIFF8 `Workbook`).
  let isBIFF5: Bool

  private static let free: UInt32 = 0xFFFF_FFFF
  private static let endOfChain: UInt32 = 0xFFFF_FFFE

  /// Why the container cannot be trusted.
  struct Damage: Error {
    let detail: String
  }

  init(file: [UInt8]) throws(Damage) {
    guard file.count >= 512, file.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) else {
      throw Damage(detail: "no compound-file header")
    }
    guard let shift = le16(file, 0x1E), shift == 9 || shift == 12, let miniShift = le16(file, 0x20), miniShift == 6,
      let fatCount = le32(file, 0x2C), let directoryStart = le32(file, 0x30), let miniCutoff = le32(file, 0x38),
      let miniFATStart = le32(file, 0x3C), let difatStart = le32(file, 0x44), let difatCount = le32(file, 0x48)
    else { throw Damage(detail: "invalid header") }
    let sectorSize = 1 << Int(shift)
    let sectorCount = (file.count - sectorSize + sectorSize - 1) / sectorSize  // sectors after the header
    guard Int(fatCount) <= sectorCount, Int(difatCount) <= sectorCount else {
      throw Damage(detail: "invalid allocation-table count")
    }

    func sector(_ s: UInt32) throws(Damage) -> ArraySlice<UInt8> {
      let start = (Int(s) + 1) << Int(shift)
      guard Int(s) < sectorCount, start < file.count else { throw Damage(detail: "sector \(s) lies beyond the file") }
      return file[start..<min(start + sectorSize, file.count)]
    }
    func words(_ slice: ArraySlice<UInt8>) -> [UInt32] {
      var out: [UInt32] = []
      var i = slice.startIndex
      while i + 4 <= slice.endIndex {
        let b0 = UInt32(slice[i])
        let b1 = UInt32(slice[i + 1]) << 8
        let b2 = UInt32(slice[i + 2]) << 16
        let b3 = UInt32(slice[i + 3]) << 24
        out.append(b0 | b1 | b2 | b3)
        i += 4
      }
      return out
    }
    // The allocation table: its sectors are listed in the header (109) and the DIFAT chain.
    var fatSectors = (0..<109).compactMap { le32(file, 0x4C + 4 * $0) }.filter { $0 != Self.free }
    var difat = difatStart
    var difatSeen = 0
    while difat != Self.endOfChain && difat != Self.free {
      difatSeen += 1
      guard difatSeen <= Int(difatCount) + 1 else { throw Damage(detail: "the DIFAT chain loops") }
      let entries = words(try sector(difat))
      fatSectors += entries.dropLast().filter { $0 != Self.free }
      difat = entries.last ?? Self.endOfChain
    }
    guard fatSectors.count <= Int(fatCount) + 1 else {
      throw Damage(detail: "more allocation-table sectors than declared")
    }
    var fat: [UInt32] = []
    for s in fatSectors { fat += words(try sector(s)) }

    /// The sectors of a chain, each visited once.
    func chain(_ start: UInt32, in table: [UInt32], limit: Int) throws(Damage) -> [UInt32] {
      var out: [UInt32] = []
      var seen = [Bool](repeating: false, count: table.count)
      var s = start
      while s != Self.endOfChain {
        guard Int(s) < table.count, !seen[Int(s)], out.count < limit else {
          throw Damage(detail: "a sector chain is broken or loops")
        }
        seen[Int(s)] = true
        out.append(s)
        s = table[Int(s)]
      }
      return out
    }
    func read(_ start: UInt32, size: Int) throws(Damage) -> [UInt8] {
      var out: [UInt8] = []
      out.reserveCapacity(size)
      for s in try chain(start, in: fat, limit: sectorCount) {
        out += try sector(s)
        if out.count >= size { break }
      }
      guard out.count >= size else { throw Damage(detail: "a stream is shorter than its declared size") }
      return Array(out.prefix(size))
    }

    // The directory: 128-byte entries; the root (entry 0) holds the mini stream.
    var directory: [UInt8] = []
    for s in try chain(directoryStart, in: fat, limit: sectorCount) { directory += try sector(s) }
    var root: (start: UInt32, size: Int)?
    var workbook: (start: UInt32, size: Int, biff5: Bool)?
    for entry in stride(from: 0, to: directory.count - 127, by: 128) {
      guard let length = le16(directory, entry + 64), length >= 2, length <= 64,
        let start = le32(directory, entry + 116),
        let size = le32(directory, entry + 120)
      else { continue }
      let type = directory[entry + 66]
      let name = String(
        decoding: (0..<(Int(length) / 2 - 1)).compactMap { le16(directory, entry + 2 * $0) }, as: UTF16.self)
      if type == 5, root == nil { root = (start, Int(size)) }
      if type == 2, workbook == nil || (workbook?.biff5 == true && name == "Workbook"),
        name == "Workbook" || name == "Book"
      {
        workbook = (start, Int(size), name == "Book")
      }
    }
    guard let workbook else { throw Damage(detail: "no Workbook stream") }
    guard workbook.size <= file.count else {
      throw Damage(detail: "the Workbook stream declares more bytes than the file has")
    }
    isBIFF5 = workbook.biff5
    if workbook.size >= Int(miniCutoff) {
      bytes = try read(workbook.start, size: workbook.size)
      return
    }
    // A small stream lives in the mini stream, in 64-byte sectors listed by the mini table.
    guard let root, root.size <= file.count else { throw Damage(detail: "no mini stream") }
    let mini = try read(root.start, size: root.size)
    var miniFAT: [UInt32] = []
    for s in try chain(miniFATStart, in: fat, limit: sectorCount) { miniFAT += words(try sector(s)) }
    var out: [UInt8] = []
    for s in try chain(workbook.start, in: miniFAT, limit: mini.count / 64 + 1) {
      let start = Int(s) << 6
      guard start + 64 <= mini.count else { throw Damage(detail: "mini sector \(s) lies beyond the mini stream") }
      out += mini[start..<(start + 64)]
      if out.count >= workbook.size { break }
    }
    guard out.count >= workbook.size else {
      throw Damage(detail: "the Workbook stream is shorter than its declared size")
    }
    bytes = Array(out.prefix(workbook.size))
  }
}
