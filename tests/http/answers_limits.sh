# PUT /api/v1/answers/{no} past a text field's limit (32,000 UTF-16 code
# units): 400 naming the item and the field. Until now it took 32,767
# characters, and GET /api/v1/answers/export then answered 500.
. tests/http/lib.sh
export SHINSA_NOW=2026-05-01T09:00:00Z
"$SHINSA" init >/dev/null
"$SHINSA" org add --kind connector --name 接続先A >/dev/null
add_user 接続先A admin@a.test admin
start_server
rep() { python3 -c 'import sys; sys.stdout.write(sys.argv[1] * int(sys.argv[2]))' "$1" "$2"; }
item3() { "$SHINSA" answers show --org 接続先A --json | jq -c '.items[2] | del(.revision)'; }
EMPTY='{"no":3,"status":null,"current":"","issues":"","plan":"","plan_due":null,"notes":""}'

login admin@a.test
api PUT /api/v1/answers/3 "{\"status\":\"partial\",\"current\":\"$(rep x 32767)\"}"
eq "32,767 characters refused" "$code $body" \
	'400 {"error":{"code":"bad_request","message":"item 3: current is longer than 32000 characters","problems":[{"cell":"","code":"too_long","args":["current","32000"]}]}}'
api PUT /api/v1/answers/3 "{\"plan\":\"$(rep 😀 16001)\"}"
eq "U+1F600 counts two" "$code $body" \
	'400 {"error":{"code":"bad_request","message":"item 3: plan is longer than 32000 characters","problems":[{"cell":"","code":"too_long","args":["plan","32000"]}]}}'
eq "nothing written" "$(item3)" "$EMPTY"

api PUT /api/v1/answers/3 "{\"status\":\"partial\",\"current\":\"$(rep x 32000)\",\"plan\":\"$(rep 😀 16000)\",\"plan_due\":\"2026-09-30\"}"
eq "32,000 accepted" "$code $(jq -c '[.status, (.current, .plan | length)]' "$T/b")" '200 ["partial",32000,16000]'
api GET /api/v1/answers/export
cp "$T/b" "$T/a.xlsx"
eq "and exported" "$code $(header Content-Type)" "200 application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
"$SHINSA" answers set --org 接続先A --item 3 --status "" --current "" --plan "" --plan-due "" >/dev/null
run "$SHINSA" answers import "$T/a.xlsx" --org 接続先A
eq "the download imports back" "$rc $(item3 | jq -c '[.status, (.current, .plan | length), .plan_due]')" \
	'0 ["partial",32000,16000,"2026-09-30"]'

# Text an earlier version saved up to 32,767 characters: read as it is, and
# the export refuses it by item and field, never a 500 (nothing written).
sqlite3 "$SHINSA_DB" "UPDATE answer SET issues = printf('%.32767c', 'y')"
no=$("$SHINSA" answers show --org 接続先A --json | jq '.items[] | select((.issues | length) == 32767) | .no')
eq "saved before the limit: still read whole" "$no" "3"
LEGACY='item 3: issues is longer than 32000 characters (saved before this limit): shorten it'
api GET /api/v1/answers/export
eq "its export: 409 naming the item and field" "$code $body" "409 {\"error\":{\"code\":\"conflict\",\"message\":\"$LEGACY\"}}"
fails "and on the command line" 1 "shinsa: $LEGACY" "$SHINSA" answers export --org 接続先A -o "$T/legacy.xlsx"
eq "no file, no event" "$(ls "$T" | grep -c legacy) $("$SHINSA" audit list --org 接続先A --json | jq '[.[] | select(.action == "answers_export")] | length')" "0 1"
stop_server
finish
