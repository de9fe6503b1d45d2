#!/usr/bin/env bash
# Runs a command against a throw-away PostgreSQL server on 127.0.0.1 (Debian's package, installed
# if missing), with DATABASE_URL pointing at it, and stops the server afterwards.
set -euo pipefail

if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  if [ "$(id -u)" != 0 ]; then
    echo "PostgreSQL server binaries are missing: install Debian's 'postgresql' package (apt-get install postgresql)" >&2
    exit 1
  fi
  echo "== installing Debian's postgresql package"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql >/dev/null
fi
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
PORT=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
DIR=$(mktemp -d /tmp/corridor-pg.XXXXXX)
RUN_AS=()
if [ "$(id -u)" = 0 ]; then
  # initdb refuses to run as root; the cluster belongs to the postgres system user.
  id postgres >/dev/null 2>&1 || useradd --system --home-dir "$DIR" postgres
  chown postgres "$DIR"
  RUN_AS=(runuser -u postgres --)
fi
OPTIONS="-p $PORT -h 127.0.0.1 -k $DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
"${RUN_AS[@]}" "$BIN/initdb" -D "$DIR/data" -U postgres -A trust --no-sync -E UTF8 >/dev/null
"${RUN_AS[@]}" "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w \
  -o "$OPTIONS" start >/dev/null
stop() {
  "${RUN_AS[@]}" "$BIN/pg_ctl" -D "$DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$DIR"
}
trap stop EXIT
echo "== PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT"
# The fault tests stop and start this throw-away server under load (pg_ctl -D … stop/start -o …).
export POSTGRES_BIN_DIR="$BIN" POSTGRES_DATA_DIR="$DIR/data" POSTGRES_OPTIONS="$OPTIONS" POSTGRES_OS_USER="${RUN_AS:+postgres}"
DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/postgres" "$@"
