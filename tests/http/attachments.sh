# Evidence files over HTTP: connector A's editor uploads a PDF on items
# 2 and ３、４ (the raw bytes, name and the rest in the query), lists it,
# downloads it back byte-equal with the download headers, changes it and
# removes it; every refusal with its exact status, message and code (too
# big, over the quota, content not its kind, an .exe renamed .pdf, HTML,
# SVG, no items, the bank's item, a name with a path); a viewer may list
# but not upload; the same file twice is stored once.
. tests/http/lib.sh
export SHINSA_NOW=2026-04-01T09:00:00Z
"$SHINSA" init >/dev/null
seed_orgs A X
add_user "$A" editor@a.test editor
add_user "$A" viewer@a.test viewer
start_server

# upload FILE QUERY: POST the bytes of FILE as the current identity.
upload() {
	req -b "$T/jar.$WHO" -X POST -H "X-CSRF-Token: $CSRF" -H 'Content-Type: application/octet-stream' \
		--data-binary "@$1" "$URL/api/v1/attachments?$2"
}
# refusal: "STATUS CODE MESSAGE PROBLEM-CODE [ARGS]" of the last answer.
refusal() { echo "$code $(echo "$body" | jq -r '[.error.code, .error.message, (.error.problems[0] | .code, (.args | join("|")))] | join(" ")')"; }
enc() { jq -rn --arg v "$1" '$v | @uri'; }

printf '%%PDF-1.4\n情報セキュリティ規程\n%%%%EOF\n' >"$T/rules.pdf"
SHA=$(sha256sum "$T/rules.pdf" | cut -d' ' -f1)
login editor@a.test
upload "$T/rules.pdf" "name=$(enc 規程.pdf)&items=$(enc '2,３、４')&title=$(enc 情報セキュリティ規程)&valid_until=$(enc 令和9年7月31日)"
eq "uploaded: 201 and the attachment" "$code $(echo "$body" | jq -c 'del(.created_at)')" \
	"201 {\"id\":1,\"name\":\"規程.pdf\",\"title\":\"情報セキュリティ規程\",\"sha256\":\"$SHA\",\"type\":\"pdf\",\"size\":46,\"valid_until\":\"2027-07-31\",\"items\":[2,3,4],\"created_by\":\"editor@a.test\"}"
api GET /api/v1/attachments
eq "listed" "$code $(echo "$body" | jq -c '[.[] | [.id, .name, .items]]')" '200 [[1,"規程.pdf",[2,3,4]]]'

api GET /api/v1/attachments/1/file
cmp -s "$T/b" "$T/rules.pdf" && ok "downloaded byte-equal" || not_ok "downloaded byte-equal" "$(od -c "$T/b" | head -3)"
eq "download headers" "$code|$(header Content-Type)|$(header Content-Disposition)|$(header X-Content-Type-Options)|$(header Content-Security-Policy)|$(header Cache-Control)" \
	"200|application/pdf|attachment; filename=\"attachment-1.pdf\"; filename*=UTF-8''%E8%A6%8F%E7%A8%8B.pdf|nosniff|sandbox; default-src 'none'|private, no-store"
eq "one Content-Security-Policy only: the download's" "$(grep -ci '^Content-Security-Policy:' "$T/h")" 1

# The same bytes again under another name: a second attachment, one blob.
upload "$T/rules.pdf" "name=copy.pdf&items=5"
eq "the same file again" "$code $(echo "$body" | jq -c '[.id, .sha256 == "'"$SHA"'"]')" '201 [2,true]'
eq "stored once" "$(sqlite3 "$SHINSA_DB" 'SELECT count(*) FROM attachment_blob')" 1

api PATCH /api/v1/attachments/1 '{"title":"規程（改定版）","items":[6,2],"valid_until":null}'
eq "changed" "$code $(echo "$body" | jq -c '[.title, .items, .valid_until]')" '200 ["規程（改定版）",[2,6],null]'
api DELETE /api/v1/attachments/2
eq "removed" "$code $body" '200 {"id":2,"removed":true}'
api GET /api/v1/attachments
eq "a removed one is not listed" "$(echo "$body" | jq -c '[.[].id]')" '[1]'
api GET /api/v1/attachments/2/file
eq "nor downloaded" "$(refusal)" '404 not_found no attachment 2 attachment_not_found 2'
eq "its file is kept" "$(sqlite3 "$SHINSA_DB" 'SELECT count(*) FROM attachment_blob')" 1
eq "audited" "$("$SHINSA" audit list --org "$A" --json | jq -c '[reverse[] | select(.action | startswith("attachment_")) | [.action, .object]]')" \
	'[["attachment_add","attachment:1"],["attachment_add","attachment:2"],["attachment_set","attachment:1"],["attachment_remove","attachment:2"]]'

