import ArgumentParser
import Glibc
import YusuanKit

/// The language of help and argument errors, chosen before the arguments are parsed (the
/// parser's help texts are static values): `--lang en` / `--lang=en` on the command line, else
/// `YUSUAN_LANG=en`, else Chinese.
enum UILanguage {
  static let current: Language = choose(
    arguments: CommandLine.arguments, environment: getenv("YUSUAN_LANG").map { String(cString: $0) })

  /// The language the arguments ask for (the last `--lang` wins), else the environment's, else zh.
  static func choose(arguments: [String], environment: String?) -> Language {
    var chosen = environment.flatMap { Language(rawValue: $0.lowercased()) } ?? .zh
    var i = 1
    while i < arguments.count {
      let a = arguments[i]
      if a == "--" { break }
      if a == "--lang", i + 1 < arguments.count, let l = Language(rawValue: arguments[i + 1].lowercased()) {
        chosen = l
        i += 1
      } else if a.hasPrefix("--lang="), let l = Language(rawValue: String(a.dropFirst(7)).lowercased()) {
        chosen = l
      }
      i += 1
    }
    return chosen
  }
}

/// A help text in the chosen language.
func L(_ zh: String, _ en: String) -> String { UILanguage.current == .zh ? zh : en }

/// Help and argument errors as printed: the parser's text laid out without wrapping, its English
/// frame translated when the language is Chinese, then wrapped to the terminal by display width
/// (a CJK character takes two columns, which the parser does not count) at spaces or between CJK
/// characters, never inside a word, an option or a path.
enum HelpLayout {
  /// The terminal width the parser would use: COLUMNS, else the terminal's, else 80.
  static var terminalWidth: Int {
    if let text = getenv("COLUMNS").map({ String(cString: $0) }), let n = Int(text), n > 0 { return n }
    var size = winsize()
    if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
    return 80
  }

  /// A width wide enough that the parser wraps nothing itself.
  static let unwrapped = 10_000

  /// The parser's unwrapped text, translated and wrapped to `width` columns.
  static func render(_ text: String, width: Int = terminalWidth, language: Language = UILanguage.current) -> String {
    let translated = language == .zh ? translate(text) : text
    return translated.split(separator: "\n", omittingEmptySubsequences: false).map {
      wrap(String($0), width: max(width, 40))
    }
    .joined(separator: "\n")
  }

