# Reviews over HTTP: a bank opens its review of a shared submission by
# reading it, gives verdicts (every refusal with its exact body), answers
# its own items, both sides post on a thread, the bank decides (refused
# while items are pending or, for meets, open; the signed document checked
# with sha256sum and OpenSSL), the review is closed after it; then the
# connector changes one answer and submits v2, and the bank's review of v2
# carries every other verdict from v1 with where it came from. Negative
# tests: another bank, a revoked share, another connector, a viewer, the
# connector trying the bank's writes.
. tests/http/lib.sh
fresh_orgs A B X Y
add_user "$A" editor@a.test editor
add_user "$A" viewer@a.test viewer
add_user "$B" editor@b.test editor
add_user "$X" rev@x.test reviewer
add_user "$X" viewer@x.test viewer
add_user "$Y" rev@y.test reviewer
answer_all "$A"
submit_share "$A" "$X"
start_server

E() { printf '{"error":{"code":"%s","message":"%s"%s}}' "$1" "$2" "$(problems_of "$2")"; }
# A decision refused for its items: the line, and the items as data.
EP() { printf '{"error":{"code":"conflict","message":"%s","problems":[{"cell":"","code":"%s","args":["%s","%s"],"items":[%s]}]}}' "$2" "$1" "$3" "$4" "$5"; }
FOR_BANKS=$(E forbidden "this is for banks")
viewer_may_not() { E forbidden "your role (viewer) may not do this"; }

# Opening: the first read by any role of the bank, once.
# A decision refused for its items, as the bank's first touch: the items
# listed from the one read that refused it, and nothing written (no review
# opened, no review_open).
login rev@x.test
api POST /api/v1/reviews/1/decision '{"decision":"meets"}'
ALL39=$( (seq 1 38; echo 44) | paste -sd, | sed 's/,/, /g')
eq "a first decision refused for its items" "$code $body" \
	"409 $(EP items_pending "39 items have no verdict: $ALL39" 39 "$ALL39" "$(echo "$ALL39" | tr -d ' ')")"
eq "the refused decision wrote nothing" \
	"$(sqlite3 "$SHINSA_DB" "SELECT count(*) FROM review; SELECT count(*) FROM audit_event WHERE action = 'review_open'")" "0
0"

login viewer@x.test
api GET /api/v1/reviews/1
eq "the bank's first read opens its review" "$code $(echo "$body" | jq -c '[.submission, .version, .connector, .bank, .opened_at, (.items | length), ([.items[] | select(.verdict != null)] | length), .decision]')" \
	"200 [1,1,\"$A\",\"$X\",\"2026-04-01T09:00:00Z\",45,0,null]"
eq "an item, pending" "$(echo "$body" | jq -c '.items[0]')" \
	'{"no":1,"party":"connector","verdict":null,"carried":false,"carried_from":null,"comment":"","bank_answer":null,"messages":[],"revision":"bad3c1fa355dc552","changed":false,"flags":[],"expired_files":[]}'
eq "v1: no previous review, nothing changed" "$(echo "$body" | jq -c '[.previous, ([.items[] | select(.changed)] | length)]')" '[null,0]'
eq "a bank item" "$(echo "$body" | jq -c '.items[38] | [.no, .party, .verdict]')" '[39,"bank",null]'
api GET /api/v1/reviews/1
eq "opened once: review_open" "$("$SHINSA" audit list --org "$X" --json | jq -c '[.[] | select(.action == "review_open") | [.actor, .object, .details]]')" \
	"[[\"viewer@x.test\",\"review:1\",\"{\\\"carried\\\":0,\\\"carried_from\\\":null,\\\"connector\\\":\\\"$A\\\",\\\"submission\\\":1}\"]]"
api GET /api/v1/reviews/2
eq "no such submission" "$code $body" "404 $(E not_found "no submission 2")"
api GET /api/v1/reviews/x
eq "not an id" "$code $body" "404 $(E not_found 'no submission \"x\"')"
login rev@y.test
api GET /api/v1/reviews/1
eq "another bank: 404" "$code $body" "404 $(E not_found "no submission 1")"
api PUT /api/v1/reviews/1/items/1 '{"verdict":"accepted"}'
eq "another bank cannot give a verdict" "$code $body" "404 $(E not_found "no submission 1")"
api POST /api/v1/reviews/1/items/1/messages '{"text":"x"}'
eq "another bank cannot post" "$code $body" "404 $(E not_found "no submission 1")"
api GET /api/v1/reviews
eq "another bank lists nothing" "$code $body" "200 []"

