/// A fresh compound file ([MS-CFB] version 4, 4,096-byte sectors) that holds only the checked
/// Workbook stream, laid out in consecutive sectors: what FreeXL is given to parse, so that it
/// never meets the original file's directory, allocation tables or other streams (FreeXL 1.0.6
/// reads past its buffers on some of those; found by fuzzing).
enum CleanContainer {
  private static let sectorSize = 4096
  private static let free: UInt32 = 0xFFFF_FFFF
  private static let endOfChain: UInt32 = 0xFFFF_FFFE
  private static let fatSector: UInt32 = 0xFFFF_FFFD
  /// The largest stream the header's 109 allocation-table sectors can map (about 435 MiB).
  static let maxStreamBytes = (109 * 1024 - 110) * 4096

  /// The container around `stream`, named `Workbook` (BIFF8) or `Book` (BIFF5). The stream is
  /// padded with zero bytes to at least 4,096 bytes, so that it lives in ordinary sectors rather
  /// than the mini stream; zero bytes read as empty records of type 0, which FreeXL skips.
  static func bytes(holding stream: [UInt8], biff5: Bool) -> [UInt8] {
    let streamSectors = max(1, (stream.count + sectorSize - 1) / sectorSize)
    let perFATSector = sectorSize / 4
    var fatSectors = 1
    while fatSectors * perFATSector < fatSectors + 1 + streamSectors { fatSectors += 1 }
    precondition(fatSectors <= 109, "the header lists up to 109 allocation-table sectors: see maxStreamBytes")
    let directory = UInt32(fatSectors)
    let first = directory + 1

    var out = [UInt8]()
    out.reserveCapacity((fatSectors + 2 + streamSectors) * sectorSize)
    func put16(_ v: UInt16) { out += [UInt8(v & 0xFF), UInt8(v >> 8)] }
    func put32(_ v: UInt32) { for i in 0..<4 { out.append(UInt8(v >> (8 * UInt32(i)) & 0xFF)) } }
    func pad(to size: Int) { out += [UInt8](repeating: 0, count: size - out.count) }

    // Header, in a sector of its own.
    out += [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 16)
    put16(0x3E)
    put16(4)
    put16(0xFFFE)
    put16(12)
    put16(6)
    out += [UInt8](repeating: 0, count: 6)
    put32(1)  // directory sectors (version 4 counts them)
    put32(UInt32(fatSectors))
    put32(directory)
    put32(0)
    put32(4096)
    put32(endOfChain)
    put32(0)
    put32(endOfChain)
    put32(0)
    for i in 0..<109 { put32(i < fatSectors ? UInt32(i) : free) }
    pad(to: sectorSize)

    // Allocation table: its own sectors, the directory, then the stream's chain.
    var fat = [UInt32](repeating: free, count: fatSectors * perFATSector)
    for i in 0..<fatSectors { fat[i] = fatSector }
    fat[Int(directory)] = endOfChain
    for i in 0..<streamSectors { fat[Int(first) + i] = i + 1 < streamSectors ? first + UInt32(i) + 1 : endOfChain }
    for entry in fat { put32(entry) }

    // Directory: the root and the one stream.
    func entry(_ name: String, type: UInt8, child: UInt32, start: UInt32, size: Int) {
      let begin = out.count
      let units = Array(name.utf16)
      for unit in units { put16(unit) }
      out += [UInt8](repeating: 0, count: 64 - 2 * units.count)
      put16(UInt16(2 * (units.count + 1)))
      out += [type, 1]
      put32(free)
      put32(free)
      put32(child)
      out += [UInt8](repeating: 0, count: 16 + 4 + 16)
      put32(start)
      put32(UInt32(size))
      put32(0)
      precondition(out.count - begin == 128)
    }
    let size = streamSectors * sectorSize
    entry("Root Entry", type: 5, child: 1, start: endOfChain, size: 0)
    entry(biff5 ? "Book" : "Workbook", type: 2, child: free, start: first, size: size)
    pad(to: (fatSectors + 2) * sectorSize)

    out += stream
    pad(to: (fatSectors + 2 + streamSectors) * sectorSize)
    return out
  }
}
