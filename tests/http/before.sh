# Before and after on re-review (issue 16 item 3): the bank's review of v2
# carries, for each changed item, v1's answer and v1's thread, and v1's
# decision at the top; the bank reads the diff of two versions shared with
# it and in force (each a recorded read of its share), 404 for a version
# not shared, for another bank and after revoke, exactly as a read of one.
. tests/http/lib.sh
fresh_orgs A X Y
add_user "$A" editor@a.test editor
add_user "$X" rev@x.test reviewer
# The reviewer has a name (the connector's editor none): the previous
# decision and threads carry it beside the e-mail.
"$SHINSA" user update --email rev@x.test --name '山田 花子' --department 審査部 >/dev/null
add_user "$Y" rev@y.test reviewer
answer_all "$A"
"$SHINSA" answers set --org "$A" --item 3 --status partial --current "多要素認証を導入済みです。" \
	--issues "管理画面が未対応" --plan "2026年9月末までに対応" --plan-due 2026-09-30 >/dev/null
submit_share "$A" "$X"
start_server
E() { printf '{"error":{"code":"%s","message":"%s"}}' "$1" "$2"; }
reads() {
	"$SHINSA" audit list --org "$A" --json |
		jq -r 'reverse[] | select(.action | endswith("_read")) | [.actor, .action, .object, (.details | fromjson | "\(.share)")] | join(" ")'
}

# v1: X queries item 3 on its thread, A replies, X decides conditional.
login rev@x.test
for n in $(seq 1 38) 44; do
	api PUT "/api/v1/reviews/1/items/$n" '{"verdict":"accepted"}'
	[ "$code" = 200 ] || not_ok "verdict on $n" "$code $body"
done
api POST /api/v1/reviews/1/items/3/messages '{"text":"管理画面の対応時期を教えてください"}'
login editor@a.test
api POST /api/v1/reviews/1/items/3/messages "{\"text\":\"9月末を予定しています\",\"bank\":\"$X\"}"
as rev@x.test
api POST /api/v1/reviews/1/decision '{"decision":"conditional","reason":"条件：通番3の管理画面の多要素認証を2026年9月末までに導入すること"}'
eq "v1 decided" "$code" 201

# v2 a month later: item 3 changed, shared with X; v3 is not shared.
stop_server
export SHINSA_NOW=2026-05-01T10:00:00Z
"$SHINSA" answers set --org "$A" --item 3 --status implemented --current "多要素認証を管理画面にも導入済みです。" \
	--issues "" --plan "" --plan-due "" >/dev/null
"$SHINSA" submit --org "$A" >/dev/null
"$SHINSA" share add 2 --bank "$X" >/dev/null
"$SHINSA" answers set --org "$A" --item 4 --current "v3だけの回答" >/dev/null
"$SHINSA" submit --org "$A" >/dev/null
start_server
login rev@x.test
api GET /api/v1/reviews/2
eq "v2: the previous review with its decision" "$code $(echo "$body" | jq -c '.previous')" \
	'200 {"submission":1,"version":1,"decision":{"decision":"conditional","reason":"条件：通番3の管理画面の多要素認証を2026年9月末までに導入すること","decided_at":"2026-04-01T09:00:00Z","decided_by":"rev@x.test","decided_by_name":"山田 花子","decided_by_department":"審査部"},"shared":true}'
eq "v2: item 3 carries v1's answer and v1's thread" "$(echo "$body" | jq -c '.items[2] | [.changed, .previous_answer, .previous_messages]')" \
	"[true,{\"no\":3,\"status\":\"partial\",\"current\":\"多要素認証を導入済みです。\",\"issues\":\"管理画面が未対応\",\"plan\":\"2026年9月末までに対応\",\"plan_due\":\"2026-09-30\",\"notes\":\"\"},[{\"org\":\"$X\",\"author\":\"rev@x.test\",\"at\":\"2026-04-01T09:00:00Z\",\"text\":\"管理画面の対応時期を教えてください\",\"verdict\":null,\"resolved\":false,\"files\":[],\"author_name\":\"山田 花子\",\"author_department\":\"審査部\"},{\"org\":\"$A\",\"author\":\"editor@a.test\",\"at\":\"2026-04-01T09:00:00Z\",\"text\":\"9月末を予定しています\",\"verdict\":null,\"resolved\":false,\"files\":[],\"author_name\":\"\",\"author_department\":\"\"}]]"
