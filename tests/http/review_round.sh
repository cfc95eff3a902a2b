# The whole review round over the API, as a bank and a connector live it:
# the bank imports seed 000's own text as its criteria; the connector
# answers (one item partial, with a plan), submits v1 and shares it; the
# bank gives one improvement and one query and accepts the rest; the
# connector replies on the query's thread, changes that one answer, submits
# v2 and shares it; the bank's review of v2 carries every other verdict
# from v1 and leaves the changed item pending; the bank accepts it and
# decides conditional; with the clock past the plan's due date both sides
# see the plan overdue, and the bank's portfolio shows the connector as
# conditional with that plan overdue. On the way: the bank's supplementary
# questions (seed 000's criteria with no counterpart) answered for it alone,
# and the review seen through the bank's own criteria.
. tests/http/lib.sh
fresh_orgs A X
add_user "$A" editor@a.test editor
add_user "$X" rev@x.test reviewer
start_server

# The bank's criteria: seed 000 as published, mapped from the shipped
# cross-walk from the start.
login rev@x.test
req -b "$T/jar.$WHO" -X POST -H "X-CSRF-Token: $CSRF" -H 'Content-Type: application/octet-stream' \
	--data-binary @catalog/sources/000_facbf1237c5cd287.txt "$URL/api/v1/criteria?format=text"
eq "the bank imports seed 000's text" "$code $(echo "$body" | jq -c '[.format, (.criteria | length), ([.criteria[] | select(.relation != null)] | length)]')" \
	'201 ["text",57,57]'

# The connector's answers: every connector and common item, item 5 partial
# with a plan due at the end of June.
login editor@a.test
api GET /api/v1/catalogs/api-checklist-2018-08
ITEMS=$(echo "$body" | jq -r '.items[] | select(.party != "bank") | .no')
eq "the connector answers the connector and common items" "$(echo $ITEMS | wc -w)" 39
for n in $ITEMS; do
	case $n in
	5) data='{"status":"partial","current":"ログは6か月保存","issues":"保存期間が短い","plan":"保存期間を1年に延ばす","plan_due":"2026-06-30"}' ;;
	*) data="{\"status\":\"implemented\",\"current\":\"A社の回答${n}\"}" ;;
	esac
	api PUT "/api/v1/answers/$n" "$data"
	[ "$code" = 200 ] || not_ok "answer item $n" "$code $body"
done
# The bank's supplementary questions: its criteria with no counterpart in
# the checklist, answered for this bank only.
api GET "/api/v1/banks/$X/questions"
QUESTIONS=$(echo "$body" | jq -r '.[].key')
# (1)-12 is seed 000's unreadable row: never put to a connector.
eq "the questions are the shipped cross-walk's criteria with no counterpart" "$code $(echo $QUESTIONS)" "200 $(jq -r '[.rows[] | select(.relation == "none" and .criterion != "(1)-12") | .criterion] | join(" ")' catalog/bank-criteria-sample.api-checklist-2018-08.mapping.json)"
for k in $QUESTIONS; do
	api PUT "/api/v1/banks/$X/questions/$(printf '%s' "$k" | jq -sRr @uri)" "{\"answer\":\"A社の補足回答 $k\"}"
	[ "$code" = 200 ] || not_ok "answer question $k" "$code $body"
done
api POST /api/v1/submissions
eq "v1 is submitted" "$code $(echo "$body" | jq -c '[.id, .version]')" '201 [1,1]'
api POST /api/v1/submissions/1/shares "{\"bank\":\"$X\"}"
eq "and shared with the bank" "$code" 201

# The bank's review of v1: one improvement, one query, the rest accepted.
as rev@x.test
api GET /api/v1/reviews/1
REVIEWED=$(echo "$body" | jq -r '.items[] | select(.party != "bank") | .no')
eq "the bank reviews the same items" "$(echo $REVIEWED)" "$(echo $ITEMS)"
api PUT /api/v1/reviews/1/items/5 '{"verdict":"improvement","comment":"保存期間を1年以上にすること"}'
eq "an improvement" "$code $(echo "$body" | jq -c '[.no, .verdict, .comment]')" '200 [5,"improvement","保存期間を1年以上にすること"]'
api PUT /api/v1/reviews/1/items/7 '{"verdict":"query","comment":"委託先の一覧を示してください"}'
eq "a query" "$code $(echo "$body" | jq -c '[.no, .verdict, .comment]')" '200 [7,"query","委託先の一覧を示してください"]'
for n in $REVIEWED; do
	case $n in 5 | 7) continue ;; esac
	api PUT "/api/v1/reviews/1/items/$n" '{"verdict":"accepted"}'
	[ "$code" = 200 ] || not_ok "accept item $n" "$code $body"
done
api GET /api/v1/reviews/1
eq "v1's verdicts" "$(echo "$body" | jq -c '[.items[] | select(.party != "bank") | .verdict] | group_by(.) | map([.[0], length])')" \
	'[["accepted",37],["improvement",1],["query",1]]'
api POST /api/v1/reviews/1/items/7/messages '{"text":"別紙で一覧をお送りください"}'
eq "the bank asks on the thread" "$code" 201
api GET /api/v1/reviews/1/questions
eq "the bank reads the answers to its questions" "$code $(echo "$body" | jq -c '[.connector, ([.questions[] | select(.answer == "A社の補足回答 " + .key)] | length)]')" \
	"200 [\"$A\",$(echo $QUESTIONS | wc -w)]"
api GET /api/v1/reviews/1/criteria
eq "v1 through the bank's criteria: 47 met, 4 partly (they only overlap their items), the two that hold items 5 and 7 open, the 4 with no counterpart not covered" \
	"$code $(echo "$body" | jq -c '[.summary, [.criteria[] | select(.state == "open") | [.key, .relation, .items]]]')" \
	'200 [{"met":47,"met_with_plan":0,"partly_met":4,"open":2,"not_covered":4},[["(1)-7","subset",[{"no":5,"verdict":"improvement"}]],["(1)-9","equal",[{"no":7,"verdict":"query"}]]]]'

