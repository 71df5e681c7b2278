/// The signature checks behind `FileFormat.init(head:tail:)`.
struct FormatSniffer {
  let head: [UInt8]
  /// The file's end; the head itself when the whole file fits in it.
  let tail: [UInt8]

  init(head: [UInt8], tail: [UInt8]) {
    self.head = head
    self.tail = tail.isEmpty ? head : tail
  }

  var format: FileFormat {
    if head.isEmpty { return .empty }
    if starts(with: [0x50, 0x4B, 0x03, 0x04]) || starts(with: [0x50, 0x4B, 0x05, 0x06]) { return zipFormat }
    if starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return compoundFormat }
    if let image { return .image(image) }
    if starts(with: Array("%PDF-".utf8)) || isPDFAfterJunk { return .pdf }
    if starts(with: Array("Rar!\u{1A}\u{07}".utf8)) { return .archive(.rar) }
    if starts(with: [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]) { return .archive(.sevenZip) }
    if starts(with: [0x1F, 0x8B, 0x08]) { return .archive(.gzip) }
    // Text: canonical JSON is an object; a BOM and leading white space are allowed.
    var i = starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    while i < head.count, [0x20, 0x09, 0x0A, 0x0D].contains(head[i]) { i += 1 }
    if i < head.count, head[i] == UInt8(ascii: "{") { return .json }
    return .text
  }

  private func starts(with signature: [UInt8]) -> Bool { head.starts(with: signature) }

  /// PDF readers accept `%PDF-` anywhere in the first 1024 bytes; some exporters put junk before it.
  private var isPDFAfterJunk: Bool {
    let window = head.prefix(1024)
    let magic = Array("%PDF-".utf8)
    guard window.count >= magic.count else { return false }
    return (0...(window.count - magic.count)).contains { i in window[i..<(i + magic.count)].elementsEqual(magic) }
  }

  private var image: FileFormat.ImageKind? {
    if starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
    if starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
    if starts(with: Array("GIF87a".utf8)) || starts(with: Array("GIF89a".utf8)) { return .gif }
    if starts(with: [0x49, 0x49, 0x2A, 0x00]) || starts(with: [0x4D, 0x4D, 0x00, 0x2A]) { return .tiff }
    if starts(with: Array("RIFF".utf8)), head.count >= 12, head[8..<12].elementsEqual("WEBP".utf8) { return .webp }
    // "BM" alone could begin a CSV line: also require a known DIB header size and zero reserved bytes.
    if starts(with: Array("BM".utf8)), head.count >= 18, head[6..<10].allSatisfy({ $0 == 0 }),
      [12, 40, 52, 56, 64, 108, 124].contains(Int(le32(head, 14) ?? 0))
    {
      return .bmp
    }
    return nil
  }

  // MARK: Zip

  /// An OpenDocument zip starts with an uncompressed `mimetype` entry; OOXML zips hold `xl/`,
  /// `word/` or `ppt/` parts, listed in the central directory at the end (and in the local
  /// headers at the start, which is what a truncated file still has).
  private var zipFormat: FileFormat {
    if let mimetype = openDocumentMimetype {
      return mimetype.hasPrefix("application/vnd.oasis.opendocument.spreadsheet") ? .ods : .document(.openDocument)
    }
    let names = centralDirectoryNames(tail) + localHeaderNames
    if names.isEmpty { return .xlsx }  // unreadable as a zip: the xlsx reader says how it is damaged
    let lowered = names.map { $0.lowercased() }
    if lowered.contains("xl/workbook.bin") { return .document(.xlsb) }
    if lowered.contains(where: { $0.hasPrefix("xl/") }) { return .xlsx }
    if lowered.contains(where: { $0.hasPrefix("word/") }) { return .document(.wordOpenXML) }
    if lowered.contains(where: { $0.hasPrefix("ppt/") }) { return .document(.powerPoint) }
    if lowered.contains("[content_types].xml") && names.count <= 2 { return .xlsx }  // cut short after its first part
    return .archive(.zip)
  }

  /// The content of a first, stored entry named `mimetype`, if the zip starts with one.
  private var openDocumentMimetype: String? {
    guard head.count >= 30, le16(head, 8) == 0, let nameLength = le16(head, 26), let extraLength = le16(head, 28),
      let size = le32(head, 18)
    else { return nil }
    let nameStart = 30
    let dataStart = nameStart + Int(nameLength) + Int(extraLength)
    guard nameLength == 8, head.count >= dataStart, head[nameStart..<(nameStart + 8)].elementsEqual("mimetype".utf8),
      size <= 200, head.count >= dataStart + Int(size)
    else { return nil }
    return String(decoding: head[dataStart..<(dataStart + Int(size))], as: UTF8.self)
  }

  /// Entry names of the local headers at the start, followed while their sizes are known.
  private var localHeaderNames: [String] {
    var names: [String] = []
    var at = 0
    while names.count < 64, at + 30 <= head.count, le32(head, at) == 0x0403_4B50,
      let flags = le16(head, at + 6), let compressed = le32(head, at + 18),
      let nameLength = le16(head, at + 26), let extraLength = le16(head, at + 28)
    {
      let nameEnd = at + 30 + Int(nameLength)
      guard nameEnd <= head.count else { break }
      names.append(String(decoding: head[(at + 30)..<nameEnd], as: UTF8.self))
      // With a data descriptor (flag bit 3) the size is only known after the data: stop there.
      guard flags & 0x08 == 0, compressed != 0xFFFF_FFFF else { break }
      at = nameEnd + Int(extraLength) + Int(compressed)
    }
    return names
  }

  /// Entry names of the central-directory records found in `bytes`.
  private func centralDirectoryNames(_ bytes: [UInt8]) -> [String] {
    var names: [String] = []
    var at = 0
    while at + 46 <= bytes.count, names.count < 100_000 {
      guard bytes[at] == 0x50, le32(bytes, at) == 0x0201_4B50, let nameLength = le16(bytes, at + 28),
        let extraLength = le16(bytes, at + 30), let commentLength = le16(bytes, at + 32)
      else {
        at += 1
        continue
      }
      let nameEnd = at + 46 + Int(nameLength)
      guard nameEnd <= bytes.count else { break }
      names.append(String(decoding: bytes[(at + 46)..<nameEnd], as: UTF8.self))
      at = nameEnd + Int(extraLength) + Int(commentLength)
    }
    return names
  }

  // MARK: OLE2 compound file

  /// An OLE2 file holds named streams: `Workbook` (BIFF8) or `Book` (BIFF5) in a workbook,
  /// `EncryptedPackage` in a password-protected xlsx, `WordDocument` in a .doc.
  private var compoundFormat: FileFormat {
    guard let names = CompoundFileDirectory(bytes: head)?.names, !names.isEmpty else {
      return .xls  // the directory is damaged or beyond the head: the xls reader judges
    }
    if names.contains("EncryptedPackage") || names.contains("EncryptionInfo") { return .encryptedWorkbook }
    if names.contains(where: { $0 == "Workbook" || $0 == "Book" }) { return .xls }
    if names.contains("WordDocument") { return .document(.wordBinary) }
    if names.contains("PowerPoint Document") { return .document(.powerPoint) }
    return .document(.compoundFile)
  }
}

/// A little-endian UInt16 at `offset`, if the bytes reach that far.
func le16(_ bytes: [UInt8], _ offset: Int) -> UInt16? {
  guard offset >= 0, offset + 2 <= bytes.count else { return nil }
  return UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
}

/// A little-endian UInt32 at `offset`, if the bytes reach that far.
func le32(_ bytes: [UInt8], _ offset: Int) -> UInt32? {
  guard offset >= 0, offset + 4 <= bytes.count else { return nil }
  return UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16
    | UInt32(bytes[offset + 3]) << 24
}
