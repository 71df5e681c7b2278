import Sheets
import XCTest

/// Path arithmetic without Foundation, with NSString's results on the paths Yusuan meets.
final class PathsTests: XCTestCase {
  func testComponentsExtensionsAndJoins() {
    let cases: [(path: String, last: String, ext: String, parent: String, stem: String, joined: String)] = [
      ("", "", "", "", "", "n.csv"),
      ("/", "/", "", "/", "/", "/n.csv"),
      ("a", "a", "", "", "a", "a/n.csv"),
      ("a/", "a", "", "", "a", "a/n.csv"),
      ("/a", "a", "", "/", "/a", "/a/n.csv"),
      ("a/b/", "b", "", "a", "a/b", "a/b/n.csv"),
      ("/a/b.json", "b.json", "json", "/a", "/a/b", "/a/b.json/n.csv"),
      ("a.b/c", "c", "", "a.b", "a.b/c", "a.b/c/n.csv"),
      ("a/.hidden", ".hidden", "", "a", "a/.hidden", "a/.hidden/n.csv"),
      ("a/b.tar.gz", "b.tar.gz", "gz", "a", "a/b.tar", "a/b.tar.gz/n.csv"),
      ("../x.XLSX", "x.XLSX", "XLSX", "..", "../x", "../x.XLSX/n.csv"),
      ("部门/预算（2023）.xlsx", "预算（2023）.xlsx", "xlsx", "部门", "部门/预算（2023）", "部门/预算（2023）.xlsx/n.csv"),
    ]
    for c in cases {
      XCTAssertEqual(Paths.lastComponent(c.path), c.last, c.path)
      XCTAssertEqual(Paths.extension(c.path), c.ext, c.path)
      XCTAssertEqual(Paths.parent(c.path), c.parent, c.path)
      XCTAssertEqual(Paths.removingExtension(c.path), c.stem, c.path)
      XCTAssertEqual(Paths.join(c.path, "n.csv"), c.joined, c.path)
    }
    XCTAssertEqual(Paths.join("out", ""), "out")
  }
}
