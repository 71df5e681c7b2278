import Glibc

/// Why an output file (XLSX or CSV) was not written. When writing fails nothing is left behind.
public enum WriteError: Error, Equatable, Sendable, LocalizedMessage, CustomStringConvertible {
  /// Two merged ranges on one sheet share cells; Excel would call the file corrupt.
  case overlappingMerges(sheet: String, first: CellRange, second: CellRange)
  /// A merged range covers a single cell, which Excel refuses.
  case singleCellMerge(sheet: String, range: CellRange)
  /// A cell covered by a merged range holds its own value; only the merge may carry one.
  case valueCoveredByMerge(sheet: String, cell: CellAddress, merge: CellRange)
  /// A sheet name breaks Excel's rules (empty, longer than 31 characters, `[]:*?/\`, or leading/trailing `'`).
  case invalidSheetName(name: String)
  /// Two sheets have the same name (Excel compares names without case).
  case duplicateSheetName(name: String)
  /// A workbook must have at least one sheet.
  case noSheets
  /// A cell lies beyond Excel's grid (1,048,576 rows × 16,384 columns).
  case cellOutOfRange(sheet: String, cell: CellAddress)
  /// A text is longer than Excel's 32,767 characters per cell (or 255 for headers, footers, properties).
  case textTooLong(sheet: String, cell: String, length: Int, limit: Int)
  /// A `.number` value is not a plain decimal number.
  case invalidNumber(sheet: String, cell: CellAddress, text: String)
  /// Rows of a constant-memory (flat) sheet must come in increasing order.
  case rowOutOfOrder(sheet: String, row: Int)
  /// libxlsxwriter reported an error (its code and `lxw_strerror` text) during the named step.
  case library(code: Int32, text: String, step: String)
  /// The output path is one of the input files; Yusuan never replaces an input.
  case wouldOverwriteInput(path: String, input: String)
  /// A file-system operation failed (`errno` from the system).
  case io(path: String, operation: String, errno: Int32)
  /// The output path is empty (`-o ""`).
  case emptyPath
  /// Something other than a regular file is at the output path; it is never replaced.
  case notARegularFile(path: String, kind: FileKind)
  /// A CSV output folder's path names something that is not a folder.
  case notAFolder(path: String, kind: FileKind)
  /// A folder on the way to the output is a file, so the output's folder cannot be made.
  case parentNotAFolder(path: String)
  /// Files cannot be created in the folder the output goes to (`errno`: no permission, read-only).
  case folderNotWritable(path: String, errno: Int32)
  /// The command is exiting on a signal; the output was not written.
  case interrupted(path: String)
  /// The text cannot be represented in the target encoding (offset into its UTF-8 form).
  case unencodable(encoding: TextEncoding, byteOffset: Int)
  /// The system's iconv cannot convert to this encoding.
  case converterUnavailable(encoding: TextEncoding, errno: Int32)

