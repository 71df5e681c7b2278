/// A file that is not a spreadsheet Yusuan reads, named for what it is, with what to do instead.
public enum UnsupportedFormatError: Error, Equatable, Sendable {
  /// The file's content is of a format Yusuan does not read (`format.isReadable` is false).
  case refused(file: String, format: FileFormat)
}

extension UnsupportedFormatError: LocalizedMessage, CustomStringConvertible {
  /// The file refused.
  public var file: String {
    switch self {
    case .refused(let file, _): return file
    }
  }

  public func message(_ language: Language) -> String {
    let zh = language == .zh
    guard case .refused(let f, let format) = self else { return "" }
    let exportXLSX =
      zh
      ? "请从财务系统导出 .xlsx 文件，或在 WPS、Excel 中打开并另存为 .xlsx 后再试"
      : "export the workbook as .xlsx from the finance system, or open it in WPS or Excel and save it as .xlsx, then try again"
    switch format {
    case .pdf:
      return zh
        ? "\(f)：这是 PDF 文件，不是电子表格，无法读取其中的表格；\(exportXLSX)"
        : "\(f): this is a PDF document, not a spreadsheet; \(exportXLSX)"
    case .ods:
      return zh
        ? "\(f)：这是 OpenDocument 电子表格（.ods），不能直接读取；请在 WPS、Excel 或 LibreOffice 中另存为 .xlsx 后再试"
        : "\(f): this is an OpenDocument spreadsheet (.ods), which is not read directly; save it as .xlsx in WPS, Excel or LibreOffice, then try again"
    case .image(let kind):
      return zh
        ? "\(f)：这是 \(kind.rawValue) 图片，不是电子表格，无法读取其中的表格；\(exportXLSX)"
        : "\(f): this is a \(kind.rawValue) image, not a spreadsheet; \(exportXLSX)"
    case .encryptedWorkbook:
      return zh
        ? "\(f)：这是加密（设置了打开密码）的工作簿，无法读取；请在 Excel 或 WPS 中取消密码后另存为 .xlsx 后再试"
        : "\(f): this workbook is password-protected (encrypted) and cannot be read; remove the password in Excel or WPS and save it as .xlsx, then try again"
    case .document(let kind):
      return zh
        ? "\(f)：这是\(kind.name(language))，不是 Excel 工作簿；\(exportXLSX)"
        : "\(f): this is \(kind.name(language)), not an Excel workbook; \(exportXLSX)"
    case .archive(let kind):
      return zh
        ? "\(f)：这是 \(kind.rawValue) 压缩包，其中没有可读取的工作簿；请先解压，再读取其中的 .xlsx 或 .xls 文件"
        : "\(f): this is a \(kind.rawValue) archive that holds no readable workbook; extract it first, then read the .xlsx or .xls files inside"
    case .xlsx, .xls, .json, .text, .empty:
      return zh ? "\(f)：文件格式无法读取" : "\(f): the file format cannot be read"
    }
  }

  public var description: String { message(.zh) }
}

extension FileFormat.DocumentKind {
  /// The document's kind in words, with its usual extension.
  func name(_ language: Language) -> String {
    let zh = language == .zh
    switch self {
    case .wordOpenXML: return zh ? " Word 文档（.docx）" : "a Word document (.docx)"
    case .wordBinary: return zh ? " Word 文档（.doc）" : "a Word document (.doc)"
    case .powerPoint: return zh ? " PowerPoint 演示文稿" : "a PowerPoint presentation"
    case .xlsb: return zh ? " Excel 二进制工作簿（.xlsb）" : "an Excel binary workbook (.xlsb)"
    case .openDocument: return zh ? " OpenDocument 文档（.odt/.odp）" : "an OpenDocument text or presentation (.odt, .odp)"
    case .compoundFile: return zh ? "其他程序的 OLE 复合文档" : "an OLE compound document of another program"
    }
  }
}
