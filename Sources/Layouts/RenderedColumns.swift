import Budget
import Sheets

/// One printed column of a rendered table.
struct RenderedColumn {
  enum Field: Equatable {
    case code, name, secondName
    /// One part of a code printed over 类/款/项 columns: 0 = 类 (3 digits), 1 = 款, 2 = 项 (2 each).
    case codePart(Int)
    case amount(Int)  // index into the section's amounts
  }

  /// Whether the column prints (a part of) a code.
  var isCode: Bool {
    switch field {
    case .code, .codePart: true
    default: false
    }
  }

  var section: Int
  var field: Field
  /// Header path with the year filled in.
  var header: [String]
}

extension TableLayout {
  /// The columns a rendered table prints, in order: per section, code, name, second name, amounts.
  /// A code column is left out when its section has rows and none of them has a code (表6 as
  /// officially printed has no code column), so no empty column is printed.
  func renderedColumns(year: Int?, table: BudgetTable? = nil) -> [RenderedColumn] {
    let yearText = year.map { "\($0)年" } ?? ""
    var out: [RenderedColumn] = []
    for (s, section) in sections.enumerated() {
      var amountIndex = 0
      for spec in section.columns {
        let header = spec.header.map { Self.fillingYear($0, yearText) }
        switch spec.role {
        case .code:
          if let table, s < table.sections.count, !table.sections[s].rows.isEmpty,
            table.sections[s].rows.allSatisfy({ $0.code == nil })
          {
            continue
          }
          out.append(RenderedColumn(section: s, field: .code, header: header))
        case .codePart(let i):
          // Printed only where the set prints no one-column code (Shanghai's 类/款/项).
          guard !section.columns.contains(where: { if case .code = $0.role { true } else { false } }) else { continue }
          if let table, s < table.sections.count, !table.sections[s].rows.isEmpty,
            table.sections[s].rows.allSatisfy({ $0.code == nil })
          {
            continue
          }
          out.append(RenderedColumn(section: s, field: .codePart(i), header: header))
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

  /// A header text with `{Y}` replaced by the year (most headers have none: they are returned as they are).
  static func fillingYear(_ text: String, _ yearText: String) -> String {
    guard text.utf8.contains(UInt8(ascii: "{")) else { return text }
    return text.split(separator: "{Y}", omittingEmptySubsequences: false).joined(separator: yearText)
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

/// Column widths and row heights that fit the printed text, so nothing is cut off on paper: data
/// fits on one line except names, which wrap past a cap; long headers wrap, as the official
/// tables do, and their rows grow to hold them.
enum RenderedSizing {
  /// Points per printed line of 10-point CJK text (CJK fonts have tall line boxes).
  static let lineHeight = 14.5

  /// Widest a name column grows before its text wraps; wide side-by-side tables share the page.
  static func nameCap(sections: Int, columns: Int) -> Double { sections > 1 && columns > 6 ? 24 : 36 }

  /// Lines `text` needs in a cell `width` units wide. A 10-point CJK character is about 1.9 units
  /// of the default 11-point Calibri, not the 2 counted for widths; a unit is lost to padding.
  static func lines(_ text: String, width: Double) -> Int {
    let usable = max(width - 1, 1)
    return max(1, Int((displayWidth(text) * 0.95 / usable).rounded(.up)))
  }

  /// Row height in points for `lines` lines.
  static func height(lines: Int, minimum: Double = 17) -> Double {
    max(minimum, Double(lines) * lineHeight + 4)
  }

  /// Widths per column from the texts printed in it (`data[c]`) and its header leaf; names are
  /// indented by `nameIndent` units.
  static func widths(columns: [RenderedColumn], data: [[String]], sections: Int, nameIndent: Double = 0) -> [Int:
    Double]
  {
    var out: [Int: Double] = [:]
    for (c, column) in columns.enumerated() {
      let content = data[c].map(displayWidth).max() ?? 0
      let leaf = displayWidth(column.header.last ?? "")
      switch column.field {
      case .amount:
        // Room for 1,234,567.00 plus padding. A header of up to 16 units (8 CJK characters, such as
        // 国有资本经营预算) stays on one line; a longer one wraps rather than widening the column,
        // into lines of even length (no lone last character).
        let headerWidth = leaf <= 16 ? leaf * 0.95 + 2.5 : leaf * 0.95 / (leaf * 0.95 / 13).rounded(.up) + 1.5
        out[c] = max(content + 3, headerWidth, 11)
      case .code:
        out[c] = min(max(content + 2, leaf + 2, 8), 16)
      case .codePart:
        out[c] = max(content + 2, leaf + 2, 5)
      case .name, .secondName:
        let capped = min(max(content + 2, leaf + 2, 12), nameCap(sections: sections, columns: columns.count))
        out[c] = clearWidth(capped, texts: data[c], indent: column.field == .name ? nameIndent : 0)
      }
    }
    return out
  }

  /// The width, from `width` up to 8 units wider, at which the fewest texts are close to a line
  /// break (the narrowest of those). Spreadsheet programs measure text slightly differently
  /// (LibreOffice fits up to about two units more on a line than the estimate here, which holds
  /// for Excel), so a text that only just needs a second line prints on one line in one of them,
  /// and its row, sized for two lines, looks double-spaced. `indent` is room the style takes.
  static func clearWidth(_ width: Double, texts: [String], indent: Double = 0) -> Double {
    let needs = texts.map { displayWidth($0) * 0.95 }
    let nearBreaks = { (w: Double) in
      needs.filter { lines(need: $0, width: w - indent) != lines(need: $0, width: w - indent + 3) }.count
    }
    var best = (width: width, near: nearBreaks(width))
    for extra in 1...8 where best.near > 0 {
      let near = nearBreaks(width + Double(extra))
      if near < best.near { best = (width + Double(extra), near) }
    }
    return best.width
  }

  /// Lines a text of `need` units takes in `width` units of text room.
  static func lines(need: Double, width: Double) -> Int {
    max(1, Int((need / max(width - 1, 1)).rounded(.up)))
  }

  /// Header row heights: every header cell's text fits its (possibly merged) box.
  static func headerHeights(_ header: RenderedHeader, widths: [Int: Double]) -> [Double] {
    var boxes = header.merges.map { ($0, header.texts[$0.first.row][$0.first.column]) }
    for l in 0..<header.depth {
      for c in header.texts[l].indices where !header.texts[l][c].isEmpty {
        let address = CellAddress(row: l, column: c)
        if !header.merges.contains(where: { $0.contains(address) }) {
          boxes.append((CellRange(firstRow: l, firstColumn: c, lastRow: l, lastColumn: c), header.texts[l][c]))
        }
      }
    }
    func boxWidth(_ r: CellRange) -> Double {
      (r.first.column...r.last.column).reduce(0) { $0 + (widths[$1] ?? 8) }
    }
    var heights = Array(repeating: height(lines: 1, minimum: 20), count: header.depth)
    for (range, text) in boxes where range.first.row == range.last.row {
      heights[range.first.row] = max(
        heights[range.first.row], height(lines: lines(text, width: boxWidth(range)), minimum: 20))
    }
    for (range, text) in boxes where range.first.row != range.last.row {
      let needed = height(lines: lines(text, width: boxWidth(range)), minimum: 20)
      let have = heights[range.first.row...range.last.row].reduce(0, +)
      if have < needed { heights[range.last.row] += needed - have }
    }
    return heights
  }
}
