# Remediation plans and re-assessment cycles over HTTP: plans kept in step
# with the answers (set and import), the connector's update with every
# refusal's exact message, a bank's required date, both sides' lists and
# pages, overdue flipping with the clock, consent (a bank without a share
# in force sees nothing and gets 404), roles and kinds, the cycles, and the
# audit events.
. tests/http/lib.sh
fresh_orgs A B X Y
add_user "$A" editor@a.test editor
add_user "$A" viewer@a.test viewer
add_user "$B" editor@b.test editor
add_user X銀行 reviewer@x.test reviewer
add_user X銀行 viewer@x.test viewer
add_user Y銀行 reviewer@y.test reviewer
# Names for the history's 氏名（部署） (viewer@a.test and the others none).
"$SHINSA" user update --email editor@a.test --name '田中 太郎' --department 企画部 >/dev/null
"$SHINSA" user update --email reviewer@x.test --name '山田 花子' --department 審査部 >/dev/null
answer_all "$A"
start_server
OBJ3=役職員に情報管理方法を周知し、セキュリティ管理態勢の定着を図る。
OBJ5=役職員の不正対策を整備する。

# A partial answer opens a plan (over the API), a not_implemented one too
# (from the command line).
login editor@a.test
api GET /api/v1/plans
eq "no plans before a partial answer" "$code $body" "200 []"
api PUT /api/v1/answers/3 '{"status":"partial","issues":"規程が古い","plan":"改訂する","plan_due":"2026-06-30"}'
api GET /api/v1/plans
eq "a partial answer opens a plan" "$code $body" \
	"200 [{\"id\":1,\"catalog\":\"api-checklist-2018-08\",\"no\":3,\"objective\":\"$OBJ3\",\"status\":\"open\",\"due\":\"2026-06-30\",\"overdue\":false,\"milestones\":[],\"required\":[],\"updated_at\":\"2026-04-01T09:00:00Z\"}]"
"$SHINSA" answers set --org "$A" --item 5 --status not_implemented --issues 未整備 --plan 整備する --plan-due 2026-05-15 >/dev/null
api GET /api/v1/plans
eq "so does a not_implemented one" "$(echo "$body" | jq -c '[.[] | [.id, .no, .status, .due]]')" \
	'[[1,3,"open","2026-06-30"],[2,5,"open","2026-05-15"]]'
api POST /api/v1/submissions
api POST /api/v1/submissions/1/shares '{"bank":"X銀行"}'
eq "A submits and shares with X" "$code" 201

# After the submission: item 7 becomes partial; X's shared submission does
# not have it so, so X will not see that plan.
api PUT /api/v1/answers/7 '{"status":"partial","issues":"i","plan":"p","plan_due":"2026-12-31"}'
api GET /api/v1/plans/3
eq "a plan opened after the submission" "$code $(echo "$body" | jq -c '[.no, .status, .due, .history]')" \
	'200 [7,"open","2026-12-31",[{"at":"2026-04-01T09:00:00Z","actor":"editor@a.test","what":"created","detail":"answer partial, due 2026-12-31","actor_name":"田中 太郎","actor_department":"企画部"}]]'

# The bank: it sees the plans of the items partial or not_implemented in
# what is shared with it, and nothing else.
login reviewer@x.test
api GET /api/v1/plans
eq "the bank's list" "$code $body" \
	"200 [{\"id\":1,\"connector\":\"$A\",\"catalog\":\"api-checklist-2018-08\",\"no\":3,\"objective\":\"$OBJ3\",\"status\":\"open\",\"due\":\"2026-06-30\",\"connector_due\":\"2026-06-30\",\"required\":null,\"overdue\":false,\"milestones\":[],\"updated_at\":\"2026-04-01T09:00:00Z\"},{\"id\":2,\"connector\":\"$A\",\"catalog\":\"api-checklist-2018-08\",\"no\":5,\"objective\":\"$OBJ5\",\"status\":\"open\",\"due\":\"2026-05-15\",\"connector_due\":\"2026-05-15\",\"required\":null,\"overdue\":false,\"milestones\":[],\"updated_at\":\"2026-04-01T09:00:00Z\"}]"
