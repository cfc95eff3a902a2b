# The review pages, both sides, from the data of a review round: the bank's
# inbox, the lists of reviews, the review screen (answers grouped by 区分,
# what changed since v1, carried verdicts, forms by kind and role, the
# decision once taken) and the review through the bank's criteria; the
# wrong kind gets the 403 page, another bank the 404 page, a visitor the
# way to sign in.
. tests/http/lib.sh
fresh_orgs A X Y
add_user "$A" editor@a.test editor
add_user "$A" admin@a.test admin
add_user "$X" rev@x.test reviewer
add_user "$X" viewer@x.test viewer
add_user "$Y" rev@y.test reviewer
"$SHINSA" org add --kind bank --name Z銀行 >/dev/null
add_user Z銀行 rev@z.test reviewer
start_server

# page PATH [CURL ARGS...]: GET PATH as the current identity.
# Every page seen is kept free of what the CSP forbids: a page with inline
# script or style, or an on*= handler, is named in $T/inline.
: >"$T/inline"
page() {
	p=$1
	shift
	req -b "$T/jar.$WHO" "$@" "$URL$p"
	grep -qE '<script>|<style|style=| on[a-z]+=' "$T/b" && echo "$p" >>"$T/inline"
	return 0
}
# has WHAT LINE...: each line is in the last body, exactly.
has() {
	what=$1
	shift
	for l in "$@"; do
		grep -qF -- "$l" "$T/b" || { not_ok "$what" "missing: $l" "status: $code"; return; }
	done
	ok "$what"
}
# lacks WHAT TEXT: TEXT is not in the last body.
lacks() {
	if grep -qF -- "$2" "$T/b"; then not_ok "$1" "present: $2"; else ok "$1"; fi
}

login rev@x.test
page /inbox
has "an empty inbox says so" "共有されている提出はまだありません。"
page /criteria
has "without criteria the criteria page offers the import" '審査基準はまだ取り込まれていません。' \
	'<form id="criteria-import" class="criteria-source"' \
	' data-msg-problems="ファイルを取り込めませんでした。現在の審査基準は変わっていません。"' \
	' data-problem-number-again="通番 {1} が2回あります（最初は {2}）。"' \
	' data-problem-quote-text="閉じの「&quot;」のあとに文字があります。「&quot;」で囲んだセルの中の「&quot;」は「&quot;&quot;」と書いてください。"' \
	'<label for="import-file">取り込むファイル</label>'
req -b "$T/jar.$WHO" -X POST -H "X-CSRF-Token: $CSRF" -H 'Content-Type: application/octet-stream' \
	--data-binary @catalog/sources/000_facbf1237c5cd287.txt "$URL/api/v1/criteria?format=text&name=000.txt"
eq "X imports its criteria" "$code" 201
page /criteria
has "the criteria with their mapping, suggestions and forms" \
	'<p class="lead">「電子決済等代行業者に求める基準」：対応付け済みの基準は 57 件中 57 件です。</p>' \
	'<th scope="row">(1)-1</th>' '<span class="chip warn">一部重複</span>' \
	'<form id="map-0" class="mapping" data-api="/api/v1/criteria/%281%29-1/mapping" data-method="PUT">' \
	'<option value="intersects" selected>一部重複</option>' \
	'<input id="map-0-items" class="items-text" name="items_text" value="1" inputmode="numeric" aria-describedby="map-0-help">' \
	'<input type="hidden" name="items" data-type="json" value="[1]">' \
	'<button type="button" class="secondary take" data-take="2" data-form="map-0">通番2を追加</button>' \
	'<li>通番2 <span class="muted">セキュリティ管理ルールを整備する。</span> <span class="chip info">類似度 17%</span>' \
	'<form id="criteria-paste" class="criteria-source" data-max-bytes="4194304" data-name="貼り付けた文章"' \
	'<textarea id="paste-text" rows="12" aria-describedby="paste-help" spellcheck="false"></textarea>' \
	'<section id="criteria-preview" class="panel criteria-preview" aria-labelledby="preview-h" hidden' \
	' data-problem-criteria-changed="確認している間に、審査基準が「{1}」（{2}、{3}）に置き換えられました。もう一度読み取って確認してください。"' \
	'<div class="actions"><button type="submit">この内容で置き換える</button>'
has "the shipped cross-walk's notes in Japanese" \
	'<p class="help wrap">経営陣による主体的な管理は、チェックリストでは「責任の所在」（統4）に含めて確認する</p>' \
	'<p class="help wrap">基準の「役員」は、チェックリストでは「役職員」</p>'
