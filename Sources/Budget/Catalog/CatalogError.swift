import Messages

/// Why a catalog CSV could not be merged. Lines count from 1 (the header line).
public enum CatalogError: Error, Equatable, Sendable, LocalizedMessage, CustomStringConvertible {
  /// The CSV has no header line.
  case emptyCSV
  /// A quoted field runs to the end of the text without its closing quote.
  case unterminatedQuote(line: Int)
  /// A quote appears inside an unquoted field, or text follows a closing quote.
  case strayQuote(line: Int)
  /// The header lacks a required column (`code` or `name`).
  case missingColumn(name: String)
  /// A record has more or fewer fields than the header.
  case fieldCount(line: Int, expected: Int, found: Int)
  /// The kind cell names no classification, or no kind is given and the code's leading digit
  /// does not tell it.
  case unknownKind(line: Int, value: String)
  /// The code is not a valid code of its classification (digits, length, leading digit).
  case invalidCode(line: Int, code: String, kind: ClassificationKind)
  /// The name cell is empty.
  case emptyName(line: Int, code: String)
  /// The level cell is not 类/款/项/目 (or 1–4), or disagrees with the code's length.
  case invalidLevel(line: Int, code: String, value: String)
  /// The parent cell disagrees with the code's prefix.
  case parentMismatch(line: Int, code: String, parent: String)
  /// The parent code is neither in the catalog nor in the CSV.
  case missingParent(line: Int, code: String, parent: String)
  /// The budget type cell is not GPB/GF/SOC/SSF/mixed or a Chinese budget name.
  case invalidBudgetType(line: Int, value: String)
  /// The same kind and code appear twice in one CSV.
  case duplicateCode(line: Int, code: String, firstLine: Int)

  /// The CSV line the problem is on, when there is one.
  public var line: Int? {
    switch self {
    case .emptyCSV, .missingColumn: 1
    case .unterminatedQuote(let line), .strayQuote(let line), .fieldCount(let line, _, _),
      .unknownKind(let line, _), .invalidCode(let line, _, _), .emptyName(let line, _),
      .invalidLevel(let line, _, _), .parentMismatch(let line, _, _),
      .missingParent(let line, _, _), .invalidBudgetType(let line, _),
      .duplicateCode(let line, _, _):
      line
    }
  }

  /// The message in Chinese (`.zh`) or English (`.en`), prefixed with the line.
  public func message(_ language: Language) -> String {
    let zh = language == .zh
    let prefix = line.map { zh ? "科目表 CSV 第 \($0) 行：" : "catalog CSV line \($0): " } ?? ""
    let body: String
    switch self {
    case .emptyCSV:
      body = zh ? "没有表头行" : "no header line"
    case .unterminatedQuote:
      body = zh ? "引号没有闭合" : "a quoted field is never closed"
    case .strayQuote:
      body = zh ? "字段中有多余的引号" : "a quote inside an unquoted field or after a closing quote"
    case .missingColumn(let name):
      body = zh ? "表头缺少列 \(name)" : "the header lacks the column \(name)"
    case .fieldCount(_, let expected, let found):
      body = zh ? "应有 \(expected) 个字段，实际 \(found) 个" : "expected \(expected) fields, found \(found)"
    case .unknownKind(_, let value):
      body = zh ? "无法确定分类“\(value)”" : "cannot tell the classification of “\(value)”"
    case .invalidCode(_, let code, let kind):
      body = zh ? "“\(code)”不是有效的\(kind.chineseName)科目编码" : "“\(code)” is not a valid \(kind.rawValue) code"
    case .emptyName(_, let code):
      body = zh ? "科目 \(code) 没有名称" : "code \(code) has no name"
    case .invalidLevel(_, let code, let value):
      body = zh ? "科目 \(code) 的级次“\(value)”与编码长度不符" : "level “\(value)” does not fit code \(code)"
    case .parentMismatch(_, let code, let parent):
      body = zh ? "科目 \(code) 的上级“\(parent)”与编码前缀不符" : "parent “\(parent)” is not the prefix of code \(code)"
    case .missingParent(_, let code, let parent):
      body = zh ? "科目 \(code) 的上级 \(parent) 不在科目表中" : "the parent \(parent) of code \(code) is not in the catalog"
    case .invalidBudgetType(_, let value):
      body = zh ? "预算类型“\(value)”无法识别" : "unknown budget type “\(value)”"
    case .duplicateCode(_, let code, let firstLine):
      body = zh ? "科目 \(code) 重复（首次出现在第 \(firstLine) 行）" : "code \(code) repeats (first on line \(firstLine))"
    }
    return prefix + body
  }

  /// The Chinese message.
  public var description: String { message(.zh) }
}
