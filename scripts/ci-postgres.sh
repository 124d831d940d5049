#!/usr/bin/env bash
# Start a throwaway PostgreSQL on 127.0.0.1 for the tests marked `postgres`.
#
# Installs postgresql from Debian when it is absent (apt-get; needs root), creates a cluster
# under $QUOTES_PG_DIR (default /tmp/quotes-pg), starts it on $QUOTES_PG_PORT (default 54329),
# creates the database `quotes_test`, and writes its URL to $QUOTES_PG_DIR/url, where
# tests/store/conftest.py finds it (or set QUOTES_TEST_PG_URL yourself). Each test run then
# creates its own database from there (quotes_test_<pid>_<random>) and drops it at the end,
# so checkouts sharing this server never touch each other's tables. Exports nothing.
# It never fails CI: when anything goes wrong it says why and exits 0, and the tests skip.
set -u
DIR=${QUOTES_PG_DIR:-/tmp/quotes-pg}
PORT=${QUOTES_PG_PORT:-54329}
DATA="$DIR/data"
URL="postgresql+psycopg://quotes@127.0.0.1:$PORT/quotes_test"

say() { echo "ci-postgres: $*" >&2; }
give_up() { say "$* -- the postgres tests will skip"; rm -f "$DIR/url"; exit 0; }

find_bin() {
    local dir
    for dir in /usr/lib/postgresql/*/bin; do
        if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; return 0; fi
    done
    return 1
}

BIN=$(find_bin) || {
    if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
        say "installing postgresql from Debian (apt-get)"
        export DEBIAN_FRONTEND=noninteractive
        { apt-get update -qq && apt-get install -y -qq postgresql; } >"/tmp/ci-postgres-apt.log" 2>&1 \
            || say "apt-get failed (see /tmp/ci-postgres-apt.log)"
    fi
    BIN=$(find_bin) || give_up "PostgreSQL is not installed and could not be installed"
}

# PostgreSQL refuses to run as root: run the server as the `postgres` system user then.
AS=()
if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres 2>/dev/null \
        || give_up "running as root and no 'postgres' user to run the server"
    command -v runuser >/dev/null 2>&1 || give_up "running as root and no runuser"
    AS=(runuser -u postgres --)
fi

mkdir -p "$DIR" && chmod 755 "$DIR" || give_up "cannot create $DIR"
[ "$(id -u)" = 0 ] && chown postgres "$DIR"

if "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" 2>/dev/null; then
    say "a server already answers on port $PORT; reusing it"
else
    if [ ! -f "$DATA/PG_VERSION" ]; then
        "${AS[@]}" "$BIN/initdb" -D "$DATA" -U quotes --auth=trust -E UTF8 --locale=C.UTF-8 \
            >"$DIR/initdb.log" 2>&1 || give_up "initdb failed (see $DIR/initdb.log)"
    fi
    "${AS[@]}" "$BIN/pg_ctl" -D "$DATA" -l "$DIR/server.log" -w -t 60 \
        -o "-p $PORT -c listen_addresses=127.0.0.1 -k $DIR -c fsync=off" start >/dev/null \
        || give_up "the server did not start (see $DIR/server.log)"
fi

if ! "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U quotes -d postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname = 'quotes_test'" | grep -q 1; then
    "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U quotes quotes_test \
        || give_up "createdb failed"
fi

echo "$URL" >"$DIR/url"
say "PostgreSQL ready: $URL (written to $DIR/url)"
