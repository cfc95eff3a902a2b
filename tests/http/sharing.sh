# Submissions and consent over HTTP: submit (refused with every problem,
# then stored), list, show, diff, share, the bank's inbox and read (recorded
# and audited), revoke, expiry with the clock moved, and the CLI agreeing.
. tests/http/lib.sh
fresh_orgs A X Y
add_user "$A" editor@a.test editor
add_user X銀行 reader@x.test viewer
add_user Y銀行 reader@y.test viewer
for n in $(seq 1 38); do
	"$SHINSA" answers set --org "$A" --item "$n" --status implemented --current "A社の回答${n}" >/dev/null
done
start_server

login editor@a.test
api POST /api/v1/submissions
eq "submit refuses with every problem" "$code $body" \
	'422 {"error":{"code":"incomplete","message":"1 problem to fix","details":["item 44: no status"]}}'
"$SHINSA" answers set --org "$A" --item 44 --status not_applicable --notes "対象外" >/dev/null
api POST /api/v1/submissions '{"catalog":"nope"}'
eq "submit: an unknown checklist" "$code $body" \
	'404 {"error":{"code":"not_found","message":"no catalog \"nope\""}}'
api POST /api/v1/submissions '{"org":"x"}'
eq "submit: an unknown field" "$code $body" '400 {"error":{"code":"bad_request","message":"unknown field \"org\" (allowed: catalog)","problems":[{"cell":"","code":"unknown_field","args":["org"]}]}}'
api POST /api/v1/submissions
SHA1=$(sqlite3 "$SHINSA_DB" "SELECT sha256 FROM submission WHERE id = 1")
eq "submit" "$code $body $(header Location)" \
	"201 {\"id\":1,\"version\":1,\"sha256\":\"$SHA1\",\"submitted_at\":\"2026-04-01T09:00:00Z\"} /api/v1/submissions/1"
eq "submit is audited with the user" "$("$SHINSA" audit list --json | jq -r '.[0] | [.actor, .action, .object] | join(" ")')" \
	"editor@a.test submission_create submission:1"
api GET /api/v1/submissions
eq "list" "$code $body" "200 $("$SHINSA" submission list --org "$A" --json | jq -c .)"
api GET /api/v1/submissions/1
eq "show: the CLI's shape" "$code $body" "200 $("$SHINSA" submission show 1 --json | jq -c .)"
api GET /api/v1/submissions/2
eq "show: none" "$code $body" '404 {"error":{"code":"not_found","message":"no submission 2"}}'
api GET /api/v1/submissions/01
eq "show: not an id" "$code $body" '404 {"error":{"code":"not_found","message":"no submission \"01\""}}'
"$SHINSA" answers set --org "$A" --item 3 --current "変更後" >/dev/null
api GET /api/v1/submissions/1/diff/working
eq "diff with the working answers" "$code $body" "200 $("$SHINSA" diff 1 working --json | jq -c .)"
api GET /api/v1/submissions/1/diff/7
eq "diff: none" "$code $body" '404 {"error":{"code":"not_found","message":"no submission 7"}}'

# Sharing.
api POST /api/v1/submissions/1/shares '{"bank":"Z銀行"}'
eq "share: no such bank" "$code $body" '400 {"error":{"code":"bad_request","message":"no bank \"Z銀行\"","problems":[{"cell":"","code":"no_bank","args":["Z銀行"]}]}}'
api POST /api/v1/submissions/1/shares "{\"bank\":\"$A\"}"
eq "share: a connector is no bank" "$code $body" "400 {\"error\":{\"code\":\"bad_request\",\"message\":\"no bank \\\"$A\\\"\",\"problems\":[{\"cell\":\"\",\"code\":\"no_bank\",\"args\":[\"$A\"]}]}}"
api POST /api/v1/submissions/1/shares '{"bank":"X銀行","expires":"2026-03-01"}'
eq "share: a past expiry" "$code $body" \
	'400 {"error":{"code":"bad_request","message":"expiry \"2026-03-01\" is in the past (it is now 2026-04-01T09:00:00Z)"}}'
api POST /api/v1/submissions/1/shares '{"bank":"X銀行","expires":20260501}'
eq "share: expires is text" "$code $body" '400 {"error":{"code":"bad_request","message":"expires must be a string or null","problems":[{"cell":"","code":"wrong_type","args":["expires"]}]}}'
api POST /api/v1/submissions/1/shares '{"bank":null}'
eq "share: a null bank is not a string" "$code $body" '400 {"error":{"code":"bad_request","message":"bank must be a string","problems":[{"cell":"","code":"wrong_type","args":["bank"]}]}}'
api POST /api/v1/submissions/1/shares '{}'
eq "share: bank is required" "$code $body" '400 {"error":{"code":"bad_request","message":"bank is required","problems":[{"cell":"","code":"required","args":["bank"]}]}}'
api POST /api/v1/submissions/9/shares '{"bank":"X銀行"}'
eq "share: no such submission" "$code $body" '404 {"error":{"code":"not_found","message":"no submission 9"}}'
api POST /api/v1/submissions/1/shares '{"bank":"X銀行","expires":"2026-04-30"}'
eq "share" "$code $body" '201 {"id":1,"submission":1,"version":1,"bank":"X銀行","created_by":"editor@a.test","created_at":"2026-04-01T09:00:00Z","expires_at":"2026-05-01T00:00:00Z","revoked_at":null,"in_force":true,"accesses":[]}'
api POST /api/v1/submissions/1/shares '{"bank":"X銀行"}'
eq "share: one in force" "$code $body" '409 {"error":{"code":"conflict","message":"submission 1 is already shared with X銀行 (share 1)","problems":[{"cell":"","code":"already_shared","args":["X銀行","1","1"]}]}}'

