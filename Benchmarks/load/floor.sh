#!/usr/bin/env bash
# The floor under the form server's throughput on PostgreSQL: PostgreSQL alone doing the least SQL one
# complete one-page form needs, driven by pgbench, with no HTTP, no Swift and no nginx on the machine.
#   Benchmarks/load/floor.sh [PARENTS] [SECONDS] [CLIENTS]      (defaults 5000, 10, 32)
# Per form, the least there is: one read (the code's respondent, whether the peiling is open, the response
# if any) and one durable transaction (BEGIN, the response row, its 31 answers in one INSERT, COMMIT), in a
# throw-away cluster with Debian's default settings (synchronous_commit on). The tables and indexes are the
# product's own (`ouderstem init`, `roster import`, `invite`). A saved response has no respondent (as on a
# kiosk), so that pgbench can post the same code twice without breaking the one-response-per-code rule.
# Prints forms/s, latency, and the CPU PostgreSQL used per form (all CPU of the machine minus pgbench's own),
# once with the extended protocol (a statement parsed every time, as PostgresNIO sends it) and once prepared.
set -euo pipefail
PARENTS=${1:-5000}
SECONDS_RUN=${2:-10}
CLIENTS=${3:-32}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
if [ -z "${OUDERSTEM_TEST_POSTGRES:-}" ]; then
    exec "$ROOT/scripts/postgres-cluster.sh" run "$0" "$@"   # sets OUDERSTEM_TEST_POSTGRES, stops it afterwards
fi
BIN=${BIN:-$ROOT/.build/release/ouderstem}
[ -x "$BIN" ] || { echo "Build first: swift build -c release --product ouderstem"; exit 1; }
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
URL=$OUDERSTEM_TEST_POSTGRES
WORK=$(mktemp -d /tmp/ouderstem-floor.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
psql() { "$PG_BIN/psql" -X -q -A -t "$URL" "$@"; }

python3 - "$PARENTS" > roster.csv <<'PY'
import sys
print("id;kind;groep;ouders;taal;contact;kenmerken")
for i in range(int(sys.argv[1])):
    print("P%06d;;%d%s;;%s;;%s" % (i, 1 + i % 8, "AB"[i % 2], "nl" if i % 5 else "ar", "nt2" if i % 5 == 0 else ""))
PY
"$BIN" init --db "$URL" --survey "$ROOT/Surveys/behoeften-ouders.yaml" --name "Floor" >/dev/null
"$BIN" roster import --db "$URL" roster.csv >/dev/null
"$BIN" invite --db "$URL" --base-url http://127.0.0.1 --out invites >/dev/null 2>&1
# pgbench picks a random number; this table turns it into one of the real codes.
psql -c "CREATE TABLE floor_code AS SELECT row_number() OVER (ORDER BY code) - 1 AS n, code FROM invitation;
         ALTER TABLE floor_code ADD PRIMARY KEY (n); ANALYZE"
HASH=$(psql -c "SELECT definition_hash FROM peiling")
ANSWERS=$(for q in $(seq -w 1 31); do printf "(:id, 'q%s', 'choice', 'helemaal-oneens', NULL, NULL, NULL)," "$q"; done)
cat > form.sql <<SQL
\set n random(0, $((PARENTS - 1)))
\set key random(1, 1000000000000)
SELECT r.*, p.closed_at, (SELECT id FROM response x WHERE x.peiling_id = i.peiling_id AND x.respondent_id = i.respondent_id)
  FROM invitation i JOIN respondent r ON r.peiling_id = i.peiling_id AND r.id = i.respondent_id JOIN peiling p ON p.id = i.peiling_id
  WHERE i.code = (SELECT code FROM floor_code WHERE n = :n);
BEGIN;
INSERT INTO response (peiling_id, submission_key, definition_hash, method, language, tags, complete, created_at, updated_at)
  VALUES (1, 'floor-' || :key, '$HASH', 'digital', 'nl', '', true, now(), now()) RETURNING id \gset
INSERT INTO answer (response_id, question_id, kind, choices, number, text, other_text) VALUES ${ANSWERS%,};
COMMIT;
SQL

busy() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8}' /proc/stat; }  # all CPU of the machine, in ticks
for protocol in extended prepared; do
    rm -f pgbench_log.*
    before=$(busy)
    /usr/bin/time -f "%U %S" -o pgbench.cpu "$PG_BIN/pgbench" -n -M "$protocol" -c "$CLIENTS" -j 2 -T "$SECONDS_RUN" \
        -l -f form.sql "$URL" > pgbench.out 2>&1
    after=$(busy)
    forms=$(awk '/actually processed/ {print $NF}' pgbench.out)
    rate=$(awk '/^tps/ {printf "%.0f", $3}' pgbench.out)
    p99=$(cat pgbench_log.* | awk '{print $3}' | sort -n | awk '{a[NR]=$1} END {printf "%.1f", a[int(NR * 0.99)] / 1000}')
    p50=$(cat pgbench_log.* | awk '{print $3}' | sort -n | awk '{a[NR]=$1} END {printf "%.1f", a[int(NR * 0.5)] / 1000}')
    tick=$(getconf CLK_TCK)
    awk -v forms="$forms" -v rate="$rate" -v p50="$p50" -v p99="$p99" -v total="$(( after - before ))" -v tick="$tick" \
        -v protocol="$protocol" -v cores="$(nproc)" '{
        bench = $1 + $2; all = total / tick; pg = all - bench
        printf "%-8s %s forms/s, p50 %s ms, p99 %s ms; CPU %.1f s of %d cores x %s s: PostgreSQL %.2f ms per form, pgbench %.2f ms\n",
            protocol, rate, p50, p99, all, cores, "'"$SECONDS_RUN"'", pg * 1000 / forms, bench * 1000 / forms
    }' pgbench.cpu
done