# Verdicts.
as viewer@x.test
api PUT /api/v1/reviews/1/items/1 '{"verdict":"accepted"}'
eq "a viewer cannot give verdicts" "$code $body" "403 $(viewer_may_not)"
login editor@a.test
api PUT /api/v1/reviews/1/items/1 '{"verdict":"accepted"}'
eq "a connector cannot give verdicts" "$code $body" "403 $FOR_BANKS"
login rev@x.test
LONG=$(printf 'あ%.0s' $(seq 1 4001))
for c in \
	'{"verdict":"accepted"}|39|400|item 39 is the bank'"'"'s to answer, not to review' \
	'{"verdict":"query"}|3|400|a query needs a comment: say what to ask' \
	'{"verdict":"improvement","comment":" \n"}|3|400|an improvement needs a comment: say what to improve' \
	"{\"verdict\":\"accepted\",\"comment\":\"$LONG\"}|3|400|the comment is longer than 4000 characters" \
	'{"verdict":"done"}|3|400|bad verdict \"done\" (want accepted, query, improvement or not_applicable)' \
	'{"comment":"x"}|3|400|verdict is required' \
	'{"verdict":1}|3|400|verdict must be a string' \
	'{"verdict":null}|3|400|verdict must be a string' \
	'{"verdict":"accepted","comment":2}|3|400|comment must be a string or null' \
	'{"verdict":"accepted","x":1}|3|400|unknown field \"x\" (allowed: verdict, text, comment, revision, files)' \
	'{"verdict":"accepted"}|46|404|api-checklist-2018-08 has no item 46' \
	'{"verdict":"accepted"}|x|404|no item \"x\"'; do
	data=${c%%|*} rest=${c#*|}
	no=${rest%%|*} rest=${rest#*|}
	st=${rest%%|*} msg=${rest#*|}
	api PUT "/api/v1/reviews/1/items/$no" "$data"
	case $st in 400) kind=bad_request ;; *) kind=not_found ;; esac
	eq "verdict refused: $msg" "$code $body" "$st $(E $kind "$msg")"
done
api PUT /api/v1/reviews/1/items/1 '{"verdict":"確認済"}'
eq "a verdict by its label" "$code $(echo "$body" | jq -c '[.verdict, .comment, .carried]')" '200 ["accepted","",false]'
api PUT /api/v1/reviews/1/items/5 '{"verdict":"improvement","comment":"ログの保存期間を1年以上にすること"}'
eq "an improvement" "$code $body" '200 {"no":5,"party":"connector","verdict":"improvement","carried":false,"carried_from":null,"comment":"ログの保存期間を1年以上にすること","bank_answer":null,"messages":[{"org":"X銀行","author":"rev@x.test","at":"2026-04-01T09:00:00Z","text":"ログの保存期間を1年以上にすること","verdict":"improvement","resolved":false,"files":[],"author_name":"","author_department":""}],"revision":"5e32f72188db22a9"}'
api PUT /api/v1/reviews/1/items/7 '{"verdict":"query","comment":"委託先の一覧を示してください"}'
eq "a query" "$code $(echo "$body" | jq -c '[.verdict, .comment]')" '200 ["query","委託先の一覧を示してください"]'
api POST /api/v1/reviews/1/decision '{"decision":"conditional","reason":"r"}'
PENDING36=$( (seq 2 38 | grep -vx -e 5 -e 7; echo 44) | paste -sd, | sed 's/,/, /g')
eq "no decision with 36 items pending" "$code $body" \
	"409 $(EP items_pending "36 items have no verdict: $PENDING36" 36 "$PENDING36" "$(echo "$PENDING36" | tr -d ' ')")"
for n in $(seq 2 38) 44; do
	case $n in 5 | 7 | 12 | 14 | 20) continue ;; esac
	api PUT /api/v1/reviews/1/items/$n '{"verdict":"accepted"}'
	[ "$code" = 200 ] || not_ok "accept item $n" "$code $body"
done
api POST /api/v1/reviews/1/decision '{"decision":"conditional","reason":"r"}'
eq "no decision while items are pending" "$code $body" "409 $(EP items_pending "3 items have no verdict: 12, 14, 20" 3 "12, 14, 20" 12,14,20)"
api PUT /api/v1/reviews/1/items/12 '{"verdict":"not_applicable","comment":"対象外"}'
api PUT /api/v1/reviews/1/items/14 '{"verdict":"accepted"}'
api POST /api/v1/reviews/1/decision '{"decision":"does_not_meet","reason":"r"}'
eq "one item pending" "$code $body" "409 $(EP items_pending "1 item has no verdict: 20" 1 20 20)"
api PUT /api/v1/reviews/1/items/20 '{"verdict":"accepted"}'
eq "the verdicts are audited" "$("$SHINSA" audit list --org "$X" --json | jq -c '[.[] | select(.action == "review_verdict")] | length, .[0].actor, .[0].details')" \
	'39
"rev@x.test"
"{\"no\":20,\"submission\":1,\"verdict\":\"accepted\"}"'

# The bank's own answers: bank items and its side of common items.
api PUT /api/v1/reviews/1/items/39/answer '{"status":"implemented","current":"銀行側で対応済み"}'
eq "the bank answers a bank item" "$code $body" '200 {"no":39,"party":"bank","verdict":null,"carried":false,"carried_from":null,"comment":"","bank_answer":{"status":"implemented","current":"銀行側で対応済み","notes":"","carried":false},"messages":[],"revision":"b2ff616b0728a75c"}'
api PUT /api/v1/reviews/1/items/9/answer '{"notes":"銀行側の体制は別紙"}'
eq "and its side of a common item" "$code $(echo "$body" | jq -c '[.verdict, .bank_answer]')" \
	'200 ["accepted",{"status":null,"current":"","notes":"銀行側の体制は別紙","carried":false}]'
