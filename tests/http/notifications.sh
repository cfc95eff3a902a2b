# Notifications (service/notify.h, web/api_notifications.h): every event
# that tells someone reaches GET /api/v1/notifications of exactly the users
# it should (the other organisation's roles that act on it; never a
# viewer, never the actor's side, never another bank or connector), marks
# read only the caller's own, the e-mail opt-out, and the e-mails that
# `shinsa reminders send` hands to sendmail: one per event, to the
# recipients who want e-mail.
. tests/http/lib.sh
fresh_orgs A B X Y
add_user "$A" admin@a.test admin
add_user "$A" editor@a.test editor
add_user "$A" viewer@a.test viewer
add_user "$B" admin@b.test admin
add_user "$X" admin@x.test admin
add_user "$X" rev@x.test reviewer
# X's reviewer has a name (A's admin none): the notifications say who by it.
"$SHINSA" user update --email rev@x.test --name '山田 花子' --department 審査部 >/dev/null
add_user "$X" viewer@x.test viewer
add_user "$Y" rev@y.test reviewer
answer_all "$A"
"$SHINSA" answers set --org "$A" --item 3 --status partial --issues 課題 --plan 計画 --plan-due 2026-09-30 >/dev/null
"$SHINSA" submit --org "$A" >/dev/null
start_server
E() { printf '{"error":{"code":"%s","message":"%s"%s}}' "$1" "$2" "$(problems_of "$2")"; }
for u in admin@a.test editor@a.test viewer@a.test admin@b.test admin@x.test rev@x.test viewer@x.test rev@y.test; do
	login "$u"
done
# kinds USER: the user's notifications, newest first, as "id kind no read".
kinds() {
	as "$1"
	api GET /api/v1/notifications
	echo "$code $(echo "$body" | jq -c '[.unread, .email, [.notifications[] | "\(.id) \(.kind) \(.no) \(.read)"]]')"
}

as editor@a.test
api GET /api/v1/notifications
eq "none yet: the whole answer" "$code $body" '200 {"unread":0,"email":true,"notifications":[],"next":null,"unread_threads":[]}'
api PUT /api/v1/notifications/email '{"email":false}'
eq "the editor turns e-mail off" "$code $body" '200 {"email":false}'
api PUT /api/v1/notifications/email '{"email":"no"}'
eq "email must be true or false" "$code $body" "400 $(E bad_request "email must be true or false")"
eq "the opt-out is in A's trail" "$("$SHINSA" audit list --org "$A" --json | jq -c '[.[] | select(.action == "user_update") | [.actor, .object, .details]]')" \
	'[["editor@a.test","user:2","{\"email_notifications\":false}"]]'

# 1. Shared with X: X's admin and reviewer.
as admin@a.test
api POST /api/v1/submissions/1/shares "{\"bank\":\"$X\"}"
eq "A shares submission 1 with X" "$code" 201
as rev@x.test
api GET /api/v1/notifications
eq "the share reaches X's reviewer: the whole answer" "$code $body" \
	"200 {\"unread\":1,\"email\":true,\"notifications\":[{\"id\":2,\"kind\":\"shared\",\"submission\":1,\"no\":null,\"plan\":null,\"bank\":\"$X\",\"connector\":\"$A\",\"detail\":\"\",\"actor\":\"admin@a.test\",\"link\":\"/reviews/1\",\"created_at\":\"2026-04-01T09:00:00Z\",\"read\":false,\"actor_name\":\"\",\"actor_department\":\"\"}],\"next\":null,\"unread_threads\":[]}"

