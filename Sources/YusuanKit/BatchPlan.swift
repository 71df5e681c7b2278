import FoundationEssentials
import Layouts

/// One department found among the inputs: a workbook, a JSON or CSV file, or a folder of CSV tables.
public struct BatchDepartment: Sendable, Equatable {
  /// The input's path relative to the input root, `/`-separated (`sub/x.xlsx`; a CSV folder ends
  /// in `/`, the root itself is `./`). Report rows, sharding and the manifest use it.
  public var key: String
  /// The path handed to the reader (the file, or the CSV folder).
  public var path: String
  /// The files read (the workbook and the forms workbooks that joined it, or every `.csv` of a
  /// folder, sorted): what the content hash covers.
  public var files: [String]
  /// Outputs go to `OUT_DIR/stem.xlsx`, `OUT_DIR/stem.json` and the folder `OUT_DIR/stem/`.
  public var stem: String
  /// A symbolic link to a folder: not followed (it could loop back into the tree), but listed,
  /// so that the report says why its departments are missing.
  public var isLinkedFolder = false

  /// The paths handed to the reader: the CSV folder, or the workbook and its forms workbooks.
  public var inputs: [String] { key.hasSuffix("/") ? [path] : files }

  /// The output for a format, relative to the output folder.
  public func output(_ format: OutputFormat) -> String {
    switch format {
    case .xlsx: return stem + ".xlsx"
    case .json: return stem + ".json"
    case .csv: return stem
    }
  }

  /// The HTML report's path, relative to the output folder; a top-level `index` department's is
  /// `index_report.html`, since `OUT_DIR/index.html` lists the reports.
  public var reportOutput: String { stem == "index" ? "index_report.html" : stem + ".html" }
}

/// The departments one batch run handles, in sorted order, and where their outputs go.
public struct BatchPlan: Sendable {
  /// The folder whose tree the outputs mirror (absolute).
  public var root: String
  /// The output folder (absolute).
  public var outputRoot: String
  /// The departments of this shard, sorted by key.
  public var departments: [BatchDepartment]
  /// How many departments all shards together hold.
  public var totalAcrossShards: Int

  /// Extensions read as one department each (`.et` is WPS's name for its .xls workbooks).
  static let departmentExtensions: Set<String> = ["xlsx", "xlsm", "xls", "et", "json"]

  /// Finds the departments in `inputs` (folders searched recursively; the `.csv` files of one folder
  /// form one department; hidden entries and Office lock files `~$…` are ignored), keeps the shard's
  /// share, and checks that no output can land in the input tree.
  public static func discover(_ inputs: [String], output: String, shard: Shard = .all) throws -> BatchPlan {
    guard !inputs.isEmpty else { throw BatchError.noInputs }
    let fm = FileManager.default
    var absolute: [(path: String, isDirectory: Bool)] = []
    for input in inputs {
      var isDirectory = false
      guard fm.fileExists(atPath: input, isDirectory: &isDirectory) else { throw BatchError.inputNotFound(input) }
      absolute.append((standardized(input), isDirectory))
    }
    let root: String
    if absolute.count == 1, absolute[0].isDirectory {
      root = absolute[0].path
    } else {
      root = commonAncestor(absolute.map { Paths.parent($0.path) })
    }
    let outputRoot = standardized(output)
    try checkSeparate(output: outputRoot, inputs: absolute.map(\.path))

    var found: [BatchDepartment] = []
    for (path, isDirectory) in absolute {
      if isDirectory {
        walk(path, root: root, into: &found)
      } else {
        found.append(department(file: path, root: root))
      }
    }
    // The same input named twice (or inside a folder also given) is one department.
    var seen = Set<String>()
    found = found.filter { seen.insert($0.key).inserted }.sorted { $0.key < $1.key }
    // An empty tree is not a pass: a run that checked nothing must not look like one that found nothing.
    guard !found.isEmpty else { throw BatchError.noDepartments(inputs) }
    disambiguateStems(&found)
    // A department whose outputs lie in another's CSV folder goes to that one's shard.
    let enclosing = enclosingDepartments(found)
    let mine = found.indices.filter { shard.contains(found[enclosing[$0] ?? $0].key) }.map { found[$0] }
    return BatchPlan(root: root, outputRoot: outputRoot, departments: mine, totalAcrossShards: found.count)
  }

