import Foundation

/// The one entry point every fuzz target's `main` calls: under `-DFUZZING` it hands control to
/// libFuzzer; in the plain build it replays the files (or folders of files) named on the command
/// line, so a crash artifact can be rerun in a debugger and CI's `swift build` still links.
public enum FuzzDriver {
  /// The signature libFuzzer calls back with one input.
  public typealias TestOneInput = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

  /// Runs the fuzzer (FUZZING) or replays the argument files (plain build); never returns.
  public static func main(_ testOneInput: TestOneInput) -> Never {
    #if FUZZING
      var argc = CommandLine.argc
      var argv = CommandLine.unsafeArgv
      exit(LLVMFuzzerRunDriver(&argc, &argv, testOneInput))
    #else
      let paths = CommandLine.arguments.dropFirst().filter { !$0.hasPrefix("-") }
      var count = 0
      for path in paths.flatMap(files(at:)) {
        guard let data = FileManager.default.contents(atPath: path) else {
          FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
          exit(2)
        }
        let start = DispatchTime.now().uptimeNanoseconds
        let bytes = [UInt8](data)
        _ = bytes.withUnsafeBufferPointer { testOneInput($0.baseAddress, $0.count) }
        let ms = (DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
        print("\(path): ok (\(bytes.count) bytes, \(ms) ms)")
        count += 1
      }
      print("replayed \(count) input(s) without a crash")
      exit(0)
    #endif
  }

  /// The file itself, or the regular files directly inside a folder (sorted, for stable output).
  static func files(at path: String) -> [String] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
      return [path]
    }
    let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
    return names.sorted().map { (path as NSString).appendingPathComponent($0) }
  }

  /// The input as an array (the readers take `[UInt8]`).
  public static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    guard let data, size > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: data, count: size))
  }
}

#if FUZZING
  /// libFuzzer's documented driver entry (compiler-rt FuzzerInterface.h); linked in by
  /// `-sanitize=fuzzer`. Declared here because Swift cannot import the C++ header.
  @_silgen_name("LLVMFuzzerRunDriver")
  func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: FuzzDriver.TestOneInput
  ) -> CInt
#endif
