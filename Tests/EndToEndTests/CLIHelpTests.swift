import Foundation
import TestSupport
import XCTest

/// Help and argument errors as a user meets them: in Chinese by default, English on request,
/// wrapped for the terminal (issue 19, item 4).
final class CLIHelpTests: XCTestCase {
  /// Runs the binary in an 80-column terminal, with `environment` added and no YUSUAN_LANG inherited.
  func run(_ arguments: [String], environment: [String: String] = [:]) throws -> CLI.Result {
    var env = ProcessInfo.processInfo.environment
    env["YUSUAN_LANG"] = nil
    env["COLUMNS"] = "80"
    env.merge(environment) { $1 }
    return try Subprocess.run(try CLI.executable(), arguments, environment: env)
  }

  /// Terminal columns of a character: two for CJK and full-width forms.
  static func columns(_ c: Character) -> Int {
    guard let v = c.unicodeScalars.first?.value else { return 0 }
    switch v {
    case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
      0xFFE0...0xFFE6,
      0x20000...0x3FFFD:
      return 2
    default:
      return 1
    }
  }

  static func width<S: StringProtocol>(_ s: S) -> Int { s.reduce(0) { $0 + columns($1) } }

  /// The first unit a line could not have been broken inside: opening brackets, then one CJK
  /// character or one run of other characters, then closing punctuation.
  static func firstUnit(_ line: Substring) -> String {
    let opening: Set<Character> = ["（", "「", "“", "(", "《"]
    let closing: Set<Character> = [
      "，", "。", "、", "；", "：", "）", "」", "”", "！", "？", "%", ")", ",", ".", ";", ":", "…", "》",
    ]
    var chars = Array(line.drop { $0 == " " })
    var unit = ""
    while let c = chars.first, opening.contains(c) { unit.append(chars.removeFirst()) }
    if let c = chars.first, columns(c) == 2 {
      unit.append(chars.removeFirst())
    } else {
      while let c = chars.first, c != " ", columns(c) == 1 { unit.append(chars.removeFirst()) }
    }
    while let c = chars.first, closing.contains(c) { unit.append(chars.removeFirst()) }
    return unit
  }

  /// Fails for a line wider than 80 columns, and for a line broken before it had to be: the
  /// first word of the line that continues it would have fitted after it.
  func assertWrapped(
    _ text: String, _ what: String, paragraphs: Bool = true, file: StaticString = #filePath, line: UInt = #line
  ) {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    for l in lines where Self.width(l) > 80 {
      XCTFail("\(what): wider than 80 columns: \(l)", file: file, line: line)
    }
    func indent(_ s: Substring) -> Int { s.prefix { $0 == " " }.count }
    for (a, b) in zip(lines, lines.dropFirst()) where !a.isEmpty && !b.isEmpty {
      let chars = Array(a)
      let optionText = chars.count > 27 && chars[25] == " " && chars[26] != " "
      // A discussion paragraph, or an option's help.
      let continues =
        (paragraphs && indent(a) == 0 && indent(b) == 0 && !a.hasSuffix("：") && !a.hasSuffix(":"))
        || (indent(b) == 26 && (optionText || indent(a) == 26))
      guard continues, let last = a.last else { continue }
      let unit = Self.firstUnit(b)
      // A space is counted where either side is not CJK (Chinese text spaces off Latin words).
      let space = Self.columns(last) == 1 || unit.first.map { Self.columns($0) == 1 } == true ? 1 : 0
      XCTAssertGreaterThan(
        Self.width(a) + space + Self.width(unit), 80, "\(what): broken early, «\(unit)» fits after «\(a)»", file: file,
        line: line)
    }
  }

  func testRegression_HelpIsChineseByDefaultAndEnglishOnRequest() throws {
    let zh = try run(["convert", "--help"])
    XCTAssertEqual(zh.status, 0)
    XCTAssertTrue(zh.stdout.contains("概述：把一个部门的表转换为排版好的工作簿、CSV 文件或 JSON。"), zh.stdout)
    XCTAssertTrue(zh.stdout.contains("用法：yusuan convert"), zh.stdout)
    XCTAssertTrue(zh.stdout.contains("选项："), zh.stdout)
    XCTAssertTrue(zh.stdout.contains("-h, --help              显示帮助。"), zh.stdout)
    XCTAssertFalse(zh.stdout.contains("USAGE:") || zh.stdout.contains("Input files or folders"), zh.stdout)
    for english in [
      try run(["convert", "--help", "--lang", "en"]),
      try run(["convert", "--help"], environment: ["YUSUAN_LANG": "en"]),
    ] {
      XCTAssertEqual(english.status, 0)
      XCTAssertTrue(english.stdout.contains("OVERVIEW: Convert a department's tables"), english.stdout)
      XCTAssertTrue(english.stdout.contains("Input files or folders (one department)."), english.stdout)
      XCTAssertFalse(english.stdout.contains("用法"), english.stdout)
    }
    // --lang on the command line wins over the environment.
    let chosen = try run(["--help", "--lang", "zh"], environment: ["YUSUAN_LANG": "en"])
    XCTAssertTrue(chosen.stdout.contains("子命令："), chosen.stdout)
  }

