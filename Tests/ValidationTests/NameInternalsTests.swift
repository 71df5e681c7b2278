import Budget
import XCTest

@testable import Validation

final class NameInternalsTests: XCTestCase {
  /// `plainName` (scalar-based, with a byte-scan fast path) equals `BudgetRow.normalizedName`.
  func testPlainNameEqualsModelNormalization() throws {
    var names = [
      "六、科学技术支出", "十五、资源勘探工业信息\n等支出", "①公务用车购置费", "  J局机关电费", "a\u{3000}b", "七七、x", "x、y", "三十、", "\u{A0}行政运行\u{2003}",
    ]
    let d = try loadFixture()
    for t in d.tables {
      for s in t.sections {
        for r in s.rows {
          names.append(r.name)
          names.append(r.secondName ?? "")
        }
      }
    }
    for name in names { XCTAssertEqual(plainName(name), BudgetRow.normalizedName(name), name.debugDescription) }
    XCTAssertEqual(looseName("因公出国（境）费"), "因公出国(境)费")
  }
}
