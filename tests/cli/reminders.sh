# shinsa reminders: re-assessment and plan notices into the outbox, once
# each (run twice writes nothing new), the outbox listed, delivery off by
# default, and delivery through a fake sendmail that keeps what it is given.
. tests/cli/lib.sh
export SHINSA_NOW=2026-04-01T09:00:00Z
"$SHINSA" init >/dev/null
A=接続先A
"$SHINSA" org add --kind connector --name "$A" >/dev/null
"$SHINSA" org add --kind bank --name X銀行 >/dev/null
"$SHINSA" org add --kind bank --name Y銀行 >/dev/null
adduser() { printf 'a passphrase for tests\n' | "$SHINSA" user add --org "$1" --email "$2" --role "$3" --password-stdin >/dev/null; }
adduser "$A" admin@a.test admin
adduser "$A" admin2@a.test admin
adduser "$A" editor@a.test editor
adduser X銀行 admin@x.test admin
adduser Y銀行 viewer@y.test viewer
for n in $(seq 1 38) 44; do
	"$SHINSA" answers set --org "$A" --item "$n" --status implemented --current "回答${n}" >/dev/null
done
"$SHINSA" answers set --org "$A" --item 3 --status partial --issues 課題 --plan 計画 --plan-due 2026-04-20 >/dev/null
"$SHINSA" submit --org "$A" >/dev/null
# X's admin takes no e-mail of notifications (service/notify.h), so that
# the share's own e-mail is not in this outbox of reminders.
sqlite3 "$SHINSA_DB" "INSERT INTO notify_email_off VALUES (4)"
"$SHINSA" share add 1 --bank X銀行 >/dev/null
"$SHINSA" share add 1 --bank Y銀行 >/dev/null
# The banks' cycles as PUT /api/v1/cycles/{connector} stores them (the API
# is tested in tests/http/plans.sh): X assessed A on 2025-04-15 every 12
# months (next due 2026-04-15, within 30 days), Y wanted it by 2026-03-31.
sqlite3 "$SHINSA_DB" "INSERT INTO cycle VALUES (2, 1, 12, NULL, '2025-04-15'); INSERT INTO cycle VALUES (3, 1, 12, '2026-03-31', NULL)"

run "$SHINSA" reminders list
eq "an empty outbox" "$rc:$out" "0:the outbox is empty"
run "$SHINSA" reminders run
eq "run: a due and an overdue re-assessment, to both sides" "$rc:$out" "0:wrote 4 notices (0 already in the outbox)"
run "$SHINSA" reminders run
eq "run again: nothing new" "$rc:$out" "0:wrote 0 notices (4 already in the outbox)"
run "$SHINSA" reminders list
eq "the outbox" "$rc:$out" "0:notice 1  2026-04-01T09:00:00Z  reassessment_due  to X銀行 <admin@x.test>  unsent
  【Shinsa】定期的な適合性確認の期限のお知らせ: $A（2026-04-15）
notice 2  2026-04-01T09:00:00Z  reassessment_due  to $A <admin2@a.test, admin@a.test>  unsent
  【Shinsa】X銀行 による定期的な適合性確認の期限のお知らせ（2026-04-15）
notice 3  2026-04-01T09:00:00Z  reassessment_overdue  to Y銀行 <no admin>  unsent
  【Shinsa】定期的な適合性確認の期限超過: $A（2026-03-31）
notice 4  2026-04-01T09:00:00Z  reassessment_overdue  to $A <admin2@a.test, admin@a.test>  unsent
  【Shinsa】Y銀行 による定期的な適合性確認の期限超過（2026-03-31）"
