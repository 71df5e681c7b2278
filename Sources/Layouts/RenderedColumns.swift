import Budget
import Sheets

/// One printed column of a rendered table.
struct RenderedColumn {
  enum Field: Equatable {
    case code, name, secondName
    case amount(Int)  // index into the section's amounts
  }

  var section: Int
  var field: Field
  /// Header path with the year filled in.
  var header: [String]
}

extension TableLayout {
  /// The columns a rendered table prints, in order: per section, code, name, second name, amounts.
  func renderedColumns(year: Int?) -> [RenderedColumn] {
    let yearText = year.map { "\($0)年" } ?? ""
    var out: [RenderedColumn] = []
    for (s, section) in sections.enumerated() {
      var amountIndex = 0
      for spec in section.columns {
        let header = spec.header.map { $0.split(separator: "{Y}", omittingEmptySubsequences: false).joined(separator: yearText) }
        switch spec.role {
        case .code: out.append(RenderedColumn(section: s, field: .code, header: header))
        case .codePart: continue
        case .name: out.append(RenderedColumn(section: s, field: .name, header: header))
        case .secondName: out.append(RenderedColumn(section: s, field: .secondName, header: header))
        case .amount:
          out.append(RenderedColumn(section: s, field: .amount(amountIndex), header: header))
          amountIndex += 1
        }
      }
    }
    return out
  }
}

/// Header cells of a rendered table: texts per (level, column) and the merges that span them.
struct RenderedHeader {
  var depth: Int
  var texts: [[String]]  // [level][column]
  var merges: [CellRange]  // relative to the header's top-left

  init(columns: [RenderedColumn]) {
    depth = columns.map(\.header.count).max() ?? 1
    texts = Array(repeating: Array(repeating: "", count: columns.count), count: depth)
    merges = []
    // Leaves fill down to the last header row; group headers span their columns.
    for (c, column) in columns.enumerated() {
      let p = column.header
      for l in 0..<max(p.count - 1, 0) { texts[l][c] = p[l] }
      texts[p.count - 1][c] = p.last ?? ""
      if p.count < depth {
        merges.append(CellRange(firstRow: p.count - 1, firstColumn: c, lastRow: depth - 1, lastColumn: c))
      }
    }
    for l in 0..<depth {
      var c = 0
      while c < columns.count {
        let p = columns[c].header
        guard l < p.count - 1 else {
          c += 1
          continue
        }
        var end = c
        while end + 1 < columns.count, columns[end + 1].header.count - 1 > l,
          Array(columns[end + 1].header.prefix(l + 1)) == Array(p.prefix(l + 1))
        {
          end += 1
        }
        if end > c { merges.append(CellRange(firstRow: l, firstColumn: c, lastRow: l, lastColumn: end)) }
        c = end + 1
      }
    }
  }
}

/// Display width of text in spreadsheet character units: CJK and full-width characters count two.
func displayWidth(_ text: String) -> Double {
  var width = 0.0
  for scalar in text.unicodeScalars {
    switch scalar.value {
    case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
      0xFFE0...0xFFE6, 0x20000...0x3FFFD:
      width += 2
    case 0x2460...0x24FF, 0x3000...0x303F:
      width += 2
    default:
      width += 1
    }
  }
  return width
}