api GET /api/v1/plans/3
eq "a plan not in what was shared: 404" "$code $body" '404 {"error":{"code":"not_found","message":"no plan 3"}}'
api PUT /api/v1/plans/3/required '{"due":"2026-05-31"}'
eq "nor can a date be set on it" "$code $body" '404 {"error":{"code":"not_found","message":"no plan 3"}}'
api PUT /api/v1/plans/1/required '{"due":"2026-05-31"}'
eq "the bank sets its required date" "$code $(echo "$body" | jq -c '[.due, .connector_due, .required, .history[-1]]')" \
	'200 ["2026-05-31","2026-06-30","2026-05-31",{"at":"2026-04-01T09:00:00Z","actor":"reviewer@x.test","what":"required","detail":"X銀行: 2026-05-31","actor_name":"山田 花子","actor_department":"審査部"}]'
api PUT /api/v1/plans/1/required '{"due":"2026-05-31"}'
eq "the same date again changes nothing" "$code $(echo "$body" | jq -c '.history | length')" '200 2'
api PUT /api/v1/plans/1/required '{"due":"2026-02-30"}'
eq "required: a bad date" "$code $body" '400 {"error":{"code":"bad_request","message":"due: 2026-02-30 is not a day","problems":[{"cell":"","code":"not_a_day","args":["2026-02-30"]}]}}'
api PUT /api/v1/plans/1/required '{}'
eq "required: due is required" "$code $body" '400 {"error":{"code":"bad_request","message":"due is required","problems":[{"cell":"","code":"required","args":["due"]}]}}'
api PUT /api/v1/plans/1/required '{"due":20260531}'
eq "required: due is text" "$code $body" '400 {"error":{"code":"bad_request","message":"due must be a string or null","problems":[{"cell":"","code":"wrong_type","args":["due"]}]}}'
api PUT /api/v1/plans/1/required '{"due":null,"note":"x"}'
eq "required: an unknown field" "$code $body" '400 {"error":{"code":"bad_request","message":"unknown field \"note\" (allowed: due)","problems":[{"cell":"","code":"unknown_field","args":["note"]}]}}'
api PUT /api/v1/plans/x/required '{"due":null}'
eq "required: not an id" "$code $body" '404 {"error":{"code":"not_found","message":"no plan \"x\""}}'
login viewer@x.test
api GET /api/v1/plans/1
eq "a bank viewer reads the plan" "$code $(echo "$body" | jq -c '[.id, .due]')" '200 [1,"2026-05-31"]'
api PUT /api/v1/plans/1/required '{"due":null}'
eq "a bank viewer cannot set a date" "$code $body" '403 {"error":{"code":"forbidden","message":"your role (viewer) may not do this","problems":[{"cell":"","code":"role","args":["viewer"]}]}}'
api PUT /api/v1/plans/1 '{"status":"done"}'
eq "a bank cannot update a plan" "$code $body" '403 {"error":{"code":"forbidden","message":"this is for connectors"}}'

# Another bank, another connector: nothing, and 404 for the ids.
login reviewer@y.test
api GET /api/v1/plans
eq "a bank without a share sees no plan" "$code $body" "200 []"
api GET /api/v1/plans/1
eq "... and gets 404 for its id" "$code $body" '404 {"error":{"code":"not_found","message":"no plan 1"}}'
api PUT /api/v1/plans/1/required '{"due":"2026-05-01"}'
eq "... and cannot set a date" "$code $body" '404 {"error":{"code":"not_found","message":"no plan 1"}}'
login editor@b.test
api GET /api/v1/plans
eq "another connector sees none" "$code $body" "200 []"
api GET /api/v1/plans/1
eq "another connector: 404" "$code $body" '404 {"error":{"code":"not_found","message":"no plan 1"}}'
api PUT /api/v1/plans/1 '{"status":"done"}'
eq "another connector cannot update it" "$code $body" '404 {"error":{"code":"not_found","message":"no plan 1"}}'