  func testRegression_HelpFitsEightyColumnsWithNoLineBrokenMidPhrase() throws {
    for arguments in [["--help"], ["convert", "--help"], ["batch", "--help"], ["narrative", "--help"]] {
      for lang in ["zh", "en"] {
        let result = try run(arguments + ["--lang", lang])
        XCTAssertEqual(result.status, 0)
        assertWrapped(result.stdout, "yusuan \(arguments.joined(separator: " ")) --lang \(lang)")
      }
    }
    // The sentence that came out as `folder of CSV⏎files` and `(one⏎department),` reads whole.
    let en = try run(["--help", "--lang", "en"]).stdout
    let joined = en.split(separator: "\n").joined(separator: " ")
    XCTAssertTrue(joined.contains("a folder of CSV files, or Yusuan's JSON"), en)
    let convert = try run(["convert", "--help", "--lang", "en"]).stdout
    XCTAssertTrue(
      convert.split(separator: "\n").joined(separator: " ").contains(
        "a folder of .csv files (one department), or Yusuan JSON"))
  }

  func testRegression_ReportServeAndTemplatesHelpWasEnglishOnly() throws {
    for (command, overview) in [
      ("report", "概述：写出一个部门的 HTML 报告"), ("serve", "概述：打开本机网页"), ("templates", "概述：列出模板"),
    ] {
      let zh = try run([command, "--help"])
      XCTAssertEqual(zh.status, 0)
      XCTAssertTrue(zh.stdout.contains(overview), zh.stdout)
      XCTAssertFalse(zh.stdout.contains("OVERVIEW") || zh.stdout.contains(" / "), "\(command): \(zh.stdout)")
      assertWrapped(zh.stdout, "yusuan \(command) --help")
      let en = try run([command, "--help", "--lang", "en"])
      XCTAssertTrue(en.stdout.contains("OVERVIEW: "), en.stdout)
      XCTAssertFalse(en.stdout.contains("概述"), en.stdout)
      assertWrapped(en.stdout, "yusuan \(command) --help --lang en")
    }
  }

  func testRegression_ArgumentErrorsAreChineseByDefault() throws {
    let missing = try run(["convert"])
    XCTAssertEqual(missing.status, 2)
    XCTAssertTrue(missing.stderr.contains("错误：缺少参数 "), missing.stderr)
    XCTAssertTrue(missing.stderr.contains("用法：yusuan convert"), missing.stderr)
    let bad = try run(["validate", Fixtures.sampleXLSX, "--format", "yaml"])
    XCTAssertEqual(bad.status, 2)
    XCTAssertTrue(bad.stderr.contains("错误：--format <format> 的值 yaml 无效，可选 'text'、'json'、'junit'"), bad.stderr)
    let language = try run(["convert", Fixtures.sampleXLSX, "-o", "never-written.json", "--lang", "fr"])
    XCTAssertTrue(language.stderr.contains("错误：--lang <lang> 的值 fr 无效，可选 'zh'、'en'"), language.stderr)
    let unknown = try run(["convert", Fixtures.sampleXLSX, "-o", "never-written.json", "--bogus"])
    XCTAssertTrue(unknown.stderr.contains("错误：未知选项 --bogus"), unknown.stderr)
    let english = try run(["convert", "--lang", "en"])
    XCTAssertEqual(english.status, 2)
    XCTAssertTrue(english.stderr.contains("Error: Missing expected argument '"), english.stderr)
    assertWrapped(missing.stderr, "convert without arguments", paragraphs: false)
  }

  func testRegression_FormatNamesAreCaseInsensitive() throws {
    let folder = try Fixtures.scratchFolder("yusuan-e2e-help")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let result = try run(["convert", Fixtures.sampleXLSX, "-o", folder + "/out", "--to", "JSON", "--lang", "EN"])
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertTrue(FileManager.default.fileExists(atPath: folder + "/out"), result.stderr)
    XCTAssertTrue(result.stderr.contains("wrote 1 file"), result.stderr)
  }
}
