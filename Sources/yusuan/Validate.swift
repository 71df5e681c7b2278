import ArgumentParser
import Budget
import FoundationEssentials
import Layouts
import Sheets
import Validation
import YusuanKit

enum ReportFormat: String, NamedArgument {
  case text, json, junit
}

struct Validate: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Check every identity of the tables: sums within tables, agreement across tables, codes and catalog.",
    discussion: """
      Reports which rules ran, which did not apply (a table absent or empty) and which passed, so
      that "nothing found" never hides "nothing checked". Each finding names the table, row, column
      and cells, with the expected and found amounts. Severities: error, warning, and rounding
      (differences of a few 0.01 from rounding rows separately).

      Exit status: 0 no error (with --strict: no finding at all), 1 findings, 2 unreadable input.

      Examples:
        yusuan validate 部门预算.xlsx
        yusuan validate 部门预算.xlsx --format junit > report.xml
        yusuan validate csv目录/ --tolerance 0.01 --lang en
      """)

  @Argument(help: "Input files or folders (one department).")
  var inputs: [String]

  @Option(help: "Report format: text (default), json or junit.")
  var format: ReportFormat = .text

  // Unconditional, so that `--tolerance -1` is refused with a clear message rather than read as a flag.
  @Option(parsing: .unconditional, help: "Differences up to this amount (万元) count as equal, e.g. 0.01.")
  var tolerance: String = "0.00"

  @Flag(help: "Exit 1 on any finding but info, not only on errors.")
  var strict = false

  @OptionGroup var catalog: CatalogOptions

  @Option(help: "Force the encoding of CSV inputs (default: detect UTF-8 or GB18030).")
  var encoding: TextEncoding?

  @Flag(help: "Print how long reading and validating took (validation twice: with and without loading the catalog).")
  var timings = false

  @OptionGroup var common: CommonOptions

  func run() throws {
    let tolerance: Amount
    let lookup: (any ClassificationLookup)?
    do {
      tolerance = try OptionValues.amount(self.tolerance, option: "--tolerance")
      lookup = try catalog.lookup()
    } catch {
      throw CommandFailure(message: Console.message(error, common.lang), status: 2)
    }
    let zh = common.lang == .zh
    var stopwatch = Stopwatch(language: common.lang)
    let reading: DisclosureReading
    do {
      reading = try stopwatch.measure(zh ? "读取" : "read") { try DisclosureReader(csvEncoding: encoding).read(inputs) }
    } catch {
      throw CommandFailure(message: Console.message(error, common.lang), status: 2)
    }
    let validate = { YusuanKit.Yusuan.validate(reading, tolerance: tolerance, catalog: lookup) }
    let report = stopwatch.measure(zh ? "校验（含加载科目表）" : "validate (loading the catalog)") { validate() }
    if timings {
      _ = stopwatch.measure(zh ? "再次校验" : "validate again") { validate() }
      Console.error(stopwatch.summary)
    }
    switch format {
    case .text: Console.out(report.text(common.lang))
    case .json: Console.out(report.json(common.lang))
    case .junit: Console.out(report.junit(common.lang, strict: strict))
    }
    let status = report.exitStatus(strict: strict)
    if status != 0 { throw ExitCode(status) }
  }
}

/// The classification catalog the commands validate against.
enum StandardCatalog {
  static let lookup: (any ClassificationLookup)? = YusuanKit.Yusuan.standardCatalog
}

/// The options that choose the classification catalog (validate, batch).
struct CatalogOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "A catalog (政府收支分类科目) as .csv or .xlsx with code and name columns; it extends the shipped one.",
      valueName: "file"))
  var catalog: String?

  @Flag(help: "The --catalog file is complete: it replaces the shipped entries of the classifications it lists, and a code missing from them is a warning, not info.")
  var catalogComplete = false

  /// The catalog to validate with: the shipped one, or the shipped one with the user's file.
  func lookup() throws -> (any ClassificationLookup)? {
    guard let catalog else {
      if catalogComplete { throw OptionValueError.needs(option: "--catalog-complete", other: "--catalog") }
      return StandardCatalog.lookup
    }
    return try YusuanKit.Yusuan.catalog(file: catalog, complete: catalogComplete)
  }
}