# The connector updates progress once, every bank sees it.
login viewer@a.test
api PUT /api/v1/plans/1 '{"status":"done"}'
eq "a connector viewer cannot update" "$code $body" '403 {"error":{"code":"forbidden","message":"your role (viewer) may not do this","problems":[{"cell":"","code":"role","args":["viewer"]}]}}'
as editor@a.test
api PUT /api/v1/plans/1/required '{"due":"2026-05-01"}'
eq "a connector cannot set a required date" "$code $body" '403 {"error":{"code":"forbidden","message":"this is for banks"}}'
api PUT /api/v1/plans/1 '{"status":"in_progress","note":"規程改訂に着手","milestones":[{"title":"規程案","due":"2026-05-01"},{"title":"承認","due":"2026-06-15","done_at":null}]}'
eq "the connector updates its plan" "$code $body" \
	"200 {\"id\":1,\"catalog\":\"api-checklist-2018-08\",\"no\":3,\"objective\":\"$OBJ3\",\"status\":\"in_progress\",\"due\":\"2026-06-30\",\"overdue\":false,\"milestones\":[{\"title\":\"規程案\",\"due\":\"2026-05-01\",\"done_at\":null},{\"title\":\"承認\",\"due\":\"2026-06-15\",\"done_at\":null}],\"required\":[{\"bank\":\"X銀行\",\"due\":\"2026-05-31\",\"overdue\":false}],\"updated_at\":\"2026-04-01T09:00:00Z\",\"created_at\":\"2026-04-01T09:00:00Z\",\"closed_at\":null,\"history\":[{\"at\":\"2026-04-01T09:00:00Z\",\"actor\":\"editor@a.test\",\"what\":\"created\",\"detail\":\"answer partial, due 2026-06-30\",\"actor_name\":\"田中 太郎\",\"actor_department\":\"企画部\"},{\"at\":\"2026-04-01T09:00:00Z\",\"actor\":\"reviewer@x.test\",\"what\":\"required\",\"detail\":\"X銀行: 2026-05-31\",\"actor_name\":\"山田 花子\",\"actor_department\":\"審査部\"},{\"at\":\"2026-04-01T09:00:00Z\",\"actor\":\"editor@a.test\",\"what\":\"status\",\"detail\":\"open → in_progress\",\"actor_name\":\"田中 太郎\",\"actor_department\":\"企画部\"},{\"at\":\"2026-04-01T09:00:00Z\",\"actor\":\"editor@a.test\",\"what\":\"note\",\"detail\":\"規程改訂に着手\",\"actor_name\":\"田中 太郎\",\"actor_department\":\"企画部\"},{\"at\":\"2026-04-01T09:00:00Z\",\"actor\":\"editor@a.test\",\"what\":\"milestones\",\"detail\":\"2 milestones, 0 done\",\"actor_name\":\"田中 太郎\",\"actor_department\":\"企画部\"}]}"
api PUT /api/v1/plans/1 '{"status":"in_progress","milestones":[{"title":"規程案","due":"2026-05-01"},{"title":"承認","due":"2026-06-15"}]}'
eq "the same again adds no history" "$code $(echo "$body" | jq -c '.history | length')" '200 5'
api PUT /api/v1/plans/1 '{"due":"2026-07-31","milestones":[{"title":"規程案","due":"2026-05-01","done_at":"2026-04-01"},{"title":"承認","due":"2026-06-15"}]}'
eq "due and milestones" "$code $(echo "$body" | jq -c '[.due, (.history[-2:][] | [.what, .detail])]')" \
	'200 ["2026-07-31",["due","2026-06-30 → 2026-07-31"],["milestones","2 milestones, 1 done"]]'

# Every refusal, exactly; nothing changes.
put_fails() { # WHAT BODY MESSAGE [PROBLEMS: the "problems" a page words]
	api PUT /api/v1/plans/1 "$2"
	eq "update refused: $1" "$code $body" "400 {\"error\":{\"code\":\"bad_request\",\"message\":$(printf '%s' "$3" | jq -Rs .)${4:+,\"problems\":$4}}}"
}
LONG=$(printf '審%.0s' $(seq 1 4001))
TITLE=$(printf '査%.0s' $(seq 1 201))
MANY=$(for i in $(seq 1 51); do printf '{"title":"m%d"},' "$i"; done | sed 's/,$//')
put_fails "an unknown field" '{"state":"done"}' 'unknown field "state" (allowed: status, due, note, milestones)' \
	'[{"cell":"","code":"unknown_field","args":["state"]}]'
put_fails "nothing to set" '{}' 'nothing to set (give any of status, due, note, milestones)' \
	'[{"cell":"","code":"nothing_to_set","args":[]}]'
put_fails "a bad status" '{"status":"closed"}' 'unknown status "closed" (want open, in_progress or done)'
put_fails "status is text" '{"status":1}' 'status must be a string' \
	'[{"cell":"","code":"wrong_type","args":["status"]}]'
