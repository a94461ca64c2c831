#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the tests: initdb into a temporary folder, pg_ctl on a free port of
# 127.0.0.1 with the socket in that folder, one database; no system service, nothing outside the folder.
#
#   scripts/postgres-cluster.sh start       starts one, prints its URL and remembers it in .postgres-cluster
#   scripts/postgres-cluster.sh stop        stops the one `start` remembered and deletes its folder
#   scripts/postgres-cluster.sh run CMD...  runs CMD with OUDERSTEM_TEST_POSTGRES set to a cluster of its own,
#                                           stopped and deleted afterwards, also when CMD fails
#
# initdb refuses to run as root: as root, the cluster belongs to the `postgres` user (made by Debian's
# package) and its commands run through runuser. Any other user runs them as itself.
set -euo pipefail
cd "$(dirname "$0")/.."
STATE=.postgres-cluster
DATABASE=ouderstem_test
SUPERUSER=postgres
# Every test suite runs at once, each store with a pool of a few connections and the CLI tests with `serve`
# processes of their own: PostgreSQL's default of 100 was too few ("sorry, too many clients already").
MAX_CONNECTIONS=400

pg_bin() {
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    if [ -z "$dir" ]; then
        echo "PostgreSQL is not installed: run 'make setup-postgres' (Debian's postgresql package)." >&2
        exit 1
    fi
    echo "$dir"
}

as_owner() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Starts a cluster in a new temporary folder; prints "FOLDER URL".
start_cluster() {
    local bin folder port attempt
    bin=$(pg_bin)
    folder=$(mktemp -d "${TMPDIR:-/tmp}/ouderstem-postgres.XXXXXX")
    if [ "$(id -u)" = 0 ]; then chown postgres: "$folder"; fi
    as_owner "$bin/initdb" -D "$folder/data" -A trust -U "$SUPERUSER" -E UTF8 --locale=C.UTF-8 >"$folder/initdb.log" 2>&1 || {
        cat "$folder/initdb.log" >&2; rm -rf "$folder"; exit 1; }
    # Another program may take the free port between asking and starting: try a few.
    for attempt in 1 2 3; do
        port=$(free_port)
        if as_owner "$bin/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w -t 60 \
            -o "-p $port -k $folder -c listen_addresses=127.0.0.1 -c max_connections=$MAX_CONNECTIONS" start >/dev/null; then
            as_owner "$bin/createdb" -h "$folder" -p "$port" -U "$SUPERUSER" "$DATABASE"
            echo "$folder postgres://$SUPERUSER@127.0.0.1:$port/$DATABASE"
            return
        fi
    done
    cat "$folder/server.log" >&2
    rm -rf "$folder"
    exit 1
}

stop_cluster() {
    local folder=$1
    as_owner "$(pg_bin)/pg_ctl" -D "$folder/data" -m fast -w stop >/dev/null || true
    rm -rf "$folder"
}

case "${1:-}" in
    start)
        if [ -f "$STATE" ]; then
            echo "A cluster is already running ($(sed -n 2p "$STATE")): 'make postgres-stop' stops it." >&2
            exit 1
        fi
        read -r folder url < <(start_cluster)
        printf '%s\n%s\n' "$folder" "$url" >"$STATE"
        echo "PostgreSQL runs in $folder. For the tests:"
        echo "  export OUDERSTEM_TEST_POSTGRES=$url"
        echo "'make postgres-stop' stops it and deletes the folder."
        ;;
    stop)
        if [ ! -f "$STATE" ]; then echo "No cluster started by 'make postgres' is running."; exit 0; fi
        stop_cluster "$(sed -n 1p "$STATE")"
        rm -f "$STATE"
        echo "Stopped."
        ;;
    run)
        shift
        read -r folder url < <(start_cluster)
        trap 'stop_cluster "$folder"' EXIT
        echo "PostgreSQL for the tests: $url"
        OUDERSTEM_TEST_POSTGRES=$url "$@"
        ;;
    *)
        echo "usage: $0 start | stop | run COMMAND..." >&2
        exit 2
        ;;
esac
