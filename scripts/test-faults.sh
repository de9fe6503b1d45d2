#!/usr/bin/env bash
# Fault tests: the real server and worker run as child processes and are killed with SIGKILL in
# the middle of an import, a schedule build and an e-mail batch; first on embedded PostgreSQL
# (PGlite), then on a throw-away PostgreSQL server, which is also stopped and started under load.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== fault tests (embedded PostgreSQL)"
env -u DATABASE_URL npx vitest run --config vitest.faults.config.ts "$@"

echo "== fault tests (PostgreSQL server)"
bash scripts/with-postgres.sh npx vitest run --config vitest.faults.config.ts "$@"
