# shinsa criteria import/show/map/suggest: a bank's own criteria from its
# file, the cross-walk started from the shipped one, kept over a re-import,
# edited, and the suggestions; every refusal with its line and nothing written.
. tests/cli/lib.sh
export SHINSA_NOW=2026-04-01T09:00:00Z

"$SHINSA" init >/dev/null || { echo "init failed"; exit 1; }
B=サンプル銀行
"$SHINSA" org add --kind bank --name "$B" >/dev/null
"$SHINSA" org add --kind bank --name 第二銀行 >/dev/null
"$SHINSA" org add --kind connector --name 接続先A >/dev/null
ME=$(id -un)
cp catalog/sources/000_facbf1237c5cd287.txt "$T/基準.txt"
SEED_SHA=$(sha256sum "$T/基準.txt" | cut -d' ' -f1)
U_IMPORT='(usage: shinsa criteria import FILE --org BANK [--format tsv|csv|xlsx|text|docx] [--checklist ID])'
U_MAP='(usage: shinsa criteria map --org BANK KEY --relation R [--items 1,2] [--note TEXT])'
U_SUGGEST='(usage: shinsa criteria suggest --org BANK [--json] [--top N])'

# Usage mistakes.
fails "import needs a file" 2 "shinsa: criteria import: which file? $U_IMPORT" "$SHINSA" criteria import --org "$B"
fails "import needs --org" 2 "shinsa: criteria import: --org is required $U_IMPORT" "$SHINSA" criteria import x.txt
fails "import: an unknown format" 2 "shinsa: criteria import: --format wants tsv, csv, xlsx, text or docx, not \"xls\" $U_IMPORT" \
	"$SHINSA" criteria import x.xls --org "$B" --format xls
fails "import: no format from the name" 2 "shinsa: criteria import: say the format with --format (x.xls does not end .tsv, .csv, .xlsx, .txt or .docx) $U_IMPORT" \
	"$SHINSA" criteria import x.xls --org "$B"
fails "map needs a key" 2 "shinsa: criteria map: which criterion? give its key, e.g. (1)-12 $U_MAP" \
	"$SHINSA" criteria map --org "$B" --relation none
fails "map needs --relation" 2 "shinsa: criteria map: --relation is required $U_MAP" "$SHINSA" criteria map --org "$B" "(1)-1"
fails "map: items are numbers" 2 "shinsa: criteria map: --items: \"1,x\" is not a list of numbers (want 2、3 or 2〜5) $U_MAP" \
	"$SHINSA" criteria map --org "$B" "(1)-1" --relation equal --items 1,x
fails "suggest: top is a number" 2 "shinsa: criteria suggest: --top wants a number from 1 to 100, not \"0\" $U_SUGGEST" \
	"$SHINSA" criteria suggest --org "$B" --top 0
fails "criteria wants a subcommand" 2 "shinsa: criteria: unknown subcommand \"list\" (want import, show, map or suggest) (usage: shinsa criteria import FILE --org BANK [--format F] [--checklist ID] | show --org BANK [--json] | map --org BANK KEY --relation R [--items 1,2] [--note TEXT] | suggest --org BANK [--json] [--top N])" \
	"$SHINSA" criteria list

# Refusals before any list exists.
fails "a connector has no criteria" 1 "shinsa: 接続先A is not a bank" "$SHINSA" criteria import "$T/基準.txt" --org 接続先A
fails "no such organisation" 1 'shinsa: no organisation "無い銀行" (shinsa org list shows them)' \
	"$SHINSA" criteria show --org 無い銀行
fails "show before import" 1 "shinsa: $B has no criteria yet (shinsa criteria import FILE --org $B)" \
	"$SHINSA" criteria show --org "$B"
fails "suggest before import" 1 "shinsa: $B has no criteria yet (shinsa criteria import FILE --org $B)" \
	"$SHINSA" criteria suggest --org "$B"
fails "map before import" 1 "shinsa: $B has no criteria yet (shinsa criteria import FILE --org $B)" \
	"$SHINSA" criteria map --org "$B" "(1)-1" --relation none
