import Budget
import FoundationEssentials
import Sheets
import Validation

/// Why a `--catalog` file could not be used.
public enum CatalogFileError: Error, LocalizedMessage, CustomStringConvertible {
  /// The file is neither `.csv` nor `.xlsx`/`.xlsm`.
  case unsupportedFormat(path: String)
  /// No row among the first few names both a code column and a name column.
  case noHeader(path: String)
  /// The rows are not a catalog: a bad code, a missing parent … (the catalog's error names the line).
  case invalid(path: String, CatalogError)
  /// The file could not be read at all (its reader's message names the place).
  case unreadable(path: String, underlying: any Error)

  public func message(_ language: Language) -> String {
    let zh = language == .zh
    switch self {
    case .unsupportedFormat(let path):
      return zh ? "科目表 \(path) 应为 .csv 或 .xlsx 文件" : "the catalog \(path) must be a .csv or .xlsx file"
    case .noHeader(let path):
      return zh
        ? "科目表 \(path) 中找不到表头：应有“科目编码”（或 code）与“科目名称”（或 name）两列"
        : "no header in the catalog \(path): it needs a 科目编码 (or code) and a 科目名称 (or name) column"
    case .invalid(let path, let error):
      return (zh ? "科目表 \(path)：" : "catalog \(path): ") + error.message(language)
    case .unreadable(let path, let underlying):
      if let m = underlying as? LocalizedMessage { return m.message(language) }
      return (zh ? "无法读取科目表 \(path)：" : "cannot read the catalog \(path): ") + String(describing: underlying)
    }
  }

  public var description: String { message(.zh) }
}

extension Yusuan {
  /// The catalog to validate with when the user supplies one (`--catalog FILE`): a `.csv` or
  /// `.xlsx` (first sheet) with a code column (`科目编码`, `编码`, `code` …) and a name column
  /// (`科目名称`, `名称`, `name` …) under a header among the first 20 rows; other columns
  /// named as in `Catalog.merge(csv:kind:)` (`kind`, `level`, `budget_type`, `source`, `note`) are
  /// used too. By default the file **extends** the shipped catalog: its codes are added, and a
  /// code the shipped catalog has takes the file's name. With `complete`, the file **replaces** the
  /// shipped entries of every classification it lists (功能分类, 收入分类 …), and those count as
  /// complete: a code missing from them is a warning instead of `info`.
  public static func catalog(file path: String, complete: Bool, limits: Limits = .default) throws -> Catalog {
    let grid: Grid
    do {
      switch Paths.extension(path).lowercased() {
      case "csv": grid = try CSVReader.read(path: path, limits: limits).grid
      case "xlsx", "xlsm": grid = try XLSXReader(path: path, limits: limits).grid(sheet: 0)
      default: throw CatalogFileError.unsupportedFormat(path: path)
      }
    } catch let error as CatalogFileError {
      throw error
    } catch {
      throw CatalogFileError.unreadable(path: path, underlying: error)
    }
    guard let csv = catalogCSV(grid) else { throw CatalogFileError.noHeader(path: path) }
    switch Result(catching: { () throws(CatalogError) -> Catalog in
      try merging(csv, into: .builtin2023, complete: complete)
    }) {
    case .success(let catalog): return catalog
    case .failure(let error): throw CatalogFileError.invalid(path: path, error)
    }
  }

  /// The shipped catalog extended by catalog CSV text, or with `complete` its classifications replaced.
  static func merging(_ csv: String, into shipped: Catalog, complete: Bool) throws(CatalogError) -> Catalog {
    guard complete else {
      var catalog = shipped
      try catalog.merge(csv: csv)
      return catalog
    }
    var supplied = Catalog(year: shipped.year, entries: [])
    try supplied.merge(csv: csv)
    let kinds = Set(supplied.entries.map(\.kind))
    var catalog = Catalog(
      year: shipped.year, entries: shipped.entries.filter { !kinds.contains($0.kind) } + supplied.entries,
      mappings: shipped.mappings, table1Lines: shipped.table1Lines)
    catalog.completeKinds = kinds
    return catalog
  }

  /// A grid with a code and a name column as catalog CSV text (`code,name,…`), or nil when no
  /// header is found. Rows whose code cell holds no digit (blank lines, section titles) are left out.
  static func catalogCSV(_ grid: Grid) -> String? {
    func header(_ r: Int) -> [String] {
      (0..<grid.columnCount).map { Catalog.normalizedName(grid[r, $0]?.text ?? "").lowercased() }
    }
    let isCode = { (h: String) in h == "code" || h.hasSuffix("编码") || h.hasSuffix("代码") }
    let isName = { (h: String) in h == "name" || h.hasSuffix("名称") }
    guard
      let headerRow = (0..<min(grid.rowCount, 20)).first(where: { r in
        let h = header(r)
        return h.contains(where: isCode) && h.contains(where: isName)
      })
    else { return nil }
    let names = header(headerRow)
    let codeColumn = names.firstIndex(where: isCode)!
    let nameColumn = names.firstIndex(where: isName)!
    let optional = ["kind", "level", "budget_type", "source", "note"]
    let extra = optional.compactMap { key in names.firstIndex(of: key).map { (key, $0) } }
    func quoted(_ text: String) -> String {
      "\"" + text.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }
    var lines = [(["code", "name"] + extra.map(\.0)).joined(separator: ",")]
    for r in (headerRow + 1)..<max(grid.rowCount, headerRow + 1) {
      let code = (grid[r, codeColumn]?.text ?? "").filter { !$0.isWhitespace }
      guard code.contains(where: \.isASCIIDigitCharacter) else { continue }
      let fields = [code, grid[r, nameColumn]?.text ?? ""] + extra.map { grid[r, $0.1]?.text ?? "" }
      lines.append(fields.map(quoted).joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }
}

extension Character {
  fileprivate var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