run "$SHINSA" reminders list --json
eq "list --json: a notice whole" "$rc:$(printf '%s\n' "$out" | jq -c '.[1]')" \
	"0:{\"id\":2,\"kind\":\"reassessment_due\",\"org\":\"$A\",\"recipients\":[\"admin2@a.test\",\"admin@a.test\"],\"subject\":\"【Shinsa】X銀行 による定期的な適合性確認の期限のお知らせ（2026-04-15）\",\"body\":\"$A 御中\\n\\nX銀行 による定期的な適合性確認の期限は 2026-04-15 です（周期 12か月、前回確認 2025-04-15）。\\n最新の回答を提出し、X銀行 と共有してください。\\n\\nX銀行's re-assessment of $A is due on 2026-04-15 (every 12 months; last assessed 2025-04-15).\\n\",\"created_at\":\"2026-04-01T09:00:00Z\",\"sent_at\":null}"
eq "the body for the bank, never assessed" "$(printf '%s\n' "$out" | jq -r '.[2].body')" "Y銀行 御中

$A の定期的な適合性確認の期限は 2026-03-31 を過ぎています（周期 12か月、前回確認 なし）。
Shinsa で提出物を確認し、審査を行ってください。

Re-assessment of $A was due on 2026-03-31 and is overdue (every 12 months; last assessed never)."
eq "each run is audited" "$("$SHINSA" audit list --json | jq -c '[reverse[] | select(.action == "reminders_run") | [.object, .details]]')" \
	'[["outbox","{\"already\":0,\"written\":4}"],["outbox","{\"already\":4,\"written\":0}"]]'

# Delivery.
fails "delivery is off by default" 1 "shinsa: delivery is off: set SHINSA_SENDMAIL to a sendmail-compatible program" \
	"$SHINSA" reminders send
cat >"$T/sendmail" <<'SH'
#!/bin/sh
# A fake sendmail: keeps its arguments and the message it is given.
n=$(ls "$(dirname "$0")"/mail.* 2>/dev/null | wc -l)
{ echo "args: $*"; cat; } >"$(dirname "$0")/mail.$((n + 1))"
SH
cat >"$T/badmail" <<'SH'
#!/bin/sh
cat >/dev/null
exit 3
SH
chmod +x "$T/sendmail" "$T/badmail"
SHINSA_SENDMAIL="$T/badmail" run "$SHINSA" reminders send
eq "a failing sendmail stops it, nothing marked sent" "$rc:$out:$err" "1:sent 0 notices:shinsa: notice 1: $T/badmail exited with status 3"
SHINSA_SENDMAIL="$T/sendmail" SHINSA_MAIL_FROM=shinsa@bank.example run "$SHINSA" reminders send
eq "send: each notice with recipients" "$rc:$out" "0:sent 3 notices (1 without recipients: their organisations have no admin)"
eq "the message as sendmail gets it" "$(cat "$T/mail.2")" "args: -t -i
From: shinsa@bank.example
To: admin2@a.test, admin@a.test
Subject: =?UTF-8?B?44CQU2hpbnNh44CRWOmKgOihjCDjgavjgojjgovlrprmnJ/nmoTjgarpgak=?=
 =?UTF-8?B?5ZCI5oCn56K66KqN44Gu5pyf6ZmQ44Gu44GK55+l44KJ44Gb77yIMjAyNi0w?=
 =?UTF-8?B?NC0xNe+8iQ==?=
Date: Wed, 01 Apr 2026 09:00:00 +0000
Message-ID: <shinsa-notice-2@bank.example>
MIME-Version: 1.0
Content-Type: text/plain; charset=UTF-8
Content-Transfer-Encoding: 8bit

$A 御中

X銀行 による定期的な適合性確認の期限は 2026-04-15 です（周期 12か月、前回確認 2025-04-15）。
最新の回答を提出し、X銀行 と共有してください。

X銀行's re-assessment of $A is due on 2026-04-15 (every 12 months; last assessed 2025-04-15)."
eq "python's email parser reads the subject back" "$(tail -n +2 "$T/mail.2" | python3 -c 'import sys, email, email.policy
print(email.message_from_file(sys.stdin, policy=email.policy.default)["subject"])' 2>&1)" \
	"【Shinsa】X銀行 による定期的な適合性確認の期限のお知らせ（2026-04-15）"
