# Approval before signing (service/approvals.h): a bank that requires it
# (shinsa org set BANK --require-approval yes, or PUT /api/v1/org by its
# admin) decides by draft (202) and approval by another user with the role
# approver (200, signed, the document naming both; shinsa verify prints
# both); the drafter cannot approve their own (403); a rejection returns it
# to the drafter with the reason kept; a bank without the setting decides in
# one step; a decision refused for its items names them as data (409).
. tests/http/lib.sh
fresh_orgs A X Y
add_user "$X" admin@x.test admin
add_user "$X" rev@x.test reviewer
add_user "$X" boss@x.test approver
add_user "$X" boss2@x.test approver
# The approvers have names (rev@x.test none): the pages and the JSON views
# name them 氏名（部署）, the signed document only by e-mail.
"$SHINSA" user update --email boss@x.test --name '鈴木 一郎' --department リスク管理部 >/dev/null
"$SHINSA" user update --email boss2@x.test --name '高橋 美咲' --department 審査部 >/dev/null
add_user "$Y" rev@y.test reviewer
answer_all "$A"
submit_share "$A" "$X" "$Y"
start_server

E() { printf '{"error":{"code":"%s","message":"%s"%s}}' "$1" "$2" "$(problems_of "$2")"; }

# The refused decision names its items as data.
login rev@x.test
api POST /api/v1/reviews/1/decision '{"decision":"meets"}'
eq "39 pending items: the problem code and the items" "$code $(echo "$body" | jq -c '.error.problems')" \
	"409 [{\"cell\":\"\",\"code\":\"items_pending\",\"args\":[\"39\",\"$( (seq 1 38; echo 44) | paste -sd, | sed 's/,/, /g')\"],\"items\":[$( (seq 1 38; echo 44) | paste -sd,)]}]"
for n in $(seq 1 38) 44; do
	case $n in 3) continue ;; esac
	api PUT /api/v1/reviews/1/items/$n '{"verdict":"accepted"}'
	[ "$code" = 200 ] || not_ok "accept item $n" "$code $body"
done
api PUT /api/v1/reviews/1/items/3 '{"verdict":"query","comment":"委託先の一覧を示してください"}'
api POST /api/v1/reviews/1/decision '{"decision":"meets"}'
eq "meets with an open query: the exact body" "$code $body" \
	'409 {"error":{"code":"conflict","message":"meets needs no open item: 1 item is query or improvement: 3","problems":[{"cell":"","code":"items_open","args":["1","3"],"items":[3]}]}}'

# The setting: on the command line and by the bank's admin on the web.
run "$SHINSA" org set "$X" --require-approval yes
eq "org set" "$rc:$out" "0:$X: a decision is drafted by one user and signed once an approver approves it"
run "$SHINSA" org set "$A" --require-approval yes
eq "org set on a connector" "$rc:$err" "1:shinsa: $A is a connector: only a bank decides reviews"
run "$SHINSA" org set "$X" --require-approval maybe
eq "org set with a bad value" "$rc:$err" \
	"2:shinsa: org set: --require-approval takes yes or no, not \"maybe\" (usage: shinsa org set NAME [--require-approval yes|no] [--attachment-quota SIZE|default])"
eq "the setting is audited" "$("$SHINSA" audit list --org "$X" --json | jq -c '.[0] | [.actor, .action, .object, .details]')" \
	"[\"cli:$(id -un)\",\"org_setting\",\"org:2\",\"{\\\"require_approval\\\":true}\"]"
login admin@x.test
api GET /api/v1/org
eq "the bank's setting" "$code $body" "200 {\"name\":\"$X\",\"kind\":\"bank\",\"require_approval\":true}"
api PUT /api/v1/org '{"require_approval":"yes"}'
eq "the setting is a boolean" "$code $body" "400 $(E bad_request "require_approval must be true or false")"
api GET /admin/users
eq "the users page has the setting, on" "$code $(echo "$body" | grep -o '<input type="checkbox" id="require-approval"[^>]*>')" \
	'200 <input type="checkbox" id="require-approval" name="require_approval" aria-describedby="require-approval-help" checked>'
