# The answer set over HTTP: show, edit, import and export, who may do what,
# and the audit trail they leave (GET /api/v1/audit).
. tests/http/lib.sh
export SHINSA_NOW=2026-05-01T09:00:00Z
XLSX=application/vnd.openxmlformats-officedocument.spreadsheetml.sheet
"$SHINSA" init >/dev/null
"$SHINSA" org add --kind connector --name 接続先A >/dev/null
"$SHINSA" org add --kind bank --name 銀行B >/dev/null
"$SHINSA" org add --kind connector --name 接続先C >/dev/null
add_user 接続先A admin@a.test admin
add_user 接続先A editor@a.test editor
add_user 接続先A viewer@a.test viewer
add_user 銀行B admin@b.test admin
add_user 接続先C admin@c.test admin
start_server

# upload PATH FILE [TYPE]: POSTs the file's bytes as the current identity.
upload() {
	req -b "$T/jar.$WHO" -c "$T/jar.$WHO" -X POST -H "X-CSRF-Token: $CSRF" -H "Content-Type: ${3:-$XLSX}" \
		--data-binary @"$2" "$URL$1"
}
# The answers as the command line shows them, compact.
cli_show() { "$SHINSA" answers show --org "$1" --json | jq -c .; }
EMPTY='"status":null,"current":"","issues":"","plan":"","plan_due":null,"notes":"","revision":"b2ccc4955bcc2592"'

req "$URL/api/v1/answers"
eq "not signed in" "$code $body" '401 {"error":{"code":"unauthorized","message":"not signed in"}}'

login admin@a.test
api GET /api/v1/answers
eq "GET: 45 items, none answered" "$code $(jq -c '[.org, .catalog, (.items | length), .items[2]]' "$T/b")" \
	"200 [\"接続先A\",\"api-checklist-2018-08\",45,{\"no\":3,$EMPTY}]"
eq "GET is what answers show --json prints" "$(jq -c . "$T/b")" "$(cli_show 接続先A)"
api GET '/api/v1/answers?catalog=api-checklist-2018-08'
eq "?catalog names the checklist" "$code $(jq -c '.items | length' "$T/b")" "200 45"

# ---- PUT: each field, labels, unsetting ----
api PUT /api/v1/answers/3 '{"status":"partial","issues":"規程が古い","plan":"改訂する","plan_due":"2026-09-30"}'
eq "PUT: the item as stored" "$code $body" \
	'200 {"no":3,"status":"partial","current":"","issues":"規程が古い","plan":"改訂する","plan_due":"2026-09-30","notes":"","revision":"16977b96c1ce1ccc"}'
api PUT /api/v1/answers/1 '{"status":"対応済","current":"全件暗号化\n(AES-256)  "}'
eq "PUT: a status by its label; text kept exactly" "$code $body" \
	'200 {"no":1,"status":"implemented","current":"全件暗号化\n(AES-256)  ","issues":"","plan":"","plan_due":null,"notes":"","revision":"5dc465ca38bed58f"}'
api PUT /api/v1/answers/4 '{"notes":"=SUM(A1)","status":"not_applicable"}'
eq "PUT: a formula-like note" "$code $(jq -c '[.status, .notes]' "$T/b")" '200 ["not_applicable","=SUM(A1)"]'
api PUT /api/v1/answers/5 '{"status":"implemented","plan_due":"2027-01-31"}'
api PUT /api/v1/answers/5 '{"status":null,"plan_due":""}'
eq "PUT: null and \"\" unset" "$code $body" "200 {\"no\":5,$EMPTY}"
eq "the command line sees the same answers" "$(api GET /api/v1/answers; jq -c . "$T/b")" "$(cli_show 接続先A)"

# ---- PUT: every kind of refusal, and nothing written ----
before=$(cli_show 接続先A)
api PUT /api/v1/answers/46 '{"status":"implemented"}'
eq "no item 46" "$code $body" '404 {"error":{"code":"not_found","message":"api-checklist-2018-08 has no item 46"}}'
api PUT /api/v1/answers/x '{"status":"implemented"}'
eq "no item x" "$code $body" '404 {"error":{"code":"not_found","message":"api-checklist-2018-08 has no item \"x\""}}'
api PUT /api/v1/answers/39 '{"status":"implemented"}'
eq "a bank item" "$code $body" '403 {"error":{"code":"forbidden","message":"item 39 is the bank'"'"'s to answer (対象者: 銀行)"}}'
api PUT /api/v1/answers/3 '{"notes":"x","plan_due":"2026-02-30"}'
eq "a bad date" "$code $body" '400 {"error":{"code":"bad_request","message":"item 3: 2026-02-30 is not a day","problems":[{"cell":"","code":"not_a_day","args":["2026-02-30"]}]}}'
api PUT /api/v1/answers/3 '{"status":"done"}'
eq "a bad status" "$code $body" \
	'400 {"error":{"code":"bad_request","message":"item 3: bad status \"done\" (want implemented, partial, not_implemented or not_applicable)"}}'
