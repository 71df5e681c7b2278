import Foundation

/// Runs the built `yusuan` binary, as a user would.
public enum CLI {
  /// What one run produced.
  public typealias Result = Subprocess.Result

  /// Why the binary could not be run.
  public struct Missing: Error, CustomStringConvertible {
    public let description: String
  }

  /// The `yusuan` executable: next to the test bundle (the build folder), else `.build/debug/yusuan`.
  public static func executable() throws -> String {
    var candidates: [URL] = []
    // On Linux the test bundle is an executable in the build folder; on macOS a bundle in it.
    candidates.append(Bundle.main.bundleURL.appendingPathComponent("yusuan"))
    candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("yusuan"))
    if let first = CommandLine.arguments.first {
      candidates.append(URL(fileURLWithPath: first).deletingLastPathComponent().appendingPathComponent("yusuan"))
    }
    for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
      candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("yusuan"))
    }
    candidates.append(Fixtures.repoRoot.appendingPathComponent(".build/debug/yusuan"))
    for url in candidates where FileManager.default.isExecutableFile(atPath: url.path) {
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
        return url.path
      }
    }
    throw Missing(description: "yusuan binary not found (looked in \(candidates.map(\.path))); run `swift build` first")
  }

  /// Runs `yusuan` with arguments (in `directory` when given) and collects its output.
  @discardableResult
  public static func run(_ arguments: [String], in directory: String? = nil) throws -> Result {
    try Subprocess.run(try executable(), arguments, in: directory)
  }
}
