#!/usr/bin/env bash
# The whole test run: static checks, unit and integration tests (PGlite and PostgreSQL),
# then end-to-end tests in Chromium (and Electron where its binary exists).
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh || exit 1
mkdir -p test-results
status=0
step() { echo; echo "==> $*"; "$@" || status=1; }

step npx eslint .
step npx tsc -b
step npx prettier --check . --log-level warn
step npm run --silent build
step npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json
step npx playwright test
node scripts/summarise-tests.mjs test-results/vitest.json test-results/playwright.json || status=1
exit $status