lacks "and not in English" 'management ownership is absorbed'
has "the file's format in words" '<dd>000.txt（テキスト (.txt)）</dd>'
api PUT "/api/v1/criteria/%281%29-1/mapping" '{"relation":"equal","items":[1,2],"note":"見直し"}'
eq "the mapping form's request" "$code $(echo "$body" | jq -c '[.relation, .items]')" '200 ["equal",[1,2]]'
page /criteria -H 'Accept-Language: en'
has "the criteria page in English" '<option value="equal" selected>Equal</option>' \
	'<input type="hidden" name="items" data-type="json" value="[1,2]">' '<span class="chip good">Mapped</span>' \
	' data-problem-not-a-number="通番 &quot;{1}&quot; is not a number."'
has "a shipped note in English, the bank's own as typed" \
	'<p class="help wrap">役員 in the criterion, 役職員 in the checklist</p>' '<p class="help wrap">見直し</p>'
lacks "no shipped note in Japanese on the English page" '基準の「役員」は、チェックリストでは「役職員」</p>'
login viewer@x.test
login rev@y.test

login editor@a.test
for n in $(seq 1 38) 44; do
	case $n in
	5) data='{"status":"partial","current":"ログは6か月保存","issues":"保存期間が短い","plan":"保存期間を1年に延ばす","plan_due":"2026-06-30"}' ;;
	*) data="{\"status\":\"implemented\",\"current\":\"A社の回答${n}\"}" ;;
	esac
	api PUT "/api/v1/answers/$n" "$data"
	[ "$code" = 200 ] || not_ok "answer item $n" "$code $body"
done
api POST /api/v1/submissions
api POST /api/v1/submissions/1/shares "{\"bank\":\"$X\",\"expires\":\"2027-03-31\"}"
eq "A shares v1 with X until March 2027" "$code" 201

as rev@x.test
api PUT /api/v1/reviews/1/items/5 '{"verdict":"improvement","comment":"保存期間を1年以上にすること"}'
api PUT /api/v1/reviews/1/items/7 '{"verdict":"query","comment":"委託先の一覧を示してください"}'
for n in $(seq 1 4) 6 $(seq 8 38) 44; do api PUT "/api/v1/reviews/1/items/$n" '{"verdict":"accepted"}'; done
api POST /api/v1/reviews/1/items/7/messages '{"text":"別紙で一覧をお送りください"}'
eq "X reviews v1 and asks on item 7" "$code" 201

page /inbox
eq "the inbox is a page" "$code $(header Content-Type)" "200 text/html; charset=utf-8"
has "the inbox lists v1 with its expiry and its review's state" \
	'<p class="lead">接続先から共有されている提出は 1 件です。</p>' \
	'<td>接続先A</td>' '<td class="num">第1版</td>' '<td>2026-04-01</td>' '<td>2027-03-31まで</td>' \
	'<span class="chip warn">照会 1</span>' '<span class="chip bad">要改善 1</span>' \
	'<td><a href="/reviews/1">第1版の審査を開く</a></td>'
page /inbox -H 'Accept-Language: en'
has "the inbox in English" '<h1>Inbox: submissions shared with you</h1>' '<span class="chip warn">Queries 1</span>'
page /inbox -b shinsa_lang=en
has "the language cookie too" '<h1>Inbox: submissions shared with you</h1>'

page /reviews/1
has "the review screen: 区分 groups, the answer, the verdict and the thread" \
	'<h1>接続先A 第1版の審査</h1>' \
	'<h3 id="g-0" class="group-title">区分：情報・セキュリティ管理態勢</h3>' \
	'<article class="panel review-item" id="item-7" data-row data-verdict="query" data-changed="no" data-query="open" data-status="implemented">' \
	'<h4>通番5 役職員の不正対策を整備する。</h4>' \
	'<dt>対応状況</dt><dd><span class="chip warn">一部対応</span>' \
	'<dt>課題認識</dt><dd class="wrap">保存期間が短い</dd>' \
	'<dt>対応予定日</dt><dd>2026-06-30</dd>' \
	'<p class="by">X銀行 ・ rev@x.test ・ 2026-04-01 18:00 JST <span class="chip warn">照会</span></p><p class="wrap">委託先の一覧を示してください</p>' \
	'<p class="by">X銀行 ・ rev@x.test ・ 2026-04-01 18:00 JST</p><p class="wrap">別紙で一覧をお送りください</p>' \
	'<li><span class="chip good">了承 37</span></li>'