eq "v2: an unchanged item has no previous answer" "$(echo "$body" | jq -c '.items[0] | [.changed, .previous_answer, .previous_messages]')" '[false,null,[]]'
eq "reading v2's review reads v1's through its share too" "$(reads)" "rev@x.test review_read submission:1 1
rev@x.test review_read submission:2 2"

# The diff of two versions shared with X.
api GET /api/v1/submissions/2/diff/1
eq "X's diff of v2 and v1" "$code $body" "200 {\"org\":\"$A\",\"catalog\":\"api-checklist-2018-08\",\"from\":{\"kind\":\"submission\",\"id\":2,\"version\":2,\"submitted_at\":\"2026-05-01T10:00:00Z\"},\"to\":{\"kind\":\"submission\",\"id\":1,\"version\":1,\"submitted_at\":\"2026-04-01T09:00:00Z\"},\"items\":[{\"no\":3,\"key\":\"ism-03\",\"fields\":[{\"field\":\"status\",\"before\":\"implemented\",\"after\":\"partial\"},{\"field\":\"current\",\"before\":\"多要素認証を管理画面にも導入済みです。\",\"after\":\"多要素認証を導入済みです。\"},{\"field\":\"issues\",\"before\":\"\",\"after\":\"管理画面が未対応\"},{\"field\":\"plan\",\"before\":\"\",\"after\":\"2026年9月末までに対応\"},{\"field\":\"plan_due\",\"before\":null,\"after\":\"2026-09-30\"}]}],\"files\":[]}"
eq "a read of each share" "$(reads | tail -n 2)" "rev@x.test submission_read submission:2 2
rev@x.test submission_read submission:1 1"
N=$(reads | wc -l)
api GET /api/v1/submissions/2/diff/3
eq "v3 is not shared with X: 404" "$code $body" "404 $(E not_found "no submission 3")"
api GET /api/v1/submissions/3/diff/1
eq "nor the other way" "$code $body" "404 $(E not_found "no submission 3")"
api GET /api/v1/submissions/2/diff/9
eq "no such submission: the same 404" "$code $body" "404 $(E not_found "no submission 9")"
api GET /api/v1/submissions/2/diff/working
eq "the working answers are the connector's" "$code $body" "400 $(E bad_request 'a bank compares two submissions shared with it, not \"working\"')"
eq "a refused diff records no read" "$(reads | wc -l)" "$N"
req -b "$T/jar.$WHO" "$URL/submissions/1/diff/2"
eq "X's diff page" "$code $(grep -c '<ins>多要素認証を管理画面にも導入済みです。</ins>' "$T/b")" "200 1"
eq "leads back to the review" "$(grep -o '<a href="/reviews/2">[^<]*</a>' "$T/b")" '<a href="/reviews/2">第2版の審査へ戻る</a>'
req -b "$T/jar.$WHO" "$URL/reviews/2"
cp "$T/b" "$T/review2.html"
eq "the review page: the previous decision's condition at the top" \
	"$code $(grep -o '<h2 id="prev-decision-h">[^<]*</h2>' "$T/b") $(grep -c '<dd class="wrap">条件：通番3の管理画面の多要素認証を2026年9月末までに導入すること</dd>' "$T/b")" \
	'200 <h2 id="prev-decision-h">前回（第1版）の審査結果</h2> 1'
