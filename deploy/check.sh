#!/usr/bin/env bash
# Checks the files in deploy/ the way a server would read them (run by `make test`):
#   1. nginx -t on the site, with a throw-away self-signed certificate and every path in a temporary folder;
#   2. nginx for real in front of two `ouderstem serve` instances: pages through HTTPS, X-Forwarded-For
#      believed, a form post still answered while one instance is stopped, and no post lost while
#      ouderstem-rolling-update restarts both;
#   3. systemd-analyze verify on the units (any warning fails), pointed at the built binary, and
#      systemd-analyze security: the hardening scores at most 2.0 ("OK");
#   4. the nightly backup script on SQLite: a checked copy, retention of N copies, nothing deleted when it fails;
#   5. the same script on PostgreSQL (pg_dump), and the restore recipe of deploy/README.md: the restored
#      database gives the same status and report and takes new answers. Only with OUDERSTEM_TEST_POSTGRES,
#      the URL of a throw-away cluster (`scripts/postgres-cluster.sh run deploy/check.sh`, as `make test`
#      does); without it the script says so, or fails when OUDERSTEM_REQUIRE_POSTGRES is set.
# The SQLite restore test (backup while `serve` takes forms, restore, the same report) is a Swift test:
# Tests/OuderstemTests/BackupRestoreTests.swift, run by `swift test`.
# OUDERSTEM_BIN points at another binary (default .build/debug/ouderstem).
set -euo pipefail
cd "$(dirname "$0")/.."
deploy=$PWD/deploy
bin=$(realpath "${OUDERSTEM_BIN:-.build/debug/ouderstem}")
[ -x "$bin" ] || { echo "deploy/check.sh: no ouderstem binary at $bin; build first (swift build)." >&2; exit 1; }
work=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}" $(cat "$work"/pid-* 2>/dev/null); do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
    if declare -F drop_test_databases >/dev/null; then drop_test_databases; fi
    rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "deploy/check.sh: FAIL: $*" >&2; exit 1; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# 1. nginx -t ------------------------------------------------------------------------------------------
command -v nginx >/dev/null || fail "nginx is not installed (make setup installs it)."
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=ouders.example.nl \
    -keyout "$work/privkey.pem" -out "$work/fullchain.pem" 2>/dev/null
# The site as shipped, with only the certificate paths (and, for the live run, the ports) replaced.
site() {
    sed -e "s#/etc/letsencrypt/live/ouders.example.nl/#$work/#" "$@" "$deploy/nginx/ouderstem.conf"
}
wrapper() {  # an nginx.conf that keeps everything in $work, so no root-owned path is needed
    cat <<CONF
pid $work/nginx.pid;
error_log $work/error.log;
events {}
http {
    access_log $work/access.log;
    client_body_temp_path $work/body; proxy_temp_path $work/proxy; fastcgi_temp_path $work/fastcgi;
    uwsgi_temp_path $work/uwsgi; scgi_temp_path $work/scgi;
    include $1;
}
CONF
}
site > "$work/site.conf"
wrapper "$work/site.conf" > "$work/nginx.conf"
nginx -t -q -p "$work" -c "$work/nginx.conf" -e "$work/error.log" || fail "nginx -t refused deploy/nginx/ouderstem.conf"
echo "nginx -t: deploy/nginx/ouderstem.conf is valid ($(nginx -v 2>&1 | sed 's/.*version: //'))."