api PUT /api/v1/answers/3 '{"status":"partial","due":"2026-09-30"}'
eq "an unknown field" "$code $body" \
	'400 {"error":{"code":"bad_request","message":"unknown field \"due\" (allowed: status, current, issues, plan, plan_due, notes, revision)","problems":[{"cell":"","code":"unknown_field","args":["due"]}]}}'
api PUT /api/v1/answers/3 '{"current":null}'
eq "null text" "$code $body" '400 {"error":{"code":"bad_request","message":"current must be a string","problems":[{"cell":"","code":"wrong_type","args":["current"]}]}}'
api PUT /api/v1/answers/3 '{"status":1}'
eq "a number for a status" "$code $body" '400 {"error":{"code":"bad_request","message":"status must be a string or null","problems":[{"cell":"","code":"wrong_type","args":["status"]}]}}'
api PUT /api/v1/answers/3 '{}'
eq "nothing to set" "$code $body" \
	'400 {"error":{"code":"bad_request","message":"nothing to set (give any of status, current, issues, plan, plan_due, notes)","problems":[{"cell":"","code":"nothing_to_set","args":[]}]}}'
api PUT '/api/v1/answers/3?catalog=bank-criteria-sample' '{"notes":"x"}'
eq "a criteria catalog" "$code $body" \
	'400 {"error":{"code":"bad_request","message":"bank-criteria-sample is a criteria catalog, not a checklist"}}'
api PUT '/api/v1/answers/3?catalog=nope' '{"notes":"x"}'
eq "an unknown catalog" "$code $body" '404 {"error":{"code":"not_found","message":"no catalog \"nope\""}}'
# ---- PUT with the revision read: a stale one is a 409 with the item as it is ----
api PUT /api/v1/answers/3 '{"notes":"x","revision":"0000000000000000"}'
eq "a stale revision: 409 and the item as it now is" "$code $body" \
	'409 {"error":{"code":"conflict","message":"item 3 was changed since you loaded it","current":{"no":3,"status":"partial","current":"","issues":"規程が古い","plan":"改訂する","plan_due":"2026-09-30","notes":"","revision":"16977b96c1ce1ccc"}}}'
api PUT /api/v1/answers/3 '{"revision":"16977b96c1ce1ccc"}'
eq "a revision alone sets nothing" "$code $body" \
	'400 {"error":{"code":"bad_request","message":"nothing to set (give any of status, current, issues, plan, plan_due, notes)","problems":[{"cell":"","code":"nothing_to_set","args":[]}]}}'
api PUT /api/v1/answers/3 '{"notes":"x","revision":16}'
eq "a revision that is not text" "$code $body" '400 {"error":{"code":"bad_request","message":"revision must be a string","problems":[{"cell":"","code":"wrong_type","args":["revision"]}]}}'
eq "refusals write nothing" "$(cli_show 接続先A)" "$before"

# ---- export ----
api GET /api/v1/answers/export
cp "$T/b" "$T/a.xlsx"
eq "export: an xlsx attachment" "$code|$(header Content-Type)|$(header Content-Disposition)" \
	"200|$XLSX|attachment; filename=\"answers-api-checklist-2018-08.xlsx\"; filename*=UTF-8''%E6%8E%A5%E7%B6%9A%E5%85%88A-api-checklist-2018-08.xlsx"
run "$SHINSA" answers import "$T/a.xlsx" --org 接続先A --dry-run
eq "the command line reads the download back unchanged" "$rc $out" \
	"0 dry run: 45 items read from $T/a.xlsx, 0 would change; nothing written"

# ---- export → change → import over HTTP: back exactly as it was ----
api GET /api/v1/answers
before=$(jq -c . "$T/b")
api PUT /api/v1/answers/1 '{"status":"","current":""}'
api PUT /api/v1/answers/4 '{"notes":"変更"}'
upload '/api/v1/answers/import?dry_run=1&filename=回答.xlsx' "$T/a.xlsx"
eq "import, dry run: the changes, nothing written" "$code $body" \
	'200 {"file":"回答.xlsx","catalog":"api-checklist-2018-08","sheet":"API接続チェックリスト","items":45,"changes":[{"no":1,"fields":[{"field":"status","before":null,"after":"implemented"},{"field":"current","before":"","after":"全件暗号化\n(AES-256)  "}]},{"no":4,"fields":[{"field":"notes","before":"変更","after":"=SUM(A1)"}]}],"written":false}'