eq "three encoded words, none over 75 characters" \
	"$(grep -o '=?UTF-8?B?[^?]*?=' "$T/mail.2" | awk '{ if (length($0) > 75) long++ } END { print NR, long + 0 }')" "3 0"
run "$SHINSA" reminders list --json
eq "sent notices are marked" "$(printf '%s\n' "$out" | jq -c '[.[] | [.id, .sent_at]]')" \
	'[[1,"2026-04-01T09:00:00Z"],[2,"2026-04-01T09:00:00Z"],[3,null],[4,"2026-04-01T09:00:00Z"]]'
eq "each notice sent is audited in its recipient's trail" \
	"$("$SHINSA" audit list --org X銀行 --json | jq -c '[reverse[] | select(.action == "notice_sent") | [.actor, .object, .details]]')" \
	'[["cli:'"$(id -un)"'","notice:1","{\"kind\":\"reassessment_due\",\"recipients\":\"admin@x.test\"}"]]'
SHINSA_SENDMAIL="$T/sendmail" run "$SHINSA" reminders send
eq "send again: nothing more" "$rc:$out:$(ls "$T"/mail.* | wc -l)" "0:sent 0 notices (1 without recipients: their organisations have no admin):3"

# Past the plan's due date: the plan is overdue for A and for both banks
# that see it; X's re-assessment is now overdue (a new notice each).
export SHINSA_NOW=2026-04-21T08:00:00Z
run "$SHINSA" reminders run
eq "run later: the plan and the overdue re-assessment" "$rc:$out" "0:wrote 5 notices (2 already in the outbox)"
run "$SHINSA" reminders list --json
eq "the new notices" "$(printf '%s\n' "$out" | jq -c '[.[4:][] | [.id, .kind, .org, .subject]]')" \
	"[[5,\"reassessment_overdue\",\"X銀行\",\"【Shinsa】定期的な適合性確認の期限超過: $A（2026-04-15）\"],[6,\"reassessment_overdue\",\"$A\",\"【Shinsa】X銀行 による定期的な適合性確認の期限超過（2026-04-15）\"],[7,\"plan_overdue\",\"$A\",\"【Shinsa】改善計画の期限超過: 通番3（2026-04-20）\"],[8,\"plan_overdue\",\"X銀行\",\"【Shinsa】改善計画の期限超過: $A 通番3（2026-04-20）\"],[9,\"plan_overdue\",\"Y銀行\",\"【Shinsa】改善計画の期限超過: $A 通番3（2026-04-20）\"]]"
eq "the plan notice for the connector" "$(printf '%s\n' "$out" | jq -r '.[6].body')" "$A 御中

$A 通番3 の改善計画は期限 2026-04-20 を過ぎています（状況: 未着手）。
計画の進捗を Shinsa で更新してください。

The remediation plan of $A for item 3 was due on 2026-04-20 and is overdue (status: open)."
"$SHINSA" plans update 1 --org "$A" --status done >/dev/null
run "$SHINSA" reminders run
eq "a done plan is overdue no more" "$rc:$out" "0:wrote 0 notices (4 already in the outbox)"
# Consent: with every share between A and X revoked, the pair is reminded
# of nothing, though X's next re-assessment (moved to 2026-05-01) is due;
# a new share brings its reminders back.
"$SHINSA" share revoke 1 >/dev/null
sqlite3 "$SHINSA_DB" "UPDATE cycle SET next_due = '2026-05-01' WHERE bank_id = 2 AND connector_id = 1"
run "$SHINSA" reminders run
eq "no share in force between X and A: no reminder for them, Y's are there" "$rc:$out" "0:wrote 0 notices (2 already in the outbox)"
"$SHINSA" share add 1 --bank X銀行 >/dev/null
run "$SHINSA" reminders run
eq "shared again: reminded again" "$rc:$out" "0:wrote 2 notices (2 already in the outbox)"
run "$SHINSA" reminders list --json
eq "the reminders of the new share" "$(printf '%s\n' "$out" | jq -c '[.[9:][] | [.id, .kind, .org, .subject]]')" \
	"[[10,\"reassessment_due\",\"X銀行\",\"【Shinsa】定期的な適合性確認の期限のお知らせ: $A（2026-05-01）\"],[11,\"reassessment_due\",\"$A\",\"【Shinsa】X銀行 による定期的な適合性確認の期限のお知らせ（2026-05-01）\"]]"
