import Foundation
import TestSupport
import XCTest

/// The README's "Yusuan in CI" example: the commands of docs/ci/github-actions.yml and
/// docs/ci/gitlab-ci.yml (between `yusuan-ci-begin` and `yusuan-ci-end`) are the same, appear
/// in the README, and do what the README says when run in a repository of workbooks.
final class CLIBatchCITests: XCTestCase {
  var dir = ""

  override func setUpWithError() throws { dir = try Fixtures.scratchFolder("yusuan-batch-ci") }
  override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: dir) }

  /// The command lines between the markers of a file (GitLab's `- ` list prefix removed).
  func commands(_ relative: String) throws -> [String] {
    let text = try String(contentsOfFile: Fixtures.repoRoot.appendingPathComponent(relative).path, encoding: .utf8)
    let lines = text.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    guard let begin = lines.firstIndex(of: "# yusuan-ci-begin"), let end = lines.firstIndex(of: "# yusuan-ci-end"),
      begin < end
    else {
      XCTFail("\(relative) has no yusuan-ci-begin/end markers")
      return []
    }
    return lines[(begin + 1)..<end].map { $0.hasPrefix("- ") ? String($0.dropFirst(2)) : $0 }.filter { !$0.isEmpty }
  }

  /// Runs the commands with bash in `repo`, with the built `yusuan` first on PATH.
  func runCI(_ commands: [String], in repo: String) throws -> (status: Int32, output: String) {
    var env = ProcessInfo.processInfo.environment
    env["PATH"] = (try CLI.executable() as NSString).deletingLastPathComponent + ":" + (env["PATH"] ?? "/usr/bin:/bin")
    let result = try Subprocess.run(
      "/bin/bash", ["-eu", "-c", commands.joined(separator: "\n")], in: repo, environment: env)
    return (result.status, result.stdout + result.stderr)
  }

  func testTheCIExampleValidatesAndRoundTripsEveryWorkbookAndWritesJUnit() throws {
    let github = try commands("docs/ci/github-actions.yml")
    let gitlab = try commands("docs/ci/gitlab-ci.yml")
    XCTAssertFalse(github.isEmpty)
    XCTAssertEqual(github, gitlab, "the two pipelines run the same commands")
    let readme = try String(contentsOfFile: Fixtures.repoRoot.appendingPathComponent("README.md").path, encoding: .utf8)
    for command in github { XCTAssertTrue(readme.contains(command), "README lacks: \(command)") }
    for file in ["docs/ci/github-actions.yml", "docs/ci/gitlab-ci.yml"] {
      let text = try String(contentsOfFile: Fixtures.repoRoot.appendingPathComponent(file).path, encoding: .utf8)
      XCTAssertTrue(text.contains("yusuan-junit.xml"), "\(file) publishes the JUnit report")
      XCTAssertFalse(text.contains("\t"), "\(file): YAML forbids tabs")
    }

    // A repository with budgets in three forms and a file that is not a budget input.
    let repo = dir + "/repo"
    try Fixtures.write(try Fixtures.bytes(Fixtures.sampleXLSX), to: repo + "/budgets/2023/科技局.xlsx")
    for n in 1...13 {
      try Fixtures.write(
        try Fixtures.bytes(Fixtures.csvFile(n, folder: Fixtures.sampleGB18030Folder)),
        to: repo + "/budgets/2023/教育局/\(n).csv")
    }
    try Fixtures.write(try Fixtures.bytes(Fixtures.fixtureJSON), to: repo + "/budgets/2023/科技局-json.json")
    try Fixtures.write(Array("# budgets".utf8), to: repo + "/budgets/README.md")
    let good = try runCI(github, in: repo)
    XCTAssertEqual(good.status, 0, good.output)
    let junit = String(decoding: try Fixtures.bytes(repo + "/yusuan-junit.xml"), as: UTF8.self)
    XCTAssertTrue(junit.contains(#"tests="3" failures="0" errors="0""#), junit)
    for name in ["2023/科技局.xlsx", "2023/教育局/", "2023/科技局-json.json"] {
      XCTAssertTrue(junit.contains(#"name="\#(name)""#), junit)
    }
    XCTAssertTrue(FileManager.default.fileExists(atPath: repo + "/yusuan-out/2023/教育局/预算公开表01.csv"))
    XCTAssertEqual(BatchTrees.files(under: repo + "/budgets").count, 16, "the pipeline writes nothing into the budgets")

    // A wrong number fails the pipeline, and the JUnit report names the department.
    try Fixtures.write(try BatchTrees.invalidJSON(), to: repo + "/budgets/2024/农业局.json")
    let bad = try runCI(github, in: repo)
    XCTAssertEqual(bad.status, 1, bad.output)
    XCTAssertTrue(bad.output.contains("findings 2024/农业局.json"), bad.output)
    let failed = String(decoding: try Fixtures.bytes(repo + "/yusuan-junit.xml"), as: UTF8.self)
    XCTAssertTrue(failed.contains(#"tests="4" failures="1""#), failed)
    XCTAssertTrue(failed.contains(#"<testcase classname="yusuan.batch" name="2024/农业局.json">"#), failed)
  }
}
