/// How a written cell looks. Equal styles share one format in the written file.
public struct CellStyle: Hashable, Sendable {
  /// Horizontal alignment.
  public enum Horizontal: Hashable, Sendable {
    /// Excel's default: text left, numbers right.
    case general
    /// Left-aligned.
    case left
    /// Centred.
    case center
    /// Right-aligned.
    case right
  }

  /// Vertical alignment.
  public enum Vertical: Hashable, Sendable {
    /// Top.
    case top
    /// Centred.
    case center
    /// Bottom (Excel's default).
    case bottom
  }

  /// Cell border on all four sides.
  public enum Border: Hashable, Sendable {
    /// No border.
    case none
    /// A thin line.
    case thin
  }

  /// Font name such as `宋体`; nil keeps the workbook default (Calibri).
  public var fontName: String?
  /// Font size in points; nil keeps the default (11).
  public var fontSize: Double?
  /// Bold font.
  public var bold: Bool
  /// Horizontal alignment.
  public var horizontal: Horizontal
  /// Vertical alignment.
  public var vertical: Vertical
  /// Wrap text within the cell.
  public var wrap: Bool
  /// Border on all sides.
  public var border: Border
  /// Number format such as `#,##0.00` or `@` (text); nil is General.
  public var numberFormat: String?
  /// Indent level (each level is about one character width).
  public var indent: Int

  /// Creates a style; every argument defaults to Excel's default look.
  public init(
    fontName: String? = nil, fontSize: Double? = nil, bold: Bool = false, horizontal: Horizontal = .general,
    vertical: Vertical = .bottom, wrap: Bool = false, border: Border = .none, numberFormat: String? = nil,
    indent: Int = 0
  ) {
    self.fontName = fontName
    self.fontSize = fontSize
    self.bold = bold
    self.horizontal = horizontal
    self.vertical = vertical
    self.wrap = wrap
    self.border = border
    self.numberFormat = numberFormat
    self.indent = indent
  }

  /// Excel's default look; cells with this style are written without a format.
  public static let plain = CellStyle()

  /// Whether this is Excel's default look.
  public var isPlain: Bool { self == .plain }
}

extension CellStyle {
  // Strings are compared and hashed by their UTF-8 bytes: a different spelling is a different
  // format in the file anyway, and it spares the Unicode normalisation of CJK font names that
  // String's own == and hash would do for every cell written.
  public static func == (a: CellStyle, b: CellStyle) -> Bool {
    a.bold == b.bold && a.horizontal == b.horizontal && a.vertical == b.vertical && a.wrap == b.wrap
      && a.border == b.border && a.indent == b.indent && a.fontSize == b.fontSize
      && sameBytes(a.fontName, b.fontName) && sameBytes(a.numberFormat, b.numberFormat)
  }

  /// Hashes the lengths of the strings, not their text: styles that differ only in the spelling of
  /// an equally long font name are rare, and == tells them apart.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(bold)
    hasher.combine(horizontal)
    hasher.combine(vertical)
    hasher.combine(wrap)
    hasher.combine(border)
    hasher.combine(indent)
    hasher.combine(fontSize)
    hasher.combine(fontName?.utf8.count ?? -1)
    hasher.combine(numberFormat?.utf8.count ?? -1)
  }

  private static func sameBytes(_ a: String?, _ b: String?) -> Bool {
    guard var x = a, var y = b else { return a == nil && b == nil }
    // The same representation (one literal, or equal small strings held inline) holds the same
    // bytes: the common case of a style compared with its own copy needs no byte loop.
    if unsafeBitCast(x, to: (UInt64, UInt64).self) == unsafeBitCast(y, to: (UInt64, UInt64).self) { return true }
    guard x.utf8.count == y.utf8.count else { return false }
    return x.withUTF8 { p in y.withUTF8 { q in p.elementsEqual(q) } }
  }
}
