# shinsa serve: the HTTP server's machinery, driven with curl.
. tests/http/lib.sh
export SHINSA_NOW=2026-04-01T09:00:00Z

"$SHINSA" init >/dev/null || { echo "init failed"; exit 1; }
# The schema version the database has (not a number written here, so a new
# migration does not break this test).
SCHEMA=$(sqlite3 "$SHINSA_DB" "SELECT max(version) FROM schema_migration")

fails "serve: a bad --listen" 2 'shinsa: serve: --listen wants HOST:PORT (e.g. 127.0.0.1:8080), got "8080" (usage: shinsa serve [--listen HOST:PORT] [--threads N] [--timeout S] [--max-connections N] [--max-connections-per-address N] [--head-timeout S] [--body-timeout S] [--body-min-rate BYTES] [--upload-memory MIB] [--secure-cookies] [--trusted-proxy ADDR]...)' \
	"$SHINSA" serve --listen 8080
fails "serve: a bad port" 2 'shinsa: serve: --listen wants HOST:PORT (e.g. 127.0.0.1:8080), got "127.0.0.1:65536" (usage: shinsa serve [--listen HOST:PORT] [--threads N] [--timeout S] [--max-connections N] [--max-connections-per-address N] [--head-timeout S] [--body-timeout S] [--body-min-rate BYTES] [--upload-memory MIB] [--secure-cookies] [--trusted-proxy ADDR]...)' \
	"$SHINSA" serve --listen 127.0.0.1:65536
fails "serve: a bad --threads" 2 'shinsa: serve: --threads wants a whole number from 1 to 256, got "0" (usage: shinsa serve [--listen HOST:PORT] [--threads N] [--timeout S] [--max-connections N] [--max-connections-per-address N] [--head-timeout S] [--body-timeout S] [--body-min-rate BYTES] [--upload-memory MIB] [--secure-cookies] [--trusted-proxy ADDR]...)' \
	"$SHINSA" serve --threads 0
fails "serve: no database" 1 "shinsa: database $T/none.db does not exist (run shinsa init)" \
	"$SHINSA" serve --db "$T/none.db" --listen 127.0.0.1:0

start_server
eq "the first line is the URL" "$(head -n 1 "$T/serve.out")" "listening on http://127.0.0.1:$PORT"
case $PORT in 0 | *[!0-9]*) not_ok "port 0 picks a real port" "$PORT" ;; *) ok "port 0 picks a real port" ;; esac
fails "a second server on the same port" 1 "shinsa: cannot listen on 127.0.0.1:$PORT: Address already in use" \
	"$SHINSA" serve --listen "127.0.0.1:$PORT"

req "$URL/healthz"
eq "healthz" "$code $body" "200 {\"status\":\"ok\",\"schema\":$SCHEMA}"
eq "healthz: JSON" "$(header Content-Type)" "application/json"
eq "security headers on 200" "$(security_headers)" "$SECURITY_HEADERS"
id=$(header X-Request-Id)
case $id in ????????????????) ok "a request id" ;; *) not_ok "a request id" "$id" ;; esac

# The log line of that request: exactly these fields, the same id.
line=$(log_for "$id")
eq "log line fields" "$(echo "$line" | jq -c 'keys_unsorted')" '["time","request_id","remote","method","path","status","bytes","ms"]'
eq "log line values" "$(echo "$line" | jq -c '[.time, .remote, .method, .path, .status, .bytes, (.ms | type)]')" \
	"[\"2026-04-01T09:00:00Z\",\"127.0.0.1\",\"GET\",\"/healthz\",200,$(wc -c <"$T/b"),\"number\"]"
# Nothing a secret could be in: no query, no credentials, no cookies.
req -H "Authorization: Bearer s3cr3t-token" -H "Cookie: session=s3cr3t-cookie" "$URL/healthz?token=s3cr3t-query"
line=$(log_for "$(header X-Request-Id)")
eq "the query is not logged" "$(echo "$line" | jq -r .path)" "/healthz"
eq "no secret in the log" "$(grep -c s3cr3t "$T/serve.err")" 0

