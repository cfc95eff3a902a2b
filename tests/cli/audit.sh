# shinsa audit: every change leaves exactly its event; the chain is checked
# by the documented rule with tools that are not ours; and a database edited
# behind shinsa's back (triggers dropped, as someone with the file could) is
# caught at the exact event.
. tests/cli/lib.sh
export SHINSA_NOW=2026-04-01T09:00:00Z

"$SHINSA" init >/dev/null || { echo "init failed"; exit 1; }
ME="cli:$(id -un)"
C=株式会社フィンテック
D=別の接続先
count() { sqlite3 "$SHINSA_DB" "SELECT count(*) FROM audit_event"; }

run "$SHINSA" audit verify
eq "an empty trail" "$rc:$out" "0:audit trail intact: 0 events, last hash 0000000000000000000000000000000000000000000000000000000000000000"
run "$SHINSA" audit list
eq "nothing to list" "$rc:$out" "0:no audit events"

"$SHINSA" org add --kind connector --name "$C" --reg-no "関東財務局長（電代）第1号" >/dev/null
"$SHINSA" org add --kind bank --name サンプル銀行 >/dev/null
for n in $(seq 1 38) 44; do
	"$SHINSA" answers set --org "$C" --item "$n" --status implemented --current "第${n}項: 対応済み。" >/dev/null
done
eq "one event per org add and per answers set" "$(count)" 41
export SHINSA_NOW=2026-04-02T10:00:00Z
"$SHINSA" answers set --org "$C" --item 2 --status partial --issues "委託先管理の規程がない。" --plan 整備する \
	--plan-due 2026-09-30 --current "第2項: 対応済み。" >/dev/null
"$SHINSA" answers export --org "$C" -o "$T/c.xlsx" >/dev/null
"$SHINSA" org add --kind connector --name "$D" >/dev/null
run "$SHINSA" submit --org "$D"
eq "a refused submission leaves no event" "$rc:$(echo "$err" | head -n 1):$(count)" "1:shinsa: cannot submit: 39 problems to fix:45"
run "$SHINSA" answers import "$T/c.xlsx" --org "$D" --dry-run
eq "a dry run leaves no event" "$rc:$(count)" "0:45"
export SHINSA_NOW=2026-04-02T11:00:00Z
"$SHINSA" answers import "$T/c.xlsx" --org "$D" >/dev/null
run "$SHINSA" answers import "$T/c.xlsx" --org "$D"
eq "an import that changes nothing leaves no event" "$rc:$out:$(count)" \
	"0:imported 45 items (0 changed) from $T/c.xlsx:47"
SUB=$("$SHINSA" submit --org "$C" --json | jq -r .sha256)
"$SHINSA" submission export 1 -o "$T/s.json" >/dev/null

# Failures write neither the change nor its event.
fails "a refused edit" 1 'shinsa: item 3: bad status "done" (want implemented, partial, not_implemented or not_applicable)' \
	"$SHINSA" answers set --org "$C" --item 3 --status done
fails "an export that cannot be written" 1 "shinsa: cannot write $T/no/c.xlsx: No such file or directory" \
	"$SHINSA" answers export --org "$C" -o "$T/no/c.xlsx"
fails "a submission export that cannot be written" 1 "shinsa: cannot write $T/no/s.json: No such file or directory" \
	"$SHINSA" submission export 1 -o "$T/no/s.json"
fails "an org that exists already" 1 "shinsa: an organisation named \"$D\" already exists" \
	"$SHINSA" org add --kind connector --name "$D"
eq "no events for what failed" "$(count)" 49

