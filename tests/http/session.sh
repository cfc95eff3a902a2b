# Signing in over HTTP and the access gate: cookies, CSRF, one-time
# passwords, TOTP, API tokens, throttling, sign-out, the audit events and
# the sign-in page.
. tests/http/lib.sh
export SHINSA_NOW=2026-05-01T09:00:00Z
"$SHINSA" init >/dev/null
"$SHINSA" org add --kind connector --name 接続先A >/dev/null
add_user 接続先A admin@a.test admin
start_server

# Wrong password and unknown account: one answer, nothing to tell them apart.
login admin@a.test 'wrong password here'
eq "a wrong password" "$code $body" '401 {"error":{"code":"unauthorized","message":"wrong email, password or code"}}'
login nobody@a.test
eq "an unknown account" "$code $body" '401 {"error":{"code":"unauthorized","message":"wrong email, password or code"}}'
req -H 'Content-Type: application/json' -d '{"email":"admin@a.test"}' "$URL/api/v1/session"
eq "a missing password" "$code $body" '400 {"error":{"code":"bad_request","message":"password is required","problems":[{"cell":"","code":"required","args":["password"]}]}}'
req -H 'Content-Type: application/json' -d '{"email":"admin@a.test","password":"x","remember":true}' "$URL/api/v1/session"
eq "an unknown field" "$code $body" '400 {"error":{"code":"bad_request","message":"unknown field \"remember\" (allowed: email, password, totp)","problems":[{"cell":"","code":"unknown_field","args":["remember"]}]}}'

login admin@a.test
eq "sign in" "$code $(jq -c 'del(.csrf_token)' "$T/b")" \
	'200 {"email":"admin@a.test","role":"admin","org":{"id":1,"name":"接続先A","kind":"connector"},"must_change_password":false,"totp_enabled":false,"name":"","department":"","expires_at":"2026-05-01T21:00:00Z"}'
eq "the session cookie" "$(header Set-Cookie | sed 's/=shs_[A-Za-z0-9_-]*;/=TOKEN;/')" \
	'shinsa_session=TOKEN; Path=/; HttpOnly; SameSite=Strict'
eq "a CSRF token" "$(printf %s "$CSRF" | wc -c)" 43
api GET /api/v1/me
eq "GET /api/v1/me" "$code $(jq -c . "$T/b")" \
	"200 {\"email\":\"admin@a.test\",\"role\":\"admin\",\"org\":{\"id\":1,\"name\":\"接続先A\",\"kind\":\"connector\"},\"must_change_password\":false,\"totp_enabled\":false,\"name\":\"\",\"department\":\"\",\"csrf_token\":\"$CSRF\"}"
req "$URL/api/v1/me"
eq "no cookie" "$code $body" '401 {"error":{"code":"unauthorized","message":"not signed in"}}'
req -H 'Cookie: shinsa_session=shs_forged' "$URL/api/v1/me"
eq "a forged cookie" "$code $body" '401 {"error":{"code":"unauthorized","message":"not signed in"}}'

# CSRF: a state-changing request with the cookie needs the header.
req -b "$T/jar.admin@a.test" -X POST "$URL/api/v1/me/totp"
eq "no X-CSRF-Token" "$code $body" '403 {"error":{"code":"csrf","message":"missing or wrong X-CSRF-Token header"}}'
req -b "$T/jar.admin@a.test" -X POST -H "X-CSRF-Token: ${CSRF}x" "$URL/api/v1/me/totp"
eq "a wrong X-CSRF-Token" "$code" 403

# TOTP: enrolment asks for the password again (a stolen session must not
# turn it on and keep the recovery codes); a code computed here from the
# secret (RFC 6238) confirms it.
api POST /api/v1/me/totp '{}'
eq "enrolment needs the password" "$code $body" '400 {"error":{"code":"bad_request","message":"password is required","problems":[{"cell":"","code":"required","args":["password"]}]}}'
api POST /api/v1/me/totp '{"password":"not my password"}'
eq "enrolment: a wrong password" "$code $body" '400 {"error":{"code":"bad_request","message":"the current password is wrong","problems":[{"cell":"","code":"wrong_password","args":[]}]}}'
api POST /api/v1/me/totp "{\"password\":\"$TEST_PASSWORD\"}"
SECRET=$(jq -r .secret "$T/b")
eq "enrolment starts" "$code $(jq -r .otpauth_uri "$T/b")" \
	"200 otpauth://totp/Shinsa:admin%40a.test%20%28%E6%8E%A5%E7%B6%9A%E5%85%88A%29?secret=$SECRET&issuer=Shinsa&algorithm=SHA1&digits=6&period=30"
