/// Path arithmetic on strings, with the results of Foundation's NSString path methods
/// (`lastPathComponent`, `pathExtension`, …), for code that does not link Foundation.
package enum Paths {
  /// The last component: `a/b.json` → `b.json`, `a/b/` → `b`, `/` → `/`.
  package static func lastComponent(_ path: String) -> String {
    let trimmed = withoutTrailingSlashes(path)
    if trimmed == "/" { return trimmed }
    guard let slash = trimmed.lastIndex(of: "/") else { return trimmed }
    return String(trimmed[trimmed.index(after: slash)...])
  }

  /// The extension of the last component, without its dot: `a/b.tar.gz` → `gz`; `.hidden` → ``.
  package static func `extension`(_ path: String) -> String {
    let name = lastComponent(path)
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
    return String(name[name.index(after: dot)...])
  }

  /// The path without its last component: `a/b` → `a`, `/a` → `/`, `a` → ``.
  package static func parent(_ path: String) -> String {
    let trimmed = withoutTrailingSlashes(path)
    if trimmed == "/" { return trimmed }
    guard let slash = trimmed.lastIndex(of: "/") else { return "" }
    if slash == trimmed.startIndex { return "/" }
    return withoutTrailingSlashes(String(trimmed[..<slash]))
  }

  /// The path without the extension of its last component: `a/b.json` → `a/b`.
  package static func removingExtension(_ path: String) -> String {
    let trimmed = withoutTrailingSlashes(path)
    let ext = `extension`(trimmed)
    return ext.isEmpty ? trimmed : String(trimmed.dropLast(ext.count + 1))
  }

  /// `component` appended to `path` with one slash between: `a` + `b` → `a/b`, `a/` + `b` → `a/b`.
  package static func join(_ path: String, _ component: String) -> String {
    if path.isEmpty { return component }
    if component.isEmpty { return withoutTrailingSlashes(path) }
    return withoutTrailingSlashes(path) == "/" ? "/" + component : withoutTrailingSlashes(path) + "/" + component
  }

  private static func withoutTrailingSlashes(_ path: String) -> String {
    var end = path.endIndex
    while end > path.startIndex, path[path.index(before: end)] == "/" { end = path.index(before: end) }
    return end == path.startIndex ? (path.isEmpty ? "" : "/") : String(path[..<end])
  }
}
