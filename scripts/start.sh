#!/usr/bin/env bash
# Sets up and starts the product: the sync server on embedded PGlite with demo data, and the Electron app
# where its binary exists; otherwise the same console served by the server at a local URL.
set -euo pipefail
cd "$(dirname "$0")/.."
SKIP_CHROMIUM=1 bash scripts/ensure-deps.sh
echo "==> Building the console"
npm run --silent build

export PORT="${PORT:-8787}" HOST="${HOST:-127.0.0.1}" SEED_DEMO="${SEED_DEMO:-1}"
url="http://${HOST}:${PORT}"

electron_binary() { node -e "process.stdout.write(require('electron'))" 2>/dev/null; }
if ! electron_binary >/dev/null; then
  echo "==> Fetching the Electron binary (needs access to Electron's download host)"
  timeout 180 node node_modules/electron/install.js >/dev/null 2>&1 || true
fi

if bin=$(electron_binary) && [ -x "$bin" ]; then
  echo "==> Starting the sync server at $url (PGlite, demo data) and the desktop app"
  npx tsx server/src/main.ts &
  server_pid=$!
  trap 'kill $server_pid 2>/dev/null' EXIT
  until curl -sf "$url/api/health" >/dev/null; do sleep 0.5; done
  DESK_SERVER_URL="$url" "$bin" .
else
  echo
  echo "The Electron binary is not available on this machine (it could not be downloaded),"
  echo "so the same console is served as a web app instead:"
  echo
  echo "    open $url in a browser   (sign in as agent@example.org / demo-pass-2026)"
  echo
  exec npx tsx server/src/main.ts
fi
