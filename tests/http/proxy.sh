# shinsa serve --trusted-proxy: the client's address behind a TLS proxy,
# from X-Forwarded-For, believed from trusted peers only; what the log
# says; sign-in throttling per forwarded address and per IPv6 /64.
. tests/http/lib.sh
export SHINSA_NOW=2026-04-01T09:00:00Z
"$SHINSA" init >/dev/null || { echo "init failed"; exit 1; }
"$SHINSA" org add --kind connector --name 接続先A >/dev/null
add_user 接続先A admin@a.test admin

USAGE='(usage: shinsa serve [--listen HOST:PORT] [--threads N] [--timeout S] [--max-connections N] [--max-connections-per-address N] [--head-timeout S] [--body-timeout S] [--body-min-rate BYTES] [--upload-memory MIB] [--secure-cookies] [--trusted-proxy ADDR]...)'
fails "a name is not an address" 2 "shinsa: serve: --trusted-proxy wants IPv4 or IPv6 addresses, got \"proxy.local\" $USAGE" \
	"$SHINSA" serve --trusted-proxy proxy.local
fails "no networks, only addresses" 2 "shinsa: serve: --trusted-proxy wants IPv4 or IPv6 addresses, got \"10.0.0.0/8\" $USAGE" \
	"$SHINSA" serve --trusted-proxy 127.0.0.1,10.0.0.0/8
fails "an empty entry" 2 "shinsa: serve: --trusted-proxy wants IPv4 or IPv6 addresses, got \"\" $USAGE" \
	"$SHINSA" serve --trusted-proxy=127.0.0.1,
fails "no value" 2 "shinsa: serve: option --trusted-proxy needs a value $USAGE" \
	"$SHINSA" serve --trusted-proxy

# The log line of the last response, through jq filter $1.
logged() {
	log_for "$(header X-Request-Id)" | jq -c "$1"
}

# Repeated and comma-separated: both count.
start_server --trusted-proxy 127.0.0.1 --trusted-proxy=10.0.0.1,2001:db8::10
eq "the trusted proxies are in the start line" "$(jq -r 'select(.event == "start") | .message' "$T/serve.err" | sed 's/.*bytes)//')" \
	'; X-Forwarded-For trusted from 127.0.0.1, 10.0.0.1, 2001:db8::10'

req -H 'X-Forwarded-For: 198.51.100.7' "$URL/healthz"
eq "a trusted proxy's client: remote, and the proxy as peer" "$code $(logged '[.remote, .peer, .note]')" \
	'200 ["198.51.100.7","127.0.0.1",null]'
eq "log fields with a peer" "$(logged keys_unsorted)" \
	'["time","request_id","remote","peer","method","path","status","bytes","ms"]'
req -H 'X-Forwarded-For: 203.0.113.9, 198.51.100.7' "$URL/healthz"
eq "what the client wrote left of the proxy's entry counts for nothing" "$(logged '[.remote, .peer]')" \
	'["198.51.100.7","127.0.0.1"]'
req -H 'X-Forwarded-For: 198.51.100.7 ,	10.0.0.1, 2001:db8::10' "$URL/healthz"
eq "trusted hops are skipped, spaces and tabs ignored" "$(logged '[.remote, .peer]')" '["198.51.100.7","127.0.0.1"]'
req -H 'X-Forwarded-For: 10.0.0.1' "$URL/healthz"
eq "all hops trusted: the left-most" "$(logged '[.remote, .peer]')" '["10.0.0.1","127.0.0.1"]'
req -H 'X-Forwarded-For: 203.0.113.9' -H 'X-Forwarded-For: 198.51.100.7' "$URL/healthz"
eq "two headers are one list: the client's own first header is not the answer" "$(logged '[.remote, .peer]')" \
	'["198.51.100.7","127.0.0.1"]'
req -H 'X-Forwarded-For: 2001:DB8:0:0:0::7' "$URL/healthz"
eq "IPv6, in canonical text" "$(logged .remote)" '"2001:db8::7"'
req -H 'X-Forwarded-For: ::ffff:198.51.100.7' "$URL/healthz"
eq "IPv4-mapped IPv6 is the IPv4 address" "$(logged .remote)" '"198.51.100.7"'
req -H 'X-Forwarded-For: garbage, 198.51.100.7' "$URL/healthz"
eq "garbage left of the client is not read" "$(logged '[.remote, .note]')" '["198.51.100.7",null]'

