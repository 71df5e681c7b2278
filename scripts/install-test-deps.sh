#!/usr/bin/env bash
# Installs what the test suites need beyond the Swift toolchain and the C -dev packages.
# Idempotent: installs only what is missing.
set -euo pipefail

need_pip() { python3 -c "import $1" 2>/dev/null || pip install -q "$2"; }

# XLSX reader tests make and cross-check workbooks with openpyxl and XlsxWriter.
need_pip openpyxl openpyxl
need_pip xlsxwriter XlsxWriter
