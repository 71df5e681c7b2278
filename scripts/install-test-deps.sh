#!/usr/bin/env bash
# Installs what the test suites need beyond the build dependencies. Idempotent: each step runs
# only when its result is missing.
set -euo pipefail

# openpyxl: XLSXWriter tests read the written workbooks back with an independent reader.
if ! python3 -c 'import openpyxl' 2>/dev/null; then
  python3 -m pip install -q openpyxl
fi

# A decimal-comma locale: XLSXWriter tests prove numbers stay `1331.42` under one.
if ! locale -a 2>/dev/null | grep -qi '^de_DE\.utf-\?8$'; then
  if [ ! -d /usr/share/i18n/locales ] || [ ! -f /usr/share/i18n/locales/de_DE ]; then
    apt-get update -q && apt-get install -y -q locales
  fi
  localedef -i de_DE -f UTF-8 de_DE.UTF-8
fi
