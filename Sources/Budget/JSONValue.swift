/// A JSON value whose numbers keep their exact text, so amounts never pass through `Double`.
public enum JSONValue: Sendable, Equatable {
  case null
  case bool(Bool)
  /// A number as its exact JSON text.
  case number(String)
  case string(String)
  case array([JSONValue])
  /// An object with its keys in order (written in this order; duplicate keys are refused on reading).
  case object([(String, JSONValue)])

  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    switch (lhs, rhs) {
    case (.null, .null): return true
    case (.bool(let a), .bool(let b)): return a == b
    case (.number(let a), .number(let b)): return a == b
    case (.string(let a), .string(let b)): return a == b
    case (.array(let a), .array(let b)): return a == b
    case (.object(let a), .object(let b)):
      return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    default: return false
    }
  }

  /// The member of an object, if this is an object that has it.
  public subscript(key: String) -> JSONValue? {
    if case .object(let members) = self { return members.first { $0.0 == key }?.1 }
    return nil
  }

  /// The string, if this is a string.
  public var stringValue: String? {
    if case .string(let s) = self { return s }
    return nil
  }

  /// The array, if this is an array.
  public var arrayValue: [JSONValue]? {
    if case .array(let a) = self { return a }
    return nil
  }
}

/// Why a JSON text could not be read.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What was wrong.
  public var reason: String
  /// 1-based line of the problem.
  public var line: Int
  /// 1-based column (in bytes) of the problem.
  public var column: Int

  public var description: String { "JSON 第\(line)行第\(column)列：\(reason)" }
}

extension JSONValue {
  /// Deepest nesting accepted; hostile input cannot exhaust the stack.
  static let maxDepth = 64

  /// Most values a document may hold unless the caller says otherwise (each takes memory).
  public static let defaultMaxValues = 4_000_000

  /// Parses JSON text (RFC 8259) from UTF-8 bytes, refusing more than `maxValues` values.
  public static func parse(_ bytes: [UInt8], maxValues: Int = defaultMaxValues) throws(JSONParseError) -> JSONValue {
    var parser = JSONParser(bytes: bytes, maxValues: maxValues)
    parser.skipSpace()
    let value = try parser.value(depth: 0)
    parser.skipSpace()
    guard parser.index == bytes.count else { throw parser.error("多余的内容 (trailing content)") }
    return value
  }

  /// Serializes with two-space indentation and a final newline; deterministic for a given value.
  public func serialized() -> String {
    String(decoding: serializedBytes(), as: UTF8.self)
  }

