# The banks to share with (GET /api/v1/banks, issue 17 item 2): every bank
# by name, connectors never, at most 20 with "more"; q narrowed by name
# key (株式会社 before or after, full- and half-width alike); for a
# connector's users only.
. tests/http/lib.sh
fresh_orgs A B X Y
add_user "$A" viewer@a.test viewer
add_user "$X" admin@x.test admin
for name in デモ銀行 "DEMO Bank" 株式会社さくら銀行 $(seq -f 地方銀行%02g 1 18); do
	"$SHINSA" org add --kind bank --name "$name" >/dev/null || { echo "adding $name failed"; exit 1; }
done
start_server
banks() { api GET "/api/v1/banks${1+?q=$(jq -rn --arg q "$1" '$q|@uri')}"; }

login viewer@a.test
banks
eq "no q: the first 20 banks by name, no connector, more" "$code $body" \
	'200 {"banks":[{"name":"DEMO Bank"},{"name":"X銀行"},{"name":"Y銀行"},{"name":"デモ銀行"},{"name":"地方銀行01"},{"name":"地方銀行02"},{"name":"地方銀行03"},{"name":"地方銀行04"},{"name":"地方銀行05"},{"name":"地方銀行06"},{"name":"地方銀行07"},{"name":"地方銀行08"},{"name":"地方銀行09"},{"name":"地方銀行10"},{"name":"地方銀行11"},{"name":"地方銀行12"},{"name":"地方銀行13"},{"name":"地方銀行14"},{"name":"地方銀行15"},{"name":"地方銀行16"}],"more":true}'
banks ""
eq "q empty: the same" "$code $(echo "$body" | jq -c '[(.banks | length), .more]')" '200 [20,true]'
banks "（株）"
eq "q=（株）: the company mark alone narrows nothing yet" "$code $(echo "$body" | jq -c '[(.banks | length), .more]')" '200 [20,true]'
banks 株式会社
eq "q=株式会社: the same" "$code $(echo "$body" | jq -c '[(.banks | length), .more]')" '200 [20,true]'
banks 株式会社デモ
eq "q=株式会社デモ finds デモ銀行" "$code $body" '200 {"banks":[{"name":"デモ銀行"}],"more":false}'
banks ﾃﾞﾓ
eq "q=ﾃﾞﾓ (half-width) finds デモ銀行" "$code $body" '200 {"banks":[{"name":"デモ銀行"}],"more":false}'
banks "ｄｅｍｏ　ＢＡＮＫ"
eq "q=ｄｅｍｏ　ＢＡＮＫ (full-width, any case) finds DEMO Bank" "$code $body" '200 {"banks":[{"name":"DEMO Bank"}],"more":false}'
banks "さくら銀行㈱"
eq "q=さくら銀行㈱ finds 株式会社さくら銀行 as registered" "$code $body" '200 {"banks":[{"name":"株式会社さくら銀行"}],"more":false}'
banks 銀行1
eq "q=銀行1: a substring of the key" "$code $body" \
	'200 {"banks":[{"name":"地方銀行10"},{"name":"地方銀行11"},{"name":"地方銀行12"},{"name":"地方銀行13"},{"name":"地方銀行14"},{"name":"地方銀行15"},{"name":"地方銀行16"},{"name":"地方銀行17"},{"name":"地方銀行18"}],"more":false}'
# Ranked: the names that start with the text as typed (width folded,
# 株式会社 kept) first, then those whose key starts with it, then the rest;
# each group by name. 株式会社み is someone typing 株式会社みらい銀行.
for name in 株式会社みらい銀行 みなと信用金庫 うみの銀行; do
	"$SHINSA" org add --kind bank --name "$name" >/dev/null || { echo "adding $name failed"; exit 1; }
done
banks 株式会社み
eq "q=株式会社み: the name as typed first" "$code $body" \
	'200 {"banks":[{"name":"株式会社みらい銀行"},{"name":"みなと信用金庫"},{"name":"うみの銀行"}],"more":false}'
banks み
eq "q=み: みなと信用金庫 starts so, then the key 株式会社みらい銀行 starts so, then the rest" "$code $body" \
	'200 {"banks":[{"name":"みなと信用金庫"},{"name":"株式会社みらい銀行"},{"name":"うみの銀行"}],"more":false}'
banks none
eq "q=none: no bank" "$code $body" '200 {"banks":[],"more":false}'
banks 接続先
eq "q=接続先: a connector's name is never offered" "$code $body" '200 {"banks":[],"more":false}'

login admin@x.test
banks デモ
eq "a bank's user: refused" "$code $body" '403 {"error":{"code":"forbidden","message":"this is for connectors"}}'

req "$URL/api/v1/banks?q=%E3%83%87%E3%83%A2"
eq "anonymous: refused" "$code $body" '401 {"error":{"code":"unauthorized","message":"not signed in"}}'
stop_server
eq "the server stopped cleanly (no leak under ASan)" "$server_rc" 0
finish
