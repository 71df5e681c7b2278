/// Every size budget the readers enforce, in one place. The defaults refuse zip bombs and
/// absurd inputs while leaving room for any real budget workbook.
public struct Limits: Sendable, Equatable {
  /// Largest input file accepted, in bytes.
  public var maxFileBytes: Int = 256 << 20
  /// Most entries a zip container may hold.
  public var maxZipEntries: Int = 10_000
  /// Most bytes one worksheet part may inflate to.
  public var maxSheetPartBytes: Int = 128 << 20
  /// Most bytes the shared-strings part may inflate to.
  public var maxSharedStringsBytes: Int = 64 << 20
  /// Most bytes any other XML part (workbook, rels, styles) may inflate to.
  public var maxOtherPartBytes: Int = 32 << 20
  /// Most bytes the whole archive may inflate to, all parts together, every read of a part
  /// counted (a budget workbook inflates to a few MB; parsing 128 MB takes about 1 s).
  public var maxTotalInflatedBytes: Int = 128 << 20
  /// Most cells one sheet may hold (stored cells, not the bounding box).
  public var maxCellsPerSheet: Int = 20_000_000
  /// Longest text of one cell, in characters (Excel's own limit).
  public var maxCellTextLength: Int = 32_767
  /// Most shared strings.
  public var maxSharedStrings: Int = 1_000_000
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
  /// Most attributes (namespace declarations included) one XML start tag may carry: libxml2
  /// checks a tag's attributes for duplicates pairwise, so the count bounds that work.
  public var maxAttributesPerElement: Int = 1_000
  /// Most sheets a workbook may list.
  public var maxSheets: Int = 1_000
  /// Most cells one input may hold, all its sheets (or all the CSV files of a folder) together:
  /// what bounds the memory a department takes (a budget department holds a few thousand).
  public var maxCellsPerWorkbook: Int = 1_000_000
  /// Most bytes one CSV input may hold, all the files of a folder together (read whole).
  public var maxCSVBytes: Int = 48 << 20
  /// Most bytes of one JSON document (read whole).
  public var maxJSONBytes: Int = 48 << 20
  /// Most values (numbers, strings, arrays, objects …) of one JSON document.
  public var maxJSONValues: Int = 4_000_000

  /// The defaults.
  public init() {}

  /// The defaults, shared.
  public static let `default` = Limits()
}
