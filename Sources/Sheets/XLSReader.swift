internal import CFreeXL

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads legacy `.xls` workbooks (BIFF5/BIFF8: Excel 97–2003, WPS `.xls`/`.et`) into the same
/// sparse grids as `XLSXReader`, through FreeXL, under the budgets of `Limits`.
///
/// Numbers become the decimal a person sees in Excel (`ShortestDecimal`: `733.57`, never
/// `733.5700000000001`). Merged ranges and hidden rows, which FreeXL 1.0 does not expose, come
/// from the sheets' MERGEDCELLS and ROW records. FreeXL trusts the sizes a file declares, so the
/// compound file and the BIFF records are checked first and FreeXL is given only the checked
/// Workbook stream, in a container built here. A reader serves one thread at a time.
public final class XLSReader {
  /// The file name used in errors (the path, or the name given with the bytes).
  public let fileName: String
  /// The worksheet names, in workbook order.
  public let sheetNames: [String]
  /// Whether the workbook counts dates from 1904; date cells become serial numbers in that system.
  public let date1904: Bool

  private let workbook: FreeXLWorkbook
  private let limits: Limits
  /// Merges and hidden rows per sheet; nil when the BOUNDSHEET records do not match FreeXL's sheets.
  private let extras: [BIFFSheetExtras]?

  /// Opens the workbook at `path` and reads its sheet list.
  public convenience init(path: String, limits: Limits = .default) throws(XLSReadError) {
    var st = stat()
    guard stat(path, &st) == 0 else { throw .cannotOpen(file: path, reason: String(cString: strerror(errno))) }
    guard (st.st_mode & S_IFMT) == S_IFREG else { throw .cannotOpen(file: path, reason: "not a regular file") }
    let size = Int(st.st_size)
    guard size <= limits.maxLegacyWorkbookBytes else {
      throw .fileTooLarge(file: path, bytes: size, limit: limits.maxLegacyWorkbookBytes)
    }
    let stream = try Self.checkStructure(try Self.contents(of: path, size: size), name: path)
    try self.init(workbook: Self.open(stream, name: path), name: path, limits: limits, stream: stream)
  }

  /// Opens a workbook held in memory (fuzzing and tests); `name` labels errors.
  public convenience init(bytes: [UInt8], name: String = "<memory>", limits: Limits = .default) throws(XLSReadError) {
    guard bytes.count <= limits.maxLegacyWorkbookBytes else {
      throw .fileTooLarge(file: name, bytes: bytes.count, limit: limits.maxLegacyWorkbookBytes)
    }
    let stream = try Self.checkStructure(bytes, name: name)
    try self.init(workbook: Self.open(stream, name: name), name: name, limits: limits, stream: stream)
  }

  /// FreeXL on the checked stream alone, in a clean container (`CleanContainer`).
  private static func open(_ stream: CompoundFileStream, name: String) throws(XLSReadError) -> FreeXLWorkbook {
    guard stream.bytes.count <= CleanContainer.maxStreamBytes else {
      throw .fileTooLarge(file: name, bytes: stream.bytes.count, limit: CleanContainer.maxStreamBytes)
    }
    return try FreeXLWorkbook(bytes: CleanContainer.bytes(holding: stream.bytes, biff5: stream.isBIFF5), name: name)
  }

  /// Refuses containers and records whose sizes lie, which FreeXL would read past.
  private static func checkStructure(_ bytes: [UInt8], name: String) throws(XLSReadError) -> CompoundFileStream {
    let stream: CompoundFileStream
    do { stream = try CompoundFileStream(file: bytes) } catch {
      throw .corruptContainer(file: name, detail: error.detail)
    }
    do { try BIFFRecordCheck.check(stream.bytes, biff5: stream.isBIFF5) } catch {
      throw error.encrypted ? .encrypted(file: name) : .corruptWorkbook(file: name, sheet: nil, detail: error.detail)
    }
    return stream
  }

  /// The bytes of the file at `path`, of which `stat` said `size`.
  private static func contents(of path: String, size: Int) throws(XLSReadError) -> [UInt8] {
    guard let file = fopen(path, "rb") else { throw .cannotOpen(file: path, reason: String(cString: strerror(errno))) }
    defer { fclose(file) }
    var bytes = [UInt8](repeating: 0, count: size)
    let got = bytes.withUnsafeMutableBytes { fread($0.baseAddress, 1, size, file) }
    guard got == size else { throw .cannotOpen(file: path, reason: "the file changed while it was being read") }
    return bytes
  }

  private init(workbook: FreeXLWorkbook, name: String, limits: Limits, stream: CompoundFileStream) throws(XLSReadError)
  {
    self.workbook = workbook
    self.fileName = name
    self.limits = limits
    let handle = workbook.handle
    if workbook.info(FREEXL_BIFF_PASSWORD) == UInt32(FREEXL_BIFF_OBFUSCATED) { throw .encrypted(file: name) }
    self.date1904 = workbook.info(FREEXL_BIFF_DATEMODE) == UInt32(FREEXL_BIFF_DATEMODE_1904)
    let count = Int(workbook.info(FREEXL_BIFF_SHEET_COUNT) ?? 0)
    var names: [String] = []
    for index in 0..<min(count, Int(UInt16.max)) {
      var raw: UnsafePointer<CChar>?
      let code = freexl_get_worksheet_name(handle, UInt16(index), &raw)
      guard code == FREEXL_OK, let raw else {
        throw .corruptWorkbook(file: name, sheet: nil, detail: "sheet \(index + 1) has no readable name")
      }
      guard let sheetName = String(validatingCString: raw) else {
        throw .corruptWorkbook(file: name, sheet: nil, detail: "sheet \(index + 1) has a name that is not valid text")
      }
      names.append(sheetName)
    }
    self.sheetNames = names
    let sheetName = { (index: Int) in names.indices.contains(index) ? names[index] : "#\(index + 1)" }
    do {
      let extras = try BIFFSheetExtras.read(stream.bytes, limits: limits)
      self.extras = extras?.count == names.count ? extras : nil
    } catch {
      switch error {
      case .tooManyMerges(let sheet):
        throw .tooManyMerges(file: name, sheet: sheetName(sheet), limit: limits.maxMergesPerSheet)
      case .mergeTooLarge(let sheet, let range):
        throw .mergeTooLarge(file: name, sheet: sheetName(sheet), range: range.a1, limit: limits.maxMergeArea)
      }
    }
  }

