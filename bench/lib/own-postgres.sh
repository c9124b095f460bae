# shellcheck shell=bash disable=SC2034 # sourced: variables are used by the drills
# A PostgreSQL cluster of the drill's own (initdb under BENCH_OUT, its own port), so that a drill
# can stop and start it without touching the shared server on 55432. Sourced after common.sh.

OWN_PG_PORT=${OWN_PG_PORT:-55491}
OWN_PG_DIR="$BENCH_OUT/own-postgres"

pg_bin_dir() {
    # shellcheck disable=SC2012 # version-named directories, sorted by version
    ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

as_postgres() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

own_pg_start() {
    local bin
    bin=$(pg_bin_dir)
    [ -n "$bin" ] || die "PostgreSQL server binaries not found (apt-get install postgresql)"
    mkdir -p "$OWN_PG_DIR"
    [ "$(id -u)" = 0 ] && chown postgres "$OWN_PG_DIR"
    if [ ! -s "$OWN_PG_DIR/data/PG_VERSION" ]; then
        as_postgres "$bin/initdb" -D "$OWN_PG_DIR/data" -U postgres --auth=trust -E UTF8 >"$OWN_PG_DIR/initdb.log"
    fi
    as_postgres "$bin/pg_ctl" -D "$OWN_PG_DIR/data" -l "$OWN_PG_DIR/postgres.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $OWN_PG_PORT -k $OWN_PG_DIR -c max_connections=50 -c fsync=off" \
        start >/dev/null
}

# own_pg_stop [MODE]: fast (default) ends every session at once, as a crashed or failed-over database does.
own_pg_stop() {
    as_postgres "$(pg_bin_dir)/pg_ctl" -D "$OWN_PG_DIR/data" -m "${1:-fast}" -w stop >/dev/null 2>&1 || true
}