# Plans under consent too: A's plan reopened (due 2026-09-30), X requires it
# by 2026-05-10, then A revokes X's share. Past that date X is reminded of
# nothing, nor is A of X's date (Y holds the plan to A's due, not passed);
# the next share brings the plan's notices back, to both.
"$SHINSA" plans update 1 --org "$A" --status open --due 2026-09-30 >/dev/null
sqlite3 "$SHINSA_DB" "INSERT INTO plan_required VALUES (1, 2, '2026-05-10')"
"$SHINSA" share revoke 3 >/dev/null
export SHINSA_NOW=2026-05-11T08:00:00Z
run "$SHINSA" reminders run
eq "no share in force between X and A: no plan notice about X's date to either" "$rc:$out" \
	"0:wrote 0 notices (2 already in the outbox)"
"$SHINSA" share add 1 --bank X銀行 >/dev/null
run "$SHINSA" reminders run
eq "shared again: the plan's notices and the overdue re-assessment" "$rc:$out" "0:wrote 4 notices (2 already in the outbox)"
run "$SHINSA" reminders list --json
eq "the notices of the share after" "$(printf '%s\n' "$out" | jq -c '[.[11:][] | [.id, .kind, .org, .subject]]')" \
	"[[12,\"reassessment_overdue\",\"X銀行\",\"【Shinsa】定期的な適合性確認の期限超過: $A（2026-05-01）\"],[13,\"reassessment_overdue\",\"$A\",\"【Shinsa】X銀行 による定期的な適合性確認の期限超過（2026-05-01）\"],[14,\"plan_overdue\",\"$A\",\"【Shinsa】改善計画の期限超過: 通番3（2026-05-10）\"],[15,\"plan_overdue\",\"X銀行\",\"【Shinsa】改善計画の期限超過: $A 通番3（2026-05-10）\"]]"
fails "a notice is never deleted" 19 "Error: stepping, notices are never deleted (19)" sqlite3 "$SHINSA_DB" "DELETE FROM outbox WHERE id = 1"
fails "a notice changes only by being sent" 19 "Error: stepping, a notice changes only by being sent, once (19)" sqlite3 "$SHINSA_DB" "UPDATE outbox SET body = 'x' WHERE id = 3"