  /// The serialized UTF-8 bytes (what `serialized()` returns, without building a String first).
  public func serializedBytes() -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(4096)
    write(to: &out, indent: 0)
    out.append(0x0A)
    return out
  }

  private static func newline(_ out: inout [UInt8], indent: Int) {
    out.append(0x0A)
    out.append(contentsOf: repeatElement(0x20, count: indent))
  }

  private func write(to out: inout [UInt8], indent: Int) {
    switch self {
    case .null: out.append(contentsOf: "null".utf8)
    case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
    case .number(let n): out.append(contentsOf: n.utf8)
    case .string(let s): JSONValue.writeString(s, to: &out)
    case .array(let items):
      if items.isEmpty {
        out.append(contentsOf: "[]".utf8)
        return
      }
      // Arrays of scalars stay on one line (amount rows read better that way).
      if items.allSatisfy({ $0.isScalar }) {
        out.append(UInt8(ascii: "["))
        for (i, item) in items.enumerated() {
          if i > 0 { out.append(contentsOf: ", ".utf8) }
          item.write(to: &out, indent: indent)
        }
        out.append(UInt8(ascii: "]"))
        return
      }
      out.append(UInt8(ascii: "["))
      for (i, item) in items.enumerated() {
        JSONValue.newline(&out, indent: indent + 2)
        item.write(to: &out, indent: indent + 2)
        if i < items.count - 1 { out.append(UInt8(ascii: ",")) }
      }
      JSONValue.newline(&out, indent: indent)
      out.append(UInt8(ascii: "]"))
    case .object(let members):
      if members.isEmpty {
        out.append(contentsOf: "{}".utf8)
        return
      }
      if members.count <= 8, members.allSatisfy({ $0.1.isInline }), indent >= 6 {
        out.append(UInt8(ascii: "{"))
        for (i, (k, v)) in members.enumerated() {
          if i > 0 { out.append(contentsOf: ", ".utf8) }
          JSONValue.writeString(k, to: &out)
          out.append(contentsOf: ": ".utf8)
          v.write(to: &out, indent: indent)
        }
        out.append(UInt8(ascii: "}"))
        return
      }
      out.append(UInt8(ascii: "{"))
      for (i, (k, v)) in members.enumerated() {
        JSONValue.newline(&out, indent: indent + 2)
        JSONValue.writeString(k, to: &out)
        out.append(contentsOf: ": ".utf8)
        v.write(to: &out, indent: indent + 2)
        if i < members.count - 1 { out.append(UInt8(ascii: ",")) }
      }
      JSONValue.newline(&out, indent: indent)
      out.append(UInt8(ascii: "}"))
    }
  }

  /// Scalars and arrays of scalars, which fit on one line inside a small object.
  private var isInline: Bool {
    if case .array(let items) = self { return items.allSatisfy(\.isScalar) }
    return isScalar
  }

  private var isScalar: Bool {
    switch self {
    case .array, .object: return false
    default: return true
    }
  }

  private static func writeString(_ s: String, to out: inout [UInt8]) {
    out.append(UInt8(ascii: "\""))
    var s = s
    // Most strings need no escape: copy their bytes in one go.
    let plain = s.withUTF8 { bytes in
      guard !bytes.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
        return false
      }
      out.append(contentsOf: bytes)
      return true
    }
    if plain {
      out.append(UInt8(ascii: "\""))
      return
    }
    for byte in s.utf8 {
      switch byte {
      case UInt8(ascii: "\""): out.append(contentsOf: "\\\"".utf8)
      case UInt8(ascii: "\\"): out.append(contentsOf: "\\\\".utf8)
      case 0x0A: out.append(contentsOf: "\\n".utf8)
      case 0x0D: out.append(contentsOf: "\\r".utf8)
      case 0x09: out.append(contentsOf: "\\t".utf8)
      case 0..<0x20:
        let hex = Array("0123456789abcdef".utf8)
        out.append(contentsOf: "\\u00".utf8)
        out.append(hex[Int(byte >> 4)])
        out.append(hex[Int(byte & 0xF)])
      default: out.append(byte)
      }
    }
    out.append(UInt8(ascii: "\""))
  }

}

private struct JSONParser {
  let bytes: [UInt8]
  var index = 0
  /// Values still allowed: a budget per document, so a 250 MB array cannot take gigabytes.
  var valuesLeft: Int

  init(bytes: [UInt8], maxValues: Int) {
    self.bytes = bytes
    self.valuesLeft = maxValues
    // A UTF-8 BOM is tolerated.
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
  }

  func error(_ reason: String) -> JSONParseError {
    var line = 1
    var column = 1
    for b in bytes[..<min(index, bytes.count)] {
      if b == 0x0A {
        line += 1
        column = 1
      } else {
        column += 1
      }
    }
    return JSONParseError(reason: reason, line: line, column: column)
  }

  mutating func skipSpace() {
    while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
  }

