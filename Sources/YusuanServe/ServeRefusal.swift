import Hummingbird
import YusuanKit

/// Why the server refused an upload or a request; each has its HTTP status and a message.
enum ServeRefusal: Error, LocalizedMessage, Equatable {
  /// The upload is larger than the limit (`Limits.maxFileBytes`), in bytes.
  case tooLarge(limit: Int)
  /// More files than `Limits.maxUploadFiles` in one upload.
  case tooManyFiles(count: Int, limit: Int)
  /// The form carried no file.
  case noFiles
  /// The request is not a `multipart/form-data` upload, or its body is malformed.
  case notAnUpload
  /// A file whose type Yusuan does not read (by its extension), with its sanitized name.
  case unsupportedFile(name: String)
  /// A second narrative, or a narrative that is not a `.txt` file, with its sanitized name.
  case unsupportedNarrative(name: String)
  /// The reader refused the files: its message, as the command line prints it, names the file.
  case unreadable(message: String)
  /// The report or download link is unknown or has expired.
  case expired

  /// The HTTP status of the refusal page.
  var status: HTTPResponse.Status {
    switch self {
    case .tooLarge: .contentTooLarge
    case .expired: .notFound
    default: .badRequest
    }
  }

  func message(_ language: Language) -> String {
    let zh = language == .zh
    switch self {
    case .tooLarge(let limit):
      return zh
        ? "上传的文件太大：一次最多 \(Self.megabytes(limit))。"
        : "the upload is too large: at most \(Self.megabytes(limit)) at a time."
    case .tooManyFiles(let count, let limit):
      return zh ? "一次上传了 \(count) 个文件，最多 \(limit) 个。" : "\(count) files in one upload; at most \(limit)."
    case .noFiles:
      return zh ? "没有收到文件：请选择一个部门的预算公开表文件。" : "no file received: choose the files of one department."
    case .notAnUpload:
      return zh
        ? "请求不是文件上传（multipart/form-data），或内容不完整。"
        : "the request is not a file upload (multipart/form-data), or it is incomplete."
    case .unsupportedFile(let name):
      return zh
        ? "不支持的文件类型：\(name)（可上传 .xlsx、.xls、.csv、.json）。"
        : "unsupported file type: \(name) (upload .xlsx, .xls, .csv or .json)."
    case .unsupportedNarrative(let name):
      return zh
        ? "情况说明应为一个 .txt 文本文件：\(name)（从 PDF 或 Word 复制第三部分情况说明，另存为 .txt）。"
        : "the narrative must be one .txt text file: \(name) (copy 第三部分 情况说明 from the PDF or Word file and save it as .txt)."
    case .unreadable(let message):
      return message
    case .expired:
      return zh ? "报告已过期或不存在，请重新上传文件。" : "the report has expired or does not exist; upload the files again."
    }
  }

  /// `256 MB`, or bytes when smaller than 1 MB.
  static func megabytes(_ bytes: Int) -> String {
    bytes >= 1 << 20 ? "\(bytes >> 20) MB" : "\(bytes) B"
  }
}