MALFORMED='X-Forwarded-For from the trusted proxy is not a list of IP addresses: client taken to be the proxy'
for bad in 'proxy.local' '198.51.100.7:443' '[2001:db8::7]' '198.51.100.7,' 'fe80::1%eth0' 'garbage, 10.0.0.1'; do
	req -H "X-Forwarded-For: $bad" "$URL/healthz"
	eq "malformed \"$bad\": the peer, and a note" "$code $(logged '[.remote, .peer, .note]')" "200 [\"127.0.0.1\",null,\"$MALFORMED\"]"
done
req -H 'X-Forwarded-For;' "$URL/healthz" # curl's way to send it empty
eq "an empty header: the peer, and a note" "$code $(logged '[.remote, .peer, .note]')" "200 [\"127.0.0.1\",null,\"$MALFORMED\"]"
req "$URL/healthz"
eq "no header from a trusted proxy: the peer, and a note" "$(logged '[.remote, .peer, .note]')" \
	'["127.0.0.1",null,"no X-Forwarded-For from the trusted proxy: client taken to be the proxy"]'
mv "$SHINSA_DB" "$T/moved.db"
req -H 'X-Forwarded-For: x' "$URL/healthz"
eq "the proxy's note and the handler's, in one" "$code $(logged .note)" \
	"503 \"$MALFORMED; database $SHINSA_DB does not exist (run shinsa init)\""
mv "$T/moved.db" "$SHINSA_DB"

# Throttling counts the forwarded address: twenty failures from one lock
# that one, not another behind the same proxy.
signin() { # FORWARDED-FOR EMAIL [PASSWORD]
	data=$(jq -cn --arg e "$2" --arg p "${3:-$TEST_PASSWORD}" '{email: $e, password: $p}')
	req -H "X-Forwarded-For: $1" -H 'Content-Type: application/json' -d "$data" "$URL/api/v1/session"
}
i=0
while [ $i -lt 20 ]; do
	signin 198.51.100.7 "nobody$i@a.test"
	i=$((i + 1))
done
eq "the twentieth failure is still only a failure" "$code" 401
signin 198.51.100.7 admin@a.test
eq "then the address is locked" "$code $(jq -r .error.code "$T/b")" "429 too_many_attempts"
signin 198.51.100.8 admin@a.test
eq "another address behind the same proxy is not" "$code" 200
eq "the audit trail has the client's address" \
	"$("$SHINSA" audit list --json | jq -c '[.[] | select(.action == "login")][0].details | fromjson')" \
	'{"remote":"198.51.100.8"}'

# IPv6: one /64 is one address; a client rotating inside it stays locked.
i=0
while [ $i -lt 20 ]; do
	signin "2001:db8:1:2::$(printf %x $((i + 1)))" "nobody$i@a.test"
	i=$((i + 1))
done
signin 2001:db8:1:2:ffff:ffff:ffff:fffe admin@a.test
eq "another address in the same /64 is locked" "$code $(jq -r .error.code "$T/b")" "429 too_many_attempts"
signin 2001:db8:1:3::1 admin@a.test
eq "the next /64 is not" "$code" 200
stop_server

# An untrusted peer: X-Forwarded-For is ignored, silently.
start_server --trusted-proxy 192.0.2.1
req -H 'X-Forwarded-For: 198.51.100.7' "$URL/healthz"
eq "from an untrusted peer the header is ignored" "$(logged '[.remote, .peer, .note]')" '["127.0.0.1",null,null]'
signin 198.51.100.7 admin@a.test
eq "and throttling counts the peer: 127.0.0.1 never failed" "$code" 200
stop_server
start_server
req -H 'X-Forwarded-For: 198.51.100.7' "$URL/healthz"
eq "without --trusted-proxy the header is ignored" "$(logged '[.remote, .peer, .note]')" '["127.0.0.1",null,null]'
stop_server

finish
