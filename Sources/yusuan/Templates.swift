import ArgumentParser
import YusuanKit

struct Templates: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "templates",
    abstract: L("列出模板：各省市的表套、表、类型与列。", "List the template sets, their tables, kinds and columns."),
    discussion: L(
      """
      每个模板是一份声明：表名、表头、每列对应的规范键、金额单位、科目编码的排列。读取时把输入与每个模板比对，用最能解释它的那个；--template ID 可以指定。

      示例：
        yusuan templates
        yusuan templates shanghai-district-department
      """,
      """
      Each set is a declaration: table titles, headers, the canonical key of each column, the unit of amounts, the layout of the classification codes. Inputs are matched against every set and the one that explains them best is used, unless --template ID forces one.

      Examples:
        yusuan templates
        yusuan templates shanghai-district-department
      """))

  @Argument(help: ArgumentHelp(L("只列出这个模板。", "Only this set.")))
  var id: String?

  @OptionGroup var common: CommonOptions

  func run() throws {
    let zh = common.lang == .zh
    let sets =
      try id.map { id -> [LayoutSet] in
        guard let set = TemplateSets.set(id) else {
          throw CommandFailure(message: zh ? "未知的模板“\(id)”" : "unknown template \(id)", status: 2)
        }
        return [set]
      } ?? TemplateSets.all
    var out = ""
    for set in sets {
      out += "\(set.name)  \(zh ? set.nameZh : set.nameEn)\n"
      out +=
        zh
        ? "  \(set.stage.chineseName)，\(set.entity.chineseName)，金额单位 \(set.unit)，部门行“\(set.departmentLabel)”\n"
        : "  \(set.stage.rawValue), \(set.entity.rawValue), unit \(set.unit), department line \(set.departmentLabel)\n"
      for table in set.tables {
        let label = set.label(table.number).map { "\($0) " } ?? ""
        let unit =
          set.unit(of: table) == set.unit ? "" : (zh ? "（\(set.unit(of: table))）" : " (\(set.unit(of: table)))")
        out +=
          "  \(table.number). \(label)\(table.titleStem)\(unit)  [\(table.kind.rawValue)\(zh ? "：" + table.kind.chineseName : "")]\n"
        for section in table.sections {
          let keys = section.amountKeys.map { zh ? "\($0)（\(ColumnKey.chineseName($0))）" : $0 }.joined(separator: ", ")
          let part = section.role == .main ? "" : "\(section.role.rawValue): "
          out += "       \(part)\(keys)\n"
        }
      }
      out += "\n"
    }
    Console.out(out)
  }
}