fails "a missing file" 1 "shinsa: cannot read $T/none.txt: No such file or directory" \
	"$SHINSA" criteria import "$T/none.txt" --org "$B"
fails "an unknown checklist" 1 'shinsa: no catalog "nope"' \
	"$SHINSA" criteria import "$T/基準.txt" --org "$B" --checklist nope
fails "a criteria catalog is no checklist" 1 'shinsa: bank-criteria-sample is a criteria catalog, not a checklist' \
	"$SHINSA" criteria import "$T/基準.txt" --org "$B" --checklist bank-criteria-sample
printf '通番\t区分\t項目\n1\tA\tx\n1\t\ty\n' >"$T/dup.tsv"
fails "a file with an error" 1 "shinsa: $T/dup.tsv:3: 通番 1 again (first at $T/dup.tsv:2)" \
	"$SHINSA" criteria import "$T/dup.tsv" --org "$B"
eq "nothing was stored" "$(sqlite3 "$SHINSA_DB" "SELECT count(*) FROM criteria_list; SELECT count(*) FROM criterion; SELECT count(*) FROM audit_event WHERE action LIKE 'criteria%'")" "0
0
0"

# Seed 000's own text file: the shipped catalog, and the shipped cross-walk.
run "$SHINSA" criteria import "$T/基準.txt" --org "$B"
eq "import seed 000" "$rc:$out" "0:imported 57 criteria for $B (57 mapped from the shipped cross-walk, 0 to map)"
eq "its warnings" "$err" "shinsa: warning: (1)-12: only 「外部委託管理」 survives; kept as damaged
shinsa: warning: (1)-13: the text stood in the 区分 column; read as its 項目
shinsa: warning: (1)-14: the text stood in the 区分 column; read as its 項目"
run "$SHINSA" criteria show --org "$B" --json
echo "$out" >"$T/show.json"
eq "show: the list's header" "$(jq -c '[.org, .title, .source, .format, .sha256, .imported_at, .imported_by, .checklist]' "$T/show.json")" \
	"[\"$B\",\"電子決済等代行業者に求める基準\",\"$T/基準.txt\",\"text\",\"$SEED_SHA\",\"2026-04-01T09:00:00Z\",\"cli:$ME\",\"api-checklist-2018-08\"]"
eq "show: the items are the shipped catalog's" \
	"$(jq -c '[.criteria[] | {key, no, section, category, text} + (if .damaged then {damaged} else {} end)]' "$T/show.json")" \
	"$(jq -c '[.items[] | {key, no, section, category, text} + (if .damaged then {damaged} else {} end)]' catalog/bank-criteria-sample.json)"
eq "show: the rows are the shipped cross-walk's" \
	"$(jq -c '[.criteria[] | {criterion: .key, items, relation, note, note_en}]' "$T/show.json")" \
	"$(jq -c '[.rows[] | {criterion, items, relation, note, note_en: (.note_en // "")}]' catalog/bank-criteria-sample.api-checklist-2018-08.mapping.json)"
eq "show: a shipped note in Japanese, English the alternate" "$(jq -c '.criteria[0] | [.note, .note_en]' "$T/show.json")" \
	'["経営陣による主体的な管理は、チェックリストでは「責任の所在」（統4）に含めて確認する","management ownership is absorbed into 責任の所在 (統4)"]'
eq "show: every shipped note is Japanese" "$(jq -r '[.criteria[] | select(.note != "") | .note | select(test("^[ -~]*$"))] | length' "$T/show.json")" 0
eq "show: who set them" "$(jq -c '[.criteria[] | [.changed_by, .changed_at]] | unique' "$T/show.json")" \
	'[["mapping:bank-criteria-sample.api-checklist-2018-08","2026-04-01T09:00:00Z"]]'
run "$SHINSA" criteria show --org "$B"
eq "show: text" "$(echo "$out" | sed -n '1p;13,14p')" \
	"電子決済等代行業者に求める基準: 57 criteria of $B from $T/基準.txt (text, sha256 $SEED_SHA), imported 2026-04-01T09:00:00Z by cli:$ME, mapped to api-checklist-2018-08
