import Budget
import Sheets

/// A table rendered in its printed layout, with the printed cell of every value it holds, so
/// that a report can mark the cell a finding names (a finding names source cells; this says
/// where those values were printed).
public struct RenderedTable: Sendable {
  /// The sheet, exactly as the formatted workbook prints it.
  public var sheet: StyledSheet
  /// The printed cell of each amount, by section, row and amount index; nil where the renderer
  /// printed no such cell.
  public var amountCells: [[[CellAddress?]]]
  /// The printed cell of each row's name (its code where it has no name), by section and row.
  public var rowCells: [[CellAddress?]]

  /// The cell that holds the title.
  public var titleCell: CellAddress { CellAddress(row: 0, column: 0) }
}

extension TableRenderer {
  /// One table rendered as the formatted workbook prints it, with where each value went; nil
  /// when no declaration exists for the table.
  public func rendered(_ table: BudgetTable, in disclosure: Disclosure) -> RenderedTable? {
    guard let sheet = sheet(table, in: disclosure), let layout = layouts.layout(table.number) else { return nil }
    let columns = layout.renderedColumns(year: disclosure.year, table: table)
    let placement = Self.placeRows(table.sections)
    var amounts = table.sections.map { s in s.rows.map { [CellAddress?](repeating: nil, count: $0.amounts.count) } }
    var names = table.sections.map { s in [CellAddress?](repeating: nil, count: s.rows.count) }
    // The renderer freezes the panes at the first data row; without that mark nothing is claimed.
    guard let firstData = sheet.freezePanes?.row else {
      return RenderedTable(sheet: sheet, amountCells: amounts, rowCells: names)
    }
    for (c, column) in columns.enumerated() where column.section < table.sections.count {
      let section = table.sections[column.section]
      for (i, row) in section.rows.enumerated() {
        let address = CellAddress(row: firstData + placement[column.section][i], column: c)
        switch column.field {
        case .amount(let k) where k < row.amounts.count:
          // Claimed only where the printed cell shows this very value (blank for a blank).
          let printed = sheet.cell(at: address)?.value
          if printed == row.amounts[k].map({ .number($0.text()) }) { amounts[column.section][i][k] = address }
        case .name:
          names[column.section][i] = address
        case .code where names[column.section][i] == nil:
          names[column.section][i] = address
        default:
          break
        }
      }
    }
    return RenderedTable(sheet: sheet, amountCells: amounts, rowCells: names)
  }
}
