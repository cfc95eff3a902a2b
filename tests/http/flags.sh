# Contradictions in a connector's answers (core/answers.h
# answers_contradictions): the submit check's warnings, the submit panel's
# (warned, not refused; a point the problems already name is not said
# twice), the flags on the bank's review items, and the criteria view's
# met_with_plan for accepted items rated partial. Today is 2026-04-01.
. tests/http/lib.sh
fresh_orgs A X
answer_all "$A"
add_user "$X" rev@x.test reviewer
add_user "$A" editor@a.test editor
# 1: implemented with issues; 2: implemented, due after today; 4: due today
# (no flag); 3: partial with everything (no flag); 5: partial, no plan nor
# due date (refused and flagged).
"$SHINSA" answers set --org "$A" --item 1 --issues ログの保存期間が短い >/dev/null
"$SHINSA" answers set --org "$A" --item 2 --plan-due 2026-06-30 >/dev/null
"$SHINSA" answers set --org "$A" --item 4 --plan-due 2026-04-01 >/dev/null
"$SHINSA" answers set --org "$A" --item 3 --status partial --issues 規程が古い --plan 改訂する --plan-due 2026-09-30 >/dev/null
"$SHINSA" answers set --org "$A" --item 5 --status partial --issues 一部の端末が未対応 >/dev/null
printf '通番\t区分\t項目\n1\t管理\t方針を定める\n2\t管理\t規程を整備する\n3\t技術\t暗号化する\n' >"$T/criteria.tsv"
start_server

# line TEXT: the last page holds TEXT as one whole line.
line() { grep -qxF -- "$1" "$T/b" && echo yes || echo "no: $1"; }

login editor@a.test
api GET /api/v1/answers/check
eq "the check: item 5 refused, four warnings" "$code $(echo "$body" | jq -c '[.ready, .problem_details, .warnings]')" \
	'200 [false,[{"no":5,"code":"required","field":"plan","status":"partial"},{"no":5,"code":"required","field":"plan_due","status":"partial"}],[{"no":1,"code":"implemented_issues","field":"issues","status":"implemented"},{"no":2,"code":"implemented_future_due","field":"plan_due","status":"implemented"},{"no":5,"code":"open_no_plan","field":"plan","status":"partial"},{"no":5,"code":"open_no_plan_due","field":"plan_due","status":"partial"}]]'
req -b "$T/jar.$WHO" "$URL/submissions"
eq "the panel warns of items 1 and 2, not again of item 5's refusals" \
	"$(line '<p class="notice warn">提出はできますが、確認をお勧めする点が 2 件あります。銀行の審査画面にも同じ点が表示されます。</p>') $(grep -c '<li><a href="/answers[?#]' "$T/b")" "yes 4"
eq "item 1's warning links to it" \
	"$(line '<li><a href="/answers#item-1">通番 1：「対応済」ですが「課題認識」に記入があります。課題が残っていれば「一部対応」に、解消済みであれば「課題認識」の記載を見直してください。</a></li>')" yes

"$SHINSA" answers set --org "$A" --item 5 --plan 端末を更新する --plan-due 2026-12-31 >/dev/null
req -b "$T/jar.$WHO" -b shinsa_lang=en "$URL/submissions"
eq "ready, with the warnings in English" \
	"$(line '<p class="notice warn">You can submit, but 2 points are worth checking first. The bank sees the same points in its review.</p>') $(line '<li><a href="/answers#item-2">Item 2: “Implemented”, yet the due date (対応予定日) is after today. Check the status or the due date.</a></li>')" "yes yes"
api POST /api/v1/submissions
SUBMITTED="$code $(echo "$body" | jq -c '[.id, .version]')"
api POST /api/v1/submissions/1/shares "{\"bank\":\"$X\"}"
eq "warnings do not stop a submission; shared" "$SUBMITTED $code" '201 [1,1] 201'

login rev@x.test
api GET /api/v1/reviews/1
eq "the bank's review: each item's flags" \
	"$code $(echo "$body" | jq -c '[[.items[] | select(.flags != []) | [.no, .flags]], ([.items[] | .flags | length] | add)]')" \
	'200 [[[1,["implemented_issues"]],[2,["implemented_future_due"]]],2]'
req -b "$T/jar.$WHO" "$URL/reviews/1"
eq "the chips on items 1 and 2" \
	"$(grep -c '<span class="chip warn flag" title="回答の記載内容に矛盾の可能性があります">対応済だが課題あり</span>' "$T/b") $(grep -c '>対応済だが予定日が未来</span>' "$T/b")" "1 1"

# Criteria: 1 = item 3 (partial), 2 = item 1 (implemented), 3 = item 3 and
# more (superset): accepted, they are met with a plan, met, partly met.
req -b "$T/jar.$WHO" -X POST -H "X-CSRF-Token: $CSRF" -H 'Content-Type: application/octet-stream' \
	--data-binary "@$T/criteria.tsv" "$URL/api/v1/criteria?name=criteria.tsv"
[ "$code" = 201 ] || not_ok "criteria import" "$code $body"
api PUT /api/v1/criteria/1/mapping '{"relation":"equal","items":[3]}'
api PUT /api/v1/criteria/2/mapping '{"relation":"subset","items":[1]}'
api PUT /api/v1/criteria/3/mapping '{"relation":"superset","items":[3]}'
api GET /api/v1/reviews/1/criteria
eq "pending: open" "$code $(echo "$body" | jq -c '[.summary, [.criteria[].state]]')" \
	'200 [{"met":0,"met_with_plan":0,"partly_met":0,"open":3,"not_covered":0},["open","open","open"]]'
api PUT /api/v1/reviews/1/items/3 '{"verdict":"accepted"}'
api PUT /api/v1/reviews/1/items/1 '{"verdict":"accepted"}'
api GET /api/v1/reviews/1/criteria
eq "accepted: met with a plan, met, partly met" "$code $(echo "$body" | jq -c '[.summary, [.criteria[].state]]')" \
	'200 [{"met":1,"met_with_plan":1,"partly_met":1,"open":0,"not_covered":0},["met_with_plan","met","partly_met"]]'
req -b "$T/jar.$WHO" "$URL/reviews/1/criteria"
eq "the page: its count and chip" \
	"$(line '<li><span class="chip good plan">充足（改善計画あり） 1</span></li>') $(grep -c '<span class="chip good plan">充足（改善計画あり）</span>' "$T/b")" "yes 1"
req -b "$T/jar.$WHO" -b shinsa_lang=en "$URL/reviews/1/criteria"
eq "in English" "$(line '<li><span class="chip good plan">Met, with an improvement plan 1</span></li>')" yes
run "$SHINSA" review criteria 1 --org "$X"
eq "the command line" "$(echo "$out" | head -n 2)" "review of submission 1 (version 1 of $A) by $X: 1 met, 1 met with a plan, 1 partly met, 0 open, 0 not covered
1 met_with_plan: equal; items 3 accepted"
finish
