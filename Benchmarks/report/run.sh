#!/usr/bin/env bash
# Benchmark of `ouderstem report`: 100,000 responses to the shipped primary-school survey, timed end to end with
# peak memory and per phase, to show what disclosure control (the per-question protection and the final audit)
# adds; and a class of 30, the everyday case.
# Usage: Benchmarks/report/run.sh [RESPONSES]   (default 100000; bounded: every step has a timeout)
# POSTGRES=1: the same file is also moved into a throw-away PostgreSQL cluster (`ouderstem migrate --to`)
# and the report is timed from there too, for the comparison of issue 13 (within 1.5 times SQLite's time).
set -euo pipefail
N="${1:-100000}"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
if [ "${POSTGRES:-0}" = 1 ] && [ -z "${OUDERSTEM_TEST_POSTGRES:-}" ]; then
    exec "$ROOT/scripts/postgres-cluster.sh" run "$0" "$@"   # sets OUDERSTEM_TEST_POSTGRES, stops it afterwards
fi
WORK="${BENCH_DIR:-/tmp/ouderstem-bench-report}"
SURVEY="$ROOT/Surveys/behoeften-ouders.yaml"
rm -rf "$WORK" && mkdir -p "$WORK"
cd "$ROOT"

echo "== release build"
timeout 1800 swift build -c release --product ouderstem 2>&1 | tail -1
BIN="$ROOT/.build/release/ouderstem"

seconds() { awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$1"; }
phase() { awk -v p="$2" 'index($0, p) == 1 {s += $(NF-1)} END {printf "%.2f", s}' "$1"; }

report() { # NAME RESPONSES
    "$BIN" init --db "$WORK/$1.sqlite" --survey "$SURVEY" --name "Benchmark $1" >/dev/null
    timeout 900 python3 "$ROOT/Benchmarks/report/generate.py" "$WORK/$1.sqlite" "$2" >/dev/null
    OUDERSTEM_REPORT_TIMINGS=1 timeout 900 /usr/bin/time -v "$BIN" report --db "$WORK/$1.sqlite" --out "$WORK/$1" \
        2> "$WORK/$1.time" >/dev/null
}

echo "== ouderstem report, $N responses"
report big "$N"
TOTAL=$(seconds "$WORK/big.time")
CPU=$(awk -F': ' '/User time|System time/ {s+=$2} END {print s}' "$WORK/big.time")
KB=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/big.time")
CONTROL=$(phase "$WORK/big.time" "disclosure control")
AUDIT=$(phase "$WORK/big.time" "audit")

if [ -n "${OUDERSTEM_TEST_POSTGRES:-}" ]; then
    echo "== the same $N responses from PostgreSQL"
    /usr/bin/time -f "%e" -o "$WORK/migrate.time" timeout 1800 "$BIN" migrate --db "$WORK/big.sqlite" --to "$OUDERSTEM_TEST_POSTGRES" >/dev/null
    OUDERSTEM_REPORT_TIMINGS=1 timeout 900 /usr/bin/time -v "$BIN" report --db "$OUDERSTEM_TEST_POSTGRES" --out "$WORK/big-pg" \
        2> "$WORK/big-pg.time" >/dev/null
    PG_TOTAL=$(seconds "$WORK/big-pg.time")
    PG_KB=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/big-pg.time")
    # The same report: every sheet and the summary, compared byte for byte where they hold no time of writing.
    cmp -s "$WORK"/big/*.md "$WORK"/big-pg/*.md || { echo "the report from PostgreSQL differs from the one from SQLite"; exit 1; }
fi

echo "== a class of 30"
report class 30
CLASS=$(seconds "$WORK/class.time")
CLASS_CONTROL=$(phase "$WORK/class.time" "disclosure control")
CLASS_AUDIT=$(phase "$WORK/class.time" "audit")

echo
echo "responses:              $N"
echo "ouderstem report:       ${TOTAL} s wall, ${CPU} s CPU, peak RSS $((KB / 1024)) MB"
echo "  disclosure control:   ${CONTROL} s, final audit ${AUDIT} s"
echo "  share of the rest:    $(awk "BEGIN {printf \"%.1f%%\", 100 * ($CONTROL + $AUDIT) / ($TOTAL - $CONTROL - $AUDIT)}")"
echo "class of 30:            ${CLASS} s (disclosure control ${CLASS_CONTROL} s, audit ${CLASS_AUDIT} s)"
if [ -n "${PG_TOTAL:-}" ]; then
    echo "from PostgreSQL:        ${PG_TOTAL} s wall, peak RSS $((PG_KB / 1024)) MB, $(awk "BEGIN {printf \"%.2f\", $PG_TOTAL / $TOTAL}") times SQLite's (migrate --to took $(cat "$WORK/migrate.time") s); same summary"
fi
echo "load average:           $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine slows every figure)"
echo "phases ($N):"
grep -E '^[a-z].* s$' "$WORK/big.time" | sed 's/^/  /'
