# A submission's files under consent: connector A's editor attaches a PDF
# (items 2-4) and a PNG (item 5) over the API, submits and shares with
# bank X. The submission lists them; X lists and downloads them byte-equal
# with the download headers (the PNG also inline, for an <img>), and the
# package; each a read of the share in A's list and trail, with its own
# event. A's own downloads are no reads. Bank Y, and X after the revoke,
# get 404 as for the submission. A file removed from A's list still
# downloads from the submission that sealed it; the next submission's diff
# lists it removed. The list is by name (its UTF-8 bytes), then sha256.
. tests/http/lib.sh
export SHINSA_NOW=2026-04-01T09:00:00Z
"$SHINSA" init >/dev/null
seed_orgs A X Y
add_user "$A" editor@a.test editor
add_user "$X" rev@x.test reviewer
add_user "$Y" rev@y.test reviewer
answer_all "$A"
start_server
enc() { jq -rn --arg v "$1" '$v | @uri'; }
upload() {
	req -b "$T/jar.$WHO" -X POST -H "X-CSRF-Token: $CSRF" -H 'Content-Type: application/octet-stream' \
		--data-binary "@$1" "$URL/api/v1/attachments?$2"
}
headers() {
	echo "$code|$(header Content-Type)|$(header Content-Disposition)|$(header X-Content-Type-Options)|$(header Content-Security-Policy)|$(header Cache-Control)"
}
# reads: A's *_read events, oldest first, as "actor action object details".
reads() {
	"$SHINSA" audit list --org "$A" --json |
		jq -r 'reverse[] | select(.action | endswith("_read")) | [.actor, .action, .object, .details] | join(" ")'
}
accesses() {
	as editor@a.test
	api GET /api/v1/shares
	echo "$code $(echo "$body" | jq -c '[.[] | [.id, [.accesses[].user]]]')"
}

# none_of WHO: the list, a file and the package of submission 1 are 404
# to the current identity, as the submission is.
none_of() {
	for what in attachments "attachments/$PDF" package; do
		api GET "/api/v1/submissions/1/$what"
		eq "$1: …/${what%%/*} is 404" "$code $body" '404 {"error":{"code":"not_found","message":"no submission 1"}}'
	done
}

printf '%%PDF-1.4\n情報セキュリティ規程\n%%%%EOF\n' >"$T/rules.pdf"
PDF=$(sha256sum "$T/rules.pdf" | cut -d' ' -f1)
printf '\211PNG\r\n\032\n\0\0\0\rIHDR' >"$T/shot.png"
PNG=$(sha256sum "$T/shot.png" | cut -d' ' -f1)
login editor@a.test
upload "$T/rules.pdf" "name=$(enc 規程.pdf)&items=$(enc '2〜4')&title=$(enc 情報セキュリティ規程)&valid_until=2027-07-31"
eq "the PDF attached" "$code" 201
upload "$T/shot.png" "name=$(enc 設定画面.png)&items=5"
eq "the PNG attached" "$code" 201
api POST /api/v1/submissions '{}'
eq "submitted" "$code $(echo "$body" | jq -c '.id')" "201 1"

LIST="[{\"items\":[2,3,4],\"name\":\"規程.pdf\",\"title\":\"情報セキュリティ規程\",\"sha256\":\"$PDF\",\"size\":46,\"type\":\"application/pdf\",\"valid_until\":\"2027-07-31\"},{\"items\":[5],\"name\":\"設定画面.png\",\"title\":\"\",\"sha256\":\"$PNG\",\"size\":16,\"type\":\"image/png\",\"valid_until\":null}]"
# As listed for reading: each with whether it has expired by the clock's today.
LISTED="[{\"items\":[2,3,4],\"name\":\"規程.pdf\",\"title\":\"情報セキュリティ規程\",\"sha256\":\"$PDF\",\"size\":46,\"type\":\"application/pdf\",\"valid_until\":\"2027-07-31\",\"expired\":false},{\"items\":[5],\"name\":\"設定画面.png\",\"title\":\"\",\"sha256\":\"$PNG\",\"size\":16,\"type\":\"image/png\",\"valid_until\":null,\"expired\":false}]"
api GET /api/v1/submissions/1
eq "the submission lists its sealed files" "$code $(echo "$body" | jq -c '.attachments')" "200 $LIST"
api GET /api/v1/submissions/1/attachments
eq "A lists them" "$code $body" "200 $LISTED"
api GET "/api/v1/submissions/1/attachments/$PDF"
cmp -s "$T/b" "$T/rules.pdf" && ok "A downloads the PDF byte-equal" || not_ok "A downloads the PDF byte-equal"

