# shinsa answers export and import: the Excel round trip, field by field,
# and every class of error with its exact message and nothing written.
. tests/cli/lib.sh
export SHINSA_NOW=2026-04-01T09:00:00Z
edit() { python3 tests/cli/xlsx_edit.py "$@" || not_ok "xlsx_edit.py $*"; }

"$SHINSA" init >/dev/null || { echo "init failed"; exit 1; }
A=株式会社フィンテック B=株式会社コピー先
for o in "$A" "$B"; do "$SHINSA" org add --kind connector --name "$o" >/dev/null; done
"$SHINSA" org add --kind bank --name サンプル銀行 >/dev/null

nl='
'
set_a() { "$SHINSA" answers set --org "$A" "$@" >/dev/null || not_ok "answers set $*"; }
set_a --item 1 --status implemented --current "情報セキュリティ規程を整備し、${nl}責任者を任命済み。"
set_a --item 2 --status partial --issues "=SUM(A1:A2)" --plan "+委託先管理規程を整備${nl}-二行目 " --plan-due 2026-09-30 --notes "@メモ"
set_a --item 3 --status not_implemented --issues "- 箇条書き${nl}- 二つ目${nl}" --plan "計画" --plan-due 2027-01-31
set_a --item 4 --status not_applicable --notes "店舗を持たないため対象外"
set_a --item 5 --current "[注]${nl}別紙参照"
set_a --item 6 --plan "【対応予定日】未定"
set_a --item 9 --status partial --current "　全角空白で始まる" --issues "_x0041_ はそのまま" --plan "訓練を実施" --plan-due 2026-12-01
set_a --item 44 --status implemented --current "@利用規約に明記" --notes "${nl}前後の改行${nl}"

run "$SHINSA" answers export --org "$A" -o "$T/a.xlsx"
eq "export" "$rc:$out" "0:wrote $T/a.xlsx: $A's answers to api-checklist-2018-08, 45 items (6 with a status)"
eq "no formula in the export" "$(unzip -p "$T/a.xlsx" xl/worksheets/sheet1.xml | grep -c '<f>')" 0
eq "the metadata sheet is hidden" "$(unzip -p "$T/a.xlsx" xl/workbook.xml | grep -o '<sheet [^>]*>' | tr '\n' ' ')" \
	'<sheet name="API接続チェックリスト" sheetId="1" r:id="rId1"/> <sheet name="shinsa" sheetId="2" state="hidden" r:id="rId2"/> '
eq "row 5 (item 2) grew to its plan" "$(unzip -p "$T/a.xlsx" xl/worksheets/sheet1.xml | grep -o '<row r="5" [^>]*>')" \
	'<row r="5" spans="1:10" ht="55.5" customHeight="1">'

show() { "$SHINSA" answers show --org "$1" --json | jq -c .items; }
before=$(show "$B")
run "$SHINSA" answers import "$T/a.xlsx" --org "$B" --dry-run
eq "dry run lists the changes" "$rc:$out" "0:item 1: status, current
item 2: status, issues, plan, plan_due, notes
item 3: status, issues, plan, plan_due
item 4: status, notes
item 5: current
item 6: plan
item 9: status, current, issues, plan, plan_due
item 44: status, current, notes
dry run: 45 items read from $T/a.xlsx, 8 would change; nothing written"
eq "dry run writes nothing" "$(show "$B")" "$before"
run "$SHINSA" answers import "$T/a.xlsx" --org "$B" --dry-run --json
eq "dry run --json" "$rc:$(printf '%s\n' "$out" | jq -c '[.file == "'"$T/a.xlsx"'", .catalog, .sheet, .items, (.changes | length), .changes[1], .written]')" \
	'0:[true,"api-checklist-2018-08","API接続チェックリスト",45,8,{"no":2,"fields":[{"field":"status","before":null,"after":"partial"},{"field":"issues","before":"","after":"=SUM(A1:A2)"},{"field":"plan","before":"","after":"+委託先管理規程を整備\n-二行目 "},{"field":"plan_due","before":null,"after":"2026-09-30"},{"field":"notes","before":"","after":"@メモ"}]},false]'
