# shinsa user and shinsa token: accounts and API tokens from the command line,
# with what the database keeps of their secrets.
. tests/cli/lib.sh
export SHINSA_NOW=2026-04-01T09:00:00Z

"$SHINSA" init >/dev/null
"$SHINSA" org add --kind connector --name A社 >/dev/null
"$SHINSA" org add --kind bank --name B銀行 >/dev/null
db() { sqlite3 "$SHINSA_DB" "$1"; }

# A generated one-time password: printed once, as the last line.
run "$SHINSA" user add --org A社 --email Alice@Example.JP --role admin
eq "user add: status" "$rc" 0
eq "user add: what was added" "$(echo "$out" | head -n 2)" "added admin alice@example.jp to A社 (user 1)
one-time password (shown only now; it must be changed at first sign-in):"
otp=$(echo "$out" | tail -n 1)
eq "user add: three lines" "$(echo "$out" | wc -l)" 3
echo "$otp" | grep -Eq '^[2-9a-hjkmnp-z]{5}(-[2-9a-hjkmnp-z]{5}){3}$' &&
	ok "one-time password: 4 groups of 5 unambiguous characters" ||
	not_ok "one-time password: 4 groups of 5 unambiguous characters" "got: $otp"
hash=$(db "SELECT password_hash FROM user_account WHERE id = 1")
case $hash in
'$argon2id$v=19$m=65536,t=2,p=1$'*) ok "stored as an argon2id hash (64 MiB, 2 passes)" ;;
*) not_ok "stored as an argon2id hash (64 MiB, 2 passes)" "got: $hash" ;;
esac
eq "the password is nowhere in the database" "$(db .dump | grep -c -- "$otp")" 0
eq "must change it" "$(db "SELECT must_change_password FROM user_account WHERE id = 1")" 1

# A chosen password from stdin.
run sh -c "printf 'correct horse battery\n' | '$SHINSA' user add --org A社 --email bob@example.jp --role editor --password-stdin"
eq "user add --password-stdin" "$rc:$out" "0:added editor bob@example.jp to A社 (user 2)"
eq "a chosen password need not change" "$(db "SELECT must_change_password FROM user_account WHERE id = 2")" 0
run sh -c "printf 'correct horse battery\r\n' | '$SHINSA' user add --org B銀行 --email carol@bank.example --role reviewer --password-stdin"
eq "CRLF from stdin" "$rc:$out" "0:added reviewer carol@bank.example to B銀行 (user 3)"
printf 'no line break at all' | "$SHINSA" user add --org B銀行 --email dave@bank.example --role viewer --password-stdin >/dev/null
eq "no line break at the end" "$?" 0

fails "password too short" 1 "shinsa: the password is too short: it needs at least 10 characters" \
	sh -c "echo 123456789 | '$SHINSA' user add --org A社 --email e@example.jp --role viewer --password-stdin"
fails "password too short in characters, not bytes" 1 "shinsa: the password is too short: it needs at least 10 characters" \
	sh -c "echo 審査審査審査審査審 | '$SHINSA' user add --org A社 --email e@example.jp --role viewer --password-stdin"
fails "password too long" 1 "shinsa: the password is too long: at most 1024 bytes" \
	sh -c "printf %1025s x | tr ' ' a | '$SHINSA' user add --org A社 --email e@example.jp --role viewer --password-stdin"
run sh -c "printf %1024s x | tr ' ' a | '$SHINSA' user add --org A社 --email e@example.jp --role viewer --password-stdin"
eq "1024 bytes is the most" "$rc:$out" "0:added viewer e@example.jp to A社 (user 5)"
fails "password of two lines" 1 "shinsa: the password must be one line" \
	sh -c "printf 'correct horse\nbattery\n' | '$SHINSA' user add --org A社 --email f@example.jp --role viewer --password-stdin"
fails "empty stdin" 1 "shinsa: the password is too short: it needs at least 10 characters" \
	sh -c "'$SHINSA' user add --org A社 --email f@example.jp --role viewer --password-stdin </dev/null"

fails "email taken, in any case" 1 "shinsa: a user with email alice@example.jp already exists" \
	"$SHINSA" user add --org B銀行 --email ALICE@example.jp --role viewer
fails "email without @" 1 'shinsa: email "alice.example.jp" must contain exactly one @' \
	"$SHINSA" user add --org A社 --email alice.example.jp --role viewer
fails "email with a space" 1 "shinsa: email contains a space or a control character" \
	"$SHINSA" user add --org A社 --email "a b@example.jp" --role viewer
