#!/usr/bin/env bash
# Checks the files in deploy/ the way a server would read them (run by `make test`):
#   1. nginx -t on the site, with a throw-away self-signed certificate and every path in a temporary folder;
#   2. nginx for real in front of two `ouderstem serve` instances: pages through HTTPS, X-Forwarded-For
#      believed, a form post still answered while one instance is stopped, and no post lost while
#      ouderstem-rolling-update restarts both;
#   3. systemd-analyze verify on the units (any warning fails), pointed at the built binary, and
#      systemd-analyze security: the hardening scores at most 2.0 ("OK");
#   4. the nightly backup script: a checked copy, retention of N copies, nothing deleted when it fails.
# The restore test (backup while `serve` takes forms, restore, the same report) is a Swift test:
# Tests/OuderstemTests/BackupRestoreTests.swift, run by `swift test`.
# OUDERSTEM_BIN points at another binary (default .build/debug/ouderstem).
set -euo pipefail
cd "$(dirname "$0")/.."
deploy=$PWD/deploy
bin=$(realpath "${OUDERSTEM_BIN:-.build/debug/ouderstem}")
[ -x "$bin" ] || { echo "deploy/check.sh: no ouderstem binary at $bin; build first (swift build)." >&2; exit 1; }
work=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}" $(cat "$work"/pid-* 2>/dev/null); do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
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
# The unit's ExecStart (continuation lines joined), with this machine's binary, database and ports.
exec_start=$(sed -n '/^ExecStart=/,/[^\\]$/p' "$deploy/systemd/ouderstem@.service" | sed 's/^ExecStart=//; s/\\$//' | tr -s ' \n' ' ')
start_instance() {  # name port
    local command=${exec_start//\/usr\/local\/bin\/ouderstem/$bin}
    command=${command//\/var\/lib\/ouderstem\/ouderstem.sqlite/$db}
    command=${command//\/opt\/ouderstem\/Surveys/$PWD/Surveys}
    command=${command//\$\{OUDERSTEM_PORT\}/$2}
    command=${command//%i/$1}
    eval "exec $command" >>"$work/serve-$1.log" 2>&1 &
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
    echo "systemd-analyze verify: ouderstem@.service, ouderstem-backup.service and .timer are valid ($(systemd-analyze --version | head -1))."
    # The hardening, scored by systemd itself (0 best, 10 worst; --threshold is in tenths): both units are
    # at 1.1-1.7 ("OK"); without their hardening lines the server scored 5.3.
    for unit in ouderstem@a.service ouderstem-backup.service; do
        exposure=$(cd "$units" && systemd-analyze security --offline=yes --threshold=20 "./$unit" 2>&1) ||
            fail "systemd-analyze security: $unit is exposed more than 2.0: $(tail -1 <<<"$exposure")"
        echo "systemd-analyze security: $(tail -1 <<<"$exposure" | sed 's/^→ //')"
    done
else
    echo "systemd-analyze is not installed here: the systemd units were NOT verified."
fi

# 4. The nightly backup script ---------------------------------------------------------------------------
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
