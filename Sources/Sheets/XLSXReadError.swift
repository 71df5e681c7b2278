/// Why an XLSX workbook could not be read. Every case names the file and, where known,
/// the part (zip entry), sheet and cell, so that a finance user can find the problem.
public enum XLSXReadError: Error, Equatable, Sendable {
  /// The file could not be opened or read from disk.
  case cannotOpen(file: String, reason: String)
  /// The file is empty (0 bytes).
  case emptyFile(file: String)
  /// The file is larger than `Limits.maxFileBytes`.
  case fileTooLarge(file: String, bytes: Int, limit: Int)
  /// The file is not a zip container at all (for example a CSV or text file named `.xlsx`).
  case notAZip(file: String)
  /// The file is an OLE compound document: a legacy `.xls` or a password-protected workbook.
  case legacyOrEncryptedWorkbook(file: String)
  /// The file starts like a zip but its end (the central directory) is missing: it was cut short.
  case truncatedZip(file: String)
  /// The zip container is damaged (bad CRC, inconsistent headers, invalid compressed data).
  case corruptZip(file: String, part: String?, detail: String)
  /// The zip holds more entries than `Limits.maxZipEntries`.
  case tooManyEntries(file: String, count: Int, limit: Int)
  /// Two entries have the same name apart from letter case, which OPC forbids.
  case duplicatePart(file: String, part: String)
  /// A part the workbook needs (workbook, relationships, a sheet) is not in the zip.
  case missingPart(file: String, part: String)
  /// An entry is encrypted or compressed with a method other than store or deflate.
  case encryptedOrUnsupportedCompression(file: String, part: String, method: Int, encrypted: Bool)
  /// A part inflates (or declares that it inflates) beyond its byte budget: a zip bomb.
  case partTooLarge(file: String, part: String, limit: Int)
  /// A part inflates to more bytes than its header declares: the zip lies about its size.
  case partLargerThanDeclared(file: String, part: String, declared: Int)
  /// All parts together inflate beyond `Limits.maxTotalInflatedBytes`.
  case archiveTooLarge(file: String, part: String, limit: Int)
  /// A part contains a DOCTYPE declaration, which OPC forbids (it carries entity attacks).
  case doctypeForbidden(file: String, part: String)
  /// A part is not well-formed XML.
  case malformedXML(file: String, part: String, line: Int, column: Int, message: String)
  /// A cell or range reference is not of the form `A1`.
  case invalidCellReference(file: String, sheet: String, ref: String)
  /// A cell lies beyond Excel's grid (after column XFD or row 1,048,576).
  case cellOutOfGrid(file: String, sheet: String, ref: String)
  /// A sheet holds more cells than `Limits.maxCellsPerSheet`.
  case tooManyCells(file: String, sheet: String, limit: Int)
  /// A cell's (or shared string's) text is longer than `Limits.maxCellTextLength`.
  case textTooLong(file: String, sheet: String, cell: String?, limit: Int)
  /// The shared-strings table holds more entries than `Limits.maxSharedStrings`.
  case tooManySharedStrings(file: String, limit: Int)
  /// A cell points at a shared string that does not exist.
  case sharedStringIndexOutOfRange(file: String, sheet: String, cell: String, index: String)
  /// A cell's stored value does not fit its declared type (a number that is not a number, a bad boolean).
  case invalidCellValue(file: String, sheet: String, cell: String, value: String)
  /// A sheet has more merged ranges than `Limits.maxMergesPerSheet`.
  case tooManyMerges(file: String, sheet: String, limit: Int)
  /// One merged range covers more cells than `Limits.maxMergeArea`.
  case mergeTooLarge(file: String, sheet: String, range: String, limit: Int)
  /// The requested sheet (by name or index) does not exist.
  case noSuchSheet(file: String, sheet: String)
  /// An XML start tag carries more attributes than `Limits.maxAttributesPerElement`.
  case tooManyAttributes(file: String, part: String, limit: Int)
  /// The workbook lists more sheets than `Limits.maxSheets`.
  case tooManySheets(file: String, limit: Int)
  /// Two sheets point at the same worksheet part, which a real workbook never does.
  case aliasedSheetPart(file: String, sheet: String, part: String)
  /// The sheets together hold more cells than `Limits.maxCellsPerWorkbook`.
  case tooManyCellsInWorkbook(file: String, sheet: String, limit: Int)
}

