import Budget
import FoundationEssentials
import Sheets

/// The CSV files of the forms inside a CSV output folder: `绩效目标申报表.csv` (tidy, one record per
/// indicator) or `绩效目标申报表01.csv` … (the printed form, one file per project).
enum FormWriting {
  /// The forms' CSV files as (name, rows), for writing into a folder in one step.
  static func csvFiles(_ forms: [PerformanceForm], layout: CSVLayout) -> [(name: String, rows: [[CSVField]])] {
    guard !forms.isEmpty else { return [] }
    switch layout {
    case .tidy: return [(FormTidyCSV.fileName, FormTidyCSV.rows(forms))]
    case .disclosure:
      return forms.enumerated().map { i, form in
        (fileName(number: i + 1), FormRenderer.disclosureRows(form, number: i + 1))
      }
    }
  }

  /// `绩效目标申报表03.csv` for the third form (disclosure layout).
  static func fileName(number: Int) -> String { "绩效目标申报表" + (number < 10 ? "0" : "") + String(number) + ".csv" }

  /// Whether a name is one this writer gives a form's CSV file.
  static func isOwnName(_ name: String) -> Bool {
    if name == FormTidyCSV.fileName { return true }
    guard name.hasPrefix("绩效目标申报表"), name.hasSuffix(".csv") else { return false }
    let middle = name.dropFirst("绩效目标申报表".count).dropLast(4)
    return middle.count >= 2 && middle.allSatisfy { $0.isASCII && $0.isNumber }
  }

  static func csv(
    _ forms: [PerformanceForm], folder: String, layout: CSVLayout, encoding: TextEncoding, refusing inputs: [String]
  ) throws -> [String] {
    guard !forms.isEmpty else { return [] }
    let path = { (name: String) in Paths.join(folder, name) }
    switch layout {
    case .tidy:
      let file = path(FormTidyCSV.fileName)
      try CSVWriter.write(rows: FormTidyCSV.rows(forms), to: file, encoding: encoding, refusing: inputs)
      return [file]
    case .disclosure:
      var written: [String] = []
      for (i, form) in forms.enumerated() {
        let file = path("绩效目标申报表" + (i < 9 ? "0" : "") + String(i + 1) + ".csv")
        try CSVWriter.write(
          rows: FormRenderer.disclosureRows(form, number: i + 1), to: file, encoding: encoding, refusing: inputs)
        written.append(file)
      }
      return written
    }
  }
}
