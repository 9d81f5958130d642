#!/usr/bin/env bash
# Installs what a bare machine lacks: npm packages (pinned by package-lock.json) and, for the browser tests,
# Debian's Chromium. Electron's binary download is skipped here; scripts/start.sh tries it separately.
set -euo pipefail
cd "$(dirname "$0")/.."

stamp=node_modules/.deps-stamp
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
  echo "==> Installing npm packages (npm ci)"
  ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci --no-audit --no-fund
  touch "$stamp"
fi

if [ "${SKIP_CHROMIUM:-0}" != "1" ] && [ -z "${CHROMIUM_PATH:-}" ] && ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "==> Installing Debian's Chromium for the browser tests"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "Chromium is missing: install it (Debian: sudo apt-get install chromium) or set CHROMIUM_PATH." >&2
  fi
fi