# Refusals.
printf 'MZ\220\0\3\0\0\0' >"$T/setup.pdf"
upload "$T/setup.pdf" "name=setup.pdf&items=2"
eq ".exe renamed .pdf" "$(refusal)" '400 bad_request file "setup.pdf" is not a PDF (its content is an executable) attachment_mismatch setup.pdf|pdf|exe'
printf '%%PDF-1.4\n' >"$T/x"
upload "$T/x" "name=report.png&items=2"
eq "content not its kind" "$(refusal)" '400 bad_request file "report.png" is not a PNG image (its content is a PDF) attachment_mismatch report.png|png|pdf'
printf '<!DOCTYPE html><html><script>alert(1)</script></html>' >"$T/x"
upload "$T/x" "name=page.txt&items=2"
eq "HTML" "$(refusal)" '400 bad_request file "page.txt" is not text (its content is HTML, XML or SVG markup) attachment_mismatch page.txt|txt|markup'
printf '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>' >"$T/x"
upload "$T/x" "name=logo.svg&items=2"
eq "SVG" "$(refusal)" '400 bad_request file "logo.svg" cannot be attached (its content is HTML, XML or SVG markup): PDF, PNG, JPEG, Excel, Word, PowerPoint, text or CSV only attachment_refused logo.svg|markup'
upload "$T/rules.pdf" "name=rules.pdf"
eq "no items" "$(refusal)" '400 bad_request say which items the file supports (at least one) attachment_no_items '
upload "$T/rules.pdf" "name=rules.pdf&items=45"
eq "the bank's item" "$(refusal)" "400 bad_request item 45 is the bank's: files go on the connector's items and common ones attachment_item_bank 45"
upload "$T/rules.pdf" "name=$(enc ../etc/rules.pdf)&items=2"
eq "a name with a path" "$(refusal)" '400 bad_request the file name "../etc/rules.pdf" has a path: give the name alone attachment_name ../etc/rules.pdf'
printf '通番,回答\n1,済\n' | iconv -f UTF-8 -t SHIFT_JIS >"$T/x"
upload "$T/x" "name=list.csv&items=2"
eq "Shift_JIS" "$(refusal)" '400 bad_request file "list.csv" is not UTF-8 text: save it as UTF-8 (in Excel: CSV UTF-8) attachment_not_utf8 list.csv'
head -c $((20 * 1024 * 1024 + 1)) /dev/zero >"$T/big.pdf"
upload "$T/big.pdf" "name=big.pdf&items=2"
eq "too big: refused before it is read, in the file's words" "$(refusal)" \
	'413 too_large file "big.pdf" is 20.00 MiB: at most 20 MiB may be attached attachment_too_large big.pdf|20.00|20'
req -b "$T/jar.$WHO" -X POST -H "X-CSRF-Token: $CSRF" -H 'Transfer-Encoding: chunked' --data-binary "@$T/big.pdf" \
	"$URL/api/v1/attachments?name=big.pdf&items=2"
eq "too big, its length not announced: read to the limit, then the same words" "$(refusal)" \
	'413 too_large file "big.pdf" is 20.00 MiB: at most 20 MiB may be attached attachment_too_large big.pdf|20.00|20'

# The quota: 1 MiB, of which rules.pdf takes 46 bytes.
"$SHINSA" org set "$A" --attachment-quota 1MiB >/dev/null
head -c $((1024 * 1024)) /dev/zero | tr '\0' 'a' >"$T/notes.txt"
upload "$T/notes.txt" "name=notes.txt&items=2"
eq "over the quota" "$(refusal)" '409 conflict file "notes.txt" (1 MiB) does not fit: 0.99 MiB of the organisation'"'"'s 1 MiB for files is left attachment_quota notes.txt|1|0.99|1'
upload "$T/rules.pdf" "name=again.pdf&items=2"
eq "a file it has already takes no more room" "$code" 201

login viewer@a.test
api GET /api/v1/attachments
eq "a viewer lists" "$code $(echo "$body" | jq -c '[.[].id]')" '200 [3,1]'
upload "$T/rules.pdf" "name=rules.pdf&items=2"
eq "a viewer may not upload" "$(refusal)" '403 forbidden your role (viewer) may not do this role viewer'

# A name as macOS sends it (カ + ゛): kept as NFC has it (ガ).
as editor@a.test
upload "$T/rules.pdf" "name=$(enc "$(printf '\343\202\253\343\202\231\343\202\244\343\203\210\343\202\231.pdf')")&items=2"
eq "a decomposed kana name composed" "$code $(echo "$body" | jq -r .name)" "201 ガイド.pdf"
finish
