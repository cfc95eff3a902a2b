# What one hostile or unlucky client can do to the server, and what it must
# not: many query arguments, a crowd of slow connections, a request head or
# body trickled in (the guard: src/web/conn_guard.h).
. tests/http/lib.sh
export SHINSA_NOW=2026-04-01T09:00:00Z
SLOW="python3 tests/http/slow_clients.py"

"$SHINSA" init >/dev/null || { echo "init failed"; exit 1; }

fails "serve: a bad --max-connections-per-address" 2 'shinsa: serve: --max-connections-per-address wants a whole number from 1 to 100000, got "0" (usage: shinsa serve [--listen HOST:PORT] [--threads N] [--timeout S] [--max-connections N] [--max-connections-per-address N] [--head-timeout S] [--body-timeout S] [--body-min-rate BYTES] [--upload-memory MIB] [--secure-cookies] [--trusted-proxy ADDR]...)' \
	"$SHINSA" serve --max-connections-per-address 0
fails "serve: a bad --head-timeout" 2 'shinsa: serve: --head-timeout wants a whole number from 1 to 3600, got "x" (usage: shinsa serve [--listen HOST:PORT] [--threads N] [--timeout S] [--max-connections N] [--max-connections-per-address N] [--head-timeout S] [--body-timeout S] [--body-min-rate BYTES] [--upload-memory MIB] [--secure-cookies] [--trusted-proxy ADDR]...)' \
	"$SHINSA" serve --head-timeout x

# The defaults.
start_server
eq "the start line says the limits" "$(head -n 1 "$T/serve.err" | jq -r .message)" \
	"listening on $URL (4 threads, timeout 30 s, at most 1024 connections, 32 per address; request head within 20 s, body within 20 s + 1 s per 500 bytes)"

# Query arguments: past 32 a 400, at once, however many (libmicrohttpd alone
# left about 980 and more unanswered until the idle timeout).
TOO_MANY='400 {"error":{"code":"bad_request","message":"too many query arguments (at most 32)"}}'
args() { python3 -c "import sys; print('&'.join(['a'] * int(sys.argv[1])))" "$1"; }
req "$URL/login?$(args 32)"
eq "32 query arguments" "$code" "200"
req -m 3 "$URL/login?$(args 33)"
eq "33 query arguments" "$code $body" "$TOO_MANY"
req -m 3 "$URL/login?$(args 1000)"
eq "1,000 query arguments: answered at once" "$code $body" "$TOO_MANY"
req -m 3 "$URL/login?$(args 10000)"
eq "10,000 query arguments: answered at once" "$code $body" "$TOO_MANY"
req -m 3 "$URL/api/v1/answers?$(args 10000)"
eq "10,000 query arguments on a signed-in route, unauthenticated" "$code $body" "$TOO_MANY"
req -m 3 "$URL/login?a=1&&b=2&"
eq "empty arguments count as libmicrohttpd splits them" "$code" "200"

