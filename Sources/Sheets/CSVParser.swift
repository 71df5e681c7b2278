/// The byte-level RFC 4180 state machine behind `CSVReader`. Works on valid UTF-8, where the
/// bytes `"` `,` CR and LF never occur inside a multi-byte character.
enum CSVParser {
  private static let quote: UInt8 = 0x22
  private static let comma: UInt8 = 0x2C
  private static let cr: UInt8 = 0x0D
  private static let lf: UInt8 = 0x0A

  /// Parses records starting at `start`; each record becomes one row (row index = record index).
  static func parse(_ bytes: [UInt8], from start: Int, file: String, limits: Limits) throws(CSVError) -> [GridRow] {
    var rows: [GridRow] = []
    var cells: [(column: Int, value: CellValue)] = []
    var field: [UInt8] = []  // used only for quoted fields that contain doubled quotes or follow-on text
    var cellCount = 0
    var line = 1  // physical line of the current position
    let maxField = limits.maxCSVFieldBytes
    let maxCells = min(limits.maxCellsPerSheet, limits.maxCellsPerWorkbook)

    try bytes.withUnsafeBufferPointer { (p) throws(CSVError) in
      let n = p.count
      var i = start
      var column = 0
      var recordIndex = 0

      func store(_ value: String) throws(CSVError) {
        cellCount += 1
        if cellCount > maxCells { throw .tooManyCells(file: file, line: line, limit: maxCells) }
        cells.append((column, .text(value)))
      }
      func endRecord() {
        if !cells.isEmpty {
          rows.append(GridRow(index: recordIndex, cells: cells))
          cells.removeAll(keepingCapacity: true)
        }
        recordIndex += 1
        column = 0
      }

      // An empty input (or a BOM alone) has no records.
      guard i < n else { return }
      while true {
        // At the start of a field.
        if i < n && p[i] == quote {
          let openLine = line
          i += 1
          var segmentStart = i
          field.removeAll(keepingCapacity: true)
          var usedBuffer = false
          while true {
            guard i < n else { throw .unbalancedQuote(file: file, line: openLine) }
            let b = p[i]
            if b == quote {
              if i + 1 < n && p[i + 1] == quote {
                // Doubled quote: copy what came before plus one quote.
                field.append(contentsOf: UnsafeBufferPointer(rebasing: p[segmentStart...i]))
                usedBuffer = true
                i += 2
                segmentStart = i
                continue
              }
              break
            }
            if b == lf || (b == cr && !(i + 1 < n && p[i + 1] == lf)) { line += 1 }
            i += 1
            if i - segmentStart + field.count > maxField {
              throw .fieldTooLong(file: file, line: openLine, limit: maxField)
            }
          }
          // p[i] is the closing quote.
          let tail = UnsafeBufferPointer(rebasing: p[segmentStart..<i])
          i += 1
          // Lenient: text after the closing quote, up to the delimiter, is kept literally.
          let restStart = i
          while i < n, p[i] != comma, p[i] != cr, p[i] != lf { i += 1 }
          if usedBuffer || i > restStart {
            field.append(contentsOf: tail)
            field.append(contentsOf: UnsafeBufferPointer(rebasing: p[restStart..<i]))
            if field.count > maxField { throw .fieldTooLong(file: file, line: openLine, limit: maxField) }
            if !field.isEmpty { try store(String(decoding: field, as: UTF8.self)) }
          } else if !tail.isEmpty {
            try store(String(decoding: tail, as: UTF8.self))
          }
        } else {
          let fieldStart = i
          while i < n {
            let b = p[i]
            if b == comma || b == cr || b == lf { break }
            i += 1
          }
          if i - fieldStart > maxField { throw .fieldTooLong(file: file, line: line, limit: maxField) }
          if i > fieldStart {
            try store(String(decoding: UnsafeBufferPointer(rebasing: p[fieldStart..<i]), as: UTF8.self))
          }
        }
        // After a field: a comma, a line end, or the end of input.
        if i >= n {
          endRecord()
          return
        }
        let b = p[i]
        if b == comma {
          i += 1
          column += 1
          continue
        }
        // CR, LF or CRLF ends the record.
        i += (b == cr && i + 1 < n && p[i + 1] == lf) ? 2 : 1
        line += 1
        endRecord()
        // A final line end does not start another (empty) record.
        if i >= n { return }
      }
    }
    return rows
  }
}
