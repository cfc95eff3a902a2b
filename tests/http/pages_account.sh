# The account pages (/account, /account/password) and the API they use
# that was added for them: a user's own API tokens (/api/v1/me/tokens) and
# the QR code of a TOTP enrolment.
. tests/http/lib.sh
export SHINSA_NOW=2026-05-01T09:00:00Z
"$SHINSA" init >/dev/null
"$SHINSA" org add --kind connector --name 接続先A >/dev/null
"$SHINSA" org add --kind bank --name X銀行 >/dev/null
add_user 接続先A editor@a.test editor
add_user X銀行 reviewer@x.test reviewer
add_user 接続先A admin@a.test admin
start_server

# page GET PATH as the identity signed in last (cookie jar), extra curl args after.
page() {
	p=$1
	shift
	req -b "$T/jar.$WHO" "$@" "$URL$p"
}
has() { # NAME FRAGMENT...: each fragment is a line of $T/b, exactly
	missing=
	shift_name=$1
	shift
	for f in "$@"; do grep -qxF -- "$f" "$T/b" || missing="$missing [$f]"; done
	eq "$shift_name" "$missing" ""
}

# Not signed in: to the sign-in page, and back.
req "$URL/account"
eq "/account asks to sign in" "$code $(header Location)" "303 /login?next=%2Faccount"
req "$URL/account/password"
eq "/account/password asks to sign in" "$code $(header Location)" "303 /login?next=%2Faccount%2Fpassword"

# The sign-in page's messages: the wait filled in by login.js.
req "$URL/login"
eq "the throttled message waits for its minutes" "$(grep -c 'data-msg-throttled="失敗が続いたため、このアカウントのサインインを一時的に停止しています。{1}分後にもう一度お試しください。"' "$T/b")" 1
has "the sign-in page says where to turn" '<p class="help">パスワードを忘れた場合や認証アプリを使えなくなった場合は、所属組織の管理者に連絡してください。</p>'

# API tokens of one's own.
login editor@a.test
api GET /api/v1/me/tokens
eq "no tokens yet" "$code $body" "200 []"
api POST /api/v1/me/tokens '{"name":"ci"}'
eq "making one needs the password" "$code $body" '400 {"error":{"code":"bad_request","message":"password is required","problems":[{"cell":"","code":"required","args":["password"]}]}}'
api POST /api/v1/me/tokens '{"name":"ci","password":"not my password"}'
eq "a wrong password" "$code $body" '400 {"error":{"code":"bad_request","message":"the current password is wrong","problems":[{"cell":"","code":"wrong_password","args":[]}]}}'
api POST /api/v1/me/tokens "{\"name\":\"$(printf 'x%.0s' $(seq 1 101))\",\"password\":\"$TEST_PASSWORD\"}"
eq "a name too long" "$code $body" '400 {"error":{"code":"bad_request","message":"token name is longer than 100 characters"}}'
api POST /api/v1/me/tokens "{\"name\":\"集計スクリプト\",\"password\":\"$TEST_PASSWORD\",\"x\":1}"
eq "an unknown field" "$code" 400
api POST /api/v1/me/tokens "{\"name\":\"集計スクリプト\",\"password\":\"$TEST_PASSWORD\"}"
eq "a token, shown once" "$code $(jq -c '[.id, .name, .created_at, (.token | startswith("shinsa_pat_")), (keys | sort)]' "$T/b")" \
	'201 [1,"集計スクリプト","2026-05-01T09:00:00Z",true,["created_at","id","name","token"]]'
TOK=$(jq -r .token "$T/b")
bearer "$TOK" GET /api/v1/me
eq "it works" "$code $(jq -r .email "$T/b")" "200 editor@a.test"
bearer "$TOK" POST /api/v1/me/tokens '{"name":"more"}'
eq "a token cannot mint another without the password" "$code $body" '400 {"error":{"code":"bad_request","message":"password is required","problems":[{"cell":"","code":"required","args":["password"]}]}}'
api GET /api/v1/me/tokens
eq "the list" "$code $body" '200 [{"id":1,"name":"集計スクリプト","created_at":"2026-05-01T09:00:00Z","last_used_at":"2026-05-01T09:00:00Z","revoked":false}]'

