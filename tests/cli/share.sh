# shinsa share add/list/revoke and shinsa inbox: consent from the command line.
. tests/cli/lib.sh
export SHINSA_NOW=2026-04-01T09:00:00Z

"$SHINSA" init >/dev/null || { echo "init failed"; exit 1; }
C=株式会社フィンテック
"$SHINSA" org add --kind connector --name "$C" >/dev/null
"$SHINSA" org add --kind connector --name 別の接続先 >/dev/null
"$SHINSA" org add --kind bank --name サンプル銀行 >/dev/null
"$SHINSA" org add --kind bank --name 第二銀行 >/dev/null
for n in $(seq 1 38) 44; do
	"$SHINSA" answers set --org "$C" --item "$n" --status implemented --current "第${n}項: 対応済み。" >/dev/null
done
"$SHINSA" submit --org "$C" >/dev/null
SHA1=$(sqlite3 "$SHINSA_DB" "SELECT sha256 FROM submission WHERE id = 1")
ME=$(id -un)

# Usage mistakes.
U_ADD='(usage: shinsa share add SUBMISSION-ID --bank NAME [--expires DATE])'
fails "share add needs an id" 2 "shinsa: share add: which submission? give its id $U_ADD" \
	"$SHINSA" share add --bank サンプル銀行
fails "share add takes one id" 2 "shinsa: share add: unexpected argument \"2\" $U_ADD" \
	"$SHINSA" share add 1 2 --bank サンプル銀行
fails "share add wants a number" 2 "shinsa: share add: SUBMISSION-ID is a submission number, not \"01\" $U_ADD" \
	"$SHINSA" share add 01 --bank サンプル銀行
fails "share add needs --bank" 2 "shinsa: share add: --bank is required $U_ADD" \
	"$SHINSA" share add 1
fails "share list needs --org" 2 'shinsa: share list: --org is required (usage: shinsa share list --org NAME [--json])' \
	"$SHINSA" share list
fails "share revoke needs an id" 2 'shinsa: share revoke: which share? give its id (usage: shinsa share revoke SHARE-ID)' \
	"$SHINSA" share revoke
fails "share revoke wants a number" 2 'shinsa: share revoke: SHARE-ID is a share number, not "x" (usage: shinsa share revoke SHARE-ID)' \
	"$SHINSA" share revoke x
fails "share wants a subcommand" 2 'shinsa: share: unknown subcommand "delete" (want add, list or revoke) (usage: shinsa share add SUBMISSION-ID --bank NAME [--expires DATE] | list --org NAME [--json] | revoke SHARE-ID)' \
	"$SHINSA" share delete 1
fails "inbox needs --org" 2 'shinsa: inbox: --org is required (usage: shinsa inbox --org BANK [--json])' \
	"$SHINSA" inbox
fails "inbox takes no argument" 2 'shinsa: inbox: unexpected argument "x" (usage: shinsa inbox --org BANK [--json])' \
	"$SHINSA" inbox x --org サンプル銀行
run "$SHINSA" share --help
eq "share --help" "$rc:$(echo "$out" | head -n 1)" "0:usage: shinsa share add SUBMISSION-ID --bank NAME [--expires DATE] | list --org NAME [--json] | revoke SHARE-ID"
run "$SHINSA" help inbox
eq "help inbox" "$rc:$(echo "$out" | head -n 1)" "0:usage: shinsa inbox --org BANK [--json]"

# Refusals, each with its line, and nothing written.
fails "no such submission" 1 'shinsa: no submission 9 (shinsa submission list --org NAME shows them)' \
	"$SHINSA" share add 9 --bank サンプル銀行
fails "no such bank" 1 'shinsa: no bank "みずなし銀行"' \
	"$SHINSA" share add 1 --bank みずなし銀行
fails "a connector is no bank" 1 'shinsa: no bank "別の接続先"' \
	"$SHINSA" share add 1 --bank 別の接続先
fails "an expiry that is no date" 1 'shinsa: expiry: 2026-02-30 is not a day' \
	"$SHINSA" share add 1 --bank サンプル銀行 --expires 2026-02-30
fails "an expiry in the past" 1 'shinsa: expiry "2026-03-31" is in the past (it is now 2026-04-01T09:00:00Z)' \
	"$SHINSA" share add 1 --bank サンプル銀行 --expires 2026-03-31