(1)-12  外部委託管理  (damaged: its text is lost)  → none
(1)-13  外部委託管理  外部委託事業者における委託業務の実施内容に問題がないことを確認する  → subset 10"
eq "import is audited" "$("$SHINSA" audit list --json | jq -r '.[0] | [.actor, .org, .action, .object, .details] | join(" ")')" \
	"cli:$ME $B criteria_import criteria:1 {\"criteria\":57,\"file\":\"$T/基準.txt\",\"format\":\"text\",\"mapped\":57,\"warnings\":3}"

# Suggestions.
run "$SHINSA" criteria suggest --org "$B" --json
eq "suggest: the first two" "$(echo "$out" | jq -c '.[0:2]')" \
	'[{"criterion":"(1)-1","items":[{"no":2,"score":0.167},{"no":4,"score":0.132},{"no":3,"score":0.131}]},{"criterion":"(1)-2","items":[{"no":1,"score":0.996},{"no":2,"score":0.255},{"no":3,"score":0.181}]}]'
eq "suggest: the damaged one has none" "$(echo "$out" | jq -c '.[] | select(.criterion == "(1)-12")')" '{"criterion":"(1)-12","items":[]}'
eq "suggest: one for each criterion" "$(echo "$out" | jq length)" 57
run "$SHINSA" criteria suggest --org "$B" --top 1
eq "suggest: text" "$(echo "$out" | sed -n '1,2p;12p')" "(1)-1: 2 (0.167)
(1)-2: 1 (0.996)
(1)-12: no suggestion"

# Mapping one criterion: every refusal, then changes.
fails "map: no such criterion" 1 'shinsa: no criterion "(3)-1"' "$SHINSA" criteria map --org "$B" "(3)-1" --relation none
fails "map: an unknown relation" 1 'shinsa: unknown relation "same" (want equal, subset, superset, intersects or none)' \
	"$SHINSA" criteria map --org "$B" "(1)-10" --relation same
fails "map: none has no items" 1 'shinsa: criterion (1)-10: relation none names items' \
	"$SHINSA" criteria map --org "$B" "(1)-10" --relation none --items 2
fails "map: others need items" 1 'shinsa: criterion (1)-10: relation intersects names no item' \
	"$SHINSA" criteria map --org "$B" "(1)-10" --relation intersects
fails "map: an item not in the checklist" 1 'shinsa: criterion (1)-10: item 46 is not in api-checklist-2018-08' \
	"$SHINSA" criteria map --org "$B" "(1)-10" --relation intersects --items 2,46
fails "map: an item twice" 1 'shinsa: criterion (1)-10: item 2 named twice' \
	"$SHINSA" criteria map --org "$B" "(1)-10" --relation intersects --items 2,2
fails "map: a connector" 1 'shinsa: 接続先A is not a bank' "$SHINSA" criteria map --org 接続先A "(1)-10" --relation none
eq "no refusal left an event" "$(sqlite3 "$SHINSA_DB" "SELECT count(*) FROM audit_event WHERE action = 'criteria_map'")" 0
export SHINSA_NOW=2026-04-02T10:00:00Z
run "$SHINSA" criteria map --org "$B" "(1)-10" --relation intersects --items 2,3 --note "3.3.1 d の認証取得で代替"
eq "map" "$rc:$out" "0:mapped (1)-10 of $B: intersects 2, 3"
run "$SHINSA" criteria map --org "$B" "(1)-1" --relation equal --items 1
eq "map keeps the note when none is given" "$rc:$out:$("$SHINSA" criteria show --org "$B" --json | jq -c '.criteria[0] | [.relation, .items, .note, .note_en, .changed_by, .changed_at]')" \
	"0:mapped (1)-1 of $B: equal 1:[\"equal\",[1],\"経営陣による主体的な管理は、チェックリストでは「責任の所在」（統4）に含めて確認する\",\"management ownership is absorbed into 責任の所在 (統4)\",\"cli:$ME\",\"2026-04-02T10:00:00Z\"]"

