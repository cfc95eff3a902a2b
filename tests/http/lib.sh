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

# Accounts and signing in. One cookie jar per email under $T; the last
# `login` (or `as`) is the identity `api` uses.
#   add_user ORG EMAIL ROLE      a user with password $TEST_PASSWORD
#   login EMAIL [PASSWORD [TOTP]] POST /api/v1/session; sets $code/$body,
#                                 and on 200 $CSRF and the current identity
#   as EMAIL                      switch to an identity signed in before
#   api METHOD PATH [JSON]        req as the current identity, with the
#                                 CSRF header and JSON body if given
#   bearer TOKEN METHOD PATH [JSON]  req with Authorization: Bearer TOKEN
TEST_PASSWORD='correct horse battery staple'
add_user() {
	printf '%s\n' "$TEST_PASSWORD" | "$SHINSA" user add --org "$1" --email "$2" --role "$3" --password-stdin >/dev/null ||
		{ echo "add_user $*: failed"; exit 1; }
}

login() {
	rm -f "$T/jar.$1"
	if [ -n "${3:-}" ]; then
		data=$(jq -cn --arg e "$1" --arg p "${2:-$TEST_PASSWORD}" --arg t "$3" '{email: $e, password: $p, totp: $t}')
	else
		data=$(jq -cn --arg e "$1" --arg p "${2:-$TEST_PASSWORD}" '{email: $e, password: $p}')
	fi
	req -c "$T/jar.$1" -H 'Content-Type: application/json' -d "$data" "$URL/api/v1/session"
	if [ "$code" = 200 ]; then
		jq -r .csrf_token "$T/b" >"$T/csrf.$1"
		as "$1"
	fi
}

as() {
	WHO=$1
	CSRF=$(cat "$T/csrf.$1")
}

api() {
	m=$1 p=$2
	if [ $# -ge 3 ]; then
		req -b "$T/jar.$WHO" -c "$T/jar.$WHO" -X "$m" -H "X-CSRF-Token: $CSRF" -H 'Content-Type: application/json' \
			--data-binary "$3" "$URL$p"
	else
		req -b "$T/jar.$WHO" -c "$T/jar.$WHO" -X "$m" -H "X-CSRF-Token: $CSRF" "$URL$p"
	fi
}

bearer() {
	t=$1 m=$2 p=$3
	if [ $# -ge 4 ]; then
		req -X "$m" -H "Authorization: Bearer $t" -H 'Content-Type: application/json' --data-binary "$4" "$URL$p"
	else
		req -X "$m" -H "Authorization: Bearer $t" "$URL$p"
	fi
}

# The fixture most tests start from, after `shinsa init`:
#   seed_orgs CODE...        adds, in the order given, each of A (connector
#                            接続先A), B (connector 接続先B), X (bank X銀行) and
#                            Y (bank Y銀行); $A $B $X $Y are those names
#   answer_all ORG [PREFIX]  ORG answers items 1-38 and 44 implemented, the
#                            current state "PREFIX<n>" (PREFIX: A社の回答), so
#                            that it can submit
#   fresh_orgs CODE...       `shinsa init` on 2026-04-01 09:00 UTC, then seed_orgs
#   submit_share ORG BANK... ORG submits (submission 1), shared with each BANK
A=接続先A B=接続先B X=X銀行 Y=Y銀行
seed_orgs() {
	for _org in "$@"; do
		case $_org in
		A) set -- connector "$A" ;;
		B) set -- connector "$B" ;;
		X) set -- bank "$X" ;;
		Y) set -- bank "$Y" ;;
		*) echo "seed_orgs: no organisation $_org"; exit 1 ;;
		esac
		"$SHINSA" org add --kind "$1" --name "$2" >/dev/null || { echo "seed_orgs: adding $2 failed"; exit 1; }
	done
}

# The new database most tests start from (SHINSA_NOW exported).
fresh_orgs() {
	export SHINSA_NOW=2026-04-01T09:00:00Z
	"$SHINSA" init >/dev/null || { echo "fresh_orgs: init failed"; exit 1; }
	seed_orgs "$@"
}

submit_share() {
	_from=$1
	shift
	"$SHINSA" submit --org "$_from" >/dev/null || { echo "submit_share: $_from's submit failed"; exit 1; }
	for _bank in "$@"; do
		"$SHINSA" share add 1 --bank "$_bank" >/dev/null || { echo "submit_share: sharing with $_bank failed"; exit 1; }
	done
}

