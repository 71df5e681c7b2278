#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Counts the attributes of every start tag in the bytes about to be handed to libxml2, so that
/// a tag with too many is refused before libxml2 parses it: libxml2 2.9 compares each attribute
/// of a tag with every earlier one (quadratic), and 400,000 attributes take minutes.
///
/// A small state machine over the raw bytes that knows comments, processing instructions and
/// CDATA sections (which may hold `=`, quotes and `>`), and quoted attribute values. Inside a
/// start tag every `=` outside quotes separates an attribute (or namespace declaration) from its
/// value, so the count is exact. Linear, and text between tags is skipped with `memchr`.
struct AttributeCountGuard {
  private enum State: UInt8 {
    case text, open, bang, bangDash, comment, commentDash, commentDashes, instruction, instructionQuestion
    case cdata, cdataBracket, cdataBrackets, startTag, doubleQuoted, singleQuoted, otherMarkup
  }

  private var state = State.text
  private var count = 0
  /// Most attributes one start tag may carry.
  let limit: Int

  init(limit: Int) { self.limit = limit }

  /// Scans the next bytes of the part; false as soon as a start tag carries more than `limit`.
  mutating func scan(_ bytes: UnsafeRawBufferPointer) -> Bool {
    guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return true }
    let end = bytes.count
    var i = 0
    while i < end {
      if state == .text {
        guard let hit = memchr(base + i, Int32(UInt8(ascii: "<")), end - i) else { return true }
        i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
        state = .open
        continue
      }
      let b = base[i]
      i += 1
      switch state {
      case .text:
        break
      case .open:
        switch b {
        case UInt8(ascii: "!"): state = .bang
        case UInt8(ascii: "?"): state = .instruction
        case UInt8(ascii: "/"): state = .otherMarkup
        case UInt8(ascii: ">"): state = .text
        default:
          state = .startTag
          count = 0
        }
      case .bang:
        state = b == UInt8(ascii: "-") ? .bangDash : b == UInt8(ascii: "[") ? .cdata : .otherMarkup
      case .bangDash:
        state = b == UInt8(ascii: "-") ? .comment : .otherMarkup
      case .comment:
        if b == UInt8(ascii: "-") { state = .commentDash }
      case .commentDash:
        state = b == UInt8(ascii: "-") ? .commentDashes : .comment
      case .commentDashes:
        if b == UInt8(ascii: ">") { state = .text } else if b != UInt8(ascii: "-") { state = .comment }
      case .instruction:
        if b == UInt8(ascii: "?") { state = .instructionQuestion }
      case .instructionQuestion:
        if b == UInt8(ascii: ">") { state = .text } else if b != UInt8(ascii: "?") { state = .instruction }
      case .cdata:
        if b == UInt8(ascii: "]") { state = .cdataBracket }
      case .cdataBracket:
        state = b == UInt8(ascii: "]") ? .cdataBrackets : .cdata
      case .cdataBrackets:
        if b == UInt8(ascii: ">") { state = .text } else if b != UInt8(ascii: "]") { state = .cdata }
      case .startTag:
        switch b {
        case UInt8(ascii: "\""): state = .doubleQuoted
        case UInt8(ascii: "'"): state = .singleQuoted
        case UInt8(ascii: ">"): state = .text
        case UInt8(ascii: "="):
          count += 1
          if count > limit { return false }
        default: break
        }
      case .doubleQuoted:
        if b == UInt8(ascii: "\"") { state = .startTag }
      case .singleQuoted:
        if b == UInt8(ascii: "'") { state = .startTag }
      case .otherMarkup:
        if b == UInt8(ascii: ">") { state = .text }
      }
    }
    return true
  }
}