# Another user's token is not theirs to see or revoke.
"$SHINSA" token create --user reviewer@x.test --name x >/dev/null
login reviewer@x.test
api GET /api/v1/me/tokens
eq "each sees only their own" "$code $(jq -c '[.[].id]' "$T/b")" "200 [2]"
api DELETE /api/v1/me/tokens/1
eq "another's token is not found" "$code $body" '404 {"error":{"code":"not_found","message":"no API token 1"}}'
api DELETE /api/v1/me/tokens/99
eq "no such token" "$code $body" '404 {"error":{"code":"not_found","message":"no API token 99"}}'
api DELETE /api/v1/me/tokens/abc
eq "not an id" "$code $body" '404 {"error":{"code":"not_found","message":"no API token \"abc\""}}'
as editor@a.test
api DELETE /api/v1/me/tokens/1
eq "revoked" "$code $body" '200 {"id":1,"revoked":true}'
api DELETE /api/v1/me/tokens/1
eq "twice" "$code $body" '409 {"error":{"code":"conflict","message":"API token 1 is already revoked"}}'
bearer "$TOK" GET /api/v1/me
eq "the token stops working" "$code" 401
eq "the trail" "$("$SHINSA" audit list --json | jq -c '[reverse[] | select(.action | test("token")) | [.actor, .action, .object, (.details | fromjson)]]')" \
	'[["editor@a.test","token_create","user:1",{"result":"failed"}],["editor@a.test","token_create","token:1",{"name":"集計スクリプト","user":"editor@a.test"}],["cli:'"$(id -un)"'","token_create","token:2",{"name":"x","user":"reviewer@x.test"}],["editor@a.test","token_revoke","token:1",{"id":1}]]'

# TOTP enrolment answers with its QR code.
api POST /api/v1/me/totp "{\"password\":\"$TEST_PASSWORD\"}"
eq "the enrolment's QR code" "$code $(jq -c '[.qr_size, (.qr_svg_path | test("^(M[0-9]+ [0-9]+h[0-9]+v1h-[0-9]+z)+$")), (.qr_svg_path | startswith("M4 4h7v1h-7z"))]' "$T/b")" \
	'200 [61,true,true]'

# The account page.
page /account
eq "/account" "$code $(header Content-Type)" "200 text/html; charset=utf-8"
has "the account page: who, role, two-step verification, tokens" \
	'<h1>アカウント</h1>' \
	'<dt>メールアドレス</dt><dd>editor@a.test</dd>' \
	'<dt>組織</dt><dd>接続先A（電子決済等代行業者）</dd>' \
	'<a href="/account" class="who">editor@a.test<span class="org">接続先A</span><span class="role">編集者</span></a>' \
	'<dt>権限</dt><dd>編集者</dd>' \
	'<dt>パスワード</dt><dd><a href="/account/password">パスワードを変更する</a></dd>' \
	'<div class="actions"><button type="submit">設定を開始</button></div>' \
	'<form id="token-create" data-api="/api/v1/me/tokens" data-method="POST" data-stay novalidate>' \
	'<script src="/static/account.js" defer></script>'
grep -F '<tr><td>1</td><td>集計スクリプト</td><td>2026-05-01 18:00</td><td>2026-05-01 18:00</td>' "$T/b" >"$T/row"
eq "the token's row" "$(wc -l <"$T/row") $(grep -c 'chip none">失効' "$T/b")" "1 1"
eq "no inline script, style or handlers" "$(grep -c -e '<script>' -e '<style' -e ' style=' -e ' on[a-z]*=' "$T/b")" 0
page /account -b shinsa_lang=en
has "in English" '<h1>Your account</h1>' '<dt>Role</dt><dd>Editor</dd>' '<dt>Organisation</dt><dd>接続先A（Connector）</dd>' '<a href="/account" class="who">editor@a.test<span class="org">接続先A</span><span class="role">Editor</span></a>'
as reviewer@x.test
page /account
has "a bank's reviewer" '<dt>組織</dt><dd>X銀行（銀行）</dd>' '<dt>権限</dt><dd>審査担当</dd>'
grep -c '<tr><td>2</td><td>x</td>' "$T/b" >"$T/n"
eq "only their own tokens" "$(cat "$T/n") $(grep -c '集計スクリプト' "$T/b")" "1 0"

