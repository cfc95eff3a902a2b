# Files in review threads: bank X's reviewer asks a query and sends a
# template (uploaded first, then named by the message); connector A's editor
# answers with a PNG screenshot; both download what the threads carry, with
# the download headers; X's download is a read of the share, and after the
# revoke every route of the threads is 404 to X, as to bank Y always; each
# refusal with its exact status, message and code; the quota counts thread
# files beside attachments; the same bytes are stored once.
. tests/http/lib.sh
export SHINSA_NOW=2026-04-01T09:00:00Z
"$SHINSA" init >/dev/null
seed_orgs A X Y
add_user "$A" editor@a.test editor
add_user "$A" viewer@a.test viewer
add_user "$X" rev@x.test reviewer
add_user "$Y" rev@y.test reviewer
answer_all "$A"
"$SHINSA" submit --org "$A" >/dev/null
"$SHINSA" share add 1 --bank "$X" >/dev/null
start_server

# upload FILE NAME: POST the bytes of FILE to submission 1's threads.
upload() {
	req -b "$T/jar.$WHO" -X POST -H "X-CSRF-Token: $CSRF" -H 'Content-Type: application/octet-stream' \
		--data-binary "@$1" "$URL/api/v1/reviews/1/files?name=$2"
}
refusal() { echo "$code $(echo "$body" | jq -r '[.error.code, .error.message, (.error.problems[0] | .code, (.args | join("|")))] | join(" ")')"; }
enc() { jq -rn --arg v "$1" '$v | @uri'; }
reads() {
	"$SHINSA" audit list --org "$A" --json |
		jq -r 'reverse[] | select(.action == "review_file_read") | [.actor, .action, .object, (.details | fromjson | "\(.bank) \(.share)")] | join(" ")'
}

# X sends a template with its query.
printf '通番,確認事項\n33,委託先の監査報告書\n' >"$T/template.csv"
TSHA=$(sha256sum "$T/template.csv" | cut -d' ' -f1)
login rev@x.test
upload "$T/template.csv" "$(enc 確認様式.csv)"
eq "X uploads: 201 and the file" "$code $body" "201 {\"sha256\":\"$TSHA\",\"name\":\"確認様式.csv\",\"type\":\"csv\",\"size\":51}"
api POST /api/v1/reviews/1/items/33/messages "{\"text\":\"様式に記入のうえ返送してください\",\"files\":[\"$TSHA\"]}"
eq "X's message carries it" "$code $(echo "$body" | jq -c '.messages[-1] | [.text, .files]')" \
	"201 [\"様式に記入のうえ返送してください\",[{\"sha256\":\"$TSHA\",\"name\":\"確認様式.csv\",\"type\":\"csv\",\"size\":51}]]"

# The template goes with a query's verdict too (its text is the message);
# files without a text are refused, and nothing is written.
api PUT /api/v1/reviews/1/items/20 "{\"verdict\":\"query\",\"text\":\"この様式で委託先一覧をお送りください\",\"files\":[\"$TSHA\"]}"
eq "a query carrying the template" "$code $(echo "$body" | jq -c '[.verdict, (.messages[] | [.text, .verdict, [.files[].name]])]')" \
	'200 ["query",["この様式で委託先一覧をお送りください","query",["確認様式.csv"]]]'
api PUT /api/v1/reviews/1/items/21 "{\"verdict\":\"accepted\",\"files\":[\"$TSHA\"]}"
eq "files without a text" "$(refusal)" "400 bad_request files go with the verdict's text: write one review_files_need_text "
api GET /api/v1/reviews/1
eq "the refused verdict wrote nothing" "$(echo "$body" | jq -c '.items[20] | [.verdict, (.messages | length)]')" '[null,0]'

