/// Why a legacy `.xls` workbook (BIFF, Excel 97–2003 or WPS) could not be read. Every case names
/// the file and, where known, the sheet and cell.
public enum XLSReadError: Error, Equatable, Sendable {
  /// The file could not be opened or read from disk.
  case cannotOpen(file: String, reason: String)
  /// The file is larger than `Limits.maxLegacyWorkbookBytes`.
  case fileTooLarge(file: String, bytes: Int, limit: Int)
  /// The compound-file container (the OLE2 structure around the workbook) is damaged.
  case corruptContainer(file: String, detail: String)
  /// The workbook stream inside the container is damaged (bad records, strings or cell values).
  case corruptWorkbook(file: String, sheet: String?, detail: String)
  /// The workbook is protected with a password: its records are encrypted.
  case encrypted(file: String)
  /// A sheet's grid (rows × columns, as the file declares it) covers more than `Limits.maxLegacySheetArea` cells.
  case sheetTooLarge(file: String, sheet: String, rows: Int, columns: Int, limit: Int)
  /// A sheet holds more cells than `Limits.maxCellsPerSheet`.
  case tooManyCells(file: String, sheet: String, limit: Int)
  /// A cell's text is longer than `Limits.maxCellTextLength`.
  case textTooLong(file: String, sheet: String, cell: String, limit: Int)
  /// A cell's value could not be read (an unknown type, or text that is not valid UTF-8 after conversion).
  case invalidCellValue(file: String, sheet: String, cell: String, detail: String)
  /// A sheet has more merged ranges than `Limits.maxMergesPerSheet`.
  case tooManyMerges(file: String, sheet: String, limit: Int)
  /// One merged range covers more cells than `Limits.maxMergeArea`.
  case mergeTooLarge(file: String, sheet: String, range: String, limit: Int)
  /// The requested sheet (by name or index) does not exist.
  case noSuchSheet(file: String, sheet: String)
}

extension XLSReadError: LocalizedMessage, CustomStringConvertible {
  /// The file the error concerns.
  public var file: String {
    switch self {
    case .cannotOpen(let f, _), .fileTooLarge(let f, _, _), .corruptContainer(let f, _), .corruptWorkbook(let f, _, _),
      .encrypted(let f), .sheetTooLarge(let f, _, _, _, _), .tooManyCells(let f, _, _), .textTooLong(let f, _, _, _),
      .invalidCellValue(let f, _, _, _), .tooManyMerges(let f, _, _), .mergeTooLarge(let f, _, _, _),
      .noSuchSheet(let f, _):
      return f
    }
  }

  public func message(_ language: Language) -> String {
    let zh = language == .zh
    switch self {
    case .cannotOpen(let f, let reason):
      return zh ? "\(f)：无法打开文件（\(reason)）" : "\(f): cannot open the file (\(reason))"
    case .fileTooLarge(let f, let bytes, let limit):
      return zh
        ? "\(f)：文件大小 \(bytes) 字节，超过 .xls 的上限 \(limit) 字节"
        : "\(f): the file has \(bytes) bytes, more than the .xls limit of \(limit)"
    case .corruptContainer(let f, let detail):
      return zh
        ? "\(f)：.xls 文件已损坏（复合文档结构错误：\(detail)）；请在 Excel 或 WPS 中打开并另存为 .xlsx"
        : "\(f): the .xls file is corrupt (its compound-file structure: \(detail)); open it in Excel or WPS and save it as .xlsx"
    case .corruptWorkbook(let f, let sheet, let detail):
      let s = sheet.map { zh ? "工作表“\($0)”" : "sheet “\($0)”, " } ?? ""
      return zh
        ? "\(f)：.xls 工作簿已损坏（\(s)\(detail)）；请在 Excel 或 WPS 中打开并另存为 .xlsx"
        : "\(f): the .xls workbook is corrupt (\(s)\(detail)); open it in Excel or WPS and save it as .xlsx"
    case .encrypted(let f):
      return zh
        ? "\(f)：这是加密（设置了打开密码）的 .xls 工作簿，无法读取；请在 Excel 或 WPS 中取消密码后另存为 .xlsx"
        : "\(f): this .xls workbook is password-protected (encrypted) and cannot be read; remove the password in Excel or WPS and save it as .xlsx"
    case .sheetTooLarge(let f, let sheet, let rows, let columns, let limit):
      return zh
        ? "\(f)：工作表“\(sheet)”声明了 \(rows) 行 × \(columns) 列，超过 \(limit) 个单元格的上限"
        : "\(f): sheet “\(sheet)” declares \(rows) rows × \(columns) columns, more than the limit of \(limit) cells"
    case .tooManyCells(let f, let sheet, let limit):
      return zh ? "\(f)：工作表“\(sheet)”的单元格数超过上限 \(limit)" : "\(f): sheet “\(sheet)” holds more than \(limit) cells"
    case .textTooLong(let f, let sheet, let cell, let limit):
      return zh
        ? "\(f)：工作表“\(sheet)”单元格 \(cell) 的文本超过 \(limit) 个字符"
        : "\(f): sheet “\(sheet)” cell \(cell) holds text longer than \(limit) characters"
    case .invalidCellValue(let f, let sheet, let cell, let detail):
      return zh
        ? "\(f)：工作表“\(sheet)”单元格 \(cell) 的值无法读取（\(detail)）"
        : "\(f): sheet “\(sheet)” cell \(cell) holds a value that cannot be read (\(detail))"
    case .tooManyMerges(let f, let sheet, let limit):
      return zh
        ? "\(f)：工作表“\(sheet)”的合并单元格超过 \(limit) 个" : "\(f): sheet “\(sheet)” has more than \(limit) merged ranges"
    case .mergeTooLarge(let f, let sheet, let range, let limit):
      return zh
        ? "\(f)：工作表“\(sheet)”的合并区域 \(range) 超过 \(limit) 个单元格"
        : "\(f): sheet “\(sheet)” has a merged range \(range) covering more than \(limit) cells"
    case .noSuchSheet(let f, let sheet):
      return zh ? "\(f)：没有工作表“\(sheet)”" : "\(f): there is no sheet “\(sheet)”"
    }
  }

  public var description: String { message(.zh) }
}
