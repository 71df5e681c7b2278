import Budget

/// Adds the forms read from several grids to a disclosure: the first form of a project wins
/// (PDF-derived text repeats forms), and the forms supply the department code, and the
/// department name and year when no table prints them.
enum FormAssembly {
  static func add(_ forms: [PerformanceForm], to disclosure: inout Disclosure, issues: inout [ReadIssue]) {
    for form in forms {
      if let first = disclosure.forms.first(where: { $0.projectName == form.projectName }) {
        issues.append(
          ReadIssue(
            location: DisclosureAssembler.place(form.source),
            zh: "项目“\(form.projectName)”的绩效目标申报表出现了两次，使用第一次（\(DisclosureAssembler.place(first.source))）",
            en:
              "the performance-target form of \(form.projectName) appears twice; the first one (\(DisclosureAssembler.place(first.source))) is used",
            ruleId: "read.duplicate-form"))
        continue
      }
      disclosure.forms.append(form)
    }
    if disclosure.departmentCode == nil {
      disclosure.departmentCode = disclosure.forms.lazy.compactMap(\.departmentCode).first
    }
    if disclosure.department.isEmpty, let name = disclosure.forms.lazy.compactMap(\.departmentName).first {
      disclosure.department = name
    }
    if disclosure.year == nil { disclosure.year = disclosure.forms.lazy.compactMap(\.year).first }
  }
}
