#!/usr/bin/env bash
# Builds the fuzz targets with libFuzzer + AddressSanitizer and runs one of them.
#   fuzz/run.sh TARGET SECONDS [extra libFuzzer flags...]
# TARGET is xlsx, xls, csv, layout, json or model. Corpora live in fuzz/corpus-TARGET/ (git-ignored; created
# by fuzz/make-corpora.sh when missing); crashes, leaks and slow inputs land in fuzz/artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v swift >/dev/null 2>&1 || export PATH=/opt/swift/usr/bin:$PATH

target=${1:?usage: fuzz/run.sh xlsx|xls|csv|layout|json|model SECONDS [libFuzzer flags...]}
seconds=${2:?usage: fuzz/run.sh TARGET SECONDS}
shift 2
case "$target" in xlsx | xls | csv | layout | json | model) ;; *) echo "unknown target $target" >&2; exit 2 ;; esac

# Install step. Swift's toolchain ships compiler-rt's libFuzzer (libclang_rt.fuzzer-x86_64.a);
# a toolchain without it would need Debian's libclang-rt-14-dev and clang's runtime path.
runtime=$(dirname "$(dirname "$(command -v swift)")")/lib/clang
if ! ls "$runtime"/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1; then
  if ! dpkg -s libclang-rt-14-dev >/dev/null 2>&1; then
    apt-get install -y -q libclang-rt-14-dev
  fi
fi
bash scripts/install-deps.sh >/dev/null

# Release build (a debug build is ~10x slower per input) with its own scratch path, so the
# sanitized objects never mix with the plain build's.
# FUZZ_SANITIZE=fuzzer leaves AddressSanitizer out: 3-4x the executions, for long runs of a
# target whose C libraries an ASan run has already covered.
sanitize=${FUZZ_SANITIZE:-fuzzer,address}
scratch=.build-fuzz$([ "$sanitize" = fuzzer,address ] || echo "-${sanitize//,/-}")
swift build -c release --scratch-path "$scratch" --product "fuzz-$target" \
  -Xswiftc -sanitize="$sanitize" -Xswiftc -DFUZZING -Xswiftc -g >&2
binary=$scratch/release/fuzz-$target

[ -d "fuzz/corpus-$target" ] && [ -n "$(ls -A "fuzz/corpus-$target")" ] || bash fuzz/make-corpora.sh
mkdir -p fuzz/artifacts
case "$target" in xlsx | xls | layout) maxlen=65536 ;; model) maxlen=4096 ;; *) maxlen=16384 ;; esac
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
# FreeXL's own leaks on damaged files are known (fuzz/lsan-freexl.supp); only the xls target links it.
if [ "$target" = xls ]; then export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/fuzz/lsan-freexl.supp}; fi
# Without this a crash starts Swift's backtracer, which hangs under ASan instead of letting
# libFuzzer write the artifact.
export SWIFT_BACKTRACE=enable=no
exec "$binary" "fuzz/corpus-$target" \
  -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=1 -max_len="$maxlen" \
  -artifact_prefix="fuzz/artifacts/$target-" -print_final_stats=1 "$@"
