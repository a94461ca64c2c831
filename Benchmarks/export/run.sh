#!/usr/bin/env bash
# Benchmark of `ouderstem export`: 100,000 responses to the shipped primary-school survey (the report benchmark's
# generator), timed end to end with peak memory, in both formats; then the CSV is checked for k-anonymity by
# check_k.py, which only reads the file.
# Usage: Benchmarks/export/run.sh [RESPONSES]   (default 100000; bounded: every step has a timeout)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
WORK="${BENCH_DIR:-/tmp/ouderstem-bench-export}"
BIN="$ROOT/.build/release/ouderstem"
rm -rf "$WORK" && mkdir -p "$WORK" && cd "$ROOT"
timeout 1800 swift build -c release --product ouderstem 2>&1 | tail -1

# A peiling of the shipped survey with N generated responses (the report benchmark's generator).
peiling() {
  "$BIN" init --db "$WORK/$1.sqlite" --survey "$ROOT/Surveys/behoeften-ouders.yaml" --name "Benchmark $2" >/dev/null
  timeout 900 python3 "$ROOT/Benchmarks/report/generate.py" "$WORK/$1.sqlite" "$2" >/dev/null
}
echo "== data: ${1:-100000} responses"
peiling bench "${1:-100000}"

seconds() { awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$1"; }
megabytes() { awk -F': ' '/Maximum resident set size/ {printf "%d", $2 / 1024}' "$1"; }

for FORMAT in xlsx csv; do
  echo "== ouderstem export --format $FORMAT"
  timeout 900 /usr/bin/time -v "$BIN" export --db "$WORK/bench.sqlite" --format "$FORMAT" --out "$WORK/out" \
    2> "$WORK/$FORMAT.log" >/dev/null
  grep -v $'^\t' "$WORK/$FORMAT.log" || true   # the command's own warning: what it recoded, removed, suppressed
  echo "$FORMAT: $(seconds "$WORK/$FORMAT.log") s wall, peak RSS $(megabytes "$WORK/$FORMAT.log") MB"
done

echo "== k-anonymity of the CSV, recomputed from the file"
python3 "$ROOT/Benchmarks/export/check_k.py" "$WORK"/out/*-export.csv 5

echo "== a class of 30"
peiling class 30
/usr/bin/time -v "$BIN" export --db "$WORK/class.sqlite" --out "$WORK/class" 2> "$WORK/class.log" >/dev/null
echo "class of 30: $(seconds "$WORK/class.log") s"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine slows everything)"
