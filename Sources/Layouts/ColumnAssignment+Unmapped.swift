import Sheets

extension ColumnAssignment {
  /// Header columns that no field took although data rows print something in them: a header
  /// one typo away from a known one (`项目支处`), or a column the set does not declare. Their
  /// cells would otherwise be dropped without a word.
  func unmappedColumns(band: HeaderBand, grid: Grid, dataRows: [Int]) -> [Int] {
    var used = Set<Int>()
    for section in sections {
      for c in [section.code, section.name, section.secondName].compactMap({ $0 }) { used.insert(c) }
      for c in section.codeParts.compactMap({ $0 }) { used.insert(c) }
      for c in section.amounts.compactMap({ $0 }) { used.insert(c) }
    }
    // Columns inside the header's span count too: a header merged over two columns loses its
    // second column in a PDF conversion, which leaves that column with data and no header.
    guard let first = band.paths.keys.min(), let last = band.paths.keys.max() else { return [] }
    return (first...last).filter { c in
      guard !used.contains(c) else { return false }
      return dataRows.contains { r in grid[r, c].map { $0.text.hasNonSpace } ?? false }
    }
  }
}
