/* The benchmark's deterministic budget-like rows. The same definition lives in
 * benchmarks/py/rows.py and benchmarks/SheetsBench/Rows.swift; all three must agree bit for bit
 * (the harness checks this by reading every writer's output back).
 *
 * Row i (0-based, data rows only; the header is row 0 of the sheet, data row i is sheet row i+1):
 *   A  code    7-digit text, "%07u" of mix(8i+7) % 10^7 (leading zeros happen: why it is text)
 *   B  name    NAME_A[i % 20] + "支出" + NAME_B[(i / 20) % 20]   (400 distinct names)
 *   C..G amount c (0..4): h = mix(8i+c); blank when h % 10 == 0; else cents = (h / 10) % 10^8,
 *                 negated when h >> 28 == 0; written as the number cents / 100 (two decimals).
 * All arithmetic is on uint32 with wrap-around. */
#ifndef BENCH_ROWS_H
#define BENCH_ROWS_H

#include <stdint.h>
#include <stdio.h>

#define BENCH_COLUMNS 7
#define BENCH_AMOUNTS 5

static const char *const BENCH_HEADER[BENCH_COLUMNS] = {
    "科目编码", "科目名称", "合计", "基本支出", "项目支出", "上年结转", "其他资金"};

static const char *const BENCH_NAME_A[20] = {
    "一般公共服务", "外交", "国防", "公共安全", "教育", "科学技术", "文化旅游体育与传媒",
    "社会保障和就业", "卫生健康", "节能环保", "城乡社区", "农林水", "交通运输",
    "资源勘探工业信息等", "商业服务业等", "金融", "自然资源海洋气象等", "住房保障",
    "粮油物资储备", "灾害防治及应急管理"};

static const char *const BENCH_NAME_B[20] = {
    "行政运行", "一般行政管理事务", "机关服务", "事业运行", "其他支出", "专项业务",
    "信息化建设", "人员培训", "基本建设", "设备购置", "维修维护", "政府采购",
    "对个人补助", "离退休", "住房公积金", "医疗保险", "养老保险", "项目支出",
    "基本支出", "公用经费"};

static inline uint32_t bench_mix(uint32_t x) {
  x ^= 0x9E3779B9u;
  x *= 0x85EBCA6Bu;
  x ^= x >> 13;
  x *= 0xC2B2AE35u;
  x ^= x >> 16;
  return x;
}

/* Writes the 7-digit code of data row i into buf (at least 8 bytes). */
static inline void bench_code(uint32_t i, char *buf) {
  snprintf(buf, 8, "%07u", bench_mix(i * 8u + 7u) % 10000000u);
}

/* Writes the name of data row i into buf (at least 96 bytes). */
static inline void bench_name(uint32_t i, char *buf, size_t size) {
  snprintf(buf, size, "%s支出%s", BENCH_NAME_A[i % 20u], BENCH_NAME_B[(i / 20u) % 20u]);
}

/* Sets *cents and returns 1 for a stored amount, returns 0 for a blank cell. */
static inline int bench_amount(uint32_t i, int c, int64_t *cents) {
  uint32_t h = bench_mix(i * 8u + (uint32_t)c);
  if (h % 10u == 0) return 0;
  int64_t v = (int64_t)((h / 10u) % 100000000u);
  *cents = (h >> 28) == 0 ? -v : v;
  return 1;
}

/* Prints the correctness line every contender prints: non-empty cells and the amount sum. */
static inline void bench_print_result(long long cells, int64_t cents) {
  uint64_t a = cents < 0 ? (uint64_t)(-cents) : (uint64_t)cents;
  printf("cells=%lld sum=%s%llu.%02llu\n", cells, cents < 0 ? "-" : "",
         (unsigned long long)(a / 100), (unsigned long long)(a % 100));
}

#endif
