# shinsa cycles: the re-assessment cycles of each side (a pair starts with
# the first share), a bank setting its cycle with the API's checks and
# messages, the connector unable to, and the event in the bank's trail.
. tests/cli/lib.sh
export SHINSA_NOW=2026-04-01T09:00:00Z
"$SHINSA" init >/dev/null
A=接続先A B=接続先B X=X銀行
"$SHINSA" org add --kind connector --name "$A" >/dev/null
"$SHINSA" org add --kind connector --name "$B" >/dev/null
"$SHINSA" org add --kind bank --name "$X" >/dev/null
for n in $(seq 1 38) 44; do
	"$SHINSA" answers set --org "$A" --item "$n" --status implemented --current "回答${n}" >/dev/null
done

run "$SHINSA" cycles list --org "$X"
eq "no pair before a share" "$rc:$out" "0:$X has no re-assessment cycles yet (a pair starts with its first share)"
"$SHINSA" submit --org "$A" >/dev/null
"$SHINSA" share add 1 --bank "$X" >/dev/null
run "$SHINSA" cycles list --org "$X"
eq "the pair, never assessed" "$rc:$out" "0:$X × $A  every 12 months  last none  next none  not_assessed"
# The date as typed in Japan, stored as 2026-04-20.
run "$SHINSA" cycles set --org "$X" --connector "$A" --months 6 --next-due 令和8年4月20日
eq "the bank sets its cycle" "$rc:$out" "0:$X × $A  every 6 months  last none  next 2026-04-20  due"
run "$SHINSA" cycles list --org "$A" --json
eq "the connector sees it, as GET /api/v1/cycles" "$rc:$(printf '%s' "$out" | jq -c .)" \
	"0:[{\"bank\":\"$X\",\"connector\":\"$A\",\"months\":6,\"last_assessed\":null,\"next_due\":\"2026-04-20\",\"state\":\"due\"}]"
run "$SHINSA" cycles set --org "$X" --connector "$A" --next-due none
eq "back to no explicit date" "$rc:$out" "0:$X × $A  every 6 months  last none  next none  not_assessed"
fails "months: a number from 1 to 60" 1 "shinsa: months must be a whole number from 1 to 60" \
	"$SHINSA" cycles set --org "$X" --connector "$A" --months 61
fails "months: not a number" 1 "shinsa: months must be a whole number from 1 to 60" \
	"$SHINSA" cycles set --org "$X" --connector "$A" --months twelve
fails "a bad date" 1 'shinsa: next_due: 2026-02-30 is not a day' \
	"$SHINSA" cycles set --org "$X" --connector "$A" --next-due 2026-02-30
fails "nothing to set" 1 "shinsa: nothing to set (give months or next_due)" \
	"$SHINSA" cycles set --org "$X" --connector "$A"
fails "a connector with no share: no pair" 1 "shinsa: no connector \"$B\"" \
	"$SHINSA" cycles set --org "$X" --connector "$B" --months 6
fails "a connector sets no cycle" 1 "shinsa: $A is a connector: cycles are set by banks" \
	"$SHINSA" cycles set --org "$A" --connector "$A" --months 6
fails "--connector is required" 2 "shinsa: cycles set: --connector is required (usage: shinsa cycles set --org BANK --connector NAME [--months N] [--next-due DATE|none])" \
	"$SHINSA" cycles set --org "$X"
eq "the bank's trail" "$("$SHINSA" audit list --org "$X" --json | jq -c '[reverse[] | select(.action == "cycle_set") | .details]')" \
	"[\"{\\\"connector\\\":\\\"$A\\\",\\\"months\\\":6,\\\"next_due\\\":\\\"2026-04-20\\\"}\",\"{\\\"connector\\\":\\\"$A\\\",\\\"months\\\":6,\\\"next_due\\\":null}\"]"
finish