extension XLSXReadError: LocalizedMessage, CustomStringConvertible {
  /// The file the error concerns.
  public var file: String {
    switch self {
    case .cannotOpen(let f, _), .emptyFile(let f), .fileTooLarge(let f, _, _), .notAZip(let f),
      .legacyOrEncryptedWorkbook(let f), .truncatedZip(let f), .corruptZip(let f, _, _),
      .tooManyEntries(let f, _, _), .duplicatePart(let f, _), .missingPart(let f, _),
      .encryptedOrUnsupportedCompression(let f, _, _, _), .partTooLarge(let f, _, _),
      .partLargerThanDeclared(let f, _, _), .archiveTooLarge(let f, _, _), .doctypeForbidden(let f, _),
      .malformedXML(let f, _, _, _, _), .invalidCellReference(let f, _, _), .cellOutOfGrid(let f, _, _),
      .tooManyCells(let f, _, _), .textTooLong(let f, _, _, _), .tooManySharedStrings(let f, _),
      .sharedStringIndexOutOfRange(let f, _, _, _), .invalidCellValue(let f, _, _, _),
      .tooManyMerges(let f, _, _), .mergeTooLarge(let f, _, _, _), .noSuchSheet(let f, _),
      .tooManyAttributes(let f, _, _), .tooManySheets(let f, _), .aliasedSheetPart(let f, _, _),
      .tooManyCellsInWorkbook(let f, _, _):
      return f
    }
  }

