#!/usr/bin/env bash
# Second command of the README (and what CI runs): installs what is missing, builds, and runs
# every test, including the end-to-end tests of the built yusuan binary.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v swift >/dev/null 2>&1 || export PATH=/opt/swift/usr/bin:$PATH

bash scripts/install-deps.sh
bash scripts/install-test-deps.sh
swift build --build-tests
swift test --skip-build 2>&1 | tee .build/test-output.txt