  mutating func value(depth: Int) throws(JSONParseError) -> JSONValue {
    guard depth < JSONValue.maxDepth else { throw error("嵌套过深 (nesting too deep)") }
    valuesLeft -= 1
    guard valuesLeft >= 0 else { throw error("值过多 (too many values)") }
    guard index < bytes.count else { throw error("意外结束 (unexpected end)") }
    switch bytes[index] {
    case UInt8(ascii: "{"):
      index += 1
      var members: [(String, JSONValue)] = []
      var keys = Set<String>()
      skipSpace()
      if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
        index += 1
        return .object(members)
      }
      while true {
        skipSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw error("应为键名 (expected a key)") }
        let key = try string()
        guard keys.insert(key).inserted else { throw error("重复的键 \(key) (duplicate key)") }
        skipSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw error("应为冒号 (expected ':')") }
        index += 1
        skipSpace()
        members.append((key, try value(depth: depth + 1)))
        skipSpace()
        guard index < bytes.count else { throw error("意外结束 (unexpected end)") }
        if bytes[index] == UInt8(ascii: ",") {
          index += 1
          continue
        }
        guard bytes[index] == UInt8(ascii: "}") else { throw error("应为 , 或 } (expected ',' or '}')") }
        index += 1
        return .object(members)
      }
    case UInt8(ascii: "["):
      index += 1
      var items: [JSONValue] = []
      skipSpace()
      if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
        index += 1
        return .array(items)
      }
      while true {
        skipSpace()
        items.append(try value(depth: depth + 1))
        skipSpace()
        guard index < bytes.count else { throw error("意外结束 (unexpected end)") }
        if bytes[index] == UInt8(ascii: ",") {
          index += 1
          continue
        }
        guard bytes[index] == UInt8(ascii: "]") else { throw error("应为 , 或 ] (expected ',' or ']')") }
        index += 1
        return .array(items)
      }
    case UInt8(ascii: "\""):
      return .string(try string())
    case UInt8(ascii: "t"): return try literal("true", .bool(true))
    case UInt8(ascii: "f"): return try literal("false", .bool(false))
    case UInt8(ascii: "n"): return try literal("null", .null)
    default:
      return .number(try number())
    }
  }

  mutating func literal(_ word: String, _ value: JSONValue) throws(JSONParseError) -> JSONValue {
    let w = Array(word.utf8)
    guard index + w.count <= bytes.count, Array(bytes[index..<index + w.count]) == w else {
      throw error("无法识别的值 (unexpected value)")
    }
    index += w.count
    return value
  }

  mutating func number() throws(JSONParseError) -> String {
    let start = index
    func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
    guard index < bytes.count, isDigit(bytes[index]) else { throw error("无法识别的值 (unexpected value)") }
    if bytes[index] == 0x30 {
      index += 1
    } else {
      while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      index += 1
      guard index < bytes.count, isDigit(bytes[index]) else { throw error("数字格式错误 (bad number)") }
      while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
      index += 1
      if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
      guard index < bytes.count, isDigit(bytes[index]) else { throw error("数字格式错误 (bad number)") }
      while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    }
    guard index - start <= 64 else { throw error("数字过长 (number too long)") }
    return String(decoding: bytes[start..<index], as: UTF8.self)
  }

  mutating func string() throws(JSONParseError) -> String {
    index += 1  // opening quote
    var out: [UInt8] = []
    while index < bytes.count {
      let b = bytes[index]
      if b == UInt8(ascii: "\"") {
        index += 1
        guard let s = String(validating: out, as: UTF8.self) else { throw error("无效的 UTF-8 (invalid UTF-8)") }
        return s
      }
      if b < 0x20 { throw error("字符串中有控制字符 (control character in string)") }
      if b == UInt8(ascii: "\\") {
        index += 1
        guard index < bytes.count else { break }
        let e = bytes[index]
        index += 1
        switch e {
        case UInt8(ascii: "\""): out.append(0x22)
        case UInt8(ascii: "\\"): out.append(0x5C)
        case UInt8(ascii: "/"): out.append(0x2F)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"):
          var code = try hex4()
          if (0xD800...0xDBFF).contains(code) {
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
            else {
              throw error("不完整的代理对 (lone surrogate)")
            }
            index += 2
            let low = try hex4()
            guard (0xDC00...0xDFFF).contains(low) else { throw error("不完整的代理对 (lone surrogate)") }
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
          } else if (0xDC00...0xDFFF).contains(code) {
            throw error("不完整的代理对 (lone surrogate)")
          }
          guard let scalar = Unicode.Scalar(code) else { throw error("无效的字符 (invalid character)") }
          out.append(contentsOf: Array(String(Character(scalar)).utf8))
        default:
          throw error("无效的转义 (invalid escape)")
        }
        continue
      }
      out.append(b)
      index += 1
    }
    throw error("字符串未结束 (unterminated string)")
  }

  mutating func hex4() throws(JSONParseError) -> UInt32 {
    guard index + 4 <= bytes.count else { throw error("无效的转义 (invalid escape)") }
    var v: UInt32 = 0
    for _ in 0..<4 {
      let b = bytes[index]
      index += 1
      let d: UInt32
      switch b {
      case 0x30...0x39: d = UInt32(b - 0x30)
      case 0x41...0x46: d = UInt32(b - 0x41 + 10)
      case 0x61...0x66: d = UInt32(b - 0x61 + 10)
      default: throw error("无效的转义 (invalid escape)")
      }
      v = v * 16 + d
    }
    return v
  }
}
