import Budget
import Sheets

/// An amount of the model that no reader could give back: more than 15 significant digits or 12
/// decimals (a value an embedding program made, never one read from a file). Writing it would
/// change it silently, so nothing is written.
public struct UnwritableAmount: Error, Equatable, Sendable, LocalizedMessage, CustomStringConvertible {
  /// Where it is: `预算公开表8 212 城乡社区支出 项目支出`.
  public var place: String
  /// The amount as the model holds it.
  public var amount: String

  public func message(_ language: Language) -> String {
    let digits = Amount.inputSignificantDigitsLimit
    let decimals = Amount.inputFractionDigitsLimit
    return language == .zh
      ? "\(place)：金额 \(amount) 超过 \(digits) 位有效数字或 \(decimals) 位小数，写出后无法原样读回；未写出任何文件"
      : "\(place): the amount \(amount) has more than \(digits) significant digits or \(decimals) decimals and could not be read back as it is; nothing was written"
  }

  public var description: String { message(.zh) }

  /// The first amount of `disclosure`'s tables that cannot be written exactly, if any.
  static func first(in disclosure: Disclosure) -> UnwritableAmount? {
    for table in disclosure.tables {
      for section in table.sections {
        for row in section.rows {
          for (i, amount) in row.amounts.enumerated() {
            guard let amount, !amount.isWithinInputLimits else { continue }
            let column = i < section.columns.count ? ColumnKey.chineseName(section.columns[i]) : String(i + 1)
            return UnwritableAmount(
              place: "\(table.displayName) \(row.displayName) \(column)", amount: amount.text(minimumFractionDigits: 0))
          }
        }
      }
    }
    return nil
  }
}
