# An organisation's administrator manages its users over the API
# (/api/v1/users): list, add with a one-time password, change the role,
# disable and enable, reset TOTP; never another organisation's users, never
# their own admin role away; each change in the audit trail.
. tests/http/lib.sh
export SHINSA_NOW=2026-05-01T09:00:00Z
"$SHINSA" init >/dev/null
"$SHINSA" org add --kind connector --name 接続先A >/dev/null
"$SHINSA" org add --kind bank --name X銀行 >/dev/null
add_user 接続先A admin@a.test admin
add_user 接続先A editor@a.test editor
add_user X銀行 admin@x.test admin
start_server

login editor@a.test
api GET /api/v1/users
eq "an editor may not" "$code $body" '403 {"error":{"code":"forbidden","message":"your role (editor) may not do this","problems":[{"cell":"","code":"role","args":["editor"]}]}}'

login admin@a.test
api GET /api/v1/users
eq "the organisation's users" "$code $body" \
	'200 [{"id":1,"email":"admin@a.test","name":"","department":"","role":"admin","must_change_password":false,"totp_enabled":false,"disabled":false,"created_at":"2026-05-01T09:00:00Z"},{"id":2,"email":"editor@a.test","name":"","department":"","role":"editor","must_change_password":false,"totp_enabled":false,"disabled":false,"created_at":"2026-05-01T09:00:00Z"}]'
api POST /api/v1/users '{"password":"correct horse battery staple","email":"New@A.test","role":"viewer"}'
eq "a new user, with a one-time password shown once" \
	"$code $(jq -c 'del(.one_time_password)' "$T/b") $(jq -r '.one_time_password | length > 0' "$T/b")" \
	'201 {"id":4,"email":"new@a.test","name":"","department":"","role":"viewer","must_change_password":true,"totp_enabled":false,"disabled":false,"created_at":"2026-05-01T09:00:00Z"} true'
OTP=$(jq -r .one_time_password "$T/b")
login new@a.test "$OTP"
eq "it signs in, to change it first" "$code $(jq -c .must_change_password "$T/b")" "200 true"
as admin@a.test
api POST /api/v1/users '{"password":"correct horse battery staple","email":"new@a.test","role":"viewer"}'
eq "an email taken" "$code $body" '409 {"error":{"code":"conflict","message":"a user with email new@a.test already exists","problems":[{"cell":"","code":"user_exists","args":["new@a.test"]}]}}'
api POST /api/v1/users '{"password":"correct horse battery staple","email":"admin@x.test","role":"viewer"}'
eq "an email taken elsewhere (sign-in is by email alone)" "$code" 409
api POST /api/v1/users '{"password":"correct horse battery staple","email":"bad","role":"viewer"}'
eq "a bad email" "$code $body" '400 {"error":{"code":"bad_request","message":"email \"bad\" must contain exactly one @","problems":[{"cell":"","code":"email_form","args":["bad"]}]}}'
api POST /api/v1/users '{"password":"correct horse battery staple","email":"b@a.test","role":"boss"}'
eq "a bad role" "$code $body" '400 {"error":{"code":"bad_request","message":"unknown role \"boss\" (want admin, editor, reviewer, viewer or approver)"}}'
api POST /api/v1/users '{"password":"correct horse battery staple","email":"b@a.test"}'
eq "the role is required" "$code $body" '400 {"error":{"code":"bad_request","message":"role is required","problems":[{"cell":"","code":"required","args":["role"]}]}}'

