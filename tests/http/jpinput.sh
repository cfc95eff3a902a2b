# Input as people in Japan type it (issue 17 items 2 and 3): a share
# chosen as 株式会社X銀行 for X銀行 with an era expiry, and a day that
# does not exist refused with its code; a plan's due and its milestones
# as 令和9年7月31日, R9.7.31 and full-width digits, a bank's required date
# likewise; a criterion mapped to items typed 「２、３」 and 「２〜５」; each
# refusal with its code and values; the audit trail's days as typed.
. tests/http/lib.sh
fresh_orgs A X Y
add_user "$A" editor@a.test editor
add_user "$X" reviewer@x.test reviewer
add_user "$A" admin@a.test admin
for n in $(seq 1 38); do
	"$SHINSA" answers set --org "$A" --item "$n" --status implemented --current "回答${n}" >/dev/null
done
"$SHINSA" answers set --org "$A" --item 44 --status not_applicable --notes "対象外" >/dev/null
# Item 3 partial, due as typed on the command line: plan 1.
"$SHINSA" answers set --org "$A" --item 3 --status partial --issues 課題 --plan 計画 --plan-due 令和8年9月30日 >/dev/null
"$SHINSA" criteria import catalog/sources/000_facbf1237c5cd287.txt --org "$X" --format text >/dev/null 2>&1
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

# A plan's due and milestones as typed in Japan, stored as YYYY-MM-DD.
api PUT /api/v1/plans/1 '{"due":"令和9年7月31日"}'
eq "plan due: 令和9年7月31日" "$code $(echo "$body" | jq -c '[.due, .history[-1].detail]')" \
	'200 ["2027-07-31","2026-09-30 → 2027-07-31"]'
api PUT /api/v1/plans/1 '{"due":"R9.7.30"}'
eq "plan due: R9.7.30" "$code $(echo "$body" | jq -c '.due')" '200 "2027-07-30"'
api PUT /api/v1/plans/1 '{"due":"Ｒ９．７．３１"}'
eq "plan due: full-width Ｒ９．７．３１" "$code $(echo "$body" | jq -c '.due')" '200 "2027-07-31"'
api PUT /api/v1/plans/1 '{"milestones":[{"title":"規程案の作成","due":"令和9年5月1日","done_at":"R9.4.30"},{"title":"取締役会承認","due":"２０２７／６／１５","done_at":null},{"title":"周知","due":"令和元年5月1日"}]}'
eq "milestones: era and full-width dates" "$code $(echo "$body" | jq -c '.milestones')" \
	'200 [{"title":"規程案の作成","due":"2027-05-01","done_at":"2027-04-30"},{"title":"取締役会承認","due":"2027-06-15","done_at":null},{"title":"周知","due":"2019-05-01","done_at":null}]'

# The refusals, each with its code and values for the page's words.
refused() { # WHAT PATH BODY MESSAGE PROBLEMS
	api PUT "$2" "$3"
	eq "$1" "$code $body" "400 {\"error\":{\"code\":\"bad_request\",\"message\":$(printf '%s' "$4" | jq -Rs .),\"problems\":$5}}"
}
refused "plan due: 令和9年2月30日 is no day" /api/v1/plans/1 '{"due":"令和9年2月30日"}' \
	'due: 令和9年2月30日 (2027-02-30) is not a day' '[{"cell":"","code":"not_a_day","args":["令和9年2月30日 (2027-02-30)"]}]'
refused "milestone due: not in 平成" /api/v1/plans/1 '{"milestones":[{"title":"a","due":"平成31年5月1日"}]}' \
	'milestone 1: due: "平成31年5月1日" is not in 平成' '[{"cell":"","code":"not_in_era","args":["平成31年5月1日","平成"]}]'
