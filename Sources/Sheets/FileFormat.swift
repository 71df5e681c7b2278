/// What a file holds, judged by its content (magic bytes and container structure), never by its
/// name: a PDF renamed `.xlsx` is a PDF, a `.xls` that is really xlsx is read as xlsx.
public enum FileFormat: Equatable, Sendable {
  /// An Office Open XML workbook (`.xlsx`, `.xlsm`): a zip with `xl/` parts.
  case xlsx
  /// A legacy BIFF workbook (`.xls`, WPS `.et`): an OLE2 compound file with a Workbook (or Book) stream.
  case xls
  /// Yusuan's canonical JSON (text starting with `{`).
  case json
  /// Any other text, read as CSV.
  case text
  /// An empty file: no content to tell by (the reader its name suggests says it is empty).
  case empty
  /// A PDF document.
  case pdf
  /// An OpenDocument spreadsheet (`.ods`, LibreOffice or WPS).
  case ods
  /// An image (PNG, JPEG, GIF, BMP, TIFF, WebP).
  case image(ImageKind)
  /// A workbook protected with an open password (OLE2 with an EncryptedPackage stream).
  case encryptedWorkbook
  /// A document of another kind (Word, PowerPoint, an .xlsb workbook, another OpenDocument).
  case document(DocumentKind)
  /// An archive that holds no workbook (a zip of other files, RAR, 7z, gzip).
  case archive(ArchiveKind)

  /// Image formats recognized by their signature.
  public enum ImageKind: String, Sendable {
    case png = "PNG", jpeg = "JPEG", gif = "GIF", bmp = "BMP", tiff = "TIFF", webp = "WebP"
  }

  /// Documents that are not workbooks Yusuan reads.
  public enum DocumentKind: Sendable {
    /// A Word document, `.docx`.
    case wordOpenXML
    /// A Word 97–2003 document, `.doc`.
    case wordBinary
    /// A PowerPoint presentation, `.pptx` or `.ppt`.
    case powerPoint
    /// An Excel binary workbook, `.xlsb`.
    case xlsb
    /// An OpenDocument text or presentation (`.odt`, `.odp`).
    case openDocument
    /// Another OLE2 compound file (neither workbook nor Word/PowerPoint).
    case compoundFile
  }

  /// Archive formats.
  public enum ArchiveKind: String, Sendable {
    case zip = "zip", rar = "RAR", sevenZip = "7z", gzip = "gzip"
  }

  /// Whether Yusuan reads this format (the others are refused with `UnsupportedFormatError`).
  public var isReadable: Bool {
    switch self {
    case .xlsx, .xls, .json, .text, .empty: return true
    default: return false
    }
  }

  /// How many bytes of a file's start `init(head:tail:)` looks at, at most.
  public static let headLength = 1 << 20
  /// How many bytes of a file's end `init(head:tail:)` looks at, at most (a zip's central directory).
  public static let tailLength = 1 << 16

  /// The format of a file from its first bytes (`head`, up to `headLength`) and, when the file is
  /// longer than `head`, its last bytes (`tail`, up to `tailLength`), where a zip lists its entries.
  /// A pure function: the same bytes give the same answer.
  public init(head: [UInt8], tail: [UInt8] = []) {
    self = FormatSniffer(head: head, tail: tail).format
  }
}
