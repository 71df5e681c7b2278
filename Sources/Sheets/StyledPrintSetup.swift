/// Page setup for printing a sheet.
public struct PrintSetup: Hashable, Sendable {
  /// Page orientation.
  public enum Orientation: Hashable, Sendable {
    /// Portrait (Excel's default).
    case portrait
    /// Landscape.
    case landscape
  }

  /// Page margins in inches.
  public struct Margins: Hashable, Sendable {
    /// Left margin.
    public var left: Double
    /// Right margin.
    public var right: Double
    /// Top margin.
    public var top: Double
    /// Bottom margin.
    public var bottom: Double

    /// Creates margins in inches.
    public init(left: Double, right: Double, top: Double, bottom: Double) {
      self.left = left
      self.right = right
      self.top = top
      self.bottom = bottom
    }
  }

  /// Excel's paper code for A4.
  public static let a4 = 9

  /// Orientation.
  public var orientation: Orientation
  /// Excel paper code (0 = printer default, 9 = A4).
  public var paper: Int
  /// Fit the printout to this many pages wide (0 = as many as needed); nil = no fitting.
  public var fitToPagesWide: Int?
  /// Fit the printout to this many pages tall (0 = as many as needed); used with `fitToPagesWide`.
  public var fitToPagesTall: Int
  /// Rows (zero-based, inclusive) repeated at the top of every printed page.
  public var repeatRows: ClosedRange<Int>?
  /// Page header in Excel's codes, e.g. `&C&"宋体"标题`; at most 255 characters.
  public var header: String?
  /// Page footer in Excel's codes, e.g. `&C第 &P 页 共 &N 页`; at most 255 characters.
  public var footer: String?
  /// Margins; nil keeps Excel's defaults.
  public var margins: Margins?
  /// Centre the printout horizontally on the page.
  public var centerHorizontally: Bool

  /// Creates a print setup; the defaults are Excel's.
  public init(
    orientation: Orientation = .portrait, paper: Int = 0, fitToPagesWide: Int? = nil, fitToPagesTall: Int = 0,
    repeatRows: ClosedRange<Int>? = nil, header: String? = nil, footer: String? = nil, margins: Margins? = nil,
    centerHorizontally: Bool = false
  ) {
    self.orientation = orientation
    self.paper = paper
    self.fitToPagesWide = fitToPagesWide
    self.fitToPagesTall = fitToPagesTall
    self.repeatRows = repeatRows
    self.header = header
    self.footer = footer
    self.margins = margins
    self.centerHorizontally = centerHorizontally
  }
}