eq "map is audited" "$("$SHINSA" audit list --json --limit 2 | jq -c '[.[] | [.org, .action, .object, .details]]')" \
	"[[\"$B\",\"criteria_map\",\"criterion:(1)-1\",\"{\\\"items\\\":[1],\\\"relation\\\":\\\"equal\\\"}\"],[\"$B\",\"criteria_map\",\"criterion:(1)-10\",\"{\\\"items\\\":[2,3],\\\"relation\\\":\\\"intersects\\\"}\"]]"
run "$SHINSA" criteria map --org "$B" "(1)-5" --relation subset --items 3 --note "基準の「役員」は、チェックリストでは「役職員」"
eq "map with the shipped note as it stands keeps its English" "$rc:$("$SHINSA" criteria show --org "$B" --json | jq -c '.criteria[4] | [.note, .note_en]')" \
	'0:["基準の「役員」は、チェックリストでは「役職員」","役員 in the criterion, 役職員 in the checklist"]'
run "$SHINSA" criteria map --org "$B" "(1)-5" --relation subset --items 3 --note "役員を役職員と読み替えて確認"
eq "a note the bank types is one text, no English alternate" "$rc:$("$SHINSA" criteria show --org "$B" --json | jq -c '.criteria[4] | [.note, .note_en]')" \
	'0:["役員を役職員と読み替えて確認",""]'
run "$SHINSA" criteria map --org "$B" "(1)-5" --relation subset --items 3 --note "基準の「役員」は、チェックリストでは「役職員」"
eq "the shipped words typed again are the bank's own" "$rc:$("$SHINSA" criteria show --org "$B" --json | jq -c '.criteria[4] | [.note, .note_en]')" \
	'0:["基準の「役員」は、チェックリストでは「役職員」",""]'

# Re-import as CSV with (1)-2 reworded, (1)-13 gone and a new (3)-1: the
# unchanged keep their rows (including the two just edited), the reworded
# one is to map, the new one is too.
{
	printf '\357\273\277"No.","分類","内容"\r\n'
	tail -n +6 "$T/基準.txt" | grep -v '^13	' | sed 's/^2	情報・セキュリティ管理態勢	.*/2	情報・セキュリティ管理態勢	責任者を定める/' |
		sed '/^電子決済等代行業者に求める基準$/d; /^通番	区分	項目$/d; /^$/d' |
		awk -F'\t' '{ printf "\"%s\",\"%s\",\"%s\"\r\n", $1, $2, $3 }'
	printf '"(3)追加の基準","",""\r\n"1","反社","反社会的勢力と関係を持たない"\r\n'
} >"$T/v2.csv"
run "$SHINSA" criteria import "$T/v2.csv" --org "$B"
eq "re-import" "$rc:$out" "0:imported 57 criteria for $B (55 kept, 2 to map)"
eq "re-import warnings" "$err" "shinsa: warning: (1)-12: only 「外部委託管理」 survives; kept as damaged
shinsa: warning: (1)-14: the text stood in the 区分 column; read as its 項目"
"$SHINSA" criteria show --org "$B" --json >"$T/v2.json"
eq "re-import: the rows" "$(jq -c '[.criteria[] | select(.key == "(1)-1" or .key == "(1)-2" or .key == "(1)-10" or .key == "(1)-12" or .key == "(3)-1") | [.key, .relation, .items, .changed_by]]' "$T/v2.json")" \
	"[[\"(1)-1\",\"equal\",[1],\"cli:$ME\"],[\"(1)-2\",null,[],null],[\"(1)-10\",\"intersects\",[2,3],\"cli:$ME\"],[\"(1)-12\",\"none\",[],\"mapping:bank-criteria-sample.api-checklist-2018-08\"],[\"(3)-1\",null,[],null]]"