totp() {
	python3 -c 'import base64,hmac,hashlib,struct,sys
k=base64.b32decode(sys.argv[1]+"="*(-len(sys.argv[1])%8))
h=hmac.new(k,struct.pack(">Q",int(sys.argv[2])//30),hashlib.sha1).digest()
o=h[-1]&15;print("%06d"%((struct.unpack(">I",h[o:o+4])[0]&0x7fffffff)%1000000))' "$1" "$2"
}
NOW=$(date -u -d 2026-05-01T09:00:00Z +%s)
api POST /api/v1/me/totp/confirm "{\"code\":\"$(totp "$SECRET" "$NOW")\"}"
eq "confirming needs the password" "$code $body" '400 {"error":{"code":"bad_request","message":"password is required","problems":[{"cell":"","code":"required","args":["password"]}]}}'
api POST /api/v1/me/totp/confirm "{\"password\":\"not my password\",\"code\":\"$(totp "$SECRET" "$NOW")\"}"
eq "confirming: a wrong password" "$code $body" '400 {"error":{"code":"bad_request","message":"the current password is wrong","problems":[{"cell":"","code":"wrong_password","args":[]}]}}'
api POST /api/v1/me/totp/confirm "{\"password\":\"$TEST_PASSWORD\",\"code\":\"000000x\"}"
eq "a wrong code" "$code $body" '400 {"error":{"code":"bad_request","message":"wrong code","problems":[{"cell":"","code":"wrong_code","args":[]}]}}'
api POST /api/v1/me/totp/confirm "{\"password\":\"$TEST_PASSWORD\",\"code\":\"$(totp "$SECRET" "$NOW")\"}"
eq "enrolment confirmed" "$code $(jq -c '[.totp_enabled, (.recovery_codes | length)]' "$T/b")" '200 [true,10]'
RECOVERY=$(jq -r '.recovery_codes[0]' "$T/b")
api DELETE /api/v1/session
eq "sign out" "$code $body $(header Set-Cookie)" \
	'200 {"signed_out":true} shinsa_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0'
login admin@a.test
eq "TOTP on: a password alone is not enough, and the code is asked for" "$code $body" '401 {"error":{"code":"code_required","message":"wrong or missing code: send the password again with the code"}}'
login admin@a.test "$TEST_PASSWORD" "$(totp "$SECRET" "$NOW")"
eq "the code just used is not taken twice" "$code" 401
login admin@a.test "$TEST_PASSWORD" "$RECOVERY"
eq "a recovery code signs in" "$code $(jq -r .totp_enabled "$T/b")" "200 true"
OLD_COOKIE=$(awk '$6 == "shinsa_session" {print $7}' "$T/jar.admin@a.test")
api DELETE /api/v1/session
req -H "Cookie: shinsa_session=$OLD_COOKIE" "$URL/api/v1/me"
eq "a session ended by sign-out is dead" "$code $body" '401 {"error":{"code":"unauthorized","message":"signed out; sign in again"}}'
login admin@a.test "$TEST_PASSWORD" 000000
eq "a wrong code: the code again" "$code $body" '401 {"error":{"code":"code_required","message":"wrong or missing code: send the password again with the code"}}'
login admin@a.test "not my password" "$(totp "$SECRET" "$NOW")"
eq "a wrong password with a code: the one answer for every other failure" "$code $body" '401 {"error":{"code":"unauthorized","message":"wrong email, password or code"}}'

# A one-time password must be changed before anything else.
"$SHINSA" user add --org 接続先A --email new@a.test --role editor >"$T/added"
OTP=$(tail -n 1 "$T/added")
login new@a.test "$OTP"
eq "one-time password: signed in" "$code $(jq -r .must_change_password "$T/b")" "200 true"
api GET /api/v1/catalogs
eq "only the password change is open" "$code $body" \
	'403 {"error":{"code":"password_change_required","message":"change your one-time password first (POST /api/v1/me/password)"}}'
api POST /api/v1/me/password '{"current":"nope","new":"a new password of mine"}'
eq "the current password is checked" "$code $body" '400 {"error":{"code":"bad_request","message":"the current password is wrong","problems":[{"cell":"","code":"wrong_password","args":[]}]}}'
api POST /api/v1/me/password "{\"current\":\"$OTP\",\"new\":\"short\"}"
eq "a new password too short: the rule, coded for the page's words" "$code $body" '400 {"error":{"code":"bad_request","message":"the password is too short: it needs at least 10 characters","problems":[{"cell":"","code":"password_short","args":["10"]}]}}'
api POST /api/v1/me/password "{\"current\":\"$OTP\",\"new\":\"a new password of mine\"}"
eq "password changed" "$code $body" '200 {"changed":true}'
api GET /api/v1/catalogs
eq "then the rest opens" "$code" 200

# API tokens: Authorization: Bearer, no cookie and no CSRF header.
TOKEN=$("$SHINSA" token create --user new@a.test --name ci | tail -n 1)
bearer "$TOKEN" GET /api/v1/me
eq "a bearer token" "$code $(jq -c '[.email, .csrf_token]' "$T/b")" '200 ["new@a.test",null]'
bearer "$TOKEN" POST /api/v1/me/totp '{"password":"a new password of mine"}'
eq "no CSRF header needed with a token" "$code" 200
bearer "$TOKEN" DELETE /api/v1/session
eq "a token has no session to end" "$code $body" '400 {"error":{"code":"bad_request","message":"no session to end: this request came with an API token"}}'
"$SHINSA" token revoke 1 >/dev/null
bearer "$TOKEN" GET /api/v1/me
eq "a revoked token" "$code $body" '401 {"error":{"code":"unauthorized","message":"API token 1 was revoked"}}'

# Throttling: five failures lock the account for the window. Only the
# first refusal of the lock is recorded; each refusal is in the log.
add_user 接続先A slow@a.test viewer
for i in 1 2 3 4 5; do login slow@a.test 'not the password'; done
login slow@a.test
eq "the sixth attempt is refused" "$code $(jq -r .error.code "$T/b") $(header Retry-After)" "429 too_many_attempts 900"
eq "the first refusal: recorded" "$(log_for "$(header X-Request-Id)" | jq -r .note)" \
	"throttled; recorded as the lock's first refusal"
login slow@a.test
eq "the seventh attempt is refused" "$code $(header Retry-After)" "429 900"
eq "a later refusal: in the log only" "$(log_for "$(header X-Request-Id)" | jq -r .note)" \
	"throttled; not recorded in the audit trail (not the lock's first refusal)"
eq "refusals for the account's organisation" \
	"$("$SHINSA" audit list --json | jq -c '[.[] | select(.actor == "slow@a.test") | [.org, (.details | fromjson | .reason)]] | group_by(.) | map([.[0][0], .[0][1], length])')" \
	'[["接続先A","throttled",1],["接続先A","wrong password",5]]'

# A stolen session or token cannot guess the password: a wrong current
# password counts as a failed sign-in of the account, and is recorded.
add_user 接続先A guess@a.test viewer
login guess@a.test
for i in 1 2 3 4 5; do api POST /api/v1/me/password '{"current":"a guess at it","new":"a new password of mine"}'; done
eq "the fifth wrong current password" "$code $body" '400 {"error":{"code":"bad_request","message":"the current password is wrong","problems":[{"cell":"","code":"wrong_password","args":[]}]}}'
api POST /api/v1/me/password "{\"current\":\"$TEST_PASSWORD\",\"new\":\"a new password of mine\"}"
eq "then even the right one is refused" "$code $body $(header Retry-After)" \
	'429 {"error":{"code":"too_many_attempts","message":"too many failed attempts; try again after 2026-05-01T09:15:00Z"}} 900'
api POST /api/v1/me/totp "{\"password\":\"$TEST_PASSWORD\"}"
eq "and TOTP enrolment" "$code $(header Retry-After)" "429 900"
login guess@a.test
eq "and sign-in" "$code $(header Retry-After)" "429 900"
# The lock began at the password change, so the sign-in refusal is its first.
eq "the failed changes are on the trail" \
	"$("$SHINSA" audit list --json | jq -c '[.[] | select(.actor == "guess@a.test" and .action != "login") | [.org, .action, .object, (.details | fromjson | del(.remote))]] | unique')" \
	'[["接続先A","login_failed","session:0",{"reason":"throttled"}],["接続先A","password_change","user:4",{"result":"failed"}]]'
eq "five of them" "$("$SHINSA" audit list --json | jq '[.[] | select(.action == "password_change" and .actor == "guess@a.test")] | length')" 5

# Every sign-in, failure, sign-out, password change and enrolment is on the trail.
eq "the audit trail" "$("$SHINSA" audit list --json | jq -c '[reverse[] | select(.action | test("login|logout|password|totp")) | [.actor, .action, (.details | fromjson | del(.remote))]] | .[0:16]')" \
	'[["admin@a.test","login_failed",{"reason":"wrong password"}],["unknown","login_failed",{"email":"nobody@a.test","reason":"no such user"}],["admin@a.test","login",{}],["admin@a.test","totp_enrol",{"result":"failed"}],["admin@a.test","totp_enrol",{"result":"failed"}],["admin@a.test","totp_enrol",{}],["admin@a.test","logout",{}],["admin@a.test","login_failed",{"reason":"wrong code"}],["admin@a.test","login_failed",{"reason":"wrong code"}],["admin@a.test","login",{}],["admin@a.test","logout",{}],["admin@a.test","login_failed",{"reason":"wrong code"}],["admin@a.test","login_failed",{"reason":"wrong password"}],["new@a.test","login",{}],["new@a.test","password_change",{"result":"failed"}],["new@a.test","password_change",{}]]'
eq "the trail is intact" "$("$SHINSA" audit verify | cut -d, -f1)" "audit trail intact: 36 events"

# The sign-in page: no inline script, its files from this origin.
req "$URL/login"
eq "GET /login" "$code $(header Content-Type)" "200 text/html; charset=utf-8"
eq "the page is Japanese and has the form" "$(grep -c -e '<html lang="ja">' -e '<form id="login"' "$T/b")" 2
eq "every script is a file of this origin" "$(grep -o '<script[^>]*>' "$T/b" | tr '\n' ' ')" \
	'<script src="/static/shinsa.js" defer> <script src="/static/login.js" defer> '
eq "no inline script or style" "$(grep -c -e '<script[^>]*>[^<]' -e '<style' -e ' style=' -e ' on[a-z]*=' "$T/b")" 0
eq "the page's headers" "$(security_headers)" "$SECURITY_HEADERS"
req "$URL/static/login.js"
eq "login.js" "$code $(header Content-Type)" "200 text/javascript; charset=utf-8"
req "$URL/static/shinsa.css"
eq "shinsa.css" "$code $(header Content-Type)" "200 text/css; charset=utf-8"
req "$URL/static/nope.js"
eq "an unknown file" "$code" 404
req "$URL/"
eq "/ goes to the sign-in page" "$code $(header Location)" "303 /login"
req "$URL/?x=1"
eq "a page asks to sign in first, and comes back" "$code $(header Location)" "303 /login?next=%2F%3Fx%3D1"
req -H 'Accept-Language: en-GB,en;q=0.9' "$URL/login"
eq "in English when the browser asks" "$(grep -c -e '<html lang="en">' -e '<h1>Sign in</h1>' "$T/b") $(header Content-Language)" "2 en"
req "$URL/lang/en?next=%2Flogin"
eq "the language switch" "$code $(header Location) $(header Set-Cookie)" \
	"303 /login shinsa_lang=en; Path=/; Max-Age=31536000; SameSite=Lax"
req -b shinsa_lang=en -H 'Accept-Language: ja' "$URL/login"
eq "the chosen language wins over the browser's" "$(grep -c '<html lang="en">' "$T/b")" 1
stop_server

# Behind TLS the cookie is Secure.
start_server --secure-cookies
login new@a.test 'a new password of mine'
eq "--secure-cookies" "$(header Set-Cookie | sed 's/=shs_[A-Za-z0-9_-]*;/=TOKEN;/')" \
	'shinsa_session=TOKEN; Path=/; HttpOnly; SameSite=Strict; Secure'
stop_server
finish