# 2. nginx for real in front of two instances started with the unit's own ExecStart ---------------------
db=$work/ouderstem.sqlite
"$bin" init --db "$db" --survey Surveys/behoeften-ouders.yaml --name "deploy check" >/dev/null
"$bin" roster import --db "$db" Surveys/demo/roster-groep5.csv >/dev/null
"$bin" invite --db "$db" --base-url https://ouders.example.nl --out "$work/letters" >/dev/null 2>&1
code=$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT code FROM invitation LIMIT 1").fetchone()[0])' "$db")
# The unit's ExecStart (continuation lines joined), with this machine's binary, surveys and ports; the
# database comes from the environment, as the unit's Environment=OUDERSTEM_DATABASE gives it.
exec_start=$(sed -n '/^ExecStart=/,/[^\\]$/p' "$deploy/systemd/ouderstem@.service" | sed 's/^ExecStart=//; s/\\$//' | tr -s ' \n' ' ')
# A PostgreSQL URL holds the password: on the command line `ps` would show it to every user of the server.
[[ $exec_start =~ --db|--database ]] && fail "the unit's ExecStart names the database; it belongs in OUDERSTEM_DATABASE"
start_instance() {  # name port
    local command=${exec_start//\/usr\/local\/bin\/ouderstem/$bin}
    command=${command//\/opt\/ouderstem\/Surveys/$PWD/Surveys}
    command=${command//\$\{OUDERSTEM_PORT\}/$2}
    command=${command//%i/$1}
    { export OUDERSTEM_DATABASE=$db; eval "exec $command"; } >>"$work/serve-$1.log" 2>&1 &
    echo $! > "$work/pid-$1"
    for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$2/" && return; sleep 0.2; done
    fail "instance $1 did not start: $(cat "$work/serve-$1.log")"
}
port_a=$(free_port); port_b=$(free_port); http=$(free_port); https=$(free_port)
start_instance a "$port_a"
start_instance b "$port_b"
site -e "s/127.0.0.1:8081/127.0.0.1:$port_a/; s/127.0.0.1:8082/127.0.0.1:$port_b/" \
     -e "s/listen 80;/listen 127.0.0.1:$http;/; s/listen 443 ssl;/listen 127.0.0.1:$https ssl;/; /listen \[::\]/d" \
     > "$work/live.conf"
{ [ "$(id -u)" = 0 ] && echo "user root;"; wrapper "$work/live.conf"; } > "$work/nginx-live.conf"
nginx -p "$work" -c "$work/nginx-live.conf" -e "$work/error.log" -g "daemon off;" &
pids+=($!)
for _ in $(seq 50); do curl -sk -o /dev/null "https://127.0.0.1:$https/" && break; sleep 0.1; done
url=https://127.0.0.1:$https
status() { curl -sk -o /dev/null -w '%{http_code}' "$@"; }

[ "$(status "http://127.0.0.1:$http/")" = 301 ] || fail "plain HTTP is not redirected to HTTPS"
curl -sk "$url/" | grep -q 'name="code"' || fail "the code page is not served through nginx"
# A request from elsewhere (its address in X-Forwarded-For, appended to by nginx) is not "this machine":
# the first staff account cannot be made from it. Proves nginx passes the header and serve believes it.
curl -sk "$url/staff/setup" | grep -q 'name="password"' || fail "the first-account page is not offered on this machine"
curl -sk -H 'X-Forwarded-For: 203.0.113.7' "$url/staff/setup" | grep -q 'name="password"' &&
    fail "X-Forwarded-For from nginx was not believed: a request from elsewhere was offered the first account"
# On loopback the client is nginx's own address, so the check above cannot tell appending to the header
# from passing the client's on: check the two headers the instances rely on are set as shipped.
grep -q 'proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;' "$deploy/nginx/ouderstem.conf" &&
    grep -q 'proxy_set_header X-Forwarded-Proto $scheme;' "$deploy/nginx/ouderstem.conf" ||
    fail "the site does not set X-Forwarded-For (appending the client) and X-Forwarded-Proto"
# Failover: instance a stops; every post of a code, round robin, is still answered (by b).
stop_instance() { local pid; pid=$(cat "$work/pid-$1"); kill "$pid"; while kill -0 "$pid" 2>/dev/null; do sleep 0.05; done; }
stop_instance a
curl -s -o /dev/null "http://127.0.0.1:$port_a/" && fail "instance a still answers after it was stopped"
for n in 1 2 3 4; do
    answer=$(status -X POST --data "code=$code" "$url/")
    [ "$answer" = 303 ] || fail "with instance a stopped, post $n of a code got $answer instead of 303 from instance b"
done
# A rolling update with deploy/ouderstem-rolling-update: four parents post codes without a pause while
# a and then b are taken out of nginx, restarted and put back. None may fail.
start_instance a "$port_a"
mkdir -p "$work/env"; echo "OUDERSTEM_PORT=$port_a" > "$work/env/a.env"; echo "OUDERSTEM_PORT=$port_b" > "$work/env/b.env"
posters=()
for k in 1 2 3 4; do
    ( while [ ! -e "$work/stop-posting" ]; do echo "$(status -X POST --data "code=$code" "$url/")"; done ) > "$work/posts-$k.txt" &
    posters+=($!); pids+=($!)   # stopped by the cleanup too, should a check fail meanwhile
done
sleep 0.5
before=$(cat "$work/pid-a" "$work/pid-b")
restart_instance() { stop_instance "$1"; start_instance "$1" "$(sed -n 's/^OUDERSTEM_PORT=//p' "$work/env/$1.env")"; }
export -f restart_instance stop_instance start_instance fail
export work bin db exec_start
NGINX_SITE=$work/live.conf NGINX_RELOAD="nginx -p $work -c $work/nginx-live.conf -e $work/error.log -s reload" \
    OUDERSTEM_RESTART="restart_instance %i" OUDERSTEM_ENV_DIR=$work/env OUDERSTEM_DRAIN_SECONDS=1 \
    "$deploy/ouderstem-rolling-update" > "$work/rolling.log" || fail "the rolling update failed: $(cat "$work/rolling.log")"
sleep 0.5
grep -q ' down;' "$work/live.conf" && fail "the rolling update left an instance out of nginx"
[ "$(grep -c 'restarted and back in nginx' "$work/rolling.log")" = 2 ] && [ -z "$(comm -12 <(sort <<<"$before") <(cat "$work/pid-a" "$work/pid-b" | sort))" ] ||
    fail "the rolling update did not restart both instances: $(cat "$work/rolling.log")"
touch "$work/stop-posting"; wait "${posters[@]}"
cat "$work"/posts-*.txt > "$work/posts.txt"
posts=$(wc -l < "$work/posts.txt"); failed=$(grep -vc '^303$' "$work/posts.txt" || true)
[ "$failed" = 0 ] || { grep -v "connect() failed" "$work/error.log" | tail -5 >&2; false; } || fail "during the rolling restart $failed of $posts posts failed: $(sort "$work/posts.txt" | uniq -c | tr '\n' ' ')"
echo "nginx in front of two instances: HTTPS pages, X-Forwarded-For believed, 4 of 4 code posts answered with one instance stopped, $posts of $posts posts answered while a and then b were restarted by ouderstem-rolling-update."

# 3. systemd-analyze verify -----------------------------------------------------------------------------
if command -v systemd-analyze >/dev/null; then
    units=$work/units; mkdir -p "$units"
    sed "s#/usr/local/bin/ouderstem #$bin #" "$deploy/systemd/ouderstem@.service" > "$units/ouderstem@.service"
    sed "s#/usr/local/bin/ouderstem-backup#$deploy/ouderstem-backup#" "$deploy/systemd/ouderstem-backup.service" > "$units/ouderstem-backup.service"
    cp "$deploy/systemd/ouderstem-backup.timer" "$units/"
    # verify prints unknown keys and the like as warnings with exit status 0: any output fails here.
    said=$(cd "$units" && systemd-analyze verify ./ouderstem@a.service ./ouderstem-backup.service ./ouderstem-backup.timer 2>&1) ||
        fail "systemd-analyze verify: $said"
    [ -z "$said" ] || fail "systemd-analyze verify warned: $said"
    # The backup unit as installed for PostgreSQL: systemd reads the drop-in from the .d folder beside it.
    units_pg=$work/units-postgresql; mkdir -p "$units_pg"
    cp "$units/ouderstem-backup.service" "$units_pg/"
    cp -r "$deploy/postgresql/ouderstem-backup.service.d" "$units_pg/"
    said=$(cd "$units_pg" && systemd-analyze verify ./ouderstem-backup.service 2>&1) || fail "systemd-analyze verify: $said"
    [ -z "$said" ] || fail "systemd-analyze verify warned on the PostgreSQL drop-in: $said"
    echo "systemd-analyze verify: ouderstem@.service, ouderstem-backup.service (also with the PostgreSQL drop-in) and .timer are valid ($(systemd-analyze --version | head -1))."
    # The hardening, scored by systemd itself (0 best, 10 worst; --threshold is in tenths): the units are
    # at 1.1-1.8 ("OK"); without their hardening lines the server scored 5.3.
    for unit in units/ouderstem@a.service units/ouderstem-backup.service units-postgresql/ouderstem-backup.service; do
        exposure=$(cd "$work" && systemd-analyze security --offline=yes --threshold=20 "./$unit" 2>&1) ||
            fail "systemd-analyze security: $unit is exposed more than 2.0: $(tail -1 <<<"$exposure")"
        echo "systemd-analyze security: $(tail -1 <<<"$exposure" | sed 's/^→ //')$([[ $unit = units-postgresql/* ]] && echo ' (with the PostgreSQL drop-in)')"
    done
else
    echo "systemd-analyze is not installed here: the systemd units were NOT verified."
fi

# 4. The nightly backup script on SQLite ----------------------------------------------------------------
backups=$work/backups; mkdir -p "$backups"
for old in 20261125T023000Z 20261126T023000Z 20261127T023000Z; do echo old > "$backups/ouderstem-$old.sqlite"; done
echo keep > "$backups/notes.txt"
OUDERSTEM_BIN=$bin OUDERSTEM_DB=/nonexistent/ouderstem.sqlite OUDERSTEM_BACKUP_DIR=$backups OUDERSTEM_BACKUP_KEEP=2 \
    "$deploy/ouderstem-backup" 2>/dev/null && fail "the backup script succeeded without a database"
[ "$(ls "$backups" | wc -l)" = 4 ] || fail "a failed backup deleted old copies"
said=$(OUDERSTEM_BIN=$bin OUDERSTEM_DB=$db OUDERSTEM_BACKUP_DIR=$backups OUDERSTEM_BACKUP_KEEP=2 OUDERSTEM_LANG=en "$deploy/ouderstem-backup")
kept=$(ls "$backups" | tr '\n' ' ')
[[ $kept =~ ^notes.txt\ ouderstem-20261127T023000Z.sqlite\ ouderstem-2[0-9]{7}T[0-9]{6}Z.sqlite\ $ ]] ||
    fail "retention of 2 kept: $kept"
"$bin" status --db "$(ls -d "$backups"/ouderstem-2*.sqlite | tail -1)" >/dev/null || fail "the new copy does not open"
echo "backup script: kept the newest 2 copies and other files; a failed run deleted nothing. It said: $said"

# 5. Backup and restore on PostgreSQL --------------------------------------------------------------------
# A board's set-up in the throw-away cluster of OUDERSTEM_TEST_POSTGRES (postgres://SUPERUSER@HOST:PORT/DB):
# a role of its own owns the database of a peiling; the backup script's dump, restored the way
# deploy/README.md says into a second database, must give the same status and report and take new answers.
if [ -z "${OUDERSTEM_TEST_POSTGRES:-}" ]; then
    [ -z "${OUDERSTEM_REQUIRE_POSTGRES:-}" ] ||
        fail "OUDERSTEM_REQUIRE_POSTGRES is set but OUDERSTEM_TEST_POSTGRES is not: run scripts/postgres-cluster.sh run deploy/check.sh."
    echo "OUDERSTEM_TEST_POSTGRES is not set: PostgreSQL backup/restore NOT checked (scripts/postgres-cluster.sh run deploy/check.sh checks it)."
    exit 0
fi
# Debian's postgresql-client puts pg_dump on PATH; the server package alone has it in its own folder.
command -v pg_dump >/dev/null || PATH=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1):$PATH
command -v pg_dump >/dev/null && command -v pg_restore >/dev/null && command -v psql >/dev/null ||
    fail "pg_dump, pg_restore and psql are not installed (make setup-postgres installs them)."
cluster=$OUDERSTEM_TEST_POSTGRES
superuser=${cluster%/*}                         # postgres://SUPERUSER@HOST:PORT, any database appended
hostport=${cluster#*://*@}; hostport=${hostport%%/*}
role=ouderstem_check_$$                          # unique, so runs against one cluster never meet
sql() { psql --no-psqlrc --quiet --tuples-only --no-align -v ON_ERROR_STOP=1 --dbname="${2:-$cluster}" -c "$1"; }
drop_test_databases() {
    for name in live restored empty; do sql "DROP DATABASE IF EXISTS ${role}_$name WITH (FORCE)" >/dev/null 2>&1 || true; done
    sql "DROP ROLE IF EXISTS $role" >/dev/null 2>&1 || true
}
# The role's password travels as in production (the backup script moves it to PGPASSWORD); the cluster's
# trust authentication accepts any, so a URL the script mangled is what would fail here.
sql "CREATE ROLE $role LOGIN PASSWORD 'check'"
for name in live empty; do sql "CREATE DATABASE ${role}_$name OWNER $role"; done
live=postgres://$role:check@$hostport/${role}_live
restored=postgres://$role:check@$hostport/${role}_restored
"$bin" init --db "$live" --survey Surveys/behoeften-ouders.yaml --name "deploy check" >/dev/null
"$bin" roster import --db "$live" Surveys/demo/roster-groep5.csv >/dev/null
"$bin" invite --db "$live" --base-url https://ouders.example.nl --out "$work/pg-letters" >/dev/null 2>&1
"$bin" enter --db "$live" --respondent L04 --method paper_home --entered-by check < Surveys/demo/entry-paper.txt >/dev/null
"$bin" enter --db "$live" --respondent L07 --method oral_interpreter --language ar --interpreter professional \
    --entered-by check < Surveys/demo/entry-interpreter.txt >/dev/null
"$bin" demo simulate --db "$live" --count 19 --seed 7 >/dev/null
OUDERSTEM_LANG=nl "$bin" report --db "$live" --out "$work/report-live" >/dev/null

pgbackups=$work/pg-backups; mkdir -p "$pgbackups"
for old in 20261125T023000Z 20261126T023000Z 20261127T023000Z; do echo old > "$pgbackups/ouderstem-$old.dump"; done
echo old > "$pgbackups/ouderstem-20261101T023000Z.sqlite"    # from before the move to PostgreSQL: another kind
backup_pg() { OUDERSTEM_BIN=$bin OUDERSTEM_DB=$1 OUDERSTEM_BACKUP_DIR=$pgbackups OUDERSTEM_BACKUP_KEEP=2 "$deploy/ouderstem-backup"; }
backup_pg "postgres://$role:check@127.0.0.1:$(free_port)/${role}_live" 2>/dev/null &&
    fail "the backup script succeeded with a database server that does not answer"
backup_pg "postgres://$role:check@$hostport/${role}_empty" 2>/dev/null &&
    fail "the backup script accepted a dump without Ouderstem's tables response and answer"
[ "$(ls -A "$pgbackups" | wc -l)" = 4 ] || fail "a failed backup deleted old copies or left a partial one: $(ls -A "$pgbackups" | tr '\n' ' ')"
said=$(backup_pg "$live") || fail "the backup script failed on PostgreSQL"
kept=$(ls -A "$pgbackups" | tr '\n' ' ')
[[ $kept =~ ^ouderstem-20261101T023000Z.sqlite\ ouderstem-20261127T023000Z.dump\ ouderstem-2[0-9]{7}T[0-9]{6}Z.dump\ $ ]] ||
    fail "retention of 2 dumps kept: $kept"
dump=$(ls -d "$pgbackups"/ouderstem-2*.dump | tail -n 1)

# The recipe: a new, empty database owned by the role; pg_restore as the superuser, creating everything as
# the role (--no-owner --role), all or nothing. The dump is read from standard input, as with sudo.
sql "CREATE DATABASE ${role}_restored OWNER $role"
pg_restore --no-owner --role="$role" --single-transaction --exit-on-error --dbname="$superuser/${role}_restored" < "$dump" ||
    fail "pg_restore could not restore $dump into a new database"
OUDERSTEM_LANG=nl "$bin" report --db "$restored" --out "$work/report-restored" >/dev/null ||
    fail "the report of the restored database failed for its role (are the tables the role's?)"
cmp -s "$work"/report-live/*.md "$work"/report-restored/*.md ||
    fail "the report of the restored database differs from the live one: $(diff "$work"/report-live/*.md "$work"/report-restored/*.md | head -5)"
grep -Eq '^[1-9][0-9]* van de 30 ouders op de lijst hebben geantwoord' "$work"/report-restored/*.md ||
    fail "the report of the restored database holds no responses"
[ "$("$bin" status --db "$live")" = "$("$bin" status --db "$restored")" ] ||
    fail "ouderstem status of the restored database differs from the live one"
# New answers after the restore: the ids continue (pg_dump carries the identity sequences) and the role owns
# the tables. A family that has not answered yet sends the paper form.
responses=$(sql "SELECT count(*) FROM response" "$superuser/${role}_restored")
family=$(sql "SELECT id FROM respondent WHERE id NOT IN (SELECT respondent_id FROM response WHERE respondent_id IS NOT NULL) ORDER BY id LIMIT 1" "$superuser/${role}_restored")
"$bin" enter --db "$restored" --respondent "$family" --method paper_home --entered-by check < Surveys/demo/entry-paper.txt >/dev/null ||
    fail "the restored database did not take a new response"
[ "$(sql "SELECT count(*) FROM response" "$superuser/${role}_restored")" = $((responses + 1)) ] ||
    fail "the new response in the restored database was not saved"
echo "backup script on PostgreSQL: a checked pg_dump, kept the newest 2 dumps and the SQLite copy; an unreachable server and a database without Ouderstem's tables failed and deleted nothing. It said: $said"
echo "restore on PostgreSQL: pg_restore into a new database gave the same status and report ($responses responses) and took a new one."