fails "an expiry now is past" 1 'shinsa: expiry "2026-04-01T09:00:00Z" is in the past (it is now 2026-04-01T09:00:00Z)' \
	"$SHINSA" share add 1 --bank サンプル銀行 --expires 2026-04-01T09:00:00Z
eq "nothing was stored" "$(sqlite3 "$SHINSA_DB" "SELECT count(*) FROM share")" 0
run "$SHINSA" share list --org "$C"
eq "share list: none" "$rc:$out" "0:$C has shared nothing"
run "$SHINSA" inbox --org サンプル銀行
eq "inbox: none" "$rc:$out" "0:nothing is shared with サンプル銀行 now"
fails "share list of a bank" 1 'shinsa: サンプル銀行 is a bank: shinsa inbox --org サンプル銀行 lists what is shared with it' \
	"$SHINSA" share list --org サンプル銀行
fails "inbox of a connector" 1 "shinsa: $C is a connector: only banks have an inbox (shinsa share list --org $C)" \
	"$SHINSA" inbox --org "$C"
fails "share list of nobody" 1 'shinsa: no organisation "誰" (shinsa org list shows them)' \
	"$SHINSA" share list --org 誰

# Sharing: a date runs through the end of that day, UTC.
run "$SHINSA" share add 1 --bank サンプル銀行 --expires 2026-04-30
eq "share add with a date" "$rc:$out" "0:shared submission 1 (version 1 of $C) with サンプル銀行 until 2026-05-01T00:00:00Z: share 1"
fails "one share in force per bank" 1 'shinsa: submission 1 is already shared with サンプル銀行 (share 1)' \
	"$SHINSA" share add 1 --bank サンプル銀行
SHINSA_NOW=2026-04-01T10:00:00Z run "$SHINSA" share add 1 --bank 第二銀行
eq "share add until revoked" "$rc:$out" "0:shared submission 1 (version 1 of $C) with 第二銀行 until revoked: share 2"

run "$SHINSA" inbox --org サンプル銀行
eq "inbox" "$rc:$out" "0:share 1: submission 1, version 1 of $C, sha256 $SHA1, shared 2026-04-01T09:00:00Z, until 2026-05-01T00:00:00Z"
run "$SHINSA" inbox --org サンプル銀行 --json
eq "inbox --json" "$rc:$(echo "$out" | jq -c .)" "0:[{\"share\":1,\"submission\":1,\"connector\":\"$C\",\"version\":1,\"sha256\":\"$SHA1\",\"shared_at\":\"2026-04-01T09:00:00Z\",\"expires_at\":\"2026-05-01T00:00:00Z\"}]"

# A read by a bank user (the server records these) shows in the list.
"$SHINSA" user add --org サンプル銀行 --email reader@bank.example --role reviewer --password-stdin >/dev/null <<PW
correct horse battery
PW
sqlite3 "$SHINSA_DB" "INSERT INTO share_access (share_id, user_id, at) VALUES (1, 1, '2026-04-02T08:00:00Z')"
run "$SHINSA" share list --org "$C"
eq "share list" "$rc:$out" "0:share 1: submission 1 (version 1) with サンプル銀行, shared 2026-04-01T09:00:00Z by cli:$ME, until 2026-05-01T00:00:00Z: in force
  read by reader@bank.example at 2026-04-02T08:00:00Z
share 2: submission 1 (version 1) with 第二銀行, shared 2026-04-01T10:00:00Z by cli:$ME, until revoked: in force"

# Expiry: at 00:00:00Z of the next day the share is out of force.
SHINSA_NOW=2026-04-30T23:59:59Z run "$SHINSA" inbox --org サンプル銀行
eq "in force on its last day" "$(echo "$out" | cut -c1-9)" "share 1: "
SHINSA_NOW=2026-05-01T00:00:00Z run "$SHINSA" inbox --org サンプル銀行
eq "expired at the end of the day" "$rc:$out" "0:nothing is shared with サンプル銀行 now"
SHINSA_NOW=2026-05-01T00:00:00Z run "$SHINSA" share list --org "$C" --json
eq "share list --json after expiry" "$rc:$(echo "$out" | jq -c '.[0]')" "0:{\"id\":1,\"submission\":1,\"version\":1,\"bank\":\"サンプル銀行\",\"created_by\":\"cli:$ME\",\"created_at\":\"2026-04-01T09:00:00Z\",\"expires_at\":\"2026-05-01T00:00:00Z\",\"revoked_at\":null,\"in_force\":false,\"accesses\":[{\"user\":\"reader@bank.example\",\"at\":\"2026-04-02T08:00:00Z\"}]}"
SHINSA_NOW=2026-05-01T00:00:00Z run "$SHINSA" share add 1 --bank サンプル銀行
eq "shared again once expired" "$rc:$out" "0:shared submission 1 (version 1 of $C) with サンプル銀行 until revoked: share 3"