api PUT /api/v1/users/4 '{"password":"correct horse battery staple","role":"editor"}'
eq "role changed" "$code $(jq -c '[.role, .disabled]' "$T/b")" '200 ["editor",false]'
api PUT /api/v1/users/4 '{"password":"correct horse battery staple","role":"editor"}'
eq "again: nothing changes" "$code $(jq -c '[.role]' "$T/b")" '200 ["editor"]'
api PUT /api/v1/users/4 '{"password":"correct horse battery staple"}'
eq "nothing asked" "$code $body" '400 {"error":{"code":"bad_request","message":"nothing to change: give role, disabled, totp_reset, name or department","problems":[{"cell":"","code":"nothing_to_set","args":[]}]}}'
api PUT /api/v1/users/4 '{"password":"correct horse battery staple","disabled":"yes"}'
eq "disabled is a boolean" "$code $body" '400 {"error":{"code":"bad_request","message":"disabled must be true or false","problems":[{"cell":"","code":"wrong_type","args":["disabled"]}]}}'
api PUT /api/v1/users/4 '{"password":"correct horse battery staple","pass":"x"}'
eq "an unknown field" "$code $body" '400 {"error":{"code":"bad_request","message":"unknown field \"pass\" (allowed: role, disabled, totp_reset, password, name, department)","problems":[{"cell":"","code":"unknown_field","args":["pass"]}]}}'
# The administrator's own password, every time: a stolen session adds no one.
api PUT /api/v1/users/4 '{"role":"viewer"}'
eq "a change without the password" "$code $body" '400 {"error":{"code":"bad_request","message":"password is required: your own, to confirm the change","problems":[{"cell":"","code":"confirm_password","args":[]}]}}'
api POST /api/v1/users '{"email":"thief@a.test","role":"admin","password":"not mine"}'
eq "a new user with a wrong one" "$code $body" '400 {"error":{"code":"bad_request","message":"the current password is wrong","problems":[{"cell":"","code":"wrong_password","args":[]}]}}'
api PUT /api/v1/users/4 '{"role":"admin","password":7}'
eq "the password is text" "$code $body" '400 {"error":{"code":"bad_request","message":"password must be a string","problems":[{"cell":"","code":"wrong_type","args":["password"]}]}}'
api GET /api/v1/users
eq "nobody was added, nothing changed" "$(jq -c '[.[] | [.email, .role]]' "$T/b")" '[["admin@a.test","admin"],["editor@a.test","editor"],["new@a.test","editor"]]'
api PUT /api/v1/users/3 '{"password":"correct horse battery staple","disabled":true}'
eq "another organisation's user is not found" "$code $body" '404 {"error":{"code":"not_found","message":"no user 3"}}'
api PUT /api/v1/users/99 '{"password":"correct horse battery staple","disabled":true}'
eq "nor one that does not exist" "$code $body" '404 {"error":{"code":"not_found","message":"no user 99"}}'
api PUT /api/v1/users/1 '{"password":"correct horse battery staple","role":"viewer"}'
eq "not one's own admin role" "$code $body" '409 {"error":{"code":"conflict","message":"you cannot remove your own administrator role or disable yourself: ask another administrator","problems":[{"cell":"","code":"self_lockout","args":[]}]}}'
api PUT /api/v1/users/1 '{"password":"correct horse battery staple","disabled":true}'
eq "nor oneself disabled" "$code" 409

# Disabling ends the sessions; enabling lets them back in.
login editor@a.test
as admin@a.test
api PUT /api/v1/users/2 '{"password":"correct horse battery staple","disabled":true}'
eq "disabled" "$code $(jq -c .disabled "$T/b")" "200 true"
as editor@a.test
api GET /api/v1/me
eq "their session is over" "$code" 401
login editor@a.test
eq "and they cannot sign in" "$code" 401
as admin@a.test
api PUT /api/v1/users/2 '{"password":"correct horse battery staple","disabled":false}'
login editor@a.test
eq "enabled again" "$code" 200

# A TOTP reset for a lost device.
api POST /api/v1/me/totp "{\"password\":\"$TEST_PASSWORD\"}"
SECRET=$(jq -r .secret "$T/b")
CODE=$(python3 -c 'import base64,hmac,hashlib,struct,sys
k=base64.b32decode(sys.argv[1]+"="*(-len(sys.argv[1])%8))
h=hmac.new(k,struct.pack(">Q",int(sys.argv[2])//30),hashlib.sha1).digest()
o=h[-1]&15;print("%06d"%((struct.unpack(">I",h[o:o+4])[0]&0x7fffffff)%1000000))' "$SECRET" "$(date -u -d "$SHINSA_NOW" +%s)")
api POST /api/v1/me/totp/confirm "{\"password\":\"$TEST_PASSWORD\",\"code\":\"$CODE\"}"
eq "the editor turns TOTP on" "$code" 200
as admin@a.test
api PUT /api/v1/users/2 '{"password":"correct horse battery staple","totp_reset":true}'
eq "reset" "$code $(jq -c .totp_enabled "$T/b")" "200 false"
login editor@a.test
eq "the password alone signs in again" "$code $(jq -c .totp_enabled "$T/b")" "200 false"
as admin@a.test
api PUT /api/v1/users/2 '{"password":"correct horse battery staple","totp_reset":true}'
eq "a second reset changes nothing" "$code" 200

# Another organisation's admin sees only their own.
login admin@x.test
api GET /api/v1/users
eq "X's users only" "$code $(jq -c '[.[].email]' "$T/b")" '200 ["admin@x.test"]'

eq "the trail" "$("$SHINSA" audit list --json | jq -c '[reverse[] | select(.action | test("user_|totp_reset")) | [.actor, .org, .action, .object, (.details | fromjson)]]')" \
	'[["cli:'"$(id -un)"'","接続先A","user_add","user:1",{"email":"admin@a.test","role":"admin"}],["cli:'"$(id -un)"'","接続先A","user_add","user:2",{"email":"editor@a.test","role":"editor"}],["cli:'"$(id -un)"'","X銀行","user_add","user:3",{"email":"admin@x.test","role":"admin"}],["admin@a.test","接続先A","user_add","user:4",{"email":"new@a.test","role":"viewer"}],["admin@a.test","接続先A","user_update","user:4",{"role":"editor"}],["admin@a.test","接続先A","user_add","user:1",{"result":"failed"}],["admin@a.test","接続先A","user_update","user:2",{"disabled":true}],["admin@a.test","接続先A","user_update","user:2",{"disabled":false}],["admin@a.test","接続先A","totp_reset","user:2",{}]]'
finish
