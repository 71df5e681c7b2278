import YusuanKit

/// The zip a user downloads: the formatted workbook, the canonical JSON, the CSV files (in the
/// chosen encoding and layout) and the HTML report. Written in a private folder, zipped in memory,
/// and the folder removed.
enum DownloadBundle {
  /// The zip's bytes and its file name (`部门名-yusuan.zip`).
  static func make(_ department: CheckedDepartment, encoding: TextEncoding, layout: CSVLayout) throws -> (
    bytes: [UInt8], name: String
  ) {
    let folder = try PrivateFolder()
    defer { folder.remove() }
    let stem = UploadName.stem(department.disclosure.department, fallback: "department")
    let disclosure = department.disclosure
    let workbook = Paths.join(folder.path, "out.xlsx")
    let json = Paths.join(folder.path, "out.json")
    let csv = Paths.join(folder.path, "csv")
    try Yusuan.write(disclosure, as: .xlsx, to: workbook)
    try Yusuan.write(disclosure, as: .json, to: json)
    let written = try Yusuan.write(disclosure, as: .csv, to: csv, csvLayout: layout, encoding: encoding).written
    var entries: [ZipArchive.Entry] = [
      .init("\(stem).xlsx", try folder.read(workbook)),
      .init("\(stem).json", try folder.read(json)),
      .init("report.html", department.reportHTML),
    ]
    // The writer's own names (表N … .csv), in table order as it wrote them.
    for file in written {
      entries.append(.init("csv/" + Paths.lastComponent(file), try folder.read(file)))
    }
    return (try ZipArchive.zipped(entries), "\(stem)-yusuan.zip")
  }
}
