# A bank's review by its own criteria and both sides' portfolios over HTTP:
# two connectors share with one bank (another bank sees nothing); the
# review has an accepted item, a query and an improvement; the bank's small
# criteria list is mapped so that each state occurs; the decision records
# the assessment; the clock moves past a plan's due date. Exact rows on
# both sides, the command line's JSON equal to the API's, and the refusals
# (no criteria yet, another bank, a connector, no route for a viewer's
# wrong kind).
. tests/http/lib.sh
fresh_orgs A B X Y
add_user "$A" editor@a.test editor
add_user "$B" editor@b.test editor
add_user "$X" reviewer@x.test reviewer
add_user "$X" viewer@x.test viewer
add_user "$Y" reviewer@y.test reviewer
answer_all "$A" 回答
answer_all "$B" 回答
# A's item 3 is partial: a plan due 2026-05-15.
"$SHINSA" answers set --org "$A" --item 3 --status partial --issues 規程が古い --plan 改訂する --plan-due 2026-05-15 >/dev/null
printf '通番\t区分\t項目\n1\t管理\t方針を定める\n2\t管理\t規程を整備する\n3\t技術\t暗号化する\n4\t技術\t監視する\n' >"$T/criteria.tsv"
start_server
E() { printf '{"error":{"code":"%s","message":"%s"}}' "$1" "$2"; }

for who in editor@a.test editor@b.test; do
	login $who
	api POST /api/v1/submissions
	api POST /api/v1/submissions/$( [ $who = editor@a.test ] && echo 1 || echo 2)/shares "{\"bank\":\"$X\"}"
	[ "$code" = 201 ] || not_ok "$who shares" "$code $body"
done

# The bank: nothing imported yet, then a small list mapped to give each state.
login reviewer@x.test
api GET /api/v1/reviews/1/criteria
eq "no criteria imported yet" "$code $body" "404 $(E not_found "no criteria imported yet")"
fails "nor on the command line" 1 "shinsa: no criteria imported yet" "$SHINSA" review criteria 1 --org "$X"
req -b "$T/jar.$WHO" -X POST -H "X-CSRF-Token: $CSRF" -H 'Content-Type: application/octet-stream' \
	--data-binary "@$T/criteria.tsv" "$URL/api/v1/criteria?name=criteria.tsv"
eq "the list is imported" "$code $(echo "$body" | jq -c '[.criteria[] | [.key, .relation]]')" \
	'201 [["1",null],["2",null],["3",null],["4",null]]'
run "$SHINSA" review criteria 1 --org "$X"
eq "the command line, nothing mapped yet" "$rc:$out" "0:review of submission 1 (version 1 of $A) by $X: 0 met, 0 met with a plan, 0 partly met, 0 open, 4 not covered
1 not_covered: not mapped yet
2 not_covered: not mapped yet
3 not_covered: not mapped yet
4 not_covered: not mapped yet"
api PUT /api/v1/criteria/1/mapping '{"relation":"equal","items":[1,2]}'
api PUT /api/v1/criteria/2/mapping '{"relation":"intersects","items":[3,39]}'
api PUT /api/v1/criteria/3/mapping '{"relation":"subset","items":[7]}'
api PUT /api/v1/criteria/4/mapping '{"relation":"none"}'
[ "$code" = 200 ] || not_ok "mapping" "$code $body"

