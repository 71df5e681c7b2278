#!/usr/bin/env bash
# Installs what building Yusuan needs, only when missing: pkg-config and the Debian -dev packages
# of libxlsxwriter, libxml2, libzip and FreeXL. Idempotent; run as root (or with sudo).
set -euo pipefail

need=()
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
pkg-config --exists xlsxwriter 2>/dev/null || need+=(libxlsxwriter-dev)
pkg-config --exists libxml-2.0 2>/dev/null || need+=(libxml2-dev)
pkg-config --exists libzip 2>/dev/null || need+=(libzip-dev)
pkg-config --exists freexl 2>/dev/null || need+=(libfreexl-dev)
if [ ${#need[@]} -gt 0 ]; then
  echo "install-deps: apt-get install ${need[*]}"
  apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need[@]}" >/dev/null
fi

if ! command -v swift >/dev/null 2>&1 && [ ! -x /opt/swift/usr/bin/swift ]; then
  echo "install-deps: no Swift toolchain found (Swift 6 is required: https://www.swift.org/install/)" >&2
  exit 1
fi