# The bank: inbox and read.
login reader@x.test
api GET /api/v1/inbox
eq "inbox" "$code $body" "200 [{\"share\":1,\"submission\":1,\"connector\":\"$A\",\"version\":1,\"sha256\":\"$SHA1\",\"shared_at\":\"2026-04-01T09:00:00Z\",\"expires_at\":\"2026-05-01T00:00:00Z\"}]"
api GET /api/v1/submissions/1
eq "the bank reads it" "$code $body" "200 $("$SHINSA" submission show 1 --json | jq -c .)"
login reader@y.test
api GET /api/v1/inbox
eq "another bank's inbox is empty" "$code $body" "200 []"
api GET /api/v1/submissions/1
eq "another bank gets 404" "$code $body" '404 {"error":{"code":"not_found","message":"no submission 1"}}'
eq "the read is audited in the connector's trail" "$("$SHINSA" audit list --org "$A" --json | jq -c '[.[] | select(.action == "submission_read") | [.actor, .object, .details]]')" \
	'[["reader@x.test","submission:1","{\"bank\":\"X銀行\",\"share\":1}"]]'
as editor@a.test
api GET /api/v1/shares
eq "the share list shows the read" "$code $(echo "$body" | jq -c '[.[] | [.id, .in_force, .accesses]]')" \
	'200 [[1,true,[{"user":"reader@x.test","at":"2026-04-01T09:00:00Z"}]]]'
run "$SHINSA" share list --org "$A"
eq "so does the CLI" "$out" "share 1: submission 1 (version 1) with X銀行, shared 2026-04-01T09:00:00Z by editor@a.test, until 2026-05-01T00:00:00Z: in force
  read by reader@x.test at 2026-04-01T09:00:00Z"

# Expiry: the clock moved past the end of 2026-04-30.
stop_server
SHINSA_NOW=2026-05-01T00:00:00Z start_server
login reader@x.test
api GET /api/v1/submissions/1
eq "after expiry: 404" "$code $body" '404 {"error":{"code":"not_found","message":"no submission 1"}}'
api GET /api/v1/inbox
eq "after expiry: the inbox is empty" "$code $body" "200 []"
login editor@a.test
api GET /api/v1/shares
eq "after expiry: out of force" "$code $(echo "$body" | jq -c '[.[] | [.id, .in_force, (.accesses | length)]]')" '200 [[1,false,1]]'
api POST /api/v1/submissions/1/shares '{"bank":"X銀行"}'
eq "shared again" "$code $(echo "$body" | jq -c '[.id, .expires_at]')" '201 [2,null]'

# Revoking.
api DELETE /api/v1/submissions/1/shares/9
eq "revoke: none" "$code $body" '404 {"error":{"code":"not_found","message":"no share 9"}}'
api DELETE /api/v1/submissions/2/shares/2
eq "revoke: another submission's share" "$code $body" '404 {"error":{"code":"not_found","message":"no share 2"}}'
as reader@x.test
api GET /api/v1/submissions/1
eq "shared again: the bank reads it" "$code" 200
as editor@a.test
api DELETE /api/v1/submissions/1/shares/2
eq "revoke" "$code $body" '200 {"id":2,"revoked_at":"2026-05-01T00:00:00Z"}'
api DELETE /api/v1/submissions/1/shares/2
eq "revoke twice" "$code $body" '409 {"error":{"code":"conflict","message":"share 2 is already revoked","problems":[{"cell":"","code":"already_revoked","args":["2"]}]}}'
as reader@x.test
api GET /api/v1/submissions/1
eq "after revoke: 404" "$code $body" '404 {"error":{"code":"not_found","message":"no submission 1"}}'
eq "the trail: share, read, revoke" "$("$SHINSA" audit list --org "$A" --json | jq -c '[reverse[] | select(.action | test("share|read")) | [.actor, .action, .object]]')" \
	'[["editor@a.test","share_create","share:1"],["reader@x.test","submission_read","submission:1"],["editor@a.test","share_create","share:2"],["reader@x.test","submission_read","submission:1"],["editor@a.test","share_revoke","share:2"]]'
run "$SHINSA" audit verify
eq "the trail holds" "$rc" 0
stop_server
finish
