import Sheets

/// The benchmark's deterministic rows: the same definition as benchmarks/c/rows.h (read it there).
enum BenchRows {
  /// The header row.
  static let header = ["科目编码", "科目名称", "合计", "基本支出", "项目支出", "上年结转", "其他资金"]

  static let nameA = [
    "一般公共服务", "外交", "国防", "公共安全", "教育", "科学技术", "文化旅游体育与传媒",
    "社会保障和就业", "卫生健康", "节能环保", "城乡社区", "农林水", "交通运输",
    "资源勘探工业信息等", "商业服务业等", "金融", "自然资源海洋气象等", "住房保障",
    "粮油物资储备", "灾害防治及应急管理",
  ]
  static let nameB = [
    "行政运行", "一般行政管理事务", "机关服务", "事业运行", "其他支出", "专项业务",
    "信息化建设", "人员培训", "基本建设", "设备购置", "维修维护", "政府采购",
    "对个人补助", "离退休", "住房公积金", "医疗保险", "养老保险", "项目支出",
    "基本支出", "公用经费",
  ]
  /// The 400 distinct names, built once (index = i % 20 + 20 * ((i / 20) % 20)).
  static let names: [String] = (0..<400).map { k in nameA[k % 20] + "支出" + nameB[k / 20] }

  static func mix(_ value: UInt32) -> UInt32 {
    var x = value ^ 0x9E37_79B9
    x = x &* 0x85EB_CA6B
    x ^= x >> 13
    x = x &* 0xC2B2_AE35
    x ^= x >> 16
    return x
  }

  /// The 7-digit code of data row i, zero-padded (a small string: no allocation).
  static func code(_ i: Int) -> String {
    var n = mix(UInt32(truncatingIfNeeded: i) &* 8 &+ 7) % 10_000_000
    return String(unsafeUninitializedCapacity: 7) { digits in
      for k in stride(from: 6, through: 0, by: -1) {
        digits[k] = UInt8(ascii: "0") + UInt8(n % 10)
        n /= 10
      }
      return 7
    }
  }

  /// The name of data row i.
  static func name(_ i: Int) -> String { names[i % 20 + 20 * ((i / 20) % 20)] }

  /// Amount column c (0...4) of data row i in cents, or nil for a blank cell.
  static func amount(_ i: Int, _ c: Int) -> Int64? {
    let h = mix(UInt32(truncatingIfNeeded: i) &* 8 &+ UInt32(c))
    if h % 10 == 0 { return nil }
    let v = Int64((h / 10) % 100_000_000)
    return h >> 28 == 0 ? -v : v
  }

  /// Writes data row i into the writer's current row: the code and name as text, each amount
  /// as the number cents / 100 (the same double as the C writer's, and as parsing the exact
  /// two-decimal text), blanks left to the writer.
  static func write(_ i: Int, to writer: FlatRowWriter) throws {
    try writer.write(text: code(i), column: 0)
    try writer.write(text: name(i), column: 1)
    for c in 0..<5 {
      if let cents = amount(i, c) {
        try writer.write(number: Double(cents) / 100, column: 2 + c)
      } else {
        try writer.writeBlank(column: 2 + c)
      }
    }
  }

  /// The expected correctness line for `rows` data rows.
  static func expected(rows: Int) -> String {
    var cells = header.count
    var sum: Int64 = 0
    for i in 0..<rows {
      cells += 2
      for c in 0..<5 {
        if let a = amount(i, c) {
          cells += 1
          sum += a
        }
      }
    }
    return resultLine(cells: cells, cents: sum)
  }
}

/// Formats cents as exact decimal text: -12345 → "-123.45".
func centsText(_ cents: Int64) -> String {
  let a = cents.magnitude
  let frac = a % 100
  return (cents < 0 ? "-" : "") + String(a / 100) + (frac < 10 ? ".0" : ".") + String(frac)
}

/// The correctness line every contender prints.
func resultLine(cells: Int, cents: Int64) -> String {
  "cells=\(cells) sum=\(centsText(cents))"
}