eq "dry run: the answers as they were" "$(cli_show 接続先A | jq -c '.items[0].status')" "null"
upload '/api/v1/answers/import?filename=回答.xlsx' "$T/a.xlsx"
eq "import: written" "$code $(jq -c '[(.changes | length), .written]' "$T/b")" "200 [2,true]"
api GET /api/v1/answers
eq "round trip over HTTP: lossless" "$(jq -c . "$T/b")" "$before"
# The audit page says the import in words: each item's changed fields,
# the checklist by name, never JSON.
api GET "/audit?action=answers_import"
eq "an import on the audit page, in words" \
	"$(echo "$body" | grep -c -x -F -e '<tr><td class="num">'"$(sqlite3 "$SHINSA_DB" "SELECT max(seq) FROM audit_event WHERE action = 'answers_import'")"'</td><td>2026-05-01 18:00</td><td class="wrap">admin@a.test</td><td>回答の取込</td><td class="wrap" title="answer_set:api-checklist-2018-08">回答一式（API接続チェックリスト（2018年8月版））</td><td class="wrap audit-words">チェックリスト：API接続チェックリスト（2018年8月版）' \
		-e '変更：通番1の対応状況・現在の対応状況を変更、通番4の備考を変更' -e 'ファイル：回答.xlsx' -e '読み込んだ通番の数：45</td></tr>')" 4
upload /api/v1/answers/import "$T/a.xlsx"
eq "the same file again: nothing to change" "$code $body" \
	'200 {"file":null,"catalog":"api-checklist-2018-08","sheet":"API接続チェックリスト","items":45,"changes":[],"written":false}'

# ---- import refusals: nothing written, no event ----
seq_before=$(sqlite3 "$SHINSA_DB" 'SELECT max(seq) FROM audit_event')
S=xl/sharedStrings.xml
python3 tests/cli/xlsx_edit.py "$T/a.xlsx" "$T/bad.xlsx" $S "【対応済】" "【完了】" \
	$S "<t>api-checklist-2018-08</t>" "<t>api-checklist-2099</t>" || not_ok "xlsx_edit.py"
upload /api/v1/answers/import "$T/bad.xlsx"
eq "a workbook with errors: 422 and every error" "$code $body" \
	'422 {"error":{"code":"invalid_workbook","message":"2 errors, nothing imported","details":["shinsa!B2: the workbook is for catalog api-checklist-2099, not api-checklist-2018-08","API接続チェックリスト!E4: unknown status 【完了】 (want 【対応済】, 【一部対応】, 【未対応】 or 【対象外】)"],"problems":[{"cell":"shinsa!B2","code":"wrong_catalog","args":["api-checklist-2099","api-checklist-2018-08"]},{"cell":"API接続チェックリスト!E4","code":"status","args":["unknown status 【完了】 (want 【対応済】, 【一部対応】, 【未対応】 or 【対象外】)","【完了】"]}]}}'
printf 'not a zip at all' >"$T/junk.xlsx"
upload /api/v1/answers/import "$T/junk.xlsx"
eq "an unreadable file" "$code $body" \
	'400 {"error":{"code":"bad_request","message":"not an xlsx file (not a zip archive)","problems":[{"cell":"","code":"not_zip","args":[]}]}}'
upload /api/v1/answers/import "$T/a.xlsx" application/json
eq "not declared as xlsx" "$code $body" \
	"415 {\"error\":{\"code\":\"unsupported_media_type\",\"message\":\"the request body must be an .xlsx file ($XLSX)\"}}"
upload '/api/v1/answers/import?dry_run=maybe' "$T/a.xlsx"
eq "a bad dry_run" "$code $body" '400 {"error":{"code":"bad_request","message":"dry_run wants 1 or 0, not \"maybe\""}}'
# The route takes more than the default 1 MiB, and no more than 20 MiB.
head -c 1500000 /dev/zero >"$T/big"
upload /api/v1/answers/import "$T/big"
eq "1.5 MiB reaches the reader" "$code $body" \
	'400 {"error":{"code":"bad_request","message":"not an xlsx file (not a zip archive)","problems":[{"cell":"","code":"not_zip","args":[]}]}}'
