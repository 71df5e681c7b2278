import FoundationEssentials
import Budget
import Sheets

/// The CSV files of the forms inside a CSV output folder: `绩效目标申报表.csv` (tidy, one record per
/// indicator) or `绩效目标申报表01.csv` … (the printed form, one file per project).
enum FormWriting {
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
        try CSVWriter.write(rows: FormRenderer.disclosureRows(form, number: i + 1), to: file, encoding: encoding, refusing: inputs)
        written.append(file)
      }
      return written
    }
  }
}