refused "milestone done_at: not a date" /api/v1/plans/1 '{"milestones":[{"title":"a"},{"title":"b","done_at":"来月"}]}' \
	'milestone 2: done_at: "来月" is not a date (want 2027-07-31, 2027/7/31, 2027年7月31日 or 令和9年7月31日)' \
	'[{"cell":"","code":"not_a_date","args":["来月"]}]'
api GET /api/v1/plans/1
eq "the refusals changed nothing" "$(echo "$body" | jq -c '[.due, [.milestones[].due]]')" \
	'["2027-07-31",["2027-05-01","2027-06-15","2019-05-01"]]'

# The bank's required date and its criteria mapped to items as typed.
login reviewer@x.test
api PUT /api/v1/plans/1/required '{"due":"令和9年6月30日"}'
eq "required date: 令和9年6月30日" "$code $(echo "$body" | jq -c '[.required, .history[-1].detail]')" \
	'200 ["2027-06-30","X銀行: 2027-06-30"]'
api PUT '/api/v1/criteria/(1)-10/mapping' '{"relation":"intersects","items_text":"２、３"}'
eq "items typed ２、３" "$code $body" \
	'200 {"key":"(1)-10","no":10,"section":"(1)業務に関して取得する利用者に関する情報の適正な取扱い及び安全管理のために行うべき措置","category":"情報・セキュリティ管理態勢","text":"セキュリティ管理態勢が整備されていることを客観的に証明する","damaged":false,"relation":"intersects","items":[2,3],"note":"セキュリティ体制を客観的に示す資料を求める基準で、対応する項目はない。最も近いのは 3.3.1 d（第三者認証）による通番2・3","note_en":"objective proof of the security set-up; nearest are items 2/3 via 3.3.1 d (certifications)","changed_by":"reviewer@x.test","changed_at":"2026-04-01T09:00:00Z"}'
api PUT '/api/v1/criteria/(1)-10/mapping' '{"relation":"intersects","items_text":"２〜５"}'
eq "items typed ２〜５" "$code $(echo "$body" | jq -c '.items')" '200 [2,3,4,5]'
api PUT '/api/v1/criteria/(1)-10/mapping' '{"relation":"intersects","items_text":"１・３、７～９"}'
eq "items typed １・３、７～９" "$code $(echo "$body" | jq -c '.items')" '200 [1,3,7,8,9]'
M='/api/v1/criteria/(1)-10/mapping'
refused "items: a range backwards" "$M" '{"relation":"intersects","items_text":"５〜２"}' \
	'items: the range 5〜2 runs backwards' '[{"cell":"","code":"range_backwards","args":["5","2"]}]'
refused "items: not a list" "$M" '{"relation":"intersects","items_text":"2、a"}' \
	'items: "2、a" is not a list of numbers (want 2、3 or 2〜5)' '[{"cell":"","code":"not_a_list","args":["2、a"]}]'
refused "items: more than 1000" "$M" '{"relation":"intersects","items_text":"1〜2000"}' \
	'items: "1〜2000" names more than 1000 numbers' '[{"cell":"","code":"list_too_long","args":["1〜2000"]}]'
eq "the refusals left the mapping" "$("$SHINSA" criteria show --org "$X" --json | jq -c '.criteria[9] | [.relation, .items]')" \
	'["intersects",[1,3,7,8,9]]'

# The audit trail's days as typed: the same events as 2026-04-01.
login admin@a.test
api GET "/api/v1/audit?from=2026-04-01&to=2026-04-01&limit=10000"
iso=$(echo "$body" | jq -c '[.[].id]')
eq "the audit trail of 2026-04-01 has events" "$code $(echo "$iso" | jq 'length > 10')" '200 true'
api GET "/api/v1/audit?from=$(printf '令和8年4月1日' | jq -sRr @uri)&to=$(printf 'Ｒ８．４．１' | jq -sRr @uri)&limit=10000"
eq "audit days 令和8年4月1日 to Ｒ８．４．１" "$code $(echo "$body" | jq -c '[.[].id]')" "200 $iso"
stop_server
finish