eq "still nothing written" "$(show "$B")" "$before"

run "$SHINSA" answers import "$T/a.xlsx" --org "$B"
eq "import" "$rc:$(echo "$out" | tail -n 1)" "0:imported 45 items (8 changed) from $T/a.xlsx"
eq "export then import is lossless, field by field" "$(show "$B")" "$(show "$A")"
eq "every field came across" "$(show "$B" | jq -c '[.[] | select(.status or .current != "" or .issues != "" or .plan != "" or .plan_due or .notes != "") | .no]')" \
	'[1,2,3,4,5,6,9,44]'
run "$SHINSA" answers import "$T/a.xlsx" --org "$B" --json
eq "a second import changes nothing" "$rc:$(printf '%s\n' "$out" | jq -c '[.items, .changes, .written]')" '0:[45,[],false]'

# A blank form imports as "no answers": here it clears B's.
"$SHINSA" form api-checklist-2018-08 -o "$T/blank.xlsx" >/dev/null
run "$SHINSA" answers import "$T/blank.xlsx" --org "$B" --dry-run
eq "a blank form would clear every answer" "$rc:$(echo "$out" | tail -n 1)" \
	"0:dry run: 45 items read from $T/blank.xlsx, 8 would change; nothing written"

# ---- errors: exact messages, and nothing written ----
"$SHINSA" answers set --org "$B" --item 7 --status implemented >/dev/null
before=$(show "$B")
# refused FILE WHAT WANT-STDERR: the import fails with exactly that stderr.
refused() {
	fails "$2" 1 "$3" "$SHINSA" answers import "$1" --org "$B"
	eq "$2: nothing written" "$(show "$B")" "$before"
}
S=xl/sharedStrings.xml W=xl/worksheets/sheet1.xml
edit "$T/a.xlsx" "$T/bad.xlsx" \
	$S "データの種類・内容に応じた管理策を実施する。" "データの種類に応じた管理策を実施する。" \
	$S "<t>【対応済】${nl}情報" "<t>【完了】${nl}情報" \
	$S "【対応予定日】2026-09-30" "【対応予定日】2026-02-30" \
	$W '<c r="E42" s="6"/>' '<c r="E42" s="6" t="inlineStr"><is><t>【対応済】</t></is></c>' \
	$W '<c r="A48" s="4"><v>45</v>' '<c r="A48" s="4"><v>46</v>' \
	$W '<c r="A47" s="4"><v>44</v>' '<c r="A47" s="4"><v>43</v>' \
	$W '</sheetData>' '<row r="50"><c r="E50" t="inlineStr"><is><t>回答</t></is></c></row><row r="51"><c r="A51" t="inlineStr"><is><t>4a</t></is></c><c r="C51" t="inlineStr"><is><t>y</t></is></c></row></sheetData>'
refused "$T/bad.xlsx" "every error at once" "shinsa: $T/bad.xlsx: 8 errors, nothing imported
API接続チェックリスト!E4: unknown status 【完了】 (want 【対応済】, 【一部対応】, 【未対応】 or 【対象外】)
API接続チェックリスト!G5: bad due date \"2026-02-30\" (want 【対応予定日】YYYY-MM-DD)
API接続チェックリスト!C33: objective differs from item 30 of api-checklist-2018-08: the sheet has \"…タの種類に応じた管理策を実施す…\", the catalog \"…タの種類・内容に応じた管理策を…\"
API接続チェックリスト!E42: item 39 is the bank's to answer (対象者: 銀行): leave its cells empty
API接続チェックリスト!A47: 通番 43 again (first at API接続チェックリスト!A46)
API接続チェックリスト!A48: unknown 通番 46 (not an item of api-checklist-2018-08)
API接続チェックリスト!A50: no 通番 in a row with answers
API接続チェックリスト!A51: 通番 \"4a\" is not a number"

