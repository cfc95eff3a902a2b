# A bank's own criteria over HTTP: import (every refusal, then seed 000),
# show and suggestions equal to the CLI's JSON, mapping a criterion by a key
# with parentheses (raw and percent-encoded), the roles (a viewer reads, may
# not import or map; a connector gets 403 from the gate), another bank never
# seeing the list, the audit events, and the body limit; a Word .docx.
. tests/http/lib.sh
export SHINSA_NOW=2026-04-01T09:00:00Z
"$SHINSA" init >/dev/null
X=X銀行 Y=Y銀行
"$SHINSA" org add --kind bank --name "$X" >/dev/null
"$SHINSA" org add --kind bank --name "$Y" >/dev/null
"$SHINSA" org add --kind connector --name 接続先A >/dev/null
add_user "$X" reviewer@x.test reviewer
add_user "$X" viewer@x.test viewer
add_user "$Y" admin@y.test admin
add_user 接続先A admin@a.test admin
cp catalog/sources/000_facbf1237c5cd287.txt "$T/seed.txt"
start_server

# upload PATH-AND-QUERY FILE: POST the file's bytes as the current identity.
upload() {
	req -b "$T/jar.$WHO" -X POST -H "X-CSRF-Token: $CSRF" -H 'Content-Type: application/octet-stream' \
		--data-binary "@$2" "$URL$1"
}

login admin@a.test
upload "/api/v1/criteria?format=text" "$T/seed.txt"
eq "a connector: 403 from the gate" "$code $body" '403 {"error":{"code":"forbidden","message":"this is for banks"}}'
login viewer@x.test
upload "/api/v1/criteria?format=text" "$T/seed.txt"
eq "a viewer may not import" "$code $body" '403 {"error":{"code":"forbidden","message":"your role (viewer) may not do this","problems":[{"cell":"","code":"role","args":["viewer"]}]}}'
api GET /api/v1/criteria
eq "nothing imported yet" "$code $body" '404 {"error":{"code":"not_found","message":"no criteria imported yet"}}'
api GET /api/v1/criteria/suggestions
eq "no suggestions yet" "$code $body" '404 {"error":{"code":"not_found","message":"no criteria imported yet"}}'

login reviewer@x.test
upload "/api/v1/criteria" "$T/seed.txt"
eq "import: no format" "$code $body" \
	'400 {"error":{"code":"bad_request","message":"say the format with ?format=tsv|csv|xlsx|text|docx (or a name ending .tsv, .csv, .xlsx, .txt or .docx)","problems":[{"cell":"","code":"criteria_format_unknown","args":[]}]}}'
upload "/api/v1/criteria?format=text&name=$(printf 'a%.0s' $(seq 1 256)).txt" "$T/seed.txt"
eq "a file name too long" "$code $body" \
	'400 {"error":{"code":"bad_request","message":"name is longer than 255 bytes","problems":[{"cell":"","code":"file_name_too_long","args":["255"]}]}}'
upload "/api/v1/criteria?format=xls" "$T/seed.txt"
eq "import: an unknown format" "$code $body" '400 {"error":{"code":"bad_request","message":"format wants tsv, csv, xlsx, text or docx, not \"xls\"","problems":[{"cell":"","code":"criteria_format","args":["xls"]}]}}'
upload "/api/v1/criteria?format=text&checklist=nope" "$T/seed.txt"
eq "import: an unknown checklist" "$code $body" '404 {"error":{"code":"not_found","message":"no catalog \"nope\""}}'
printf '通番\t区分\t項目\n1\tA\tx\n1\t\ty\n' >"$T/dup.tsv"
upload "/api/v1/criteria?name=dup.tsv" "$T/dup.tsv"
eq "import: the reader's message, and its problem as data" "$code $body" \
	'400 {"error":{"code":"bad_request","message":"dup.tsv:3: 通番 1 again (first at dup.tsv:2)","problems":[{"cell":"dup.tsv:3","code":"number_again","args":["1","dup.tsv:2"]}]}}'
: >"$T/empty"
upload "/api/v1/criteria?format=csv" "$T/empty"
eq "import: an empty body" "$code $body" \
	'400 {"error":{"code":"bad_request","message":"upload: the file is empty","problems":[{"cell":"upload","code":"empty","args":[]}]}}'
printf 'PK\003\004 not really' >"$T/bad.xlsx"
upload "/api/v1/criteria?name=bad.xlsx" "$T/bad.xlsx"
eq "import: a workbook the reader refuses" "$code $body" \
	'400 {"error":{"code":"bad_request","message":"bad.xlsx: damaged xlsx file: zip archive is truncated (no central directory)","problems":[{"cell":"bad.xlsx","code":"workbook","args":["damaged xlsx file: zip archive is truncated (no central directory)"]}]}}'