api PUT /api/v1/plans/1 '{"due":"2026-13-01"}'
eq "update refused: a bad due date" "$code $body" \
	'400 {"error":{"code":"bad_request","message":"due: 2026-13-01 is not a day","problems":[{"cell":"","code":"not_a_day","args":["2026-13-01"]}]}}'
put_fails "due is text or null" '{"due":true}' 'due must be a string or null' \
	'[{"cell":"","code":"wrong_type","args":["due"]}]'
put_fails "note is text" '{"note":["x"]}' 'note must be a string' \
	'[{"cell":"","code":"wrong_type","args":["note"]}]'
put_fails "an empty note" '{"note":""}' 'note is empty' \
	'[{"cell":"","code":"note_empty","args":[]}]'
put_fails "a note too long" "{\"note\":\"$LONG\"}" 'note is longer than 4000 characters' \
	'[{"cell":"","code":"too_long","args":["note","4000"]}]'
put_fails "milestones is an array" '{"milestones":{"title":"x"}}' 'milestones must be an array of {title, due, done_at}' \
	'[{"cell":"","code":"wrong_type","args":["milestones"]}]'
put_fails "too many milestones" "{\"milestones\":[$MANY]}" 'too many milestones (at most 50)' \
	'[{"cell":"","code":"milestones_too_many","args":["50"]}]'
put_fails "a milestone is an object" '{"milestones":["x"]}' 'milestone 1 must be an object {title, due, done_at}' \
	'[{"cell":"","code":"wrong_type","args":["milestones","1"]}]'
put_fails "a milestone's unknown field" '{"milestones":[{"title":"a"},{"title":"b","owner":"c"}]}' 'milestone 2: unknown field "owner" (allowed: title, due, done_at)' \
	'[{"cell":"","code":"unknown_field","args":["owner","2"]}]'
put_fails "a milestone needs a title" '{"milestones":[{"due":"2026-05-01"}]}' 'milestone 1: title is required' \
	'[{"cell":"","code":"milestone_title","args":["1"]}]'
put_fails "a milestone's title is text" '{"milestones":[{"title":7}]}' 'milestone 1: title must be a string' \
	'[{"cell":"","code":"wrong_type","args":["title","milestone 1: "]}]'
put_fails "an empty title" '{"milestones":[{"title":" "}]}' 'milestone 1: title is empty'
put_fails "a title too long" "{\"milestones\":[{\"title\":\"$TITLE\"}]}" 'milestone 1: title is longer than 200 characters'
put_fails "a title with a line break" '{"milestones":[{"title":"a\nb"}]}' 'milestone 1: title contains a control character or invalid UTF-8'
put_fails "a milestone's bad due" '{"milestones":[{"title":"a","due":"2026-04-31"}]}' 'milestone 1: due: 2026-04-31 is not a day' \
	'[{"cell":"","code":"not_a_day","args":["2026-04-31"]}]'
put_fails "a milestone's due is text" '{"milestones":[{"title":"a","due":5}]}' 'milestone 1: due must be a string or null' \
	'[{"cell":"","code":"wrong_type","args":["due","milestone 1: "]}]'
put_fails "a milestone's bad done_at" '{"milestones":[{"title":"a","done_at":"yes"}]}' 'milestone 1: done_at: "yes" is not a date (want 2027-07-31, 2027/7/31, 2027年7月31日 or 令和9年7月31日)' \
	'[{"cell":"","code":"not_a_date","args":["yes"]}]'
api PUT /api/v1/plans/99 '{"status":"done"}'
eq "update: no such plan" "$code $body" '404 {"error":{"code":"not_found","message":"no plan 99"}}'
api GET /api/v1/plans/1
eq "the refusals changed nothing" "$(echo "$body" | jq -c '[.status, .due, (.milestones | length), (.history | length)]')" \
	'["in_progress","2026-07-31",2,7]'

# Y gets a share too and sets its own date: X never sees Y's date or its
# history entry, A sees both.
api POST /api/v1/submissions/1/shares '{"bank":"Y銀行"}'
Y_SHARE=$(echo "$body" | jq -r .id)
as reviewer@y.test
api PUT /api/v1/plans/1/required '{"due":"2026-09-30"}'
eq "Y sets its date" "$code $(echo "$body" | jq -c '[.due, .required]')" '200 ["2026-09-30","2026-09-30"]'
as reviewer@x.test
api GET /api/v1/plans/1
eq "X sees its own date, none of Y's" "$(echo "$body" | jq -c '[.due, .required, ([.history[] | select(.what == "required") | .detail])]')" \
	'["2026-05-31","2026-05-31",["X銀行: 2026-05-31"]]'