  /// Reads the sheet at a zero-based workbook index into a grid.
  public func grid(sheet index: Int) throws(XLSReadError) -> Grid {
    guard sheetNames.indices.contains(index) else { throw .noSuchSheet(file: fileName, sheet: "#\(index + 1)") }
    let name = sheetNames[index]
    let handle = workbook.handle
    guard freexl_select_active_worksheet(handle, UInt16(index)) == FREEXL_OK else {
      throw .corruptWorkbook(file: fileName, sheet: name, detail: "the sheet cannot be selected")
    }
    var rowCount: UInt32 = 0
    var columnCount: UInt16 = 0
    guard freexl_worksheet_dimensions(handle, &rowCount, &columnCount) == FREEXL_OK else {
      throw .corruptWorkbook(file: fileName, sheet: name, detail: "the sheet's dimensions cannot be read")
    }
    let rowsDeclared = Int(rowCount)
    let columnsDeclared = Int(columnCount)
    // The loop below visits every cell of the declared box, stored or not: bound the box first.
    guard rowsDeclared * columnsDeclared <= limits.maxLegacySheetArea else {
      throw .sheetTooLarge(
        file: fileName, sheet: name, rows: rowsDeclared, columns: columnsDeclared, limit: limits.maxLegacySheetArea)
    }
    var rows: [GridRow] = []
    var cellCount = 0
    var value = FreeXL_CellValue()
    for r in 0..<rowsDeclared {
      var cells: [(column: Int, value: CellValue)] = []
      for c in 0..<columnsDeclared {
        let code = freexl_get_cell_value(handle, UInt32(r), UInt16(c), &value)
        guard code == FREEXL_OK else {
          throw .invalidCellValue(
            file: fileName, sheet: name, cell: CellAddress(row: r, column: c).a1, detail: FreeXLWorkbook.describe(code))
        }
        guard let cell = try cellValue(value, sheet: name, row: r, column: c) else { continue }
        cellCount += 1
        guard cellCount <= limits.maxCellsPerSheet else {
          throw .tooManyCells(file: fileName, sheet: name, limit: limits.maxCellsPerSheet)
        }
        cells.append((c, cell))
      }
      if !cells.isEmpty { rows.append(GridRow(index: r, cells: cells)) }
    }
    let sheetExtras = extras?[index]
    return Grid(name: name, rows: rows, merges: sheetExtras?.merges ?? [], hiddenRows: sheetExtras?.hiddenRows ?? [])
  }

  /// Reads the sheet with the given name into a grid.
  public func grid(named name: String) throws(XLSReadError) -> Grid {
    guard let index = sheetNames.firstIndex(of: name) else { throw .noSuchSheet(file: fileName, sheet: name) }
    return try grid(sheet: index)
  }

  /// Reads every sheet, in workbook order.
  public func grids() throws(XLSReadError) -> [Grid] {
    var out: [Grid] = []
    for index in sheetNames.indices { out.append(try grid(sheet: index)) }
    return out
  }

  /// The grid value of one FreeXL cell; nil for an empty cell.
  private func cellValue(_ value: FreeXL_CellValue, sheet: String, row: Int, column: Int) throws(XLSReadError)
    -> CellValue?
  {
    let at = { CellAddress(row: row, column: column).a1 }
    switch Int32(value.type) {
    case FREEXL_CELL_NULL:
      return nil
    case FREEXL_CELL_INT:
      return .number(String(value.value.int_value))
    case FREEXL_CELL_DOUBLE:
      guard let text = ShortestDecimal.text(value.value.double_value) else {
        throw .invalidCellValue(file: fileName, sheet: sheet, cell: at(), detail: "not a finite number")
      }
      return .number(text)
    case FREEXL_CELL_TEXT, FREEXL_CELL_SST_TEXT:
      guard let raw = value.value.text_value else { return nil }
      guard let text = String(validatingCString: raw) else {
        throw .invalidCellValue(file: fileName, sheet: sheet, cell: at(), detail: "text that is not valid UTF-8")
      }
      if text.utf8.count > limits.maxCellTextLength && text.utf16.count > limits.maxCellTextLength {
        throw .textTooLong(file: fileName, sheet: sheet, cell: at(), limit: limits.maxCellTextLength)
      }
      return .text(text)
    case FREEXL_CELL_DATE, FREEXL_CELL_DATETIME, FREEXL_CELL_TIME:
      // FreeXL hands dates over as text; the xlsx reader gives the stored serial number, so this does too.
      guard let raw = value.value.text_value, let text = String(validatingCString: raw),
        let serial = ExcelDateSerial.serial(fromFreeXLText: text, date1904: date1904)
      else {
        throw .invalidCellValue(file: fileName, sheet: sheet, cell: at(), detail: "a date that cannot be read")
      }
      return .number(serial)
    default:
      throw .invalidCellValue(file: fileName, sheet: sheet, cell: at(), detail: "unknown cell type \(value.type)")
    }
  }
}
