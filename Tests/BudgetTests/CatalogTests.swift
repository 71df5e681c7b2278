import Budget
import XCTest

/// The built-in 2023 catalog against the seed report (大同市科学技术局 2023年部门预算公开报告).
/// Expected pairs are typed here from the seed text, not read from the catalog CSV files.
final class CatalogTests: XCTestCase {
  let catalog = Catalog.builtin2023

  /// 表2 and 表3 print the same 支出功能分类 rows (seed lines 250–286, 312–350).
  static let seedFunctionalRows: [(String, String)] = [
    ("206", "科学技术支出"),
    ("20601", "科学技术管理事务"),
    ("2060101", "行政运行"),
    ("20602", "基础研究"),
    ("2060201", "机构运行"),
    ("20605", "科技条件与服务"),
    ("2060501", "机构运行"),
    ("20608", "科技交流与合作"),
    ("2060899", "其他科技交流与合作支出"),
    ("208", "社会保障和就业支出"),
    ("20805", "行政事业单位养老支出"),
    ("2080501", "行政单位离退休"),
    ("2080502", "事业单位离退休"),
    ("2080505", "机关事业单位基本养老保险缴费支出"),
    ("210", "卫生健康支出"),
    ("21011", "行政事业单位医疗"),
    ("2101101", "行政单位医疗"),
    ("2101102", "事业单位医疗"),
    ("212", "城乡社区支出"),
    ("21208", "国有土地使用权出让收入安排的支出"),
    ("2120899", "其他国有土地使用权出让收入安排的支出"),
    ("221", "住房保障支出"),
    ("22102", "住房改革支出"),
    ("2210201", "住房公积金"),
    ("2210202", "提租补贴"),
  ]

  /// 表7 收入分类 rows (seed lines 682–686).
  static let seedRevenueRows: [(String, String)] = [
    ("103", "非税收入"),
    ("10301", "政府性基金收入"),
    ("1030148", "国有土地使用权出让收入"),
  ]

  /// The 30 expenditure lines of 表1 exactly as the fixture CSV prints them, with their 类 codes.
  static let table1: [(String, String)] = [
    ("一、一般公共服务支出", "201"), ("二、外交支出", "202"), ("三、国防支出", "203"),
    ("四、公共安全支出", "204"), ("五、教育支出", "205"), ("六、科学技术支出", "206"),
    ("七、文化旅游体育与传媒支出", "207"), ("八、社会保障和就业支出", "208"),
    ("九、社会保险基金支出", "209"), ("十、卫生健康支出", "210"), ("十一、节能环保支出", "211"),
    ("十二、城乡社区支出", "212"), ("十三、农林水支出", "213"), ("十四、交通运输支出", "214"),
    ("十五、资源勘探工业信息等支出", "215"), ("十六、商业服务业等支出", "216"),
    ("十七、金融支出", "217"), ("十八、援助其他地区支出", "219"),
    ("十九、自然资源海洋气象等支出", "220"), ("二十、住房保障支出", "221"),
    ("二十一、粮油物资储备支出", "222"), ("二十二、国有资本经营预算支出", "223"),
    ("二十三、灾害防治及应急管理支出", "224"), ("二十四、预备费", "227"),
    ("二十五、其他支出", "229"), ("二十六、转移性支出", "230"), ("二十七、债务还本支出", "231"),
    ("二十八、债务付息支出", "232"), ("二十九、债务发行费用支出", "233"),
    ("三十、抗疫特别国债安排的支出", "234"),
  ]

  func testSeedFunctionalCodesHaveThePrintedNames() {
    for (code, name) in Self.seedFunctionalRows {
      let entry = catalog.entry(code, kind: .functional)
      XCTAssertEqual(entry?.name, name, code)
      XCTAssertEqual(entry?.source, "seed 表2", code)
      XCTAssertEqual(entry?.needsVerification, false, code)
    }
  }

  func testSeedRevenueCodesHaveThePrintedNames() {
    for (code, name) in Self.seedRevenueRows {
      XCTAssertEqual(catalog.entry(code, kind: .revenue)?.name, name, code)
    }
    XCTAssertEqual(catalog.entry("1030148", kind: .revenue)?.level, 3)
    XCTAssertEqual(catalog.entry("1030148", kind: .revenue)?.budgetType, .governmentFund)
    // Lookups are per kind: a revenue code is not a functional code.
    XCTAssertNil(catalog.entry("10301", kind: .functional))
    XCTAssertNil(catalog.entry("2060101", kind: .revenue))
  }

