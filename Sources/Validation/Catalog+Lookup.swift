import Budget

/// The shipped catalog (`Catalog.builtin2023`, Sources/Budget/Catalog/) serves the rules.
extension Catalog: ClassificationLookup {
  public func record(_ code: String, kind: CodeKind) -> ClassificationRecord? {
    guard let e = entry(code, kind: kind) else { return nil }
    return ClassificationRecord(
      code: e.code, name: e.name, budget: e.budgetType, needsVerification: e.needsVerification)
  }

  public func isComplete(_ kind: CodeKind) -> Bool { completeKinds.contains(kind) }

  public func classCode(forLine line: String) -> String? {
    functionalClass(forLine: line)?.code ?? StandardLines.classCode(forLine: line)
  }

  public func economicCode(named name: String, kind: CodeKind) -> String? {
    // Ambiguous names (资本金注入 is 31101 and 31201) still count as known: take the first.
    entries(named: name, kind: kind).first?.code
  }
}
