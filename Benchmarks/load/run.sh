#!/usr/bin/env bash
# Load benchmark of the form server (release build, loopback only, bounded in time).
#   Benchmarks/load/run.sh [PARENTS] [SECONDS] [CONNECTIONS]
# 1. makes a peiling with PARENTS families in a temporary folder, 2. starts `ouderstem serve` on a free
# loopback port, 3. runs wrk: CONNECTIONS concurrent parents posting complete forms page by page,
# 4. checks that every acknowledged submission (its thank-you redirect) is complete in the database.
# With KILL=1 the server is killed with SIGKILL halfway and restarted; the check must still hold.
# MODE=onepage: every parent sends the complete one-page form (/s/CODE/all) in one post instead.
# INSTANCES=2: two `serve` instances on the one database behind nginx (HTTP on loopback, the failover of
# deploy/nginx/ouderstem.conf); with KILL=1 the first one is killed halfway and restarted 2 s later, while
# the other goes on serving.
# BACKEND=postgres: the database is a throw-away PostgreSQL cluster in the temporary folder (Debian's
# postgresql package, default settings, synchronous_commit on) instead of an SQLite file; with KILL=1
# PostgreSQL is also restarted with an immediate stop (a crash: no shutdown checkpoint) right after the kill.
# LOGS=FOLDER keeps the servers' (and PostgreSQL's) logs there.
set -euo pipefail
PARENTS=${1:-20000}
SECONDS_RUN=${2:-20}
CONNECTIONS=${3:-32}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BIN=${BIN:-$ROOT/.build/release/ouderstem}
SURVEY=$ROOT/Surveys/behoeften-ouders.yaml
WORK=$(mktemp -d /tmp/ouderstem-load.XXXXXX)
INSTANCES=${INSTANCES:-1}
BACKEND=${BACKEND:-sqlite}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PORT=$(free_port)  # where wrk sends the parents: the one instance, or nginx in front of several
PORTS=()           # the instances' own ports
if [ "$INSTANCES" = 1 ]; then PORTS=("$PORT"); else for _ in $(seq 1 "$INSTANCES"); do PORTS+=("$(free_port)"); done; fi
SERVERS=()
NGINX=""
# nginx is stopped with TERM: a SIGKILLed master leaves its worker behind (holding this script's output open).
PG_BIN=""
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
stop_postgres() { [ -z "$PG_BIN" ] || as_postgres "$PG_BIN/pg_ctl" -D "$WORK/pg" -m immediate -w stop >/dev/null 2>&1 || true; }
trap 'kill -9 ${SERVERS[*]:-} 2>/dev/null || true; [ -z "$NGINX" ] || { kill -TERM $NGINX; wait $NGINX; } 2>/dev/null || true; stop_postgres; [ -z "${LOGS:-}" ] || cp "$WORK"/*.log "$LOGS"/ 2>/dev/null; rm -rf "$WORK"' EXIT
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install wrk"; exit 1; }
[ "$INSTANCES" = 1 ] || command -v nginx >/dev/null || { echo "nginx is not installed: apt-get install nginx"; exit 1; }
[ -x "$BIN" ] || { echo "Build first: swift build -c release --product ouderstem"; exit 1; }

cd "$WORK"
if [ "$BACKEND" = postgres ]; then
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$PG_BIN" ] || { echo "PostgreSQL is not installed: make setup-postgres"; exit 1; }
  [ "$(id -u)" != 0 ] || chown postgres: "$WORK"
  as_postgres "$PG_BIN/initdb" -D "$WORK/pg" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
  PG_PORT=$(free_port)
  as_postgres "$PG_BIN/pg_ctl" -D "$WORK/pg" -l "$WORK/postgres.log" -w \
    -o "-p $PG_PORT -k $WORK -c listen_addresses=127.0.0.1 ${PG_OPTIONS:-}" start >/dev/null
  as_postgres "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres ouderstem
  DB=postgres://postgres@127.0.0.1:$PG_PORT/ouderstem
  query() { as_postgres "$PG_BIN/psql" -X -q -A -t -h 127.0.0.1 -p "$PG_PORT" -U postgres -d ouderstem -c "$1"; }
elif [ "$BACKEND" = sqlite ]; then
  DB=$WORK/ouderstem.sqlite
  query() { sqlite3 "$DB" "$1"; }
else
  echo "BACKEND is sqlite or postgres, not $BACKEND"; exit 1
fi
python3 - "$PARENTS" > roster.csv <<'PY'
import sys
n = int(sys.argv[1])
print("id;kind;groep;ouders;taal;contact;kenmerken")
for i in range(n):
    print("P%06d;;%d%s;;%s;;%s" % (i, 1 + i % 8, "AB"[i % 2], "nl" if i % 5 else "ar", "nt2" if i % 5 == 0 else ""))
PY
"$BIN" init --db "$DB" --survey "$SURVEY" --name "Load test" >/dev/null
"$BIN" roster import --db "$DB" roster.csv >/dev/null
"$BIN" invite --db "$DB" --base-url "http://127.0.0.1:$PORT" --out invites >/dev/null 2>&1
python3 "$ROOT/Benchmarks/load/prepare.py" "$SURVEY" invites/links.csv plan.lua