  /// An absolute path with `.`/`..` removed and no trailing slash (symlinks kept, so keys read as typed).
  static func standardized(_ path: String) -> String {
    var p = URL(fileURLWithPath: path).standardizedFileURL.path
    while p.count > 1, p.hasSuffix("/") { p.removeLast() }
    return p
  }

  /// The deepest folder that holds all of `folders`.
  static func commonAncestor(_ folders: [String]) -> String {
    var common = folders[0].split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    for folder in folders.dropFirst() {
      let parts = folder.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
      var n = 0
      while n < common.count, n < parts.count, common[n] == parts[n] { n += 1 }
      common = Array(common.prefix(n))
    }
    return "/" + common.joined(separator: "/")
  }

  /// Refuses an output folder inside the input tree, and inputs inside the output folder (both
  /// compared with symlinks resolved).
  static func checkSeparate(output: String, inputs: [String]) throws {
    let out = Paths.resolved(output)
    for input in inputs {
      let inp = Paths.resolved(input)
      if out == inp || out.hasPrefix(inp == "/" ? "/" : inp + "/") {
        throw BatchError.outputInsideInput(output: output, input: input)
      }
      if inp.hasPrefix(out == "/" ? "/" : out + "/") {
        throw BatchError.inputInsideOutput(input: input, output: output)
      }
    }
  }

  /// Throws `reportInsideInput` when `path` lies inside one of the input folders:
  /// a report in the input tree would be read as a department by the next run.
  public func checkOutsideInputs(_ path: String, inputs: [String]) throws {
    let target = Paths.resolved(Self.standardized(path))
    for input in inputs {
      var isDirectory = false
      guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory), isDirectory else { continue }
      let folder = Paths.resolved(Self.standardized(input))
      if target.hasPrefix(folder == "/" ? "/" : folder + "/") {
        throw BatchError.reportInsideInput(report: path, input: input)
      }
    }
  }

  /// The key of a path under the root: `sub/x.xlsx`.
  static func relative(_ path: String, root: String) -> String {
    if path == root { return "" }
    let prefix = root == "/" ? "/" : root + "/"
    return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : Paths.lastComponent(path)
  }

  static func department(file path: String, root: String) -> BatchDepartment {
    let key = relative(path, root: root)
    return BatchDepartment(key: key, path: path, files: [path], stem: Paths.removingExtension(key))
  }

  /// Adds the departments of a folder tree: each workbook/JSON file, and the folder itself when it holds CSV files.
  static func walk(_ folder: String, root: String, into found: inout [BatchDepartment]) {
    let fm = FileManager.default
    guard let names = try? fm.contentsOfDirectory(atPath: folder) else { return }
    var csvs: [String] = []
    let first = found.count
    for name in names.sorted() {
      let path = Paths.join(folder, name)
      let ext = Paths.extension(name).lowercased()
      // The reader takes every .csv of a folder, hidden or not; the hash must cover the same files.
      if ext == "csv" { csvs.append(path) }
      if name.hasPrefix(".") || name.hasPrefix("~$") { continue }
      guard let type = try? fm.attributesOfItem(atPath: path)[.type] as? FileAttributeType else { continue }
      var isDirectory = false
      if type == .typeDirectory {
        walk(path, root: root, into: &found)
      } else if type == .typeSymbolicLink, fm.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory {
        // Not followed (it could loop back into the tree), but given a report row.
        let key = relative(path, root: root) + "/"
        found.append(
          BatchDepartment(key: key, path: path, files: [], stem: String(key.dropLast()), isLinkedFolder: true))
      } else if departmentExtensions.contains(ext) {
        found.append(department(file: path, root: root))
      }
    }
    joinForms(&found, from: first, folder: folder)
    if !csvs.isEmpty {
      let rel = relative(folder, root: root)
      let stem = rel.isEmpty ? Paths.lastComponent(folder) : rel
      found.append(BatchDepartment(key: rel.isEmpty ? "./" : rel + "/", path: folder, files: csvs, stem: stem))
    }
  }

  /// In one folder, workbooks whose first sheet is a 绩效目标申报表 (a forms workbook, recognized
  /// by its content, not its name) join the folder's one other workbook: they are the same
  /// department's forms. With several other workbooks the owner is ambiguous and every workbook
  /// stays a department of its own. `found[first...]` holds the folder's files and its sub-folders' departments.
  static func joinForms(_ found: inout [BatchDepartment], from first: Int, folder: String) {
    let workbooks = found.indices.filter {
      $0 >= first && Paths.parent(found[$0].path) == folder
        && ["xlsx", "xlsm"].contains(Paths.extension(found[$0].key).lowercased())
    }
    guard workbooks.count >= 2 else { return }
    // A folder of many departments' workbooks stops at its second tables workbook: at most two
    // first sheets are read before it is clear that nothing joins.
    var forms: [Int] = []
    var owners: [Int] = []
    for index in workbooks {
      if isFormsWorkbook(found[index].path) { forms.append(index) } else { owners.append(index) }
      if owners.count > 1 { return }
    }
    guard let owner = owners.first, !forms.isEmpty else { return }
    found[owner].files += forms.map { found[$0].path }
    for index in forms.reversed() { found.remove(at: index) }
  }

  /// Whether the workbook's first sheet is a 绩效目标申报表 (false when it cannot be read: the
  /// department's own reading then reports why).
  static func isFormsWorkbook(_ path: String) -> Bool {
    guard let reader = try? XLSXReader(path: path), !reader.sheets.isEmpty, let grid = try? reader.grid(sheet: 0) else {
      return false
    }
    return FormReader.isForm(grid)
  }

  /// `x.xlsx` and `x.json` (or a folder `x/`) side by side would write the same outputs: such
  /// files get their extension into the stem (`x_xlsx.json`, `x_json.json`); should that still
  /// meet another department's output, a number is added (`x_xlsx_2`), in key order.
  static func disambiguateStems(_ departments: inout [BatchDepartment]) {
    var count: [String: Int] = [:]
    for d in departments { count[d.stem, default: 0] += 1 }
    for i in departments.indices where count[departments[i].stem]! > 1 && !departments[i].key.hasSuffix("/") {
      let ext = Paths.extension(departments[i].key)
      departments[i].stem += "_" + ext
    }
    var taken = Set<String>()
    // The tables of every department's CSV folder (`x/预算公开表01.csv`): a workbook named
    // `x/预算公开表01.csv.xlsx` would otherwise put its own CSV folder on one of those files.
    let tables = Set(departments.flatMap { d in DisclosureWriter.ownTableCSVNames.map { d.stem + "/" + $0 } })
    for i in departments.indices {
      var stem = departments[i].stem
      var n = 2
      while [stem + ".xlsx", stem + ".json", stem].contains(where: taken.contains) || tables.contains(stem) {
        stem = departments[i].stem + "_\(n)"
        n += 1
      }
      departments[i].stem = stem
      taken.formUnion([stem + ".xlsx", stem + ".json", stem])
    }
  }
}

