internal import CXlsxWriter
import Glibc

/// Owns one libxlsxwriter workbook. `close()` writes the file and frees everything (every
/// worksheet and format pointer dangles afterwards); a handle dropped without `close()` frees
/// the workbook without writing. Used only inside `XLSXWriter` functions, never stored.
final class WorkbookHandle {
  private var raw: UnsafeMutablePointer<lxw_workbook>?
  /// One format per distinct style, in the order first used; the workbook owns the pointers. A
  /// workbook has a handful of styles and each sheet asks once per style, so a scan suffices.
  private var formats: [(style: CellStyle, format: UnsafeMutablePointer<lxw_format>)] = []

  /// The directory for libxlsxwriter's part files, kept for as long as the workbook.
  private let scratch: UnsafeMutablePointer<CChar>?

  /// Creates a workbook that will be written to `path` on `close()`. libxlsxwriter writes each
  /// part of the workbook to a temporary file in `scratch` (nil: its default, `TMPDIR` or /tmp)
  /// before zipping it.
  init(path: String, constantMemory: Bool, scratch: String? = nil) throws(WriteError) {
    self.scratch = scratch.flatMap { strdup($0) }
    // Zero-initialised options keep working when newer headers add fields.
    var options = lxw_workbook_options()
    options.constant_memory = constantMemory ? 1 : 0
    options.tmpdir = self.scratch
    guard let workbook = workbook_new_opt(path, &options) else {
      throw .library(
        code: Int32(LXW_ERROR_MEMORY_MALLOC_FAILED.rawValue), text: Self.text(LXW_ERROR_MEMORY_MALLOC_FAILED),
        step: "workbook_new")
    }
    raw = workbook
  }

  deinit {
    if let raw { lxw_workbook_free(raw) }
    free(scratch)
  }

  /// Where a workbook of about `bytes` bytes of XML keeps its part files: /dev/shm, which is held
  /// in memory, when the user has not chosen a `TMPDIR` and it has ample room (the files live for
  /// milliseconds; creating and deleting a score of them there costs a fraction of what it costs
  /// on a disk file system, ≈ 1 ms of a one-department job); otherwise libxlsxwriter's default.
  static func scratchDirectory(forBytes bytes: Int) -> String? {
    let memory = "/dev/shm"
    guard getenv("TMPDIR") == nil, access(memory, W_OK | X_OK) == 0 else { return nil }
    var stats = statvfs()
    guard statvfs(memory, &stats) == 0 else { return nil }
    return fits(bytes, room: Int(clamping: UInt64(stats.f_bavail) &* UInt64(stats.f_frsize))) ? memory : nil
  }

  /// Whether part files of about `bytes` bytes belong in a memory file system with `room` bytes
  /// free: a small workbook, and ample room left for everyone else.
  static func fits(_ bytes: Int, room: Int) -> Bool {
    bytes <= 16 << 20 && room >= 64 << 20 && room >= 8 * bytes
  }

  /// Writes the file and frees the workbook; the handle is unusable afterwards.
  func close() throws(WriteError) {
    guard let workbook = raw else { return }
    raw = nil
    formats = []
    try Self.check(workbook_close(workbook), "workbook_close")
  }

  /// The open workbook pointer.
  var workbook: UnsafeMutablePointer<lxw_workbook> {
    guard let raw else { preconditionFailure("workbook used after close") }
    return raw
  }

  /// Adds a worksheet; the name must already be validated.
  func addWorksheet(_ name: String) throws(WriteError) -> UnsafeMutablePointer<lxw_worksheet> {
    try Self.check(workbook_validate_sheet_name(workbook, name), "workbook_validate_sheet_name(\(name))")
    guard let sheet = workbook_add_worksheet(workbook, name) else { throw .invalidSheetName(name: name) }
    return sheet
  }

  /// The format for a style, created on first use; nil for the plain style (Excel's default).
  func format(_ style: CellStyle) -> UnsafeMutablePointer<lxw_format>? {
    if style.isPlain { return nil }
    if let existing = formats.first(where: { $0.style == style }) { return existing.format }
    guard let f = workbook_add_format(workbook) else { return nil }
    if let name = style.fontName { format_set_font_name(f, name) }
    if let size = style.fontSize { format_set_font_size(f, size) }
    if style.bold { format_set_bold(f) }
    switch style.horizontal {
    case .general: break
    case .left: format_set_align(f, UInt8(LXW_ALIGN_LEFT.rawValue))
    case .center: format_set_align(f, UInt8(LXW_ALIGN_CENTER.rawValue))
    case .right: format_set_align(f, UInt8(LXW_ALIGN_RIGHT.rawValue))
    }
    switch style.vertical {
    case .bottom: break  // Excel's default; setting it would only add XML.
    case .top: format_set_align(f, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
    case .center: format_set_align(f, UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue))
    }
    if style.wrap { format_set_text_wrap(f) }
    if style.border == .thin { format_set_border(f, UInt8(LXW_BORDER_THIN.rawValue)) }
    if let numberFormat = style.numberFormat { format_set_num_format(f, numberFormat) }
    if style.indent > 0 { format_set_indent(f, UInt8(Swift.min(style.indent, 250))) }
    formats.append((style, f))
    return f
  }

  /// Sets title, author etc. and the custom string properties.
  func setProperties(_ properties: DocumentProperties) throws(WriteError) {
    var props = lxw_doc_properties()
    // libxlsxwriter copies every string (lxw_strdup), so these live only for the call.
    let copies = [properties.title, properties.subject, properties.author, properties.company, properties.comments]
      .map { $0.flatMap { strdup(OOXMLText.escaped($0)) } }
    defer { for copy in copies { free(copy) } }
    props.title = copies[0]
    props.subject = copies[1]
    props.author = copies[2]
    props.company = copies[3]
    props.comments = copies[4]
    if copies.contains(where: { $0 != nil }) {
      try Self.check(workbook_set_properties(workbook, &props), "workbook_set_properties")
    }
    for (name, value) in properties.custom.sorted(by: { $0.key < $1.key }) {
      try Self.check(
        workbook_set_custom_property_string(workbook, OOXMLText.escaped(name), OOXMLText.escaped(value)),
        "custom property \(name)")
    }
  }

  /// Throws the typed error for any code other than `LXW_NO_ERROR`.
  static func check(_ code: lxw_error, _ step: @autoclosure () -> String) throws(WriteError) {
    guard code != LXW_NO_ERROR else { return }
    throw .library(code: Int32(code.rawValue), text: text(code), step: step())
  }

  /// libxlsxwriter's description of an error code.
  static func text(_ code: lxw_error) -> String {
    guard let p = lxw_strerror(code) else { return "error \(code.rawValue)" }
    return String(cString: p)
  }

  /// Runs `body` with this thread's locale set to "C", because libxlsxwriter formats numbers with
  /// locale-dependent `snprintf`: under a comma-decimal locale 1331.42 would be written `1331,42`.
  /// `uselocale` changes only the calling thread; the process locale (`setlocale`) is never touched.
  static func withCLocale<T>(_ body: () throws -> T) throws -> T {
    // With a nil base every other category is POSIX too, which is what the C library expects.
    guard let cLocale = newlocale(Int32(1) << LC_NUMERIC, "C", nil) else { return try body() }
    let previous = uselocale(cLocale)
    defer {
      uselocale(previous)
      freelocale(cLocale)
    }
    return try body()
  }
}
