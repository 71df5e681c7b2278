import FoundationEssentials

/// Removes temporaries (`.NAME.tmp-XXXXXX`, files or folders, as `AtomicFile` and `AtomicFolder`
/// name them) that a killed run left beside this plan's outputs. Only names whose target is one
/// of this shard's outputs are touched, so a shard running at the same time in the same output
/// folder keeps its files in flight.
enum StaleTemporaries {
  static func remove(for plan: BatchPlan, shard: Shard) {
    // folder → names of outputs that may be written in it
    var targets: [String: Set<String>] = [:]
    for department in plan.departments {
      let stem = Paths.join(plan.outputRoot, department.stem)
      let folder = Paths.parent(stem)
      let name = Paths.lastComponent(stem)
      // A CSV output is written as `.NAME.tmp-XXXXXX/` beside its folder, then renamed.
      targets[folder, default: []].formUnion([name + ".xlsx", name + ".json", name])
      targets[stem, default: []].formUnion(DisclosureWriter.ownTableCSVNames)
    }
    targets[plan.outputRoot, default: []].insert(BatchManifest.fileName(for: shard))
    let fm = FileManager.default
    for (folder, names) in targets {
      guard let entries = try? fm.contentsOfDirectory(atPath: folder) else { continue }
      for entry in entries where entry.hasPrefix(".") {
        guard let target = targetName(ofTemporary: entry), names.contains(target) else { continue }
        try? fm.removeItem(atPath: Paths.join(folder, entry))
      }
    }
  }

  /// `NAME` for `.NAME.tmp-XXXXXX` (six characters from mkstemp), else nil.
  static func targetName(ofTemporary entry: String) -> String? {
    guard entry.hasPrefix("."), let range = entry.ranges(of: ".tmp-").last else { return nil }
    let suffix = entry[range.upperBound...]
    guard suffix.count == 6, suffix.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return nil }
    return String(entry[entry.index(after: entry.startIndex)..<range.lowerBound])
  }
}