# A answers with a screenshot.
printf '\211PNG\r\n\032\n\0\0\0\rIHDR\0\0\0\1\0\0\0\1\10\6\0\0\0\37\25\304\211' >"$T/shot.png"
PSHA=$(sha256sum "$T/shot.png" | cut -d' ' -f1)
login editor@a.test
api GET /api/v1/reviews/1/files/$TSHA
cmp -s "$T/b" "$T/template.csv" && ok "A downloads X's template byte-equal" || not_ok "A downloads X's template" "$code $body"
eq "with the download headers" "$code|$(header Content-Type)|$(header Content-Disposition)|$(header X-Content-Type-Options)|$(header Content-Security-Policy)" \
	"200|text/csv; charset=utf-8|attachment; filename=\"file-${TSHA%"${TSHA#????????????}"}.csv\"; filename*=UTF-8''%E7%A2%BA%E8%AA%8D%E6%A7%98%E5%BC%8F.csv|nosniff|sandbox; default-src 'none'"
upload "$T/shot.png" "$(enc 設定画面.png)"
eq "A uploads a PNG" "$code $(echo "$body" | jq -c '[.name, .type, .size]')" '201 ["設定画面.png","png",33]'
api POST /api/v1/reviews/1/items/33/messages "{\"text\":\"設定画面を添付します\",\"bank\":\"$X\",\"files\":[\"$PSHA\"]}"
eq "A's reply carries it" "$code $(echo "$body" | jq -c '[.messages[] | [.org, [.files[].name]]]')" \
	"201 [[\"$X\",[\"確認様式.csv\"]],[\"$A\",[\"設定画面.png\"]]]"
eq "the message's event names its files" "$("$SHINSA" audit list --org "$A" --json | jq -c '[.[] | select(.action == "review_message" or .action == "review_file_add") | [.action, .object, (.details | fromjson | .files // .name)]]')" \
	"[[\"review_message\",\"review:1\",[\"$PSHA\"]],[\"review_file_add\",\"submission:1\",\"設定画面.png\"]]"

# X reads the review and downloads the screenshot: a read of share 1.
login rev@x.test
api GET /api/v1/reviews/1
eq "the review lists each message's files" "$(echo "$body" | jq -c '[.items[32].messages[] | [.files[] | [.name, .type, .size]]]')" \
	'[[["確認様式.csv","csv",51]],[["設定画面.png","png",33]]]'
run "$SHINSA" review show 1 --bank "$X"
eq "review show (CLI): each message's files, as the page lists them" "$(printf '%s\n' "$out" | sed -n '/^item 33 /,/^item 34 /p' | sed '$d')" \
	"item 33 (connector): pending
  2026-04-01T09:00:00Z rev@x.test ($X): 様式に記入のうえ返送してください
    file 確認様式.csv  51 bytes  sha256 ${TSHA%"${TSHA#????????????}"}
  2026-04-01T09:00:00Z editor@a.test ($A): 設定画面を添付します
    file 設定画面.png  33 bytes  sha256 ${PSHA%"${PSHA#????????????}"}"
api GET /api/v1/reviews/1/files/$PSHA
cmp -s "$T/b" "$T/shot.png" && ok "X downloads the screenshot byte-equal" || not_ok "X downloads the screenshot" "$code $body"
eq "image/png, as a download" "$(header Content-Type)|$(header Content-Disposition)" \
	"image/png|attachment; filename=\"file-${PSHA%"${PSHA#????????????}"}.png\"; filename*=UTF-8''%E8%A8%AD%E5%AE%9A%E7%94%BB%E9%9D%A2.png"
eq "recorded as a read of share 1" "$(reads)" "rev@x.test review_file_read submission:1 $X 1"

# Refusals.
api GET /api/v1/reviews/1/files/0000000000000000000000000000000000000000000000000000000000000000
eq "a file no thread carries" "$(refusal)" '404 not_found no file 0000000000000000000000000000000000000000000000000000000000000000 review_file_not_found 0000000000000000000000000000000000000000000000000000000000000000'
api POST /api/v1/reviews/1/items/33/messages "{\"text\":\"再送します\",\"files\":[\"$PSHA\"]}"
eq "a file the poster did not upload" "$(refusal)" "400 bad_request no file $PSHA was uploaded to the threads of submission 1 review_file_unknown $PSHA|1"
api POST /api/v1/reviews/1/items/33/messages '{"text":"再送します","files":[1]}'
eq "files are strings" "$(refusal)" '400 bad_request files must be an array of sha256 strings review_files_not_strings '
api POST /api/v1/reviews/1/items/33/messages "{\"text\":\"多すぎる\",\"files\":[$(for i in $(seq 11); do printf '"%s",' "$TSHA"; done)\"$TSHA\"]}"
eq "at most 10 files a message" "$(refusal)" '400 bad_request a message carries at most 10 files review_files_too_many 10'
api GET /api/v1/reviews/1
eq "a refused message writes nothing" "$(echo "$body" | jq -c '.items[32].messages | length')" 2
printf 'MZ\220\0\3\0\0\0' >"$T/setup.pdf"
upload "$T/setup.pdf" setup.pdf
eq ".exe renamed .pdf" "$(refusal)" '400 bad_request file "setup.pdf" is not a PDF (its content is an executable) attachment_mismatch setup.pdf|pdf|exe'
upload "$T/shot.png" ""
eq "no name" "$(refusal)" '400 bad_request name is required: the file'"'"'s name, as ?name= attachment_name_required '
head -c $((20 * 1024 * 1024 + 1)) /dev/zero >"$T/big.pdf"
upload "$T/big.pdf" big.pdf
eq "too big" "$(refusal)" '413 too_large file "big.pdf" is 20.00 MiB: at most 20 MiB may be attached attachment_too_large big.pdf|20.00|20'
login rev@y.test
api GET /api/v1/reviews/1/files/$PSHA
eq "another bank: 404" "$code $body" '404 {"error":{"code":"not_found","message":"no submission 1"}}'
upload "$T/shot.png" shot.png
eq "another bank may not upload" "$code $body" '404 {"error":{"code":"not_found","message":"no submission 1"}}'

# The quota counts thread files: A has 33 bytes of 40 in the threads.
"$SHINSA" org set "$A" --attachment-quota 40 >/dev/null
login editor@a.test
printf '%%PDF-1.4\n%%%%EOF\n' >"$T/small.pdf"
upload "$T/small.pdf" small.pdf
eq "over the quota, counting the screenshot" "$(refusal)" '409 conflict file "small.pdf" (0.00 MiB) does not fit: 0.00 MiB of the organisation'"'"'s 0.00 MiB for files is left attachment_quota small.pdf|0.00|0.00|0.00'
upload "$T/shot.png" again.png
eq "the same file again takes no more room" "$code" 201
eq "stored once" "$(sqlite3 "$SHINSA_DB" 'SELECT count(*) FROM attachment_blob')" 2
login viewer@a.test
upload "$T/shot.png" shot.png
eq "a viewer may not upload" "$(refusal)" '403 forbidden your role (viewer) may not do this role viewer'
api GET /api/v1/reviews/1/files/$TSHA
eq "a viewer downloads" "$code" 200

# The expired flag: version 2 of A's submission seals an ISMS certificate
# valid until yesterday (items 2 and 3) and a policy valid until today
# (item 2). Sealing at submit is another part's: the document is stored as
# the store holds any (its signature is not what this checks).
DOC=$(sqlite3 "$SHINSA_DB" "SELECT document FROM submission WHERE id = 1" | jq -cS '.version = 2 | .attachments = [
	{items: [2, 3], name: "ISMS認証書.pdf", sha256: ("b" * 64), size: 10, title: "ISMS認証書", type: "application/pdf", valid_until: "2026-03-31"},
	{items: [2], name: "規程.pdf", sha256: ("a" * 64), size: 10, title: "", type: "application/pdf", valid_until: "2026-04-01"}]')
sqlite3 "$SHINSA_DB" "INSERT INTO submission (org_id, catalog_id, version, document, sha256, signature, submitted_at)
	VALUES (1, 'api-checklist-2018-08', 2, '$DOC', 'ab', 'cd', '2026-04-01T09:00:00Z')"
"$SHINSA" share add 2 --bank "$X" >/dev/null
login rev@x.test
api GET /api/v1/reviews/2
B64=bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb
eq "expired: the certificate on items 2 and 3, not the policy valid until today" \
	"$code $(echo "$body" | jq -c '[.items[1:4][] | [.no, .expired_files]]')" \
	"200 [[2,[{\"sha256\":\"$B64\",\"name\":\"ISMS認証書.pdf\",\"title\":\"ISMS認証書\",\"valid_until\":\"2026-03-31\"}]],[3,[{\"sha256\":\"$B64\",\"name\":\"ISMS認証書.pdf\",\"title\":\"ISMS認証書\",\"valid_until\":\"2026-03-31\"}]],[4,[]]]"

# After the revoke: X reaches nothing of the threads.
"$SHINSA" share revoke 1 >/dev/null
login rev@x.test
api GET /api/v1/reviews/1/files/$PSHA
eq "revoked: 404" "$code $body" '404 {"error":{"code":"not_found","message":"no submission 1"}}'
upload "$T/shot.png" shot.png
eq "revoked: no upload" "$code $body" '404 {"error":{"code":"not_found","message":"no submission 1"}}'
eq "and no read recorded" "$(reads | wc -l)" 1
stop_server
eq "the server stopped cleanly (no leak under ASan)" "$server_rc" 0
finish