# 2-3. A query on item 3 and an improvement on item 5: A's admin and editor.
api PUT /api/v1/reviews/1/items/3 '{"verdict":"query","comment":"規程の改訂時期を教えてください"}'
eq "X queries item 3" "$code" 200
api PUT /api/v1/reviews/1/items/3 '{"verdict":"query","comment":"規程の改訂時期を教えてください"}'
eq "the same query saved again" "$code" 200
api PUT /api/v1/reviews/1/items/5 '{"verdict":"improvement","comment":"多要素認証を導入してください"}'
eq "X asks for an improvement on item 5" "$code" 200
api PUT /api/v1/reviews/1/items/6 '{"verdict":"accepted"}'
eq "X accepts item 6 (no news)" "$code" 200
# 4. A's reply on item 3: X's admin and reviewer.
as editor@a.test
api POST "/api/v1/reviews/1/items/3/messages" "{\"bank\":\"$X\",\"text\":\"6月に改訂します\"}"
eq "A replies on item 3" "$code" 201
# 5. X writes back on item 3: A's admin and editor.
as rev@x.test
api POST /api/v1/reviews/1/items/3/messages '{"text":"承知しました"}'
eq "X writes on item 3" "$code" 201
# 6. X requires a date for the plan of item 3: A's admin and editor.
api PUT /api/v1/plans/1/required '{"due":"2026-06-30"}'
eq "X requires 2026-06-30" "$code" 200
api PUT /api/v1/plans/1/required '{"due":null}'
eq "X removes it again (no news)" "$code" 200
# 7. The decision: A's admin and editor.
for n in $(seq 1 38) 44; do
	[ "$n" = 3 ] || [ "$n" = 5 ] || [ "$n" = 6 ] || api PUT /api/v1/reviews/1/items/$n '{"verdict":"accepted"}'
done
api POST /api/v1/reviews/1/decision '{"decision":"conditional","reason":"改善計画の完了を条件とする"}'
eq "X decides" "$code" 201
# The pages: the header's count, and 回答あり on the inbox and the review
# list (the caller's unread thread notifications of that review).
chip() { grep -o -e '<span class="chip warn unread-thread">[^<]*</span>' -e '<span class="count" aria-hidden="true">[0-9]*</span>' "$T/b" | tr '\n' ' '; }
as rev@x.test
req -b "$T/jar.$WHO" "$URL/inbox"
eq "X's inbox: two unread in the header, the reply flagged" "$code $(chip)" \
	'200 <span class="count" aria-hidden="true">2</span> <span class="chip warn unread-thread">回答あり（1件）</span> '
req -b "$T/jar.$WHO" -H 'Accept-Language: en' "$URL/reviews"
eq "X's review list, in English" "$code $(chip)" \
	'200 <span class="count" aria-hidden="true">2</span> <span class="chip warn unread-thread">Unread replies: 1</span> '
as editor@a.test
req -b "$T/jar.$WHO" "$URL/reviews"
eq "A's review list: X's query, improvement and message" "$code $(chip)" \
	'200 <span class="count" aria-hidden="true">5</span> <span class="chip warn unread-thread">新着の連絡あり（3件）</span> '
req -b "$T/jar.$WHO" "$URL/notifications"
eq "A's お知らせ: newest first, each linking to its object" "$code $(grep -o '<a href="/[rp][^"]*/1[^"]*">[^<]*</a>' "$T/b" | sed 's/&#61;/=/g')" \
	"200 <a href=\"/reviews/1?bank=X%E9%8A%80%E8%A1%8C\">X銀行が審査結果を確定しました（提出番号1）</a>
<a href=\"/plans/1\">X銀行が通番3の改善計画の対応期限を2026-06-30に指定しました</a>
<a href=\"/reviews/1?bank=X%E9%8A%80%E8%A1%8C#item-3\">X銀行から通番3について連絡がありました（提出番号1）</a>
<a href=\"/reviews/1?bank=X%E9%8A%80%E8%A1%8C#item-5\">X銀行から通番5について改善要請（要改善）がありました（提出番号1）</a>
<a href=\"/reviews/1?bank=X%E9%8A%80%E8%A1%8C#item-3\">X銀行から通番3について照会がありました（提出番号1）</a>"
eq "each says who by 氏名（部署）, the e-mail after it" "$(grep -o '<p class="muted when">.*</p>' "$T/b" | head -1)" \
	'<p class="muted when">2026-04-01 18:00　<span class="person" title="rev@x.test">山田 花子（審査部）<span class="person-email">rev@x.test</span></span></p>'

# 8. The share revoked: X's admin and reviewer.
as admin@a.test
api DELETE /api/v1/submissions/1/shares/1
eq "A revokes the share" "$code" 200

