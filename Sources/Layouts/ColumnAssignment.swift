import Budget
import Sheets

/// The required headers a table lacks.
struct MissingHeaders: Error {
  var names: String
}

/// Which printed column holds which model field, per section of a table.
struct ColumnAssignment {
  struct SectionColumns {
    var layout: SectionLayout
    var code: Int?
    var codeParts: [Int?] = [nil, nil, nil]
    var name: Int?
    var secondName: Int?
    /// Aligned with `layout.amountKeys`.
    var amounts: [Int?]
    var columns: [Int]
  }

  var sections: [SectionColumns]

  /// Maps header paths onto the layout's columns; fails with the names of required headers not found.
  static func assign(band: HeaderBand, layout: TableLayout) -> Result<ColumnAssignment, MissingHeaders> {
    let columns = band.paths.keys.sorted()
    // Which section each column belongs to.
    var sectionOf: [Int: Int] = [:]
    var current = 0
    let anchors = layout.sections.map { $0.anchors.map(Normalize.header) }
    var firstPath: [String]?
    for c in columns {
      let path = band.paths[c] ?? []
      if layout.sections.count > 1, let s = anchors.firstIndex(where: { $0.contains { path.contains($0) } }) {
        current = s
      } else if layout.sections.count > 1, current + 1 < layout.sections.count, anchors[current].isEmpty,
        anchors[current + 1].isEmpty, path == firstPath
      {
        // Parts without anchor words printed side by side with the same headers (the 人员经费 and
        // 公用经费 parts of a 决算 basic-expenditure table): the first header printed again
        // starts the next part.
        current += 1
      }
      if sectionOf.values.allSatisfy({ $0 != current }) { firstPath = path }
      sectionOf[c] = current
    }
    var result: [SectionColumns] = []
    var missing: [String] = []
    for (s, section) in layout.sections.enumerated() {
      var free = columns.filter { sectionOf[$0] == s }
      var assigned = SectionColumns(
        layout: section, amounts: Array(repeating: nil, count: section.amountKeys.count), columns: free)
      var amountIndex = 0
      for spec in section.columns {
        let leafKeys = spec.leafKeys
        let parentKeys = spec.parents?.map(Normalize.header)
        let hit = free.first { c in
          let path = band.paths[c] ?? []
          guard let leaf = path.last, leafKeys.contains(leaf) else { return false }
          if let parentKeys {
            return path.dropLast().contains { parentKeys.contains($0) }
          }
          return true
        }
        if let hit { free.removeAll { $0 == hit } }
        switch spec.role {
        case .code: assigned.code = hit
        case .codePart(let i): assigned.codeParts[i] = hit
        case .name: assigned.name = hit
        case .secondName:
          assigned.secondName = hit
          // A conversion that lost the header's merge over both name columns leaves the second
          // one without any header: the headerless column right of the name column.
          if hit == nil, let name = assigned.name, band.paths[name + 1] == nil,
            columns.contains(where: { $0 > name + 1 })
          {
            assigned.secondName = name + 1
            assigned.columns.append(name + 1)
          }
        case .amount:
          assigned.amounts[amountIndex] = hit
          amountIndex += 1
        }
        if hit == nil, spec.required {
          let label = Normalize.printable(spec.header.last ?? "")
          missing.append(layout.sections.count > 1 ? "\(section.anchors.first ?? "")/\(label)" : label)
        }
      }
      result.append(assigned)
    }
    guard missing.isEmpty else { return .failure(MissingHeaders(names: missing.joined(separator: "、"))) }
    return .success(ColumnAssignment(sections: result))
  }

  /// The mapping as `inspect` prints it.
  func describe(band: HeaderBand) -> [ColumnMapping] {
    var out: [ColumnMapping] = []
    for section in sections {
      for c in section.columns {
        var field: String?
        if c == section.code { field = "code" }
        if let i = section.codeParts.firstIndex(of: c) { field = ["code(类)", "code(款)", "code(项)"][i] }
        if c == section.name { field = "name" }
        if c == section.secondName { field = "secondName" }
        if let i = section.amounts.firstIndex(of: c) { field = section.layout.amountKeys[i] }
        out.append(
          ColumnMapping(
            column: CellAddress.columnLetters(c), header: (band.printedPaths[c] ?? []).joined(separator: " / "),
            field: field, section: section.layout.role))
      }
    }
    return out
  }
}