req -I "$URL/healthz" # curl -I writes the headers where the body would go
eq "HEAD: the headers, no body" "$code $(header Content-Length) $(cmp -s "$T/b" "$T/h" && echo no-body)" \
	"200 $(printf '{"status":"ok","schema":%s}' "$SCHEMA" | wc -c) no-body"

req "$URL/nope"
eq "404" "$code $body" '404 {"error":{"code":"not_found","message":"no such path"}}'
eq "security headers on 404" "$(security_headers)" "$SECURITY_HEADERS"
req -X DELETE "$URL/healthz"
eq "405" "$code $body" '405 {"error":{"code":"method_not_allowed","message":"method DELETE is not allowed here (allowed: GET, HEAD)"}}'
eq "405: Allow" "$(header Allow)" "GET, HEAD"
eq "security headers on 405" "$(security_headers)" "$SECURITY_HEADERS"
req "$URL/api/v1/catalogs/x%zz"
eq "bad percent-encoding" "$code $body" '400 {"error":{"code":"bad_request","message":"the path has bad percent-encoding"}}'
req "$URL/api/v1/catalogs/x%00y"
eq "a NUL in the path" "$code $body" '400 {"error":{"code":"bad_request","message":"the path has a NUL byte"}}'
req "$URL/healthz?a=%ff"
eq "a query that is not UTF-8" "$code $body" '400 {"error":{"code":"bad_request","message":"the query has bytes that are not UTF-8"}}'

# Bodies over the limit (1 MiB).
head -c 2097152 /dev/zero >"$T/2m"
too_large='413 {"error":{"code":"payload_too_large","message":"the request body is larger than 1048576 bytes","problems":[{"cell":"","code":"body_too_large","args":["1048576"]}]}}'
req -X GET --data-binary @"$T/2m" "$URL/healthz"
eq "413 for a large body" "$code $body" "$too_large"
eq "security headers on 413" "$(security_headers)" "$SECURITY_HEADERS"
req -X GET -H 'Expect:' --data-binary @"$T/2m" "$URL/healthz"
eq "413 without Expect: 100-continue" "$code $body" "$too_large"
# A client already sending gets its answer, not a reset: the body is read
# and dropped first (here under the route's 20 MiB, refused for who sends it).
for i in 1 2 3; do
	req -X POST -H 'Expect:' -H 'Content-Type: application/octet-stream' --data-binary @"$T/2m" "$URL/api/v1/answers/import"
	eq "an early 401 with a body on its way ($i)" "$code $body" '401 {"error":{"code":"unauthorized","message":"not signed in"}}'
done
# From the headers alone: 1 GiB announced, not a byte of it sent.
printf 'GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 1073741824\r\n\r\n' >"$T/reqhead"
got=$(timeout 5 sh -c "cat '$T/reqhead' - | curl -s --max-time 4 telnet://127.0.0.1:$PORT" 2>/dev/null </dev/null | head -n 1 | tr -d '\r')
eq "413 from Content-Length alone" "$got" "HTTP/1.1 413 Content Too Large"
req -X GET -H 'Transfer-Encoding: chunked' --data-binary @"$T/2m" "$URL/healthz"
eq "413 for a chunked body that grows past the limit" "$code $body" "$too_large"
head -c 20971520 /dev/zero >"$T/20m"
curl -s -o /dev/null -D "$T/h" -X GET -H 'Expect:' -H 'Transfer-Encoding: chunked' --data-binary @"$T/20m" "$URL/healthz"
eq "a chunked body far past the limit: connection closed" "$([ $? -ne 0 ] && echo "no answer") $(cat "$T/h")" "no answer "
eq "and logged" "$(grep '"note"' "$T/serve.err" | tail -n 1 | jq -c '[.status, .note]')" \
	'[0,"body over 1048576 bytes and still coming: connection closed"]'