eq "the previous thread names its poster 氏名（部署）, the e-mail where none" "$(grep -o '<p class="by">第1版 ・ [^|]*</p><p class="wrap">' "$T/b" | head -2 | tr '\n' '|')" \
	'<p class="by">第1版 ・ X銀行 ・ <span class="person" title="rev@x.test">山田 花子（審査部）<span class="person-email">rev@x.test</span></span> ・ 2026-04-01 18:00 JST</p><p class="wrap">|<p class="by">第1版 ・ 接続先A ・ editor@a.test ・ 2026-04-01 18:00 JST</p><p class="wrap">|'
eq "the previous decision names its decider 氏名（部署）" "$(grep -o '<dt>決定者</dt><dd>.*</dd>' "$T/b" | head -1)" \
	'<dt>決定者</dt><dd><span class="person" title="rev@x.test">山田 花子（審査部）<span class="person-email">rev@x.test</span></span></dd>'
eq "item 3: v1's answer with the words removed struck" \
	"$(grep -o '<div class="ba-side ba-old">.*' "$T/b" | sed -n 2p)" \
	'<div class="ba-side ba-old"><p class="ba-label">第1版（前回）</p><p class="wrap">多要素認証を導入済みです。</p></div>'
eq "and v2's with the words added underlined" \
	"$(grep -o '<div class="ba-side ba-new">.*' "$T/b" | sed -n 2p)" \
	'<div class="ba-side ba-new"><p class="ba-label">第2版（今回）</p><p class="wrap">多要素認証を<ins>管理画面にも</ins>導入済みです。</p></div>'
eq "the status" "$(grep -o '<div class="ba-side ba-[a-z]*">.*' "$T/b" | sed -n 1p)" \
	'<div class="ba-side ba-old"><p class="ba-label">第1版（前回）</p><p class="wrap"><del>一部対応</del></p></div>'
eq "a field v2 cleared: v1's struck, v2's said to be blank" \
	"$(grep -o '<div class="ba-side ba-new">.*' "$T/b" | sed -n 3p)" \
	'<div class="ba-side ba-new"><p class="ba-label">第2版（今回）</p><p class="wrap"><span class="muted">（記載なし）</span></p></div>'
eq "v1's thread, read-only, marked with its version" "$(grep -c '<h5 id="pt-3-h">第1版でのやり取り（参照のみ）</h5>' "$T/b") $(grep -c '<p class="wrap">9月末を予定しています</p>' "$T/b")" "1 1"
req -b "$T/jar.$WHO" "$URL/submissions/2/diff/3"
eq "X's diff page of one not shared: 404" "$code" 404
login rev@y.test
api GET /api/v1/submissions/2/diff/1
eq "Y: 404" "$code $body" "404 $(E not_found "no submission 2")"

# A revokes v1's share: the diff is gone, v1's answers and thread leave the
# review of v2; X's own decision on v1 stays.
V1_READS=$(reads | grep -c 'submission:1 ')
login editor@a.test
api DELETE /api/v1/submissions/1/shares/1
eq "v1's share revoked" "$code" 200
as rev@x.test
api GET /api/v1/submissions/2/diff/1
eq "after revoke: 404" "$code $body" "404 $(E not_found "no submission 1")"
api GET /api/v1/reviews/2
eq "after revoke: the previous decision, no answers nor threads" "$code $(echo "$body" | jq -c '[.previous.shared, .previous.decision.decision, .items[2].previous_answer, .items[2].previous_messages]')" \
	'200 [false,"conditional",null,[]]'
eq "and no read of v1" "$(reads | grep -c 'submission:1 ')" "$V1_READS"
as editor@a.test
api GET "/api/v1/reviews/2?bank=$X"
eq "the connector sees its own v1 beside v2" "$code $(echo "$body" | jq -c '[.previous.shared, .items[2].previous_answer.status, (.items[2].previous_messages | length)]')" \
	'200 [true,"partial",2]'
stop_server
finish
