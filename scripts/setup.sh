#!/usr/bin/env bash
# First command of the README: installs what is missing, builds Yusuan (release) and runs the main
# job on the sample department: the workbook in samples/ becomes JSON, a formatted disclosure
# workbook and CSV files under out/sample/.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v swift >/dev/null 2>&1 || export PATH=/opt/swift/usr/bin:$PATH

bash scripts/install-deps.sh
swift build -c release --product yusuan
bin=.build/release/yusuan
sample=samples/datong-kejiju-2023
mkdir -p out/sample
"$bin" convert "$sample/input/datong-kejiju-2023.xlsx" -o out/sample/datong-kejiju-2023.json
"$bin" convert "$sample/input/datong-kejiju-2023.xlsx" -o out/sample/datong-kejiju-2023.xlsx
"$bin" convert "$sample/input/datong-kejiju-2023.xlsx" -o out/sample/csv --to csv
echo "Done: out/sample/ holds the JSON, the formatted workbook and the CSV files."
