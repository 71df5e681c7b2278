import Glibc

/// Writing an output to standard output (`-o -`).
public enum StandardOutput {
  /// The output path that names standard output.
  public static let path = "-"

  /// Writes `bytes` to standard output.
  public static func write(_ bytes: [UInt8]) throws(WriteError) {
    let failure = writeAll(STDOUT_FILENO, bytes)
    guard failure == 0 else { throw WriteError.io(path: path, operation: "write", errno: failure) }
  }

  /// Lets `body` write a file at a temporary path in the system's temporary folder (for writers
  /// that need a path, such as libxlsxwriter), then copies the file to standard output.
  public static func write(through body: (String) throws -> Void) throws {
    var folder = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
    if folder.isEmpty || FileKind.of(folder) != .directory { folder = "/tmp" }
    var template = Array(Paths.join(folder, ".yusuan-stdout.tmp-XXXXXX").utf8CString)
    var fd: Int32 = -1
    let temp = try Temporaries.create(
      {
        fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        return fd >= 0 ? template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) } : nil
      }, for: path)
    close(fd)
    defer { Temporaries.discard(temp) }
    try body(temp)
    guard let file = fopen(temp, "rb") else { throw WriteError.io(path: temp, operation: "open", errno: errno) }
    defer { fclose(file) }
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = fread(&buffer, 1, buffer.count, file)
      if n == 0 { break }
      try write(Array(buffer[0..<n]))
    }
    guard ferror(file) == 0 else { throw WriteError.io(path: temp, operation: "read", errno: errno) }
  }
}
