# A bank's criteria pasted as published, previewed, then replacing the list:
# the preview's exact JSON (nested headings, ①, bullets, a wrapped line, the
# title, preamble and what follows 以上 left out), nothing saved by it; a
# refused preview (its problem as data); the size limit of the file; the
# replace with the preview's base; a replace refused (409) once the list
# changed after the preview, nothing written; the roles.
. tests/http/lib.sh
export SHINSA_NOW=2026-04-01T09:00:00Z
"$SHINSA" init >/dev/null
X=X銀行
"$SHINSA" org add --kind bank --name "$X" >/dev/null
"$SHINSA" org add --kind connector --name 接続先A >/dev/null
add_user "$X" reviewer@x.test reviewer
add_user "$X" viewer@x.test viewer
add_user 接続先A admin@a.test admin
start_server
ME=$(id -un)

# send PATH-AND-QUERY FILE: POST the file's bytes as text, as the page does.
send() {
	req -b "$T/jar.$WHO" -X POST -H "X-CSRF-Token: $CSRF" -H 'Content-Type: text/plain; charset=utf-8' \
		--data-binary "@$2" "$URL$1"
}
PASTE=$(jq -rn --arg n 貼り付けた文章 '$n | @uri')
# replace BASE: the published list pasted, replacing the list after a preview that gave BASE.
replace() { send "/api/v1/criteria?format=text&name=$PASTE&base=$1" tests/fixtures/criteria/published.txt; }
audits() { sqlite3 "$SHINSA_DB" "SELECT count(*) FROM criterion; SELECT count(*) FROM audit_event WHERE action LIKE 'criteria%'"; }

login admin@a.test
send "/api/v1/criteria/preview?format=text" tests/fixtures/criteria/published.txt
eq "a connector: 403 from the gate" "$code $body" '403 {"error":{"code":"forbidden","message":"this is for banks"}}'
login viewer@x.test
send "/api/v1/criteria/preview?format=text" tests/fixtures/criteria/published.txt
eq "a viewer may not preview" "$code $body" '403 {"error":{"code":"forbidden","message":"your role (viewer) may not do this","problems":[{"cell":"","code":"role","args":["viewer"]}]}}'

login reviewer@x.test
send "/api/v1/criteria/preview?format=text&name=$PASTE" tests/fixtures/criteria/published.txt
SHA=$(sha256sum tests/fixtures/criteria/published.txt | cut -c1-64)
eq "preview: what was read, as a tree's leaves" "$code $(echo "$body" | jq -c .)" \
	"200 {\"name\":\"貼り付けた文章\",\"format\":\"text\",\"sha256\":\"$SHA\",\"base\":\"none\",\"title\":\"電子決済等代行業者との連携及び協働に係る基準\",\"count\":7,\"damaged\":0,\"criteria\":[\
{\"key\":\"1-(1)-①\",\"no\":1,\"section\":\"体制整備\",\"category\":\"経営管理\",\"text\":\"経営陣が情報セキュリティに関与していること\",\"damaged\":false},\
{\"key\":\"1-(1)-②\",\"no\":2,\"section\":\"体制整備\",\"category\":\"経営管理\",\"text\":\"内部規程を整備し、役職員に周知していること\",\"damaged\":false},\
{\"key\":\"1-(2)\",\"no\":3,\"section\":\"体制整備\",\"category\":\"体制整備\",\"text\":\"苦情処理の体制を整備していること\",\"damaged\":false},\
{\"key\":\"2-1\",\"no\":4,\"section\":\"セキュリティ\",\"category\":\"セキュリティ\",\"text\":\"利用者の認証情報を暗号化して保管していること\",\"damaged\":false},\
{\"key\":\"2-2\",\"no\":5,\"section\":\"セキュリティ\",\"category\":\"セキュリティ\",\"text\":\"不正アクセスを検知し、速やかに当行へ連絡する体制があること\",\"damaged\":false},\
{\"key\":\"3-(1)\",\"no\":6,\"section\":\"利用者保護\",\"category\":\"利用者保護\",\"text\":\"利用規約を公表していること\",\"damaged\":false},\
{\"key\":\"3-(2)\",\"no\":7,\"section\":\"利用者保護\",\"category\":\"利用者保護\",\"text\":\"個人情報の取扱いを定めていること\",\"damaged\":false}],\
\"left_out\":[{\"at\":\"貼り付けた文章:1\",\"text\":\"電子決済等代行業者との連携及び協働に係る基準\"},\
{\"at\":\"貼り付けた文章:3\",\"text\":\"当行は、銀行法第52条の61の11第1項に基づき、電子決済等代行業者との連携及び協働に係る基準を以下のとおり定め、公表いたします。\"},\
{\"at\":\"貼り付けた文章:17\",\"text\":\"以上\"},{\"at\":\"貼り付けた文章:19\",\"text\":\"2026年4月1日\"},{\"at\":\"貼り付けた文章:20\",\"text\":\"株式会社X銀行\"}],\"warnings\":[]}"
eq "a preview saves nothing" "$(audits)" "0
0"

