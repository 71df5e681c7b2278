#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A growable byte buffer for text that libxml2 hands over in pieces. Unlike `[UInt8]` it does
/// no uniqueness or exclusivity checks per append, which matters at millions of cells per second.
/// The owner calls `release()` exactly once.
struct ByteBuffer {
  private(set) var base: UnsafeMutablePointer<UInt8>
  private(set) var count = 0
  private var capacity: Int

  init(capacity: Int) {
    self.capacity = max(capacity, 16)
    base = .allocate(capacity: self.capacity)
  }

  @inline(__always)
  mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
    let n = bytes.count
    if count + n > capacity { grow(to: count + n) }
    if n > 0 { memcpy(base + count, bytes.baseAddress!, n) }
    count += n
  }

  private mutating func grow(to needed: Int) {
    var newCapacity = capacity * 2
    while newCapacity < needed { newCapacity *= 2 }
    let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
    bigger.update(from: base, count: count)
    base.deallocate()
    base = bigger
    capacity = newCapacity
  }

  @inline(__always)
  mutating func removeAll() { count = 0 }

  /// The bytes held (valid until the next mutation).
  @inline(__always)
  var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

  /// The bytes as a String (libxml2 has already validated and transcoded them to UTF-8).
  @inline(__always)
  func string() -> String { String(decoding: bytes, as: UTF8.self) }

  func release() { base.deallocate() }
}