fails "email without a domain" 1 'shinsa: email "alice@localhost" needs a domain after the @, like example.jp' \
	"$SHINSA" user add --org A社 --email alice@localhost --role viewer
fails "unknown role" 1 'shinsa: unknown role "boss" (want admin, editor, reviewer, viewer or approver)' \
	"$SHINSA" user add --org A社 --email g@example.jp --role boss
fails "unknown organisation" 1 'shinsa: no organisation "C社" (shinsa org list shows them)' \
	"$SHINSA" user add --org C社 --email g@example.jp --role viewer
fails "user add without --role" 2 "shinsa: user add: --org, --email and --role are required (usage: shinsa user add --org NAME --email E --role admin|editor|reviewer|viewer|approver [--name 氏名] [--department 部署] [--password-stdin])" \
	"$SHINSA" user add --org A社 --email g@example.jp
fails "user add with an argument" 2 "shinsa: user add: unexpected argument \"x\" (usage: shinsa user add --org NAME --email E --role admin|editor|reviewer|viewer|approver [--name 氏名] [--department 部署] [--password-stdin])" \
	"$SHINSA" user add x --org A社 --email g@example.jp --role viewer
fails "user without a subcommand" 2 "shinsa: user: which one? add, list, update or reset (usage: shinsa user add --org NAME --email E --role R [--name N] [--department D] [--password-stdin] | list --org NAME [--json] | update --email E [--name N] [--department D] | reset EMAIL)" \
	"$SHINSA" user
eq "nothing was added by the failures" "$(db "SELECT count(*) FROM user_account")" 5

run "$SHINSA" user list --org A社
eq "user list" "$out" "admin     alice@example.jp  -  -  [one-time password]
editor    bob@example.jp    -  -
viewer    e@example.jp      -  -"
db "UPDATE user_account SET totp_enabled = 1, disabled = 1 WHERE id = 2"
run "$SHINSA" user list --org A社 --json
eq "user list --json" "$(echo "$out" | jq -c '.[1]')" '{"id":2,"email":"bob@example.jp","name":"","department":"","role":"editor","must_change_password":false,"totp_enabled":true,"disabled":true,"created_at":"2026-04-01T09:00:00Z"}'
run "$SHINSA" user list --org A社
eq "user list flags" "$(echo "$out" | sed -n 2p)" "editor    bob@example.jp    -  -  [TOTP, disabled]"
run "$SHINSA" user list --org B銀行 --json
eq "another organisation's users only" "$(echo "$out" | jq -r '[.[].email] | join(" ")')" "carol@bank.example dave@bank.example"
fails "user list without --org" 2 "shinsa: user list: --org is required (usage: shinsa user list --org NAME [--json])" \
	"$SHINSA" user list

# API tokens: printed once as the last line, stored as SHA-256 only.
export SHINSA_NOW=2026-04-01T10:00:00Z
run "$SHINSA" token create --user ALICE@example.jp --name "CI アップロード"
eq "token create" "$rc:$(echo "$out" | head -n 1)" "0:created API token 1 \"CI アップロード\" for alice@example.jp (shown only now; it is stored hashed):"
tok=$(echo "$out" | tail -n 1)
echo "$tok" | grep -Eq '^shinsa_pat_[A-Za-z0-9_-]{43}$' && ok "token: shinsa_pat_ and 43 base64url characters" ||
	not_ok "token: shinsa_pat_ and 43 base64url characters" "got: $tok"
eq "the database holds its SHA-256" "$(db "SELECT token_hash FROM api_token WHERE id = 1")" \
	"$(printf %s "$tok" | sha256sum | cut -d ' ' -f 1)"
