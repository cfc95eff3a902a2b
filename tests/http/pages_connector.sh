# The connector's pages (src/web/page_connector.h): what each shows from
# the API, in Japanese and English, and who gets which refusal page.
. tests/http/lib.sh
export SHINSA_NOW=2026-05-01T09:00:00Z
"$SHINSA" init >/dev/null
"$SHINSA" org add --kind connector --name 接続先A >/dev/null
"$SHINSA" org add --kind bank --name 銀行B >/dev/null
add_user 接続先A admin@a.test admin
add_user 接続先A viewer@a.test viewer
add_user 銀行B admin@b.test admin
"$SHINSA" org add --kind connector --name 接続先C >/dev/null
add_user 接続先C admin@c.test admin
"$SHINSA" answers set --org 接続先A --item 3 --status partial --issues "規程が古い<旧版>" --plan 改訂する \
	--plan-due 2026-09-30 >/dev/null
"$SHINSA" answers set --org 接続先A --item 1 --status implemented --current "全件暗号化" >/dev/null
start_server

# page PATH [CURL ARGS]: GET PATH as the current identity.
page() {
	p=$1
	shift
	req -b "$T/jar.$WHO" "$@" "$URL$p"
}
# has TEXT: the last body holds TEXT as one whole line.
has() { grep -qxF -- "$1" "$T/b" && echo yes || echo "no: $1"; }
# clean: no inline script, style or handler in the last body.
clean() { grep -c -e '<script[^>]*>[^<]' -e '<style' -e ' style=' -e ' on[a-z]*=' "$T/b"; }

# ---- /answers ----
req "$URL/answers"
eq "not signed in: to the sign-in page, and back" "$code $(header Location)" "303 /login?next=%2Fanswers"

login admin@a.test
page /answers
eq "the answers page" "$code $(header Content-Type)" "200 text/html; charset=utf-8"
eq "no inline script or style" "$(clean)" 0
eq "the page starts with its doctype (no comment text before it)" "$(head -n 1 "$T/b")" "<!DOCTYPE html>"
eq "its heading and title" "$(has '<h1>API接続チェックリストの回答</h1>') $(grep -c '<title>回答 — Shinsa（審査）</title>' "$T/b")" "yes 1"
eq "the counts: the connector's and common items only" \
	"$(grep -o 'id="count-[a-z_]*">[0-9]*' "$T/b" | tr '\n' ' ')" \
	'id="count-implemented">1 id="count-partial">1 id="count-not_implemented">0 id="count-not_applicable">0 id="count-unset">37 '
eq "the total" "$(has '<p class="help">API接続先・共通の項目 39 件の内訳です（銀行の項目は含みません）。</p>')" yes
eq "grouped by 区分" "$(grep -c '<h3 class="category">' "$T/b") $(has '<h3 class="category">外部委託管理</h3>')" "9 yes"
eq "item 3: its row, for the filters" \
	"$(has '<article class="answer" id="item-3" data-row data-party="connector" data-status="partial" data-plan="open">')" yes
eq "item 3: its chip, with text" "$(has '<div class="answer-head"><h4>通番 3</h4> <span class="chip warn">一部対応</span> <span class="party">対象者：API接続先</span></div>')" yes
REV3=$(api GET /api/v1/answers; jq -r '.items[2].revision' "$T/b")
page /answers
eq "item 3: the form carries the revision the API gave" \
	"$(has "<form class=\"answer-form\" id=\"answer-3\" data-no=\"3\" data-revision=\"$REV3\" novalidate>")" yes
eq "item 3: the values, escaped" \
	"$(has '<option value="partial" selected>一部対応</option>') $(has '<textarea id="issues-3" name="issues">規程が古い&lt;旧版&gt;</textarea></div>') $(has '<input id="plan_due-3" name="plan_due" type="text" placeholder="例：令和9年7月31日" autocomplete="off" value="2026-09-30" data-empty="null" aria-describedby="plan-due-hint"></div>')" \
	"yes yes yes"
eq "the date forms said once, above the items, and named by every 対応予定日" \
	"$(grep -o '<p class="help" id="plan-due-hint">[^<]*</p>' "$T/b" | wc -l) $(has '<p class="help" id="plan-due-hint">「対応予定日」は 2027-07-31、2027/7/31、2027年7月31日、令和9年7月31日、R9.7.31 のいずれの形でも入力できます（全角数字も可）。</p>') $(grep -c 'のいずれの形でも入力できます' "$T/b") $(grep -o 'name="plan_due"[^>]*aria-describedby="plan-due-hint"' "$T/b" | wc -l)" \
	"1 yes 1 $(grep -o 'name="plan_due"' "$T/b" | wc -l)"
