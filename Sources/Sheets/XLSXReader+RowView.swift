/// One row of a sheet as `XLSXReader.streamRowViews` hands it over: the cells as the reader
/// parsed them, with their text still in the reader's buffer. A consumer that only needs some
/// cells as `String`s (or none: amounts parse straight from the bytes) makes only those.
///
/// Not copyable, so it cannot outlive the callback that borrows it: the buffers it points into
/// are reused for the next row. Package access, like `streamRowViews`: the Sheets benchmark's
/// reader, not part of the public API.
package struct SheetRowView: ~Copyable {
  /// What one cell holds, as the reader stored it. `start` is an offset into the row's bytes,
  /// or a shared-string index, or 0/1 for a boolean.
  struct Cell {
    enum Kind: UInt8 { case number, text, sharedText, bool, error }
    var column: Int
    var kind: Kind
    var start: Int
    var count: Int
  }

  /// The kind of value a cell holds (the cases of `CellValue`).
  package enum Kind: Sendable, Equatable {
    case text, number, bool, error
  }

  /// Zero-based row index.
  package let index: Int
  private let cells: UnsafeBufferPointer<Cell>
  private let bytes: UnsafeBufferPointer<UInt8>
  private let sharedStrings: [String]

  init(index: Int, cells: UnsafeBufferPointer<Cell>, bytes: UnsafeBufferPointer<UInt8>, sharedStrings: [String]) {
    self.index = index
    self.cells = cells
    self.bytes = bytes
    self.sharedStrings = sharedStrings
  }

  /// Number of stored cells; they are sorted by column, as in `GridRow`.
  package var count: Int { cells.count }

  /// The column of the `i`th stored cell.
  package func column(_ i: Int) -> Int { cells[i].column }

  /// The kind of value the `i`th stored cell holds.
  package func kind(_ i: Int) -> Kind {
    switch cells[i].kind {
    case .number: return .number
    case .text, .sharedText: return .text
    case .bool: return .bool
    case .error: return .error
    }
  }

  /// Whether the `i`th cell is an empty string (`CellValue.isBlank`).
  package func isBlank(_ i: Int) -> Bool {
    let cell = cells[i]
    switch cell.kind {
    case .text: return cell.count == 0
    case .sharedText: return sharedStrings[cell.start].isEmpty
    case .number, .bool, .error: return false
    }
  }

  /// Calls `body` with the UTF-8 text of the `i`th cell (`CellValue.text`): a number's exact
  /// text, a string, an error code, or TRUE/FALSE. The bytes are valid only inside `body`.
  package func withUTF8<Result>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
    let cell = cells[i]
    switch cell.kind {
    case .number, .text, .error:
      return try body(UnsafeBufferPointer(rebasing: bytes[cell.start..<cell.start + cell.count]))
    case .sharedText:
      var text = sharedStrings[cell.start]
      return try text.withUTF8(body)
    case .bool:
      let literal: StaticString = cell.start != 0 ? "TRUE" : "FALSE"
      return try body(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }
  }

  /// The value of the `i`th stored cell.
  package func value(_ i: Int) -> CellValue {
    let cell = cells[i]
    switch cell.kind {
    case .number: return .number(string(cell))
    case .text: return .text(string(cell))
    case .sharedText: return .text(sharedStrings[cell.start])
    case .bool: return .bool(cell.start != 0)
    case .error: return .error(string(cell))
    }
  }

  /// The row with every value made (what `XLSXReader.streamRows` and `grid(sheet:)` hand out).
  package var gridRow: GridRow {
    var values: [(column: Int, value: CellValue)] = []
    values.reserveCapacity(cells.count)
    for i in 0..<cells.count { values.append((cells[i].column, value(i))) }
    return GridRow(index: index, cells: values)
  }

  /// libxml2 has already validated and transcoded the text to UTF-8.
  private func string(_ cell: Cell) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[cell.start..<cell.start + cell.count]), as: UTF8.self)
  }
}
