# Supplementary questions over HTTP: bank X imports seed 000 (four criteria
# mapped none, one of them damaged and so never asked) and maps one more to none over the API;
# connector A lists them and answers (every refusal with its exact body),
# clears and answers again; another connector's answer stays its own; the
# answers survive a re-import and a mapping away and back; bank X reads A's
# answers through its review under the share, until it is revoked; bank Y,
# connector B, a viewer and the wrong kind get 404 or 403. The audit event
# names the question, never the text.
. tests/http/lib.sh
fresh_orgs A B X Y
add_user "$A" editor@a.test editor
add_user "$A" viewer@a.test viewer
add_user "$B" editor@b.test editor
add_user "$X" rev@x.test reviewer
add_user "$Y" rev@y.test reviewer
"$SHINSA" criteria import catalog/sources/000_facbf1237c5cd287.txt --org "$X" --format text >/dev/null 2>&1
answer_all "$A"
submit_share "$A" "$X"
start_server

E() { printf '{"error":{"code":"%s","message":"%s"%s}}' "$1" "$2" "$(problems_of "$2")"; }
XQ=/api/v1/banks/$(jq -rn --arg n "$X" '$n | @uri')/questions
keys() { echo "$body" | jq -c '[.[] | [.key, .answer]]'; }

login rev@x.test
api PUT "/api/v1/criteria/(1)-1/mapping" '{"relation":"none"}'
eq "the bank maps (1)-1 to none" "$code $(echo "$body" | jq -c '[.key, .relation, .items]')" '200 ["(1)-1","none",[]]'
api GET "$XQ"
eq "a bank may not list questions" "$code $body" "403 $(E forbidden "this is for connectors")"
api PUT "$XQ/(2)-1" '{"answer":"x"}'
eq "a bank may not answer" "$code $body" "403 $(E forbidden "this is for connectors")"

login editor@a.test
api GET "$XQ"
eq "the questions: the none rows in the list's order, unanswered" "$code $(keys)" \
	'200 [["(1)-1",null],["(1)-10",null],["(2)-1",null],["(2)-2",null]]'
eq "a question" "$(echo "$body" | jq -c '.[0]')" \
	'{"key":"(1)-1","category":"経営陣の関与","text":"経営陣により情報セキュリティ管理態勢が整備されている","answer":null,"answered_at":null,"answered_by":null}'
eq "a damaged criterion (1)-12 is never asked" "$(echo "$body" | jq -c '[.[] | select(.key == "(1)-12")]')" '[]'
api PUT "$XQ/(1)-12" '{"answer":"x"}'
eq "nor can it be answered" "$code $(echo "$body" | jq -r .error.code)" '404 not_found'
api GET "/api/v1/banks/%E3%82%B9%E3%83%9E/questions"
eq "no such bank" "$code $body" "404 $(E not_found 'no bank \"スマ\"')"
api GET "/api/v1/banks/$B/questions"
eq "a connector is no bank" "$code $body" "404 $(E not_found "no bank \\\"$B\\\"")"
api GET "/api/v1/banks/$Y/questions"
eq "a bank with no criteria has no questions" "$code $body" "200 []"

api PUT "$XQ/(2)-1" '{"answer":"事業継続計画を策定し、年1回訓練している。"}'
eq "A answers (2)-1" "$code $body" \
	'200 {"key":"(2)-1","category":"事業継続管理(BCP)","text":"事業継続管理(BCP)態勢を確立する","answer":"事業継続計画を策定し、年1回訓練している。","answered_at":"2026-04-01T09:00:00Z","answered_by":"editor@a.test"}'
for c in \
	'{}|answer is required' \
	'{"answer":null}|answer must be a string' \
	'{"answer":1}|answer must be a string' \
	'{"answer":"x","text":"y"}|unknown field \"text\" (allowed: answer)' \
	'[]|the request body must be a JSON object' \
	"{\"answer\":\"$(printf 'あ%.0s' $(seq 1 4001))\"}|the answer is longer than 4000 characters"; do
	api PUT "$XQ/(2)-2" "${c%%|*}"
	eq "bad body: ${c##*|}" "$code $body" "400 $(E bad_request "${c##*|}")"
done
api PUT "$XQ/(1)-2" '{"answer":"x"}'
eq "a criterion with a counterpart is no question" "$code $body" "404 $(E not_found "$X has no question \\\"(1)-2\\\"")"
api PUT "$XQ/nope" '{"answer":"x"}'
eq "no such key" "$code $body" "404 $(E not_found "$X has no question \\\"nope\\\"")"
api PUT "/api/v1/banks/$Y/questions/(2)-1" '{"answer":"x"}'
eq "Y has no such question" "$code $body" "404 $(E not_found "$Y has no question \\\"(2)-1\\\"")"
api PUT "$XQ/(1)-10" '{"answer":"ISMS認証を取得している。"}'
api PUT "$XQ/(1)-10" '{"answer":"  "}'
eq "a blank answer clears it" "$code $(echo "$body" | jq -c '[.key, .answer, .answered_at, .answered_by]')" '200 ["(1)-10",null,null,null]'
api GET "$XQ"
eq "A's list" "$code $(keys)" \
	'200 [["(1)-1",null],["(1)-10",null],["(2)-1","事業継続計画を策定し、年1回訓練している。"],["(2)-2",null]]'