  /// The parser's English frame in Chinese (the texts of Yusuan's own options are already Chinese).
  static func translate(_ text: String) -> String {
    var lines: [String] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
      lines.append(translateLine(line))
    }
    return lines.joined(separator: "\n")
  }

  static func translateLine(_ line: String) -> String {
    let prefixes: [(String, String)] = [
      ("OVERVIEW: ", "概述："), ("USAGE: ", "用法："), ("Usage: ", "用法："), ("Help:  ", "说明："), ("Error: ", "错误："),
    ]
    for (english, chinese) in prefixes where line.hasPrefix(english) {
      return chinese + translateLine(String(line.dropFirst(english.count)))
    }
    let whole: [String: String] = [
      "ARGUMENTS:": "参数：", "OPTIONS:": "选项：", "SUBCOMMANDS:": "子命令：", "OPTION GROUPS:": "选项组：",
    ]
    if let t = whole[line] { return t }
    var out = line
    let phrases: [(String, String)] = [
      ("Show help information.", "显示帮助。"), ("Show the version.", "显示版本号。"),
      ("for detailed help.", "查看详细帮助。"), ("for more information.", "查看说明。"),
      ("(default: ", "（默认："), ("(values: ", "（可选："), ("; default: ", "；默认："),
    ]
    for (english, chinese) in phrases {
      out = out.split(separator: english, omittingEmptySubsequences: false).joined(separator: chinese)
    }
    // A parenthesis the translation opened full-width closes full-width, without a space before it.
    if out.contains("（"), out.hasSuffix(")") { out = String(out.dropLast()) + "）" }
    out = out.replacingEach(of: " （可选：", with: "（可选：").replacingEach(of: " （默认：", with: "（默认：")
    out = out.replacingEach(of: "  See '", with: "  见 '")
    return translateError(out)
  }

  /// The parser's error sentences, in Chinese.
  static func translateError(_ line: String) -> String {
    func between(_ text: String, _ start: String, _ end: String) -> (String, String)? {
      guard text.hasPrefix(start), let r = text.dropFirst(start.count).firstRange(of: end) else { return nil }
      let rest = text.dropFirst(start.count)
      return (String(rest[..<r.lowerBound]), String(rest[r.upperBound...]))
    }
    let body = line.hasPrefix("错误：") ? String(line.dropFirst(3)) : line
    let lead = line.hasPrefix("错误：") ? "错误：" : ""
    if let (argument, _) = between(body, "Missing expected argument '", "'") { return lead + "缺少参数 \(argument)" }
    if let (option, _) = between(body, "Missing value for '", "'") { return lead + "\(option) 缺少值" }
    if let (option, _) = between(body, "Unknown option '", "'") { return lead + "未知选项 \(option)" }
    if let (argument, _) = between(body, "Unexpected argument '", "'") { return lead + "多余的参数 \(argument)" }
    if let (value, rest) = between(body, "The value '", "' is invalid for '") {
      let option = rest.split(separator: "'", maxSplits: 1).first.map(String.init) ?? rest
      var message = "\(option) 的值 \(value) 无效"
      if let r = rest.firstRange(of: "Please provide one of ") {
        let choices = rest[r.upperBound...].replacingEach(of: "' or '", with: "'、'").replacingEach(
          of: "' and '", with: "'、'"
        ).replacingEach(of: "', '", with: "'、'")
        message += "，可选 " + String(choices.hasSuffix(".") ? choices.dropLast() : Substring(choices))
      }
      return lead + message
    }
    if let (option, _) = between(body, "Missing expected argument for '", "'") { return lead + "\(option) 缺少值" }
    return line
  }

  /// One line wrapped to `width` display columns. Continuation lines are indented like the
  /// parser's: under the help column (26) for an option's help, under the text after `用法：`, or
  /// as the line itself is indented.
  static func wrap(_ line: String, width: Int) -> String {
    guard displayWidth(line) > width else { return line }
    let chars = Array(line)
    let leading = chars.prefix { $0 == " " }.count
    var indent = leading
    if leading == 2 || leading == 4, chars.count > 27, chars[25] == " ", chars[26] != " ", chars[2] != " " {
      indent = 26
    }
    for prefix in ["用法：", "USAGE: ", "Usage: "] where line.hasPrefix(prefix) { indent = displayWidth(prefix) }
    // An example command breaks only at its spaces (never inside 报告.csv), continued 2 deeper.
    let command = line.drop { $0 == " " }.hasPrefix("yusuan ")
    if command { indent = leading + 2 }
    if indent > width / 2 { indent = min(leading + 2, width / 2) }
    var lines: [String] = []
    var current: [Character] = []
    var currentWidth = 0
    // A usage line breaks only between its [options], never inside one.
    let usage = ["用法：", "USAGE: ", "Usage: "].contains { line.hasPrefix($0) }
    var depth = 0
    var breakAt: Int?  // index in `current` after which a break is allowed
    for (i, c) in chars.enumerated() {
      if c == "[" || c == "<" { depth += 1 }
      if i > 0, canBreak(between: chars[i - 1], and: c), i > leading, !command || chars[i - 1] == " ",
        !usage || depth == 0 || ((c == "[" || c == "<") && depth == 1)
      {
        breakAt = current.count
      }
      if c == "]" || c == ">" { depth = max(depth - 1, 0) }
      current.append(c)
      currentWidth += charWidth(c)
      // A space never makes a line too long: the line may end before it.
      if c != " ", currentWidth > width, let b = breakAt, b > (lines.isEmpty ? leading : indent) {
        var head = Array(current[..<b])
        while head.last == " " { head.removeLast() }
        lines.append(String(head))
        var tail = Array(current[b...])
        while tail.first == " " { tail.removeFirst() }
        current = Array(repeating: " ", count: indent) + tail
        currentWidth = current.reduce(0) { $0 + charWidth($1) }
        breakAt = nil
        for k in stride(from: current.count - 1, to: indent, by: -1)
        where !usage && canBreak(between: current[k - 1], and: current[k]) && (!command || current[k - 1] == " ") {
          breakAt = k
          break
        }
      }
    }
    lines.append(String(current))
    return lines.joined(separator: "\n")
  }

  /// Whether a line may break between two characters: at a space, or next to a CJK character,
  /// but never before closing punctuation or after opening punctuation.
  static func canBreak(between a: Character, and b: Character) -> Bool {
    let closing: Set<Character> = [
      "，", "。", "、", "；", "：", "）", "」", "”", "！", "？", "%", ")", ",", ".", ";", ":", "…", "》",
    ]
    let opening: Set<Character> = ["（", "「", "“", "(", "《"]
    if closing.contains(b) || opening.contains(a) { return false }
    if a == " " { return b != " " }
    return charWidth(a) == 2 || charWidth(b) == 2
  }

  /// Columns a character takes in a terminal: two for CJK and full-width forms.
  static func charWidth(_ c: Character) -> Int {
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

  static func displayWidth(_ text: String) -> Int { text.reduce(0) { $0 + charWidth($1) } }
}

extension StringProtocol {
  /// Every occurrence of `target` replaced (without Foundation).
  func replacingEach(of target: String, with replacement: String) -> String {
    split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
  }
}
