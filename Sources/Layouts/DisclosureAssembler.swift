import Budget
import Sheets

/// Everything read from one department's inputs: the disclosure and how it was found.
public struct DisclosureReading: Sendable {
  /// The disclosure.
  public var disclosure: Disclosure
  /// Per grid (sheet or CSV file): what was recognized.
  public var grids: [GridReading]
  /// Things the user should know (amounts that are not numbers, duplicate tables …).
  public var issues: [ReadIssue]
}

/// Combines the tables read from several grids into one disclosure.
public enum DisclosureAssembler {
  /// Builds the disclosure from grid readings, in input order, as tables of `set`; the first copy
  /// of a table wins. A table the set declares but the inputs lack is a read issue (the rules of
  /// publication ask for empty tables to be published with a note).
  public static func assemble(_ grids: [GridReading], set: LayoutSet = .datong) -> DisclosureReading {
    var tables: [BudgetTable] = []
    var issues: [ReadIssue] = []
    var departments: [String: Int] = [:]
    var years: [Int: Int] = [:]
    for grid in grids {
      issues += grid.issues
      issues += grid.formIssues
      for reading in grid.tables {
        issues += reading.issues
        if let d = reading.department, !d.isEmpty { departments[d, default: 0] += 1 }
        if let y = reading.year { years[y, default: 0] += 1 }
        if let first = tables.first(where: { $0.number == reading.table.number }) {
          issues.append(
            ReadIssue(
              location: place(reading.table.source),
              zh: "“\(reading.table.printedName)”出现了两次，使用第一次（\(place(first.source))）",
              en:
                "table \(reading.table.number) (\(reading.table.printedName)) appears twice; the first one (\(place(first.source))) is used",
              ruleId: "read.duplicate-table"))
          continue
        }
        tables.append(reading.table)
      }
    }
    let department = departments.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? ""
    let year = years.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    if departments.count > 1 {
      issues.append(
        ReadIssue(
          location: "部门名称", zh: "各表的部门名称不一致：\(departments.keys.sorted().joined(separator: "、"))",
          en: "the tables name different departments: \(departments.keys.sorted().joined(separator: ", "))",
          ruleId: "read.department-mismatch"))
    }
    if years.count > 1 {
      issues.append(
        ReadIssue(
          location: "年度", zh: "各表的年度不一致：\(years.keys.sorted().map(String.init).joined(separator: "、"))",
          en: "the tables carry different years: \(years.keys.sorted().map(String.init).joined(separator: ", "))",
          ruleId: "read.year-mismatch"))
    }
    let missing = set.tables.filter { layout in !tables.contains { $0.number == layout.number } }
    if !tables.isEmpty, !missing.isEmpty {
      let files = Array(Set(grids.map(\.file).filter { !$0.isEmpty })).sorted().joined(separator: "、")
      let names = missing.map { layout in (set.label(layout.number) ?? "表\(layout.number)") + "“\(layout.titleStem)”" }
      issues.append(
        ReadIssue(
          location: files.isEmpty ? set.nameZh : files,
          zh: "缺少模板“\(set.nameZh)”的 \(missing.count) 张表：\(names.joined(separator: "、"))；无数据的表也应公开并注明“本表无数据”",
          en:
            "\(missing.count) table(s) of the template \(set.nameEn) missing: \(missing.map { String($0.number) }.joined(separator: ", ")); a table without data is still published, with a note",
          ruleId: "read.table-missing"))
    }
    var disclosure = Disclosure(
      department: department, year: year, unit: set.unit, templateSet: set.name, stage: set.stage, entity: set.entity,
      tables: tables)
    FormAssembly.add(grids.flatMap(\.forms), to: &disclosure, issues: &issues)
    return DisclosureReading(disclosure: disclosure, grids: grids, issues: issues)
  }

  static func place(_ source: SourceRef?) -> String {
    guard let source else { return "?" }
    return [source.file, source.sheet].compactMap { $0 }.joined(separator: " ")
  }
}