has "a reviewer gets a verdict form per item and the decision form" \
	'<form id="verdict-7" data-work data-api="/api/v1/reviews/1/items/7" data-method="PUT" data-stay>' \
	'<option value="query" selected>照会</option>' \
	'<option value="">未判定</option>' \
	'<textarea id="verdict-7-t" name="text" data-empty="omit" maxlength="4000" aria-describedby="verdict-7-h"></textarea>' \
	'<form id="decide" data-api="/api/v1/reviews/1/decision" data-method="POST"' \
	'<form id="message-39" data-work data-api="/api/v1/reviews/1/items/39/messages" data-method="POST" data-stay>'
lacks "one text box per item: the query is in the thread, not a comment beside it" '判定コメント：'
lacks "one text box per item: no second box for the bank on a connector item" 'id="message-7"'
lacks "with no previous version nothing is marked changed" 'id="f-changed"'
has "a bank item takes the bank's own answer, not a verdict" \
	'<form id="bank-answer-39" data-work data-api="/api/v1/reviews/1/items/39/answer" data-method="PUT" data-stay>'
lacks "no verdict form on a bank item" 'id="verdict-39"'
has "a bank item with no status yet: its empty choice rendered selected (nothing reads as typed)" \
	'<option value="" selected>（未選択）</option>'
api PUT /api/v1/reviews/1/items/39/answer '{"status":"implemented","current":"当行で監視している"}'
eq "the bank answer form's request" "$code" 200
page /reviews/1
has "the bank's answer shows on its item" '<dt>現状</dt><dd class="wrap">当行で監視している</dd>' \
	'<option value="implemented" selected>対応済</option>'
has "the bank's supplementary questions, unanswered, under the items" \
	'<h2 id="questions-h">追加質問</h2>' '<h3>基準 (2)-2 <span class="muted">反社会的勢力の排除</span></h3>' \
	'<p class="muted">まだ回答されていません。</p>'
lacks "a bank reads the questions, it does not answer them" 'data-api="/api/v1/banks/'

page /reviews/1/criteria
# (1)-1 is now equal to items 1 and 2 (the mapping set above): met.
has "the review by X's criteria" '<li><span class="chip good">充足 48</span></li>' \
	'<li><span class="chip warn">一部充足 3</span></li>' '<li><span class="chip info">未確定 2</span></li>' '<tr data-row data-state="open">' \
	'<td><a href="/reviews/1#item-7">通番7</a> <span class="chip warn">照会</span><br></td>'

as viewer@x.test
page /criteria
has "a viewer reads the criteria" '<th scope="row">(1)-1</th>'
lacks "without forms" 'data-api='
page /reviews/1
has "a viewer reads the review" '<h1>接続先A 第1版の審査</h1>'
lacks "without forms" 'data-api='

# The connector replies, changes item 7 and sends v2.
as editor@a.test
page /reviews
has "the connector's list names the bank and links with it" '<td>X銀行</td>' \
	'<a href="/reviews/1?bank=X%E9%8A%80%E8%A1%8C">第1版の審査を開く</a>'
page "/reviews/1?bank=X%E9%8A%80%E8%A1%8C"
has "the connector sees the review with a reply form naming the bank" '<h1>接続先A 第1版の審査</h1>' \
	'<input type="hidden" name="bank" value="X銀行">' '<label for="message-7-t">銀行への回答</label>'
lacks "and no verdict form" 'id="verdict-7"'
lacks "nor the decision form" 'id="decide"'
has "the bank's supplementary questions, each with an answer form" \
	'<form id="q-2-form" data-api="/api/v1/banks/X%E9%8A%80%E8%A1%8C/questions/%282%29-2" data-method="PUT">' \
	'<textarea id="q-2-a" name="answer" maxlength="4000" aria-describedby="q-2-h"></textarea>'
page /reviews/1
eq "without ?bank= the connector gets the 400 page" "$code" 400
page /inbox
eq "the inbox is not for connectors" "$code $(grep -c '<h1>この操作は許可されていません</h1>' "$T/b")" "403 1"
page /reviews/1/criteria
eq "nor the review by a bank's criteria" "$code" 403
page /criteria
eq "nor the criteria page" "$code" 403
api POST /api/v1/reviews/1/items/7/messages "{\"text\":\"委託先一覧を回答に追記しました\",\"bank\":\"$X\"}"
api PUT /api/v1/answers/7 '{"current":"A社の回答7（委託先一覧: 別紙1）"}'
api POST /api/v1/submissions
api POST /api/v1/submissions/2/shares "{\"bank\":\"$X\"}"
api POST /api/v1/submissions/2/shares "{\"bank\":\"$Y\"}"
eq "v2 is shared with X and Y" "$code" 201
api GET /api/v1/shares
eq "the reads so far: v1 by X, three review pages of three reads each (the review, the submission, the answers to X's questions) and the criteria page" \
	"$(echo "$body" | jq -c '[.[] | [.submission, .bank, (.accesses | length)]]')" '[[1,"X銀行",10],[2,"X銀行",0],[2,"Y銀行",0]]'