run "$SHINSA" audit list --limit 9 --json
eq "audit list --json: the last events" "$rc:$(echo "$out" | jq -c '.[] | [.seq, .at, .actor, .org_id, .org, .action, .object, (.details | fromjson | if .changed then .n = (.changed | length) | .changed |= .[0:2] else . end)]' | sed "s/$ME/ME/g")" \
'0:[49,"2026-04-02T11:00:00Z","ME",1,"株式会社フィンテック","submission_export","submission:1",{"file":"'"$T"'/s.json","sha256":"'"$SUB"'","version":1}]
[48,"2026-04-02T11:00:00Z","ME",1,"株式会社フィンテック","submission_create","submission:1",{"catalog":"api-checklist-2018-08","sha256":"'"$SUB"'","version":1}]
[47,"2026-04-02T11:00:00Z","ME",3,"別の接続先","plan_create","plan:2",{"catalog":"api-checklist-2018-08","due":"2026-09-30","no":2}]
[46,"2026-04-02T11:00:00Z","ME",3,"別の接続先","answers_import","answer_set:api-checklist-2018-08",{"catalog":"api-checklist-2018-08","changed":[{"fields":["status","current"],"no":1},{"fields":["status","current","issues","plan","plan_due"],"no":2}],"file":"'"$T"'/c.xlsx","read":45,"n":39}]
[45,"2026-04-02T10:00:00Z","ME",3,"別の接続先","org_add","org:3",{"kind":"connector","name":"別の接続先","public_key":"'"$(sqlite3 "$SHINSA_DB" "SELECT public_key FROM org WHERE id = 3")"'","reg_no":null}]
[44,"2026-04-02T10:00:00Z","ME",1,"株式会社フィンテック","answers_export","answer_set:api-checklist-2018-08",{"catalog":"api-checklist-2018-08","file":"'"$T"'/c.xlsx"}]
[43,"2026-04-02T10:00:00Z","ME",1,"株式会社フィンテック","plan_create","plan:1",{"catalog":"api-checklist-2018-08","due":"2026-09-30","no":2}]
[42,"2026-04-02T10:00:00Z","ME",1,"株式会社フィンテック","answer_edit","answer:2",{"catalog":"api-checklist-2018-08","fields":["status","issues","plan","plan_due"]}]
[41,"2026-04-01T09:00:00Z","ME",1,"株式会社フィンテック","answer_edit","answer:44",{"catalog":"api-checklist-2018-08","fields":["status","current"]}]'
run "$SHINSA" audit list --org サンプル銀行
eq "audit list --org, for people" "$rc:$(echo "$out" | sed "s/$ME/ME/; s/[0-9a-f]\{64\}/KEY/")" \
	'0:2  2026-04-01T09:00:00Z  ME  サンプル銀行  org_add  org:2  {"kind":"bank","name":"サンプル銀行","public_key":"KEY","reg_no":null}'
run "$SHINSA" audit list --org "$D" --limit 1 --before 46 --json
eq "audit list pages back with --before" "$rc:$(echo "$out" | jq -c '[.[] | .seq]')" "0:[45]"
fails "audit list --limit" 2 'shinsa: audit list: --limit wants a number from 1 to 10000, not "0" (usage: shinsa audit list [--org NAME] [--limit N] [--before SEQ] [--json])' \
	"$SHINSA" audit list --limit 0
fails "audit list --org that does not exist" 1 'shinsa: no organisation "X社" (shinsa org list shows them)' \
	"$SHINSA" audit list --org X社
fails "audit verify --anchor" 2 'shinsa: audit verify: --anchor wants a hash of 64 hex digits (usage: shinsa audit verify [--anchor HASH])' \
	"$SHINSA" audit verify --anchor abc

LAST=$(sqlite3 "$SHINSA_DB" "SELECT hash FROM audit_event WHERE seq = 49")
run "$SHINSA" audit verify
eq "audit verify" "$rc:$out" "0:audit trail intact: 49 events, last hash $LAST"
ANCHOR=$(sqlite3 "$SHINSA_DB" "SELECT hash FROM audit_event WHERE seq = 44")
run "$SHINSA" audit verify --anchor "$ANCHOR"
eq "audit verify --anchor" "$rc:$out" "0:audit trail intact: 49 events, last hash $LAST
the anchor is event 44"

# The hash rule as documented, recomputed by Python from a database row (an
# import with Japanese in its details) ...
recompute() { # DB SEQ: the hash of the row by the rule in core/audit.h
	python3 - "$1" "$2" <<'PY'
import hashlib, sqlite3, sys
row = sqlite3.connect(sys.argv[1]).execute(
    "SELECT seq, at, actor, org_id, action, object, details, prev_hash FROM audit_event WHERE seq = ?",
    (int(sys.argv[2]),)).fetchone()
def netstring(v):
    b = ("" if v is None else str(v)).encode()
    return str(len(b)).encode() + b":" + b + b","
print(hashlib.sha256(b"".join(netstring(v) for v in ("shinsa-audit/1",) + row)).hexdigest())
PY
}
eq "python3 recomputes a hash from its row" "$(recompute "$SHINSA_DB" 45)" "$(sqlite3 "$SHINSA_DB" "SELECT hash FROM audit_event WHERE seq = 45")"
# ... and by the shell and sha256sum from audit list --json.
ns() { printf '%d:%s,' "$(printf %s "$1" | wc -c)" "$1"; }
ev=$("$SHINSA" audit list --limit 1 --json | jq -c '.[0]')
f() { echo "$ev" | jq -r ".$1 // \"\""; }
eq "sha256sum recomputes a hash from audit list --json" \
	"$({ ns shinsa-audit/1; ns "$(f seq)"; ns "$(f at)"; ns "$(f actor)"; ns "$(f org_id)"; ns "$(f action)"; ns "$(f object)"; ns "$(f details)"; ns "$(f prev_hash)"; } | sha256sum | cut -c1-64)" \
	"$(f hash)"