# The password page; a one-time password leads there and nowhere else.
page /account/password
has "the password page" '<h1>パスワードの変更</h1>' \
	'<input id="current" name="current" type="password" autocomplete="current-password" required>' \
	'<input id="new-again" type="password" autocomplete="new-password" required>'
eq "no must-change notice for a chosen password" "$(grep -c 'notice warn' "$T/b")" 0
req "$URL/static/account.js"
eq "account.js" "$code $(header Content-Type)" "200 text/javascript; charset=utf-8"
"$SHINSA" user add --org 接続先A --email new@a.test --role viewer >"$T/added"
login new@a.test "$(tail -n 1 "$T/added")"
page /account
eq "a one-time password: /account leads to the change" "$code $(header Location)" "303 /account/password"
page /
eq "so does /" "$code $(header Location)" "303 /account/password"
page /account/password
has "the change, with why" '<p class="notice warn">仮パスワードでサインインしています。続けるには新しいパスワードを設定してください。</p>'
eq "no way around it" "$(grep -c 'href="/account">取消' "$T/b")" 0

# The users page: administrators only; their own organisation's users.
req "$URL/admin/users"
eq "/admin/users asks to sign in" "$code $(header Location)" "303 /login?next=%2Fadmin%2Fusers"
as reviewer@x.test
page /admin/users
eq "a reviewer gets the refusal page" "$code $(grep -c '<h1>この操作は許可されていません</h1>' "$T/b")" "403 1"
login admin@a.test
page /admin/users
eq "/admin/users" "$code $(header Content-Type)" "200 text/html; charset=utf-8"
has "the users page" '<h1>ユーザー管理</h1>' \
	'<p class="lead" id="users-lead">この組織のユーザーは3名です。権限の変更、利用停止、二段階認証の解除、パスワードの再発行ができます。</p>' \
	'<th scope="row"><span class="muted">（氏名未登録）</span> <span class="muted">（あなた）</span></th>' \
	'<td>admin@a.test</td>' \
	'<td>editor@a.test</td>' \
	'<input id="name-1" name="name" value="" autocomplete="off">' \
	'<form class="people-reset" data-api="/api/v1/users/1/password-reset" data-method="POST" data-stay data-confirm="editor@a.testのパスワードを再発行しますか？現在のパスワードは使えなくなり、サインイン中のセッションも終了します。">' \
	'<option value="editor" selected>編集者</option>' \
	'<label class="inline" for="role-1"><span class="muted">権限</span></label>' \
	'<td><span class="chip good">利用中</span>' \
	'<span class="chip warn">仮パスワード未変更</span>' \
	'<form id="user-add" data-api="/api/v1/users" data-method="POST" data-stay novalidate>'
eq "another organisation's users are not there" "$(grep -c 'x.test' "$T/b")" 0
eq "no way to lock oneself out" "$(grep -c -e 'admin@a.testを利用停止' "$T/b")" 0
eq "no new password for oneself here" "$(grep -c -e 'admin@a.testのパスワードを再発行' "$T/b")" 0
grep -F 'editor@a.testを利用停止' "$T/b" | grep -c 'data-api="/api/v1/users/1" data-method="PUT"' >"$T/n"
eq "a disable form per other user" "$(cat "$T/n")" 1
eq "nav marks the page" "$(grep -c '<a href="/admin/users" aria-current="page">' "$T/b")" 1
eq "short buttons, the address for screen readers" "$(grep -c -e '<button type="submit" class="danger" aria-label="editor@a.testを利用停止">利用停止</button>' \
	-e '<button type="submit" class="secondary" aria-label="editor@a.testのパスワードを再発行">パスワード再発行</button>' \
	-e '<select id="role-1" name="role" aria-label="editor@a.testの権限">' "$T/b")" 3
page /admin/users -b shinsa_lang=en
has "in English" '<h1>Users of your organisation</h1>' '<option value="editor" selected>Editor</option>'