eq "A's admin: query, improvement, X's message, the date, the decision" "$(kinds admin@a.test)" \
	'200 [5,true,["13 decision null false","11 required_date 3 false","9 bank_message 3 false","5 improvement 5 false","3 query 3 false"]]'
eq "A's editor: the same, e-mail off" "$(kinds editor@a.test)" \
	'200 [5,false,["14 decision null false","12 required_date 3 false","10 bank_message 3 false","6 improvement 5 false","4 query 3 false"]]'
eq "X's reviewer: the share, A's reply, the revoke" "$(kinds rev@x.test)" \
	'200 [3,true,["16 revoked null false","8 reply 3 false","2 shared null false"]]'
eq "X's admin: the same" "$(kinds admin@x.test)" \
	'200 [3,true,["15 revoked null false","7 reply 3 false","1 shared null false"]]'
as rev@x.test
api GET /api/v1/notifications
eq "X's reviewer: one unread reply in the review of submission 1" "$(echo "$body" | jq -c .unread_threads)" "[{\"submission\":1,\"bank\":\"$X\",\"unread\":1}]"
as editor@a.test
api GET /api/v1/notifications
eq "A's editor: the query, the improvement and X's message" "$(echo "$body" | jq -c .unread_threads)" "[{\"submission\":1,\"bank\":\"$X\",\"unread\":3}]"
for u in viewer@a.test viewer@x.test admin@b.test rev@y.test; do
	eq "$u: nothing" "$(kinds "$u")" '200 [0,true,[]]'
done

as editor@a.test
api GET /api/v1/notifications
eq "the connector's links name the bank and the item" "$(echo "$body" | jq -c '[.notifications[] | [.kind, .link, .detail, .actor]]')" \
	'[["decision","/reviews/1?bank=X%E9%8A%80%E8%A1%8C","conditional","rev@x.test"],["required_date","/plans/1","2026-06-30","rev@x.test"],["bank_message","/reviews/1?bank=X%E9%8A%80%E8%A1%8C#item-3","","rev@x.test"],["improvement","/reviews/1?bank=X%E9%8A%80%E8%A1%8C#item-5","","rev@x.test"],["query","/reviews/1?bank=X%E9%8A%80%E8%A1%8C#item-3","","rev@x.test"]]'
api GET '/api/v1/notifications?limit=2'
eq "paged: two, then the next page" "$code $(echo "$body" | jq -c '[[.notifications[].id], .next, .unread]')" '200 [[14,12],12,5]'
api GET '/api/v1/notifications?limit=2&before=12'
eq "the page before 12" "$code $(echo "$body" | jq -c '[[.notifications[].id], .next]')" '200 [[10,6],6]'
api GET '/api/v1/notifications?limit=0'
eq "a bad limit" "$code $body" "400 $(E bad_request "limit wants a number from 1 to 200, not \\\"0\\\"")"

