#!/usr/bin/env bash
# First command of the README: installs what is missing, builds Yusuan (release) and runs the main
# job on the sample department: the tables and forms workbooks in samples/ become JSON, a
# formatted disclosure workbook, CSV files and a validation report under out/sample/.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v swift >/dev/null 2>&1 || export PATH=/opt/swift/usr/bin:$PATH

bash scripts/install-deps.sh
swift build -c release --static-swift-stdlib --product yusuan
bin=.build/release/yusuan
sample=samples/datong-kejiju-2023
tables="$sample/input/datong-kejiju-2023.xlsx"
forms="$sample/input/datong-kejiju-2023-performance.xlsx"
mkdir -p out/sample
"$bin" convert "$tables" "$forms" -o out/sample/datong-kejiju-2023.json
"$bin" convert "$tables" "$forms" -o out/sample/datong-kejiju-2023.xlsx
"$bin" convert "$tables" "$forms" -o out/sample/csv --to csv
"$bin" validate "$tables" "$forms" > out/sample/validation.txt || true
echo "Done: out/sample/ holds the JSON, the formatted workbook, the CSV files and the validation report."
echo "Compare with the committed results in $sample/output/."