# start_server I: instance I (from 0) on its port, its pid in SERVERS[I].
start_server() {
  local port=${PORTS[$1]}
  local proxy=()
  [ "$INSTANCES" = 1 ] || proxy=(--trusted-proxy 127.0.0.1)
  "$BIN" serve --db "$DB" --port "$port" --instance "i$1" "${proxy[@]}" >>server.log 2>&1 &
  SERVERS[$1]=$!
  for _ in $(seq 1 100); do
    curl -s -o /dev/null "http://127.0.0.1:$port/" && return 0
    sleep 0.05
  done
  echo "server did not start"; cat server.log; exit 1
}
for i in $(seq 0 $((INSTANCES - 1))); do start_server "$i"; done
echo "${SERVERS[0]}" > "${PIDFILE:-/dev/null}"
if [ "$INSTANCES" != 1 ]; then
  # The failover of deploy/nginx/ouderstem.conf, over HTTP on loopback.
  { [ "$(id -u)" = 0 ] && echo "user root;"
    echo "worker_processes 1; pid $WORK/nginx.pid; error_log $WORK/nginx-error.log;"
    echo "events { worker_connections 1024; }"
    echo "http { access_log off; upstream ouderstem {"
    for port in "${PORTS[@]}"; do echo "server 127.0.0.1:$port max_fails=0;"; done
    echo "} server { listen 127.0.0.1:$PORT; location / { proxy_pass http://ouderstem;"
    echo "proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for; proxy_connect_timeout 2s; } } }"
  } > nginx.conf
  nginx -p "$WORK" -c "$WORK/nginx.conf" -e "$WORK/nginx-error.log" -g "daemon off;" &
  NGINX=$!
  for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$PORT/" && break; sleep 0.05; done
fi
MODE=${MODE:-paged}
echo "$BACKEND; $INSTANCES instance(s), pids ${SERVERS[*]}, on ${PORTS[*]}; parents through 127.0.0.1:$PORT; $CONNECTIONS connections, $SECONDS_RUN s, mode $MODE"

if [ "${KILL:-0}" = "1" ]; then
  ( sleep $((SECONDS_RUN / 2)); kill -9 "${SERVERS[0]}"; echo "--- instance i0 killed with SIGKILL at $((SECONDS_RUN / 2)) s"
    if [ -n "$PG_BIN" ]; then
      as_postgres "$PG_BIN/pg_ctl" -D "$WORK/pg" -l "$WORK/postgres.log" -m immediate -w restart >/dev/null
      echo "--- PostgreSQL restarted after an immediate stop"
    fi ) &
  KILLER=$!
fi
MODE=$MODE PLAN=plan.lua ACKS=acks.txt THREADS=2 BLOCK=$((CONNECTIONS / 2)) \
  wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_RUN}s" --timeout 5s -s "$ROOT/Benchmarks/load/parents.lua" "http://127.0.0.1:$PORT" &
WRK=$!
if [ "${KILL:-0}" = "1" ]; then
  wait $KILLER
  # With one instance it comes back at once; with several the others carry the parents meanwhile.
  [ "$INSTANCES" = 1 ] || sleep 2
  start_server 0
  echo "--- instance i0 restarted (pid ${SERVERS[0]})"
fi
wait $WRK
# CPU time the server processes used, from /proc: with other work on the machine this is steadier than the rate.
read -r UTIME STIME < <(for pid in "${SERVERS[@]}"; do awk '{print $14, $15}' "/proc/$pid/stat" 2>/dev/null; done |
  awk '{u += $1; s += $2} END {print u + 0, s + 0}')
kill -9 "${SERVERS[@]}" 2>/dev/null || true
sleep 0.2

cat acks.txt.* 2>/dev/null | sort -u > acked.txt || true
ACKED=$(wc -l < acked.txt)
# Every acknowledged code must have a complete response in the database: count those whose response is
# there but not complete (a later save undid the submission) apart from those with no response at all.
query "SELECT i.code FROM invitation i JOIN response r ON r.respondent_id = i.respondent_id WHERE r.complete" | sort -u > complete.txt
query "SELECT i.code FROM invitation i JOIN response r ON r.respondent_id = i.respondent_id WHERE NOT r.complete" | sort -u > draft.txt
LOST=$(comm -23 acked.txt complete.txt | wc -l)
NOT_COMPLETE=$(comm -12 acked.txt draft.txt | wc -l)
echo "acknowledged submissions: $ACKED; complete in the database: $(wc -l < complete.txt); acknowledged but not complete: $NOT_COMPLETE; acknowledged but missing: $((LOST - NOT_COMPLETE))"
DUPLICATES=$(query "SELECT COUNT(*) - COUNT(DISTINCT respondent_id) FROM response")
echo "duplicate responses: $DUPLICATES"
TICKS=$(getconf CLK_TCK)
COMPLETE=$(wc -l < complete.txt)
[ "${KILL:-0}" = "1" ] || python3 -c "import sys; u,s,t,n=map(int,sys.argv[1:]); print('server CPU: %.1f s user+system, %.2f ms per complete submission' % ((u+s)/t, 1000*(u+s)/t/max(n,1)))" "$UTIME" "$STIME" "$TICKS" "$COMPLETE"
[ "$LOST" = "0" ] && [ "$DUPLICATES" = "0" ]
