# Shared by the HTTP tests: sourced, not run. Builds on tests/cli/lib.sh (ok,
# eq, run, fails, finish, $T and a fresh $SHINSA_DB) and adds a server:
#   start_server [ARGS...]   runs `shinsa serve --listen 127.0.0.1:0 ARGS` in
#                            the background, waits for its first line and
#                            sets $URL, $PORT and $SERVER_PID; its stdout and
#                            stderr go to $T/serve.out and $T/serve.err
#   stop_server              SIGTERM, waits, sets $server_rc
#   req ARGS...              curl -s with the response headers in $T/h and the
#                            body in $T/b; sets $code (000: no answer)
# The server is killed when the test exits, whatever happens.
. tests/cli/lib.sh
SERVER_PID=
trap '[ -n "$SERVER_PID" ] && kill -KILL "$SERVER_PID" 2>/dev/null; rm -rf "$T"' EXIT

start_server() {
	rm -f "$T/serve.out" "$T/serve.err"
	"$SHINSA" serve --listen 127.0.0.1:0 "$@" >"$T/serve.out" 2>"$T/serve.err" &
	SERVER_PID=$!
	i=0
	# Sanitizer builds start slowly: up to 20 s.
	until [ -s "$T/serve.out" ] || [ $i -ge 200 ]; do sleep 0.1; i=$((i + 1)); done
	URL=$(sed -n '1s/^listening on //p' "$T/serve.out")
	PORT=${URL##*:}
	[ -n "$URL" ] || { echo "the server did not start:"; cat "$T/serve.err"; exit 1; }
}

stop_server() {
	kill -TERM "$SERVER_PID"
	wait "$SERVER_PID"
	server_rc=$?
	SERVER_PID=
}

req() {
	code=$(curl -s -o "$T/b" -D "$T/h" -w '%{http_code}' "$@")
	body=$(cat "$T/b")
}

# The value of response header NAME in $T/h (last one wins), without the CR.
header() {
	grep -i "^$1:" "$T/h" | tail -n 1 | sed 's/^[^:]*: //' | tr -d '\r'
}

# The security headers every response must carry, as "Name: value" lines.
security_headers() {
	grep -i -e '^Content-Security-Policy:' -e '^X-Content-Type-Options:' -e '^Referrer-Policy:' \
		-e '^X-Frame-Options:' -e '^Cache-Control:' "$T/h" | tr -d '\r'
}
SECURITY_HEADERS="Content-Security-Policy: default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'
X-Content-Type-Options: nosniff
Referrer-Policy: no-referrer
X-Frame-Options: DENY
Cache-Control: no-store"

# The server's log line for request id $1 (it is written once the response
# is out, so it may come a moment after curl has it): waits up to 5 s.
log_for() {
	i=0
	while ! grep -q "\"request_id\":\"$1\"" "$T/serve.err" && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
	grep "\"request_id\":\"$1\"" "$T/serve.err"
}