  public func message(_ language: Language) -> String {
    let zh = language == .zh
    switch self {
    case .overlappingMerges(let s, let a, let b):
      return zh ? "工作表 \(s)：合并区域 \(a) 与 \(b) 重叠" : "sheet \(s): merged ranges \(a) and \(b) overlap"
    case .singleCellMerge(let s, let r):
      return zh ? "工作表 \(s)：合并区域 \(r) 只有一个单元格" : "sheet \(s): merged range \(r) is a single cell"
    case .valueCoveredByMerge(let s, let c, let m):
      return zh
        ? "工作表 \(s)：单元格 \(c) 位于合并区域 \(m) 内，不能单独有值"
        : "sheet \(s): cell \(c) lies inside merged range \(m) and cannot hold its own value"
    case .invalidSheetName(let n):
      return zh
        ? "工作表名称“\(n)”无效：不能为空、不能超过 31 个字符、不能含 []:*?/\\ 或以 ' 开头或结尾"
        : "invalid sheet name '\(n)': must be 1–31 characters without []:*?/\\ and not start or end with '"
    case .duplicateSheetName(let n):
      return zh ? "工作表名称“\(n)”重复" : "duplicate sheet name '\(n)'"
    case .noSheets:
      return zh ? "工作簿中没有工作表" : "the workbook has no sheets"
    case .cellOutOfRange(let s, let c):
      return zh ? "工作表 \(s)：单元格 \(c) 超出 Excel 的范围" : "sheet \(s): cell \(c) is beyond Excel's grid"
    case .textTooLong(let s, let c, let n, let l):
      return zh
        ? "工作表 \(s) \(c)：文本长 \(n) 个字符，超过上限 \(l)" : "sheet \(s) \(c): text of \(n) characters exceeds \(l)"
    case .invalidNumber(let s, let c, let t):
      return zh ? "工作表 \(s) \(c)：“\(t)”不是数字" : "sheet \(s) \(c): '\(t)' is not a number"
    case .rowOutOfOrder(let s, let r):
      return zh
        ? "工作表 \(s)：第 \(r + 1) 行未按顺序写入" : "sheet \(s): row \(r + 1) was written out of order"
    case .library(let code, let text, let step):
      return zh ? "libxlsxwriter 在 \(step) 时出错（\(code)）：\(text)" : "libxlsxwriter failed in \(step) (\(code)): \(text)"
    case .wouldOverwriteInput(let p, let i):
      return zh ? "拒绝写入 \(p)：它就是输入文件 \(i)" : "refusing to write \(p): it is the input file \(i)"
    case .io(let p, let op, let e):
      return zh
        ? "\(p)：\(Self.chineseName(op))失败：\(SystemError.text(e, language))"
        : "\(p): \(op) failed: \(SystemError.text(e))"
    case .emptyPath:
      return zh ? "输出路径为空" : "the output path is empty"
    case .notARegularFile(let p, let kind):
      return zh
        ? "拒绝写入 \(p)：它是\(kind.name(.zh))，不是普通文件，不会被替换（写到标准输出请用 -o -）"
        : "refusing to write \(p): it is a \(kind.name(.en)), not a regular file, and is never replaced (use -o - for standard output)"
    case .notAFolder(let p, let kind):
      return zh
        ? "CSV 输出应为文件夹，但 \(p) 已是\(kind.name(.zh))；请换一个文件夹名"
        : "CSV output is a folder, but \(p) is a \(kind.name(.en)); choose a folder name"
    case .parentNotAFolder(let p):
      return zh ? "无法建立输出文件夹：\(p) 不是文件夹" : "cannot make the output folder: \(p) is not a folder"
    case .folderNotWritable(let p, let e):
      return zh
        ? "无法在文件夹 \(p) 中写出：\(SystemError.text(e, .zh))" : "cannot write into the folder \(p): \(SystemError.text(e))"
    case .interrupted(let p):
      return zh ? "已中断，未写出 \(p)" : "interrupted; \(p) was not written"
    case .unencodable(let enc, let off):
      return zh
        ? "文本无法用 \(enc.rawValue) 编码（字节偏移 \(off)）" : "text cannot be encoded as \(enc.rawValue) (byte offset \(off))"
    case .converterUnavailable(let enc, let e):
      return zh
        ? "系统无法转换为 \(enc.rawValue) 编码（\(SystemError.text(e))）"
        : "the system cannot convert to \(enc.rawValue) (\(SystemError.text(e)))"
    }
  }

  public var description: String { message(.zh) }

  /// The Chinese name of a file-system operation named in `io`.
  private static func chineseName(_ operation: String) -> String {
    switch operation {
    case "create temporary file": return "建立临时文件"
    case "open": return "打开"
    case "read": return "读取"
    case "write": return "写入"
    case "rename": return "改名"
    case "fsync": return "写入磁盘（fsync）"
    case "mkdir": return "建立文件夹"
    default: return operation
    }
  }
}

/// Text for system error numbers.
package enum SystemError {
  /// The common causes in Chinese, else the C library's text.
  package static func text(_ code: Int32, _ language: Language) -> String {
    guard language == .zh else { return text(code) }
    switch code {
    case EACCES, EPERM: return "没有权限"
    case EROFS: return "文件系统只读"
    case ENOSPC: return "磁盘空间不足"
    case EDQUOT: return "超出磁盘配额"
    case ENOENT: return "文件或文件夹不存在"
    case ENOTDIR: return "路径中有一项不是文件夹"
    case EISDIR: return "是文件夹"
    case ELOOP: return "符号链接循环"
    case ENAMETOOLONG: return "文件名过长"
    case EEXIST: return "已存在"
    default: return text(code)
    }
  }

  /// The C library's description of an errno value.
  package static func text(_ code: Int32) -> String {
    guard let p = strerror(code) else { return "errno \(code)" }
    return String(cString: p)
  }
}
