#!/usr/bin/env bash
# Checks that every Swift file is formatted as the checked-in .swift-format says (scripts/test.sh
# runs it, so CI fails on a formatting or lint error). `scripts/check-format.sh --fix` formats
# the files in place instead. swift-format ships with the Swift toolchain (`swift format`).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v swift >/dev/null 2>&1 || export PATH=/opt/swift/usr/bin:$PATH
paths=(Package.swift Sources Tests fuzz benchmarks)
if [ "${1:-}" = "--fix" ]; then
  exec swift format format --in-place --recursive --parallel "${paths[@]}"
fi
if ! swift format lint --strict --recursive --parallel "${paths[@]}"; then
  echo "check-format: the files above are not formatted as .swift-format says; run scripts/check-format.sh --fix" >&2
  exit 1
fi
