#!/bin/sh
# Benchmark: the HTTP API under load, against nginx serving the same JSON.
#
#   bench/http_bench.sh SHINSA [SECONDS]      (run by `make bench`)
#
# On a scratch database: one connector with every connector item answered,
# a user and an API token. wrk (Debian) on loopback drives, for SECONDS
# each (default 10), 2 threads and 16 connections:
#   read   GET /api/v1/answers            (sign-in check, database read, JSON)
#   write  PUT /api/v1/answers/1          (a different note each time: the
#                                          answer and its audit event in one
#                                          transaction, fsync'd by SQLite)
#   peer   nginx serving the bytes of that same GET as a static file
# and prints requests/s, the 50/90/99th latency percentiles and the ratio to
# nginx. wrk, the server and nginx share the machine's cores, as they would
# on one host. Not a test: it asserts nothing about time.
set -eu
SHINSA=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
SECS=${2:-10}
T=$(mktemp -d /tmp/shinsa-bench-http-XXXXXX)
SERVER_PID= NGINX_PID=
cleanup() {
	[ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null
	[ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null
	wait 2>/dev/null
	rm -rf "$T"
}
trap cleanup EXIT INT TERM
export SHINSA_DB="$T/shinsa.db" SHINSA_SECRET_FILE="$T/secret.key"
unset SHINSA_NOW

C=ベンチ接続先株式会社
"$SHINSA" init >/dev/null
"$SHINSA" org add --kind connector --name "$C" >/dev/null
for n in $(seq 1 38) 44; do
	"$SHINSA" answers set --org "$C" --item "$n" --status implemented \
		--current "規程第${n}条に基づき対応済み。年1回、内部監査で運用状況を確認している。" >/dev/null
done
printf 'bench password 123\n' | "$SHINSA" user add --org "$C" --email bench@connector.test --role editor \
	--password-stdin >/dev/null
TOKEN=$("$SHINSA" token create --user bench@connector.test --name bench | tail -n 1)

"$SHINSA" serve --listen 127.0.0.1:0 >"$T/serve.out" 2>/dev/null &
SERVER_PID=$!
i=0
until [ -s "$T/serve.out" ] || [ $i -ge 100 ]; do sleep 0.1; i=$((i + 1)); done
URL=$(sed -n '1s/^listening on //p' "$T/serve.out")
[ -n "$URL" ] || { echo "shinsa serve did not start" >&2; exit 1; }

# The peer serves exactly the bytes shinsa answers.
mkdir -p "$T/www/api/v1" "$T/nginx"
curl -sf -H "Authorization: Bearer $TOKEN" "$URL/api/v1/answers" >"$T/www/api/v1/answers"
chmod -R a+rX "$T"
cat >"$T/nginx/nginx.conf" <<EOF
worker_processes 2;
daemon off;
pid $T/nginx/nginx.pid;
error_log $T/nginx/error.log;
events { worker_connections 1024; }
http {
	access_log off;
	client_body_temp_path $T/nginx;
	server {
		listen 127.0.0.1:0;
		location = /api/v1/answers { root $T/www; default_type application/json; }
	}
}
EOF
# nginx cannot pick a free port: try a few above 20000.
PEER=
for port in 28461 28473 28489 28497 28513; do
	sed -i "s/listen 127.0.0.1:[0-9]*;/listen 127.0.0.1:$port;/" "$T/nginx/nginx.conf"
	nginx -p "$T/nginx" -c "$T/nginx/nginx.conf" 2>/dev/null &
	NGINX_PID=$!
	sleep 0.5
	if curl -sf "http://127.0.0.1:$port/api/v1/answers" -o "$T/peer.json" 2>/dev/null; then
		PEER=http://127.0.0.1:$port
		break
	fi
	kill "$NGINX_PID" 2>/dev/null || true
	NGINX_PID=
done
[ -n "$PEER" ] || { echo "nginx did not start" >&2; exit 1; }
cmp -s "$T/peer.json" "$T/www/api/v1/answers" || { echo "nginx serves other bytes" >&2; exit 1; }

cat >"$T/put.lua" <<EOF
local n = 0
request = function()
	n = n + 1
	return wrk.format("PUT", "/api/v1/answers/1",
		{ ["Authorization"] = "Bearer $TOKEN", ["Content-Type"] = "application/json" },
		'{"notes":"ベンチマーク ' .. n .. '"}')
end
EOF

# run NAME ARGS...: one wrk run; prints "NAME req/s p50 p90 p99" (ms).
run() {
	name=$1
	shift
	wrk -t2 -c16 -d"${SECS}s" --latency "$@" >"$T/wrk.$name"
	awk -v name="$name" '
		function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
		/^ +50%/ { p50 = ms($2) } /^ +90%/ { p90 = ms($2) } /^ +99%/ { p99 = ms($2) }
		/^Requests\/sec:/ { rps = $2 }
		/Non-2xx/ { bad = $NF }
		END { printf "%s %s %s %s %s %s\n", name, rps, p50, p90, p99, bad ? bad : 0 }' "$T/wrk.$name"
}

echo "shinsa serve vs nginx $(nginx -v 2>&1 | sed 's/.*\///'), wrk 2 threads, 16 connections, ${SECS} s each"
echo "GET body: $(wc -c <"$T/www/api/v1/answers") bytes"
{
	run nginx "$PEER/api/v1/answers"
	run read -H "Authorization: Bearer $TOKEN" "$URL/api/v1/answers"
	run write -s "$T/put.lua" "$URL/api/v1/answers/1"
} >"$T/results"
awk '
	BEGIN { printf "%-7s %10s %8s %8s %8s %9s %8s\n", "target", "req/s", "p50 ms", "p90 ms", "p99 ms", "non-2xx", "vs nginx" }
	$1 == "nginx" { peer = $2 }
	{ printf "%-7s %10.0f %8.2f %8.2f %8.2f %9d %7.3fx\n", $1, $2, $3, $4, $5, $6, $2 / peer }' "$T/results"
