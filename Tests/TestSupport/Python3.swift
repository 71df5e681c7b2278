import Foundation

/// Runs small Python scripts from tests (to make workbooks with openpyxl or XlsxWriter, or to
/// read them independently). Fails loudly, never skips, when python3 or a module is missing.
public enum Python3 {
  /// Why a script could not run.
  public struct Failure: Error, CustomStringConvertible {
    public let description: String
  }

  /// The python3 executable on PATH.
  public static func executable() throws -> String {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    for dir in path.split(separator: ":") {
      let candidate = "\(dir)/python3"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    throw Failure(description: "python3 not found on PATH; run scripts/install-test-deps.sh")
  }

  /// Runs `script` with `arguments` (sys.argv[1...]) and returns its standard output.
  /// `modules` are imported first so that a missing package gives a clear message.
  @discardableResult
  public static func run(_ script: String, arguments: [String] = [], modules: [String] = []) throws -> String {
    for module in modules {
      let check = try launch(["-c", "import \(module)"])
      guard check.status == 0 else {
        throw Failure(description: "python module '\(module)' is missing: run scripts/install-test-deps.sh")
      }
    }
    let result = try launch(["-c", script] + arguments)
    guard result.status == 0 else {
      throw Failure(description: "python3 script failed (\(result.status)): \(result.stderr)")
    }
    return result.stdout
  }

  private static func launch(_ arguments: [String]) throws -> Subprocess.Result {
    try Subprocess.run(try executable(), arguments)
  }
}