extension BatchPlan {
  /// For each department, the outermost other department whose CSV output folder (`OUT/stem/`)
  /// holds its outputs (`dept/x.json` lies in the folder of `dept/`), or nil.
  static func enclosingDepartments(_ departments: [BatchDepartment]) -> [Int?] {
    let indexOfStem = Dictionary(departments.indices.map { (departments[$0].stem, $0) }, uniquingKeysWith: min)
    return departments.map { department in
      let parts = department.stem.split(separator: "/", omittingEmptySubsequences: false)
      guard parts.count > 1 else { return nil }
      return (1..<parts.count).lazy.compactMap { indexOfStem[parts[..<$0].joined(separator: "/")] }.first
    }
  }

  /// The departments in groups that run one after another on one worker: a CSV output is a
  /// folder replaced whole, so a department whose outputs lie inside another's CSV folder must
  /// not be written while that folder is being replaced, or it is lost with the folder it was
  /// written into. Groups and their members keep the plan's order. (Sharding keeps each such
  /// family in one shard, so that two processes never race on the same folder either.)
  func serialGroups(writingCSV: Bool) -> [[Int]] {
    guard writingCSV else { return departments.indices.map { [$0] } }
    let enclosing = Self.enclosingDepartments(departments)
    var groupOfFamily: [Int: Int] = [:]
    var groups: [[Int]] = []
    for index in departments.indices {
      let family = enclosing[index] ?? index
      if let group = groupOfFamily[family] {
        groups[group].append(index)
      } else {
        groupOfFamily[family] = groups.count
        groups.append([index])
      }
    }
    return groups
  }
}