eq "and not the token" "$(db .dump | grep -c -- "${tok#shinsa_pat_}")" 0
run "$SHINSA" token create --user bob@example.jp
eq "token create without a name" "$(echo "$out" | head -n 1)" "created API token 2 for bob@example.jp (shown only now; it is stored hashed):"
tok2=$(echo "$out" | tail -n 1)
[ "$tok" != "$tok2" ] && ok "tokens differ" || not_ok "tokens differ"
"$SHINSA" token create --user alice@example.jp >/dev/null
fails "token for nobody" 1 "shinsa: no user with email zed@example.jp (shinsa user list --org NAME shows them)" \
	"$SHINSA" token create --user zed@example.jp
fails "token for a bad email" 1 'shinsa: email "zed" must contain exactly one @' \
	"$SHINSA" token create --user zed
fails "token name with a control character" 1 "shinsa: token name contains a control character or invalid UTF-8" \
	"$SHINSA" token create --user alice@example.jp --name "$(printf 'a\tb')"
fails "token create without --user" 2 "shinsa: token create: --user is required (usage: shinsa token create --user EMAIL [--name TEXT])" \
	"$SHINSA" token create

db "UPDATE api_token SET last_used_at = '2026-04-01T10:30:00Z' WHERE id = 3"
run "$SHINSA" token revoke 1
eq "token revoke" "$rc:$out" "0:revoked API token 1"
run "$SHINSA" token list --user alice@example.jp
eq "token list" "$out" "1    2026-04-01T10:00:00Z  never used            revoked  CI アップロード
3    2026-04-01T10:00:00Z  2026-04-01T10:30:00Z  active"
run "$SHINSA" token list --user alice@example.jp --json
eq "token list --json" "$(echo "$out" | jq -c .)" '[{"id":1,"name":"CI アップロード","created_at":"2026-04-01T10:00:00Z","last_used_at":null,"revoked":true},{"id":3,"name":"","created_at":"2026-04-01T10:00:00Z","last_used_at":"2026-04-01T10:30:00Z","revoked":false}]'
fails "revoke twice" 1 "shinsa: API token 1 is already revoked" "$SHINSA" token revoke 1
fails "revoke an unknown token" 1 "shinsa: no API token 9" "$SHINSA" token revoke 9
fails "revoke without an id" 2 "shinsa: token revoke: which token? give its id (usage: shinsa token revoke ID)" \
	"$SHINSA" token revoke
fails "revoke a non-number" 2 'shinsa: token revoke: "1x" is not a token id (usage: shinsa token revoke ID)' \
	"$SHINSA" token revoke 1x
fails "token list without --user" 2 "shinsa: token list: --user is required (usage: shinsa token list --user EMAIL [--json])" \
	"$SHINSA" token list
eq "bob's token is still active" "$(db "SELECT revoked FROM api_token WHERE id = 2")" 0

# Each account change is on the trail, by the command line's actor, for the
# user's organisation; never a password or a token; failures leave nothing.
ME=$(id -un)
run "$SHINSA" audit list --json
eq "account events" "$(echo "$out" | jq -c '[reverse[] | select(.action != "org_add") | [.seq, .actor, .org, .action, .object, .details]]' | sed "s/cli:$ME\"/cli:ME\"/g")" \
	'[[3,"cli:ME","A社","user_add","user:1","{\"email\":\"alice@example.jp\",\"role\":\"admin\"}"],[4,"cli:ME","A社","user_add","user:2","{\"email\":\"bob@example.jp\",\"role\":\"editor\"}"],[5,"cli:ME","B銀行","user_add","user:3","{\"email\":\"carol@bank.example\",\"role\":\"reviewer\"}"],[6,"cli:ME","B銀行","user_add","user:4","{\"email\":\"dave@bank.example\",\"role\":\"viewer\"}"],[7,"cli:ME","A社","user_add","user:5","{\"email\":\"e@example.jp\",\"role\":\"viewer\"}"],[8,"cli:ME","A社","token_create","token:1","{\"name\":\"CI アップロード\",\"user\":\"alice@example.jp\"}"],[9,"cli:ME","A社","token_create","token:2","{\"name\":\"\",\"user\":\"bob@example.jp\"}"],[10,"cli:ME","A社","token_create","token:3","{\"name\":\"\",\"user\":\"alice@example.jp\"}"],[11,"cli:ME","A社","token_revoke","token:1","{\"id\":1}"]]'
eq "no secret on the trail" "$(db "SELECT count(*) FROM audit_event WHERE instr(details, '${tok#shinsa_pat_}') OR instr(details, 'battery')")" 0
run "$SHINSA" audit verify
eq "the trail holds" "$rc:$(echo "$out" | cut -d, -f1)" "0:audit trail intact: 11 events"

run "$SHINSA" help user
eq "help user" "$rc:$(echo "$out" | head -n 1)" "0:usage: shinsa user add --org NAME --email E --role R [--name N] [--department D] [--password-stdin] | list --org NAME [--json] | update --email E [--name N] [--department D] | reset EMAIL"
run "$SHINSA" token create --help
eq "token create --help" "$rc:$(echo "$out" | head -n 1)" "0:usage: shinsa token create --user EMAIL [--name TEXT]"

finish
