# shinsa plans: the list as each side sees it, and the connector's update
# with the API's checks and messages.
. tests/cli/lib.sh
export SHINSA_NOW=2026-04-01T09:00:00Z
"$SHINSA" init >/dev/null
A=接続先A
"$SHINSA" org add --kind connector --name "$A" >/dev/null
"$SHINSA" org add --kind bank --name X銀行 >/dev/null
"$SHINSA" org add --kind bank --name Y銀行 >/dev/null
for n in $(seq 1 38) 44; do
	"$SHINSA" answers set --org "$A" --item "$n" --status implemented --current "回答${n}" >/dev/null
done
run "$SHINSA" plans list --org "$A"
eq "no plans yet" "$rc:$out" "0:$A has no plans to see"
"$SHINSA" answers set --org "$A" --item 3 --status partial --issues 課題 --plan 計画 --plan-due 2026-03-31 >/dev/null
"$SHINSA" answers set --org "$A" --item 5 --status not_implemented --issues 課題 --plan 計画 --plan-due 2026-12-31 >/dev/null
"$SHINSA" submit --org "$A" >/dev/null
"$SHINSA" share add 1 --bank X銀行 >/dev/null
# The due date taken off the answer is taken off its plan.
"$SHINSA" answers set --org "$A" --item 5 --plan-due "" >/dev/null
run "$SHINSA" plans list --org "$A"
eq "the connector's plans" "$rc:$out" "0:plan 1  item 3  open  due 2026-03-31  OVERDUE
plan 2  item 5  open  due none"
run "$SHINSA" plans list --org X銀行
eq "a bank's, under consent" "$rc:$out" "0:plan 1  $A  item 3  open  due 2026-03-31  OVERDUE
plan 2  $A  item 5  open  due none"
run "$SHINSA" plans list --org Y銀行
eq "a bank without a share" "$rc:$out" "0:Y銀行 has no plans to see"
run "$SHINSA" plans list --org X銀行 --json
eq "--json: the API's shape" "$rc:$(printf '%s\n' "$out" | jq -c '.[0] | keys_unsorted')" \
	'0:["id","connector","catalog","no","objective","status","due","connector_due","required","overdue","milestones","updated_at"]'
run "$SHINSA" plans update 1 --org "$A" --status in_progress --due 2026-06-30 --note "着手した"
eq "update" "$rc:$out" "0:plan 1 (item 3 of $A): in_progress, due 2026-06-30"
run "$SHINSA" plans update 2 --org "$A" --due none --status open
eq "an update that changes nothing" "$rc:$out" "0:plan 2 (item 5 of $A): open, due none"
eq "the events: the update, and the due the answer took off (none for the update that changed nothing)" "$("$SHINSA" audit list --org "$A" --json | jq -c '[.[] | select(.action == "plan_update") | [.object, .details]]')" \
	'[["plan:1","{\"catalog\":\"api-checklist-2018-08\",\"fields\":[\"status\",\"due\",\"note\"],\"no\":3}"],["plan:2","{\"catalog\":\"api-checklist-2018-08\",\"fields\":[\"due\"],\"no\":5}"]]'
run "$SHINSA" plans update 1 --org "$A" --milestones '[{"title":"規程案の作成","due":"2026-05-15","done_at":null},{"title":"取締役会承認","due":"2026-06-15"}]'
eq "milestones, as the API takes them" "$rc:$out" "0:plan 1 (item 3 of $A): in_progress, due 2026-06-30"
run "$SHINSA" plans list --org "$A" --json
eq "the milestones stored" "$(printf '%s\n' "$out" | jq -c '.[0].milestones')" \
	'[{"title":"規程案の作成","due":"2026-05-15","done_at":null},{"title":"取締役会承認","due":"2026-06-15","done_at":null}]'
fails "milestones: not JSON" 2 "shinsa: plans update: --milestones is not JSON: '[' or '{' expected near 'x' (usage: shinsa plans update ID --org CONNECTOR [--status S] [--due DATE|none] [--note TEXT] [--milestones JSON])" \
	"$SHINSA" plans update 1 --org "$A" --milestones x
fails "milestones: checked as the API does" 1 'shinsa: milestone 1: title is required' \
	"$SHINSA" plans update 1 --org "$A" --milestones '[{"due":"2026-05-15"}]'
fails "a bad status" 1 'shinsa: unknown status "late" (want open, in_progress or done)' \
	"$SHINSA" plans update 1 --org "$A" --status late
fails "a bad date" 1 'shinsa: due: 2026-06-31 is not a day' \
	"$SHINSA" plans update 1 --org "$A" --due 2026-06-31
fails "nothing to set" 1 'shinsa: nothing to set (give any of status, due, note, milestones)' \
	"$SHINSA" plans update 1 --org "$A"
fails "no such plan" 1 'shinsa: no plan 9' "$SHINSA" plans update 9 --org "$A" --status done
fails "a bank updates nothing" 1 'shinsa: X銀行 is a bank: plans are updated by their connector' \
	"$SHINSA" plans update 1 --org X銀行 --status done
fails "an id" 2 'shinsa: plans update: ID is a plan number, not "one" (usage: shinsa plans update ID --org CONNECTOR [--status S] [--due DATE|none] [--note TEXT] [--milestones JSON])' \
	"$SHINSA" plans update one --org "$A"
fails "list needs --org" 2 'shinsa: plans list: --org is required (usage: shinsa plans list --org ORG [--json])' \
	"$SHINSA" plans list
finish
