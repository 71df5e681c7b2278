import Budget
import XCTest

/// 表6 prints economic names without codes; these pairs are typed from the seed's 表6
/// (seed lines 593–668), 部门 name on the left, 政府 name on the right.
final class CatalogEconomicTests: XCTestCase {
  let catalog = Catalog.builtin2023

  static let seedTable6Pairs: [(String, String)] = [
    ("基本工资", "工资奖金津补贴"), ("基本工资", "工资福利支出"),
    ("津贴补贴", "工资奖金津补贴"), ("津贴补贴", "工资福利支出"),
    ("奖金", "工资奖金津补贴"), ("绩效工资", "工资福利支出"),
    ("机关事业单位基本养老保险缴费", "社会保障缴费"), ("机关事业单位基本养老保险缴费", "工资福利支出"),
    ("职工基本医疗保险缴费", "社会保障缴费"), ("职工基本医疗保险缴费", "工资福利支出"),
    ("其他社会保障缴费", "社会保障缴费"), ("其他社会保障缴费", "工资福利支出"),
    ("住房公积金", "住房公积金"), ("住房公积金", "工资福利支出"),
    ("办公费", "办公经费"), ("办公费", "商品和服务支出"), ("印刷费", "办公经费"),
    ("水费", "商品和服务支出"), ("电费", "商品和服务支出"), ("邮电费", "商品和服务支出"),
    ("物业管理费", "商品和服务支出"), ("差旅费", "办公经费"), ("差旅费", "商品和服务支出"),
    ("培训费", "商品和服务支出"), ("工会经费", "办公经费"), ("工会经费", "商品和服务支出"),
    ("福利费", "办公经费"), ("福利费", "商品和服务支出"),
    ("公务用车运行维护费", "公务用车运行维护费"), ("其他交通费用", "办公经费"),
    ("其他商品和服务支出", "其他商品和服务支出"), ("其他商品和服务支出", "商品和服务支出"),
    ("离休费", "离退休费"), ("退休费", "离退休费"), ("奖励金", "社会福利和救助"),
  ]

  func testEverySeedPairResolvesAndIsKnown() {
    for (department, government) in Self.seedTable6Pairs {
      let left = catalog.economicDepartment(named: department, level: 2)
      let right = catalog.economicGovernment(named: government, level: 2)
      XCTAssertNotNil(left, department)
      XCTAssertNotNil(right, government)
      if let left, let right {
        XCTAssertTrue(
          catalog.isKnownMapping(department: left.code, government: right.code), "\(department) → \(government)")
      }
    }
    XCTAssertEqual(catalog.mappings.count, Self.seedTable6Pairs.count)
  }

  func testSpecificCodes() {
    XCTAssertEqual(catalog.economicDepartment(named: "基本工资")?.code, "30101")
    XCTAssertEqual(catalog.economicDepartment(named: "公务用车运行维护费")?.code, "30231")
    XCTAssertEqual(catalog.economicDepartment(named: "其他交通费用")?.code, "30239")
    XCTAssertEqual(catalog.economicDepartment(named: "奖励金")?.code, "30309")
    XCTAssertEqual(catalog.economicGovernment(named: "工资奖金津补贴")?.code, "50101")
    XCTAssertEqual(catalog.economicGovernment(named: "办公经费")?.code, "50201")
    XCTAssertEqual(catalog.economicGovernment(named: "公务用车运行维护费")?.code, "50208")
    XCTAssertEqual(catalog.economicGovernment(named: "离退休费")?.code, "50905")
    XCTAssertEqual(catalog.economicGovernment(named: "社会福利和救助")?.code, "50901")
  }

  func testSameNameDiffersByKind() {
    // 工资福利支出 is the 部门 class 301 but the 政府 款 50501 (事业单位, under 505).
    XCTAssertEqual(catalog.economicDepartment(named: "工资福利支出")?.code, "301")
    XCTAssertEqual(catalog.economicGovernment(named: "工资福利支出")?.code, "50501")
    XCTAssertEqual(catalog.economicGovernment(named: "工资福利支出", within: "505")?.code, "50501")
    XCTAssertNil(catalog.economicGovernment(named: "工资福利支出", within: "501"))
    XCTAssertEqual(catalog.economicDepartment(named: "商品和服务支出")?.code, "302")
    XCTAssertEqual(catalog.economicGovernment(named: "商品和服务支出")?.code, "50502")
    // 住房公积金 is a 部门 款, a 政府 款 and a 功能 项, each with its own code.
    XCTAssertEqual(catalog.economicDepartment(named: "住房公积金")?.code, "30113")
    XCTAssertEqual(catalog.economicGovernment(named: "住房公积金")?.code, "50103")
    XCTAssertEqual(catalog.entries(named: "住房公积金", kind: .functional).map(\.code), ["2210201"])
  }

  func testAmbiguousNamesNeedContext() {
    // 资本金注入 is 31101 (基本建设) and 31201.
    XCTAssertNil(catalog.economicDepartment(named: "资本金注入"))
    XCTAssertEqual(catalog.economicDepartment(named: "资本金注入", within: "312")?.code, "31201")
    // 其他支出 is the class 399 and its 款 39999.
    XCTAssertNil(catalog.economicDepartment(named: "其他支出"))
    XCTAssertEqual(catalog.economicDepartment(named: "其他支出", level: 1)?.code, "399")
    XCTAssertEqual(catalog.economicDepartment(named: "其他支出", level: 2)?.code, "39999")
    XCTAssertNil(catalog.economicDepartment(named: "不存在的科目"))
  }

  func testMappingsCarryUnitType() {
    let pairs = catalog.mappings(fromDepartment: "30101")
    XCTAssertEqual(pairs.map(\.governmentCode), ["50101", "50501"])
    XCTAssertEqual(pairs.map(\.unitType), ["机关", "事业单位"])
    XCTAssertFalse(catalog.isKnownMapping(department: "30101", government: "50201"))
    var copy = catalog
    copy.addMappings([EconomicMapping(departmentCode: "30101", governmentCode: "50199", unitType: nil, source: "t")])
    copy.addMappings([EconomicMapping(departmentCode: "30101", governmentCode: "50199", unitType: nil, source: "t")])
    XCTAssertEqual(copy.mappings.count, catalog.mappings.count + 1)
  }
}