head -c 20971521 /dev/zero >"$T/huge"
upload /api/v1/answers/import "$T/huge"
eq "over 20 MiB: 413" "$code" 413
api GET /api/v1/answers
eq "refused imports write nothing" "$(jq -c . "$T/b")" "$before"
eq "refused imports leave no event" "$(sqlite3 "$SHINSA_DB" 'SELECT max(seq) FROM audit_event')" "$seq_before"

# ---- roles and kinds ----
login editor@a.test
api PUT /api/v1/answers/2 '{"status":"implemented"}'
eq "an editor edits" "$code $(jq -r .status "$T/b")" "200 implemented"
login viewer@a.test
api GET /api/v1/answers
eq "a viewer reads" "$code $(jq -r '.items[1].status' "$T/b")" "200 implemented"
api PUT /api/v1/answers/2 '{"status":"partial"}'
eq "a viewer may not edit" "$code $body" '403 {"error":{"code":"forbidden","message":"your role (viewer) may not do this","problems":[{"cell":"","code":"role","args":["viewer"]}]}}'
upload /api/v1/answers/import "$T/a.xlsx"
eq "a viewer may not import" "$code $body" '403 {"error":{"code":"forbidden","message":"your role (viewer) may not do this","problems":[{"cell":"","code":"role","args":["viewer"]}]}}'
api GET /api/v1/audit
eq "a viewer may not read the audit trail" "$code $body" \
	'403 {"error":{"code":"forbidden","message":"your role (viewer) may not do this","problems":[{"cell":"","code":"role","args":["viewer"]}]}}'
login admin@b.test
for r in "GET /api/v1/answers" "PUT /api/v1/answers/1" "GET /api/v1/answers/export"; do
	if [ "${r%% *}" = PUT ]; then api PUT "${r#* }" '{"status":"implemented"}'; else api GET "${r#* }"; fi
	eq "a bank: $r" "$code $body" '403 {"error":{"code":"forbidden","message":"this is for connectors"}}'
done
login admin@c.test
api GET /api/v1/answers
eq "another connector sees its own answers only" "$code $(jq -c '[.org, ([.items[] | select(.status != null)] | length)]' "$T/b") $(grep -c AES "$T/b")" \
	'200 ["接続先C",0] 0'
api GET /api/v1/audit
eq "another connector's trail has none of A's events" "$code $(jq -c '[.[].org] | unique' "$T/b")" '200 ["接続先C"]'