api POST /api/v1/submissions/1/shares "{\"bank\":\"$X\"}"
eq "shared with X" "$code" 201

login rev@y.test
none_of "Y, no share"

login rev@x.test
api GET /api/v1/submissions/1/attachments
eq "X lists them" "$code $body" "200 $LISTED"
api GET "/api/v1/submissions/1/attachments/$PDF"
cmp -s "$T/b" "$T/rules.pdf" && ok "X downloads the PDF byte-equal" || not_ok "X downloads the PDF byte-equal"
eq "as a download" "$(headers)" \
	"200|application/pdf|attachment; filename=\"$(echo "$PDF" | cut -c1-12).pdf\"; filename*=UTF-8''%E8%A6%8F%E7%A8%8B.pdf|nosniff|sandbox; default-src 'none'|private, no-store"
api GET "/api/v1/submissions/1/attachments/$PDF?inline=1"
eq "a PDF is never inline" "$(header Content-Disposition | cut -d';' -f1)" attachment
api GET "/api/v1/submissions/1/attachments/$PNG?inline=1"
cmp -s "$T/b" "$T/shot.png" && ok "the PNG byte-equal" || not_ok "the PNG byte-equal"
eq "an image inline, for an <img>, sandboxed and nosniff" "$(headers)" \
	"200|image/png|inline; filename=\"$(echo "$PNG" | cut -c1-12).png\"; filename*=UTF-8''%E8%A8%AD%E5%AE%9A%E7%94%BB%E9%9D%A2.png|nosniff|sandbox; default-src 'none'|private, no-store"
api GET "/api/v1/submissions/1/attachments/$(echo "$PDF" | tr 0-9a-f a-f0-9)"
eq "a hash the submission does not list" "$code $(echo "$body" | jq -c '[.error.code, .error.problems[0].code]')" \
	'404 ["not_found","attachment_no_file"]'
api GET /api/v1/submissions/1/package
eq "the package" "$code|$(header Content-Type)|$(header Content-Disposition)" \
	"200|application/zip|attachment; filename=\"submission-1.zip\"; filename*=UTF-8''submission-1.zip"
cp "$T/b" "$T/p.zip"
"$SHINSA" verify "$T/p.zip" >"$T/v" 2>&1
eq "it verifies, both files in it" "$? $(unzip -Z1 "$T/p.zip" | tr '\n' ' ')" \
	"0 submission.json files/$(echo "$PDF" | cut -c1-12)-規程.pdf files/$(echo "$PNG" | cut -c1-12)-設定画面.png "

