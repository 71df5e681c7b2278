#!/usr/bin/env bash
# Packages the tests need beyond the Swift toolchain. Idempotent: installs only what is missing.
set -euo pipefail

# ValidationTests: JUnit output is parsed with a JUnit parser from PyPI.
python3 -c 'import junitparser' 2>/dev/null || pip install -q junitparser || pip install -q --break-system-packages junitparser