grep -q Y銀行 "$T/b" && not_ok "Y's name in X's view" "$body" || ok "Y's name is not in X's view"
as editor@a.test
api GET /api/v1/plans/1
eq "A sees both" "$(echo "$body" | jq -c '.required')" \
	'[{"bank":"X銀行","due":"2026-05-31","overdue":false},{"bank":"Y銀行","due":"2026-09-30","overdue":false}]'
api DELETE /api/v1/submissions/1/shares/$Y_SHARE
as reviewer@y.test
api GET /api/v1/plans/1
eq "after the revoke Y gets 404" "$code $body" '404 {"error":{"code":"not_found","message":"no plan 1"}}'
api GET /api/v1/plans
eq "... and an empty list" "$code $body" "200 []"

# The clock moves past 2026-05-31: overdue for both sides, each by its rule.
stop_server
SHINSA_NOW=2026-06-01T00:00:00Z start_server
login editor@a.test
api GET /api/v1/plans
eq "the connector: overdue by X's date and its own" "$(echo "$body" | jq -c '[.[] | [.id, .due, .overdue, [.required[] | .overdue]]]')" \
	'[[1,"2026-07-31",true,[true,false]],[2,"2026-05-15",true,[]],[3,"2026-12-31",false,[]]]'
api GET '/api/v1/plans?overdue=true'
eq "?overdue=true" "$(echo "$body" | jq -c '[.[] | .id]')" '[1,2]'
api GET '/api/v1/plans?status=in_progress'
eq "?status=in_progress" "$(echo "$body" | jq -c '[.[] | .id]')" '[1]'
api GET '/api/v1/plans?status=open&overdue=false'
eq "?status=open&overdue=false" "$(echo "$body" | jq -c '[.[] | .id]')" '[2,3]'
api GET '/api/v1/plans?status=late'
eq "a bad status filter" "$code $body" '400 {"error":{"code":"bad_request","message":"unknown status \"late\" (want open, in_progress or done)"}}'
api GET '/api/v1/plans?overdue=yes'
eq "a bad overdue filter" "$code $body" '400 {"error":{"code":"bad_request","message":"overdue wants true or false, not \"yes\""}}'
login reviewer@x.test
api GET /api/v1/plans
eq "the bank: overdue by its own date" "$(echo "$body" | jq -c '[.[] | [.id, .due, .overdue]]')" \
	'[[1,"2026-05-31",true],[2,"2026-05-15",true]]'
api PUT /api/v1/plans/1/required '{"due":null}'
eq "the bank removes its date: the connector's counts" "$code $(echo "$body" | jq -c '[.due, .required, .overdue, .history[-1].detail]')" \
	'200 ["2026-07-31",null,false,"X銀行: removed (was 2026-05-31)"]'

# The answers lead: implemented closes the plan, partial reopens it.
as editor@a.test
api PUT /api/v1/answers/5 '{"status":"implemented","current":"整備した"}'
api GET /api/v1/plans/2
eq "implemented closes the plan" "$code $(echo "$body" | jq -c '[.status, .overdue, .closed_at, .history[-1]]')" \
	'200 ["done",false,"2026-06-01T00:00:00Z",{"at":"2026-06-01T00:00:00Z","actor":"editor@a.test","what":"closed","detail":"answer now implemented","actor_name":"田中 太郎","actor_department":"企画部"}]'
as reviewer@x.test
api GET /api/v1/plans/2
eq "the bank sees it done" "$code $(echo "$body" | jq -c '[.status, .overdue]')" '200 ["done",false]'
as editor@a.test
api PUT /api/v1/answers/5 '{"status":"partial","plan_due":"2026-08-31"}'
api GET /api/v1/plans/2
eq "partial again reopens it, with the new due" "$code $(echo "$body" | jq -c '[.status, .due, .closed_at, (.history[-2:][] | [.what, .detail])]')" \
	'200 ["open","2026-08-31",null,["reopened","answer now partial"],["due","2026-05-15 → 2026-08-31"]]'
