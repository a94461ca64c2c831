#!/usr/bin/env bash
# Load benchmark of the form server (release build, loopback only, bounded in time).
#   Benchmarks/load/run.sh [PARENTS] [SECONDS] [CONNECTIONS]
# 1. makes a peiling with PARENTS families in a temporary folder, 2. starts `ouderstem serve` on a free
# loopback port, 3. runs wrk: CONNECTIONS concurrent parents posting complete forms page by page,
# 4. checks that every acknowledged submission (its thank-you redirect) is complete in the database.
# With KILL=1 the server is killed with SIGKILL halfway and restarted; the check must still hold.
# MODE=onepage: every parent sends the complete one-page form (/s/CODE/all) in one post instead.
set -euo pipefail
PARENTS=${1:-20000}
SECONDS_RUN=${2:-20}
CONNECTIONS=${3:-32}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BIN=${BIN:-$ROOT/.build/release/ouderstem}
SURVEY=$ROOT/Surveys/behoeften-ouders.yaml
WORK=$(mktemp -d /tmp/ouderstem-load.XXXXXX)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
SERVER=""
trap 'kill -9 $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install wrk"; exit 1; }
[ -x "$BIN" ] || { echo "Build first: swift build -c release --product ouderstem"; exit 1; }

cd "$WORK"
python3 - "$PARENTS" > roster.csv <<'PY'
import sys
n = int(sys.argv[1])
print("id;kind;groep;ouders;taal;contact;kenmerken")
for i in range(n):
    print("P%06d;;%d%s;;%s;;%s" % (i, 1 + i % 8, "AB"[i % 2], "nl" if i % 5 else "ar", "nt2" if i % 5 == 0 else ""))
PY
"$BIN" init --survey "$SURVEY" --name "Load test" >/dev/null
"$BIN" roster import roster.csv >/dev/null
"$BIN" invite --base-url "http://127.0.0.1:$PORT" --out invites >/dev/null 2>&1
python3 "$ROOT/Benchmarks/load/prepare.py" "$SURVEY" invites/links.csv plan.lua

start_server() {
  "$BIN" serve --port "$PORT" >>server.log 2>&1 &
  SERVER=$!
  echo "$SERVER" > "${PIDFILE:-/dev/null}"
  for _ in $(seq 1 100); do
    curl -s -o /dev/null "http://127.0.0.1:$PORT/" && return 0
    sleep 0.05
  done
  echo "server did not start"; cat server.log; exit 1
}
start_server
MODE=${MODE:-paged}
echo "server pid $SERVER on 127.0.0.1:$PORT, $CONNECTIONS connections, $SECONDS_RUN s, mode $MODE"

if [ "${KILL:-0}" = "1" ]; then
  ( sleep $((SECONDS_RUN / 2)); kill -9 "$SERVER"; echo "--- server killed with SIGKILL at $((SECONDS_RUN / 2)) s"; ) &
  KILLER=$!
fi
MODE=$MODE PLAN=plan.lua ACKS=acks.txt THREADS=2 BLOCK=$((CONNECTIONS / 2)) \
  wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_RUN}s" --timeout 5s -s "$ROOT/Benchmarks/load/parents.lua" "http://127.0.0.1:$PORT" &
WRK=$!
if [ "${KILL:-0}" = "1" ]; then
  wait $KILLER
  start_server
  echo "--- server restarted (pid $SERVER)"
fi
wait $WRK
# CPU time the (last) server process used, from /proc: with other work on the machine this is steadier than the rate.
read -r UTIME STIME < <(awk '{print $14, $15}' "/proc/$SERVER/stat" 2>/dev/null || echo "0 0")
kill -9 $SERVER 2>/dev/null || true
sleep 0.2

cat acks.txt.* 2>/dev/null | sort -u > acked.txt || true
ACKED=$(wc -l < acked.txt)
# Every acknowledged code must have a complete response in the database: count those whose response is
# there but not complete (a later save undid the submission) apart from those with no response at all.
sqlite3 ouderstem.sqlite "SELECT i.code FROM invitation i JOIN response r ON r.respondent_id = i.respondent_id WHERE r.complete" | sort -u > complete.txt
sqlite3 ouderstem.sqlite "SELECT i.code FROM invitation i JOIN response r ON r.respondent_id = i.respondent_id WHERE NOT r.complete" | sort -u > draft.txt
LOST=$(comm -23 acked.txt complete.txt | wc -l)
NOT_COMPLETE=$(comm -12 acked.txt draft.txt | wc -l)
echo "acknowledged submissions: $ACKED; complete in the database: $(wc -l < complete.txt); acknowledged but not complete: $NOT_COMPLETE; acknowledged but missing: $((LOST - NOT_COMPLETE))"
DUPLICATES=$(sqlite3 ouderstem.sqlite "SELECT COUNT(*) - COUNT(DISTINCT respondent_id) FROM response")
echo "duplicate responses: $DUPLICATES"
TICKS=$(getconf CLK_TCK)
COMPLETE=$(wc -l < complete.txt)
[ "${KILL:-0}" = "1" ] || python3 -c "import sys; u,s,t,n=map(int,sys.argv[1:]); print('server CPU: %.1f s user+system, %.2f ms per complete submission' % ((u+s)/t, 1000*(u+s)/t/max(n,1)))" "$UTIME" "$STIME" "$TICKS" "$COMPLETE"
[ "$LOST" = "0" ] && [ "$DUPLICATES" = "0" ]
