import Budget
import Validation

/// A made-up, consistent second department (示例市教育局): other codes than the sample
/// (201/205/212/223), 单位资金 and 财政专户 money, a carry-over project in 表13, a non-empty 表9
/// and three projects in 表12. Every rule must find nothing in it.
enum SecondDepartment {
  typealias R = (kind: RowKind, code: String?, name: String, second: String?, amounts: [String?])

  static func item(_ code: String?, _ name: String, _ amounts: String?..., second: String? = nil) -> R {
    (.item, code, name, second, amounts)
  }
  static func total(_ name: String, _ amounts: String?...) -> R { (.total, nil, name, nil, amounts) }

  static let letters = Array("ABCDEFGHIJKL").map(String.init)

  static func section(_ columns: [String], from letter: Int, firstLine: Int = 5, _ rows: [R]) -> TableSection {
    section(.main, columns, from: letter, firstLine: firstLine, rows)
  }

  static func section(_ role: SectionRole, _ columns: [String], from letter: Int, firstLine: Int = 5, _ rows: [R])
    -> TableSection
  {
    TableSection(
      role: role, columns: columns,
      rows: rows.enumerated().map { i, r in
        BudgetRow(
          kind: r.kind, code: r.code, name: r.name, secondName: r.second,
          amounts: r.amounts.map { $0.flatMap { Amount(parsing: $0) } },
          line: firstLine + i)
      }, columnLetters: Array(letters[letter..<(letter + columns.count)]))
  }

  static func table(_ n: Int, _ sections: [TableSection], note: String? = nil) -> BudgetTable {
    BudgetTable(
      number: n, title: "2023年示例表\(n)", note: note, sections: sections,
      source: SourceRef(file: String(format: "示例表%02d.csv", n)))
  }

  static let T = ColumnKey.total, G = ColumnKey.generalPublic, F = ColumnKey.governmentFund, S = ColumnKey.stateCapital
  static let SA = ColumnKey.specialAccount, U = ColumnKey.unitFunds, C = ColumnKey.carryover
  static let B = ColumnKey.basic, P = ColumnKey.project

