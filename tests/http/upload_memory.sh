# The server's upload memory (web/server.h, shinsa serve --upload-memory):
# request bodies are held in memory until their handler runs, so at most so
# many MiB of them at once. A body that would take more is answered 503
# server_busy with Retry-After, before it is read; once the other upload
# ends its memory is given back. The package route takes at most 256 MiB
# over the web (larger packages: shinsa submission receive).
. tests/http/lib.sh
X=X銀行
"$SHINSA" init >/dev/null || exit 1
"$SHINSA" org add --kind bank --name "$X" >/dev/null
printf '%s\n' "$TEST_PASSWORD" | "$SHINSA" user add --org "$X" --email rev@x.test --role reviewer --password-stdin >/dev/null
TOKEN=$("$SHINSA" token create --user rev@x.test | tail -n 1)

fails "--upload-memory below the largest route's limit" 2 \
	"shinsa: serve: --upload-memory must be at least 256 (MiB): the largest upload a route takes (usage: shinsa serve [--listen HOST:PORT] [--threads N] [--timeout S] [--max-connections N] [--max-connections-per-address N] [--head-timeout S] [--body-timeout S] [--body-min-rate BYTES] [--upload-memory MIB] [--secure-cookies] [--trusted-proxy ADDR]...)" \
	"$SHINSA" serve --listen 127.0.0.1:0 --upload-memory 255

start_server --upload-memory 256
# One client starts a 200 MiB package and sends it slowly; a second asks to
# send 100 MiB (Expect: 100-continue, as curl does for large bodies): 503 at
# once, its body never read. A plain GET is answered meanwhile. Then the
# first gives up; a third upload fits again (and is refused for what it is).
got=$(python3 - "$PORT" "$TOKEN" <<'PY'
import socket, sys, time
port, token = int(sys.argv[1]), sys.argv[2]
def head(n, expect=False):
    return ("POST /api/v1/inbox/packages?name=big.zip HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer %s\r\n"
            "Content-Type: application/zip\r\nContent-Length: %d\r\n%s\r\n" % (token, n, "Expect: 100-continue\r\n" if expect else "")).encode()
def answer(s):
    s.settimeout(10)
    data = b""
    while b"\r\n\r\n" not in data:
        data += s.recv(65536)
    h, _, body = data.partition(b"\r\n\r\n")
    lines = h.decode().split("\r\n")
    length = int(next((l.split(":", 1)[1] for l in lines if l.lower().startswith("content-length:")), "0"))
    while len(body) < length:
        body += s.recv(65536)
    retry = next((l.split(":", 1)[1].strip() for l in lines if l.lower().startswith("retry-after:")), "-")
    return "%s|%s|%s" % (lines[0].split(" ")[1], retry, body.decode())
first = socket.create_connection(("127.0.0.1", port))
first.sendall(head(200 << 20) + b"PK" * 512)
time.sleep(0.5)
second = socket.create_connection(("127.0.0.1", port))
second.sendall(head(100 << 20, expect=True))
print(answer(second))
second.close()
get = socket.create_connection(("127.0.0.1", port))
get.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
print(answer(get).split("|")[0])
get.close()
first.close()
time.sleep(0.5)
third = socket.create_connection(("127.0.0.1", port))
third.sendall(head(10) + b"not a zip!")
print(answer(third).split("|", 2)[2])
third.close()
PY
)
eq "a body over the upload memory: 503 at once, the others answered, then room again" "$got" \
	'503|5|{"error":{"code":"server_busy","message":"the server is receiving other uploads (256 MiB at once): try again in a moment","problems":[{"cell":"","code":"server_busy","args":["256"]}]}}
200
{"error":{"code":"bad_request","message":"big.zip: not a package: that is the zip shinsa submission export writes (FILE.zip)","problems":[{"cell":"big.zip","code":"not_a_package","args":[]}]}}'
stop_server
eq "the server stopped cleanly" "$server_rc" 0
finish