# An attached file's 有効期限 (a database of its own): a notice to the
# connector 60 days before, 30 days before and on the day, each written
# once; a run that missed the 60-day mark sends only the nearest; a file
# with no date, or removed, is reminded of nothing.
export SHINSA_DB="$T/expiry.db" SHINSA_NOW=2026-04-01T09:00:00Z
"$SHINSA" init >/dev/null
"$SHINSA" org add --kind connector --name "$A" >/dev/null
adduser "$A" admin@a.test admin
printf '%%PDF-1.4\nISMS\n%%%%EOF\n' >"$T/isms.pdf"
printf '%%PDF-1.4\nP\n%%%%EOF\n' >"$T/policy.pdf"
printf '%%PDF-1.4\nR\n%%%%EOF\n' >"$T/old.pdf"
"$SHINSA" attach add --org "$A" --item 2 --item 3 "$T/isms.pdf" --title ISMS認証書 --valid-until 2026-06-30 >/dev/null
"$SHINSA" attach add --org "$A" --item 5 "$T/policy.pdf" >/dev/null
"$SHINSA" attach add --org "$A" --item 6 "$T/old.pdf" --valid-until 2026-04-15 >/dev/null
"$SHINSA" attach remove --org "$A" 3 >/dev/null
subjects() { "$SHINSA" reminders list --json | jq -c '[.[] | [.id, .kind, .org, .subject]]'; }
run "$SHINSA" reminders run
eq "more than 60 days ahead: nothing" "$rc:$out" "0:wrote 0 notices (0 already in the outbox)"
export SHINSA_NOW=2026-05-01T09:00:00Z
run "$SHINSA" reminders run
eq "60 days before" "$rc:$out" "0:wrote 1 notice (0 already in the outbox)"
run "$SHINSA" reminders run
eq "60 days before, run again: nothing new" "$rc:$out" "0:wrote 0 notices (1 already in the outbox)"
eq "the notice" "$("$SHINSA" reminders list --json | jq -c '.[0] | [.kind, .recipients, .subject, .body]')" \
	"[\"attachment_expiring\",[\"admin@a.test\"],\"【Shinsa】添付ファイルの有効期限のお知らせ: isms.pdf（2026-06-30）\",\"$A 御中\\n\\n添付ファイル「isms.pdf」（件名「ISMS認証書」、通番 2, 3）の有効期限は 2026-06-30 です（60日前のお知らせ）。\\n更新したファイルを Shinsa で添付し、新しい有効期限を入力してください。\\n\\nThe attached file \\\"isms.pdf\\\" (items 2, 3) is valid until 2026-06-30 (60 days' notice).\\n\"]"
export SHINSA_NOW=2026-05-31T09:00:00Z
run "$SHINSA" reminders run
eq "30 days before" "$rc:$out" "0:wrote 1 notice (0 already in the outbox)"
export SHINSA_NOW=2026-06-30T09:00:00Z
run "$SHINSA" reminders run
eq "on the day" "$rc:$out" "0:wrote 1 notice (0 already in the outbox)"
export SHINSA_NOW=2026-07-15T09:00:00Z
run "$SHINSA" reminders run
eq "after the day: nothing more" "$rc:$out" "0:wrote 0 notices (1 already in the outbox)"
eq "one notice each: 60, 30 and 0 days before" "$(subjects)" \
	"[[1,\"attachment_expiring\",\"$A\",\"【Shinsa】添付ファイルの有効期限のお知らせ: isms.pdf（2026-06-30）\"],[2,\"attachment_expiring\",\"$A\",\"【Shinsa】添付ファイルの有効期限のお知らせ: isms.pdf（2026-06-30）\"],[3,\"attachment_expiring\",\"$A\",\"【Shinsa】添付ファイルの有効期限切れ: isms.pdf（2026-06-30）\"]]"
eq "the day's body" "$("$SHINSA" reminders list --json | jq -r '.[2].body')" "$A 御中

添付ファイル「isms.pdf」（件名「ISMS認証書」、通番 2, 3）の有効期限は 本日 2026-06-30 です。
更新したファイルを Shinsa で添付し、新しい有効期限を入力してください。

The attached file \"isms.pdf\" (items 2, 3) is valid until today, 2026-06-30."
# A new date is a new reminder; a file first seen 20 days before its date
# gets the 30-day notice only.
"$SHINSA" attach set --org "$A" 2 --valid-until 2026-08-04 >/dev/null
run "$SHINSA" reminders run
eq "20 days ahead: only the nearest notice" "$rc:$(subjects | jq -c '.[3:]')" \
	"0:[[4,\"attachment_expiring\",\"$A\",\"【Shinsa】添付ファイルの有効期限のお知らせ: policy.pdf（2026-08-04）\"]]"
eq "its body says 30 days" "$("$SHINSA" reminders list --json | jq -r '.[3].body' | sed -n 3p)" \
	"添付ファイル「policy.pdf」（通番 5）の有効期限は 2026-08-04 です（30日前のお知らせ）。"
finish
