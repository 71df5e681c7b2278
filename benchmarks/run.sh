#!/usr/bin/env bash
# Builds every contender and times them side by side; see benchmarks/README.md.
#   bash benchmarks/run.sh [--runs N] [--sizes 20000,200000] [--skip openpyxl,python-xlsxwriter]
#                          [--kinds read,write] [--no-results]
# Writes benchmarks/results/latest.md unless --no-results. Exits non-zero on a correctness mismatch.
set -euo pipefail
cd "$(dirname "$0")/.."
bench=benchmarks
work=$bench/work
mkdir -p "$work" "$bench/data" "$bench/results"

bash scripts/install-bench-deps.sh

# Yusuan's driver, release build. A build failure is not fatal: the harness reports it as FAILED.
sheets_bench=$work/sheets-bench-missing
if swift build -c release --static-swift-stdlib --product sheets-bench >"$work/swift-build.log" 2>&1; then
  sheets_bench=$(swift build -c release --static-swift-stdlib --show-bin-path)/sheets-bench
else
  echo "run.sh: swift build failed (see $work/swift-build.log); Yusuan will be reported FAILED" >&2
  tail -5 "$work/swift-build.log" >&2
fi

# The C floor reader and the C reference writer (also the data generator).
cc -O2 -Wall -o "$work/bench-read" "$bench/c/bench_read.c" $(pkg-config --cflags --libs libzip libxml-2.0) -lm
cc -O2 -Wall -o "$work/bench-write" "$bench/c/bench_write.c" $(pkg-config --cflags --libs xlsxwriter)
# The wrapper that takes each command's wall time and peak RSS.
cc -O2 -Wall -o "$work/measure" "$bench/c/measure.c"

exec python3 "$bench/harness.py" --sheets-bench "$sheets_bench" \
  --c-read "$work/bench-read" --c-write "$work/bench-write" \
  --measure "$work/measure" "$@"
