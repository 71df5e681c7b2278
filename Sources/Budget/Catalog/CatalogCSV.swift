/// A minimal RFC 4180 reader for catalog CSV text: the catalog is small, already decoded text,
/// and Budget must not depend on file access, so this stays separate from Sheets' readers.
enum CatalogCSV {
  /// One record and the line it starts on.
  struct Record {
    var line: Int
    var fields: [String]
  }

  /// Splits `text` into records. A leading BOM is dropped, CRLF/LF/CR all end a record, quoted
  /// fields may hold commas, quotes ("") and line breaks, and blank lines are skipped.
  static func parse(_ text: String) throws(CatalogError) -> [Record] {
    var records: [Record] = []
    var fields: [String] = []
    var field = ""
    var line = 1
    var recordLine = 1
    var inQuotes = false
    var afterClosingQuote = false
    var fieldStarted = false
    var scalars = Array(text.unicodeScalars)
    if scalars.first == "\u{FEFF}" { scalars.removeFirst() }

    func endRecord() {
      fields.append(field)
      if !(fields.count == 1 && fields[0].isEmpty && !fieldStarted) {
        records.append(Record(line: recordLine, fields: fields))
      }
      fields = []
      field = ""
      fieldStarted = false
      afterClosingQuote = false
    }

    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      index += 1
      if inQuotes {
        if scalar == "\"" {
          if index < scalars.count && scalars[index] == "\"" {
            field.unicodeScalars.append("\"")
            index += 1
          } else {
            inQuotes = false
            afterClosingQuote = true
          }
        } else {
          if scalar == "\n" || (scalar == "\r" && (index >= scalars.count || scalars[index] != "\n")) {
            line += 1
          }
          field.unicodeScalars.append(scalar)
        }
        continue
      }
      switch scalar {
      case ",":
        fields.append(field)
        field = ""
        fieldStarted = true
        afterClosingQuote = false
      case "\r", "\n":
        if scalar == "\r" && index < scalars.count && scalars[index] == "\n" { index += 1 }
        endRecord()
        line += 1
        recordLine = line
      case "\"":
        guard field.isEmpty && !afterClosingQuote else { throw .strayQuote(line: line) }
        inQuotes = true
        fieldStarted = true
      default:
        guard !afterClosingQuote else { throw .strayQuote(line: line) }
        field.unicodeScalars.append(scalar)
        fieldStarted = true
      }
    }
    if inQuotes { throw .unterminatedQuote(line: recordLine) }
    if fieldStarted || !field.isEmpty || !fields.isEmpty { endRecord() }
    return records
  }
}
