#!/usr/bin/env bash
# Runs the whole test suite under AddressSanitizer (with LeakSanitizer) and then under
# ThreadSanitizer, each with its own scratch path so that sanitized objects never mix with the
# plain build (.build).
#   scripts/sanitize.sh            # both
#   scripts/sanitize.sh address    # one of: address, thread
# Fails when a build fails, a test fails, ASan or TSan reports anything, or LeakSanitizer reports
# a leak with a frame in Sources/ (Yusuan's own code). Leaks wholly inside the toolchain's
# XCTest runner and Foundation's Bundle.allBundles (present in every Swift test run on Linux,
# none of them reachable from Sources/) are listed in the log but do not fail the run.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v swift >/dev/null 2>&1 || export PATH=/opt/swift/usr/bin:$PATH
bash scripts/install-deps.sh
bash scripts/install-test-deps.sh

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-exitcode=0}  # leaks are judged below, by where they come from
export TSAN_OPTIONS=${TSAN_OPTIONS:-second_deadlock_stack=1}
# Swift's crash backtracer reads the crashed process's memory, which ASan intercepts: the
# backtracer then crashes in turn and the test process hangs. The sanitizer's own report suffices.
export SWIFT_BACKTRACE=enable=no
# Tests that only assert wall-clock bounds of plain debug builds; a sanitizer makes code 2–15x
# slower, so they say nothing there. (BudgetHostileInputTests check only the refusal then.)
# The batch interrupt tests send a signal once the first outputs appear and need the batch still to
# be running then; their binary and the sanitized test process race differently, so they prove
# nothing here (they run in every plain test run).
timing_only='FixtureTests.testValidationIsFast|CLIBatchInterruptTests.testSIG'

status=0
for s in ${*:-address thread}; do
  case "$s" in
    address) scratch=.build-asan ;;
    thread) scratch=.build-tsan ;;
    *) echo "unknown sanitizer $s (address, thread)" >&2; exit 2 ;;
  esac
  echo "== swift test -sanitize=$s (scratch $scratch)"
  mkdir -p "$scratch"
  log="$scratch/sanitize-$s.log"
  ok=1
  swift build --build-tests --scratch-path "$scratch" -Xswiftc -sanitize="$s" || ok=0
  if [ $ok = 1 ]; then
    YUSUAN_SANITIZER=$s swift test --skip-build --scratch-path "$scratch" -Xswiftc -sanitize="$s" \
      --skip "$timing_only" 2>&1 | tee "$log" || ok=0
  fi
  if [ -f "$log" ]; then
    grep -q -E 'ERROR: AddressSanitizer|WARNING: ThreadSanitizer' "$log" && ok=0
    ours=$(awk -v src="$PWD/Sources/" '
      /^(Direct|Indirect) leak/ { block = $0; inside = 1; next }
      inside && /^$/ { if (index(block, src)) n++; inside = 0; next }
      inside { block = block "\n" $0 }
      END { print n + 0 }' "$log")
    toolchain=$(grep -c -E '^(Direct|Indirect) leak' "$log" || true)
    echo "== $s: leak reports: $toolchain, with a frame in Sources/: $ours"
    [ "$ours" = 0 ] || ok=0
  fi
  if [ $ok = 1 ]; then echo "== $s: clean"; else echo "== $s: FAILED (see $log)"; status=1; fi
done
exit $status