# The list a new user pasted (walk.txt): 基本方針 and 基準の見直し with
# their paragraphs, beside a section with criteria, the bank's policy and
# left out; a ① with ・ points one criterion with them as lines of its
# text, the title no one's 区分.
send "/api/v1/criteria/preview?format=text&name=$PASTE" tests/fixtures/criteria/walk.txt
eq "preview of the walk's list" "$code $(printf '%s' "$body" | jq -c '[.count, [.criteria[] | [.key, .section, .category, .text]], [.left_out[] | .at]]')" \
	"200 [6,[[\"2-(1)-①\",\"契約締結の基準\",\"法令等の遵守態勢\",\"銀行法その他関係法令を遵守する態勢が整備されていること\"],\
[\"2-(1)-②\",\"契約締結の基準\",\"法令等の遵守態勢\",\"反社会的勢力との関係を遮断する態勢が整備されていること\"],\
[\"2-(2)-①\",\"契約締結の基準\",\"情報セキュリティ管理態勢\",\"情報セキュリティに関する規程が整備され、定期的に見直されていること\\n・アクセス権限の管理が適切に行われていること\\n・アクセスログを１年以上保存していること\"],\
[\"2-(2)-②\",\"契約締結の基準\",\"情報セキュリティ管理態勢\",\"外部委託先の管理が適切に行われていること\"],\
[\"2-(3)-①\",\"契約締結の基準\",\"利用者保護態勢\",\"利用者からの苦情・相談に対応する体制が整備されていること\"],\
[\"2-(3)-②\",\"契約締結の基準\",\"利用者保護態勢\",\"不正取引発生時の補償方針が定められていること\"]],\
[\"貼り付けた文章:1\",\"貼り付けた文章:3\",\"貼り付けた文章:5\",\"貼り付けた文章:7\",\"貼り付けた文章:8\",\"貼り付けた文章:21\",\"貼り付けた文章:22\",\"貼り付けた文章:24\"]]"

printf '通番,区分,項目\n1,体制,経営陣が関与していること\n,,,備考：改訂予定\n2,,\n' >"$T/t.csv"
send "/api/v1/criteria/preview?name=t.csv" "$T/t.csv"
eq "a table's preview: its skipped rows, with what they hold" "$code $(echo "$body" | jq -c '[.format, .count, .left_out, .warnings]')" \
	'200 ["csv",1,[{"at":"t.csv:3","text":"備考：改訂予定"},{"at":"t.csv:4","text":"2"}],["t.csv:3: skipped: nothing under 通番, 区分 or 項目","t.csv:4: 通番 2 has neither 区分 nor 項目: skipped"]]'

printf '基準\n1．体制\n（1）経営管理の体制\n（1）苦情処理の体制\n' >"$T/dup.txt"
send "/api/v1/criteria/preview?format=text&name=$PASTE" "$T/dup.txt"
eq "a refused preview: the reader's message, its problem as data" "$code $body" \
	'400 {"error":{"code":"bad_request","message":"貼り付けた文章:4: 通番 1-(1) again (first at 貼り付けた文章:3)","problems":[{"cell":"貼り付けた文章:4","code":"number_again","args":["1-(1)","貼り付けた文章:3"]}]}}'