as rev@x.test
page /reviews/2
has "v2: item 7 changed and pending, the others carried from v1" \
	'<article class="panel review-item changed" id="item-7" data-row data-verdict="pending" data-changed="yes" data-query="none" data-status="implemented">' \
	'<span class="chip info">前回から引継ぎ（第1版・2026-04-01 18:00 JST）</span>' \
	'<li><span class="chip info">前回から変更 1</span></li>' '<li><span class="chip info">前回から引継ぎ 38</span></li>' \
	'<details class="verdict-edit" open><summary>判定を入力</summary>' 'id="f-changed"'
as editor@a.test
api GET /api/v1/shares
eq "opening v2's review page records its three reads of v2 and one of v1 (its answers and threads shown beside v2)" \
	"$(echo "$body" | jq -c '[.[] | [.submission, .bank, (.accesses | length)]]')" '[[1,"X銀行",11],[2,"X銀行",3],[2,"Y銀行",0]]'
as rev@x.test
api PUT /api/v1/reviews/2/items/7 '{"verdict":"accepted","comment":"別紙1を確認"}'
api POST /api/v1/reviews/2/decision '{"decision":"conditional","reason":"改善計画の完了を条件とする"}'
eq "X decides v2" "$code" 201
page /reviews/2
has "the decision with its download" '<dt>審査結果</dt><dd><span class="chip warn">条件付適合</span></dd>' \
	'<dt>理由・条件</dt><dd class="wrap">改善計画の完了を条件とする</dd>' \
	'<a class="button secondary" href="/api/v1/reviews/2/decision?bank=X%E9%8A%80%E8%A1%8C" download>署名付き審査結果ファイルをダウンロード</a>'
lacks "no more forms for verdicts or the decision" 'id="decide"'
req -b "$T/jar.$WHO" "$URL/api/v1/reviews/2/decision?bank=X%E9%8A%80%E8%A1%8C"
eq "the link gives the bank the signed file" "$code $(jq -r ".document | if type == \"string\" then fromjson else . end | .decision" "$T/b")" "200 conditional"
page /reviews
has "the bank's list shows the decision" '<span class="chip warn">条件付適合</span> <span class="muted">2026-04-01</span>'
as editor@a.test
req -b "$T/jar.$WHO" "$URL/api/v1/reviews/2/decision?bank=X%E9%8A%80%E8%A1%8C"
eq "and the connector the same file" "$code $(jq -r ".document | if type == \"string\" then fromjson else . end | .decision" "$T/b")" "200 conditional"

as rev@x.test
page /reviews/99/criteria
# The API's reason is English: on a Japanese page the 404 page keeps to its own words.
eq "the criteria view of a submission X cannot reach: the 404 page, without the API's English" \
	"$code $(grep -c 'no submission 99' "$T/b")" "404 0"

as rev@y.test
page /reviews/1
eq "another bank gets the 404 page for v1" "$code $(grep -c '<h1>ページが見つかりません</h1>' "$T/b")" "404 1"
page /reviews/1/criteria
eq "and for its criteria view" "$code" 404
page /reviews/2/criteria
has "Y, without criteria, is told how to import them" '自行の審査基準がまだ登録されていません。' '<a href="/criteria">審査基準を取り込む</a>'
page /criteria
has "Y's criteria page says it has none" '審査基準はまだ取り込まれていません。'
page /reviews/x
eq "a submission that is not a number is the 404 page" "$code" 404

# Follow-up: the portfolio and the plans, both sides.
login rev@z.test
page /portfolio
has "an empty portfolio says so" 'まだ接続先はありません。'
page /plans
has "no plans, said so" '改善計画はありません。'
as rev@x.test
page /portfolio
has "X's portfolio: A's decision, its plan, the next re-assessment" '<th scope="row">接続先A</th>' \
	'<span class="chip warn">条件付適合</span> <span class="muted">第2版</span>' '<span class="chip info">対応中 1</span>' \
	'<span class="chip good">予定どおり</span> <span class="muted">2027-04-01</span>' '<a href="/reviews/2?bank=">第2版の審査を開く</a>'