  public func message(_ language: Language) -> String {
    let zh = language == .zh
    switch self {
    case .cannotOpen(let f, let reason):
      return zh ? "\(f)：无法打开文件（\(reason)）" : "\(f): cannot open the file (\(reason))"
    case .emptyFile(let f):
      return zh ? "\(f)：文件为空（0 字节），不是有效的 xlsx 工作簿" : "\(f): the file is empty (0 bytes), not an xlsx workbook"
    case .fileTooLarge(let f, let bytes, let limit):
      return zh
        ? "\(f)：文件大小 \(bytes) 字节，超过上限 \(limit) 字节"
        : "\(f): the file has \(bytes) bytes, more than the limit of \(limit)"
    case .notAZip(let f):
      return zh
        ? "\(f)：不是 xlsx 工作簿（不是 zip 格式，可能是改了扩展名的文本或 CSV 文件）"
        : "\(f): not an xlsx workbook (not a zip file; perhaps a text or CSV file renamed to .xlsx)"
    case .legacyOrEncryptedWorkbook(let f):
      return zh
        ? "\(f)：这是旧版 .xls 文件或加密（设置了打开密码）的工作簿，请在 Excel 中另存为不加密的 .xlsx"
        : "\(f): this is a legacy .xls file or a password-protected workbook; save it as an unencrypted .xlsx in Excel"
    case .truncatedZip(let f):
      return zh ? "\(f)：文件不完整（zip 目录缺失，可能下载或复制时被截断）" : "\(f): the file is truncated (the zip directory is missing)"
    case .corruptZip(let f, let part, let detail):
      let p = part.map { zh ? "，部件 \($0)" : ", part \($0)" } ?? ""
      return zh ? "\(f)：zip 文件已损坏\(p)（\(detail)）" : "\(f): the zip container is corrupt\(p) (\(detail))"
    case .tooManyEntries(let f, let count, let limit):
      return zh
        ? "\(f)：zip 包含 \(count) 个条目，超过上限 \(limit)"
        : "\(f): the zip holds \(count) entries, more than the limit of \(limit)"
    case .duplicatePart(let f, let part):
      return zh ? "\(f)：部件名 \(part) 重复（仅大小写不同）" : "\(f): the part name \(part) occurs twice (differing only in case)"
    case .missingPart(let f, let part):
      return zh ? "\(f)：缺少部件 \(part)，工作簿不完整" : "\(f): the part \(part) is missing; the workbook is incomplete"
    case .encryptedOrUnsupportedCompression(let f, let part, let method, let encrypted):
      if encrypted {
        return zh ? "\(f)：部件 \(part) 已加密，无法读取" : "\(f): the part \(part) is encrypted and cannot be read"
      }
      return zh
        ? "\(f)：部件 \(part) 使用了不支持的压缩方法 \(method)（只支持 store/deflate）"
        : "\(f): the part \(part) uses unsupported compression method \(method) (only store and deflate are read)"
    case .partTooLarge(let f, let part, let limit):
      return zh
        ? "\(f)：部件 \(part) 解压后超过 \(limit) 字节上限（疑似 zip 炸弹），已停止读取"
        : "\(f): the part \(part) inflates beyond its limit of \(limit) bytes (a zip bomb?); reading stopped"
    case .partLargerThanDeclared(let f, let part, let declared):
      return zh
        ? "\(f)：部件 \(part) 解压后的大小超过其声明的 \(declared) 字节（zip 头信息不实），已停止读取"
        : "\(f): the part \(part) inflates to more than the \(declared) bytes it declares (a lying zip header); reading stopped"
    case .archiveTooLarge(let f, let part, let limit):
      return zh
        ? "\(f)：读取部件 \(part) 时，全部部件解压总量超过 \(limit) 字节上限，已停止读取"
        : "\(f): while reading \(part), the parts together inflate beyond the limit of \(limit) bytes; reading stopped"
    case .doctypeForbidden(let f, let part):
      return zh
        ? "\(f)：部件 \(part) 含有 DOCTYPE 声明（OPC 规范禁止，可能是实体注入攻击），拒绝读取"
        : "\(f): the part \(part) contains a DOCTYPE declaration (forbidden by OPC; an entity attack?); refused"
    case .malformedXML(let f, let part, let line, let column, let message):
      return zh
        ? "\(f)：部件 \(part) 第 \(line) 行第 \(column) 列 XML 格式错误：\(message)"
        : "\(f): the part \(part) is not well-formed XML at line \(line), column \(column): \(message)"
    case .invalidCellReference(let f, let sheet, let ref):
      return zh
        ? "\(f)：工作表“\(sheet)”中的单元格引用“\(ref)”无效" : "\(f): sheet “\(sheet)” has an invalid cell reference “\(ref)”"
    case .cellOutOfGrid(let f, let sheet, let ref):
      return zh
        ? "\(f)：工作表“\(sheet)”中的单元格 \(ref) 超出 Excel 范围（最大 XFD1048576）"
        : "\(f): sheet “\(sheet)” has a cell \(ref) beyond Excel's grid (largest is XFD1048576)"
    case .tooManyCells(let f, let sheet, let limit):
      return zh
        ? "\(f)：工作表“\(sheet)”的单元格数超过上限 \(limit)" : "\(f): sheet “\(sheet)” holds more than \(limit) cells"
    case .textTooLong(let f, let sheet, let cell, let limit):
      let at = cell.map { zh ? "单元格 \($0) " : "cell \($0) " } ?? ""
      return zh
        ? "\(f)：“\(sheet)”中\(at)的文本超过 \(limit) 个字符"
        : "\(f): in “\(sheet)”, \(at)text is longer than \(limit) characters"
    case .tooManySharedStrings(let f, let limit):
      return zh ? "\(f)：共享字符串表超过 \(limit) 项" : "\(f): the shared-strings table holds more than \(limit) entries"
    case .sharedStringIndexOutOfRange(let f, let sheet, let cell, let index):
      return zh
        ? "\(f)：工作表“\(sheet)”单元格 \(cell) 引用了不存在的共享字符串 \(index)"
        : "\(f): sheet “\(sheet)” cell \(cell) refers to shared string \(index), which does not exist"
    case .invalidCellValue(let f, let sheet, let cell, let value):
      return zh
        ? "\(f)：工作表“\(sheet)”单元格 \(cell) 的值“\(value)”与其类型不符"
        : "\(f): sheet “\(sheet)” cell \(cell) holds “\(value)”, which does not fit its type"
    case .tooManyMerges(let f, let sheet, let limit):
      return zh
        ? "\(f)：工作表“\(sheet)”的合并单元格超过 \(limit) 个" : "\(f): sheet “\(sheet)” has more than \(limit) merged ranges"
    case .mergeTooLarge(let f, let sheet, let range, let limit):
      return zh
        ? "\(f)：工作表“\(sheet)”的合并区域 \(range) 超过 \(limit) 个单元格"
        : "\(f): sheet “\(sheet)” has a merged range \(range) covering more than \(limit) cells"
    case .noSuchSheet(let f, let sheet):
      return zh ? "\(f)：没有工作表“\(sheet)”" : "\(f): there is no sheet “\(sheet)”"
    case .tooManyAttributes(let f, let part, let limit):
      return zh
        ? "\(f)：部件 \(part) 中有元素的属性超过 \(limit) 个，拒绝读取"
        : "\(f): an element of the part \(part) has more than \(limit) attributes; refused"
    case .tooManySheets(let f, let limit):
      return zh ? "\(f)：工作簿的工作表超过 \(limit) 个" : "\(f): the workbook lists more than \(limit) sheets"
    case .aliasedSheetPart(let f, let sheet, let part):
      return zh
        ? "\(f)：工作表“\(sheet)”与另一工作表指向同一部件 \(part)，拒绝读取"
        : "\(f): sheet “\(sheet)” points at the part \(part), which another sheet already uses; refused"
    case .tooManyCellsInWorkbook(let f, let sheet, let limit):
      return zh
        ? "\(f)：读到工作表“\(sheet)”时，全部工作表的单元格数超过上限 \(limit)"
        : "\(f): at sheet “\(sheet)”, the sheets together hold more than \(limit) cells"
    }
  }

  public var description: String { message(.zh) }
}