# Revoking.
SHINSA_NOW=2026-05-02T00:00:00Z run "$SHINSA" share revoke 3
eq "share revoke" "$rc:$out" "0:revoked share 3: サンプル銀行 can no longer read submission 1 (version 1 of $C)"
fails "revoke twice" 1 'shinsa: share 3 is already revoked' "$SHINSA" share revoke 3
fails "revoke nothing" 1 'shinsa: no share 9' "$SHINSA" share revoke 9
SHINSA_NOW=2026-05-02T00:00:00Z run "$SHINSA" inbox --org サンプル銀行
eq "revoked: gone from the inbox" "$rc:$out" "0:nothing is shared with サンプル銀行 now"
SHINSA_NOW=2026-05-02T00:00:00Z run "$SHINSA" share list --org "$C"
eq "share list after revoke" "$rc:$(echo "$out" | tail -n 1)" "0:share 3: submission 1 (version 1) with サンプル銀行, shared 2026-05-01T00:00:00Z by cli:$ME, until revoked: revoked at 2026-05-02T00:00:00Z"
SHINSA_NOW=2026-05-02T00:00:00Z run "$SHINSA" share add 1 --bank サンプル銀行 --expires 2026-06-01T12:00:00Z
eq "shared again after revoke" "$rc:$out" "0:shared submission 1 (version 1 of $C) with サンプル銀行 until 2026-06-01T12:00:00Z: share 4"
run "$SHINSA" inbox --org 第二銀行
eq "the other bank's inbox is its own" "$rc:$(echo "$out" | cut -c1-9)" "0:share 2: "

# The audit trail has each share and revoke, in the connector's name (47 is
# the bank's user_add).
run "$SHINSA" audit list --json
eq "audit events" "$(echo "$out" | jq -c "[.[] | select(.action | startswith(\"share\")) | [.seq, .actor, .org, .action, .object, .details]] | reverse")" \
	"[[45,\"cli:$ME\",\"$C\",\"share_create\",\"share:1\",\"{\\\"bank\\\":\\\"サンプル銀行\\\",\\\"expires_at\\\":\\\"2026-05-01T00:00:00Z\\\",\\\"submission\\\":1}\"],[46,\"cli:$ME\",\"$C\",\"share_create\",\"share:2\",\"{\\\"bank\\\":\\\"第二銀行\\\",\\\"expires_at\\\":null,\\\"submission\\\":1}\"],[48,\"cli:$ME\",\"$C\",\"share_create\",\"share:3\",\"{\\\"bank\\\":\\\"サンプル銀行\\\",\\\"expires_at\\\":null,\\\"submission\\\":1}\"],[49,\"cli:$ME\",\"$C\",\"share_revoke\",\"share:3\",\"{\\\"bank\\\":\\\"サンプル銀行\\\",\\\"submission\\\":1}\"],[50,\"cli:$ME\",\"$C\",\"share_create\",\"share:4\",\"{\\\"bank\\\":\\\"サンプル銀行\\\",\\\"expires_at\\\":\\\"2026-06-01T12:00:00Z\\\",\\\"submission\\\":1}\"]]"
run "$SHINSA" audit verify
eq "the trail holds" "$rc" 0

# The database refuses to rewrite a share or its reads behind shinsa's back.
eq "a share changes only by revoking" "$(sqlite3 "$SHINSA_DB" "UPDATE share SET expires_at = NULL WHERE id = 1" 2>&1)" \
	"Error: stepping, a share changes only by being revoked, once (19)"
eq "a revoked share stays revoked" "$(sqlite3 "$SHINSA_DB" "UPDATE share SET revoked_at = NULL WHERE id = 3" 2>&1)" \
	"Error: stepping, a share changes only by being revoked, once (19)"
eq "shares are never deleted" "$(sqlite3 "$SHINSA_DB" "DELETE FROM share" 2>&1)" \
	"Error: stepping, shares are never deleted (19)"
eq "reads are append-only" "$(sqlite3 "$SHINSA_DB" "DELETE FROM share_access" 2>&1)" \
	"Error: stepping, share accesses are append-only (19)"
finish
