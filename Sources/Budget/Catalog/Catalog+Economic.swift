/// A 部门预算支出经济分类 款 that 表6 prints next to a 政府预算支出经济分类 款.
public struct EconomicMapping: Sendable, Hashable, Codable {
  /// The 部门预算 economic code (`30101`).
  public var departmentCode: String
  /// The 政府预算 economic code (`50101` for a 机关, `50501` for a 事业单位).
  public var governmentCode: String
  /// `机关` or `事业单位` when the government side implies it (501/502 vs 505), else nil.
  public var unitType: String?
  /// Where the pair was seen.
  public var source: String

  /// Makes a pair.
  public init(departmentCode: String, governmentCode: String, unitType: String?, source: String) {
    self.departmentCode = departmentCode
    self.governmentCode = governmentCode
    self.unitType = unitType
    self.source = source
  }
}

// Name lookups for 表6, which prints economic names without codes.
extension Catalog {
  /// The 部门预算支出经济分类 entry printed as `name` (表6 left column), or nil when no entry
  /// or more than one matches. `level` (1 类, 2 款) and `within` (a 类 code, e.g. the class
  /// row above) narrow the search: 资本金注入 is both 31101 and 31201.
  public func economicDepartment(named name: String, level: Int? = nil, within classCode: String? = nil)
    -> CatalogEntry?
  {
    unique(named: name, kind: .economicDepartment, level: level, within: classCode)
  }

  /// The 政府预算支出经济分类 entry printed as `name` (表6 right column), or nil when no entry
  /// or more than one matches. Lookups are per kind: 工资福利支出 is 50501 here but the
  /// 部门 class 301 in `economicDepartment(named:)`.
  public func economicGovernment(named name: String, level: Int? = nil, within classCode: String? = nil)
    -> CatalogEntry?
  {
    unique(named: name, kind: .economicGovernment, level: level, within: classCode)
  }

  /// The 政府预算 codes `departmentCode` is known to map to, in catalog order.
  public func mappings(fromDepartment departmentCode: String) -> [EconomicMapping] {
    mappings.filter { $0.departmentCode == departmentCode }
  }

  /// Whether the pair (部门 code, 政府 code) has been seen in a 表6. An unseen pair is not
  /// necessarily wrong: the table lists only pairs from the shipped sources.
  public func isKnownMapping(department: String, government: String) -> Bool {
    mappings.contains { $0.departmentCode == department && $0.governmentCode == government }
  }

  /// Adds pairs not yet known.
  public mutating func addMappings(_ pairs: [EconomicMapping]) {
    for pair in pairs
    where !isKnownMapping(department: pair.departmentCode, government: pair.governmentCode) {
      mappings.append(pair)
    }
  }

  private func unique(named name: String, kind: ClassificationKind, level: Int?, within classCode: String?)
    -> CatalogEntry?
  {
    let matches = entries(named: name, kind: kind).filter {
      (level == nil || $0.level == level)
        && (classCode == nil || Catalog.code($0.code, isWithin: classCode!))
    }
    return matches.count == 1 ? matches[0] : nil
  }
}
