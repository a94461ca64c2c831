#!/usr/bin/env bash
# Benchmark of `ouderstem export`: 100,000 responses to the shipped primary-school survey (the report benchmark's
# generator), timed end to end with peak memory, in both formats; then the CSV is checked for k-anonymity by
# check_k.py, which only reads the file.
# Usage: Benchmarks/export/run.sh [RESPONSES]   (default 100000; bounded: every step has a timeout)
set -euo pipefail
N="${1:-100000}"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
WORK="${BENCH_DIR:-/tmp/ouderstem-bench-export}"
SURVEY="$ROOT/Surveys/behoeften-ouders.yaml"
rm -rf "$WORK" && mkdir -p "$WORK"
cd "$ROOT"

echo "== release build"
timeout 1800 swift build -c release --product ouderstem 2>&1 | tail -1
BIN="$ROOT/.build/release/ouderstem"

echo "== data: $N responses"
"$BIN" init --db "$WORK/bench.sqlite" --survey "$SURVEY" --name "Benchmark $N" >/dev/null
timeout 900 python3 "$ROOT/Benchmarks/report/generate.py" "$WORK/bench.sqlite" "$N"

seconds() { awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$1"; }
megabytes() { awk -F': ' '/Maximum resident set size/ {printf "%d", $2 / 1024}' "$1"; }

for FORMAT in xlsx csv; do
  echo "== ouderstem export --format $FORMAT"
  timeout 900 /usr/bin/time -v "$BIN" export --db "$WORK/bench.sqlite" --format "$FORMAT" --out "$WORK/out" \
    2> "$WORK/$FORMAT.log" >/dev/null
  grep -v '^\s' "$WORK/$FORMAT.log" | head -1 || true
  grep '^  ' "$WORK/$FORMAT.log" | grep -v ':.*:' | head -40 || true
  echo "$FORMAT: $(seconds "$WORK/$FORMAT.log") s wall, peak RSS $(megabytes "$WORK/$FORMAT.log") MB"
done

echo "== k-anonymity of the CSV, recomputed from the file"
python3 "$ROOT/Benchmarks/export/check_k.py" "$WORK"/out/*-export.csv 5

echo "== a class of 30"
"$BIN" init --db "$WORK/class.sqlite" --survey "$SURVEY" --name "Groep 5" >/dev/null
python3 "$ROOT/Benchmarks/report/generate.py" "$WORK/class.sqlite" 30 >/dev/null
/usr/bin/time -v "$BIN" export --db "$WORK/class.sqlite" --out "$WORK/class" 2> "$WORK/class.log" >/dev/null
echo "class of 30: $(seconds "$WORK/class.log") s"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine slows everything)"