eq "the users page shows an approver as one (not as the first role)" "$code $(echo "$body" | grep -c '<option value="approver" selected>')" "200 2"
login boss@x.test
api GET /account
eq "the account page names the role" "$code $(echo "$body" | grep -o '<dd>承認者</dd>')" "200 <dd>承認者</dd>"
login rev@x.test
api PUT /api/v1/org '{"require_approval":false}'
eq "a reviewer may not change it" "$code $body" "403 $(E forbidden "your role (reviewer) may not do this")"

# Draft, then approval by the drafter refused, then by another approver.
api PUT /api/v1/reviews/1/items/3 '{"verdict":"accepted"}'
api POST /api/v1/reviews/1/decision '{"decision":"conditional","reason":"年1回の報告を条件とする"}'
eq "a reviewer's decision is a draft" "$code $body" \
	'202 {"decision":"conditional","reason":"年1回の報告を条件とする","drafted_by":"rev@x.test","drafted_at":"2026-04-01T09:00:00Z","state":"pending_approval","resolved_by":null,"resolved_at":null,"rejection":null,"drafted_by_name":"","drafted_by_department":"","resolved_by_name":null,"resolved_by_department":null}'
eq "nothing is signed" "$(sqlite3 "$SHINSA_DB" "SELECT decision IS NULL, decision_signature IS NULL FROM review WHERE id = 1")" "1|1"
api GET /reviews/1
eq "the drafter's page: the draft, waiting for another approver, no decide form" \
	"$code $(echo "$body" | grep -o '<dt>起案者</dt><dd>[^<]*</dd>\|<p class="notice">[^<]*</p>\|<form id="[a-z]*"' | tr '\n' '|')" \
	'200 <dt>起案者</dt><dd>rev@x.test</dd>|<p class="notice">この審査結果はあなたが起案しました。署名には、ほかの承認者の承認が必要です。</p>|'
api POST /api/v1/reviews/1/decision/approve
eq "a reviewer may not approve" "$code $body" "403 $(E forbidden "your role (reviewer) may not do this")"
api PUT /api/v1/reviews/1/items/4 '{"verdict":"query","comment":"x"}'
eq "the verdicts stay under a pending draft" "$code $body" "409 $(E conflict "review of submission 1 has a decision awaiting approval")"
api POST /api/v1/reviews/1/decision '{"decision":"meets"}'
eq "one draft at a time" "$code $body" "409 $(E conflict "a decision of submission 1 is awaiting approval")"

# Rejected: back to the drafter with the reason; a new draft.
login boss@x.test
api GET /reviews/1
eq "an approver's page: approve and return" "$code $(echo "$body" | sed -n '/id="decision"/,/<\/section>/p' | grep -o '<form id="[a-z]*"\|<button type="submit"[^>]*>[^<]*</button>' | tr '\n' '|')" \
	'200 <form id="approve"|<button type="submit">承認して署名する</button>|<form id="reject"|<button type="submit" class="secondary">差し戻す</button>|'
api POST /api/v1/reviews/1/decision/reject '{"reason":" "}'
eq "a rejection needs a reason" "$code $body" "400 $(E bad_request "a rejection needs a reason: say what to change")"
api POST /api/v1/reviews/1/decision/reject '{"reason":"条件の期限を明記してください"}'
eq "rejected, with the reason" "$code $(echo "$body" | jq -c '[.state, .resolved_by, .rejection]')" \
	'200 ["rejected","boss@x.test","条件の期限を明記してください"]'
api POST /api/v1/reviews/1/decision/approve
eq "nothing left to approve" "$code $body" "409 $(E conflict "no decision of submission 1 is awaiting approval")"
login rev@x.test
api GET /reviews/1
eq "the drafter sees who returned it and why, and may draft again" \
	"$code $(echo "$body" | sed -n '/id="draft-rejected"/,/<\/div>/p' | tr '\n' '|') $(echo "$body" | grep -o '<button type="submit">起案する</button>')" \
	'200 <div class="notice warn" id="draft-rejected">|<p>鈴木 一郎（リスク管理部）が差し戻しました（2026-04-01 18:00）。</p>|<p class="wrap">条件の期限を明記してください</p>|</div>| <button type="submit">起案する</button>'
login boss@x.test
api POST /api/v1/reviews/1/decision '{"decision":"conditional","reason":"2026年9月末までの年次報告を条件とする"}'
eq "an approver drafts too" "$code $(echo "$body" | jq -c '[.state, .drafted_by]')" '202 ["pending_approval","boss@x.test"]'
api POST /api/v1/reviews/1/decision/approve
eq "the drafter approving their own is refused" "$code $body" \
	"403 $(E forbidden "you drafted this decision: another approver must approve it")"
