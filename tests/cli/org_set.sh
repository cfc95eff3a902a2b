# shinsa org set: a bank's approval setting (docs/reviews.md, "Approval
# before signing"), with its event only when it changes, and every usage
# and refusal line with nothing written.
. tests/cli/lib.sh
export SHINSA_NOW=2026-04-01T09:00:00Z
"$SHINSA" init >/dev/null
"$SHINSA" org add --kind bank --name 審査銀行 >/dev/null
"$SHINSA" org add --kind connector --name 接続先 >/dev/null
USAGE="(usage: shinsa org set NAME [--require-approval yes|no] [--attachment-quota SIZE|default])"
events() { sqlite3 "$SHINSA_DB" "SELECT count(*) FROM audit_event WHERE action = 'org_setting'"; }
setting() { sqlite3 "$SHINSA_DB" "SELECT require_approval FROM org WHERE name = '審査銀行'"; }

eq "off by default" "$(setting)" 0
run "$SHINSA" org set 審査銀行 --require-approval yes
eq "yes" "$rc:$out" "0:審査銀行: a decision is drafted by one user and signed once an approver approves it"
eq "stored" "$(setting)" 1
eq "the event" "$(sqlite3 "$SHINSA_DB" "SELECT actor, action, object, details FROM audit_event WHERE action = 'org_setting'")" \
	"cli:$(id -un)|org_setting|org:1|{\"require_approval\":true}"
run "$SHINSA" org set 審査銀行 --require-approval yes
eq "yes again: the same line, no second event" "$rc:$out:$(events)" \
	"0:審査銀行: a decision is drafted by one user and signed once an approver approves it:1"
run "$SHINSA" org set 審査銀行 --require-approval no
eq "no" "$rc:$out:$(setting):$(events)" "0:審査銀行: a decision is signed by the reviewer who decides:0:2"

fails "a connector" 1 "shinsa: 接続先 is a connector: only a bank decides reviews" "$SHINSA" org set 接続先 --require-approval yes
fails "no such organisation" 1 "shinsa: no organisation \"なし\" (shinsa org list shows them)" "$SHINSA" org set なし --require-approval yes
fails "no value" 2 "shinsa: org set: say what to set: --require-approval or --attachment-quota $USAGE" "$SHINSA" org set 審査銀行
fails "a bad value" 2 "shinsa: org set: --require-approval takes yes or no, not \"true\" $USAGE" \
	"$SHINSA" org set 審査銀行 --require-approval true
fails "no bank" 2 "shinsa: org set: name one organisation $USAGE" "$SHINSA" org set --require-approval yes
eq "nothing written by the refusals" "$(setting):$(events)" "0:2"
finish
