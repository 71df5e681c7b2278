extension Normalize {
  /// A normalized title without its year (`{Y}`), for telling a set's own title from a keyword hit.
  static func titleStem(_ normalized: String) -> String {
    guard normalized.utf8Range(of: "{Y}") != nil else { return normalized }
    return normalized.replacing("{Y}", with: "")
  }

  /// The number of single-character edits (insert, delete, replace) between two short texts,
  /// or nil when it exceeds `limit`: a title or header one typo away from a declared one is
  /// reported rather than passed over.
  static func editDistance(_ a: String, _ b: String, limit: Int) -> Int? {
    let x = Array(a.unicodeScalars)
    let y = Array(b.unicodeScalars)
    guard abs(x.count - y.count) <= limit else { return nil }
    guard !x.isEmpty else { return y.count <= limit ? y.count : nil }
    guard !y.isEmpty else { return x.count <= limit ? x.count : nil }
    var previous = Array(0...y.count)
    var current = [Int](repeating: 0, count: y.count + 1)
    for i in 1...x.count {
      current[0] = i
      var rowMinimum = current[0]
      for j in 1...y.count {
        let substitution = previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1)
        current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
        rowMinimum = min(rowMinimum, current[j])
      }
      if rowMinimum > limit { return nil }
      swap(&previous, &current)
    }
    return previous[y.count] <= limit ? previous[y.count] : nil
  }
}

extension Normalize {
  /// A declared header or title for messages: `{Y}` (any year) shown as `某年`.
  static func printable(_ declared: String) -> String {
    declared.replacing("{Y}", with: "某年")
  }
}