head -c $((4 * 1024 * 1024 + 1)) /dev/zero >"$T/big"
upload "/api/v1/criteria?format=tsv" "$T/big"
eq "import: over 4 MiB" "$code" 413
eq "nothing was written" "$(sqlite3 "$SHINSA_DB" "SELECT count(*) FROM criterion; SELECT count(*) FROM audit_event WHERE action LIKE 'criteria%'")" "0
0"

NAME=$(jq -rn --arg n 基準.txt '$n | @uri')
upload "/api/v1/criteria?name=$NAME" "$T/seed.txt"
eq "import seed 000" "$code $(echo "$body" | jq -c '[.title, .source, .format, (.criteria | length), .warnings]')" \
	'201 ["電子決済等代行業者に求める基準","基準.txt","text",57,["(1)-12: only 「外部委託管理」 survives; kept as damaged","(1)-13: the text stood in the 区分 column; read as its 項目","(1)-14: the text stood in the 区分 column; read as its 項目"]]'
eq "import: the list as the CLI shows it" "$(echo "$body" | jq -c 'del(.warnings)')" \
	"$("$SHINSA" criteria show --org "$X" --json | jq -c .)"
eq "import is audited with the user" "$("$SHINSA" audit list --org "$X" --json | jq -r '.[0] | [.actor, .action, .object, .details] | join(" ")')" \
	'reviewer@x.test criteria_import criteria:1 {"criteria":57,"file":"基準.txt","format":"text","mapped":57,"warnings":3}'

"$SHINSA" user update --email reviewer@x.test --name "審査 花子" --department 審査部 >/dev/null
login viewer@x.test
api GET /api/v1/criteria
eq "a viewer reads the list" "$code $(echo "$body" | jq -c 'del(.imported_by_name, .imported_by_department)')" \
	"200 $("$SHINSA" criteria show --org "$X" --json | jq -c .)"
eq "the importer by name, as the pages say 取込者" "$(echo "$body" | jq -c '[.imported_by, .imported_by_name, .imported_by_department]')" \
	'["reviewer@x.test","審査 花子","審査部"]'
api GET '/api/v1/criteria/suggestions?top=1'
eq "suggestions" "$code $body" "200 $("$SHINSA" criteria suggest --org "$X" --top 1 --json | jq -c .)"
api GET '/api/v1/criteria/suggestions?top=101'
eq "suggestions: top too big" "$code $body" '400 {"error":{"code":"bad_request","message":"top wants a number from 1 to 100, not \"101\""}}'
api PUT '/api/v1/criteria/(1)-10/mapping' '{"relation":"none"}'
eq "a viewer may not map" "$code $body" '403 {"error":{"code":"forbidden","message":"your role (viewer) may not do this","problems":[{"cell":"","code":"role","args":["viewer"]}]}}'

login reviewer@x.test
export SHINSA_NOW=2026-04-01T09:00:00Z
api PUT '/api/v1/criteria/%281%29-10/mapping' '{"relation":"intersects","items":[2,3],"note":"3.3.1 d で代替"}'
eq "map by a percent-encoded key" "$code $body" \
	'200 {"key":"(1)-10","no":10,"section":"(1)業務に関して取得する利用者に関する情報の適正な取扱い及び安全管理のために行うべき措置","category":"情報・セキュリティ管理態勢","text":"セキュリティ管理態勢が整備されていることを客観的に証明する","damaged":false,"relation":"intersects","items":[2,3],"note":"3.3.1 d で代替","note_en":"","changed_by":"reviewer@x.test","changed_at":"2026-04-01T09:00:00Z"}'
api PUT '/api/v1/criteria/(1)-12/mapping' '{"relation":"none","items":[]}'
eq "map by a raw key; the note stays" "$code $(echo "$body" | jq -c '[.key, .damaged, .relation, .items, .note, .note_en]')" \
	'200 ["(1)-12",true,"none",[],"原文の判読できない行。読み取れるのは区分の「外部委託管理」のみ","a damaged row in the source list: only the category word 外部委託管理 survives"]'
eq "map is audited" "$("$SHINSA" audit list --org "$X" --json --limit 2 | jq -c '[.[] | [.actor, .action, .object, .details]]')" \
	'[["reviewer@x.test","criteria_map","criterion:(1)-12","{\"items\":[],\"relation\":\"none\"}"],["reviewer@x.test","criteria_map","criterion:(1)-10","{\"items\":[2,3],\"relation\":\"intersects\"}"]]'
