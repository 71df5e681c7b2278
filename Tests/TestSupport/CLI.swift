import Foundation

/// Runs the built `yusuan` binary, as a user would.
public enum CLI {
  /// What one run produced.
  public struct Result: CustomStringConvertible {
    /// The exit status.
    public let status: Int32
    /// Standard output, decoded as UTF-8.
    public let stdout: String
    /// Standard error, decoded as UTF-8.
    public let stderr: String

    public var description: String { "exit \(status)\n--- stdout\n\(stdout)\n--- stderr\n\(stderr)" }
  }

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
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try executable())
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    // Read both pipes concurrently so a large stderr cannot block the child while stdout is read.
    let group = DispatchGroup()
    nonisolated(unsafe) var errData = Data()
    group.enter()
    DispatchQueue.global().async {
      errData = err.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }
}