  func testTable1LinesMapToClassCodes() {
    XCTAssertEqual(catalog.table1Lines.count, 30)
    for (number, (line, code)) in Self.table1.enumerated() {
      let entry = catalog.functionalClass(forLine: line)
      XCTAssertEqual(entry?.code, code, line)
      XCTAssertEqual(entry?.level, 1, line)
      XCTAssertEqual(catalog.table1Lines[number].code, code)
      XCTAssertEqual(catalog.table1Lines[number].number, number + 1)
      // Each line's name is the 类 name in the catalog.
      XCTAssertEqual(Catalog.splitOrdinal(line).name, entry?.name, line)
      XCTAssertEqual(Catalog.splitOrdinal(line).ordinal, number + 1, line)
    }
  }

  func testTable1LinesAsWrappedInThePDFText() {
    XCTAssertEqual(catalog.functionalClass(forLine: "十五、资源勘探工业信息\n等支出")?.code, "215")
    XCTAssertEqual(catalog.functionalClass(forLine: "二十一、粮油物资储备支\n出")?.code, "222")
    XCTAssertEqual(catalog.functionalClass(forLine: "三十、抗疫特别国债\r\n安排的支出")?.code, "234")
    XCTAssertEqual(catalog.functionalClass(forLine: "  十八、援助其他地区支出 ")?.code, "219")
    XCTAssertEqual(catalog.functionalClass(forLine: "二十四、预备费")?.code, "227")
    // The ordinal is optional; the name decides, never the ordinal.
    XCTAssertEqual(catalog.functionalClass(forLine: "预备费")?.code, "227")
    XCTAssertEqual(catalog.functionalClass(forLine: "六、住房保障支出")?.code, "221")
    XCTAssertNil(catalog.functionalClass(forLine: "本年支出合计"))
    XCTAssertNil(catalog.functionalClass(forLine: "六、"))
    // A 款 name is not a 表1 line.
    XCTAssertNil(catalog.functionalClass(forLine: "科学技术管理事务"))
  }

  func testChineseOrdinals() {
    let expected = ["一": 1, "九": 9, "十": 10, "十一": 11, "二十": 20, "二十九": 29, "三十": 30, "九十九": 99]
    for (text, value) in expected { XCTAssertEqual(Catalog.chineseNumber(text), value, text) }
    for bad in ["", "零", "十十", "二二", "百", "一二十"] { XCTAssertNil(Catalog.chineseNumber(bad), bad) }
    XCTAssertNil(Catalog.splitOrdinal("科学技术支出").ordinal)
    XCTAssertEqual(Catalog.splitOrdinal("十五．资源").ordinal, 15)
  }

  func testBudgetTypes() {
    XCTAssertEqual(catalog.entry("21208", kind: .functional)?.budgetType, .governmentFund)
    XCTAssertEqual(catalog.entry("2120899", kind: .functional)?.budgetType, .governmentFund)
    XCTAssertEqual(catalog.entry("212", kind: .functional)?.budgetType, .mixed)
    XCTAssertEqual(catalog.entry("223", kind: .functional)?.budgetType, .stateCapital)
    XCTAssertEqual(catalog.entry("209", kind: .functional)?.budgetType, .socialInsurance)
    XCTAssertEqual(catalog.entry("2060101", kind: .functional)?.budgetType, .generalPublic)
    XCTAssertEqual(catalog.entry("10306", kind: .revenue)?.budgetType, .stateCapital)
    XCTAssertEqual(catalog.entry("101", kind: .revenue)?.budgetType, .generalPublic)
    XCTAssertTrue(BudgetType.governmentFund.fits(.governmentFund))
    XCTAssertFalse(BudgetType.governmentFund.fits(.generalPublic))
    XCTAssertTrue(BudgetType.mixed.fits(.stateCapital))
    XCTAssertEqual(BudgetType(csvToken: "政府性基金"), .governmentFund)
    XCTAssertEqual(BudgetType(csvToken: "gf"), .governmentFund)
    XCTAssertNil(BudgetType(csvToken: "基金"))
  }

