# 氏名 and 部署 of users (set by admins and by themselves) and an
# administrator's password reset: a new one-time password, the user's
# sessions ended, in the audit trail.
. tests/http/lib.sh
export SHINSA_NOW=2026-05-01T09:00:00Z
"$SHINSA" init >/dev/null
"$SHINSA" org add --kind bank --name X銀行 >/dev/null
"$SHINSA" org add --kind bank --name Y銀行 >/dev/null
add_user X銀行 admin@x.test admin
add_user X銀行 rev@x.test reviewer
add_user Y銀行 admin@y.test admin
start_server
PW='"password":"correct horse battery staple"'
LONG=$(printf 'あ%.0s' $(seq 101))

login rev@x.test
api PUT /api/v1/me '{"name":"山田 花子","department":"審査部"}'
eq "one's own name and department" "$code $(jq -c '[.email, .name, .department]' "$T/b")" \
	'200 ["rev@x.test","山田 花子","審査部"]'
api GET /api/v1/me
eq "/me says them" "$(jq -c '[.name, .department]' "$T/b")" '["山田 花子","審査部"]'
req -b "$T/jar.$WHO" "$URL/account"
eq "the header names the signed-in person by 氏名, the e-mail its title" "$(grep -o '<a href="/account" class="who"[^>]*>[^<]*' "$T/b")" \
	'<a href="/account" class="who" title="rev@x.test">山田 花子'
login admin@x.test
req -b "$T/jar.$WHO" "$URL/account"
eq "the e-mail alone, no title, for one without a name" "$(grep -o '<a href="/account" class="who"[^>]*>[^<]*' "$T/b")" \
	'<a href="/account" class="who">admin@x.test'
login rev@x.test
api PUT /api/v1/me '{"department":""}'
eq "a department cleared, the name kept" "$code $(jq -c '[.name, .department]' "$T/b")" '200 ["山田 花子",""]'
api PUT /api/v1/me '{}'
eq "nothing asked" "$code $body" '400 {"error":{"code":"bad_request","message":"nothing to change: give name or department","problems":[{"cell":"","code":"nothing_to_set","args":[]}]}}'
api PUT /api/v1/me "{\"name\":\"$LONG\"}"
eq "too long" "$code $body" '400 {"error":{"code":"bad_request","message":"name is longer than 100 characters","problems":[{"cell":"","code":"too_long","args":["name","100"]}]}}'
api PUT /api/v1/me '{"department":"審査部\n"}'
eq "a control character" "$code $body" '400 {"error":{"code":"bad_request","message":"department contains a control character or invalid UTF-8"}}'
api PUT /api/v1/me '{"name":7}'
eq "not text" "$code $body" '400 {"error":{"code":"bad_request","message":"name must be a string","problems":[{"cell":"","code":"wrong_type","args":["name"]}]}}'
api PUT /api/v1/me '{"role":"admin"}'
eq "nothing else" "$code $body" '400 {"error":{"code":"bad_request","message":"unknown field \"role\" (allowed: name, department)","problems":[{"cell":"","code":"unknown_field","args":["role"]}]}}'

login admin@x.test
api POST /api/v1/users "{$PW,\"email\":\"new@x.test\",\"role\":\"viewer\",\"name\":\"佐藤 一郎\",\"department\":\"リスク管理部\"}"
eq "added with a name" "$code $(jq -c '[.id, .name, .department]' "$T/b")" '201 [4,"佐藤 一郎","リスク管理部"]'
api PUT /api/v1/users/2 "{$PW,\"department\":\"システムリスク管理部\"}"
eq "an admin sets another's department" "$code $(jq -c '[.name, .department]' "$T/b")" '200 ["山田 花子","システムリスク管理部"]'
api PUT /api/v1/users/2 "{$PW,\"name\":\"$LONG\"}"
eq "too long, from an admin too" "$code $body" '400 {"error":{"code":"bad_request","message":"name is longer than 100 characters","problems":[{"cell":"","code":"too_long","args":["name","100"]}]}}'

# The reset: the old password stops, the one-time one signs in to be changed.
api POST /api/v1/users/2/password-reset "{$PW}"
eq "a new one-time password" "$code $(jq -c 'del(.one_time_password) | [.id, .must_change_password]' "$T/b") $(jq -r '.one_time_password | length' "$T/b")" \
	'200 [2,true] 23'
OTP=$(jq -r .one_time_password "$T/b")
as rev@x.test
api GET /api/v1/me
eq "their session is over" "$code" 401
login rev@x.test
eq "the old password no longer signs in" "$code" 401
login rev@x.test "$OTP"
eq "the new one does, to be changed" "$code $(jq -c .must_change_password "$T/b")" '200 true'
as admin@x.test
api POST /api/v1/users/2/password-reset '{}'
eq "the admin's own password first" "$code $body" '400 {"error":{"code":"bad_request","message":"password is required: your own, to confirm the change","problems":[{"cell":"","code":"confirm_password","args":[]}]}}'
api POST /api/v1/users/1/password-reset "{$PW}"
eq "not one's own" "$code $body" '409 {"error":{"code":"conflict","message":"you cannot reset your own password here: change it on your account page","problems":[{"cell":"","code":"self_reset","args":[]}]}}'
api POST /api/v1/users/3/password-reset "{$PW}"
eq "another organisation's user" "$code $body" '404 {"error":{"code":"not_found","message":"no user 3"}}'
as rev@x.test
api POST /api/v1/users/4/password-reset "{$PW}"
eq "the reset user must change it before anything" "$code $body" '403 {"error":{"code":"password_change_required","message":"change your one-time password first (POST /api/v1/me/password)"}}'

eq "the trail" "$("$SHINSA" audit list --json | jq -c '[reverse[] | select(.action | test("password_reset|user_update")) | [.actor, .action, .object, (.details | fromjson)]]')" \
	'[["rev@x.test","user_update","user:2",{"department":"審査部","name":"山田 花子"}],["rev@x.test","user_update","user:2",{"department":""}],["admin@x.test","user_update","user:2",{"department":"システムリスク管理部"}],["admin@x.test","password_reset","user:2",{}]]'
finish