eq "each a read of share 1 in A's list" "$(accesses)" '200 [[1,["rev@x.test","rev@x.test","rev@x.test","rev@x.test","rev@x.test"]]]'
eq "and in A's trail, saying what was read" "$(reads)" "rev@x.test submission_read submission:1 {\"bank\":\"$X\",\"share\":1}
rev@x.test attachment_read submission:1 {\"bank\":\"$X\",\"name\":\"規程.pdf\",\"sha256\":\"$PDF\",\"share\":1}
rev@x.test attachment_read submission:1 {\"bank\":\"$X\",\"name\":\"規程.pdf\",\"sha256\":\"$PDF\",\"share\":1}
rev@x.test attachment_read submission:1 {\"bank\":\"$X\",\"name\":\"設定画面.png\",\"sha256\":\"$PNG\",\"share\":1}
rev@x.test package_read submission:1 {\"bank\":\"$X\",\"share\":1}"

# A removes the PDF, submits again: the old submission keeps it.
as editor@a.test
api DELETE /api/v1/attachments/1
eq "A removes the PDF" "$code" 200
api POST /api/v1/submissions '{}'
eq "submitted again" "$code $(echo "$body" | jq -c '.id')" '201 2'
api GET /api/v1/submissions/2
eq "with the PNG only" "$code $(echo "$body" | jq -c '[.attachments[].name]')" '200 ["設定画面.png"]'
api GET /api/v1/submissions/1/diff/2
eq "v2 against v1: the PDF removed" "$code $(echo "$body" | jq -c '[.files[] | [.change, .name]]')" '200 [["removed","規程.pdf"]]'
# Against the working answers, the files are the current attachments:
# those the next version would seal.
api GET /api/v1/submissions/1/diff/working
eq "v1 against working: the PDF removed" "$code $(echo "$body" | jq -c '[.files[] | [.change, .name]]')" '200 [["removed","規程.pdf"]]'
printf '\211PNG\r\n\032\n\0\0\0\rIHDR 2' >"$T/shot2.png"
PNG2=$(sha256sum "$T/shot2.png" | cut -d' ' -f1)
printf '委託先,所在地\n株式会社データ,東京都\n' >"$T/vendors.csv"
CSV=$(sha256sum "$T/vendors.csv" | cut -d' ' -f1)
api DELETE /api/v1/attachments/2
eq "A removes the screenshot" "$code" 200
upload "$T/shot2.png" "name=$(enc 設定画面.png)&items=5"
eq "and attaches a new one of the same name" "$code" 201
upload "$T/vendors.csv" "name=$(enc 委託先一覧.csv)&items=7"
eq "and a list of vendors" "$code" 201
api GET /api/v1/submissions/2/diff/working
eq "v2 against working: the screenshot replaced, the list added" "$code $(echo "$body" | jq -c '.files')" \
	"200 [{\"change\":\"added\",\"name\":\"委託先一覧.csv\",\"before\":null,\"after\":{\"items\":[7],\"name\":\"委託先一覧.csv\",\"title\":\"\",\"sha256\":\"$CSV\",\"size\":52,\"type\":\"text/csv\",\"valid_until\":null}},{\"change\":\"replaced\",\"name\":\"設定画面.png\",\"before\":{\"items\":[5],\"name\":\"設定画面.png\",\"title\":\"\",\"sha256\":\"$PNG\",\"size\":16,\"type\":\"image/png\",\"valid_until\":null},\"after\":{\"items\":[5],\"name\":\"設定画面.png\",\"title\":\"\",\"sha256\":\"$PNG2\",\"size\":18,\"type\":\"image/png\",\"valid_until\":null}}]"
run "$SHINSA" diff 2 working
eq "shinsa diff 2 working: the same, one line a file" "$rc:$out" "0:$A, api-checklist-2018-08: submission 2 (version 2, 2026-04-01T09:00:00Z) → the working answers
file \"委託先一覧.csv\" (item 7): added ${CSV%"${CSV#????????????}"}
file \"設定画面.png\" (item 5): replaced ${PNG%"${PNG#????????????}"} → ${PNG2%"${PNG2#????????????}"}
2 files changed"
as rev@x.test
api GET "/api/v1/submissions/1/attachments/$PDF"
cmp -s "$T/b" "$T/rules.pdf" && ok "X still downloads the removed file from submission 1" ||
	not_ok "X still downloads the removed file from submission 1" "$code $body"

as editor@a.test
api DELETE /api/v1/submissions/1/shares/1
eq "A revokes" "$code" 200
as rev@x.test
none_of "X after the revoke"
eq "refusals are no reads" "$(accesses)" '200 [[1,["rev@x.test","rev@x.test","rev@x.test","rev@x.test","rev@x.test","rev@x.test"]]]'
stop_server
eq "the server stopped cleanly (no leak under ASan)" "$server_rc" 0
finish
