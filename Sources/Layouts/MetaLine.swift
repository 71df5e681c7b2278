/// The lines printed between a table's title and its headers: the department (`部门名称：`,
/// `编制部门：`, `编制单位：`, `预算主管部门：`, `部门：` …) and the unit (`单位：元`, `金额单位：万元`),
/// on one line or in one cell, or in the title's own cell as PDF conversions make it.
enum MetaLine {
  /// Words that introduce the department or unit name, longest first (so that `部门：` does not
  /// take the end of `编制部门：`).
  static let departmentWords = [
    "预算主管部门", "预算单位名称", "部门名称", "单位名称", "编制部门", "编制单位", "主管部门", "预算单位", "填报单位", "部门",
  ]

  /// What one cell says: the department, the unit, where the title part ends.
  struct Reading: Equatable {
    /// The department or unit name, trimmed.
    var department: String?
    /// `元` or `万元`.
    var unit: String?
    /// The text before the first meta word (a title printed in the same cell), trimmed.
    var lead: String
  }

  /// Reads a cell's text; nil when it holds no meta word followed by a colon.
  static func read(_ text: String) -> Reading? {
    // Every meta word is followed by a colon; most cells hold none (checked on bytes: `:` or `：`).
    guard text.utf8.contains(UInt8(ascii: ":")) || text.utf8Range(of: "：") != nil else { return nil }
    let scalars = Array(text.unicodeScalars)
    var department: String?
    var unit: String?
    var leadEnd: Int?
    // The department: the first department word followed (after spaces) by a colon.
    var i = 0
    search: while i < scalars.count {
      for word in departmentWords {
        let w = Array(word.unicodeScalars)
        guard matches(scalars, w, at: i), let colon = colonAfter(scalars, i + w.count) else { continue }
        leadEnd = leadEnd ?? i
        var end = colon + 1
        while end < scalars.count, !isValueEnd(scalars, end) { end += 1 }
        department = String(String.UnicodeScalarView(scalars[(colon + 1)..<end])).trimmingWhitespace()
        i = end
        break search
      }
      i += 1
    }
    // The unit: `单位` (or `金额单位`) and a colon, then 元 or 万元.
    var j = 0
    while j < scalars.count {
      if matches(scalars, unitWord, at: j), let colon = colonAfter(scalars, j + unitWord.count),
        !(j >= 1 && scalars[j - 1] == "编") && !(j >= 2 && (scalars[j - 2] == "预" || scalars[j - 2] == "报"))
      {
        var k = colon + 1
        while k < scalars.count, scalars[k].isSpace { k += 1 }
        if matches(scalars, tenThousand, at: k) {
          unit = "万元"
        } else if k < scalars.count, scalars[k] == "元" {
          unit = "元"
        }
        if unit != nil {
          let start = j >= 2 && scalars[j - 2] == "金" && scalars[j - 1] == "额" ? j - 2 : j
          leadEnd = min(leadEnd ?? start, start)
          break
        }
      }
      j += 1
    }
    guard department != nil || unit != nil, let leadEnd else { return nil }
    let lead = String(String.UnicodeScalarView(scalars[..<leadEnd])).trimmingWhitespace()
    return Reading(department: department?.isEmpty == true ? nil : department, unit: unit, lead: lead)
  }

  /// Whether a cell's text is a meta line (and nothing before it).
  static func isMeta(_ text: String) -> Bool {
    guard let reading = read(text) else { return false }
    return reading.lead.isEmpty
  }

  private static let unitWord = Array("单位".unicodeScalars)
  private static let tenThousand = Array("万元".unicodeScalars)

  private static func matches(_ s: [Unicode.Scalar], _ w: [Unicode.Scalar], at i: Int) -> Bool {
    guard i + w.count <= s.count else { return false }
    for k in w.indices where s[i + k] != w[k] { return false }
    return true
  }

  /// The index of a colon after `i`, past spaces.
  private static func colonAfter(_ s: [Unicode.Scalar], _ i: Int) -> Int? {
    var k = i
    while k < s.count, s[k].isSpace, s[k] != "\n" { k += 1 }
    return k < s.count && (s[k] == "：" || s[k] == ":") ? k : nil
  }

  /// Where a department name ends: a line break, two spaces, or the unit word.
  private static func isValueEnd(_ s: [Unicode.Scalar], _ i: Int) -> Bool {
    if s[i] == "\n" || s[i] == "\r" { return true }
    if s[i].isSpace, i + 1 < s.count, s[i + 1].isSpace { return true }
    if matches(s, unitWord, at: i), colonAfter(s, i + unitWord.count) != nil { return true }
    if s[i] == "金", i + 3 < s.count, s[i + 1] == "额", matches(s, unitWord, at: i + 2) { return true }
    return false
  }
}