eq "re-import: the title is the file's name when it has none" "$(jq -r '.title + " " + .format' "$T/v2.json")" "$T/v2.csv csv"
eq "another bank sees none of it" "$("$SHINSA" criteria show --org 第二銀行 2>&1)" \
	"shinsa: 第二銀行 has no criteria yet (shinsa criteria import FILE --org 第二銀行)"
# Keys as banks write them (A-1…, ①…, 第1条…), kept as written, in the file's order.
"$SHINSA" org add --kind bank --name 第三銀行 >/dev/null
for keys in "A-1 A-2 B-1" "① ② ③" "第1条 第2条 第3条"; do
	set -- $keys
	printf '通番\t区分\t項目\n%s\t管理\t規程を定める\n%s\t\t周知する\n%s\t運用\t監視する\n' "$1" "$2" "$3" >"$T/k.tsv"
	out=$("$SHINSA" criteria import "$T/k.tsv" --org 第三銀行 2>&1)
	eq "keys $1 $2 $3: imported" "$out" "imported 3 criteria for 第三銀行 (3 to map)"
	eq "keys $1 $2 $3: as written" "$("$SHINSA" criteria show --org 第三銀行 --json | jq -c '[.criteria[] | [.key, .no, .category]]')" \
		"[[\"$1\",1,\"管理\"],[\"$2\",2,\"管理\"],[\"$3\",3,\"運用\"]]"
done
printf '通番\t区分\t項目\nA-1\t管理\t規程を定める\nA-1\t\t周知する\n' >"$T/k2.tsv"
fails "a key twice" 1 "shinsa: $T/k2.tsv:3: 通番 A-1 again (first at $T/k2.tsv:2)" "$SHINSA" criteria import "$T/k2.tsv" --org 第三銀行
# The list form as published (title, preamble, 1. / （1） / ① / ・), from a .txt.
out=$("$SHINSA" criteria import tests/fixtures/criteria/list.txt --org 第三銀行 2>&1)
eq "list form: imported" "$out" "imported 7 criteria for 第三銀行 (7 to map)"
eq "list form: keys and 区分" "$("$SHINSA" criteria show --org 第三銀行 --json | jq -c '[.title, [.criteria[] | .key + " " + .category]]')" \
	'["電子決済等代行業者に求める基準",["1-(1)-① 経営陣の関与","1-(1)-② 経営陣の関与","1-(2) 経営管理","2-1 セキュリティ","2-2 セキュリティ","3-(1) 利用者保護","3-(2) 利用者保護"]]'
# The same text as a Word .docx made by LibreOffice (its own numbering), and
# the same document named .xlsx: read as Word by what it holds.
for f in list.docx list-named.xlsx; do
	cp tests/fixtures/criteria/docx/list.docx "$T/$f"
	out=$("$SHINSA" criteria import "$T/$f" --org 第三銀行 2>&1)
	eq "$f: imported" "$out" "imported 7 criteria for 第三銀行 (7 kept, 0 to map)"
	eq "$f: keys and 区分, format docx" "$("$SHINSA" criteria show --org 第三銀行 --json | jq -c '[.title, .format, [.criteria[] | .key + " " + .category]]')" \
		'["電子決済等代行業者に求める基準","docx",["1-(1)-① 経営陣の関与","1-(1)-② 経営陣の関与","1-(2) 経営管理","2-1 セキュリティ","2-2 セキュリティ","3-(1) 利用者保護","3-(2) 利用者保護"]]'
done
printf '1. 管理\n' >"$T/not.docx"
fails "a .docx that is not one" 1 "shinsa: $T/not.docx: not a docx file (not a zip archive)" "$SHINSA" criteria import "$T/not.docx" --org 第三銀行
# A second checklist: an import names which (cli_refused's OUTCOME_CHOOSE).
mkdir "$T/cat2"
jq '.id = "api-checklist-2030-01"' catalog/api-checklist-2018-08.json >"$T/cat2/second.json"
"$SHINSA" init --catalog-dir "$T/cat2" >/dev/null
fails "two checklists: say which" 1 'shinsa: there is more than one checklist: say which with --checklist ID' \
	"$SHINSA" criteria import "$T/基準.txt" --org 第二銀行
finish
