# POST /api/v1/inbox/packages: a package exported on another server (a
# second database here) received by a bank's reviewer, as shinsa
# submission receive does; then in the bank's inbox and readable as any
# shared submission. Refusals with their exact problems; nothing written.
. tests/http/lib.sh
export SHINSA_NOW=2026-04-01T09:00:00Z
MK=$(dirname "$SHINSA")/tests/mkpackage
[ -x "$MK" ] || { echo "not ok - $MK is not built (make $MK)"; exit 1; }
C=株式会社フィンテック
fp() { python3 -c 'import sys,hashlib; h=hashlib.sha256(bytes.fromhex(sys.argv[1])).hexdigest()[:16]; print(" ".join(h[i:i+4] for i in range(0,16,4)))' "$1"; }
# The connector's own server: database 1.
(
	export SHINSA_DB=$T/1.db
	"$SHINSA" init >/dev/null
	"$SHINSA" org add --kind connector --name "$C" >/dev/null
	answer_all "$C"
	"$SHINSA" submit --org "$C" >/dev/null
	"$SHINSA" submission export 1 -o "$T/p1.zip" >/dev/null
)
SHA=$(unzip -p "$T/p1.zip" submission.json | jq -r .sha256) FP=$(fp "$(unzip -p "$T/p1.zip" submission.json | jq -r .public_key)")
# The bank's server.
"$SHINSA" init >/dev/null
seed_orgs X
add_user "$X" rev@x.test reviewer
CAT=$("$SHINSA" catalog show api-checklist-2018-08 --json | jq -r .sha256)
MKPACKAGE_CATALOG_SHA256=$CAT MKPACKAGE_VERSION=2 "$MK" "$T/p2.zip" || exit 1
FP2=$(fp "$(unzip -p "$T/p2.zip" submission.json | jq -r .public_key)")
start_server
login rev@x.test
# send FILE [NAME]: the zip as the body.
send() {
	req -b "$T/jar.$WHO" -X POST -H "X-CSRF-Token: $CSRF" -H 'Content-Type: application/zip' \
		--data-binary "@$1" "$URL/api/v1/inbox/packages${2:+?name=$2}"
}

printf 'PK\003\004 cut short' >"$T/cut.zip"
send "$T/cut.zip" cut.zip
eq "a zip cut short: the reader's message" "$code $body" \
	'400 {"error":{"code":"bad_request","message":"cut.zip: not verified: a zip cut short: not a package","problems":[{"cell":"cut.zip","code":"package_failed","args":["a zip cut short: not a package"]}]}}'
send "$T/p1.zip"
eq "received: the connector new here, its key pinned" "$code $body" \
	"201 {\"submission\":1,\"version\":1,\"connector\":\"$C\",\"fingerprint\":\"$FP\",\"pinned\":true,\"files\":0,\"sha256\":\"$SHA\"}"
send "$T/p1.zip" p1.zip
eq "the same package again" "$code $body" \
	"409 {\"error\":{\"code\":\"conflict\",\"message\":\"p1.zip: already received for $X: submission 1\",\"problems\":[{\"cell\":\"p1.zip\",\"code\":\"already_received\",\"args\":[\"$X\",\"1\"]}]}}"
send "$T/p2.zip" p2.zip
eq "another key: refused, naming both fingerprints" "$code $body" \
	"409 {\"error\":{\"code\":\"conflict\",\"message\":\"p2.zip: signed by key $FP2, but the key pinned for $C is $FP: if $C has a new key, compare it with what $C published, then run shinsa org pin\",\"problems\":[{\"cell\":\"p2.zip\",\"code\":\"key_not_pinned\",\"args\":[\"$C\",\"$FP2\",\"$FP\"]}]}}"
eq "nothing written by the refusals" "$(sqlite3 "$SHINSA_DB" 'SELECT count(*) FROM submission; SELECT count(*) FROM share' | tr '\n' ' ')" "1 1 "
api GET /api/v1/inbox
eq "in the bank's inbox" "$code $(echo "$body" | jq -c '[.[] | [.submission, .connector, .version]]')" "200 [[1,\"$C\",1]]"
api GET /api/v1/submissions/1
eq "readable as any shared submission" "$code $(echo "$body" | jq -c '[.sha256, .signature_valid]')" "200 [\"$SHA\",true]"
eq "audited" "$("$SHINSA" audit list --json | jq -c '[reverse[] | select(.action == "submission_receive") | [.actor, .object, (.details | fromjson | .fingerprint)]]')" \
	"[[\"rev@x.test\",\"submission:1\",\"$FP\"]]"
stop_server
finish
