internal import CLibZip

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension ZipArchive {
  /// One entry to write: its name, bytes, and whether to deflate (else store).
  package struct Entry {
    package var name: String
    package var bytes: [UInt8]
    package var deflate: Bool

    package init(_ name: String, _ bytes: [UInt8], deflate: Bool = true) {
      self.name = name
      self.bytes = bytes
      self.deflate = deflate
    }

    package init(_ name: String, _ text: String, deflate: Bool = true) {
      self.init(name, Array(text.utf8), deflate: deflate)
    }
  }

  /// Builds a zip in memory with libzip. Meant for tests that make small (or hostile) workbooks,
  /// so failures trap rather than throw.
  package static func write(_ entries: [Entry]) -> [UInt8] {
    var error = zip_error_t()
    zip_error_init(&error)
    defer { zip_error_fini(&error) }
    guard let target = zip_source_buffer_create(nil, 0, 0, &error) else { fatalError("zip_source_buffer_create") }
    zip_source_keep(target)  // the archive frees its source on close; we still read it after
    defer { zip_source_free(target) }
    guard let za = zip_open_from_source(target, ZIP_TRUNCATE, &error) else { fatalError("zip_open_from_source") }
    for entry in entries {
      // libzip reads the data at zip_close, so it gets its own malloc'd copy (freep = 1).
      let copy = malloc(max(entry.bytes.count, 1))!
      entry.bytes.withUnsafeBytes { if let base = $0.baseAddress { _ = memcpy(copy, base, entry.bytes.count) } }
      guard let source = zip_source_buffer(za, copy, zip_uint64_t(entry.bytes.count), 1) else {
        fatalError("zip_source_buffer")
      }
      let index = zip_file_add(za, entry.name, source, zip_flags_t(ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE))
      guard index >= 0 else { fatalError("zip_file_add \(entry.name)") }
      let method: Int32 = entry.deflate ? ZIP_CM_DEFLATE : ZIP_CM_STORE
      zip_set_file_compression(za, zip_uint64_t(index), method, 0)
    }
    guard zip_close(za) == 0 else { fatalError("zip_close: \(String(cString: zip_strerror(za)))") }
    guard zip_source_open(target) == 0 else { fatalError("zip_source_open") }
    defer { zip_source_close(target) }
    var out: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 64 << 10)
    while true {
      let n = buffer.withUnsafeMutableBytes { zip_source_read(target, $0.baseAddress!, zip_uint64_t($0.count)) }
      guard n > 0 else { break }
      out.append(contentsOf: buffer[0..<Int(n)])
    }
    return out
  }
}