# The review: item 3 an improvement, 7 a query, every other accepted.
api PUT /api/v1/reviews/1/items/3 '{"verdict":"improvement","comment":"規程を改訂すること"}'
api PUT /api/v1/reviews/1/items/7 '{"verdict":"query","comment":"委託先の一覧を示してください"}'
api GET /api/v1/reviews/1/criteria
eq "by criteria, item 2 still pending" "$code $body" \
	"200 {\"submission\":1,\"version\":1,\"bank\":\"$X\",\"connector\":\"$A\",\"summary\":{\"met\":0,\"met_with_plan\":0,\"partly_met\":0,\"open\":3,\"not_covered\":1},\"criteria\":[{\"key\":\"1\",\"category\":\"管理\",\"text\":\"方針を定める\",\"relation\":\"equal\",\"items\":[{\"no\":1,\"verdict\":null},{\"no\":2,\"verdict\":null}],\"state\":\"open\"},{\"key\":\"2\",\"category\":\"管理\",\"text\":\"規程を整備する\",\"relation\":\"intersects\",\"items\":[{\"no\":3,\"verdict\":\"improvement\"},{\"no\":39,\"verdict\":null}],\"state\":\"open\"},{\"key\":\"3\",\"category\":\"技術\",\"text\":\"暗号化する\",\"relation\":\"subset\",\"items\":[{\"no\":7,\"verdict\":\"query\"}],\"state\":\"open\"},{\"key\":\"4\",\"category\":\"技術\",\"text\":\"監視する\",\"relation\":\"none\",\"items\":[],\"state\":\"not_covered\"}]}"
for n in $(seq 1 38) 44; do
	case $n in 3 | 7) continue ;; esac
	api PUT /api/v1/reviews/1/items/$n '{"verdict":"accepted"}'
	[ "$code" = 200 ] || not_ok "accept item $n" "$code $body"
done
api POST /api/v1/reviews/1/decision '{"decision":"conditional","reason":"項目3の改善を条件とする"}'
eq "the decision" "$code" 201
api GET /api/v1/reviews/1/criteria
eq "met, open, not covered" "$code $(echo "$body" | jq -c '[.summary, [.criteria[] | .state]]')" \
	'200 [{"met":1,"met_with_plan":0,"partly_met":0,"open":2,"not_covered":1},["met","open","open","not_covered"]]'
eq "the command line's JSON is the API's" "$("$SHINSA" review criteria 1 --org "$X" --json | jq -c .)" \
	"$(echo "$body" | jq -c .)"
run "$SHINSA" review criteria 1 --org "$X"
eq "its lines" "$out" "review of submission 1 (version 1 of $A) by $X: 1 met, 0 met with a plan, 0 partly met, 2 open, 1 not covered
1 met: equal; items 1 accepted, 2 accepted
2 open: intersects; items 3 improvement, 39 -
3 open: subset; items 7 query
4 not_covered: none"
login viewer@x.test
api GET /api/v1/reviews/2/criteria
eq "a viewer reads (and B's review opens)" "$code $(echo "$body" | jq -c '[.connector, .summary]')" \
	"200 [\"$B\",{\"met\":0,\"met_with_plan\":0,\"partly_met\":0,\"open\":3,\"not_covered\":1}]"

# The portfolio on 2026-04-01: A decided (assessed today, next in 12
# months), one query open, one plan open and not yet overdue; B reviewed
# but not decided.
ROW_A="{\"connector\":\"$A\",\"submission\":1,\"version\":1,\"decision\":\"conditional\",\"decided_at\":\"2026-04-01T09:00:00Z\",\"open_queries\":1"
ROW_B="{\"connector\":\"$B\",\"submission\":null,\"version\":null,\"decision\":null,\"decided_at\":null,\"open_queries\":0,\"overdue_plans\":0,\"open_plans\":0,\"next_due\":null,\"cycle_state\":\"not_assessed\"}"
login reviewer@x.test
api GET /api/v1/portfolio
eq "the bank's portfolio" "$code $body" \
	"200 [$ROW_A,\"overdue_plans\":0,\"open_plans\":1,\"next_due\":\"2027-04-01\",\"cycle_state\":\"scheduled\"},$ROW_B]"

# After 2026-05-15 the plan is overdue, for both sides alike.
stop_server
SHINSA_NOW=2026-06-01T00:00:00Z start_server
login reviewer@x.test
api GET /api/v1/portfolio
eq "the plan is overdue" "$code $body" \
	"200 [$ROW_A,\"overdue_plans\":1,\"open_plans\":1,\"next_due\":\"2027-04-01\",\"cycle_state\":\"scheduled\"},$ROW_B]"