# 5,000 such requests: every one answered, and memory flat. The bound is
# generous (the leak was 1.5 KB a request, 7.7 MB over 5,000); a sanitizer
# build keeps freed memory in quarantine, so there only the answers count
# (and LeakSanitizer checks the frees when the server stops).
rss() { sed -n 's/^VmRSS:[^0-9]*\([0-9]*\) kB/\1/p' "/proc/$SERVER_PID/status"; }
before=$(rss)
answered=$(python3 - "$PORT" <<'EOF'
import socket, sys
port = int(sys.argv[1])
q = "&".join(["a"] * 1000).encode()
n = 0
for i in range(5000):
    s = socket.create_connection(("127.0.0.1", port), timeout=5)
    s.sendall(b"GET /login?" + q + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    data = b""
    while True:
        chunk = s.recv(65536)
        if not chunk:
            break
        data += chunk
    s.close()
    n += data.startswith(b"HTTP/1.1 400 ")
print(n)
EOF
)
after=$(rss)
eq "5,000 requests of 1,000 arguments: every one answered 400" "$answered" "5000"
case $SHINSA in
*/asan/*) ok "memory (not measured under the sanitizers)" ;;
*) if [ $((after - before)) -lt 2048 ]; then ok "memory flat over 5,000 requests (+$((after - before)) kB)"
   else not_ok "memory flat over 5,000 requests" "VmRSS $before kB before, $after kB after"; fi ;;
esac

# A crowd of 300 connections sending their heads slowly, all from one
# address: 32 stay (the cap), and a client from another address is answered
# at once. Before the guard, they took every connection for 45 s.
$SLOW crowd "$PORT" 300 127.0.0.2 >"$T/crowd"
eq "300 slow connections from one address" "$(cat "$T/crowd")" "open 32
answered HTTP/1.1 200 OK
within_1s yes"
# Logged as a count a tick (0.25 s), not a line per connection.
eq "the refusals are logged, counted" \
	"$(grep '"event":"guard"' "$T/serve.err" | jq -r .message | sed -n 's/^refused \([0-9]*\) connections over the cap of 32 per address (the last from 127.0.0.2)$/\1/p' | awk '{ n += $1 } END { print n }')" \
	"268"
# An office behind one NAT address: 32 browsers' spare connections, idle
# after their answers, fill the cap; one more from that address is answered,
# and the longest-idle spare is closed to make room (one, not all).
$SLOW office "$PORT" 32 127.0.0.6 >"$T/office"
eq "an office's idle connections make room for a new one" "$(cat "$T/office")" "answered HTTP/1.1 200 OK
closed 1"
# 300 from 20 addresses, 15 each: under the cap, and the server still has
# room for everyone else.
addrs=$(python3 -c "print(','.join('127.0.0.%d' % i for i in range(10, 30)))")
$SLOW crowd "$PORT" 300 "$addrs" >"$T/crowd"
eq "300 slow connections from 20 addresses" "$(cat "$T/crowd")" "open 300
answered HTTP/1.1 200 OK
within_1s yes"
stop_server
eq "stops cleanly after all that" "$server_rc $(tail -n 1 "$T/serve.err" | jq -r .message)" "0 stopped cleanly"

# A trusted proxy's address is not capped: all its clients come from it.
start_server --max-connections-per-address 4 --trusted-proxy 127.0.0.3
$SLOW crowd "$PORT" 10 127.0.0.3 >"$T/crowd"
eq "a trusted proxy is not capped" "$(head -n 1 "$T/crowd")" "open 10"
$SLOW crowd "$PORT" 10 127.0.0.4 >"$T/crowd"
eq "--max-connections-per-address 4" "$(head -n 1 "$T/crowd")" "open 4"
stop_server

# Deadlines, short here: a head or a body trickled in is cut off once its
# time is up (the reaper looks every 0.25 s), and one in time is answered.
start_server --head-timeout 2 --body-timeout 2 --body-min-rate 1000
took=$($SLOW trickle "$PORT" head)
case $took in
"closed "[2-5].*) ok "a head trickled in: closed after 2 s ($took)" ;;
*) not_ok "a head trickled in: closed after 2 s" "$took" ;;
esac
took=$($SLOW trickle "$PORT" body)
case $took in
"closed "[2-5].*) ok "a body trickled in: closed after 2 s + 1 s per 1000 bytes ($took)" ;;
*) not_ok "a body trickled in: closed after 2 s + 1 s per 1000 bytes" "$took" ;;
esac
eq "each is logged" "$(grep '"event":"guard"' "$T/serve.err" | jq -r .message)" \
	"closed a connection from 127.0.0.1: no whole request head in time
closed a connection from 127.0.0.1: request body too slow"
# A kept-alive connection idle for less than the deadline, then a request:
# answered, twice.
got=$(python3 - "$PORT" <<'EOF'
import socket, sys, time
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=5)
out = []
for i in range(2):
    time.sleep(1)
    s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
    out.append(s.recv(4096).split(b"\r\n", 1)[0].decode())
print(" | ".join(out))
EOF
)
eq "a kept-alive connection within its deadlines" "$got" "HTTP/1.1 200 OK | HTTP/1.1 200 OK"
# Idle after its answer past the head deadline: closed, as the end of a
# kept-alive connection is, and not logged as a slow client.
got=$(python3 - "$PORT" <<'EOF'
import socket, sys, time
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=10)
s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
first = s.recv(4096).split(b"\r\n", 1)[0].decode()
start = time.monotonic()
closed = s.recv(4096) == b""
print(first, "closed" if closed and time.monotonic() - start < 8 else "open")
EOF
)
eq "an idle kept-alive connection is closed" "$got" "HTTP/1.1 200 OK closed"
eq "and not logged" "$(grep -c '"event":"guard"' "$T/serve.err")" "2"
stop_server

finish