answer_all() {
	for n in $(seq 1 38) 44; do
		"$SHINSA" answers set --org "$1" --item "$n" --status implemented --current "${2-A社の回答}${n}" >/dev/null ||
			{ echo "answer_all $1: item $n failed"; exit 1; }
	done
}

# problems_of MESSAGE (as JSON-escaped in a golden): the "problems" the API
# adds to a refusal whose rule every page words (docs/api.md, Errors):
# "X is required" and "X is empty" (required [X]), "X is longer than N
# characters" (too_long [X, N]), no bank "NAME" (no_bank [NAME]); nothing
# for any other message.
problems_of() {
	case $1 in
	*' is required') printf ',"problems":[{"cell":"","code":"required","args":["%s"]}]' "${1% is required}" ;;
	*' is empty') printf ',"problems":[{"cell":"","code":"required","args":["%s"]}]' "${1% is empty}" ;;
	*' is longer than '*' characters')
		n=${1##* is longer than }
		printf ',"problems":[{"cell":"","code":"too_long","args":["%s","%s"]}]' "${1%% is longer than *}" "${n% characters}" ;;
	'no bank \"'*'\"')
		n=${1#no bank \\\"}
		printf ',"problems":[{"cell":"","code":"no_bank","args":["%s"]}]' "${n%\\\"}" ;;
	# The refusals a page words by their codes (web/i18n/LANG-refusal.json).
	'your role ('*') may not do this')
		n=${1#your role (}
		printf ',"problems":[{"cell":"","code":"role","args":["%s"]}]' "${n%%)*}" ;;
	'unknown field \"'*)
		n=${1#unknown field \\\"}
		printf ',"problems":[{"cell":"","code":"unknown_field","args":["%s"]}]' "${n%%\\\"*}" ;;
	'the request body '*) printf ',"problems":[{"cell":"","code":"bad_body","args":[]}]' ;;
	*' must be a string' | *' must be a string or null' | *' must be true or false' | *' must be true or false or null' | \
		*' must be a whole number' | *' must be a whole number or null' | *' must be an array' | \
		*' must be an array or null' | *' must be an object' | *' must be an object or null')
		printf ',"problems":[{"cell":"","code":"wrong_type","args":["%s"]}]' "${1%% must be *}" ;;
	'review of submission '*' is decided')
		n=${1#review of submission }
		printf ',"problems":[{"cell":"","code":"review_decided","args":["%s"]}]' "${n%% *}" ;;
	'review of submission '*' has a decision awaiting approval' | 'a decision of submission '*' is awaiting approval')
		n=${1#*of submission }
		printf ',"problems":[{"cell":"","code":"awaiting_approval","args":["%s"]}]' "${n%% *}" ;;
	'a rejection needs a reason: say what to change') printf ',"problems":[{"cell":"","code":"reason_required","args":[]}]' ;;
	'you drafted this decision: another approver must '*' it')
		n=${1#*must }
		printf ',"problems":[{"cell":"","code":"own_draft","args":["%s"]}]' "${n% it}" ;;
	'no notification '*) printf ',"problems":[{"cell":"","code":"no_notification","args":["%s"]}]' "${1#no notification }" ;;
	'give ids, all or submission' | 'give one of ids, all or submission' | 'all must be true' | \
		'ids must be notification numbers' | 'bank goes with submission' | 'ids holds more than '*)
		printf ',"problems":[{"cell":"","code":"notification_ids","args":[]}]' ;;
	# The refusals of a request a page's script sent wrongly (LANG-request.json).
	'nothing to set'* | 'nothing to change'*) printf ',"problems":[{"cell":"","code":"nothing_to_set","args":[]}]' ;;
	'bank is required: say whose review'*) printf ',"problems":[{"cell":"","code":"bank_required","args":[]}]' ;;
	'give text or comment, not both') printf ',"problems":[{"cell":"","code":"text_or_comment","args":[]}]' ;;
	*' has no question \"'*)
		n=${1#* has no question \\\"}
		printf ',"problems":[{"cell":"","code":"no_question","args":["%s","%s"]}]' "${1%% has no question *}" "${n%\\\"}" ;;
	esac
}