eq "every input has its label" "$(grep -c '<label for="status-3">対応状況</label>' "$T/b") $(grep -c '<label for="current-3">現在の対応状況</label>' "$T/b")" "1 1"
eq "a bank item: read-only" \
	"$(has '<article class="answer bank-item" id="item-39" data-row data-party="bank" data-status="unset" data-plan="">') $(grep -c 'id="answer-39"' "$T/b") $(has '<p class="muted">銀行が回答する項目です（閲覧のみ）。</p>')" \
	"yes 0 yes"
eq "a common item" "$(has '<div class="answer-head"><h4>通番 9</h4> <span class="chip none">未回答</span> <span class="party">対象者：共通</span></div>') $(grep -c '<span class="party">対象者：共通</span>' "$T/b")" "yes 9"
eq "the filters" "$(has '<label for="f-status">対応状況<select id="f-status" data-filter="status" data-target="#grid">') $(grep -c 'data-filter=' "$T/b")" "yes 4"
eq "Excel: the export link and the import form" \
	"$(has '<p><a class="button secondary" href="/api/v1/answers/export" download>回答を Excel（.xlsx）でダウンロード</a></p>') $(has '<button type="submit" id="import-check">内容を確認</button>')" \
	"yes yes"
eq "its script" "$(grep -c '<script src="/static/connector.js" defer></script>' "$T/b")" 1
page /answers -b shinsa_lang=en
eq "in English" "$code $(has '<h1>Answers to the API connection checklist</h1>') $(has '<div class="answer-head"><h4>No. 3</h4> <span class="chip warn">Partly implemented</span> <span class="party">Answered by: the connector</span></div>')" \
	"200 yes yes"
req "$URL/static/connector.js"
eq "connector.js is served" "$code $(header Content-Type)" "200 text/javascript; charset=utf-8"

# The page saves through PUT with the revision it read: the current one
# writes, the one before is then a 409 with the item as it is.
api PUT /api/v1/answers/3 "{\"notes\":\"最新\",\"revision\":\"$REV3\"}"
NEW3=$(jq -r .revision "$T/b")
eq "the revision read: written, with a new revision" "$code $(jq -c .notes "$T/b") $([ "$NEW3" != "$REV3" ] && echo new)" \
	'200 "最新" new'
api PUT /api/v1/answers/3 "{\"notes\":\"古い画面から\",\"revision\":\"$REV3\"}"
eq "the old revision: 409, the item as it is, nothing written" "$code $body" \
	"409 {\"error\":{\"code\":\"conflict\",\"message\":\"item 3 was changed since you loaded it\",\"current\":{\"no\":3,\"status\":\"partial\",\"current\":\"\",\"issues\":\"規程が古い<旧版>\",\"plan\":\"改訂する\",\"plan_due\":\"2026-09-30\",\"notes\":\"最新\",\"revision\":\"$NEW3\"}}}"

# ---- /submissions: the submit panel lists what GET /api/v1/answers/check finds ----
page /submissions
eq "the submissions page" "$code $(header Content-Type) $(has '<h1>提出履歴</h1>')" "200 text/html; charset=utf-8 yes"
eq "not ready: the count, the problems, no button" \
	"$(has '<p class="notice warn">提出前に対応が必要な点が 37 件あります。</p>') $(has '<li><a href="/answers?missing=status#item-2">通番 2：対応状況が選択されていません。</a></li>') $(grep -c 'id="submit"' "$T/b")" \
	"yes yes 0"
eq "nothing submitted yet" "$(has '<p>まだ提出していません。回答を入力し、上のボタンから提出してください。</p>')" yes
api GET /api/v1/answers/check
eq "GET /api/v1/answers/check" "$code $(jq -c '[.catalog, .ready, (.problems | length), .problems[0]]' "$T/b")" \
	'200 ["api-checklist-2018-08",false,37,"item 2: no status"]'
eq "its problem_details, one a line, in order" "$(jq -c '[(.problem_details | length), .problem_details[0]]' "$T/b")" \
	'[37,{"no":2,"code":"no_status","field":"status","status":null}]'
"$SHINSA" answers set --org 接続先A --item 2 --status partial --issues "鍵管理" >/dev/null
"$SHINSA" answers set --org 接続先A --item 4 --status not_applicable >/dev/null
api GET /api/v1/answers/check
eq "required fields and a reason" "$(jq -c '[.problems[0,1,2], .problem_details[0,1,2]]' "$T/b")" \
	'["item 2: partial needs a plan (課題への対応計画)","item 2: partial needs a due date (plan_due)","item 4: not_applicable needs a reason in current or notes",{"no":2,"code":"required","field":"plan","status":"partial"},{"no":2,"code":"required","field":"plan_due","status":"partial"},{"no":4,"code":"no_reason","field":"current","status":"not_applicable"}]'