# (sqlite3's wording around the trigger's message varies by version.)
run sqlite3 "$SHINSA_DB" "UPDATE audit_event SET actor = 'x' WHERE seq = 3"
eq "the database refuses an UPDATE" "$rc:$(echo "$err" | grep -o 'audit events are append-only')" "19:audit events are append-only"
run sqlite3 "$SHINSA_DB" "DELETE FROM audit_event WHERE seq = 3"
eq "the database refuses a DELETE" "$rc:$(echo "$err" | grep -o 'audit events are append-only')" "19:audit events are append-only"

# Someone with the file drops the triggers and edits a copy of the database.
tamper() { # SQL: a fresh copy with the triggers gone and SQL run on it
	cp "$SHINSA_DB" "$T/t.db"
	sqlite3 "$T/t.db" "DROP TRIGGER audit_event_no_update; DROP TRIGGER audit_event_no_delete; $1"
}
rehash() { # SEQ [PREV]: recomputes the hash of event SEQ of the copy (with PREV as its previous hash)
	[ $# -gt 1 ] && sqlite3 "$T/t.db" "UPDATE audit_event SET prev_hash = '$2' WHERE seq = $1"
	sqlite3 "$T/t.db" "UPDATE audit_event SET hash = '$(recompute "$T/t.db" "$1")' WHERE seq = $1"
}
hash_of() { sqlite3 "$T/t.db" "SELECT hash FROM audit_event WHERE seq = $1"; }

tamper "UPDATE audit_event SET details = replace(details, 'plan_due', 'notes') WHERE seq = 42"
fails "one row changed" 1 "shinsa: audit trail broken: event 42: hash does not match its contents" \
	"$SHINSA" --db "$T/t.db" audit verify
tamper "UPDATE audit_event SET actor = 'cli:someone-else' WHERE seq = 17"
rehash 17
fails "one row changed and its hash recomputed" 1 "shinsa: audit trail broken: event 18: previous hash does not match event 17" \
	"$SHINSA" --db "$T/t.db" audit verify
tamper "DELETE FROM audit_event WHERE seq = 12"
fails "one row deleted" 1 "shinsa: audit trail broken: event 12 missing: sequence jumps from 11 to 13" \
	"$SHINSA" --db "$T/t.db" audit verify
tamper "DELETE FROM audit_event WHERE seq BETWEEN 1 AND 2"
fails "the first rows deleted" 1 "shinsa: audit trail broken: events 1 to 2 missing: sequence jumps from 0 to 3" \
	"$SHINSA" --db "$T/t.db" audit verify
# Events 44 and 45 swapped, each rehashed onto its new predecessor: the swap
# itself fits, the event after it does not.
tamper "UPDATE audit_event SET seq = 100 WHERE seq = 45; UPDATE audit_event SET seq = 45 WHERE seq = 44;
	UPDATE audit_event SET seq = 44 WHERE seq = 100"
rehash 44 "$(hash_of 43)"
rehash 45 "$(hash_of 44)"
fails "two events reordered" 1 "shinsa: audit trail broken: event 46: previous hash does not match event 45" \
	"$SHINSA" --db "$T/t.db" audit verify
# The tail rewritten onto a different predecessor: caught where it starts.
tamper "UPDATE audit_event SET object = 'submission:9' WHERE seq = 46"
rehash 46 "$(hash_of 44)"
rehash 47 "$(hash_of 46)"
fails "a tail rewritten onto another event" 1 "shinsa: audit trail broken: event 46: previous hash does not match event 45" \
	"$SHINSA" --db "$T/t.db" audit verify
# A tail removed, or rewritten consistently, leaves a chain that fits: what
# catches it is a last hash kept elsewhere (--anchor).
tamper "UPDATE audit_event SET object = 'submission:9' WHERE seq = 46"
rehash 46
rehash 47 "$(hash_of 46)"
rehash 48 "$(hash_of 47)"
rehash 49 "$(hash_of 48)"
run "$SHINSA" --db "$T/t.db" audit verify
eq "a consistently rewritten tail fits the chain" "$rc:$out" "0:audit trail intact: 49 events, last hash $(hash_of 49)"
fails "... but not the anchor" 1 "shinsa: audit trail broken: no event has the anchor hash $LAST (the events from it on were removed or rewritten)" \
	"$SHINSA" --db "$T/t.db" audit verify --anchor "$LAST"
tamper "DELETE FROM audit_event WHERE seq = 49"
fails "a removed last event is caught by the anchor" 1 "shinsa: audit trail broken: no event has the anchor hash $LAST (the events from it on were removed or rewritten)" \
	"$SHINSA" --db "$T/t.db" audit verify --anchor "$LAST"
run "$SHINSA" audit verify --anchor "$LAST"
eq "the real database still verifies" "$rc:$out" "0:audit trail intact: 49 events, last hash $LAST
the anchor is event 49"

finish