login boss2@x.test
api POST /api/v1/reviews/1/decision/approve
SHA=$(sqlite3 "$SHINSA_DB" "SELECT decision_sha256 FROM review WHERE id = 1")
SIG=$(sqlite3 "$SHINSA_DB" "SELECT decision_signature FROM review WHERE id = 1")
eq "another approver approves: signed" "$code $body" \
	"200 {\"decision\":\"conditional\",\"reason\":\"2026年9月末までの年次報告を条件とする\",\"decided_at\":\"2026-04-01T09:00:00Z\",\"decided_by\":\"boss2@x.test\",\"drafted_by\":\"boss@x.test\",\"approved_by\":\"boss2@x.test\",\"sha256\":\"$SHA\",\"signature\":\"$SIG\",\"signature_valid\":true,\"decided_by_name\":\"高橋 美咲\",\"decided_by_department\":\"審査部\",\"drafted_by_name\":\"鈴木 一郎\",\"drafted_by_department\":\"リスク管理部\",\"approved_by_name\":\"高橋 美咲\",\"approved_by_department\":\"審査部\"}"
api GET /reviews/1
eq "the signed panel names the drafter and the approver" "$code $(echo "$body" | grep -o '<dt>\(起案者\|承認者\|決定者\)</dt><dd>.*</dd>' | tr '\n' '|')" \
	'200 <dt>起案者</dt><dd><span class="person" title="boss@x.test">鈴木 一郎（リスク管理部）<span class="person-email">boss@x.test</span></span></dd>|<dt>承認者</dt><dd><span class="person" title="boss2@x.test">高橋 美咲（審査部）<span class="person-email">boss2@x.test</span></span></dd>|'
eq "the history of drafts on the page, by name (rev@x.test has none)" "$(echo "$body" | sed -n '/id="drafts"/,/<\/details>/p' | sed 's/<[^>]*>//g' | grep 'しました' | tr '\n' '|')" \
	' rev@x.testが起案しました（2026-04-01 18:00）。|鈴木 一郎（リスク管理部）が差し戻しました（2026-04-01 18:00）。| 鈴木 一郎（リスク管理部）が起案しました（2026-04-01 18:00）。|高橋 美咲（審査部）が承認しました（2026-04-01 18:00）。|'
api GET /api/v1/reviews/1
eq "the history of drafts" "$code $(echo "$body" | jq -c '[.drafts[] | [.state, .drafted_by, .resolved_by, .rejection, .drafted_by_name, .drafted_by_department, .resolved_by_name, .resolved_by_department]]')" \
	'200 [["rejected","rev@x.test","boss@x.test","条件の期限を明記してください","","","鈴木 一郎","リスク管理部"],["approved","boss@x.test","boss2@x.test",null,"鈴木 一郎","リスク管理部","高橋 美咲","審査部"]]'
sqlite3 "$SHINSA_DB" "SELECT decision_document FROM review WHERE id = 1" | tr -d '\n' >"$T/decision.json"
eq "the document names the drafter and the approver" \
	"$(jq -c '[.format, .drafted_by, .drafted_at, .approved_by, .decided_at, has("decided_by")]' "$T/decision.json")" \
	'["shinsa-review-decision/2","boss@x.test","2026-04-01T09:00:00Z","boss2@x.test","2026-04-01T09:00:00Z",false]'
eq "its SHA-256, by sha256sum" "$(sha256sum <"$T/decision.json" | cut -c1-64)" "$SHA"
eq "the events" "$("$SHINSA" audit list --org "$X" --json | jq -c '[.[] | select(.action | test("^review_(draft|approve|reject|decision)$")) | [.actor, .action, .details]] | reverse')" \
	'[["rev@x.test","review_draft","{\"decision\":\"conditional\",\"draft\":1,\"submission\":1}"],["boss@x.test","review_reject","{\"draft\":1,\"reason\":\"条件の期限を明記してください\",\"submission\":1}"],["boss@x.test","review_draft","{\"decision\":\"conditional\",\"draft\":2,\"submission\":1}"],["boss2@x.test","review_approve","{\"decision\":\"conditional\",\"draft\":2,\"submission\":1}"],["boss2@x.test","review_decision","{\"decision\":\"conditional\",\"sha256\":\"'"$SHA"'\",\"submission\":1}"]]'