# ---- the audit trail of 接続先A, as its admin sees it ----
login admin@a.test
api GET /api/v1/audit
# org_add's details hold a random public key: checked apart. The users
# added with the CLI (add_user) are on the trail too.
jq -c '.[] | select(.action != "org_add") | [.seq, .actor, .org_id, .org, .action, .object, .details]' "$T/b" >"$T/events"
cat >"$T/want" <<'EOF'
[25,"admin@a.test",1,"接続先A","login","session:6","{\"remote\":\"127.0.0.1\"}"]
[22,"viewer@a.test",1,"接続先A","login","session:3","{\"remote\":\"127.0.0.1\"}"]
[21,"editor@a.test",1,"接続先A","answer_edit","answer:2","{\"catalog\":\"api-checklist-2018-08\",\"fields\":[\"status\"]}"]
[20,"editor@a.test",1,"接続先A","login","session:2","{\"remote\":\"127.0.0.1\"}"]
[19,"admin@a.test",1,"接続先A","answers_import","answer_set:api-checklist-2018-08","{\"catalog\":\"api-checklist-2018-08\",\"changed\":[{\"fields\":[\"status\",\"current\"],\"no\":1},{\"fields\":[\"notes\"],\"no\":4}],\"file\":\"回答.xlsx\",\"read\":45}"]
[18,"admin@a.test",1,"接続先A","answer_edit","answer:4","{\"catalog\":\"api-checklist-2018-08\",\"fields\":[\"notes\"]}"]
[17,"admin@a.test",1,"接続先A","answer_edit","answer:1","{\"catalog\":\"api-checklist-2018-08\",\"fields\":[\"status\",\"current\"]}"]
[16,"admin@a.test",1,"接続先A","answers_export","answer_set:api-checklist-2018-08","{\"catalog\":\"api-checklist-2018-08\",\"file\":\"接続先A-api-checklist-2018-08.xlsx\"}"]
[15,"admin@a.test",1,"接続先A","answer_edit","answer:5","{\"catalog\":\"api-checklist-2018-08\",\"fields\":[\"status\",\"plan_due\"]}"]
[14,"admin@a.test",1,"接続先A","answer_edit","answer:5","{\"catalog\":\"api-checklist-2018-08\",\"fields\":[\"status\",\"plan_due\"]}"]
[13,"admin@a.test",1,"接続先A","answer_edit","answer:4","{\"catalog\":\"api-checklist-2018-08\",\"fields\":[\"status\",\"notes\"]}"]
[12,"admin@a.test",1,"接続先A","answer_edit","answer:1","{\"catalog\":\"api-checklist-2018-08\",\"fields\":[\"status\",\"current\"]}"]
[11,"admin@a.test",1,"接続先A","plan_create","plan:1","{\"catalog\":\"api-checklist-2018-08\",\"due\":\"2026-09-30\",\"no\":3}"]
[10,"admin@a.test",1,"接続先A","answer_edit","answer:3","{\"catalog\":\"api-checklist-2018-08\",\"fields\":[\"status\",\"issues\",\"plan\",\"plan_due\"]}"]
[9,"admin@a.test",1,"接続先A","login","session:1","{\"remote\":\"127.0.0.1\"}"]
[6,"cli:root",1,"接続先A","user_add","user:3","{\"email\":\"viewer@a.test\",\"role\":\"viewer\"}"]
[5,"cli:root",1,"接続先A","user_add","user:2","{\"email\":\"editor@a.test\",\"role\":\"editor\"}"]
[4,"cli:root",1,"接続先A","user_add","user:1","{\"email\":\"admin@a.test\",\"role\":\"admin\"}"]
EOF
eq "the events of 接続先A, newest first" "$code $(jq -c '[.[].at] | unique' "$T/b")
$(cat "$T/events")" "200 [\"2026-05-01T09:00:00Z\"]
$(cat "$T/want")"
eq "org_add: the organisation's first event" "$(jq -c '[.[-1] | .seq, .action, .object, (.details | fromjson | del(.public_key))]' "$T/b")" \
	'[1,"org_add","org:1",{"kind":"connector","name":"接続先A","reg_no":null}]'
eq "every event as audit list --json prints it" "$(jq -c . "$T/b")" \
	"$("$SHINSA" audit list --org 接続先A --json | jq -c .)"
api GET '/api/v1/audit?limit=2'
eq "?limit" "$code $(jq -c '[.[].seq]' "$T/b")" "200 [25,22]"
api GET '/api/v1/audit?limit=2&before=21'
eq "?before: the next page" "$code $(jq -c '[.[].seq]' "$T/b")" "200 [20,19]"
api GET '/api/v1/audit?limit=0'
eq "a bad limit" "$code $body" '400 {"error":{"code":"bad_request","message":"limit wants a number from 1 to 10000, not \"0\""}}'
api GET '/api/v1/audit?before=x'
eq "a bad before" "$code $body" '400 {"error":{"code":"bad_request","message":"before wants an event number, not \"x\""}}'
# A second checklist: the endpoints want to be told which.
mkdir "$T/cat2"
jq '.id = "api-checklist-2030-01"' catalog/api-checklist-2018-08.json >"$T/cat2/second.json"
"$SHINSA" init --catalog-dir "$T/cat2" >/dev/null
api GET /api/v1/answers
eq "two checklists: say which" "$code $body" \
	'400 {"error":{"code":"bad_request","message":"there is more than one checklist: say which with ?catalog=ID"}}'
api POST /api/v1/submissions
eq "two checklists: submit says which" "$code $body" \
	'400 {"error":{"code":"bad_request","message":"there is more than one checklist: say which with {\"catalog\": ID}"}}'
api POST /api/v1/submissions '{"catalog":"bank-criteria-sample"}'
eq "submit: not a checklist" "$code $body" \
	'400 {"error":{"code":"bad_request","message":"bank-criteria-sample is a criteria catalog, not a checklist"}}'
api GET '/api/v1/answers?catalog=api-checklist-2030-01'
eq "?catalog: the second one's answers" "$code $(jq -c '[.catalog, ([.items[] | select(.status != null)] | length)]' "$T/b")" \
	'200 ["api-checklist-2030-01",0]'
api GET '/api/v1/answers?catalog=api-checklist-2018-08'
eq "?catalog: the first one's, unchanged" "$(jq -c . "$T/b")" \
	"$("$SHINSA" answers show --org 接続先A --catalog api-checklist-2018-08 --json | jq -c .)"

run "$SHINSA" audit verify
eq "the trail verifies" "$rc $(echo "$out" | cut -d, -f1)" "0 audit trail intact: 25 events"

stop_server
finish
