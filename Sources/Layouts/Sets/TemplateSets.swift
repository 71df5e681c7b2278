/// The template sets Yusuan ships, in order of preference when two explain a workbook equally.
public enum TemplateSets {
  /// Every shipped set.
  public static let all: [LayoutSet] = [
    .datong, .shanghaiDepartment, .shanghaiUnit, .jiangsuDepartment, .finalAccountsDepartment,
  ]

  /// The set with an id, if shipped.
  public static func set(_ id: String) -> LayoutSet? { all.first { $0.name == id } }
}
