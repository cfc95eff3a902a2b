# Every read a bank makes of a connector's data through a share is a read
# of that share: its review (by the API and the review page, which also
# reads the submission and the answers to the bank's questions), the
# review by its criteria, the plans (list, one plan, the plan a write
# answers with). Each is one access of the share in the connector's list
# and one event in its trail saying what was read; a refused read, an
# empty list, the bank's own lists and counts (reviews, inbox, portfolio)
# and the connector's own reads are none. Plans opened by two shares are
# read through the newest; after the revoke nothing is read, nor recorded.
. tests/http/lib.sh
fresh_orgs A X
add_user "$A" editor@a.test editor
add_user "$X" viewer@x.test viewer
add_user "$X" rev@x.test reviewer
answer_all "$A"
"$SHINSA" answers set --org "$A" --item 3 --status partial --issues 課題 --plan 計画 --plan-due 2026-09-30 >/dev/null
submit_share "$A" "$X"
printf '通番\t区分\t項目\n1\t管理\t方針を定める\n' >"$T/criteria.tsv"
start_server
E() { printf '{"error":{"code":"%s","message":"%s"}}' "$1" "$2"; }
# reads: A's *_read events, oldest first, as "actor action object share".
reads() {
	"$SHINSA" audit list --org "$A" --json |
		jq -r 'reverse[] | select(.action | endswith("_read")) | [.actor, .action, .object, (.details | fromjson | "\(.bank) \(.share)")] | join(" ")'
}
# accesses: A's shares as "share: number of accesses".
accesses() {
	as editor@a.test
	api GET /api/v1/shares
	echo "$code $(echo "$body" | jq -c '[.[] | [.id, (.accesses | length)]]')"
}

login editor@a.test
login rev@x.test
login viewer@x.test
api GET /api/v1/reviews/1/criteria
eq "by criteria before any are imported: refused" "$code $body" "404 $(E not_found "no criteria imported yet")"
"$SHINSA" criteria import "$T/criteria.tsv" --org "$X" >/dev/null
api GET /api/v1/plans/2
eq "a plan X does not see: refused" "$code $body" "404 $(E not_found "no plan 2")"
api GET '/api/v1/plans?status=done'
eq "no plan listed" "$code $body" "200 []"
eq "refusals and empty lists are no reads" "$(accesses)|$(reads)" "200 [[1,0]]|"

as viewer@x.test
api GET /api/v1/reviews/1
eq "X reads its review" "$code $(echo "$body" | jq -c '[.submission, .connector, (.items | length)]')" "200 [1,\"$A\",45]"
api GET /api/v1/reviews/1/criteria
eq "by its criteria" "$code $(echo "$body" | jq -c '[.connector, .summary]')" \
	"200 [\"$A\",{\"met\":0,\"met_with_plan\":0,\"partly_met\":0,\"open\":0,\"not_covered\":1}]"
api GET /api/v1/plans
eq "A's plan in X's list" "$code $(echo "$body" | jq -c '[.[] | [.id, .connector, .no, .due]]')" "200 [[1,\"$A\",3,\"2026-09-30\"]]"
api GET /api/v1/plans/1
eq "the plan" "$code $(echo "$body" | jq -c '[.id, .status, (.history | length)]')" '200 [1,"open",1]'
as rev@x.test
api PUT /api/v1/plans/1/required '{"due":"2026-06-30"}'
eq "X requires a date: the plan in the answer" "$code $(echo "$body" | jq -c '[.id, .due, .connector_due]')" \
	'200 [1,"2026-06-30","2026-09-30"]'
eq "each a read of share 1, saying what was read" "$(accesses)|$(reads)" "200 [[1,5]]|viewer@x.test review_read submission:1 $X 1
viewer@x.test review_criteria_read submission:1 $X 1
viewer@x.test plans_read submission:1 $X 1
viewer@x.test plans_read submission:1 $X 1
rev@x.test plans_read submission:1 $X 1"

# The pages load the same through the API: one read of each thing shown.
as viewer@x.test
req -b "$T/jar.$WHO" "$URL/reviews/1"
eq "the review page" "$code" 200
req -b "$T/jar.$WHO" "$URL/reviews/1/criteria"
eq "the criteria page" "$code" 200
req -b "$T/jar.$WHO" "$URL/plans"
eq "the plans page" "$code" 200
eq "the review page reads the review, the submission and the answers to X's questions; then the criteria and the plans" \
	"$(accesses)|$(reads | tail -n +6)" "200 [[1,10]]|viewer@x.test review_read submission:1 $X 1
viewer@x.test submission_read submission:1 $X 1
viewer@x.test questions_read submission:1 $X 1
viewer@x.test review_criteria_read submission:1 $X 1
viewer@x.test plans_read submission:1 $X 1"

# What is X's own, or counts only, is no read; nor is A's reading its own.
as viewer@x.test
for p in /api/v1/reviews /api/v1/inbox /api/v1/portfolio /api/v1/cycles /portfolio /inbox /reviews; do
	req -b "$T/jar.$WHO" "$URL$p"
	[ "$code" = 200 ] || not_ok "X reads $p" "$code $body"
done
as editor@a.test
api GET "/api/v1/reviews/1?bank=$X"
eq "A reads X's review of its submission" "$code" 200
api GET /api/v1/plans/1
eq "A reads its plan" "$code" 200
eq "none of these is a read" "$(accesses)" "200 [[1,10]]"

# Two shares open the plan: a read goes to the newest; after the revoke of
# both, nothing is read or recorded.
"$SHINSA" submit --org "$A" >/dev/null
"$SHINSA" share add 2 --bank "$X" >/dev/null
as viewer@x.test
api GET /api/v1/plans
eq "the plan once" "$code $(echo "$body" | jq -c '[.[] | .id]')" "200 [1]"
eq "one read, of the newest share" "$(accesses)|$(reads | tail -n 1)" "200 [[1,10],[2,1]]|viewer@x.test plans_read submission:2 $X 2"
"$SHINSA" share revoke 1 >/dev/null
"$SHINSA" share revoke 2 >/dev/null
as viewer@x.test
api GET /api/v1/plans
eq "revoked: no plans" "$code $body" "200 []"
api GET /api/v1/plans/1
eq "revoked: no plan" "$code $body" "404 $(E not_found "no plan 1")"
api GET /api/v1/reviews/1
eq "revoked: no review" "$code $body" "404 $(E not_found "no submission 1")"
api GET /api/v1/reviews/1/criteria
eq "revoked: no review by criteria" "$code $body" "404 $(E not_found "no submission 1")"
eq "revoked: no reads" "$(accesses)" "200 [[1,10],[2,1]]"
run "$SHINSA" audit verify
eq "the trail holds" "$rc" 0
stop_server
finish
