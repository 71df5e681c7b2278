import ArgumentParser
import YusuanKit

/// `--template ID`: the template set to read inputs as, instead of detecting it.
struct TemplateOption: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      L("模板 id（见 yusuan templates），不指定则自动识别。", "Template set id (see yusuan templates); detected when omitted.")))
  var template: String?

  /// The forced set, nil to detect; an unknown id is misuse (exit 2) with the known ids.
  func set(_ language: Language) throws -> LayoutSet? {
    guard let template else { return nil }
    guard let set = TemplateSets.set(template) else {
      let known = TemplateSets.all.map(\.name).joined(separator: ", ")
      throw CommandFailure(
        message: language == .zh ? "未知的模板“\(template)”；可用：\(known)" : "unknown template \(template); known: \(known)",
        status: 2)
    }
    return set
  }
}

/// The options that choose the classification catalog (validate, batch).
struct CatalogOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      L(
        "科目表（政府收支分类科目），.csv 或 .xlsx，含编码列和名称列；补充内置的科目表。",
        "A catalog (政府收支分类科目) as .csv or .xlsx with code and name columns; it extends the shipped one."),
      valueName: "file"))
  var catalog: String?

  @Flag(
    help: ArgumentHelp(
      L(
        "--catalog 文件是完整的：它取代内置表中它所列各类科目的条目，不在其中的编码为警告而非提示。",
        "The --catalog file is complete: it replaces the shipped entries of the classifications it lists, and a code missing from them is a warning, not info."
      )))
  var catalogComplete = false

  /// Puts the user's catalog file, if any, into `configuration` (the shipped catalog otherwise).
  func apply(to configuration: inout Yusuan.Configuration) throws {
    guard let catalog else {
      if catalogComplete { throw OptionValueError.needs(option: "--catalog-complete", other: "--catalog") }
      return
    }
    try configuration.useCatalog(file: catalog, complete: catalogComplete)
  }
}

extension Yusuan.Configuration {
  /// The one place a command turns its options into the library's configuration: language,
  /// template set (or detection), CSV input encoding, and, for the commands that validate,
  /// tolerance and catalog. A bad value is misuse: exit 2 with its message.
  init(
    _ common: CommonOptions, _ template: TemplateOption, csvEncoding: TextEncoding? = nil, tolerance: String? = nil,
    catalog: CatalogOptions? = nil
  ) throws {
    self.init(template: try template.set(common.lang), csvEncoding: csvEncoding, language: common.lang)
    do {
      if let tolerance { self.tolerance = try OptionValues.amount(tolerance, option: "--tolerance") }
      try catalog?.apply(to: &self)
    } catch {
      throw CommandFailure(message: Console.message(error, common.lang), status: 2)
    }
  }
}