# The connector replies on the thread, changes that answer and sends v2.
as editor@a.test
api GET "/api/v1/reviews/1?bank=$X"
eq "the connector sees the query" "$code $(echo "$body" | jq -c '.items[] | select(.no == 7) | [.verdict, .comment, [.messages[].text]]')" \
	'200 ["query","委託先の一覧を示してください",["委託先の一覧を示してください","別紙で一覧をお送りください"]]'
api POST /api/v1/reviews/1/items/7/messages "{\"text\":\"委託先一覧を回答に追記しました\",\"bank\":\"$X\"}"
eq "the connector replies" "$code $(echo "$body" | jq -c '[.messages[] | [.org, .text]]')" \
	"201 [[\"$X\",\"委託先の一覧を示してください\"],[\"$X\",\"別紙で一覧をお送りください\"],[\"$A\",\"委託先一覧を回答に追記しました\"]]"
api PUT /api/v1/answers/7 '{"current":"A社の回答7（委託先一覧: 別紙1）"}'
eq "and changes the answer" "$code $(echo "$body" | jq -c '[.no, .status, .current]')" '200 [7,"implemented","A社の回答7（委託先一覧: 別紙1）"]'
api POST /api/v1/submissions
eq "v2 is submitted" "$code $(echo "$body" | jq -c '[.id, .version]')" '201 [2,2]'
api POST /api/v1/submissions/2/shares "{\"bank\":\"$X\"}"
eq "and shared" "$code" 201

# The bank's review of v2: every other item carried from v1, the changed
# one pending.
as rev@x.test
api GET /api/v1/reviews/2
eq "v2: the changed item is pending" "$(echo "$body" | jq -c '.items[] | select(.no == 7) | [.verdict, .carried, .carried_from]')" \
	'[null,false,null]'
eq "v2: every other item carried, with where from" \
	"$(echo "$body" | jq -c '[.items[] | select(.party != "bank" and .no != 7) | select(.carried and .carried_from == {"submission":1,"version":1,"at":"2026-04-01T09:00:00Z"}) | .no] | length')" 38
eq "v2: the improvement carried as it was" "$(echo "$body" | jq -c '.items[] | select(.no == 5) | [.verdict, .comment, .carried]')" \
	'["improvement","保存期間を1年以上にすること",true]'
api POST /api/v1/reviews/2/decision '{"decision":"conditional","reason":"r"}'
eq "no decision while item 7 is pending" "$code $body" '409 {"error":{"code":"conflict","message":"1 item has no verdict: 7","problems":[{"cell":"","code":"items_pending","args":["1","7"],"items":[7]}]}}'
api PUT /api/v1/reviews/2/items/7 '{"verdict":"accepted","comment":"別紙1を確認"}'
eq "the bank accepts the new answer" "$code $(echo "$body" | jq -c '[.verdict, .carried]')" '200 ["accepted",false]'
api POST /api/v1/reviews/2/decision '{"decision":"conditional","reason":"ログ保存期間の改善計画（2026-06-30期限）の完了を条件とする"}'
eq "the bank decides conditional" "$code $(echo "$body" | jq -c '[.decision, .reason, .decided_by, .signature_valid]')" \
	'201 ["conditional","ログ保存期間の改善計画（2026-06-30期限）の完了を条件とする","rev@x.test",true]'

api GET /api/v1/reviews/2/criteria
eq "v2 through the bank's criteria: only the improvement's criterion is open" \
	"$code $(echo "$body" | jq -c '[.summary, [.criteria[] | select(.state == "open") | .key]]')" \
	'200 [{"met":48,"met_with_plan":0,"partly_met":4,"open":1,"not_covered":4},["(1)-7"]]'

# Past the plan's due date, both sides see it overdue.
api GET /api/v1/plans
eq "before the due date the bank sees the plan on time" "$(echo "$body" | jq -c '[.[] | [.connector, .no, .due, .overdue]]')" \
	"[[\"$A\",5,\"2026-06-30\",false]]"
stop_server
SHINSA_NOW=2026-07-01T09:00:00Z start_server
login rev@x.test
api GET /api/v1/plans
eq "the bank sees it overdue" "$code $(echo "$body" | jq -c '[.[] | [.connector, .no, .due, .overdue]]')" \
	"200 [[\"$A\",5,\"2026-06-30\",true]]"
login editor@a.test
api GET /api/v1/plans
eq "and so does the connector" "$code $(echo "$body" | jq -c '[.[] | [.no, .status, .due, .overdue]]')" \
	'200 [[5,"open","2026-06-30",true]]'
api GET /api/v1/portfolio
eq "the connector's portfolio: the bank's decision, the plan overdue" "$code $(echo "$body" | jq -c '[.[] | [.bank, .submission, .version, .decision, .open_queries, .overdue_plans]]')" \
	"200 [[\"$X\",2,2,\"conditional\",0,1]]"
login rev@x.test
api GET /api/v1/portfolio
eq "the bank's portfolio shows the connector as conditional" "$code $(echo "$body" | jq -c '[.[] | [.connector, .submission, .version, .decision, .decided_at, .open_queries, .overdue_plans, .open_plans]]')" \
	"200 [[\"$A\",2,2,\"conditional\",\"2026-04-01T09:00:00Z\",0,1,1]]"
eq "and its next re-assessment, twelve months from the decision" "$(echo "$body" | jq -c '.[0] | [.next_due, .cycle_state]')" \
	'["2027-04-01","scheduled"]'
finish
