#!/usr/bin/env bash
# The Datong sample read as .xls beside the same workbook as .xlsx (issue 18: at most 2x).
#   benchmarks/xls/run.sh [ROUNDS]     default 15 rounds
# Builds sheets-bench (release) and runs, interleaved, in each round: one whole process per
# format (`sheets-bench grids FILE`: open, read every sheet into a grid, exit), and one process
# per format that reads the workbook 50 times and reports the median of one read. Prints the
# medians and the xls / xlsx ratios.
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v swift >/dev/null 2>&1 || export PATH=/opt/swift/usr/bin:$PATH
rounds=${1:-15}
swift build -c release --product sheets-bench >&2
bench=$(swift build -c release --show-bin-path)/sheets-bench
xlsx=samples/datong-kejiju-2023/input/datong-kejiju-2023.xlsx
xls=Tests/Fixtures/datong-kejiju-2023.xls  # the sample saved by LibreOffice: soffice --convert-to xls
python3 - "$bench" "$xlsx" "$xls" "$rounds" <<'PY'
import statistics, subprocess, sys, time
bench, xlsx, xls, rounds = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
lines = {f: subprocess.run([bench, "grids", f], check=True, capture_output=True, text=True).stdout for f in (xlsx, xls)}
assert lines[xlsx] == lines[xls], lines  # the same sheets and cells, or no times at all
process = {xlsx: [], xls: []}
inner = {xlsx: [], xls: []}
for _ in range(rounds):
    for f in (xlsx, xls):
        start = time.perf_counter()
        subprocess.run([bench, "grids", f], check=True, capture_output=True)
        process[f].append(time.perf_counter() - start)
        out = subprocess.run([bench, "grids", f, "50"], check=True, capture_output=True, text=True).stdout
        inner[f].append(float(out.split()[0].split("=")[1]))
print(f"{lines[xlsx].strip()} in both; {rounds} interleaved rounds")
for label, data in (("whole process", process), ("one read, in process", inner)):
    a, b = statistics.median(data[xlsx]), statistics.median(data[xls])
    print(f"{label}: xlsx {a * 1000:.2f} ms, xls {b * 1000:.2f} ms, xls/xlsx {b / a:.2f}")
PY
