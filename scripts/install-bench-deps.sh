#!/usr/bin/env bash
# Installs what benchmarks/run.sh needs beyond the build dependencies. Idempotent: installs only
# what is missing. Debian: /usr/bin/time (peak RSS), C headers for libzip, libxml2, libxlsxwriter.
# PyPI: the Python peers (python-calamine, fastexcel + pyarrow, openpyxl, XlsxWriter).
set -euo pipefail

need_apt=()
[ -x /usr/bin/time ] || need_apt+=(time)
command -v cc >/dev/null 2>&1 || need_apt+=(gcc)
command -v pkg-config >/dev/null 2>&1 || need_apt+=(pkg-config)
pkg-config --exists libzip 2>/dev/null || need_apt+=(libzip-dev)
pkg-config --exists libxml-2.0 2>/dev/null || need_apt+=(libxml2-dev)
pkg-config --exists xlsxwriter 2>/dev/null || need_apt+=(libxlsxwriter-dev)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "install-bench-deps: apt-get install ${need_apt[*]}"
  apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need_apt[@]}" >/dev/null
fi

PY=${PYTHON:-python3}
# module name : PyPI name
for pair in python_calamine:python-calamine fastexcel:fastexcel pyarrow:pyarrow \
            openpyxl:openpyxl xlsxwriter:XlsxWriter; do
  mod=${pair%%:*}
  pkg=${pair#*:}
  if ! "$PY" -c "import $mod" >/dev/null 2>&1; then
    echo "install-bench-deps: pip install $pkg"
    "$PY" -m pip install -q --disable-pip-version-check --root-user-action=ignore "$pkg"
  fi
done