page /submissions
eq "in Japanese on the page" "$(has '<li><a href="/answers?missing=plan#item-2">通番 2：「一部対応」の場合は「課題への対応計画」の記入が必要です。</a></li>') $(has '<li><a href="/answers?missing=current#item-4">通番 4：「対象外」の場合は、その理由を「現在の対応状況」または「備考」に記入してください。</a></li>')" "yes yes"
page /submissions -b shinsa_lang=en
eq "in English on the page" "$(has '<li><a href="/answers?missing=plan_due#item-2">Item 2: “Partly implemented” needs a due date (対応予定日).</a></li>')" yes
for n in 2 $(seq 4 38) 44; do
	"$SHINSA" answers set --org 接続先A --item "$n" --status implemented --current "回答${n}" >/dev/null
done
api GET /api/v1/answers/check
eq "ready: no problem" "$code $body" '200 {"catalog":"api-checklist-2018-08","ready":true,"problems":[],"problem_details":[],"warnings":[{"no":2,"code":"implemented_issues","field":"issues","status":"implemented"}]}'
page /submissions
eq "ready: the submit form" \
	"$(has '<form id="submit" data-api="/api/v1/submissions" data-method="POST" data-next="/submissions/{id}"') $(has '<button type="submit">提出する</button>')" \
	"yes yes"
api POST /api/v1/submissions
api POST /api/v1/submissions/1/shares '{"bank":"銀行B","expires":"2026-12-31"}'
"$SHINSA" answers set --org 接続先A --item 1 --current "全件暗号化（AES-256）" >/dev/null
api POST /api/v1/submissions
page /submissions
eq "the history, newest first, with the banks each is shared with" \
	"$(grep -F -A1 '<tr><td><a href="/submissions/' "$T/b" | grep -v '^--' | tr '\n' '|')" \
	'<tr><td><a href="/submissions/2">第2版</a></td><td>2026-05-01 18:00</td>|<td><span class="muted">共有なし</span></td>|<tr><td><a href="/submissions/1">第1版</a></td><td>2026-05-01 18:00</td>|<td><span class="chip good">銀行B</span> </td>|'
eq "no inline script or style" "$(clean)" 0

# ---- /submissions/{id}: the answers read-only, the shares, who read what ----
login admin@b.test
api GET /api/v1/submissions/1
login admin@a.test
page /submissions/1
eq "a submission's page" "$code $(has '<h1>提出内容（第1版）</h1>') $(has '<dt>電子署名</dt><dd><span class="chip good">検証済</span></dd>')" "200 yes yes"
eq "its answers, read-only, grouped" \
	"$(has '<div class="answer-head"><h4>通番 1</h4> <span class="chip good">対応済</span> <span class="party">対象者：API接続先</span></div>') $(has '<dt>現在の対応状況</dt><dd class="text">全件暗号化</dd>') $(grep -c '<textarea' "$T/b") $(grep -c 'id="item-39"' "$T/b")" \
	"yes yes 0 0"
eq "its share: state, expiry, the bank's read" \
	"$(has '<td><span class="chip good">有効</span></td>') $(has '<td>2026-12-31まで</td>') $(has '<ul class="plain"><li>2026-05-01 18:00 JST admin@b.test</li></ul></details></td>')" \
	"yes yes yes"
eq "revoke, asking first" "$(has '<td><form class="revoke" id="revoke-1" data-api="/api/v1/submissions/1/shares/1" data-method="DELETE"')" yes
eq "the share form: the bank's box, its list filled by bank_picker.js" \
	"$(has '<form id="share" class="share-form" data-api="/api/v1/submissions/1/shares" data-method="POST">') $(has '<input id="share-bank" name="bank" required autocomplete="off" spellcheck="false" aria-describedby="share-bank-hint">') $(has '<div class="bank-popup" hidden><ul id="share-bank-list" role="listbox" aria-label="候補の銀行"></ul>') $(has '<script src="/static/bank_picker.js" defer></script>') $(grep -c '<datalist' "$T/b")" \
	"yes yes yes yes 0"
eq "version 1 has no version before" "$(grep -c 'diff_previous\|前の版との差分' "$T/b") $(grep -c 'href="/submissions/1/diff/working"' "$T/b")" "0 1"
page /submissions/2
eq "version 2: the diff with version 1" "$(grep -c 'href="/submissions/1/diff/2">前の版との差分</a>' "$T/b")" 1
page /submissions/2 -b shinsa_lang=en
eq "in English" "$(has '<h1>Submission (version 2)</h1>') $(has '<h2 id="shares-head">Shared with banks (consent)</h2>')" "yes yes"