# The audit log page: the organisation's events, newest first, 50 a page.
req "$URL/audit"
eq "/audit asks to sign in" "$code $(header Location)" "303 /login?next=%2Faudit"
as reviewer@x.test
page /audit
eq "a reviewer gets the refusal page" "$code $(grep -c '<h1>この操作は許可されていません</h1>' "$T/b")" "403 1"
for i in $(seq 1 50); do "$SHINSA" answers set --org 接続先A --item 1 --status implemented --current "版$i" >/dev/null; done
as admin@a.test
api GET /api/v1/audit
NEWEST=$(jq '.[0].seq' "$T/b")
page /audit
eq "/audit" "$code $(header Content-Type)" "200 text/html; charset=utf-8"
has "the audit page" '<h1>監査ログ</h1>' \
	"<p>通番${NEWEST}〜$((NEWEST - 49))を表示</p>" \
	"<tr><td class=\"num\">${NEWEST}</td><td>2026-05-01 18:00</td><td class=\"wrap\">cli:$(id -un)</td><td>回答の編集</td><td class=\"wrap\" title=\"answer:1\">通番1の回答</td><td class=\"wrap audit-words\">通番1の回答を編集しました</td></tr>" \
	"<a href=\"/audit?before=$((NEWEST - 49))\" rel=\"next\">さらに古い記録 →</a>"
eq "another organisation's events are not there" "$(grep -c 'x.test' "$T/b")" 0
page "/audit?before=$((NEWEST - 49))"
has "the older page" '<a href="/audit">← 最新の記録へ</a>'
grep -cF "<tr><td class=\"num\">1</td><td>2026-05-01 18:00</td><td class=\"wrap\">cli:$(id -un)</td><td>組織の登録</td><td class=\"wrap\" title=\"org:1\">組織（番号1）</td><td class=\"wrap audit-words\">「接続先A」を登録しました（API接続先）</td></tr>" "$T/b" >"$T/n"
eq "down to the first event, said in words" "$(cat "$T/n")" 1
eq "the last page has no older link" "$(grep -c 'rel="next"' "$T/b")" 0
page "/audit?before=x"
# The API's English message is not on a Japanese page (only on an English one).
eq "a bad page number is the error page" "$code $(grep -c 'before wants an event number' "$T/b")" "400 0"
page "/audit?before=x" -b shinsa_lang=en
eq "a bad page number, in English" "$code $(grep -c 'before wants an event number' "$T/b")" "400 1"
page /audit -b shinsa_lang=en
has "in English" '<h1>Audit log</h1>'
grep -c '<td>Answer edited</td><td class="wrap" title="answer:1">answer to No. 1</td><td class="wrap audit-words">answer to item 1 edited</td>' "$T/b" >"$T/n"
eq "actions in English" "$(cat "$T/n")" 50
# The who column names a person by 氏名（部署）, the e-mail kept beneath
# (web/person.c); one without a name stays an e-mail.
api PUT /api/v1/me '{"name":"山田 花子","department":"審査部"}'
page "/audit?action=user_update"
grep -cF '<td class="wrap"><span class="person" title="admin@a.test">山田 花子（審査部）<span class="person-email">admin@a.test</span></span></td><td>ユーザー情報の変更</td><td class="wrap" title="user:3">ユーザー「山田 花子（審査部）」</td>' "$T/b" >"$T/n"
eq "the who column: 氏名（部署）, the e-mail beneath; a user object by name" "$(cat "$T/n")" 1
page "/audit?action=login&actor=editor@a.test"
eq "no name: the e-mail alone" "$(grep -c '<td class="wrap">editor@a.test</td><td>サインイン</td>' "$T/b")" 1

# Filters, in the API and the page's URL; the CSV download of what is shown.
api GET "/api/v1/audit?action=org_add&actor=cli:&from=2026/5/1&to=2026-05-01"
eq "filtered in the API" "$code $(jq -c '[.[] | [.action, .object]]' "$T/b")" '200 [["org_add","org:1"]]'
api GET "/api/v1/audit?from=2026-05-02"
eq "a day after every event" "$code $(jq -c 'length' "$T/b")" "200 0"
api GET "/api/v1/audit?object=answer:1&limit=2"
eq "object and paging" "$code $(jq -c '[.[] | .object]' "$T/b")" '200 ["answer:1","answer:1"]'
api GET "/api/v1/audit?from=2026-02-30"
eq "a day that does not exist" "$code $(jq -c . "$T/b")" '400 {"error":{"code":"bad_request","message":"from wants a day as 2027-07-31, 2027/7/31 or 令和9年7月31日, not \"2026-02-30\""}}'
api GET "/api/v1/audit?action=nothing"
eq "an unknown action" "$code $(jq -r .error.message "$T/b")" '400 action wants an action'"'"'s name, not "nothing"'
api GET "/api/v1/audit?from=2026-05-02&to=2026-05-01"
eq "to before from" "$code $(jq -r .error.message "$T/b")" '400 to wants a day on or after from'
page "/audit?action=org_add&from=2026%2F5%2F1"
eq "the filtered page" "$(grep -c -F -e '<option value="org_add" selected>組織の登録</option>' \
	-e '<label>開始日<input name="from" value="2026/5/1" inputmode="numeric" placeholder="2027-07-01" aria-describedby="audit-date-hint"></label>' \
	-e '<p class="actions"><a href="/api/v1/audit/csv?action&#61;org_add&amp;from&#61;2026%2F5%2F1" download id="audit-csv">表示中の条件でCSVをダウンロード</a></p>' "$T/b")" 3