  static func disclosure() -> Disclosure {
    let classLines = StandardLines.classCodes.map { $0.name }
    let ordinals = [
      "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十",
      "二十一", "二十二", "二十三", "二十四", "二十五", "二十六", "二十七", "二十八", "二十九", "三十",
    ]
    func t1Line(_ i: Int) -> R {
      let name = ordinals[i] + "、" + classLines[i]
      switch StandardLines.classCodes[i].code {
      case "201": return item(nil, name, "105.00", "100.00", "5.00")
      case "205": return item(nil, name, "60.00", "60.00", nil)
      case "212": return item(nil, name, "30.00", "30.00", nil)
      case "223": return item(nil, name, "10.00", "10.00", nil)
      default: return item(nil, name, nil, nil, nil)
      }
    }
    func t4Line(_ i: Int) -> R {
      let name = ordinals[i] + "、" + classLines[i]
      switch StandardLines.classCodes[i].code {
      case "201": return item(nil, name, "105.00", "105.00", nil, nil)
      case "205": return item(nil, name, "50.00", "50.00", nil, nil)
      case "212": return item(nil, name, "30.00", nil, "30.00", nil)
      case "223": return item(nil, name, "10.00", nil, nil, "10.00")
      default: return item(nil, name, nil, nil, nil, nil)
      }
    }
    let t1 = table(
      1,
      [
        section(
          .income, [ColumnKey.amount], from: 1,
          [
            item(nil, "一、一般公共预算", "150.00"), item(nil, "二、政府性基金预算", "30.00"), item(nil, "三、国有资本经营预算", "10.00"),
            item(nil, "四、财政专户管理资金", "6.00"), item(nil, "五、单位资金", "4.00"), total("本年收入合计", "200.00"),
            item(nil, "上年结转", "5.00"), total("收入总计", "205.00"),
          ]),
        section(
          .expenditure, [T, ColumnKey.currentYear, ColumnKey.carryoverArranged], from: 3,
          (0..<30).map(t1Line) + [
            total("本年支出合计", "205.00", "200.00", "5.00"), item(nil, "年终结转", nil, nil, nil),
            total("支出总计", "205.00", "200.00", "5.00"),
          ]),
      ])
    let t2 = table(
      2,
      [
        section(
          [T, G, F, S, SA, U, C], from: 2,
          [
            total("合计", "200.00", "150.00", "30.00", "10.00", "6.00", "4.00", "5.00"),
            item("201", "一般公共服务支出", "100.00", "100.00", nil, nil, nil, nil, "5.00"),
            item("20101", "人大事务", "100.00", "100.00", nil, nil, nil, nil, "5.00"),
            item("2010101", "行政运行", "100.00", "100.00", nil, nil, nil, nil, "5.00"),
            item("205", "教育支出", "60.00", "50.00", nil, nil, "6.00", "4.00", nil),
            item("20502", "普通教育", "60.00", "50.00", nil, nil, "6.00", "4.00", nil),
            item("2050201", "学前教育", "60.00", "50.00", nil, nil, "6.00", "4.00", nil),
            item("212", "城乡社区支出", "30.00", nil, "30.00", nil, nil, nil, nil),
            item("21208", "国有土地使用权出让收入安排的支出", "30.00", nil, "30.00", nil, nil, nil, nil),
            item("2120899", "其他国有土地使用权出让收入安排的支出", "30.00", nil, "30.00", nil, nil, nil, nil),
            item("223", "国有资本经营预算支出", "10.00", nil, nil, "10.00", nil, nil, nil),
            item("22301", "解决历史遗留问题及改革成本支出", "10.00", nil, nil, "10.00", nil, nil, nil),
            item("2230199", "其他解决历史遗留问题及改革成本支出", "10.00", nil, nil, "10.00", nil, nil, nil),
          ])
      ])
    let t3 = table(
      3,
      [
        section(
          [T, B, P], from: 2,
          [
            total("合计", "205.00", "110.00", "95.00"),
            item("201", "一般公共服务支出", "105.00", "80.00", "25.00"), item("20101", "人大事务", "105.00", "80.00", "25.00"),
            item("2010101", "行政运行", "105.00", "80.00", "25.00"),
            item("205", "教育支出", "60.00", "30.00", "30.00"), item("20502", "普通教育", "60.00", "30.00", "30.00"),
            item("2050201", "学前教育", "60.00", "30.00", "30.00"),
            item("212", "城乡社区支出", "30.00", nil, "30.00"), item("21208", "国有土地使用权出让收入安排的支出", "30.00", nil, "30.00"),
            item("2120899", "其他国有土地使用权出让收入安排的支出", "30.00", nil, "30.00"),
            item("223", "国有资本经营预算支出", "10.00", nil, "10.00"), item("22301", "解决历史遗留问题及改革成本支出", "10.00", nil, "10.00"),
            item("2230199", "其他解决历史遗留问题及改革成本支出", "10.00", nil, "10.00"),
          ])
      ])
    let t4 = table(
      4,
      [
        section(
          .income, [ColumnKey.amount], from: 1, firstLine: 6,
          [
            item(nil, "一、一般公共预算", "150.00"), item(nil, "二、政府性基金预算", "30.00"), item(nil, "三、国有资本经营预算", "10.00"),
            total("本年收入合计", "190.00"), item(nil, "上年财政拨款结转", "5.00"), item(nil, "一、一般公共预算", "5.00"),
            item(nil, "二、政府性基金预算", nil), item(nil, "三、国有资本经营预算", nil), total("收入总计", "195.00"),
          ]),
        section(
          .expenditure, [T, G, F, S], from: 3, firstLine: 6,
          (0..<30).map(t4Line) + [
            total("本年支出合计", "195.00", "155.00", "30.00", "10.00"), item(nil, "年终结转", nil, nil, nil, nil),
            total("支出总计", "195.00", "155.00", "30.00", "10.00"),
          ]),
      ])
    let t5 = table(
      5,
      [
        section(
          [T, B, P], from: 2,
          [
            total("合计", "150.00", "110.00", "40.00"),
            item("201", "一般公共服务支出", "100.00", "80.00", "20.00"), item("20101", "人大事务", "100.00", "80.00", "20.00"),
            item("2010101", "行政运行", "100.00", "80.00", "20.00"),
            item("205", "教育支出", "50.00", "30.00", "20.00"), item("20502", "普通教育", "50.00", "30.00", "20.00"),
            item("2050201", "学前教育", "50.00", "30.00", "20.00"),
          ])
      ])
    let t6 = table(
      6,
      [
        section(
          [T, ColumnKey.personnel, ColumnKey.publicUse], from: 2,
          [
            total("合计", "110.00", "95.00", "15.00"),
            item(nil, "工资福利支出", "90.00", "90.00", nil),
            item(nil, "基本工资", "60.00", "60.00", nil, second: "工资奖金津补贴"),
            item(nil, "绩效工资", "30.00", "30.00", nil, second: "工资福利支出"),
            item(nil, "商品和服务支出", "15.00", nil, "15.00"),
            item(nil, "办公费", "8.00", nil, "8.00", second: "办公经费"),
            item(nil, "公务用车运行维护费", "4.00", nil, "4.00", second: "公务用车运行维护费"),
            item(nil, "电费", "3.00", nil, "3.00", second: "商品和服务支出"),
            item(nil, "对个人和家庭的补助", "5.00", "5.00", nil),
            item(nil, "退休费", "5.00", "5.00", nil, second: "离退休费"),
          ])
      ])
    let t7 = table(
      7,
      [
        section(
          [T], from: 2,
          [
            total("合计", "30.00"), item("103", "非税收入", "30.00"), item("10301", "政府性基金收入", "30.00"),
            item("1030148", "国有土地使用权出让收入", "30.00"),
          ])
      ])
    let t8 = table(
      8,
      [
        section(
          [T, B, P], from: 2,
          [
            total("合计", "30.00", nil, "30.00"), item("212", "城乡社区支出", "30.00", nil, "30.00"),
            item("21208", "国有土地使用权出让收入安排的支出", "30.00", nil, "30.00"),
            item("2120899", "其他国有土地使用权出让收入安排的支出", "30.00", nil, "30.00"),
          ])
      ])
    let t9 = table(
      9,
      [
        section(
          .income, [T], from: 2,
          [
            total("合计", "10.00"), item("223", "国有资本经营预算支出", "10.00"), item("22301", "解决历史遗留问题及改革成本支出", "10.00"),
            item("2230199", "其他解决历史遗留问题及改革成本支出", "10.00"),
          ]),
        section(
          .expenditure, [T, B, P], from: 5,
          [
            total("合计", "10.00", nil, "10.00"), item("223", "国有资本经营预算支出", "10.00", nil, "10.00"),
            item("22301", "解决历史遗留问题及改革成本支出", "10.00", nil, "10.00"),
            item("2230199", "其他解决历史遗留问题及改革成本支出", "10.00", nil, "10.00"),
          ]),
      ])
    let t10 = table(
      10,
      [
        section(
          [T, G, F, S], from: 1,
          [
            item(nil, "因公出国（境）费", "1.00", "1.00", nil, nil), item(nil, "公务接待费", "2.00", "2.00", nil, nil),
            item(nil, "公务用车购置及运行费", "4.00", "4.00", nil, nil), item(nil, "①公务用车购置费", nil, nil, nil, nil),
            item(nil, "②公务用车运行维护费", "4.00", "4.00", nil, nil), total("合计", "7.00", "7.00", nil, nil),
          ])
      ])
    let t11 = table(
      11,
      [
        section(
          [T, G, F, S], from: 1,
          [
            total("部门合计", "12.00", "12.00", nil, nil), item(nil, "示例市教育局", "12.00", "12.00", nil, nil),
          ])
      ])
    let t12 = table(
      12,
      [
        section(
          [T, G, F, S, SA, U], from: 1,
          [
            item(nil, "教育信息化项目", "40.00", "40.00", nil, nil, nil, nil),
            item(nil, "职业培训项目", "10.00", nil, nil, nil, "6.00", "4.00"),
            item(nil, "土地收益项目", "40.00", nil, "30.00", "10.00", nil, nil),
          ])
      ])
    let t13 = table(13, [section([T, G, F, S], from: 1, [item(nil, "上年结转信息化项目", "5.00", "5.00", nil, nil)])])
    return Disclosure(
      department: "示例市教育局[部门]", year: 2023,
      tables: [t1, t2, t3, t4, t5, t6, t7, t8, t9, t10, t11, t12, t13])
  }
}
