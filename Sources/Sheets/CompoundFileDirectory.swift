/// The stream names of an OLE2 compound file ([MS-CFB]), read from its first bytes: the header,
/// the first allocation-table sectors it lists, and the directory chain, as far as they lie
/// within the bytes given. Bounds and chain length are checked at every step (the bytes may be
/// hostile); what cannot be reached is left out.
struct CompoundFileDirectory {
  /// Names of the directory's storages and streams, in directory order.
  let names: [String]

  private static let signature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
  private static let endOfChain: UInt32 = 0xFFFF_FFFE
  /// Longest directory chain followed (a real workbook's directory has a few sectors).
  private static let maxDirectorySectors = 1024

  /// Nil when `bytes` do not start with a compound-file header.
  init?(bytes: [UInt8]) {
    guard bytes.count >= 512, bytes.starts(with: Self.signature), let shift = le16(bytes, 0x1E),
      shift == 9 || shift == 12,
      var sector = le32(bytes, 0x30)
    else { return nil }
    let sectorSize = 1 << Int(shift)
    let offset = { (s: UInt32) -> Int in (Int(s) + 1) << Int(shift) }
    /// The next sector of a chain, from the allocation-table sectors listed in the header.
    let next = { (s: UInt32) -> UInt32? in
      let perSector = sectorSize / 4
      let fatIndex = Int(s) / perSector
      guard fatIndex < 109, let fatSector = le32(bytes, 0x4C + 4 * fatIndex), fatSector < 0xFFFF_FFFA else {
        return nil
      }
      return le32(bytes, offset(fatSector) + 4 * (Int(s) % perSector))
    }
    var names: [String] = []
    var visited: Set<UInt32> = []
    // A chain that comes back to a sector is damaged: each sector is read once.
    while sector != Self.endOfChain, sector < 0xFFFF_FFFA, visited.count < Self.maxDirectorySectors,
      visited.insert(sector).inserted
    {
      let start = offset(sector)
      guard start + sectorSize <= bytes.count else { break }
      for entry in stride(from: start, to: start + sectorSize, by: 128) {
        guard let length = le16(bytes, entry + 64), bytes[entry + 66] != 0, length >= 2, length <= 64 else { continue }
        let units = (0..<(Int(length) / 2 - 1)).compactMap { le16(bytes, entry + 2 * $0) }
        names.append(String(decoding: units, as: UTF16.self))
      }
      guard let following = next(sector) else { break }
      sector = following
    }
    self.names = names
  }
}
