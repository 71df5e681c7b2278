"""The benchmark's deterministic rows; the same definition as benchmarks/c/rows.h (read it there)."""

HEADER = ["科目编码", "科目名称", "合计", "基本支出", "项目支出", "上年结转", "其他资金"]
NAME_A = ["一般公共服务", "外交", "国防", "公共安全", "教育", "科学技术", "文化旅游体育与传媒",
          "社会保障和就业", "卫生健康", "节能环保", "城乡社区", "农林水", "交通运输",
          "资源勘探工业信息等", "商业服务业等", "金融", "自然资源海洋气象等", "住房保障",
          "粮油物资储备", "灾害防治及应急管理"]
NAME_B = ["行政运行", "一般行政管理事务", "机关服务", "事业运行", "其他支出", "专项业务",
          "信息化建设", "人员培训", "基本建设", "设备购置", "维修维护", "政府采购",
          "对个人补助", "离退休", "住房公积金", "医疗保险", "养老保险", "项目支出",
          "基本支出", "公用经费"]
M = 0xFFFFFFFF


def mix(x):
    x = (x ^ 0x9E3779B9) & M
    x = (x * 0x85EBCA6B) & M
    x ^= x >> 13
    x = (x * 0xC2B2AE35) & M
    x ^= x >> 16
    return x


def row(i):
    """Data row i: (code, name, [cents or None] * 5)."""
    code = "%07d" % (mix(i * 8 + 7) % 10_000_000)
    name = NAME_A[i % 20] + "支出" + NAME_B[(i // 20) % 20]
    amounts = []
    for c in range(5):
        h = mix(i * 8 + c)
        if h % 10 == 0:
            amounts.append(None)
        else:
            v = (h // 10) % 100_000_000
            amounts.append(-v if h >> 28 == 0 else v)
    return code, name, amounts


def result_line(cells, cents):
    """The correctness line every contender prints."""
    sign = "-" if cents < 0 else ""
    a = abs(cents)
    return "cells=%d sum=%s%d.%02d" % (cells, sign, a // 100, a % 100)