api PUT /api/v1/answers/5 '{"status":""}'
api GET /api/v1/plans/2
eq "a cleared status leaves the plan" "$(echo "$body" | jq -c '[.status, (.history | length)]')" '["open",4]'
eq "the events of plan 2" "$("$SHINSA" audit list --org "$A" --json | jq -c '[reverse[] | select(.object == "plan:2") | [.actor, .action, .details]]')" \
	'[["cli:'"$(id -un)"'","plan_create","{\"catalog\":\"api-checklist-2018-08\",\"due\":\"2026-05-15\",\"no\":5}"],["editor@a.test","plan_close","{\"catalog\":\"api-checklist-2018-08\",\"no\":5,\"reason\":\"answer now implemented\"}"],["editor@a.test","plan_update","{\"catalog\":\"api-checklist-2018-08\",\"fields\":[\"status\",\"due\"],\"no\":5}"]]'
eq "the events of plan 1" "$("$SHINSA" audit list --org "$A" --json | jq -c '[reverse[] | select(.object == "plan:1") | [.actor, .action, .details]]')" \
	'[["editor@a.test","plan_create","{\"catalog\":\"api-checklist-2018-08\",\"due\":\"2026-06-30\",\"no\":3}"],["reviewer@x.test","plan_required","{\"bank\":\"X銀行\",\"catalog\":\"api-checklist-2018-08\",\"due\":\"2026-05-31\",\"no\":3}"],["editor@a.test","plan_update","{\"catalog\":\"api-checklist-2018-08\",\"fields\":[\"status\",\"note\",\"milestones\"],\"no\":3}"],["editor@a.test","plan_update","{\"catalog\":\"api-checklist-2018-08\",\"fields\":[\"due\",\"milestones\"],\"no\":3}"],["reviewer@y.test","plan_required","{\"bank\":\"Y銀行\",\"catalog\":\"api-checklist-2018-08\",\"due\":\"2026-09-30\",\"no\":3}"],["reviewer@x.test","plan_required","{\"bank\":\"X銀行\",\"catalog\":\"api-checklist-2018-08\",\"due\":null,\"no\":3}"]]'

# Import leads the plans as set does.
"$SHINSA" answers export --org "$A" -o "$T/a.xlsx" >/dev/null
"$SHINSA" org add --kind connector --name 接続先C >/dev/null
"$SHINSA" answers import "$T/a.xlsx" --org 接続先C >/dev/null
eq "an import opens the plans of its partial answers" \
	"$("$SHINSA" audit list --org 接続先C --json | jq -c '[reverse[] | select(.action == "plan_create") | .details | fromjson | [.no, .due]]')" \
	'[[3,"2026-06-30"],[7,"2026-12-31"]]'

# Cycles.
login reviewer@x.test
api GET /api/v1/cycles
eq "the bank's cycles: one pair, never assessed" "$code $body" \
	"200 [{\"bank\":\"X銀行\",\"connector\":\"$A\",\"months\":12,\"last_assessed\":null,\"next_due\":null,\"state\":\"not_assessed\"}]"
api PUT "/api/v1/cycles/$A" '{"months":6,"next_due":"2026-06-30"}'
eq "the bank sets its cycle: due within 30 days" "$code $body" \
	"200 {\"bank\":\"X銀行\",\"connector\":\"$A\",\"months\":6,\"last_assessed\":null,\"next_due\":\"2026-06-30\",\"state\":\"due\"}"
