#!/usr/bin/env bash
# The whole suite: type check, then every test on embedded PostgreSQL (PGlite), including the
# browser tests in Debian's Chromium against the built web app, then the pure domain tests again
# under a non-UTC time zone (dates must not depend on the machine's zone).
set -euo pipefail
cd "$(dirname "$0")/.."

node -e 'const [a,b]=process.versions.node.split(".").map(Number); if (a<20||(a===20&&b<19)) { console.error("Node 20.19 or newer is needed; this is "+process.version); process.exit(1) }'

echo "== type check"
npx tsc --noEmit -p tsconfig.json

echo "== browser and web app for the browser tests"
bash scripts/ensure-chromium.sh
npm run --silent build:web

echo "== tests (embedded PostgreSQL)"
npx vitest run "$@"

echo "== domain tests under TZ=Asia/Karachi"
TZ=Asia/Karachi npx vitest run test/unit