lacks "nothing overdue yet" 'overdue-row'
has "X's reviewer sets A's re-assessment cycle" '<span class="muted">12か月ごと</span>' \
	'<form id="cycle-0" data-api="/api/v1/cycles/%E6%8E%A5%E7%B6%9A%E5%85%88A" data-method="PUT">' \
	'<input id="cycle-0-months" name="months" type="number" min="1" max="60" value="12" data-type="int" data-empty="omit">'
api PUT "/api/v1/cycles/%E6%8E%A5%E7%B6%9A%E5%85%88A" '{"months":6}'
eq "the cycle form's request" "$code $(echo "$body" | jq -c '[.months, .next_due]')" '200 [6,"2026-10-01"]'
page /portfolio
has "the new cycle shows" '<span class="chip good">予定どおり</span> <span class="muted">2026-10-01</span>' '6か月ごと'
page /plans
has "X's plans" '<p class="lead">改善計画は 1 件、うち期限超過は 0 件です。</p>' \
	'<tr data-row data-status="open" data-overdue="no">' '<td>接続先A</td>' \
	'<td><a href="/plans/1">通番5</a> <span class="wrap">役職員の不正対策を整備する。</span></td>' '<td>2026-06-30</td>'
page /plans/1
has "X's reviewer may require a date" '<form id="plan-required" data-api="/api/v1/plans/1/required" data-method="PUT">' \
	'<dt>接続先</dt><dd>接続先A</dd>' '<td class="wrap">editor@a.test</td><td>作成</td>'
lacks "but not update the plan" 'id="plan-update"'
api PUT /api/v1/plans/1/required '{"due":"2026-05-31"}'
eq "the required form's request" "$code" 200
page /plans/1
has "the required date shows" '<dt>銀行の求める期限</dt><dd>2026-05-31</dd>' '<td>銀行の期限指定</td>' \
	'<input id="required-due" name="due" type="text" placeholder="例：2027-07-31、令和9年7月31日" autocomplete="off" value="2026-05-31" data-empty="null" aria-describedby="required-help required-due-hint">'
as viewer@x.test
page /plans/1
lacks "a bank's viewer gets no form" 'data-api='
as editor@a.test
page /portfolio
has "A's portfolio names the bank and links its review" '<th scope="row">X銀行</th>' '6か月ごと' \
	'<a href="/reviews/2?bank=X%E9%8A%80%E8%A1%8C">第2版の審査を開く</a>'
page /plans/1
has "A updates its plan and sees the date X requires" '<form id="plan-update" data-api="/api/v1/plans/1" data-method="PUT">' \
	'<option value="open" selected>未着手</option>' 'X銀行：2026-05-31'
lacks "not the bank's form" 'id="plan-required"'
page /portfolio
lacks "nor the cycle form" 'id="cycle-0"'
login admin@a.test
page /portfolio
has "a connector's admin reads its portfolio" '<th scope="row">X銀行</th>'
lacks "without the bank's cycle form" 'id="cycle-0"'
as editor@a.test
page /plans/1
api PUT /api/v1/plans/1 '{"status":"in_progress","due":"2026-06-30","note":"ログ基盤を選定中"}'
eq "the update form's request" "$code $(echo "$body" | jq -c '[.status, .due]')" '200 ["in_progress","2026-06-30"]'
page /plans/1 -H 'Accept-Language: en'
has "the plan in English" '<option value="in_progress" selected>In progress</option>' '<h1>Plan for item 5</h1>'
page /plans/99
eq "a plan not there is the 404 page" "$code" 404
page /plans/x
eq "nor one that is not a number" "$code" 404
stop_server
SHINSA_NOW=2026-06-15T09:00:00Z start_server
login editor@a.test
page /plans
has "past X's date, A sees its plan overdue" '<tr data-row data-status="in_progress" data-overdue="yes" class="overdue-row">' \
	'X銀行：2026-05-31 <span class="chip bad">期限超過</span>'
login rev@x.test
page /portfolio
has "and X's portfolio flags A" '<p class="notice bad" role="status">期限を過ぎた改善計画または再審査があります（1 件）。</p>' \
	'<tr class="overdue-row">' '<span class="chip bad">期限超過 1</span>'

for p in /inbox /reviews /reviews/1 /reviews/1/criteria /criteria /portfolio /plans /plans/1; do
	req "$URL$p"
	eq "signed out, $p asks to sign in" "$code $(header Location)" "303 /login?next=$(printf '%s' "$p" | jq -sRr @uri)"
done
eq "no page has inline script, style or handlers" "$(sort -u "$T/inline")" ""
stop_server
finish