api PUT "/api/v1/cycles/$A" '{"next_due":"2026-05-31"}'
eq "a past date: overdue" "$code $(echo "$body" | jq -c '[.months, .next_due, .state]')" '200 [6,"2026-05-31","overdue"]'
api PUT "/api/v1/cycles/$A" '{"next_due":"2026-12-01"}'
eq "a later date: scheduled" "$code $(echo "$body" | jq -c '[.next_due, .state]')" '200 ["2026-12-01","scheduled"]'
api PUT "/api/v1/cycles/$A" '{"next_due":null}'
eq "no date and never assessed" "$code $(echo "$body" | jq -c '[.next_due, .state]')" '200 [null,"not_assessed"]'
api PUT "/api/v1/cycles/$A" '{"months":0}'
eq "cycle: months too few" "$code $body" '400 {"error":{"code":"bad_request","message":"months must be a whole number from 1 to 60"}}'
api PUT "/api/v1/cycles/$A" '{"months":"12"}'
eq "cycle: months is a number" "$code $body" '400 {"error":{"code":"bad_request","message":"months must be a whole number","problems":[{"cell":"","code":"wrong_type","args":["months"]}]}}'
api PUT "/api/v1/cycles/$A" '{"next_due":"2026-06-31"}'
eq "cycle: a bad date" "$code $body" '400 {"error":{"code":"bad_request","message":"next_due: 2026-06-31 is not a day","problems":[{"cell":"","code":"not_a_day","args":["2026-06-31"]}]}}'
api PUT "/api/v1/cycles/$A" '{"next_due":1}'
eq "cycle: next_due is text" "$code $body" '400 {"error":{"code":"bad_request","message":"next_due must be a string or null","problems":[{"cell":"","code":"wrong_type","args":["next_due"]}]}}'
api PUT "/api/v1/cycles/$A" '{}'
eq "cycle: nothing to set" "$code $body" '400 {"error":{"code":"bad_request","message":"nothing to set (give months or next_due)","problems":[{"cell":"","code":"nothing_to_set","args":[]}]}}'
api PUT "/api/v1/cycles/$A" '{"every":1}'
eq "cycle: an unknown field" "$code $body" '400 {"error":{"code":"bad_request","message":"unknown field \"every\" (allowed: months, next_due)","problems":[{"cell":"","code":"unknown_field","args":["every"]}]}}'
api PUT "/api/v1/cycles/$B" '{"months":6}'
eq "cycle: a connector that never shared with the bank" "$code $body" "404 {\"error\":{\"code\":\"not_found\",\"message\":\"no connector \\\"$B\\\"\"}}"
api PUT /api/v1/cycles/Z社 '{"months":6}'
eq "cycle: no such connector, the same answer" "$code $body" '404 {"error":{"code":"not_found","message":"no connector \"Z社\""}}'
api PUT /api/v1/cycles/Y銀行 '{"months":6}'
eq "cycle: a bank is no connector" "$code $body" '404 {"error":{"code":"not_found","message":"no connector \"Y銀行\""}}'
login viewer@x.test
api PUT "/api/v1/cycles/$A" '{"months":6}'
eq "cycle: a bank viewer cannot set it" "$code $body" '403 {"error":{"code":"forbidden","message":"your role (viewer) may not do this","problems":[{"cell":"","code":"role","args":["viewer"]}]}}'
login reviewer@y.test
api GET /api/v1/cycles
eq "Y's pair stays after its share was revoked" "$code $(echo "$body" | jq -c '[.[] | [.bank, .connector, .months]]')" "200 [[\"Y銀行\",\"$A\",12]]"
login editor@a.test
api GET /api/v1/cycles
eq "the connector sees every bank's cycle" "$code $(echo "$body" | jq -c '[.[] | [.bank, .months, .next_due, .state]]')" \
	'200 [["X銀行",6,null,"not_assessed"],["Y銀行",12,null,"not_assessed"]]'
api PUT "/api/v1/cycles/$A" '{"months":6}'
eq "cycle: a connector cannot set it" "$code $body" '403 {"error":{"code":"forbidden","message":"this is for banks"}}'
login editor@b.test
api GET /api/v1/cycles
eq "another connector has none" "$code $body" '200 []'
eq "cycle_set in the bank's trail" "$("$SHINSA" audit list --org X銀行 --json | jq -c '[reverse[] | select(.action == "cycle_set") | [.actor, .object, .details]][0]')" \
	"[\"reviewer@x.test\",\"cycle:3-1\",\"{\\\"connector\\\":\\\"$A\\\",\\\"months\\\":6,\\\"next_due\\\":\\\"2026-06-30\\\"}\"]"
run "$SHINSA" audit verify
eq "the trail holds" "$rc" 0
# The plan page's history names who changed what 氏名（部署）.
as editor@a.test
req -b "$T/jar.$WHO" "$URL/plans/1"
eq "the history by name, the e-mail after it" "$(sed -n '/<table id="history">/,/<\/table>/p' "$T/b" | grep -o '<td class="wrap">.*</td><td>[^<]*</td>' | head -2 | tr '\n' '|')" \
	'<td class="wrap"><span class="person" title="editor@a.test">田中 太郎（企画部）<span class="person-email">editor@a.test</span></span></td><td>作成</td>|<td class="wrap"><span class="person" title="reviewer@x.test">山田 花子（審査部）<span class="person-email">reviewer@x.test</span></span></td><td>銀行の期限指定</td>|'
stop_server
finish
