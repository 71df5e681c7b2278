import Budget
import FuzzSupport

/// Decodes the bytes as canonical disclosure JSON; whatever decodes must survive its own
/// encoding unchanged (decode → encode → decode is the identity).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = FuzzDriver.bytes(data, size)
  guard let disclosure = try? Disclosure(jsonBytes: bytes) else { return 0 }
  let text = disclosure.jsonText()
  let again: Disclosure
  do {
    again = try Disclosure(jsonBytes: Array(text.utf8))
  } catch {
    fatalError("re-reading our own JSON failed: \(error)\n\(text)")
  }
  if again != disclosure {
    fatalError("JSON round trip changed the disclosure: \(again.differences(from: disclosure))\n\(text)")
  }
  return 0
}

/// Runs libFuzzer (fuzz/run.sh) or, in a plain build, replays the files named as arguments.
/// (In the same file as the callback: a @convention(c) reference from another file emits a
/// second definition of the @_cdecl symbol.)
@main enum Entry {
  static func main() { FuzzDriver.main(fuzzJSON) }
}
