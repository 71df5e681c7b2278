#!/usr/bin/env bash
# The HTML report benchmark: release-build yusuan, then time `yusuan report` against an openpyxl
# script and `yusuan validate`.   benchmarks/report/run.sh [RUNS] [IN.xlsx ...]
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
RUNS=${1:-15}
shift || true
if [ $# -eq 0 ]; then
  set -- "$ROOT/samples/datong-kejiju-2023/input/datong-kejiju-2023.xlsx" "$ROOT/samples/datong-kejiju-2023/input/datong-kejiju-2023-performance.xlsx"
fi
python3 -c 'import openpyxl' 2>/dev/null || { echo "openpyxl missing: run scripts/install-test-deps.sh" >&2; exit 1; }
(cd "$ROOT" && swift build -c release --static-swift-stdlib -q --product yusuan)
python3 "$HERE/run.py" "$ROOT/.build/release/yusuan" "$RUNS" "$@"
