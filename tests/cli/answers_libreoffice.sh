# The forms people send back, made by LibreOffice: our blank form filled in
# LibreOffice (through its flat XML format, cells typed with line breaks and
# a leading "="), and our export re-saved by LibreOffice. Both import with
# every answer intact.
. tests/cli/lib.sh
export SHINSA_NOW=2026-04-01T09:00:00Z
for tool in soffice python3 jq timeout; do
	command -v "$tool" >/dev/null || { not_ok "$tool is installed (scripts/deps.sh test installs it)"; finish; exit 1; }
done
# A private profile, so that a user's LibreOffice or another test does not
# meet this one; the timeout, because a stuck soffice would hang the suite.
# soffice CONVERT-TO OUTDIR FILE
soffice_convert() {
	timeout 180 soffice --headless --norestore "-env:UserInstallation=file://$T/lo" \
		--convert-to "$1" --outdir "$2" "$3" >>"$T/soffice.log" 2>&1
}
# (without the revisions: the test is about the values)
show() { "$SHINSA" answers show --org "$1" --json | jq -c '[.items[] | del(.revision)]'; }

"$SHINSA" init >/dev/null || { echo "init failed"; exit 1; }
A=株式会社フィンテック B=株式会社コピー先
for o in "$A" "$B"; do "$SHINSA" org add --kind connector --name "$o" >/dev/null; done

# ---- our blank form, filled in LibreOffice ----
"$SHINSA" form api-checklist-2018-08 -o "$T/blank.xlsx" >/dev/null
soffice_convert fods "$T" "$T/blank.xlsx"
[ -s "$T/blank.fods" ] && ok "LibreOffice opens the blank form" || { not_ok "LibreOffice opens the blank form" "$(cat "$T/soffice.log")"; finish; exit 1; }
nl='
'
# Items 1-4 are on rows 4-7, item 9 on row 12.
python3 tests/cli/fods_fill.py "$T/blank.fods" "$T/filled.fods" API接続チェックリスト \
	E4 "【対応済】${nl}規程を整備済み。${nl}責任者を任命。" \
	E5 "【一部対応】" F5 "=委託先の管理が不十分" G5 "【対応予定日】2026-09-30${nl}+規程を整備する${nl}-手順書も" J5 "@備考" \
	E6 "[not_implemented]${nl}未着手" F6 "課題" G6 "【対応予定日】2027/1/31${nl}計画" \
	E7 "【対象外】" J7 "店舗なし" \
	E12 "=SUM(1)" || not_ok "fods_fill.py"
mkdir -p "$T/xlsx"
soffice_convert "xlsx:Calc MS Excel 2007 XML" "$T/xlsx" "$T/filled.fods"
[ -s "$T/xlsx/filled.xlsx" ] && ok "LibreOffice saves it as .xlsx" || not_ok "LibreOffice saves it as .xlsx" "$(cat "$T/soffice.log")"
run "$SHINSA" answers import "$T/xlsx/filled.xlsx" --org "$A"
eq "the filled form imports" "$rc:$out:$err" "0:item 1: status, current
item 2: status, issues, plan, plan_due, notes
item 3: status, current, issues, plan, plan_due
item 4: status, notes
item 9: current
imported 45 items (5 changed) from $T/xlsx/filled.xlsx:"
eq "every answer intact" "$(show "$A" | jq -c '[.[] | select(.no == (1, 2, 3, 4, 9))]')" \
	"$(jq -nc '[
	{no: 1, status: "implemented", current: "規程を整備済み。\n責任者を任命。", issues: "", plan: "", plan_due: null, notes: ""},
	{no: 2, status: "partial", current: "", issues: "=委託先の管理が不十分", plan: "+規程を整備する\n-手順書も", plan_due: "2026-09-30", notes: "@備考"},
	{no: 3, status: "not_implemented", current: "未着手", issues: "課題", plan: "計画", plan_due: "2027-01-31", notes: ""},
	{no: 4, status: "not_applicable", current: "", issues: "", plan: "", plan_due: null, notes: "店舗なし"},
	{no: 9, status: null, current: "=SUM(1)", issues: "", plan: "", plan_due: null, notes: ""}]')"
eq "and nothing else" "$(show "$A" | jq -c '[.[] | select(.status or .current != "" or .notes != "") | .no]')" '[1,2,3,4,9]'
unzip -p "$T/xlsx/filled.xlsx" xl/worksheets/sheet1.xml | grep -q '<f>' && not_ok "LibreOffice kept the = cells as text" || ok "LibreOffice kept the = cells as text"

# ---- our export, re-saved by LibreOffice ----
"$SHINSA" answers set --org "$A" --item 5 --current "[注]${nl}別紙参照" >/dev/null || not_ok "answers set item 5"
"$SHINSA" answers set --org "$A" --item 6 --plan "【対応予定日】未定" --issues "- 箇条書き${nl}${nl}- 空行の後" >/dev/null ||
	not_ok "answers set item 6"
"$SHINSA" answers set --org "$A" --item 44 --status implemented --current "全角　空白と @ と = の混在" --notes "+1" >/dev/null ||
	not_ok "answers set item 44"
eq "the answers to export" "$(show "$A" | jq -c '[.[] | select(.no == 5 or .no == 6 or .no == 44)]')" \
	'[{"no":5,"status":null,"current":"[注]\n別紙参照","issues":"","plan":"","plan_due":null,"notes":""},{"no":6,"status":null,"current":"","issues":"- 箇条書き\n\n- 空行の後","plan":"【対応予定日】未定","plan_due":null,"notes":""},{"no":44,"status":"implemented","current":"全角　空白と @ と = の混在","issues":"","plan":"","plan_due":null,"notes":"+1"}]'
"$SHINSA" answers export --org "$A" -o "$T/a.xlsx" >/dev/null
mkdir -p "$T/resaved"
soffice_convert "xlsx:Calc MS Excel 2007 XML" "$T/resaved" "$T/a.xlsx"
[ -s "$T/resaved/a.xlsx" ] && ok "LibreOffice re-saves our export" || not_ok "LibreOffice re-saves our export" "$(cat "$T/soffice.log")"
run "$SHINSA" answers import "$T/resaved/a.xlsx" --org "$B"
eq "the re-saved export imports" "$rc:$(echo "$out" | tail -n 1):$err" "0:imported 45 items (8 changed) from $T/resaved/a.xlsx:"
eq "losslessly, field by field" "$(show "$B")" "$(show "$A")"

finish
