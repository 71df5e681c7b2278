/// Every size budget the readers enforce, in one place. The defaults refuse zip bombs and
/// absurd inputs while leaving room for any real budget workbook.
public struct Limits: Sendable, Equatable {
  /// Largest input file accepted, in bytes.
  public var maxFileBytes: Int = 256 << 20
  /// Most entries a zip container may hold.
  public var maxZipEntries: Int = 10_000
  /// Most bytes one worksheet part may inflate to.
  public var maxSheetPartBytes: Int = 1 << 30
  /// Most bytes the shared-strings part may inflate to.
  public var maxSharedStringsBytes: Int = 256 << 20
  /// Most bytes any other XML part (workbook, rels, styles) may inflate to.
  public var maxOtherPartBytes: Int = 32 << 20
  /// Most bytes the whole archive may inflate to, all parts together.
  public var maxTotalInflatedBytes: Int = 2 << 30
  /// Most cells one sheet may hold (stored cells, not the bounding box).
  public var maxCellsPerSheet: Int = 20_000_000
  /// Longest text of one cell, in characters (Excel's own limit).
  public var maxCellTextLength: Int = 32_767
  /// Most shared strings.
  public var maxSharedStrings: Int = 10_000_000
  /// Most merged ranges on one sheet.
  public var maxMergesPerSheet: Int = 100_000
  /// Largest area a single merged range may cover, in cells.
  public var maxMergeArea: Int = 1_000_000
  /// Largest legacy `.xls` workbook accepted, in bytes (FreeXL holds all of it, and every cell, in memory).
  public var maxLegacyWorkbookBytes: Int = 64 << 20
  /// Largest box of cells (declared rows × columns) of one `.xls` sheet; BIFF8's whole grid is 65,536 × 256.
  public var maxLegacySheetArea: Int = 65_536 * 256
  /// Longest CSV field, in bytes.
  public var maxCSVFieldBytes: Int = 1 << 20
  /// Most files one upload to `yusuan serve` may carry (its bytes together: `maxFileBytes`).
  public var maxUploadFiles: Int = 40

  /// The defaults.
  public init() {}

  /// The defaults, shared.
  public static let `default` = Limits()
}
