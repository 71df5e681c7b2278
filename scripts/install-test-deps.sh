#!/usr/bin/env bash
# Installs the independent checkers the tests use, only when missing: python3 with openpyxl
# (reads Yusuan's workbooks independently, writes test workbooks), junitparser (a real JUnit
# consumer), jsonschema and html5lib (strict HTML parsing of the report). Idempotent.
set -euo pipefail

PY=${PYTHON:-python3}
if ! command -v "$PY" >/dev/null 2>&1; then
  apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3 python3-pip >/dev/null
fi
for pair in openpyxl:openpyxl xlsxwriter:XlsxWriter junitparser:junitparser jsonschema:jsonschema html5lib:html5lib; do
  mod=${pair%%:*}
  pkg=${pair#*:}
  if ! "$PY" -c "import $mod" >/dev/null 2>&1; then
    echo "install-test-deps: pip install $pkg"
    "$PY" -m pip install -q --disable-pip-version-check --root-user-action=ignore "$pkg" \
      || "$PY" -m pip install -q --disable-pip-version-check --break-system-packages "$pkg"
  fi
done

# A comma-decimal locale, to prove the xlsx writer is locale-independent.
if ! locale -a 2>/dev/null | grep -qi '^de_DE\.utf-\?8$'; then
  if [ ! -f /usr/share/i18n/locales/de_DE ]; then
    apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q locales >/dev/null
  fi
  localedef -i de_DE -f UTF-8 de_DE.UTF-8
fi

# LibreOffice headless (a second independent reader of the xlsx; ~1–2 min to install).
command -v soffice >/dev/null 2>&1 || { apt-get update -q >/dev/null; DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends libreoffice-calc-nogui >/dev/null; }

# pdftotext / pdfinfo read the PDF LibreOffice prints (pages per form).
command -v pdftotext >/dev/null 2>&1 || { apt-get update -q >/dev/null; DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends poppler-utils >/dev/null; }
