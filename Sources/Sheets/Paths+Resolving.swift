import Glibc

extension Paths {
  /// `realpath` of the longest existing prefix, with the rest appended (the path may not exist
  /// yet): symbolic links and `..` of the existing part resolved, so two spellings of one folder compare equal.
  package static func resolved(_ path: String) -> String {
    var head = path
    var tail: [String] = []
    while head != "/" {
      if let real = realpath(head, nil) {
        defer { free(real) }
        return ([String(cString: real)] + tail.reversed()).joined(separator: "/").replacing("//", with: "/")
      }
      tail.append(lastComponent(head))
      head = parent(head)
    }
    return "/" + tail.reversed().joined(separator: "/")
  }
}