req "$URL/healthz"
eq "the server carries on" "$code" 200
req -H "X-Big: $(head -c 70000 /dev/zero | tr '\0' a)" "$URL/healthz"
eq "headers over 64 KiB: 431 (from libmicrohttpd)" "$code" 431
req "$URL/healthz"
eq "and carries on" "$code" 200

# The catalogs: what the CLI prints with --json, to any signed-in user.
req "$URL/api/v1/catalogs"
eq "catalogs need a signed-in user" "$code $body" '401 {"error":{"code":"unauthorized","message":"not signed in"}}'
"$SHINSA" org add --kind bank --name 閲覧銀行 >/dev/null
add_user 閲覧銀行 viewer@bank.test viewer
login viewer@bank.test
api GET /api/v1/catalogs
eq "GET /api/v1/catalogs" "$code $(jq -c . "$T/b")" "200 $("$SHINSA" catalog list --json | jq -c .)"
eq "catalogs: cache" "$(header Cache-Control)" "no-store"
for id in api-checklist-2018-08 bank-criteria-sample; do
	api GET "/api/v1/catalogs/$id"
	eq "GET /api/v1/catalogs/$id" "$code $(jq -c . "$T/b")" "200 $("$SHINSA" catalog show "$id" --json | jq -c .)"
done
api GET /api/v1/catalogs/nope
eq "an unknown catalog" "$code $body" '404 {"error":{"code":"not_found","message":"no catalog \"nope\""}}'

req "$URL/api/v1/openapi.json"
cmp -s "$T/b" web/openapi.json && ok "the OpenAPI document, as kept in the repository" || not_ok "the OpenAPI document, as kept in the repository"
eq "OpenAPI 3.1" "$(jq -r .openapi "$T/b")" "3.1.0"

# The database gone: 503; back: 200.
mv "$SHINSA_DB" "$T/moved.db"
req "$URL/healthz"
eq "healthz without the database: no path in the answer" "$code $body" \
	'503 {"error":{"code":"unavailable","message":"the database is not available"}}'
eq "healthz without the database: the reason in the log" "$(log_for "$(header X-Request-Id)" | jq -r .note)" \
	"database $SHINSA_DB does not exist (run shinsa init)"
mv "$T/moved.db" "$SHINSA_DB"
req "$URL/healthz"
eq "healthz with it back" "$code" 200

# Graceful stop: a request in flight (a slow upload) finishes, new
# connections are refused at once, exit 0.
head -c 200000 /dev/zero >"$T/200k"
curl -s -o "$T/slow" -w '%{http_code}' -X GET -H 'Expect:' --limit-rate 100K --data-binary @"$T/200k" "$URL/healthz" >"$T/slow.code" &
slow=$!
sleep 0.7
kill -TERM "$SERVER_PID"
sleep 0.3
curl -s -o /dev/null --max-time 2 "$URL/healthz"
eq "after SIGTERM new connections are refused" "$?" 7
wait "$slow"
eq "the request in flight finished" "$(cat "$T/slow.code") $(cat "$T/slow")" "200 {\"status\":\"ok\",\"schema\":$SCHEMA}"
wait "$SERVER_PID"
eq "SIGTERM: exit 0" "$?" 0
SERVER_PID=
eq "the stop is logged" "$(grep '"event"' "$T/serve.err" | jq -r .event | tail -n 2 | tr '\n' ' ')" "stop stopped "
eq "the log is JSON throughout" "$(jq -c . "$T/serve.err" >/dev/null 2>&1 && echo yes)" yes

# Idle connections close after --timeout seconds; SIGINT stops too.
start_server --timeout 1 --threads 1
start=$(date +%s)
got=$(timeout 10 curl -s telnet://127.0.0.1:$PORT </dev/null; echo "rc=$?")
eq "an idle connection is closed by the server" "$got" "rc=0"
[ $(($(date +%s) - start)) -le 4 ] && ok "within the timeout" || not_ok "within the timeout"
kill -INT "$SERVER_PID"
wait "$SERVER_PID"
eq "SIGINT: exit 0" "$?" 0
SERVER_PID=

finish
