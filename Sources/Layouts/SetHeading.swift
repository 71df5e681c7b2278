import Sheets

/// The heading a template set prints over all its tables (`上海市XX局2024年度部门决算表`; in a
/// PDF conversion also `第二部分 上海市普陀区财政局 年度部门决算表`, the year lost): the department
/// and the year it names, for the tables of a grid that print no meta line of their own.
enum SetHeading {
  /// The department and year of a text that is one of the set's headings, else nil.
  static func read(_ text: String, set: LayoutSet) -> (department: String?, year: Int?)? {
    guard !set.headings.isEmpty, text.utf8.count <= 240 else { return nil }
    var body = String(text.unicodeScalars.filter { !$0.properties.isWhitespace })
    guard let ending = set.headings.first(where: { body.hasSuffix($0) }) else { return nil }
    body.removeLast(ending.count)
    // `第二部分` before the department: the part of the publication the tables are in.
    let chars = Array(body)
    if chars.first == "第", chars.count > 3,
      let i = (1..<min(chars.count - 1, 6)).first(where: { chars[$0] == "部" && chars[$0 + 1] == "分" })
    {
      body = String(chars[(i + 2)...])
    }
    var year: Int?
    let digits = body.reversed().prefix { $0.isASCII && $0.isNumber }
    if digits.count == 4, let y = Int(String(digits.reversed())), (1990...2100).contains(y) {
      year = y
      body.removeLast(4)
    }
    guard !body.isEmpty || year != nil else { return nil }
    return (body.isEmpty ? nil : body, year)
  }

  /// The first heading of the set in a grid, above row `limit` (the first title: a heading is
  /// printed over the tables, so the rest of the grid is not searched).
  static func find(in grid: Grid, set: LayoutSet, above limit: Int) -> (department: String?, year: Int?)? {
    guard !set.headings.isEmpty else { return nil }
    for row in grid.rows {
      guard row.index < limit else { break }
      for cell in row.cells {
        guard case .text(let t) = cell.value, let heading = read(t, set: set) else { continue }
        return heading
      }
    }
    return nil
  }
}
