#!/usr/bin/env python3
"""Writes N department variants of the sample as Yusuan JSON (benchmarks/batch/run.sh turns them
into workbooks with `yusuan batch --to xlsx`).

Variant i: the department is renamed (大同市第i局), amounts stay as published
(scaling them would turn the sample's two 0.01 rounding slips into errors, and the variants
should validate exactly like the sample: two rounding findings, exit 0); i % 4 of the tables 9, 11,
12, 13 are left out so the workbooks differ in size and content. Files are spread over 10
district folders.

Usage: generate.py SAMPLE_JSON OUT_DIR N
"""
import json
import os
import sys


def main():
    sample, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    with open(sample, encoding="utf-8") as f:
        base = json.load(f)
    for i in range(n):
        d = json.loads(json.dumps(base))
        d["department"] = f"大同市第{i}局[部门]"
        drop = {13, 12, 11, 9}.__iter__()
        dropped = {next(drop) for _ in range(i % 4)}
        d["tables"] = [t for t in d["tables"] if t["number"] not in dropped]
        folder = os.path.join(out, f"district-{i % 10:02d}")
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, f"dept-{i:04d}.json"), "w", encoding="utf-8") as f:
            json.dump(d, f, ensure_ascii=False)


if __name__ == "__main__":
    main()