# Marking read: one's own only.
api POST /api/v1/notifications/read '{"ids":[14,15]}'
eq "another user's id: nothing marked" "$code $body" "404 $(E not_found "no notification 15")"
api GET '/api/v1/notifications?limit=1'
eq "still five unread" "$code $(echo "$body" | jq -c .unread)" "200 5"
api POST /api/v1/notifications/read '{"ids":[14,12]}'
eq "two of one's own" "$code $body" '200 {"marked":2,"unread":3}'
api POST /api/v1/notifications/read '{"ids":[14]}'
eq "read again: nothing more" "$code $body" '200 {"marked":0,"unread":3}'
for c in '{}|give ids, all or submission' '{"ids":[1],"all":true}|give one of ids, all or submission' \
	'{"all":true,"submission":1}|give one of ids, all or submission' '{"all":false}|all must be true' \
	'{"ids":["1"]}|ids must be notification numbers' '{"ids":[0]}|ids must be notification numbers' \
	'{"bank":"x"}|bank goes with submission' '{"submission":"1"}|submission must be a whole number' \
	'{"id":[1]}|unknown field \"id\" (allowed: ids, all, submission, bank)'; do
	api POST /api/v1/notifications/read "${c%%|*}"
	eq "refused: ${c%%|*}" "$code $body" "400 $(E bad_request "${c#*|}")"
done
# What a review's page marks as it opens: that review's, from that bank.
api POST /api/v1/notifications/read "{\"submission\":1,\"bank\":\"$Y\"}"
eq "another bank's review of it: nothing" "$code $body" '200 {"marked":0,"unread":3}'
api POST /api/v1/notifications/read '{"submission":2}'
eq "another submission's: nothing" "$code $body" '200 {"marked":0,"unread":3}'
api POST /api/v1/notifications/read "{\"submission\":1,\"bank\":\"$X\"}"
eq "the review's own" "$code $body" '200 {"marked":3,"unread":0}'
api POST /api/v1/notifications/read '{"all":true}'
eq "all" "$code $body" '200 {"marked":0,"unread":0}'
eq "the editor's all read; the admin's untouched" "$(kinds editor@a.test)|$(kinds admin@a.test | cut -d, -f1-2)" \
	'200 [0,false,["14 decision null true","12 required_date 3 true","10 bank_message 3 true","6 improvement 5 true","4 query 3 true"]]|200 [5,true'

# The e-mails: one per event, to those who want them.
cat >"$T/sendmail" <<'SH'
#!/bin/sh
# A fake sendmail: keeps its arguments and the message it is given.
n=$(ls "$(dirname "$0")"/mail.* 2>/dev/null | wc -l)
{ echo "args: $*"; cat; } >"$(dirname "$0")/mail.$((n + 1))"
SH
chmod +x "$T/sendmail"
SHINSA_SENDMAIL="$T/sendmail" SHINSA_MAIL_FROM=shinsa@example.jp run "$SHINSA" reminders send
eq "eight events, eight e-mails" "$rc:$out" "0:sent 8 notices"
subjects=$(for i in 1 2 3 4 5 6 7 8; do
	tail -n +2 "$T/mail.$i" | python3 -c 'import sys, email, email.policy
m = email.message_from_file(sys.stdin, policy=email.policy.default)
print(m["to"], "|", m["subject"])'
done)
eq "each to its recipients, the editor left out" "$subjects" "admin@x.test, rev@x.test | 【Shinsa】$A から提出物が共有されました（提出 1）
admin@a.test | 【Shinsa】$X から照会があります：通番3（提出 1）
admin@a.test | 【Shinsa】$X から改善要請があります：通番5（提出 1）
admin@x.test, rev@x.test | 【Shinsa】$A から回答がありました：通番3（提出 1）
admin@a.test | 【Shinsa】$X から連絡があります：通番3（提出 1）
admin@a.test | 【Shinsa】$X が改善計画の対応期限を指定しました：通番3（2026-06-30）
admin@a.test | 【Shinsa】$X が審査結果を確定しました：条件付適合（提出 1）
admin@x.test, rev@x.test | 【Shinsa】$A が共有を取り消しました（提出 1）"
eq "the query's e-mail as sendmail gets it: no query text in it" "$(sed -e '/^Subject:/,/^Date:/{/^Date:/!d}' "$T/mail.2")" "args: -t -i
From: shinsa@example.jp
To: admin@a.test
Date: Wed, 01 Apr 2026 09:00:00 +0000
Message-ID: <shinsa-notice-2@example.jp>
MIME-Version: 1.0
Content-Type: text/plain; charset=UTF-8
Content-Transfer-Encoding: 8bit

$A 御中

$X が提出 1 の通番3 について照会しました。
内容は Shinsa でご確認ください。

$X raised a query on item 3 of submission 1. Please read it in Shinsa."
eq "each e-mail sent is audited in its recipient's trail" \
	"$("$SHINSA" audit list --org "$X" --json | jq -c '[reverse[] | select(.action == "notice_sent") | .object]')" \
	'["notice:1","notice:4","notice:8"]'
SHINSA_SENDMAIL="$T/sendmail" run "$SHINSA" reminders send
eq "sent once" "$rc:$out:$(ls "$T"/mail.* | wc -l)" "0:sent 0 notices:8"
run "$SHINSA" reminders list --json
eq "the outbox lists them as events" "$(printf '%s\n' "$out" | jq -c '[.[] | .kind] | unique')" '["event"]'

stop_server
eq "the server stopped cleanly" "$server_rc" 0
finish
