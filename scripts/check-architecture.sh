#!/usr/bin/env bash
# Checks the dependency graph of ARCHITECTURE.md on the sources (scripts/test.sh runs it, and
# Tests/YusuanKitTests/ArchitectureTests.swift runs it and its self-test):
#   1. each module imports only the modules its row below allows (Budget and Validation no I/O
#      module, and no module but Sheets a C module or Glibc; the CLI's Glibc is for process
#      calls: exit, signal, isatty);
#   2. Sheets imports its C modules with `internal import`, so no C type leaks into its API;
#   3. no file, pointer or allocator call of libc outside Sheets;
#   4. Package.swift gives Budget and Validation no dependency on an I/O module;
#   5. the CLI and the web page build no reader, writer, rule run or round trip of their own:
#      they call YusuanKit (`Yusuan.read`, `.validate`, `.write`, `.roundTrip`, `.inspect`).
# The compiler enforces the declared dependencies too: scripts/test.sh builds with
# --explicit-target-dependency-import-check error, so an import Package.swift does not declare
# is a build error.
# `check-architecture.sh --self-test` plants one violation of each kind in a copy of the sources
# and fails unless every one is caught. Prints one line per violation; exits 1 when there is any.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

# module: the modules it may import
allowed_imports() {
  case "$1" in
    Messages) echo "" ;;
    Budget) echo "Messages" ;;
    Validation) echo "Budget Messages" ;;
    Sheets) echo "Messages Glibc Darwin Dispatch CXlsxWriter CLibXML2 CLibZip CFreeXL CMalloc" ;;
    Layouts) echo "Budget Sheets FoundationEssentials" ;;
    Narrative) echo "Budget Layouts" ;;
    YusuanKit) echo "Budget Sheets Layouts Narrative Validation FoundationEssentials Dispatch" ;;
    YusuanServe) echo "YusuanKit Hummingbird ServiceLifecycle FoundationEssentials" ;;
    yusuan) echo "ArgumentParser YusuanKit YusuanServe FoundationEssentials Dispatch Glibc" ;;
    *) return 1 ;;
  esac
}
c_modules="CXlsxWriter CLibXML2 CLibZip CFreeXL CMalloc"
# What only YusuanKit may build: readers, writers, a rule run, a narrative check.
own_machinery='(^|[^.[:alnum:]_])(DisclosureReader|DisclosureWriter|TableRecognizer|XLSXReader|XLSReader|CSVReader|TextFile|NarrativeCheck)\b|RuleSet\.[a-z]+\.validate\('
# libc calls that read or write files, or manage memory; also the open(2) flags.
libc_calls='(^|[^.[:alnum:]_])(Glibc\.(open|read|write|close|pread|pwrite|lseek)|fopen|fdopen|fread|fwrite|fclose|fseek|ftell|realpath|mallopt|malloc|calloc|realloc|free|mmap|munmap|fstat|lstat|lseek|ftruncate|fsync|unlink|opendir|readdir|memcpy|memmove)\(|\bO_(RDONLY|WRONLY|RDWR|APPEND|CREAT|TRUNC)\b'

