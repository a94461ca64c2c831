#!/usr/bin/env bash
# Board overview benchmark (release build): a file with SCHOOLS peilingen, each a class of 30 families of
# the demo roster with 10-29 simulated responses, then `ouderstem overview` timed RUNS times.
#   Benchmarks/overview/run.sh [SCHOOLS] [RUNS]
set -euo pipefail
SCHOOLS=${1:-40}
RUNS=${2:-3}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BIN=${BIN:-$ROOT/.build/release/ouderstem}
[ -x "$BIN" ] || { echo "Build first: swift build -c release --product ouderstem"; exit 1; }
WORK=$(mktemp -d /tmp/ouderstem-overview.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
for i in $(seq 1 "$SCHOOLS"); do
  "$BIN" init --db board.sqlite --survey "$ROOT/Surveys/behoeften-ouders.yaml" --name "School $i groep 5" --school "School $i" >/dev/null
  "$BIN" roster import --db board.sqlite --peiling "School $i groep 5" "$ROOT/Surveys/demo/roster-groep5.csv" >/dev/null
  "$BIN" demo simulate --db board.sqlite --peiling "School $i groep 5" --count $((10 + i % 20)) --seed "$i" >/dev/null
done
echo "$SCHOOLS peilingen made; ouderstem overview, $RUNS runs:"
for _ in $(seq 1 "$RUNS"); do
  /usr/bin/time -f "  %e s wall, %U s user + %S s system, %M KB peak" "$BIN" overview --db board.sqlite --out . >/dev/null
done
