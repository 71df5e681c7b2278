import ArgumentParser
import FoundationEssentials
import YusuanKit

struct Roundtrip: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "roundtrip",
    abstract: L("读取，写成每种格式，再读回，报告任何变化了的值。", "Read, write every format, read again, and report any value that changed."),
    discussion: L(
      """
      输入读取一次；然后写成 JSON、排版好的 xlsx，以及两种布局（tidy、disclosure）和三种编码（utf-8-bom、utf-8、gb18030）的 CSV；每个输出读回后与第一次读取比较。全部无损时退出码 0；有差异时为 1，并列出每个不同的值（表、行、列、单元格、前 → 后）；无法读取时为 2。
      """,
      """
      The inputs are read once; then written as JSON, as the formatted xlsx, and as CSV in both layouts (tidy, disclosure) and all three encodings (utf-8-bom, utf-8, gb18030); each output is read back and compared with the first reading. Exit 0 when every trip is lossless, 1 listing every differing value (table, row, column, cell, before → after), 2 when unreadable.
      """))

  @Argument(help: ArgumentHelp(L("输入文件或文件夹（一个部门）。", "Input files or folders (one department).")))
  var inputs: [String]

  @Option(
    help: ArgumentHelp(
      L("指定 CSV 输入的编码（默认自动识别 UTF-8 或 GB18030）。", "Force the encoding of CSV inputs (default: detect UTF-8 or GB18030).")
    ))
  var encoding: TextEncoding?

  @OptionGroup var common: CommonOptions

  @OptionGroup var templateOption: TemplateOption

  func run() throws {
    let configuration = try Yusuan.Configuration(common, templateOption, csvEncoding: encoding)
    let zh = common.lang == .zh
    let original: Disclosure
    let unread: [ReadIssue]
    do {
      let reading = try Yusuan.read(inputs, configuration)
      original = reading.disclosure
      unread = reading.issues.filter { $0.severity != .info }
    } catch {
      throw CommandFailure(message: Console.message(error, common.lang), status: 2)
    }
    // The trips compare against what was read; what was not read is lost before the first trip.
    for issue in unread { Console.out("✗ \(zh ? "未能读取" : "not read")：\(issue.message(common.lang))\n") }
    let work = Paths.join(
      FileManager.default.temporaryDirectory.path,
      "yusuan-roundtrip-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))")
    try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: work) }
    var trips: [(String, OutputFormat, CSVLayout, TextEncoding, String)] = [
      ("json", .json, .tidy, .utf8BOM, "d.json"), ("xlsx", .xlsx, .tidy, .utf8BOM, "d.xlsx"),
    ]
    for layout in CSVLayout.allCases {
      for enc in TextEncoding.allCases {
        trips.append(
          ("csv \(layout.rawValue) \(enc.rawValue)", .csv, layout, enc, "csv-\(layout.rawValue)-\(enc.rawValue)"))
      }
    }
    var failures = 0
    for (label, format, layout, enc, name) in trips {
      let path = Paths.join(work, name)
      do {
        let diffs = try Yusuan.roundTrip(
          original, through: format, scratch: path, csvLayout: layout, encoding: enc, configuration)
        if diffs.isEmpty {
          Console.out("✓ \(label)\n")
        } else {
          failures += 1
          Console.out("✗ \(label)：\(diffs.count) \(zh ? "处不同" : "difference(s)")\n")
          for d in diffs { Console.out("    \(d)\n") }
        }
      } catch {
        failures += 1
        Console.out("✗ \(label)：\(Console.message(error, common.lang))\n")
      }
    }
    if failures > 0 { throw ExitCode(1) }
    guard unread.isEmpty else {
      Console.out(
        zh
          ? "\(trips.count) 种往返与读取到的内容一致，但源文件有 \(unread.count) 处未能读取（见上），不算无损。\n"
          : "the \(trips.count) round trips match what was read, but \(unread.count) place(s) of the source could not be read (above): not lossless.\n"
      )
      throw ExitCode(1)
    }
    Console.out(zh ? "全部 \(trips.count) 种往返无损。\n" : "all \(trips.count) round trips lossless.\n")
  }
}