edit "$T/a.xlsx" "$T/other.xlsx" $S "<t>api-checklist-2018-08</t>" "<t>api-checklist-2099</t>"
refused "$T/other.xlsx" "a form of another catalog" "shinsa: $T/other.xlsx: 1 error, nothing imported
shinsa!B2: the workbook is for catalog api-checklist-2099, not api-checklist-2018-08"

edit "$T/a.xlsx" "$T/nohead.xlsx" $S "<t>通番</t>" "<t>番号</t>"
refused "$T/nohead.xlsx" "no checklist in the workbook" "shinsa: $T/nohead.xlsx: 1 error, nothing imported
no sheet with the checklist's header row (通番, 区分, セキュリティ対応目標, …, 備考)"

edit "$T/a.xlsx" "$T/dtd.xlsx" $S '<sst ' '<!DOCTYPE sst [<!ENTITY a "aaaa">]><sst '
refused "$T/dtd.xlsx" "a DTD (entity expansion)" "shinsa: $T/dtd.xlsx: xlsx part xl/sharedStrings.xml: DTDs are not allowed"

python3 -c '
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as zin, zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED) as zout:
    for i in zin.infolist():
        data = zin.read(i.filename)
        if i.filename == "xl/sharedStrings.xml":
            data = data.replace(b"<sst ", b" " * (60 << 20) + b"<sst ", 1)
        zout.writestr(i.filename, data)
' "$T/a.xlsx" "$T/bomb.xlsx"
eq "the zip bomb is small" "$(test "$(stat -c %s "$T/bomb.xlsx")" -lt 200000 && echo yes)" yes
refused "$T/bomb.xlsx" "a zip bomb" "shinsa: $T/bomb.xlsx: xlsx part xl/sharedStrings.xml is larger than 52428800 bytes uncompressed"

head -c 1000 "$T/a.xlsx" >"$T/cut.xlsx"
refused "$T/cut.xlsx" "a truncated file" "shinsa: $T/cut.xlsx: damaged xlsx file: zip archive is truncated (no central directory)"
refused Makefile "not an xlsx file" "shinsa: Makefile: not an xlsx file (not a zip archive)"
refused "$T/missing.xlsx" "a missing file" "shinsa: $T/missing.xlsx: cannot read xlsx file: No such file or directory"

fails "a bank cannot import" 1 "shinsa: サンプル銀行 is a bank: answer sets belong to connectors" \
	"$SHINSA" answers import "$T/a.xlsx" --org サンプル銀行
fails "import needs a file" 2 "shinsa: answers import: missing FILE.xlsx (usage: shinsa answers import FILE.xlsx --org NAME [--catalog ID] [--dry-run] [--json])" \
	"$SHINSA" answers import --org "$B"
fails "export needs -o" 2 "shinsa: answers export: --org and -o are required (usage: shinsa answers export --org NAME [--catalog ID] -o FILE.xlsx)" \
	"$SHINSA" answers export --org "$A"
fails "export to .xlsx only" 2 "shinsa: answers export: output file must end in .xlsx (usage: shinsa answers export --org NAME [--catalog ID] -o FILE.xlsx)" \
	"$SHINSA" answers export --org "$A" -o "$T/a.xls"
cp "$T/a.xlsx" "$T/keep.xlsx"
fails "export into a missing directory" 1 "shinsa: cannot write $T/no/a.xlsx: No such file or directory" \
	"$SHINSA" answers export --org "$A" -o "$T/no/a.xlsx"
SHINSA_NOW=yesterday run "$SHINSA" answers export --org "$A" -o "$T/a.xlsx"
eq "a bad clock stops the export" "$rc:$err" '1:shinsa: SHINSA_NOW=yesterday: want YYYY-MM-DDTHH:MM:SSZ or YYYY-MM-DD'
cmp -s "$T/a.xlsx" "$T/keep.xlsx" && ok "a failed export leaves the old file" || not_ok "a failed export leaves the old file"

finish
