# The length of an answer's text fields: refused at input past
# ANSWER_TEXT_MAX (32,000 UTF-16 code units) with the item and the field;
# the longest accepted answer exports and imports back unchanged.
. tests/cli/lib.sh
export SHINSA_NOW=2026-04-01T09:00:00Z
"$SHINSA" init >/dev/null || { echo "init failed"; exit 1; }
A=株式会社フィンテック B=株式会社コピー先
for o in "$A" "$B"; do "$SHINSA" org add --kind connector --name "$o" >/dev/null; done

# rep TEXT N: TEXT N times.
rep() { python3 -c 'import sys; sys.stdout.write(sys.argv[1] * int(sys.argv[2]))' "$1" "$2"; }
show() { "$SHINSA" answers show --org "$1" --json | jq -c ".items[] | select(.no == $2) | del(.revision)"; }

# Excel's cell limit, which the API and the command line took until now:
# the form could then not be written (E4: String exceeds Excel's limit).
fails "32,767 characters refused, naming item and field" 1 \
	"shinsa: item 2: current is longer than 32000 characters" \
	"$SHINSA" answers set --org "$A" --item 2 --status partial --current "$(rep x 32767)"
fails "32,001 refused" 1 "shinsa: item 2: notes is longer than 32000 characters" \
	"$SHINSA" answers set --org "$A" --item 2 --notes "$(rep 規 32001)"
# U+1F600 is two UTF-16 code units, as Excel counts: 16,001 of them are 32,002.
fails "characters beyond U+FFFF count two" 1 "shinsa: item 2: issues is longer than 32000 characters" \
	"$SHINSA" answers set --org "$A" --item 2 --issues "$(rep 😀 16001)"
# "_x0041_" is written "_x005F_x0041_" so that it reads back literally: 13.
fails "a literal Excel escape counts as written" 1 "shinsa: item 2: plan is longer than 32000 characters" \
	"$SHINSA" answers set --org "$A" --item 2 --plan "$(rep _x0041_ 2462)"
eq "nothing written" "$(show "$A" 2)" '{"no":2,"status":null,"current":"","issues":"","plan":"","plan_due":null,"notes":""}'

# The longest of each kind, beside the marker lines of E and G.
CUR="😀$(rep あ 31998)" ISS="$(rep x 32000)" PLAN="$(rep _x0041_ 2461)1234567" NOTES="$(rep '=' 32000)"
run "$SHINSA" answers set --org "$A" --item 2 --status not_implemented --current "$CUR" --issues "$ISS" \
	--plan "$PLAN" --plan-due 2026-09-30 --notes "$NOTES"
eq "32,000 of each accepted" "$rc" 0
run "$SHINSA" answers export --org "$A" -o "$T/a.xlsx"
eq "and exported" "$rc:$out:$err" "0:wrote $T/a.xlsx: $A's answers to api-checklist-2018-08, 45 items (1 with a status):"
run "$SHINSA" answers import "$T/a.xlsx" --org "$B"
eq "imported elsewhere" "$rc" 0
eq "back unchanged" "$(show "$B" 2)" "$(show "$A" 2)"
eq "every field at its longest" "$(show "$B" 2 | jq -c '[.status, (.current, .issues, .plan, .notes | length), .plan_due]')" \
	'["not_implemented",31999,32000,17234,32000,"2026-09-30"]'

# A cell one character longer than the field may be: refused by cell.
python3 tests/cli/xlsx_edit.py "$T/a.xlsx" "$T/long.xlsx" xl/sharedStrings.xml "$ISS" "${ISS}y" ||
	not_ok "xlsx_edit.py"
fails "an import refuses it by cell" 1 "shinsa: $T/long.xlsx: 1 error, nothing imported
API接続チェックリスト!F5: item 2: issues is longer than 32000 characters" \
	"$SHINSA" answers import "$T/long.xlsx" --org "$B"
finish
