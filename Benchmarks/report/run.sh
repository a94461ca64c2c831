#!/usr/bin/env bash
# Benchmark of `ouderstem report`: 100,000 responses to the shipped primary-school survey, timed end to end with
# peak memory, against a plain C program that writes the same Data-sheet cells with libxlsxwriter (the floor).
# Usage: Benchmarks/report/run.sh [RESPONSES]   (default 100000; bounded: every step has a timeout)
set -euo pipefail
N="${1:-100000}"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
WORK="${BENCH_DIR:-/tmp/ouderstem-bench-report}"
SURVEY="$ROOT/Surveys/behoeften-ouders.yaml"
rm -rf "$WORK" && mkdir -p "$WORK"
cd "$ROOT"

echo "== release build"
timeout 1800 swift build -c release --product ouderstem 2>&1 | tail -1
BIN="$ROOT/.build/release/ouderstem"

echo "== data: $N responses"
"$BIN" init --db "$WORK/bench.sqlite" --survey "$SURVEY" --name "Benchmark $N" >/dev/null
timeout 900 python3 "$ROOT/Benchmarks/report/generate.py" "$WORK/bench.sqlite" "$N"

echo "== ouderstem report (end to end)"
timeout 900 /usr/bin/time -v "$BIN" report --db "$WORK/bench.sqlite" --out "$WORK/out" 2> "$WORK/report.time" >/dev/null
REPORT_S=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$WORK/report.time")
REPORT_KB=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/report.time")
REPORT_CPU=$(awk -F': ' '/User time|System time/ {s+=$2} END {print s}' "$WORK/report.time")

echo "== a class of 30"
"$BIN" init --db "$WORK/class.sqlite" --survey "$SURVEY" --name "Groep 5" >/dev/null
python3 "$ROOT/Benchmarks/report/generate.py" "$WORK/class.sqlite" 30 >/dev/null
/usr/bin/time -v "$BIN" report --db "$WORK/class.sqlite" --out "$WORK/class" 2> "$WORK/class.time" >/dev/null
CLASS_S=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$WORK/class.time")

echo "== C floor: the same Data-sheet cells"
XLSX=$(ls "$WORK"/out/*.xlsx)
timeout 900 python3 "$ROOT/Benchmarks/report/extract_cells.py" "$XLSX" "$WORK/cells.tsv"
cc -O2 -o "$WORK/floor" "$ROOT/Benchmarks/report/floor.c" $(pkg-config --cflags --libs xlsxwriter)
timeout 900 /usr/bin/time -v "$WORK/floor" "$WORK/cells.tsv" "$WORK/floor.xlsx" 2> "$WORK/floor.time"
FLOOR_S=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$WORK/floor.time")
FLOOR_KB=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/floor.time")
FLOOR_CPU=$(awk -F': ' '/User time|System time/ {s+=$2} END {print s}' "$WORK/floor.time")

echo
echo "responses:            $N"
echo "ouderstem report:     ${REPORT_S} s wall, ${REPORT_CPU} s CPU, peak RSS $((REPORT_KB / 1024)) MB"
echo "C floor (Data cells): ${FLOOR_S} s wall, ${FLOOR_CPU} s CPU, peak RSS $((FLOOR_KB / 1024)) MB"
echo "ratio report/floor:   $(awk "BEGIN {printf \"%.2f\", $REPORT_S / $FLOOR_S}") wall, $(awk "BEGIN {printf \"%.2f\", $REPORT_CPU / $FLOOR_CPU}") CPU"
echo "load average:         $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine slows both)"
echo "class of 30:          ${CLASS_S} s"