printf '当行の基準は次のとおりです。\n経営管理の体制があること\n' >"$T/flat.txt"
send "/api/v1/criteria/preview?format=text&name=$PASTE" "$T/flat.txt"
eq "a refused preview: no numbered lines" "$code $body" \
	'400 {"error":{"code":"bad_request","message":"貼り付けた文章: no criteria in the list form (want numbered lines: 1. (1) ① ・)","problems":[{"cell":"貼り付けた文章","code":"list_empty","args":[]}]}}'
send "/api/v1/criteria/preview?name=$PASTE" "$T/flat.txt"
eq "a preview wants a format as the import does" "$code" 400
{ printf '1．体制\n（1）'; head -c $((4 * 1024 * 1024)) /dev/zero | tr '\0' 'a'; } >"$T/big.txt"
send "/api/v1/criteria/preview?format=text" "$T/big.txt"
eq "a pasted text over 4 MiB, as a file: 413" "$code" 413
eq "still nothing saved" "$(audits)" "0
0"

replace 0123
eq "replace: a base that is none of a preview's" "$code $body" \
	'400 {"error":{"code":"bad_request","message":"base wants the base a preview gave (a sha256, or none)"}}'
replace $SHA
eq "replace refused: a preview saw a list there is none of now" "$code $body" \
	'409 {"error":{"code":"conflict","message":"the criteria list changed since the preview (now none)","problems":[{"cell":"","code":"criteria_changed_none","args":[]}]}}'
replace none
eq "replace after the preview" "$code $(echo "$body" | jq -c '[.title, .source, .sha256, [.criteria[] | .key], .warnings]')" \
	"201 [\"電子決済等代行業者との連携及び協働に係る基準\",\"貼り付けた文章\",\"$SHA\",[\"1-(1)-①\",\"1-(1)-②\",\"1-(2)\",\"2-1\",\"2-2\",\"3-(1)\",\"3-(2)\"],[]]"
page_get() { req -b "$T/jar.$WHO" "$URL$1"; }
page_get /criteria
eq "the criteria page: a pasted list's source in words, with no format" "$(echo "$body" | grep -o '<dt>取込元</dt><dd>[^<]*</dd>')" \
	'<dt>取込元</dt><dd>貼り付けた文章</dd>'
eq "the criteria page: how many are mapped" "$(echo "$body" | grep -o '<p class="lead">[^<]*</p>')" \
	'<p class="lead">「電子決済等代行業者との連携及び協働に係る基準」：対応付け済みの基準は 7 件中 0 件です。</p>'
eq "replace: the import's audit event" "$("$SHINSA" audit list --org "$X" --json | jq -r '.[0] | [.actor, .action, .object, .details] | join(" ")')" \
	'reviewer@x.test criteria_import criteria:1 {"criteria":7,"file":"貼り付けた文章","format":"text","mapped":0,"warnings":0}'

send "/api/v1/criteria/preview?format=text&name=$PASTE" tests/fixtures/criteria/list.txt
eq "the next preview's base is the list now" "$code $(echo "$body" | jq -c '[.base, .count]')" "200 [\"$SHA\",7]"
cp tests/fixtures/criteria/list.txt "$T/list.txt"
(cd "$T" && SHINSA_NOW=2026-04-02T10:00:00Z "$SHINSA" criteria import list.txt --org "$X" >/dev/null)
eq "meanwhile another import" "$?" 0
replace $SHA
eq "replace refused: the list changed since the preview" "$code $body" \
	"409 {\"error\":{\"code\":\"conflict\",\"message\":\"the criteria list changed since the preview (now list.txt, imported at 2026-04-02T10:00:00Z by cli:$ME)\",\"problems\":[{\"cell\":\"\",\"code\":\"criteria_changed\",\"args\":[\"list.txt\",\"2026-04-02T10:00:00Z\",\"cli:$ME\"]}]}}"
replace none
eq "replace refused: a list came since a preview that saw none" "$code $(echo "$body" | jq -c .error.problems)" \
	"409 [{\"cell\":\"\",\"code\":\"criteria_changed\",\"args\":[\"list.txt\",\"2026-04-02T10:00:00Z\",\"cli:$ME\"]}]"
eq "the refused replace wrote nothing" "$(sqlite3 "$SHINSA_DB" "SELECT source FROM criteria_list; SELECT count(*) FROM audit_event WHERE action = 'criteria_import'")" "list.txt
2"
finish
