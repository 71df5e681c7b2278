internal import CXlsxWriter

/// Writes formatted workbooks through libxlsxwriter. Every write is validated first (typed
/// `WriteError`, nothing touched on disk) and then goes through `AtomicFile`, so the output
/// appears whole or not at all and never replaces an input file.
///
/// Numbers are written as `Double` with libxlsxwriter's `%.16G`, under a thread-local C locale,
/// so `1331.42` is stored as `1331.42` whatever the process locale is.
public enum XLSXWriter {
  /// Writes `workbook` to `path` atomically, refusing to replace any of `inputs`.
  public static func write(_ workbook: StyledWorkbook, to path: String, refusing inputs: [String] = []) throws {
    try validate(workbook)
    try AtomicFile.write(to: path, refusing: inputs) { tempPath in
      try WorkbookHandle.withCLocale {
        let handle = try WorkbookHandle(
          path: tempPath, constantMemory: false,
          scratch: WorkbookHandle.scratchDirectory(forBytes: xmlEstimate(workbook)))
        try handle.setProperties(workbook.properties)
        for sheet in workbook.sheets {
          try write(sheet, into: handle)
        }
        try handle.close()
      }
    }
  }

  /// A generous estimate of the XML a workbook's sheets come to (a cell takes well under 200
  /// bytes: `<c r="AB123" s="12" t="s"><v>1234</v></c>`, texts going to the shared strings).
  static func xmlEstimate(_ workbook: StyledWorkbook) -> Int {
    workbook.sheets.reduce(0) { $0 + 200 * ($1.cellCount + $1.merges.count) }
  }

  /// Writes one validated sheet: sizes, cells, merges, panes, print setup.
  static func write(_ sheet: StyledSheet, into handle: WorkbookHandle) throws(WriteError) {
    let ws = try handle.addWorksheet(sheet.name)
    let step = "sheet \(sheet.name)"
    for (column, width) in sheet.columnWidths.sorted(by: { $0.key < $1.key }) {
      try WorkbookHandle.check(
        worksheet_set_column(ws, lxw_col_t(column), lxw_col_t(column), width, nil), "\(step) column width")
    }
    for (row, height) in sheet.rowHeights.sorted(by: { $0.key < $1.key }) {
      try WorkbookHandle.check(worksheet_set_row(ws, lxw_row_t(row), height, nil), "\(step) row height")
    }
    // One format lookup per style of the sheet rather than per cell, made at the style's first use
    // so the workbook's formats are created in the order the cells use them.
    var formats: [UnsafeMutablePointer<lxw_format>?] = Array(repeating: nil, count: sheet.styles.count)
    var looked = Array(repeating: false, count: sheet.styles.count)
    // Stored in address order, so that the shared strings (numbered by first use) come out the same
    // every time. Cells a merge covers are written by the merge itself (with the merge's style).
    var merged = MergeSweep(sheet.merges)
    for stored in sheet.storedRows {
      merged.advance(to: stored.row)
      for cell in stored.cells where !merged.covers(column: cell.column) {
        if !looked[cell.style] {
          formats[cell.style] = handle.format(sheet.styles[cell.style])
          looked[cell.style] = true
        }
        try writeCell(
          cell.value, format: formats[cell.style], at: CellAddress(row: stored.row, column: cell.column), sheet: ws,
          sheetName: sheet.name)
      }
    }
    for merge in sheet.merges {
      let r = merge.range
      let format = handle.format(merge.style)
      let text: String
      if case .text(let s)? = merge.value {
        text = s
      } else if case .error(let s)? = merge.value {
        text = s
      } else {
        text = ""
      }
      try WorkbookHandle.check(
        worksheet_merge_range(
          ws, lxw_row_t(r.first.row), lxw_col_t(r.first.column), lxw_row_t(r.last.row), lxw_col_t(r.last.column),
          OOXMLText.escaped(text), format), "\(step) merge \(r)")
      // merge_range writes only strings; numbers and booleans go into the first cell afterwards.
      switch merge.value {
      case .number?, .bool?:
        try writeCell(merge.value, format: format, at: r.first, sheet: ws, sheetName: sheet.name)
      default: break
      }
    }
    if let freeze = sheet.freezePanes {
      worksheet_freeze_panes(ws, lxw_row_t(freeze.row), lxw_col_t(freeze.column))
    }
    try applyPrintSetup(sheet.print, to: ws, step: step)
    if !sheet.ignoreNumberStoredAsText.isEmpty {
      // One call per type: a second call would replace the first, so all ranges go in one sqref.
      let sqref = sheet.ignoreNumberStoredAsText.map(\.a1).joined(separator: " ")
      try WorkbookHandle.check(
        worksheet_ignore_errors(ws, UInt8(LXW_IGNORE_NUMBER_STORED_AS_TEXT.rawValue), sqref), "\(step) ignore errors")
    }
  }

  /// Writes one value with its format (nil for the plain style); a nil or empty value with a
  /// format becomes a styled blank.
  static func writeCell(
    _ value: CellValue?, format: UnsafeMutablePointer<lxw_format>?, at address: CellAddress,
    sheet ws: UnsafeMutablePointer<lxw_worksheet>, sheetName: String
  ) throws(WriteError) {
    let row = lxw_row_t(address.row)
    let column = lxw_col_t(address.column)
    let code: lxw_error
    switch value {
    case .text(let s)? where !s.isEmpty, .error(let s)? where !s.isEmpty:
      // Error values (#DIV/0!) are written as their text: libxlsxwriter cannot write error cells.
      code = worksheet_write_string(ws, row, column, OOXMLText.escaped(s), format)
    case .number(let s)?:
      guard let number = number(s) else { throw .invalidNumber(sheet: sheetName, cell: address, text: s) }
      code = worksheet_write_number(ws, row, column, number, format)
    case .bool(let b)?:
      code = worksheet_write_boolean(ws, row, column, b ? 1 : 0, format)
    default:
      guard format != nil else { return }
      code = worksheet_write_blank(ws, row, column, format)
    }
    try WorkbookHandle.check(code, "sheet \(sheetName) cell \(address)")
  }

  /// Orientation, paper, fit-to-page, repeated rows, header/footer, margins, centring.
  static func applyPrintSetup(_ setup: PrintSetup, to ws: UnsafeMutablePointer<lxw_worksheet>, step: String)
    throws(WriteError)
  {
    if setup.orientation == .landscape { worksheet_set_landscape(ws) }
    if setup.paper > 0 { worksheet_set_paper(ws, UInt8(clamping: setup.paper)) }
    if let wide = setup.fitToPagesWide {
      worksheet_fit_to_pages(ws, UInt16(clamping: wide), UInt16(clamping: setup.fitToPagesTall))
    }
    if let rows = setup.repeatRows {
      try WorkbookHandle.check(
        worksheet_repeat_rows(ws, lxw_row_t(rows.lowerBound), lxw_row_t(rows.upperBound)), "\(step) repeat rows")
    }
    if let header = setup.header {
      try WorkbookHandle.check(worksheet_set_header(ws, OOXMLText.escaped(header)), "\(step) header")
    }
    if let footer = setup.footer {
      try WorkbookHandle.check(worksheet_set_footer(ws, OOXMLText.escaped(footer)), "\(step) footer")
    }
    if let m = setup.margins { worksheet_set_margins(ws, m.left, m.right, m.top, m.bottom) }
    if setup.centerHorizontally { worksheet_center_horizontally(ws) }
  }
}
