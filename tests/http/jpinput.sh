# Input as people in Japan type it (issue 17 items 2 and 3): a share
# chosen as 株式会社X銀行 for X銀行 with an era expiry, and a day that
# does not exist refused with its code.
. tests/http/lib.sh
export SHINSA_NOW=2026-04-01T09:00:00Z
"$SHINSA" init >/dev/null
seed_orgs A X Y
add_user "$A" editor@a.test editor
for n in $(seq 1 38); do
	"$SHINSA" answers set --org "$A" --item "$n" --status implemented --current "回答${n}" >/dev/null
done
"$SHINSA" answers set --org "$A" --item 44 --status not_applicable --notes "対象外" >/dev/null
start_server
login editor@a.test
api POST /api/v1/submissions
api POST /api/v1/submissions/1/shares '{"bank":"株式会社Ｘ銀行","expires":"令和8年5月31日"}'
eq "share: 株式会社Ｘ銀行 finds X銀行, 令和8年5月31日 is read" "$code $body" \
	'201 {"id":1,"submission":1,"version":1,"bank":"X銀行","created_by":"editor@a.test","created_at":"2026-04-01T09:00:00Z","expires_at":"2026-06-01T00:00:00Z","revoked_at":null,"in_force":true,"accesses":[]}'
api POST /api/v1/submissions/1/shares '{"bank":"ｙ銀行 株式会社","expires":"2026-02-30"}'
eq "share: a day that does not exist" "$code $body" \
	'400 {"error":{"code":"bad_request","message":"expiry: 2026-02-30 is not a day","problems":[{"cell":"","code":"not_a_day","args":["2026-02-30"]}]}}'
api POST /api/v1/submissions/1/shares '{"bank":"株式会社Z銀行"}'
eq "share: still no bank for a name that matches none" "$code $body" '400 {"error":{"code":"bad_request","message":"no bank \"株式会社Z銀行\"","problems":[{"cell":"","code":"no_bank","args":["株式会社Z銀行"]}]}}'
stop_server
finish