# ---- /submissions/{id}/diff/{other} ----
page /submissions/1/diff/2
eq "the diff: per field, before and after" \
	"$code $(has '<p>変更のあった項目：1 件</p>') $(has '<tr><td class="num">1</td><td>現在の対応状況</td>') $(has '<td class="text"><del>全件暗号化</del></td>') $(has '<td class="text"><ins>全件暗号化（AES-256）</ins></td></tr>')" \
	"200 yes yes yes yes"
"$SHINSA" answers set --org 接続先A --item 4 --status partial --issues 課題 --plan 計画 --plan-due 2026-09-30 >/dev/null
page /submissions/2/diff/working
eq "with the working answers: status labels" \
	"$(has '<p class="lead">第2版（2026-05-01 18:00 JST）') $(has '→ 現在の回答</p>') $(has '<td class="text"><del>対応済</del></td>') $(has '<td class="text"><ins>一部対応</ins></td></tr>')" \
	"yes yes yes yes"
page /submissions/2/diff/2
eq "no change" "$(has '<p class="notice">変更はありません。</p>')" yes

# ---- /shares ----
page /shares
eq "every share" "$code $(has '<tr><td><a href="/submissions/1">第1版</a></td><td>銀行B</td>') $(has '<td><details><summary>1 件（最終：2026-05-01 18:00 JST）</summary>')" \
	"200 yes yes"
api DELETE /api/v1/submissions/1/shares/1 '{}'
eq "revoke as the page sends it" "$code $body" '200 {"id":1,"revoked_at":"2026-05-01T09:00:00Z"}'
page /shares
eq "revoked: its state, no revoke button" "$(has '<td><span class="chip none">撤回済</span></td>') $(grep -c 'class="revoke"' "$T/b")" "yes 0"
page /shares -b shinsa_lang=en
eq "in English, times in JST" "$(has '<td><span class="chip none">Revoked</span></td>') $(has '<td>through 2026-12-31<br><span class="muted">Revoked: 2026-05-01 18:00 JST</span></td>') $(grep -c '<th scope="col">Shared (JST)</th>' "$T/b")" "yes yes 1"

# ---- another connector's submission: the 404 page ----
login admin@c.test
page /submissions/1
eq "another connector's submission" "$code $(grep -c '<h1>ページが見つかりません</h1>' "$T/b")" "404 1"
page /submissions/1/diff/2
eq "another connector's diff" "$code" 404
page /shares
eq "no share yet" "$code $(has '<p>まだどの銀行とも共有していません。提出した版の画面から共有できます。</p>')" "200 yes"

login viewer@a.test
page /answers
eq "a viewer: the values, no form" \
	"$code $(grep -c 'class="answer-form"' "$T/b") $(grep -c 'id="import"' "$T/b") $(has '<dt>課題認識</dt><dd class="text">規程が古い&lt;旧版&gt;</dd>')" \
	"200 0 0 yes"

login admin@b.test
for p in /submissions /submissions/1 /shares; do
	page $p
	eq "a bank: the 403 page for $p" "$code $(grep -c '<h1>この操作は許可されていません</h1>' "$T/b")" "403 1"
done
# A bank reads a diff of two versions shared with it (tests/http/before.sh);
# these are not: the 404 page, as for a submission not shared.
page /submissions/1/diff/2
eq "a bank: the 404 page for a diff of versions not shared with it" "$code" 404
for p in /submissions /submissions/1 /submissions/1/diff/2 /shares; do
	req "$URL$p"
	eq "not signed in: $p" "$code $(header Location)" "303 /login?next=$(printf '%s' "$p" | jq -sRr @uri)"
done
page /answers
eq "a bank: the 403 page" "$code $(header Content-Type) $(grep -c '<h1>この操作は許可されていません</h1>' "$T/b")" \
	"403 text/html; charset=utf-8 1"

# ---- two checklists: the check cannot choose; the history still shows ----
mkdir "$T/cat2"
jq '.id = "api-checklist-2030-01"' catalog/api-checklist-2018-08.json >"$T/cat2/second.json"
"$SHINSA" init --catalog-dir "$T/cat2" >/dev/null
login admin@a.test
page /submissions
eq "two checklists: no submit panel, the reason, the history" \
	"$code $(has '<p class="notice warn">提出前の確認ができないため、ここからは提出できません（チェックリストを特定できません）。下記の理由をご確認ください。</p>') $(has '<p class="detail">詳細： <code>there is more than one checklist: say which with ?catalog&#61;ID</code></p>') $(grep -c 'id="submit"' "$T/b") $(grep -c '<tr><td><a href="/submissions/' "$T/b")" \
	"200 yes yes 0 2"
page /submissions -b shinsa_lang=en
eq "the same in English" "$code $(has '<p class="notice warn">The answers cannot be checked, so they cannot be submitted from here (no single checklist could be chosen). The reason is below.</p>')" "200 yes"

finish
