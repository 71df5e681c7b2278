#!/usr/bin/env bash
# Runs the whole test suite under AddressSanitizer and then ThreadSanitizer, each with its own
# scratch path so that sanitized objects never mix with the plain build (.build).
#   scripts/sanitize.sh            # both
#   scripts/sanitize.sh address    # one of: address, thread
# Exit status is non-zero when a build fails, a test fails, or a sanitizer reports.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v swift >/dev/null 2>&1 || export PATH=/opt/swift/usr/bin:$PATH
bash scripts/install-deps.sh
bash scripts/install-test-deps.sh

# halt_on_error: the first report fails the run instead of scrolling by. Leak checking is on
# (Linux ASan default); TSan's second_deadlock_stack gives both sides of a lock-order report.
export ASAN_OPTIONS=${ASAN_OPTIONS:-halt_on_error=1:detect_leaks=1:abort_on_error=1}
export TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1}

status=0
for sanitizer in "${@:-address thread}"; do
  for s in $sanitizer; do
    case "$s" in
      address) scratch=.build-asan ;;
      thread) scratch=.build-tsan ;;
      *) echo "unknown sanitizer $s (address, thread)" >&2; exit 2 ;;
    esac
    echo "== swift test -sanitize=$s (scratch $scratch)"
    log="$scratch/sanitize-$s.log"
    mkdir -p "$scratch"
    if swift build --build-tests --scratch-path "$scratch" -Xswiftc -sanitize="$s" \
      && swift test --skip-build --scratch-path "$scratch" -Xswiftc -sanitize="$s" 2>&1 | tee "$log" \
      && ! grep -q -E 'ERROR: (AddressSanitizer|LeakSanitizer)|WARNING: ThreadSanitizer' "$log"; then
      echo "== $s: clean"
    else
      echo "== $s: FAILED (see $log)"
      status=1
    fi
  done
done
exit $status
