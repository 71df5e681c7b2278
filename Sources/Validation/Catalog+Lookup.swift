// The adapter that lets the shipped catalog (`Catalog.builtin2023`, Sources/Budget/Catalog/) serve
// the rules. It is commented out until the catalog is merged into this branch; at merge time,
// remove the comment markers (nothing else changes):
//
// import Budget
//
// extension Catalog: ClassificationLookup {
//   public func record(_ code: String, kind: CodeKind) -> ClassificationRecord? {
//     guard let e = entry(code, kind: ClassificationKind(rawValue: kind.rawValue)!) else { return nil }
//     return ClassificationRecord(
//       code: e.code, name: e.name, budget: BudgetKind(rawValue: e.budgetType.rawValue) ?? .mixed,
//       needsVerification: e.needsVerification)
//   }
//
//   public func classCode(forLine line: String) -> String? {
//     functionalClass(forLine: line)?.code ?? StandardLines.classCode(forLine: line)
//   }
//
//   public func economicCode(named name: String, kind: CodeKind) -> String? {
//     // Ambiguous names (资本金注入 is 31101 and 31201) still count as known: take the first.
//     entries(named: name, kind: ClassificationKind(rawValue: kind.rawValue)!).first?.code
//   }
// }
