import Budget
import Sheets
import Validation

/// What the report page says, in Chinese or English. The tables themselves stay as printed.
struct ReportWords: Sendable {
  let language: Language
  var zh: Bool { language == .zh }

  init(_ language: Language) { self.language = language }

  var form: String { zh ? "绩效目标申报表" : "Performance form" }
  var department: String { zh ? "部门" : "Department" }
  var yearTerm: String { zh ? "年度" : "Year" }
  var templateSet: String { zh ? "模板" : "Template set" }
  var tablesFound: String { zh ? "识别的表" : "Tables found" }
  var forms: String { zh ? "绩效目标申报表" : "Performance forms" }
  var rules: String { zh ? "规则" : "Rules" }
  var findings: String { zh ? "发现的问题" : "Findings" }
  var readNotes: String { zh ? "读取提示" : "Read notes" }
  var readNote: String { zh ? "读取" : "read" }
  var tolerance: String { zh ? "容差（万元）" : "Tolerance (万元)" }
  var unknown: String { zh ? "未知" : "unknown" }
  var contents: String { zh ? "目录" : "Contents" }
  var backToTop: String { zh ? "回到顶部" : "back to top" }
  var statusErrors: String { zh ? "有错误：请按下面的问题清单修改" : "Errors found: see the list below" }
  var statusWarnings: String { zh ? "无错误，有警告" : "No errors; warnings to check" }
  var statusOK: String { zh ? "无错误" : "No errors" }
  var legendError: String { zh ? "错误" : "error" }
  var legendWarning: String { zh ? "警告" : "warning" }
  var legendRounding: String { zh ? "尾差" : "rounding" }
  var legendInvolved: String { zh ? "相关单元格" : "cell involved" }
  var legendRead: String { zh ? "读取提示" : "read note" }
  var findingsHeading: String { zh ? "发现的问题" : "Findings" }
  var noFindings: String { zh ? "未发现问题。" : "No findings." }
  var readHeading: String { zh ? "读取提示" : "Read notes" }
  var rulesHeading: String { zh ? "规则" : "Rules" }
  var notApplicableHeading: String { zh ? "不适用的规则" : "Rules not applied" }
  var cells: String { zh ? "单元格：" : "cells: " }
  var notPrinted: String { zh ? "此单元格未在本报告的表中" : "this cell is not printed in the report's tables" }

  func severity(_ s: Severity) -> String { zh ? s.chineseName : s.rawValue }
  func year(_ y: Int) -> String { zh ? "\(y)年" : String(y) }
  private func english(_ stage: DisclosureStage) -> String { stage == .budget ? "budget" : "final accounts" }
  func pageTitle(_ department: String, _ year: String, _ stage: DisclosureStage) -> String {
    zh ? "\(department) \(year)部门\(stage.chineseName)公开报告" : "\(department) \(year) \(english(stage)) disclosure report"
  }
  func heading(_ department: String, _ year: String, _ stage: DisclosureStage) -> String {
    zh
      ? "\(department) \(year)部门\(stage.chineseName)公开 校验报告"
      : "\(department): \(year) \(english(stage)) disclosure, validation report"
  }
  func tables(_ numbers: [Int], of total: Int, absent: [Int]) -> String {
    let list = numbers.map(String.init).joined(separator: zh ? "、" : ", ")
    var s = zh ? "\(numbers.count) / \(total) 张（表 \(list)）" : "\(numbers.count) of \(total) (tables \(list))"
    if !absent.isEmpty {
      let missing = absent.map(String.init).joined(separator: zh ? "、" : ", ")
      s += zh ? "；缺少表 \(missing)" : "; absent: \(missing)"
    }
    return s
  }
  func rulesLine(total: Int, run: Int, passed: Int, failed: Int, notApplicable: Int) -> String {
    zh
      ? "\(total) 条：运行 \(run)（通过 \(passed)，发现问题 \(failed)），不适用 \(notApplicable)"
      : "\(total): \(run) run (\(passed) passed, \(failed) with findings), \(notApplicable) not applicable"
  }
  func findingsLine(errors: Int, warnings: Int, rounding: Int) -> String {
    zh ? "错误 \(errors)，警告 \(warnings)，尾差 \(rounding)" : "\(errors) errors, \(warnings) warnings, \(rounding) rounding"
  }
  func findingsCount(_ n: Int) -> String { zh ? "\(n) 个问题" : (n == 1 ? "1 finding" : "\(n) findings") }
  func passedHeading(_ n: Int) -> String { zh ? "通过的规则（\(n) 条）" : "Rules passed (\(n))" }
  func because(_ rule: String, _ reason: String) -> String { zh ? "\(rule)：\(reason)" : "\(rule): \(reason)" }
  func readLabel(_ n: Int) -> String { zh ? "读\(n)" : "r\(n)" }
  func generatedBy(_ generator: String) -> String { zh ? "由 \(generator) 生成" : "Made by \(generator)" }
}
