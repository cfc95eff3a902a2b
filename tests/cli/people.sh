# shinsa user add/update --name --department and shinsa user reset: 氏名 and
# 部署 from the command line, and a new one-time password, audited.
. tests/cli/lib.sh
export SHINSA_NOW=2026-04-01T09:00:00Z

"$SHINSA" init >/dev/null
"$SHINSA" org add --kind bank --name B銀行 >/dev/null
printf 'correct horse battery staple\n' | "$SHINSA" user add --org B銀行 --email rev@b.test --role reviewer \
	--name "山田 花子" --department 審査部 --password-stdin >/dev/null

run "$SHINSA" user update --email rev@b.test --department システムリスク管理部
eq "update: a new department" "$rc $out" "0 rev@b.test is now 山田 花子（システムリスク管理部）"
run "$SHINSA" user update --email rev@b.test --name ""
eq "update: the name cleared shows the e-mail" "$rc $out" "0 rev@b.test is now rev@b.test"
run "$SHINSA" user update --email rev@b.test --name "$(printf 'あ%.0s' $(seq 101))"
eq "update: too long" "$rc $err" "1 shinsa: name is longer than 100 characters"
run "$SHINSA" user update --email nobody@b.test --name 誰か
eq "update: nobody" "$rc $err" "1 shinsa: no user nobody@b.test"
run "$SHINSA" user update --email rev@b.test
eq "update: nothing to set" "$rc" 2

run "$SHINSA" user reset rev@b.test
eq "reset: status" "$rc" 0
eq "reset: what it says" "$(echo "$out" | head -n 2)" "reset the password of rev@b.test; their sessions are ended
one-time password (shown only now; it must be changed at next sign-in):"
echo "$out" | tail -n 1 | grep -Eq '^[2-9a-hjkmnp-z]{5}(-[2-9a-hjkmnp-z]{5}){3}$' &&
	ok "reset: a one-time password as user add prints one" || not_ok "reset: a one-time password" "got: $out"
eq "reset: it must be changed" "$(sqlite3 "$SHINSA_DB" 'SELECT must_change_password FROM user_account WHERE id = 1')" 1
run "$SHINSA" user reset nobody@b.test
eq "reset: nobody" "$rc $err" "1 shinsa: no user nobody@b.test"
eq "the trail" "$("$SHINSA" audit list --json | jq -c '[reverse[] | select(.action | test("password_reset|user_update")) | [.action, .object, (.details | fromjson)]]')" \
	'[["user_update","user:1",{"department":"システムリスク管理部"}],["user_update","user:1",{"name":""}],["password_reset","user:1",{}]]'
# The list: 氏名 and 部署 as columns, lined up by terminal columns (a kanji
# takes two), a dash for one not given.
printf 'correct horse battery staple\n' | "$SHINSA" user add --org B銀行 --email admin@b.test --role admin \
	--name "Alex Tanaka" --password-stdin >/dev/null
"$SHINSA" user update --email rev@b.test --name "山田 花子" >/dev/null
run "$SHINSA" user list --org B銀行
eq "list: name and department columns" "$rc
$out" "0
admin     admin@b.test  Alex Tanaka  -
reviewer  rev@b.test    山田 花子    システムリスク管理部  [one-time password]"
run "$SHINSA" user list --org B銀行 --json
eq "list --json: name and department" "$(echo "$out" | jq -c '[.[] | [.name, .department]]')" '[["Alex Tanaka",""],["山田 花子","システムリスク管理部"]]'
finish