api PUT '/api/v1/criteria/(9)-9/mapping' '{"relation":"none"}'
eq "map: no such criterion" "$code $body" '404 {"error":{"code":"not_found","message":"no criterion \"(9)-9\""}}'
api PUT '/api/v1/criteria/(1)-10/mapping' '{"relation":"same"}'
eq "map: an unknown relation" "$code $body" \
	'400 {"error":{"code":"bad_request","message":"unknown relation \"same\" (want equal, subset, superset, intersects or none)","problems":[{"cell":"","code":"unknown_relation","args":["same"]}]}}'
api PUT '/api/v1/criteria/(1)-10/mapping' '{"relation":"equal","items":[46]}'
eq "map: an item not in the checklist" "$code $body" \
	'400 {"error":{"code":"bad_request","message":"criterion (1)-10: item 46 is not in api-checklist-2018-08","problems":[{"cell":"","code":"map_unknown_item","args":["(1)-10","46","api-checklist-2018-08"]}]}}'
api PUT '/api/v1/criteria/(1)-10/mapping' '{"relation":"none","items":[1]}'
eq "map: none names no items" "$code $body" '400 {"error":{"code":"bad_request","message":"criterion (1)-10: relation none names items","problems":[{"cell":"","code":"map_none_items","args":["(1)-10"]}]}}'
api PUT '/api/v1/criteria/(1)-10/mapping' '{"items":[1]}'
eq "map: relation is required" "$code $body" '400 {"error":{"code":"bad_request","message":"relation is required","problems":[{"cell":"","code":"required","args":["relation"]}]}}'
api PUT '/api/v1/criteria/(1)-10/mapping' '{"relation":"equal","items":"1"}'
eq "map: items are an array" "$code $body" '400 {"error":{"code":"bad_request","message":"items must be an array","problems":[{"cell":"","code":"wrong_type","args":["items"]}]}}'
api PUT '/api/v1/criteria/(1)-10/mapping' '{"relation":"equal","items":[1],"by":"x"}'
eq "map: an unknown field" "$code $body" '400 {"error":{"code":"bad_request","message":"unknown field \"by\" (allowed: relation, items, items_text, note)","problems":[{"cell":"","code":"unknown_field","args":["by"]}]}}'
eq "refusals changed nothing" "$("$SHINSA" criteria show --org "$X" --json | jq -c '.criteria[9] | [.relation, .items]')" '["intersects",[2,3]]'

# Another bank sees none of X's list, and cannot map it.
login admin@y.test
api GET /api/v1/criteria
eq "Y does not see X's list" "$code $body" '404 {"error":{"code":"not_found","message":"no criteria imported yet"}}'
api PUT '/api/v1/criteria/(1)-10/mapping' '{"relation":"none"}'
eq "Y cannot map X's criterion" "$code $body" '404 {"error":{"code":"not_found","message":"no criteria imported yet"}}'
api GET /api/v1/criteria/suggestions
eq "Y gets no suggestions from X's list" "$code $body" '404 {"error":{"code":"not_found","message":"no criteria imported yet"}}'
eq "X's row is as X left it" "$("$SHINSA" criteria show --org "$X" --json | jq -c '.criteria[9] | [.relation, .items]')" '["intersects",[2,3]]'

# Y's list as published in Word (made by LibreOffice): read by its numbering,
# kept as docx; a .docx that is none refused with its problem as data.
printf '1. 管理\n' >"$T/not.docx"
upload "/api/v1/criteria?name=not.docx" "$T/not.docx"
eq "import: a .docx that is no Word document" "$code $body" \
	'400 {"error":{"code":"bad_request","message":"not.docx: not a docx file (not a zip archive)","problems":[{"cell":"not.docx","code":"docx_not_zip","args":[]}]}}'
NAME=$(jq -rn --arg n 基準.docx '$n | @uri')
upload "/api/v1/criteria?name=$NAME" tests/fixtures/criteria/docx/headings.docx
eq "import a .docx" "$code $(echo "$body" | jq -c '[.title, .source, .format, [.criteria[] | .key + " " + .category + " " + .text], .warnings]')" \
	'201 ["接続基準","基準.docx","docx",["1-(1)-① 管理者 責任者を定めていること","1-(1)-② 管理者 責任者の連絡先を当行に届け出ていること","1-(2)-① 委託先 委託先を管理していること","2-1 情報管理 暗号化していること","2-2 情報管理 アクセス記録を保存していること"],[]]'
eq "the .docx import is audited as docx" "$("$SHINSA" audit list --org "$Y" --json | jq -r '.[0] | [.actor, .action, .details] | join(" ")')" \
	'admin@y.test criteria_import {"criteria":5,"file":"基準.docx","format":"docx","mapped":0,"warnings":0}'
stop_server
finish