  func testEveryEntryIsWellFormed() {
    XCTAssertGreaterThan(catalog.entries.count, 400)
    var seen = Set<String>()
    for entry in catalog.entries {
      XCTAssertTrue(Catalog.codeShape(entry.code, kind: entry.kind), entry.code)
      XCTAssertEqual(entry.level, Catalog.level(ofCode: entry.code), entry.code)
      XCTAssertEqual(entry.parentCode, Catalog.parentCode(of: entry.code), entry.code)
      XCTAssertTrue(seen.insert("\(entry.kind)/\(entry.code)").inserted, "duplicate \(entry.code)")
      XCTAssertFalse(entry.name.isEmpty)
      XCTAssertFalse(entry.name.contains { $0.isWhitespace }, entry.code)
      if let parent = entry.parentCode {
        XCTAssertNotNil(catalog.entry(parent, kind: entry.kind), "parent of \(entry.code)")
      }
      // A non-mixed parent cannot have children of another budget type.
      if let parent = entry.parentCode.flatMap({ catalog.entry($0, kind: entry.kind) }),
        parent.budgetType != .mixed
      {
        XCTAssertEqual(entry.budgetType, parent.budgetType, entry.code)
      }
    }
    // Every 类 of the four classifications that the catalog lists.
    XCTAssertEqual(catalog.entries.filter { $0.kind == .functional && $0.level == 1 }.count, 30)
    XCTAssertEqual(
      catalog.entries.filter { $0.kind == .economicDepartment && $0.level == 1 }.map(\.code),
      ["301", "302", "303", "307", "309", "310", "311", "312", "313", "399"])
  }

  func testChildren() {
    XCTAssertEqual(
      catalog.children(of: "22102", kind: .functional).map(\.code), ["2210201", "2210202", "2210203"])
    XCTAssertEqual(catalog.children(of: "21011", kind: .functional).map(\.name).prefix(2), ["行政单位医疗", "事业单位医疗"])
    XCTAssertTrue(catalog.children(of: "2060101", kind: .functional).isEmpty)
    XCTAssertTrue(catalog.children(of: "206", kind: .revenue).isEmpty)
  }

  func testNamesRepeatUnderDifferentParents() {
    let codes = catalog.entries(named: "机构运行", kind: .functional).map(\.code)
    XCTAssertTrue(codes.contains("2060201") && codes.contains("2060501"), "\(codes)")
    // Whitespace, line breaks and ASCII parentheses do not matter when looking up by name.
    XCTAssertEqual(
      catalog.entries(named: "其他国有土地使用权出让收入安排的支\n出", kind: .functional).map(\.code), ["2120899"])
    XCTAssertEqual(catalog.entries(named: "政府办公厅(室)及相关机构事务", kind: .functional).map(\.code), ["20103"])
  }

  func testCodeShape() {
    for code in ["206", "20601", "2060101"] { XCTAssertTrue(Catalog.codeShape(code, kind: .functional), code) }
    for code in ["103", "10301", "1030148", "103014801"] {
      XCTAssertTrue(Catalog.codeShape(code, kind: .revenue), code)
    }
    XCTAssertTrue(Catalog.codeShape("30101", kind: .economicDepartment))
    XCTAssertTrue(Catalog.codeShape("50501", kind: .economicGovernment))
    let bad: [(String, ClassificationKind)] = [
      ("206010101", .functional), ("2060", .functional), ("20", .functional), ("", .functional),
      ("106", .functional), ("20６", .functional), ("2 06", .functional), ("-206", .functional),
      ("1030148011", .revenue), ("206", .revenue), ("3010101", .economicDepartment),
      ("50101", .economicDepartment), ("301", .economicGovernment), ("5010", .economicGovernment),
    ]
    for (code, kind) in bad { XCTAssertFalse(Catalog.codeShape(code, kind: kind), "\(code) \(kind)") }
    XCTAssertEqual(Catalog.parentCode(of: "2060101"), "20601")
    XCTAssertEqual(Catalog.parentCode(of: "20601"), "206")
    XCTAssertEqual(Catalog.parentCode(of: "103014801"), "1030148")
    XCTAssertNil(Catalog.parentCode(of: "206"))
    XCTAssertNil(Catalog.parentCode(of: "2060"))
    XCTAssertEqual(Catalog.kind(ofCode: "1030148"), .revenue)
    XCTAssertEqual(Catalog.kind(ofCode: "50905"), .economicGovernment)
    XCTAssertNil(Catalog.kind(ofCode: "4010"))
  }
}
