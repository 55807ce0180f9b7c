#!/usr/bin/env bash
# Make sure a throwaway PostgreSQL server runs on 127.0.0.1:5433 and print its URL on stdout.
# Everything else goes to stderr so that `URL=$(bash .ci/pg.sh)` works.
set -euo pipefail

PORT=5433
HOST=127.0.0.1
BASE=/tmp/redline-pg
URL="postgresql+psycopg://postgres@${HOST}:${PORT}/postgres"

log() { echo "pg.sh: $*" >&2; }

# pg_isready lives in /usr/bin on Debian; fall back to the versioned bin dir.
isready() {
    local bin
    bin=$(command -v pg_isready || true)
    if [[ -z "$bin" ]]; then
        bin=$(ls /usr/lib/postgresql/*/bin/pg_isready 2>/dev/null | sort -V | tail -n 1 || true)
    fi
    [[ -n "$bin" ]] && "$bin" -q -h "$HOST" -p "$PORT"
}

if isready; then
    log "already running on ${HOST}:${PORT}"
    echo "$URL"
    exit 0
fi

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    log "installing postgresql"
    if [[ $(id -u) -ne 0 ]]; then
        log "initdb missing and not root: install postgresql (apt-get install -y postgresql) and rerun"
        exit 1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql >&2 \
        || { apt-get update >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql >&2; }
fi

BIN=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")

# Run a command as the postgres user: su when root, runuser as a fallback, directly otherwise.
as_postgres() {
    if [[ $(id -u) -eq 0 ]]; then
        if command -v su >/dev/null; then
            su postgres -s /bin/bash -c "$1"
        else
            runuser -u postgres -- bash -c "$1"
        fi
    else
        bash -c "$1"
    fi
}

mkdir -p "$BASE"
if [[ $(id -u) -eq 0 ]]; then
    chown postgres "$BASE"
fi

if [[ ! -f "$BASE/data/PG_VERSION" ]]; then
    rm -rf "$BASE/data"
    as_postgres "'$BIN/initdb' -D '$BASE/data' -U postgres -A trust --no-sync" >&2
fi

# A stale postmaster.pid from a killed server blocks start; pg_ctl status tells live from stale.
if [[ -f "$BASE/data/postmaster.pid" ]] && ! as_postgres "'$BIN/pg_ctl' -D '$BASE/data' status" >/dev/null 2>&1; then
    rm -f "$BASE/data/postmaster.pid"
fi

as_postgres "'$BIN/pg_ctl' -D '$BASE/data' -l '$BASE/log' \
    -o '-p $PORT -k $BASE -c listen_addresses=$HOST -c fsync=off' -w start" >&2

for _ in $(seq 1 50); do
    if isready; then
        echo "$URL"
        exit 0
    fi
    sleep 0.1
done
log "server did not become ready; see $BASE/log"
exit 1
