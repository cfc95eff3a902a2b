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
eq "its heading and title" "$(has '<h1>API接続チェックリストの回答</h1>') $(grep -c '<title>回答 — Shinsa（審査）</title>' "$T/b")" "yes 1"
eq "the counts: the connector's and common items only" \
	"$(grep -o 'id="count-[a-z_]*">[0-9]*' "$T/b" | tr '\n' ' ')" \
	'id="count-implemented">1 id="count-partial">1 id="count-not_implemented">0 id="count-not_applicable">0 id="count-unset">37 '
eq "the total" "$(has '<p class="help">API接続先・共通の項目 39 件の内訳です（銀行の項目は含みません）。</p>')" yes
eq "grouped by 区分" "$(grep -c '<h3 class="category">' "$T/b") $(has '<h3 class="category">外部委託管理</h3>')" "9 yes"
eq "item 3: its row, for the filters" \
	"$(has '<article class="answer" id="item-3" data-row data-party="connector" data-status="partial" data-plan="open">')" yes
eq "item 3: its chip, with text" "$(has '<div class="answer-head"><h4>通番 3</h4> <span class="chip warn">一部対応</span>')" yes
REV3=$(api GET /api/v1/answers; jq -r '.items[2].revision' "$T/b")
page /answers
eq "item 3: the form carries the revision the API gave" \
	"$(has "<form class=\"answer-form\" id=\"answer-3\" data-no=\"3\" data-revision=\"$REV3\" novalidate>")" yes
eq "item 3: the values, escaped" \
	"$(has '<option value="partial" selected>一部対応</option>') $(has '<textarea id="issues-3" name="issues">規程が古い&lt;旧版&gt;</textarea></div>') $(has '<input id="plan_due-3" name="plan_due" type="date" value="2026-09-30" data-empty="null"></div>')" \
	"yes yes yes"
eq "every input has its label" "$(grep -c '<label for="status-3">対応状況</label>' "$T/b") $(grep -c '<label for="current-3">現在の対応状況</label>' "$T/b")" "1 1"
eq "a bank item: read-only" \
	"$(has '<article class="answer bank-item" id="item-39" data-row data-party="bank" data-status="unset" data-plan="">') $(grep -c 'id="answer-39"' "$T/b") $(has '<p class="muted">銀行が回答する項目です（閲覧のみ）。</p>')" \
	"yes 0 yes"
eq "a common item" "$(has '<div class="answer-head"><h4>通番 9</h4> <span class="chip none">未回答</span>') $(grep -c '<span class="party">対象者：共通</span>' "$T/b")" "yes 9"
eq "the filters" "$(has '<label for="f-status">対応状況<select id="f-status" data-filter="status" data-target="#grid">') $(grep -c 'data-filter=' "$T/b")" "yes 4"
eq "Excel: the export link and the import form" \
	"$(has '<p><a class="button secondary" href="/api/v1/answers/export" download>回答を Excel（.xlsx）でダウンロード</a></p>') $(has '<button type="submit" id="import-check">内容を確認</button>')" \
	"yes yes"
eq "its script" "$(grep -c '<script src="/static/connector.js" defer></script>' "$T/b")" 1
page /answers -b shinsa_lang=en
eq "in English" "$code $(has '<h1>Answers to the API connection checklist</h1>') $(has '<div class="answer-head"><h4>No. 3</h4> <span class="chip warn">Partly implemented</span>')" \
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

login viewer@a.test
page /answers
eq "a viewer: the values, no form" \
	"$code $(grep -c 'class="answer-form"' "$T/b") $(grep -c 'id="import"' "$T/b") $(has '<dt>課題認識</dt><dd class="text">規程が古い&lt;旧版&gt;</dd>')" \
	"200 0 0 yes"

login admin@b.test
page /answers
eq "a bank: the 403 page" "$code $(header Content-Type) $(grep -c '<h1>この操作は許可されていません</h1>' "$T/b")" \
	"403 text/html; charset=utf-8 1"

finish
