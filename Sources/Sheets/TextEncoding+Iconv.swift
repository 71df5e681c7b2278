import Glibc

/// An owned glibc iconv conversion descriptor that converts a byte stream chunk by chunk.
///
/// A multi-byte sequence split across two chunks (`EINVAL`) is carried over to the next
/// call, so callers may feed chunks of any size.
final class IconvConverter {
  /// Why a conversion stopped.
  enum Failure: Error, Equatable {
    /// The input holds a sequence that is invalid in the source encoding (`EILSEQ`), at this offset of the whole stream.
    case invalidSequence(offset: Int)
    /// The stream ended inside a multi-byte sequence that started at this offset.
    case truncatedSequence(offset: Int)
    /// iconv cannot convert between the two encodings here, or failed with another errno.
    case unavailable(errno: Int32)
  }

  private let descriptor: iconv_t
  /// Bytes of an incomplete sequence left over from the previous chunk.
  private var carry: [UInt8] = []
  /// Bytes consumed from the stream so far (not counting `carry`).
  private var consumed = 0

  /// Opens a converter; fails when glibc lacks either encoding.
  init(from source: String, to target: String) throws(Failure) {
    let cd = iconv_open(target, source)
    // iconv_open returns (iconv_t)-1 on failure.
    guard let cd, Int(bitPattern: cd) != -1 else { throw .unavailable(errno: errno) }
    descriptor = cd
  }

  deinit { iconv_close(descriptor) }

  /// Converts one chunk, appending the result to `output`.
  func convert(_ chunk: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) throws(Failure) {
    if carry.isEmpty {
      try run(chunk, into: &output)
    } else {
      // Rare path: glue the carried prefix to this chunk.
      let joined = carry + Array(chunk)
      consumed -= carry.count
      carry = []
      try joined.withUnsafeBufferPointer { (buffer) throws(Failure) in try run(buffer, into: &output) }
    }
  }

  /// Ends the stream: fails if an incomplete sequence is still pending, then flushes shift state.
  func finish(into output: inout [UInt8]) throws(Failure) {
    if !carry.isEmpty { throw .truncatedSequence(offset: consumed - carry.count) }
    var scratch = [UInt8](repeating: 0, count: 32)
    scratch.withUnsafeMutableBufferPointer { buffer in
      var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(buffer.baseAddress!)
        .assumingMemoryBound(to: CChar.self)
      var outLeft = buffer.count
      _ = iconv(descriptor, nil, nil, &outPtr, &outLeft)
      output.append(contentsOf: buffer[0..<(buffer.count - outLeft)])
    }
  }

  private func run(_ input: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) throws(Failure) {
    guard let base = input.baseAddress, input.count > 0 else { return }
    var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutablePointer(
      mutating: UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self))
    var inLeft = input.count
    // UTF-8 output is at most 2× GB18030 input (2 bytes → 3, 4 → 4, 1 → 1); start there and grow on E2BIG.
    var buffer = [UInt8](repeating: 0, count: Swift.max(64, input.count * 2))
    while inLeft > 0 {
      var failure: Int32 = 0
      let produced: Int = buffer.withUnsafeMutableBufferPointer { out in
        var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(out.baseAddress!)
          .assumingMemoryBound(to: CChar.self)
        var outLeft = out.count
        let rc = iconv(descriptor, &inPtr, &inLeft, &outPtr, &outLeft)
        if rc == -1 { failure = errno }
        return out.count - outLeft
      }
      output.append(contentsOf: buffer[0..<produced])
      let offset = consumed + (input.count - inLeft)
      switch failure {
      case 0: break
      case E2BIG: buffer = [UInt8](repeating: 0, count: buffer.count * 2)
      case EILSEQ: throw .invalidSequence(offset: offset)
      case EINVAL:
        // An incomplete sequence ends the chunk: keep it for the next one.
        carry = Array(UnsafeBufferPointer(start: base + (input.count - inLeft), count: inLeft))
        consumed = offset + inLeft
        return
      default: throw .unavailable(errno: failure)
      }
    }
    consumed += input.count
  }
}
