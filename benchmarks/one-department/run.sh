#!/usr/bin/env bash
# The one-department benchmark: release-build yusuan, then time it against the openpyxl script.
#   benchmarks/one-department/run.sh [RUNS] [INPUT.xlsx]
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
RUNS=${1:-15}
IN=${2:-$ROOT/samples/datong-kejiju-2023/input/datong-kejiju-2023.xlsx}
python3 -c 'import openpyxl' 2>/dev/null || { echo "openpyxl missing: run scripts/install-test-deps.sh" >&2; exit 1; }
(cd "$ROOT" && swift build -c release --static-swift-stdlib -q --product yusuan)
python3 "$HERE/run.py" "$ROOT/.build/release/yusuan" "$IN" "$RUNS"
