#!/usr/bin/env bash
# Second command of the README (and what CI runs): installs what is missing, builds, and runs
# every test, including the end-to-end tests of the built yusuan binary. Ends with one line
# "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
command -v swift >/dev/null 2>&1 || export PATH=/opt/swift/usr/bin:$PATH

bash scripts/install-deps.sh
bash scripts/install-test-deps.sh
# The dependency graph of ARCHITECTURE.md (ArchitectureTests also runs its --self-test).
bash scripts/check-architecture.sh
# Formatting and lint (.swift-format): a badly formatted file fails the run.
bash scripts/check-format.sh
# An import that Package.swift does not declare is a build error, not only a warning.
swift build --build-tests --explicit-target-dependency-import-check error
log=.build/test-output.txt
status=0
# All tests are XCTest; Swift Testing would only add a closing line about zero tests.
swift test --skip-build --disable-swift-testing 2>&1 | tee "$log" || status=$?
summary=$(grep -E "^[[:space:]]*Executed [0-9]+ tests?, with [0-9]+ failures?" "$log" | tail -n 1 || true)
total=$(sed -E 's/.*Executed ([0-9]+) tests?.*/\1/' <<<"$summary")
failed=$(sed -E 's/.*with ([0-9]+) failures?.*/\1/' <<<"$summary")
if [ -n "$summary" ]; then
  echo "$((total - failed)) passed, $failed failed"
fi
exit "$status"