check() {
  local sources=$1 package=$2 failures=0
  for dir in "$sources"/*/; do
    local module
    module=$(basename "$dir")
    [ -f "$dir/module.modulemap" ] && continue  # a C module
    local allowed
    if ! allowed=$(allowed_imports "$module"); then
      echo "check-architecture: module $module has no row in scripts/check-architecture.sh" >&2
      failures=$((failures + 1))
      continue
    fi
    while IFS=: read -r file line text; do
      local imported
      imported=$(sed -E 's/.*import[[:space:]]+([A-Za-z_][A-Za-z0-9_]*).*/\1/' <<<"$text")
      if ! grep -qw -- "$imported" <<<"$allowed"; then
        echo "$file:$line: $module may not import $imported" >&2
        failures=$((failures + 1))
      elif [ "$module" = Sheets ] && grep -qw -- "$imported" <<<"$c_modules" && ! grep -qE '^[[:space:]]*internal import' <<<"$text"; then
        echo "$file:$line: Sheets imports the C module $imported with internal import only" >&2
        failures=$((failures + 1))
      fi
    done < <(grep -rnE '^[[:space:]]*(@_exported |@testable |internal |public |package |private |fileprivate )*import[[:space:]]' "$dir" --include='*.swift' || true)
    if [ "$module" = yusuan ] || [ "$module" = YusuanServe ]; then
      while IFS= read -r hit; do
        echo "$hit: the command line and the web page go through YusuanKit (Yusuan.read, .validate, .write …)" >&2
        failures=$((failures + 1))
      done < <(grep -rnE "$own_machinery" "$dir" --include='*.swift' | grep -vE '^[^:]+:[0-9]+:[[:space:]]*//' || true)
    fi
    if [ "$module" != Sheets ]; then
      while IFS= read -r hit; do
        echo "$hit: a libc file or memory call outside Sheets (add a Sheets API)" >&2
        failures=$((failures + 1))
      done < <(grep -rnE "$libc_calls" "$dir" --include='*.swift' | grep -vE '^[^:]+:[0-9]+:[[:space:]]*//' || true)
    fi
  done
  # The declared dependencies (swift package dump-package would also do; this needs no build).
  for target in Budget Validation Messages; do
    local deps
    deps=$(awk -v t="\"$target\"" '
      index($0, ".target(name: " t) { on = 1 }
      on { print; if ($0 ~ /\),?[[:space:]]*$/) exit }' "$package")
    for io in Sheets Layouts YusuanKit $c_modules; do
      if grep -q "\"$io\"" <<<"$(sed -E 's/.*dependencies:(.*)/\1/' <<<"$deps")"; then
        echo "$package: $target depends on $io (only Messages and Budget are allowed)" >&2
        failures=$((failures + 1))
      fi
    done
  done
  return $((failures > 0))
}

if [ "${1:-}" = "--self-test" ]; then
  scratch=$(mktemp -d)
  trap 'rm -rf "$scratch"' EXIT
  plant() {  # plant NAME FILE TEXT [SED]: a copy with TEXT appended to FILE (or SED applied) must fail
    rm -rf "$scratch/tree" && mkdir -p "$scratch/tree"
    cp -R "$root/Sources" "$scratch/tree/Sources" && cp "$root/Package.swift" "$scratch/tree/Package.swift"
    if [ -n "${4:-}" ]; then
      sed -i -E "$4" "$scratch/tree/$2"
      cmp -s "$scratch/tree/$2" "$root/$2" && { echo "check-architecture --self-test: '$1' changed nothing" >&2; exit 1; }
    else
      printf '%s\n' "$3" >>"$scratch/tree/$2"
    fi
    if check "$scratch/tree/Sources" "$scratch/tree/Package.swift" 2>/dev/null; then
      echo "check-architecture --self-test: the planted violation '$1' was not caught" >&2
      exit 1
    fi
  }
  check "$root/Sources" "$root/Package.swift"
  plant "Budget imports Sheets" Sources/Budget/Amount.swift "import Sheets"
  plant "Validation imports Layouts" Sources/Validation/Rule.swift "import Layouts"
  plant "Layouts imports Glibc" Sources/Layouts/TidyCSV.swift "import Glibc"
  plant "YusuanKit imports a C module" Sources/YusuanKit/BatchRow.swift "import CLibZip"
  plant "Sheets imports a C module publicly" Sources/Sheets/Grid.swift "import CXlsxWriter"
  plant "fopen in Layouts" Sources/Layouts/TidyCSV.swift 'let f = fopen("x", "rb")'
  plant "realpath in YusuanKit" Sources/YusuanKit/BatchPlan.swift 'let r = realpath("x", nil)'
  plant "open flags in the CLI" Sources/yusuan/Batch.swift 'let flags = O_WRONLY | O_APPEND'
  plant "the CLI builds its own reader" Sources/yusuan/Validate.swift 'let r = DisclosureReader(layouts: nil)'
  plant "the web page runs the rules itself" Sources/YusuanServe/DownloadBundle.swift 'let r = RuleSet.standard.validate(d)'
  plant "Budget depends on Sheets" Package.swift "" 's/(name: "Budget", dependencies: \[)"Messages"/\1"Messages", "Sheets"/'
  echo "check-architecture --self-test: all 11 planted violations caught"
  exit 0
fi

check "$root/Sources" "$root/Package.swift"
