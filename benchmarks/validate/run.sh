#!/usr/bin/env bash
# The validation benchmark: release-build yusuan, then time the rules on one department of each
# template set (the sample and the real files in Tests/Fixtures/real).
#   benchmarks/validate/run.sh [RUNS] [IN ...]
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
RUNS=${1:-15}
shift || true
if [ $# -eq 0 ]; then
  real=$ROOT/Tests/Fixtures/real
  set -- "$ROOT/samples/datong-kejiju-2023/input/datong-kejiju-2023.xlsx" \
    "$real/shanghai/department-budget-2026.pdf-pages.xlsx" "$real/shanghai/unit-budget-2026.pdf-pages.xlsx" \
    "$real/jiangsu/tables-2019.pdf-pages.xlsx" "$real/putuo-caizhengju-2024-final-accounts.pdf-pages.xlsx"
fi
(cd "$ROOT" && swift build -c release --static-swift-stdlib -q --product yusuan)
python3 "$HERE/run.py" "$ROOT/.build/release/yusuan" "$RUNS" "$@"
