# One conversation per item, and saves that never overwrite unseen work:
# a verdict's text (text, or comment from older clients) is a message of
# the item's thread given with the verdict; the connector replies there; a
# later acceptance marks the query resolved; a PUT that names the revision
# it read is refused (409, with the item as it now is) once the item has
# changed, and writes nothing. Exact bodies throughout.
. tests/http/lib.sh
fresh_orgs A X
add_user "$A" editor@a.test editor
add_user "$X" rev@x.test reviewer
answer_all "$A"
submit_share "$A" "$X"
start_server

login rev@x.test
api GET /api/v1/reviews/1
REV0=$(echo "$body" | jq -r '.items[32].revision')
eq "a pending item has a revision" "$code $REV0" "200 bad3c1fa355dc552"

# A query's text opens the thread, carrying the verdict.
api PUT /api/v1/reviews/1/items/33 "{\"verdict\":\"query\",\"text\":\"委託先の監査報告書を示してください\",\"revision\":\"$REV0\"}"
eq "a query with its text" "$code $body" '200 {"no":33,"party":"connector","verdict":"query","carried":false,"carried_from":null,"comment":"委託先の監査報告書を示してください","bank_answer":null,"messages":[{"org":"X銀行","author":"rev@x.test","at":"2026-04-01T09:00:00Z","text":"委託先の監査報告書を示してください","verdict":"query","resolved":false,"files":[],"author_name":"","author_department":""}],"revision":"3a771c0c32b88e2a"}'
eq "verdict and message are each in the bank's trail (newest first)" "$("$SHINSA" audit list --org "$X" --json | jq -c '[.[] | select(.action == "review_verdict" or .action == "review_message") | [.action, .details]]')" \
	'[["review_message","{\"bank\":\"X銀行\",\"no\":33,\"submission\":1}"],["review_verdict","{\"no\":33,\"submission\":1,\"verdict\":\"query\"}"]]'

# A save at the revision read before that query: refused, nothing written.
api PUT /api/v1/reviews/1/items/33 "{\"verdict\":\"accepted\",\"text\":\"別の画面から\",\"revision\":\"$REV0\"}"
eq "a stale revision is a conflict with the item as it is" "$code $(echo "$body" | jq -c '[.error.code, .error.message, .error.current.verdict, .error.current.revision, (.error.current.messages | length)]')" \
	'409 ["conflict","item 33 changed since revision bad3c1fa355dc552: it is now 3a771c0c32b88e2a","query","3a771c0c32b88e2a",1]'
api GET /api/v1/reviews/1
eq "and nothing was written" "$(echo "$body" | jq -c '.items[32] | [.verdict, (.messages | length)]')" '["query",1]'

# The connector replies in the same thread.
login editor@a.test
api POST /api/v1/reviews/1/items/33/messages '{"text":"別紙2として添付しました","bank":"X銀行"}'
eq "the connector's reply" "$code $(echo "$body" | jq -c '[.messages[] | [.org, .text, .verdict, .resolved]]')" \
	'201 [["X銀行","委託先の監査報告書を示してください","query",false],["接続先A","別紙2として添付しました",null,false]]'

# The bank accepts, with a note, at the current revision; the query is resolved.
login rev@x.test
api PUT /api/v1/reviews/1/items/33 '{"verdict":"accepted","text":"確認しました","revision":"3a771c0c32b88e2a"}'
eq "an acceptance resolves the query" "$code $(echo "$body" | jq -c '[.verdict, .comment, [.messages[] | [.text, .verdict, .resolved]]]')" \
	'200 ["accepted","確認しました",[["委託先の監査報告書を示してください","query",true],["別紙2として添付しました",null,false],["確認しました","accepted",false]]]'

# Without a note: no message, and the query resolved all the same.
api PUT /api/v1/reviews/1/items/7 '{"verdict":"improvement","comment":"ログの保存期間を延ばすこと"}'
eq "an older client's comment is threaded too" "$code $(echo "$body" | jq -c '[.comment, [.messages[] | [.text, .verdict]]]')" \
	'200 ["ログの保存期間を延ばすこと",[["ログの保存期間を延ばすこと","improvement"]]]'
api PUT /api/v1/reviews/1/items/7 '{"verdict":"accepted","text":" \n"}'
eq "an acceptance without a note" "$code $(echo "$body" | jq -c '[.comment, [.messages[] | [.text, .verdict, .resolved]]]')" \
	'200 ["",[["ログの保存期間を延ばすこと","improvement",true]]]'

api PUT /api/v1/reviews/1/items/8 '{"verdict":"query","text":"a","comment":"b"}'
eq "text or comment, not both" "$code $body" "400 $(printf '{"error":{"code":"bad_request","message":"give text or comment, not both","problems":[{"cell":"","code":"text_or_comment","args":[]}]}}')"
api PUT /api/v1/reviews/1/items/8 '{"verdict":"query","revision":5}'
eq "a revision is a string" "$code $body" '400 {"error":{"code":"bad_request","message":"revision must be a string or null","problems":[{"cell":"","code":"wrong_type","args":["revision"]}]}}'
api PUT /api/v1/reviews/1/items/8 '{"verdict":"query","revision":"bad3c1fa355dc552"}'
eq "a query needs its text even at the right revision" "$code $body" '400 {"error":{"code":"bad_request","message":"a query needs a comment: say what to ask"}}'
api GET /api/v1/reviews/1
eq "refusals write nothing" "$(echo "$body" | jq -c '.items[7] | [.verdict, (.messages | length)]')" '[null,0]'

# Who posted: 氏名 and 部署 as they are now beside the e-mail, "" for none;
# the review page names them so (web/person.h), the e-mail after the name.
api PUT /api/v1/me '{"name":"山田 花子","department":"審査部"}'
api GET /api/v1/reviews/1
eq "each message names its poster" "$(echo "$body" | jq -c '[.items[32].messages[] | [.author, .author_name, .author_department]]')" \
	'[["rev@x.test","山田 花子","審査部"],["editor@a.test","",""],["rev@x.test","山田 花子","審査部"]]'
req -b "$T/jar.$WHO" "$URL/reviews/1"
eq "the thread's by-line: 氏名（部署）, the e-mail after it; an e-mail alone without a name" \
	"$(grep -c '<p class="by">X銀行 ・ <span class="person" title="rev@x.test">山田 花子（審査部）<span class="person-email">rev@x.test</span></span> ・ ' "$T/b") $(grep -c '<p class="by">接続先A ・ editor@a.test ・ ' "$T/b")" "3 1"
api PUT /api/v1/reviews/1/items/8 '{"verdict":"query","text":"手順書を示してください","revision":"bad3c1fa355dc552"}'
eq "the answer to a write names its poster too" "$code $(echo "$body" | jq -c '[.messages[] | [.author, .author_name, .author_department]]')" \
	'200 [["rev@x.test","山田 花子","審査部"]]'
stop_server
finish
