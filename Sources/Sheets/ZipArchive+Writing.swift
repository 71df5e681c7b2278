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
    do { return try zipped(entries) } catch { fatalError("\(error)") }
  }

  /// Builds a zip in memory with libzip (what `yusuan serve` hands out); a libzip failure
  /// (memory, in practice) is a `WriteError.library`.
  package static func zipped(_ entries: [Entry]) throws(WriteError) -> [UInt8] {
    func failure(_ step: String, _ code: Int32 = -1) -> WriteError { .library(code: code, text: "libzip", step: step) }
    var error = zip_error_t()
    zip_error_init(&error)
    defer { zip_error_fini(&error) }
    guard let target = zip_source_buffer_create(nil, 0, 0, &error) else { throw failure("zip_source_buffer_create") }
    zip_source_keep(target)  // the archive frees its source on close; we still read it after
    defer { zip_source_free(target) }
    guard let za = zip_open_from_source(target, ZIP_TRUNCATE, &error) else { throw failure("zip_open_from_source") }
    for entry in entries {
      // libzip reads the data at zip_close, so it gets its own malloc'd copy (freep = 1).
      guard let copy = malloc(max(entry.bytes.count, 1)) else {
        zip_discard(za)
        throw failure("malloc")
      }
      entry.bytes.withUnsafeBytes { if let base = $0.baseAddress { _ = memcpy(copy, base, entry.bytes.count) } }
      guard let source = zip_source_buffer(za, copy, zip_uint64_t(entry.bytes.count), 1) else {
        free(copy)
        zip_discard(za)
        throw failure("zip_source_buffer")
      }
      let index = zip_file_add(za, entry.name, source, zip_flags_t(ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE))
      guard index >= 0 else {
        zip_source_free(source)
        zip_discard(za)
        throw failure("zip_file_add \(entry.name)")
      }
      let method: Int32 = entry.deflate ? ZIP_CM_DEFLATE : ZIP_CM_STORE
      zip_set_file_compression(za, zip_uint64_t(index), method, 0)
    }
    guard zip_close(za) == 0 else {
      let text = String(cString: zip_strerror(za))
      zip_discard(za)
      throw .library(code: -1, text: text, step: "zip_close")
    }
    guard zip_source_open(target) == 0 else { throw failure("zip_source_open") }
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