eq "nothing else was written" "$(sqlite3 "$SHINSA_DB" "SELECT count(*) FROM question_answer")" 1
eq "audited in A's trail, without the text" "$("$SHINSA" audit list --org "$A" --json | jq -c '[reverse[] | select(.action == "question_answer") | [.actor, .object, .details]]')" \
	'[["editor@a.test","question:3-(2)-1","{\"bank\":\"X銀行\",\"cleared\":false,\"key\":\"(2)-1\"}"],["editor@a.test","question:3-(1)-10","{\"bank\":\"X銀行\",\"cleared\":false,\"key\":\"(1)-10\"}"],["editor@a.test","question:3-(1)-10","{\"bank\":\"X銀行\",\"cleared\":true,\"key\":\"(1)-10\"}"]]'

login viewer@a.test
api GET "$XQ"
eq "A's viewer reads A's answers" "$code $(keys | jq -c '.[2]')" '200 ["(2)-1","事業継続計画を策定し、年1回訓練している。"]'
api PUT "$XQ/(2)-2" '{"answer":"x"}'
eq "a viewer may not answer" "$code $body" "403 $(E forbidden "your role (viewer) may not do this")"

login editor@b.test
api GET "$XQ"
eq "B sees the questions, not A's answers" "$code $(keys)" \
	'200 [["(1)-1",null],["(1)-10",null],["(2)-1",null],["(2)-2",null]]'
api PUT "$XQ/(2)-1" '{"answer":"B社の回答"}'
eq "B answers for itself" "$code $(echo "$body" | jq -c '[.answer, .answered_by]')" '200 ["B社の回答","editor@b.test"]'

# Kept by key: a re-import (which keeps (1)-1's row: same key and text),
# and a question mapped away and back.
"$SHINSA" criteria import catalog/sources/000_facbf1237c5cd287.txt --org "$X" --format text >/dev/null 2>&1
"$SHINSA" criteria map --org "$X" "(2)-1" --relation intersects --items 1 >/dev/null
login editor@a.test
api GET "$XQ"
eq "mapped away: no longer a question, the answer not shown" "$code $(keys)" \
	'200 [["(1)-1",null],["(1)-10",null],["(2)-2",null]]'
"$SHINSA" criteria map --org "$X" "(2)-1" --relation none >/dev/null
api GET "$XQ"
eq "mapped back: the answer is there again" "$code $(keys | jq -c '.[2]')" '200 ["(2)-1","事業継続計画を策定し、年1回訓練している。"]'

# Through the review.
R=/api/v1/reviews/1/questions
api GET "$R"
eq "the connector says whose review" "$code $body" "400 $(E bad_request "bank is required: say whose review with ?bank=NAME")"
api GET "$R?bank=$X"
eq "no review by X yet" "$code $body" "404 $(E not_found "no review of submission 1 by $X")"
"$SHINSA" user update --email editor@a.test --name "接続 一郎" --department 企画部 >/dev/null
login rev@x.test
api GET "$R"
eq "回答者 by name, as the pages say them" "$(echo "$body" | jq -c '[.questions[] | select(.answer) | [.answered_by, .answered_by_name, .answered_by_department]]')" \
	'[["editor@a.test","接続 一郎","企画部"]]'
eq "X reads A's answers under the share" "$code $(echo "$body" | jq -c '[.bank, .connector, [.questions[] | [.key, .answer, .answered_by]]]')" \
	"200 [\"$X\",\"$A\",[[\"(1)-1\",null,null],[\"(1)-10\",null,null],[\"(2)-1\",\"事業継続計画を策定し、年1回訓練している。\",\"editor@a.test\"],[\"(2)-2\",null,null]]]"
api GET /api/v1/reviews/2/questions
eq "no such submission" "$code $body" "404 $(E not_found "no submission 2")"
api GET /api/v1/reviews/1
login editor@a.test
api GET "$R?bank=$X"
eq "A reads the same through X's review" "$code $(echo "$body" | jq -c '[.bank, .connector, (.questions | length), .questions[2].answer]')" \
	"200 [\"$X\",\"$A\",4,\"事業継続計画を策定し、年1回訓練している。\"]"
login editor@b.test
api GET "$R?bank=$X"
eq "B: not its submission" "$code $body" "404 $(E not_found "no submission 1")"
login rev@y.test
api GET "$R"
eq "another bank: 404" "$code $body" "404 $(E not_found "no submission 1")"
login editor@a.test
api GET /api/v1/shares
eq "X's read of A's answers (then of its review) is a read of the share, the refused ones are not" \
	"$code $(echo "$body" | jq -c '[.[] | [.id, .accesses]]')" \
	'200 [[1,[{"user":"rev@x.test","at":"2026-04-01T09:00:00Z"},{"user":"rev@x.test","at":"2026-04-01T09:00:00Z"}]]]'
eq "and audited in A's trail" "$("$SHINSA" audit list --org "$A" --json | jq -c '[reverse[] | select(.action | endswith("_read")) | [.actor, .action, .object, .details]]')" \
	"[[\"rev@x.test\",\"questions_read\",\"submission:1\",\"{\\\"bank\\\":\\\"$X\\\",\\\"share\\\":1}\"],[\"rev@x.test\",\"review_read\",\"submission:1\",\"{\\\"bank\\\":\\\"$X\\\",\\\"share\\\":1}\"]]"
"$SHINSA" share revoke 1 >/dev/null
login rev@x.test
api GET "$R"
eq "after the revoke X gets 404" "$code $body" "404 $(E not_found "no submission 1")"
stop_server
finish
