import Budget

/// Small builders that keep the set declarations short and uniform.
enum Declare {
  typealias K = ColumnKey

  /// An amount column with its canonical key and printed header path.
  static func amount(
    _ key: String, _ header: [String], aliases: [String] = [], parents: [String]? = nil, required: Bool = false
  ) -> ColumnSpec {
    ColumnSpec(.amount(key), header, aliases: aliases, parents: parents, required: required)
  }

  /// The row-name column.
  static func name(_ header: [String], aliases: [String] = [], parents: [String]? = nil, required: Bool = true)
    -> ColumnSpec
  {
    ColumnSpec(.name, header, aliases: aliases, parents: parents, required: required)
  }

  /// A one-column classification code.
  static func code(_ header: [String], aliases: [String] = []) -> ColumnSpec {
    ColumnSpec(.code, header, aliases: aliases)
  }

  /// A code printed over 类/款/项 columns under a common header (`功能分类科目编码`), `parts` of them.
  static func splitCode(_ top: [String], parts: Int = 3) -> [ColumnSpec] {
    ["类", "款", "项"].prefix(parts).enumerated().map { i, leaf in ColumnSpec(.codePart(i), top + [leaf]) }
  }

  /// Amount columns under one header, each `(key, leaf)`; the first is required.
  static func amounts(under top: [String], _ columns: [(String, String)], aliases: [String: [String]] = [:])
    -> [ColumnSpec]
  {
    columns.enumerated().map { i, column in
      amount(column.0, top + [column.1], aliases: aliases[column.0] ?? [], required: i == 0)
    }
  }
}
