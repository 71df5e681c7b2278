/// A workbook to be written with formatting: sheets plus document properties.
public struct StyledWorkbook: Sendable, Equatable {
  /// The sheets, in tab order.
  public var sheets: [StyledSheet]
  /// Title, author and other document properties.
  public var properties: DocumentProperties

  /// Creates a workbook.
  public init(sheets: [StyledSheet] = [], properties: DocumentProperties = DocumentProperties()) {
    self.sheets = sheets
    self.properties = properties
  }
}

/// Document properties shown in Excel's File › Info.
public struct DocumentProperties: Sendable, Equatable {
  /// Title.
  public var title: String?
  /// Subject.
  public var subject: String?
  /// Author.
  public var author: String?
  /// Company.
  public var company: String?
  /// Comments.
  public var comments: String?
  /// Custom string properties (name → value), written in name order.
  public var custom: [String: String]

  /// Creates properties; all empty by default.
  public init(
    title: String? = nil, subject: String? = nil, author: String? = nil, company: String? = nil,
    comments: String? = nil, custom: [String: String] = [:]
  ) {
    self.title = title
    self.subject = subject
    self.author = author
    self.company = company
    self.comments = comments
    self.custom = custom
  }
}

/// A cell to be written: an optional value and its style (a styled blank has no value).
public struct StyledCell: Sendable, Equatable {
  /// The value; nil writes a blank cell that still carries the style (borders, for example).
  public var value: CellValue?
  /// The look.
  public var style: CellStyle

  /// Creates a cell.
  public init(_ value: CellValue?, style: CellStyle = .plain) {
    self.value = value
    self.style = style
  }
}

/// A merged range with the value shown in it and the style of every cell it covers.
public struct StyledMerge: Sendable, Equatable {
  /// The cells merged; must cover at least two cells.
  public var range: CellRange
  /// The value shown (stored in the top-left cell).
  public var value: CellValue?
  /// The style of every covered cell, so borders surround the whole range.
  public var style: CellStyle

  /// Creates a merge.
  public init(_ range: CellRange, value: CellValue?, style: CellStyle = .plain) {
    self.range = range
    self.value = value
    self.style = style
  }
}

/// One sheet to be written: sparse cells, merges, sizes, frozen panes and print setup.
public struct StyledSheet: Sendable, Equatable {
  /// Tab name: 1–31 characters, none of `[]:*?/\`, unique in the workbook.
  public var name: String
  /// Cells by address (sparse); cells covered by a merge may carry a style but no value.
  public var cells: [CellAddress: StyledCell]
  /// Merged ranges; they must not overlap.
  public var merges: [StyledMerge]
  /// Column widths in character units, by zero-based column.
  public var columnWidths: [Int: Double]
  /// Row heights in points, by zero-based row.
  public var rowHeights: [Int: Double]
  /// The top-left cell that is not frozen (`A5` freezes rows 1–4); nil for no frozen panes.
  public var freezePanes: CellAddress?
  /// Page setup.
  public var print: PrintSetup
  /// Ranges where Excel should not flag numbers stored as text (classification codes).
  public var ignoreNumberStoredAsText: [CellRange]

  /// Creates a sheet.
  public init(
    name: String, cells: [CellAddress: StyledCell] = [:], merges: [StyledMerge] = [], columnWidths: [Int: Double] = [:],
    rowHeights: [Int: Double] = [:], freezePanes: CellAddress? = nil, print: PrintSetup = PrintSetup(),
    ignoreNumberStoredAsText: [CellRange] = []
  ) {
    self.name = name
    self.cells = cells
    self.merges = merges
    self.columnWidths = columnWidths
    self.rowHeights = rowHeights
    self.freezePanes = freezePanes
    self.print = print
    self.ignoreNumberStoredAsText = ignoreNumberStoredAsText
  }

  /// Sets the value and style of one cell.
  public mutating func set(_ value: CellValue?, at address: CellAddress, style: CellStyle = .plain) {
    cells[address] = StyledCell(value, style: style)
  }

  /// Sets the value and style of the cell at zero-based row and column.
  public mutating func set(_ value: CellValue?, row: Int, column: Int, style: CellStyle = .plain) {
    set(value, at: CellAddress(row: row, column: column), style: style)
  }

  /// Adds a merged range showing `value`.
  public mutating func merge(_ range: CellRange, value: CellValue?, style: CellStyle = .plain) {
    merges.append(StyledMerge(range, value: value, style: style))
  }
}
