#!/usr/bin/env bash
# Batch benchmark: N generated department workbooks (variants of the sample) → xlsx + json.
# Reports workbooks/second for --jobs 1 and --jobs 2, the speed-up, and peak RSS for 100 vs N
# workbooks (memory must not grow with the number of workbooks).
#
# Usage: benchmarks/batch/run.sh [N]      (default 1000; data cached in benchmarks/data/batch-N/)
set -euo pipefail
cd "$(dirname "$0")/../.."
N="${1:-1000}"
DATA="benchmarks/data/batch-$N"
WORK="benchmarks/work/batch"
BIN=".build/release/yusuan"

swift build -c release --static-swift-stdlib --product yusuan >/dev/null
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)"; exit 2; }

# 1. N workbooks: JSON variants written by generate.py, turned into formatted workbooks by yusuan itself.
if [ ! -f "$DATA/.complete" ]; then
  rm -rf "$DATA" "$DATA-json"
  python3 benchmarks/batch/generate.py Tests/Fixtures/datong-kejiju-2023.json "$DATA-json" "$N"
  "$BIN" batch "$DATA-json" -o "$DATA" --to xlsx --force >/dev/null 2>&1 || true
  rm -f "$DATA"/.yusuan-manifest*.jsonl
  rm -rf "$DATA-json"
  touch "$DATA/.complete"
fi
# The first 100 workbooks (for the memory comparison).
SMALL="$WORK/first-100"
rm -rf "$SMALL" && mkdir -p "$SMALL"
find "$DATA" -name '*.xlsx' | sort | head -100 | while read -r f; do cp "$f" "$SMALL/"; done

# run LABEL INPUT JOBS → prints "seconds peak_kib"
run() {
  local out="$WORK/out-$1"
  rm -rf "$out"
  /usr/bin/time -f "%e %M" -o "$WORK/time-$1" "$BIN" batch "$2" -o "$out" --to xlsx,json --jobs "$3" --force \
    --report "$WORK/report-$1.csv" >/dev/null 2>"$WORK/log-$1" || { echo "batch $1 failed (exit $?); see $WORK/log-$1"; exit 1; }
  cat "$WORK/time-$1"
}

count=$(find "$DATA" -name '*.xlsx' | wc -l)
read -r t1 m1 < <(run j1 "$DATA" 1)
read -r t2 m2 < <(run j2 "$DATA" 2)
read -r ts ms < <(run small-j2 "$SMALL" 2)
read -r ts1 ms1 < <(run small-j1 "$SMALL" 1)

python3 - "$count" "$t1" "$m1" "$t2" "$m2" "$ts" "$ms" "$ts1" "$ms1" "$(nproc)" <<'PY'
import sys
n, t1, m1, t2, m2, ts, ms, ts1, ms1, cores = sys.argv[1:]
n = int(n); t1, t2, ts, ts1 = map(float, (t1, t2, ts, ts1)); m1, m2, ms, ms1 = map(int, (m1, m2, ms, ms1))
print(f"| run | workbooks | seconds | workbooks/s | peak RSS |")
print(f"|---|---:|---:|---:|---:|")
print(f"| --jobs 1 | {n} | {t1:.1f} | {n / t1:.1f} | {m1 / 1024:.0f} MiB |")
print(f"| --jobs 2 | {n} | {t2:.1f} | {n / t2:.1f} | {m2 / 1024:.0f} MiB |")
print(f"| --jobs 1 | 100 | {ts1:.1f} | {100 / ts1:.1f} | {ms1 / 1024:.0f} MiB |")
print(f"| --jobs 2 | 100 | {ts:.1f} | {100 / ts:.1f} | {ms / 1024:.0f} MiB |")
print(f"\nspeed-up of --jobs 2 over --jobs 1: {t1 / t2:.2f}x (target >= 1.7x; {cores} cores)")
print(f"peak RSS, {n} vs 100 workbooks: {m2 / 1024:.0f} vs {ms / 1024:.0f} MiB (--jobs 2), {m1 / 1024:.0f} vs {ms1 / 1024:.0f} MiB (--jobs 1)")
PY
