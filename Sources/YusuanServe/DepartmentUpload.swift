import YusuanKit

/// One uploaded file: the name the user sees and its bytes.
struct UploadedFile: Sendable {
  /// The sanitized name (`UploadName.display`), for messages only.
  var name: String
  /// The lowercased extension, one of `UploadName.readable`.
  var fileExtension: String
  /// The file's bytes.
  var bytes: [UInt8]
}

/// What checking one upload gave: the department, its findings and its HTML report.
struct CheckedDepartment: Sendable {
  /// The department as read.
  var disclosure: Disclosure
  /// The HTML report of `yusuan report` for it.
  var reportHTML: String
  /// How many errors, warnings and rounding differences validation found.
  var errors: Int, warnings: Int, roundings: Int
  /// The uploaded files' names, in order (the narrative last).
  var fileNames: [String]
  /// What checking the uploaded narrative found, when one was uploaded.
  var narrative: CheckedNarrative?
}

/// Reads, validates and renders one department's uploaded files as `yusuan report` does, in a
/// private folder that is gone when it returns. Every message names the user's file, never the
/// server's folder.
enum DepartmentUpload {
  static func check(
    _ files: [UploadedFile], narrative: UploadedFile? = nil, _ configuration: Yusuan.Configuration, language: Language
  ) throws(ServeRefusal)
    -> CheckedDepartment
  {
    let folder: PrivateFolder
    do { folder = try PrivateFolder() } catch { throw .unreadable(message: String(describing: error)) }
    defer { folder.remove() }
    var paths: [String] = []
    var shownAs: [(path: String, name: String)] = []
    do {
      for (index, file) in files.enumerated() {
        // The server's own name; the user's name only keeps its (allowed) extension.
        let path = try folder.write(file.bytes, as: "upload-\(index + 1).\(file.fileExtension)")
        paths.append(path)
        shownAs.append((path, file.name))
      }
      if let narrative {
        let path = try folder.write(narrative.bytes, as: "narrative.txt")
        shownAs.append((path, narrative.name))
      }
    } catch {
      throw .unreadable(message: String(describing: error))
    }
    func shown(_ error: any Error) -> String {
      var message = (error as? LocalizedMessage)?.message(language) ?? String(describing: error)
      // Longest first, so upload-12 is not taken for upload-1 followed by "2".
      for (path, name) in shownAs.sorted(by: { $0.path.count > $1.path.count }) {
        message = message.replacing(path, with: name).replacing(Paths.lastComponent(path), with: name)
      }
      return message.replacing(folder.path + "/", with: "").replacing(folder.path, with: "")
    }
    let reading: DisclosureReading
    do {
      reading = try Yusuan.read(paths, configuration)
    } catch {
      throw .unreadable(message: shown(error))
    }
    var checked: CheckedNarrative?
    if let narrative, let path = shownAs.last?.path {
      do {
        checked = try Yusuan.checkNarrative(file: path, against: reading.disclosure, limits: configuration.limits)
        checked?.fileName = narrative.name
      } catch {
        throw .unreadable(message: shown(error))
      }
    }
    // As `yusuan report` does: the rules on the disclosure; the page lists the read notes itself.
    let report = Yusuan.validate(reading.disclosure, configuration)
    var page = Yusuan.htmlReport(reading, report: report, language: language, narrative: checked)
    for (path, name) in shownAs.sorted(by: { $0.path.count > $1.path.count }) {
      page = page.replacing(HTMLWriter.text(path), with: HTMLWriter.text(name))
        .replacing(HTMLWriter.text(Paths.lastComponent(path)), with: HTMLWriter.text(name))
    }
    return CheckedDepartment(
      disclosure: renamingSources(reading.disclosure, shownAs), reportHTML: page, errors: report.count(.error),
      warnings: report.count(.warning),
      roundings: report.count(.rounding), fileNames: files.map(\.name) + (narrative.map { [$0.name] } ?? []),
      narrative: checked)
  }

  /// The disclosure with each source file named as the user named it (for the JSON download).
  private static func renamingSources(_ disclosure: Disclosure, _ shownAs: [(path: String, name: String)]) -> Disclosure
  {
    var names: [String: String] = [:]
    for (path, name) in shownAs {
      names[path] = name
      names[Paths.lastComponent(path)] = name
    }
    func renamed(_ source: SourceRef?) -> SourceRef? {
      guard var source, let name = names[source.file] else { return source }
      source.file = name
      return source
    }
    var copy = disclosure
    copy.tables = copy.tables.map {
      var table = $0
      table.source = renamed(table.source)
      return table
    }
    copy.forms = copy.forms.map {
      var form = $0
      form.source = renamed(form.source)
      return form
    }
    return copy
  }
}