eq "only org_add rows" "$(grep -c '<td>組織の登録</td>' "$T/b") $(grep -c '<td>回答の編集</td>' "$T/b")" "1 0"
# A refused filter names its field, and the page shows no table: an empty
# one would read as "no events".
refused() { # the status, the refusal's line, the page's line instead of the table, the number of tables
	echo "$code $(grep -o '<p class="error" role="alert" id="audit-filter-error">[^<]*</p>' "$T/b")" \
		"$(grep -o '<p class="notice warn" id="audit-fix-filter">[^<]*</p>' "$T/b") $(grep -c '<table id="audit">' "$T/b")"
}
page "/audit?from=%E5%85%88%E9%80%B1"
eq "a start day not read" "$(refused)" '400 <p class="error" role="alert" id="audit-filter-error">開始日「先週」を日付として読み取れません。2027-07-31、2027/7/31、令和9年7月31日 などの形で入力してください。</p> <p class="notice warn" id="audit-fix-filter">絞り込み条件を直してください。直すと、条件に合う記録を表示します。</p> 0'
page "/audit?to=%E6%98%8E%E6%97%A5"
eq "an end day not read" "$(refused)" '400 <p class="error" role="alert" id="audit-filter-error">終了日「明日」を日付として読み取れません。2027-07-31、2027/7/31、令和9年7月31日 などの形で入力してください。</p> <p class="notice warn" id="audit-fix-filter">絞り込み条件を直してください。直すと、条件に合う記録を表示します。</p> 0'
page "/audit?from=2026-05-02&to=2026-05-01"
eq "an end before the start" "$(refused)" '400 <p class="error" role="alert" id="audit-filter-error">終了日は開始日と同じ日か、それより後の日にしてください。</p> <p class="notice warn" id="audit-fix-filter">絞り込み条件を直してください。直すと、条件に合う記録を表示します。</p> 0'
page "/audit?from=last+week" -b shinsa_lang=en
eq "a start day not read, in English" "$(refused)" '400 <p class="error" role="alert" id="audit-filter-error">From: “last week” cannot be read as a day. Write it as 2027-07-31, 2027/7/31 or 令和9年7月31日.</p> <p class="notice warn" id="audit-fix-filter">Correct the filter: the records that match it are shown then.</p> 0'
# Details in words: a sentence for a common action, else each key and
# value in words (a failed sign-in's reason), never English on a Japanese page.
req -X POST -H 'Content-Type: application/json' -d '{"email":"editor@a.test","password":"not the password"}' "$URL/api/v1/session"
page "/audit?action=login_failed"
eq "a failed sign-in's details in words" "$(grep -o 'audit-words">[^<]*' "$T/b" | head -1)" 'audit-words">理由：パスワードの誤り'
eq "and its second line" "$(grep -A1 '理由：パスワードの誤り' "$T/b" | tail -1)" '接続元：127.0.0.1</td></tr>'
page "/audit?action=login_failed" -b shinsa_lang=en
eq "in English" "$(grep -A1 'Reason: wrong password' "$T/b" | tail -1)" 'From: 127.0.0.1</td></tr>'
page "/audit?action=user_add"
eq "a user added, in a sentence" "$(grep -c '<td class="wrap audit-words">「editor@a.test」を追加しました（権限：編集者）</td>' "$T/b")" 1
# Every detail in words: a field's name, a system-made reason, a coded
# value; the object as words, its code kept in the title.
"$SHINSA" answers set --org 接続先A --item 4 --status partial --issues 課題 --plan 計画 --plan-due 2026-06-30 >/dev/null
"$SHINSA" answers set --org 接続先A --item 4 --status partial --issues 課題 --plan 計画 --plan-due 2026-07-31 >/dev/null
"$SHINSA" answers set --org 接続先A --item 4 --status implemented --current 済 >/dev/null
page "/audit?action=plan_update"
eq "a plan's changed field in words" "$(grep -c -e '<td class="wrap" title="plan:1">改善計画（番号1）</td><td class="wrap audit-words">チェックリスト：API接続チェックリスト（2018年8月版）' -e '^変更した項目：対応予定日$' -e '^通番：4</td></tr>$' "$T/b")" 3
page "/audit?action=plan_close"
eq "a system-made reason in words" "$(grep -c -x '理由：回答が「対応済」になったため</td></tr>' "$T/b")" 1
page "/audit?action=plan_close" -b shinsa_lang=en
eq "and in English" "$(grep -c -x 'Reason: the answer is now “Implemented”</td></tr>' "$T/b")" 1
page "/audit"
has "the CSV's limit with a separator" '<p class="help">CSVはExcelでそのまま開けます（UTF-8、BOM付き）。最大100,000件まで出力できます。</p>'
page "/audit?from=2026-13-01&actor=%E5%A4%AA%E9%83%8E"
eq "a bad day: the page again, what was typed kept" "$code $(grep -c -e 'value="2026-13-01"' -e 'value="太郎"' -e '開始日「2026-13-01」を日付として読み取れません。' "$T/b") $(grep -c 'from wants a day' "$T/b")" "400 3 0"
page "/api/v1/audit/csv?action=audit_export"
printf '\357\273\277日時（JST）,組織,利用者,氏名（部署）,操作,対象,内容,詳細（JSON）\r\n' >"$T/want.csv"
eq "the CSV of no events: its header" "$code $(cmp "$T/b" "$T/want.csv" && echo same)" "200 same"
# The actor's 氏名（部署） beside the e-mail, after it ("" for none).
"$SHINSA" user update --email admin@a.test --name '佐藤 一郎' --department 'コンプライアンス部' >/dev/null
page "/api/v1/audit/csv?action=audit_export"
printf '\357\273\277日時（JST）,組織,利用者,氏名（部署）,操作,対象,内容,詳細（JSON）\r\n2026-05-01 18:00,接続先A,admin@a.test,佐藤 一郎（コンプライアンス部）,監査ログの出力,org:1,監査ログをCSVで出力しました（0件）,"{""action"":""audit_export"",""rows"":0}"\r\n' >"$T/want.csv"
eq "the CSV's bytes" "$code $(cmp "$T/b" "$T/want.csv" && echo same)" "200 same"
eq "its headers" "$(header Content-Type) | $(header Content-Disposition)" \
	"text/csv; charset=utf-8 | attachment; filename=\"audit-log.csv\"; filename*=UTF-8''%E7%9B%A3%E6%9F%BB%E3%83%AD%E3%82%B0.csv"
api GET "/api/v1/audit?action=audit_export"
eq "the download is audited, with its filter" "$(jq -c '[.[] | [.actor, .object, (.details | fromjson)]]' "$T/b")" \
	'[["admin@a.test","org:1",{"action":"audit_export","rows":1}],["admin@a.test","org:1",{"action":"audit_export","rows":0}]]'
page "/api/v1/audit/csv?action=org_add" -b shinsa_lang=en
eq "in English" "$(head -1 "$T/b" | tr -d '\r')" "$(printf '\357\273\277')Time (JST),Organisation,User,Name (department),Action,Object,What,Details (JSON)"
eq "a cli: actor has no name" "$(sed -n 2p "$T/b" | cut -d, -f3,4 | sed "s/^cli:[^,]*/cli:/")" "cli:,"

# What the CSP forbids is in none of the pages.
for p in /account /account/password /admin/users /audit; do
	page "$p"
	eq "$p: no inline script, style or handler" "$code $(grep -c -e '<script>' -e '<style' -e ' style=' -e ' on[a-z]*=' "$T/b")" "200 0"
done
finish
