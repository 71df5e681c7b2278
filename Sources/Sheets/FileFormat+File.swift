#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension FileFormat {
  /// The format of the file at `path`, from its first `headLength` and last `tailLength` bytes;
  /// nil when it cannot be opened or read (the reader that opens it next says why).
  public init?(path: String) {
    guard let file = fopen(path, "rb") else { return nil }
    defer { fclose(file) }
    var head = [UInt8](repeating: 0, count: Self.headLength)
    let got = fread(&head, 1, head.count, file)
    guard ferror(file) == 0 else { return nil }
    head.removeLast(head.count - got)
    var tail: [UInt8] = []
    if got == Self.headLength, fseeko(file, 0, SEEK_END) == 0 {
      let size = ftello(file)
      if size > off_t(Self.headLength) {
        let start = max(off_t(Self.headLength), size - off_t(Self.tailLength))
        tail = [UInt8](repeating: 0, count: Int(size - start))
        guard fseeko(file, start, SEEK_SET) == 0 else { return nil }
        tail.removeLast(tail.count - fread(&tail, 1, tail.count, file))
      }
    }
    self.init(head: head, tail: tail)
  }
}