api GET /api/v1/reviews/1/decision
cp "$T/b" "$T/decision-file.json"
PK=$("$SHINSA" org list --json | jq -r ".[] | select(.name == \"$X\") | .public_key")
SUBSHA=$(sqlite3 "$SHINSA_DB" "SELECT sha256 FROM submission WHERE id = 1")
run "$SHINSA" verify "$T/decision-file.json"
eq "shinsa verify prints the drafter and the approver" "$rc:$out" \
	"0:verified: $X's decision conditional on submission 1 (version 1 of $A, sha256 $SUBSHA), drafted 2026-04-01T09:00:00Z by boss@x.test, approved 2026-04-01T09:00:00Z by boss2@x.test; document sha256 $SHA, signed by key $PK
this proves who signed only if that key is the one $X published (shinsa org list --json shows it)"

# Who was told of each step (docs/notifications.md): the bank's approvers
# of a draft, never its drafter; the drafter of its return or approval.
told() {
	login "$1" >/dev/null
	api GET /api/v1/notifications
	echo "$body" | jq -c '[.notifications[] | select(.kind | test("^(drafted|approved|rejected)$")) | [.kind, .actor, .detail, .link]] | reverse'
}
eq "the drafter rev: its draft returned" "$(told rev@x.test)" '[["rejected","boss@x.test","","/reviews/1#decision"]]'
eq "boss: rev's draft to approve, then its own approved" "$(told boss@x.test)" \
	'[["drafted","rev@x.test","conditional","/reviews/1#decision"],["approved","boss2@x.test","","/reviews/1#decision"]]'
eq "boss2: both drafts" "$(told boss2@x.test)" \
	'[["drafted","rev@x.test","conditional","/reviews/1#decision"],["drafted","boss@x.test","conditional","/reviews/1#decision"]]'
eq "X's admin, no approver: none of it" "$(told admin@x.test)" '[]'
eq "the e-mails: recipients and subjects" \
	"$(sqlite3 -separator ' | ' "$SHINSA_DB" "SELECT recipients, subject FROM outbox WHERE kind = 'event' AND org_id = (SELECT id FROM org WHERE name = '$X') AND (subject LIKE '%起案%') ORDER BY id")" \
	"boss2@x.test, boss@x.test | 【Shinsa】rev@x.test が審査結果を起案しました：条件付適合（$A、提出 1）
rev@x.test | 【Shinsa】起案した審査結果が差し戻されました（$A、提出 1）
boss2@x.test | 【Shinsa】boss@x.test が審査結果を起案しました：条件付適合（$A、提出 1）
boss@x.test | 【Shinsa】起案した審査結果が承認されました（$A、提出 1）"
stop_server

# A bank without the setting decides in one step, as before.
start_server
# The bank's audit page says the draft's details in words: the decision as
# the review page says it, the draft's number, the reason as typed.
as admin@x.test
api GET "/audit?action=review_draft"
eq "a draft on the audit page, in words" \
	"$(echo "$body" | grep -o '<td class="wrap" title="review:1">[^<]*</td><td class="wrap audit-words">[^<]*\|^起案番号：[0-9]*$\|^提出番号：1</td></tr>$' | tr '\n' '|')" \
	'<td class="wrap" title="review:1">審査（番号1）</td><td class="wrap audit-words">審査結果：条件付適合|起案番号：2|提出番号：1</td></tr>|<td class="wrap" title="review:1">審査（番号1）</td><td class="wrap audit-words">審査結果：条件付適合|起案番号：1|提出番号：1</td></tr>|'
login rev@y.test
for n in $(seq 1 38) 44; do
	api PUT /api/v1/reviews/1/items/$n '{"verdict":"accepted"}'
done
api POST /api/v1/reviews/1/decision '{"decision":"meets"}'
eq "one step: 201, decided by the reviewer" "$code $(echo "$body" | jq -c '[.decision, .decided_by, .drafted_by, .approved_by]')" \
	'201 ["meets","rev@y.test","rev@y.test",null]'
eq "its document stays format 1" "$(sqlite3 "$SHINSA_DB" "SELECT json_extract(decision_document, '$.format'), json_extract(decision_document, '$.decided_by') FROM review WHERE id = 2")" \
	"shinsa-review-decision/1|rev@y.test"
finish