eq "the command line's JSON is the API's" "$(SHINSA_NOW=2026-06-01T00:00:00Z "$SHINSA" portfolio --org "$X" --json | jq -c .)" \
	"$(echo "$body" | jq -c .)"
run env SHINSA_NOW=2026-06-01T00:00:00Z "$SHINSA" portfolio --org "$X"
eq "its lines" "$out" "$A: conditional at 2026-04-01T09:00:00Z (submission 1, version 1); 1 open query; 1 open plan, 1 overdue; next due 2027-04-01 (scheduled)
$B: not decided; 0 open queries; 0 open plans, 0 overdue; next due none (not_assessed)"
login editor@a.test
api GET /api/v1/portfolio
eq "A's portfolio" "$code $body" \
	"200 [{\"bank\":\"$X\",\"submission\":1,\"version\":1,\"decision\":\"conditional\",\"decided_at\":\"2026-04-01T09:00:00Z\",\"open_queries\":1,\"overdue_plans\":1,\"open_plans\":1,\"next_due\":\"2027-04-01\",\"cycle_state\":\"scheduled\"}]"
login editor@b.test
api GET /api/v1/portfolio
eq "B's portfolio" "$code $body" \
	"200 [{\"bank\":\"$X\",\"submission\":null,\"version\":null,\"decision\":null,\"decided_at\":null,\"open_queries\":0,\"overdue_plans\":0,\"open_plans\":0,\"next_due\":null,\"cycle_state\":\"not_assessed\"}]"
api GET /api/v1/reviews/1/criteria
eq "a connector: 403 from the gate" "$code $body" "403 $(E forbidden "this is for banks")"

# Another bank sees nothing.
login reviewer@y.test
api GET /api/v1/portfolio
eq "Y has no pairs" "$code $body" "200 []"
api GET /api/v1/reviews/1/criteria
eq "Y cannot reach A's submission" "$code $body" "404 $(E not_found "no submission 1")"
run "$SHINSA" portfolio --org "$Y"
eq "its line" "$out" "$Y has no connectors yet"
fails "review criteria: no review by Y" 1 "shinsa: no review of submission 1 by $Y" \
	"$SHINSA" review criteria 1 --org "$Y"
fails "review criteria: --org is required" 2 \
	"shinsa: review criteria: --org is required (usage: shinsa review criteria SUBMISSION-ID --org BANK [--json])" \
	"$SHINSA" review criteria 1

# A second checklist: B's submission of it cannot be read through criteria
# mapped to the first (the item numbers would mean other items).
mkdir "$T/cat2"
jq '.id = "api-checklist-2030-01"' catalog/api-checklist-2018-08.json >"$T/cat2/second.json"
"$SHINSA" init --catalog-dir "$T/cat2" >/dev/null
for n in $(seq 1 38) 44; do
	"$SHINSA" answers set --org "$B" --catalog api-checklist-2030-01 --item "$n" --status implemented >/dev/null
done
"$SHINSA" submit --org "$B" --catalog api-checklist-2030-01 >/dev/null
"$SHINSA" share add 3 --bank "$X" >/dev/null
login reviewer@x.test
api GET /api/v1/reviews/3/criteria
eq "criteria mapped to another checklist: 409" "$code $body" \
	"409 $(E conflict "the criteria are mapped to api-checklist-2018-08, but submission 3 answers api-checklist-2030-01: map them to api-checklist-2030-01 first")"
fails "portfolio: --org is required" 2 "shinsa: portfolio: --org is required (usage: shinsa portfolio --org NAME [--json])" \
	"$SHINSA" portfolio
fails "portfolio: no such organisation" 1 "shinsa: no organisation \"Z銀行\" (shinsa org list shows them)" \
	"$SHINSA" portfolio --org Z銀行
run "$SHINSA" portfolio --org "$A"
eq "the connector's lines" "$rc:$out" "0:$X: conditional at 2026-04-01T09:00:00Z (submission 1, version 1); 1 open query; 1 open plan, 0 overdue; next due 2027-04-01 (scheduled)"
finish