api PUT /api/v1/reviews/1/items/39/answer '{"status":null}'
eq "only the fields sent change" "$code $(echo "$body" | jq -c .bank_answer)" \
	'200 {"status":null,"current":"銀行側で対応済み","notes":"","carried":false}'
api PUT /api/v1/reviews/1/items/39/answer '{"status":"対応済"}'
for c in \
	'{"status":"implemented"}|1|400|item 1 is the connector'"'"'s to answer' \
	'{}|39|400|nothing to set (give any of status, current, notes)' \
	'{"status":"done"}|39|400|item 39: bad status \"done\" (want implemented, partial, not_implemented or not_applicable)' \
	'{"current":5}|39|400|current must be a string or null' \
	'{"plan":"x"}|39|400|unknown field \"plan\" (allowed: status, current, notes)' \
	'{"notes":"x"}|99|404|api-checklist-2018-08 has no item 99'; do
	data=${c%%|*} rest=${c#*|}
	no=${rest%%|*} rest=${rest#*|}
	st=${rest%%|*} msg=${rest#*|}
	api PUT "/api/v1/reviews/1/items/$no/answer" "$data"
	case $st in 400) kind=bad_request ;; *) kind=not_found ;; esac
	eq "bank answer refused: $msg" "$code $body" "$st $(E $kind "$msg")"
done
as viewer@x.test
api PUT /api/v1/reviews/1/items/39/answer '{"notes":"x"}'
eq "a viewer cannot answer" "$code $body" "403 $(viewer_may_not)"

# The thread on item 7, both sides.
as rev@x.test
api POST /api/v1/reviews/1/items/7/messages '{"text":"一覧を別紙でお送りください"}'
eq "the bank posts" "$code $(echo "$body" | jq -c .messages)" \
	"201 [{\"org\":\"$X\",\"author\":\"rev@x.test\",\"at\":\"2026-04-01T09:00:00Z\",\"text\":\"委託先の一覧を示してください\",\"verdict\":\"query\",\"resolved\":false,\"files\":[],\"author_name\":\"\",\"author_department\":\"\"},{\"org\":\"$X\",\"author\":\"rev@x.test\",\"at\":\"2026-04-01T09:00:00Z\",\"text\":\"一覧を別紙でお送りください\",\"verdict\":null,\"resolved\":false,\"files\":[],\"author_name\":\"\",\"author_department\":\"\"}]"
for c in \
	'{"text":""}|400|the message is empty' \
	'{"text":"  "}|400|the message is empty' \
	"{\"text\":\"$LONG\"}|400|the message is longer than 4000 characters" \
	'{}|400|text is required' \
	'{"text":"x","bank":"X銀行"}|400|unknown field \"bank\" (allowed: text, files)'; do
	data=${c%%|*} rest=${c#*|}
	st=${rest%%|*} msg=${rest#*|}
	api POST /api/v1/reviews/1/items/7/messages "$data"
	eq "message refused: $msg" "$code $body" "$st $(E bad_request "$msg")"
done
as viewer@x.test
api POST /api/v1/reviews/1/items/7/messages '{"text":"x"}'
eq "a bank viewer cannot post" "$code $body" "403 $(viewer_may_not)"
login viewer@a.test
api POST /api/v1/reviews/1/items/7/messages "{\"text\":\"x\",\"bank\":\"$X\"}"
eq "a connector viewer cannot post" "$code $body" "403 $(viewer_may_not)"
as editor@a.test
api POST /api/v1/reviews/1/items/7/messages '{"text":"x"}'
eq "the connector names the bank" "$code $body" "400 $(E bad_request "bank is required: say whose review")"
api POST /api/v1/reviews/1/items/7/messages "{\"text\":\"x\",\"bank\":\"$Y\"}"
eq "a bank with no review of it" "$code $body" "404 $(E not_found "no review of submission 1 by $Y")"
api POST /api/v1/reviews/1/items/7/messages "{\"text\":\"x\",\"bank\":\"$B\"}"
eq "a connector's name is no bank" "$code $body" "404 $(E not_found "no review of submission 1 by $B")"
api POST /api/v1/reviews/1/items/7/messages "{\"text\":\"委託先一覧を別紙1に記載しました\",\"bank\":\"$X\"}"
eq "the connector replies" "$code $(echo "$body" | jq -c '[.messages[] | [.org, .author, .text]]')" \
	"201 [[\"$X\",\"rev@x.test\",\"委託先の一覧を示してください\"],[\"$X\",\"rev@x.test\",\"一覧を別紙でお送りください\"],[\"$A\",\"editor@a.test\",\"委託先一覧を別紙1に記載しました\"]]"
eq "a message is in the poster's trail" "$("$SHINSA" audit list --org "$A" --json | jq -c '[.[] | select(.action == "review_message") | [.actor, .object, .details]]')" \
	"[[\"editor@a.test\",\"review:1\",\"{\\\"bank\\\":\\\"$X\\\",\\\"no\\\":7,\\\"submission\\\":1}\"]]"
login editor@b.test
api POST /api/v1/reviews/1/items/7/messages "{\"text\":\"x\",\"bank\":\"$X\"}"
eq "another connector cannot post" "$code $body" "404 $(E not_found "no submission 1")"

# Reading: the connector sees the bank's review; lists on both sides.
api GET "/api/v1/reviews/1?bank=$X"
eq "another connector: 404" "$code $body" "404 $(E not_found "no submission 1")"
api GET /api/v1/reviews
eq "another connector lists nothing" "$code $body" "200 []"
as rev@x.test
api GET /api/v1/reviews/1
eq "the bank alone sees its drafts (none: no approval asked)" "$(echo "$body" | jq -c .drafts)" "[]"
BANK_VIEW=$(echo "$body" | jq -c 'del(.drafts)')
as editor@a.test
api GET "/api/v1/reviews/1?bank=$X"
eq "the connector sees the bank's review" "$code $body" "200 $BANK_VIEW"
api GET /api/v1/reviews/1
eq "the connector names the bank" "$code $body" "400 $(E bad_request "bank is required: say whose review with ?bank=NAME")"
api GET "/api/v1/reviews/1?bank=$Y"
eq "no review by that bank" "$code $body" "404 $(E not_found "no review of submission 1 by $Y")"
run "$SHINSA" review show 1 --bank "$X" --json
eq "the CLI shows the same" "$(echo "$out" | jq -c .)" "$BANK_VIEW"
LIST="[{\"submission\":1,\"version\":1,\"connector\":\"$A\",\"bank\":\"$X\",\"opened_at\":\"2026-04-01T09:00:00Z\",\"pending\":0,\"query\":1,\"improvement\":1,\"decision\":null,\"decided_at\":null}]"
api GET /api/v1/reviews
eq "the connector's list" "$code $body" "200 $LIST"
as rev@x.test
api GET /api/v1/reviews
eq "the bank's list" "$code $body" "200 $LIST"

# The decision.
as editor@a.test
api POST /api/v1/reviews/1/decision '{"decision":"meets"}'
eq "a connector cannot decide" "$code $body" "403 $FOR_BANKS"
as viewer@x.test
api POST /api/v1/reviews/1/decision '{"decision":"meets"}'
eq "a viewer cannot decide" "$code $body" "403 $(viewer_may_not)"
as rev@x.test
for c in \
	'{"decision":"ok"}|400|bad_request|bad decision \"ok\" (want meets, conditional or does_not_meet)' \
	'{"decision":"conditional"}|400|bad_request|a conditional decision needs a reason' \
	'{"decision":"does_not_meet","reason":" "}|400|bad_request|a does_not_meet decision needs a reason' \
	"{\"decision\":\"conditional\",\"reason\":\"$LONG\"}|400|bad_request|the reason is longer than 4000 characters" \
	'{"reason":"x"}|400|bad_request|decision is required'; do
	data=${c%%|*} rest=${c#*|}
	st=${rest%%|*} rest=${rest#*|}
	kind=${rest%%|*} msg=${rest#*|}
	api POST /api/v1/reviews/1/decision "$data"
	eq "decision refused: $msg" "$code $body" "$st $(E $kind "$msg")"
done
api POST /api/v1/reviews/1/decision '{"decision":"meets"}'
eq "meets refused for the open items" "$code $body" \
	"409 $(EP items_open "meets needs no open item: 2 items are query or improvement: 5, 7" 2 "5, 7" 5,7)"
api POST /api/v1/reviews/1/decision '{"decision":"条件付適合","reason":"項目5の改善を条件とする"}'
SHA=$(sqlite3 "$SHINSA_DB" "SELECT decision_sha256 FROM review WHERE id = 1")
SIG=$(sqlite3 "$SHINSA_DB" "SELECT decision_signature FROM review WHERE id = 1")
eq "decided: conditional, signed" "$code $body" \
	"201 {\"decision\":\"conditional\",\"reason\":\"項目5の改善を条件とする\",\"decided_at\":\"2026-04-01T09:00:00Z\",\"decided_by\":\"rev@x.test\",\"drafted_by\":\"rev@x.test\",\"approved_by\":null,\"sha256\":\"$SHA\",\"signature\":\"$SIG\",\"signature_valid\":true,\"decided_by_name\":\"\",\"decided_by_department\":\"\",\"drafted_by_name\":\"\",\"drafted_by_department\":\"\",\"approved_by_name\":null,\"approved_by_department\":null}"
sqlite3 "$SHINSA_DB" "SELECT decision_document FROM review WHERE id = 1" | tr -d '\n' >"$T/decision.json"
eq "the document's SHA-256, by sha256sum" "$(sha256sum <"$T/decision.json" | cut -c1-64)" "$SHA"
PK=$("$SHINSA" org list --json | jq -r ".[] | select(.name == \"$X\") | .public_key")
SUBSHA=$(sqlite3 "$SHINSA_DB" "SELECT sha256 FROM submission WHERE id = 1")
eq "the document" "$(jq -c '[.format, .bank, .connector, .submission, .checklist, .decision, .reason, .decided_at, .decided_by, (.items | length), .items[4], .items[6]]' "$T/decision.json")" \
	"[\"shinsa-review-decision/1\",{\"name\":\"$X\",\"public_key\":\"$PK\"},\"$A\",{\"id\":1,\"sha256\":\"$SUBSHA\",\"version\":1},\"api-checklist-2018-08\",\"conditional\",\"項目5の改善を条件とする\",\"2026-04-01T09:00:00Z\",\"rev@x.test\",39,{\"carried\":false,\"no\":5,\"verdict\":\"improvement\"},{\"carried\":false,\"no\":7,\"verdict\":\"query\"}]"
eq "the document is canonical (Python's bytes)" \
	"$(python3 -c 'import json,sys; b=open(sys.argv[1],"rb").read(); print(json.dumps(json.loads(b), sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode() == b)' "$T/decision.json")" True
printf '%s' "$SIG" | xxd -r -p >"$T/sig.bin"
printf '302a300506032b6570032100%s' "$PK" | xxd -r -p >"$T/pub.der"
run openssl pkeyutl -verify -pubin -keyform DER -inkey "$T/pub.der" -rawin -in "$T/decision.json" -sigfile "$T/sig.bin"
eq "OpenSSL verifies the bank's signature" "$rc:$out" "0:Signature Verified Successfully"
eq "the decision is audited" "$("$SHINSA" audit list --org "$X" --json | jq -c '.[0] | [.actor, .action, .object, .details]')" \
	"[\"rev@x.test\",\"review_decision\",\"review:1\",\"{\\\"decision\\\":\\\"conditional\\\",\\\"sha256\\\":\\\"$SHA\\\",\\\"submission\\\":1}\"]"

# The signed decision as a file both sides can keep and check offline.
api GET /api/v1/reviews/1/decision
cp "$T/b" "$T/decision-file.json"
eq "the bank downloads its decision" "$code $(header Content-Type) $(header Content-Disposition)" \
	"200 application/json attachment; filename=\"decision-1.json\"; filename*=UTF-8''decision-1-X%E9%8A%80%E8%A1%8C.json"
eq "the file: the document as signed, its hash, signature and the bank's key" \
	"$(jq -c '[(.document | tojson | length > 0), .sha256, .signature, .public_key]' "$T/decision-file.json")" \
	"[true,\"$SHA\",\"$SIG\",\"$PK\"]"
eq "its document is the stored one, byte for byte" "$(jq -cS .document "$T/decision-file.json" | tr -d '\n')" "$(cat "$T/decision.json")"
run "$SHINSA" verify "$T/decision-file.json"
eq "shinsa verify checks it with nothing but the file" "$rc:$out" \
	"0:verified: $X's decision conditional on submission 1 (version 1 of $A, sha256 $SUBSHA), decided 2026-04-01T09:00:00Z by rev@x.test; document sha256 $SHA, signed by key $PK
this proves who signed only if that key is the one $X published (shinsa org list --json shows it)"
sed 's/"conditional"/"meets"/' "$T/decision-file.json" >"$T/forged.json"
run "$SHINSA" verify "$T/forged.json"
eq "a changed decision is caught" "$rc:$err" "1:shinsa: $T/forged.json: not verified: the document was changed: its SHA-256 is $(jq -cj .document "$T/forged.json" | sha256sum | cut -c1-64) but the file says $SHA"
sed 's|"format":"shinsa-review-decision/1"|"format":"shinsa-review-decision/3"|' "$T/decision-file.json" >"$T/v3.json"
run "$SHINSA" verify "$T/v3.json"
eq "a later version of the format is read as a decision, and named" "$rc:$err" \
	"1:shinsa: $T/v3.json: not verified: wrong shape: document.format must be \"shinsa-review-decision/1\" or \"shinsa-review-decision/2\""
sed 's|"format":"shinsa-review-decision/1"|"format":"shinsa-review-decision/2"|' "$T/decision-file.json" >"$T/v2.json"
run "$SHINSA" verify "$T/v2.json"
eq "format 2 names the drafter and the approver" "$rc:$err" \
	"1:shinsa: $T/v2.json: not verified: wrong shape: missing field \"document.approved_by\""
eq "the download is an export, in the bank's trail" \
	"$("$SHINSA" audit list --org "$X" --json | jq -c '[.[] | select(.action == "decision_export") | [.actor, .object, .details]]')" \
	"[[\"rev@x.test\",\"review:1\",\"{\\\"bank\\\":\\\"$X\\\",\\\"file\\\":\\\"decision-1-$X.json\\\",\\\"sha256\\\":\\\"$SHA\\\",\\\"submission\\\":1}\"]]"
run "$SHINSA" review export 1 --bank "$X" -o "$T/exported.json"
eq "the CLI exports the same file" "$rc:$out:$(cmp "$T/exported.json" "$T/decision-file.json" && echo same)" \
	"0:wrote $T/exported.json: $X's decision on submission 1 (version 1 of $A), conditional:same"
eq "and records it in the connector's trail" \
	"$("$SHINSA" audit list --org "$A" --json | jq -c '[.[] | select(.action == "decision_export") | [.object, (.details | fromjson | .file)]]')" \
	"[[\"review:1\",\"$T/exported.json\"]]"
fails "export: --bank is required" 2 \
	"shinsa: review export: --bank is required (usage: shinsa review export SUBMISSION-ID --bank NAME -o FILE.json)" \
	"$SHINSA" review export 1 -o "$T/x.json"
fails "export: -o is required" 2 \
	"shinsa: review export: missing -o FILE.json (usage: shinsa review export SUBMISSION-ID --bank NAME -o FILE.json)" \
	"$SHINSA" review export 1 --bank "$X"
fails "export: another bank's review" 1 "shinsa: no review of submission 1 by $Y" \
	"$SHINSA" review export 1 --bank "$Y" -o "$T/x.json"
as editor@a.test
api GET "/api/v1/reviews/1/decision?bank=$X"
eq "the connector downloads it too" "$code $(cmp "$T/b" "$T/decision-file.json" && echo same)" "200 same"
api GET /api/v1/reviews/1/decision
eq "the connector names the bank" "$code $body" "400 $(E bad_request "bank is required: say whose review with ?bank=NAME")"
login rev@y.test
api GET /api/v1/reviews/1/decision
eq "another bank: 404" "$code $body" "404 $(E not_found "no submission 1")"
as rev@x.test

# Closed: nothing changes but the threads.
DECIDED=$(E conflict "review of submission 1 is decided")
api PUT /api/v1/reviews/1/items/5 '{"verdict":"accepted"}'
eq "decided: no verdict" "$code $body" "409 $DECIDED"
api PUT /api/v1/reviews/1/items/39/answer '{"notes":"x"}'
eq "decided: no bank answer" "$code $body" "409 $DECIDED"
api POST /api/v1/reviews/1/decision '{"decision":"meets"}'
eq "decided: no second decision" "$code $body" "409 $DECIDED"
api POST /api/v1/reviews/1/items/7/messages '{"text":"受領しました"}'
eq "decided: messages still" "$code $(echo "$body" | jq '.messages | length')" "201 4"
run sqlite3 "$SHINSA_DB" "UPDATE review_item SET comment = 'x' WHERE review_id = 1 AND item_key = (SELECT item_key FROM review_item LIMIT 1)"
eq "the database refuses to change a decided review's items" "$rc $err" "19 Error: stepping, the review is decided (19)"
run sqlite3 "$SHINSA_DB" "UPDATE review SET decision = 'meets' WHERE id = 1"
eq "or its decision" "$rc $err" "19 Error: stepping, a review changes only by being decided, once (19)"
api GET /api/v1/reviews
eq "the list shows the decision" "$(echo "$body" | jq -c '.[0] | [.decision, .decided_at]')" '["conditional","2026-04-01T09:00:00Z"]'

# Re-review by exception: item 7's answer changes, v2 is submitted and
# shared a month later; the bank's review of v2 carries every other verdict.
stop_server
export SHINSA_NOW=2026-05-01T10:00:00Z
"$SHINSA" answers set --org "$A" --item 7 --current "委託先一覧を別紙1に記載" >/dev/null
"$SHINSA" submit --org "$A" >/dev/null
"$SHINSA" share add 2 --bank "$X" >/dev/null
start_server
login rev@x.test
api GET /api/v1/reviews/2
FROM='{"submission":1,"version":1,"at":"2026-04-01T09:00:00Z"}'
eq "v2: every unchanged item carried from v1" "$code $(echo "$body" | jq -c "[.items[] | select(.party != \"bank\" and .no != 7) | select(.carried != true or .carried_from != $FROM)] | length")" "200 0"
eq "v2: 38 carried" "$(echo "$body" | jq '[.items[] | select(.carried)] | length')" 38
api GET /api/v1/reviews/2/decision
eq "no decision file before the decision" "$code $body" "404 $(E not_found "the review of submission 2 by $X is not decided yet")"
fails "nor from the command line" 1 "shinsa: the review of submission 2 by $X is not decided yet" \
	"$SHINSA" review export 2 --bank "$X" -o "$T/undecided.json"
eq "and no file is left" "$(ls "$T"/undecided.json 2>/dev/null | wc -l)" 0
api GET /api/v1/reviews/2
eq "v2: the changed item is pending" "$(echo "$body" | jq -c '.items[6]')" \
	'{"no":7,"party":"connector","verdict":null,"carried":false,"carried_from":null,"comment":"","bank_answer":null,"messages":[],"revision":"bad3c1fa355dc552","changed":true,"flags":[],"expired_files":[],"previous_answer":{"no":7,"status":"implemented","current":"A社の回答7","issues":"","plan":"","plan_due":null,"notes":""},"previous_messages":[{"org":"X銀行","author":"rev@x.test","at":"2026-04-01T09:00:00Z","text":"委託先の一覧を示してください","verdict":"query","resolved":false,"files":[],"author_name":"","author_department":""},{"org":"X銀行","author":"rev@x.test","at":"2026-04-01T09:00:00Z","text":"一覧を別紙でお送りください","verdict":null,"resolved":false,"files":[],"author_name":"","author_department":""},{"org":"接続先A","author":"editor@a.test","at":"2026-04-01T09:00:00Z","text":"委託先一覧を別紙1に記載しました","verdict":null,"resolved":false,"files":[],"author_name":"","author_department":""},{"org":"X銀行","author":"rev@x.test","at":"2026-04-01T09:00:00Z","text":"受領しました","verdict":null,"resolved":false,"files":[],"author_name":"","author_department":""}]}'
eq "v2: compared with the bank's review of v1, only item 7 changed" "$(echo "$body" | jq -c '[.previous, [.items[] | select(.changed) | .no]]')" '[{"submission":1,"version":1,"decision":{"decision":"conditional","reason":"項目5の改善を条件とする","decided_at":"2026-04-01T09:00:00Z","decided_by":"rev@x.test","decided_by_name":"","decided_by_department":""},"shared":true},[7]]'
eq "v2: the improvement carried with its comment" "$(echo "$body" | jq -c '.items[4]')" \
	"{\"no\":5,\"party\":\"connector\",\"verdict\":\"improvement\",\"carried\":true,\"carried_from\":$FROM,\"comment\":\"ログの保存期間を1年以上にすること\",\"bank_answer\":null,\"messages\":[],\"revision\":\"bcda8a84911a91fe\",\"changed\":false,\"flags\":[],\"expired_files\":[],\"previous_answer\":null,\"previous_messages\":[{\"org\":\"X銀行\",\"author\":\"rev@x.test\",\"at\":\"2026-04-01T09:00:00Z\",\"text\":\"ログの保存期間を1年以上にすること\",\"verdict\":\"improvement\",\"resolved\":false,\"files\":[],\"author_name\":\"\",\"author_department\":\"\"}]}"
eq "v2: the bank's answers copied, marked carried" "$(echo "$body" | jq -c '[.items[38].bank_answer, .items[8].bank_answer.carried]')" \
	'[{"status":"implemented","current":"銀行側で対応済み","notes":"","carried":true},true]'
eq "v2: opened now, undecided" "$(echo "$body" | jq -c '[.version, .opened_at, .decision]')" '[2,"2026-05-01T10:00:00Z",null]'
eq "v2: review_open names what was carried" "$("$SHINSA" audit list --org "$X" --json | jq -c '[.[] | select(.action == "review_open")][0].details')" \
	"\"{\\\"carried\\\":38,\\\"carried_from\\\":1,\\\"connector\\\":\\\"$A\\\",\\\"submission\\\":2}\""
api PUT /api/v1/reviews/2/items/5 '{"verdict":"accepted"}'
eq "a verdict on a carried item is the bank's own" "$code $(echo "$body" | jq -c '[.verdict, .carried, .carried_from, .comment]')" '200 ["accepted",false,null,""]'
api POST /api/v1/reviews/2/decision '{"decision":"meets"}'
eq "v2: the changed item is pending" "$code $body" "409 $(EP items_pending "1 item has no verdict: 7" 1 7 7)"
api PUT /api/v1/reviews/2/items/7 '{"verdict":"accepted"}'
api POST /api/v1/reviews/2/decision '{"decision":"meets"}'
eq "v2: meets" "$code $(echo "$body" | jq -c '[.decision, .reason, .signature_valid]')" '201 ["meets","",true]'

# The connector revokes: the bank's review of it is gone for the bank, not
# for the connector's record.
login editor@a.test
api DELETE /api/v1/submissions/2/shares/2
eq "revoked" "$code" 200
as rev@x.test
api GET /api/v1/reviews/2
eq "revoked: the bank gets 404" "$code $body" "404 $(E not_found "no submission 2")"
api POST /api/v1/reviews/2/items/7/messages '{"text":"x"}'
eq "revoked: the bank cannot post" "$code $body" "404 $(E not_found "no submission 2")"
api GET /api/v1/reviews/2/decision
eq "revoked: the bank keeps its own signed decision (its judgement, none of the answers)" \
	"$code $(jq -c '[.document.decision, .document.submission.id, (.document | has("answers"))]' "$T/b")" '200 ["meets",2,false]'
login rev@y.test
api GET /api/v1/reviews/2/decision
eq "another bank still gets nothing" "$code $body" "404 $(E not_found "no submission 2")"
as rev@x.test
as editor@a.test
api GET "/api/v1/reviews/2?bank=$X"
eq "revoked: the connector still sees the decided review" "$code $(echo "$body" | jq -c '.decision.decision')" '200 "meets"'
eq "and what changed since the bank's previous review" "$(echo "$body" | jq -c '[.previous, [.items[] | select(.changed) | .no]]')" '[{"submission":1,"version":1,"decision":{"decision":"conditional","reason":"項目5の改善を条件とする","decided_at":"2026-04-01T09:00:00Z","decided_by":"rev@x.test","decided_by_name":"","decided_by_department":""},"shared":true},[7]]'
run "$SHINSA" review show 2 --bank "$X" --json
eq "review show --json: the same" "$(echo "$out" | jq -c '[.previous, [.items[] | select(.changed) | .no]]')" '[{"submission":1,"version":1,"decision":{"decision":"conditional","reason":"項目5の改善を条件とする","decided_at":"2026-04-01T09:00:00Z","decided_by":"rev@x.test","decided_by_name":"","decided_by_department":""},"shared":true},[7]]'
run "$SHINSA" review show 2 --bank "$X"
printf '%s\n' "$out" >"$T/show.txt"
eq "review show: the header" "$(head -n 1 "$T/show.txt")" "review of submission 2 (version 2 of $A) by $X, opened 2026-05-01T10:00:00Z"
eq "review show: items" "$(sed -n '2,3p;10,13p' "$T/show.txt"; grep '^item 45 ' "$T/show.txt")" "item 1 (connector): 確認済 accepted, carried from submission 1 (version 1, 2026-04-01T09:00:00Z)
item 2 (connector): 確認済 accepted, carried from submission 1 (version 1, 2026-04-01T09:00:00Z)
item 9 (common): 確認済 accepted, carried from submission 1 (version 1, 2026-04-01T09:00:00Z)
  bank answer (carried): (no status) / 銀行側の体制は別紙
item 10 (connector): 確認済 accepted, carried from submission 1 (version 1, 2026-04-01T09:00:00Z)
item 11 (connector): 確認済 accepted, carried from submission 1 (version 1, 2026-04-01T09:00:00Z)
item 45 (bank): the bank's item"
eq "review show: the decision" "$(tail -n 1 "$T/show.txt")" \
	"decided 適合 meets at 2026-05-01T10:00:00Z by rev@x.test; sha256 $(sqlite3 "$SHINSA_DB" "SELECT decision_sha256 FROM review WHERE id = 2"), signature valid"
run "$SHINSA" review show 1 --bank "$X"
eq "review show: a thread" "$(printf '%s\n' "$out" | sed -n '/^item 7 /,/^item 8 /p')" "item 7 (connector): 要確認 query
  comment: 委託先の一覧を示してください
  2026-04-01T09:00:00Z rev@x.test ($X): 委託先の一覧を示してください
  2026-04-01T09:00:00Z rev@x.test ($X): 一覧を別紙でお送りください
  2026-04-01T09:00:00Z editor@a.test ($A): 委託先一覧を別紙1に記載しました
  2026-04-01T09:00:00Z rev@x.test ($X): 受領しました
item 8 (connector): 確認済 accepted"
fails "review show: no review by that bank" 1 "shinsa: no review of submission 1 by $Y" "$SHINSA" review show 1 --bank "$Y"
fails "review show: no submission" 1 "shinsa: no submission 9" "$SHINSA" review show 9 --bank "$X"
fails "review show: --bank" 2 "shinsa: review show: --bank is required (usage: shinsa review show SUBMISSION-ID --bank NAME [--json])" "$SHINSA" review show 1
fails "review show: an id" 2 "shinsa: review show: SUBMISSION-ID is a submission number, not \"x\" (usage: shinsa review show SUBMISSION-ID --bank NAME [--json])" "$SHINSA" review show x --bank "$X"
run "$SHINSA" review list --org "$A"
eq "review list" "$out" "submission 1 (version 1 of $A) by $X, opened 2026-04-01T09:00:00Z: 0 pending, 1 query, 1 improvement, conditional
submission 2 (version 2 of $A) by $X, opened 2026-05-01T10:00:00Z: 0 pending, 0 query, 0 improvement, meets"
run "$SHINSA" review list --org "$X" --json
as rev@x.test
eq "review list --json is what the bank's GET gives" "$(echo "$out" | jq -c .)" "$(api GET /api/v1/reviews; echo "$body")"
run "$SHINSA" review list --org "$Y"
eq "review list: none" "$out" "$Y has no reviews"
run "$SHINSA" audit verify
eq "the trail holds" "$rc" 0
# A stored decision that no longer verifies (here: the bank's key is not
# the one that signed) is not handed out as if it did.
sqlite3 "$SHINSA_DB" "UPDATE org SET public_key = '$(printf '%064d' 0)' WHERE name = '$X'"
api GET /api/v1/reviews/1/decision
eq "a decision that no longer verifies is not exported" "$code $body" \
	"409 $(E conflict "the stored decision on submission 1 by $X no longer verifies: it is not exported")"
# "previous" is the bank's own previous review: Y, given v2 without having
# reviewed v1, compares with nothing.
as editor@a.test
api POST /api/v1/submissions/2/shares "{\"bank\":\"$Y\"}"
eq "v2 shared with Y" "$code" 201
login rev@y.test
api GET /api/v1/reviews/2
eq "Y reviewed no earlier version: no previous, nothing changed" \
	"$code $(echo "$body" | jq -c '[.previous, ([.items[] | select(.changed)] | length)]')" '200 [null,0]'
stop_server
finish
