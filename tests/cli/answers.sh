# shinsa org and shinsa answers: the connector's master answer set.
. tests/cli/lib.sh
export SHINSA_NOW=2026-04-01T09:00:00Z

"$SHINSA" init >/dev/null || { echo "init failed"; exit 1; }
C=株式会社フィンテック
B=サンプル銀行

run "$SHINSA" org add --kind connector --name "$C" --reg-no "関東財務局長（電代）第1号"
eq "org add connector" "$rc:$(echo "$out" | sed 's/signing key [0-9a-f]\{64\}/signing key KEY/')" \
	"0:added connector $C (id 1, signing key KEY)"
run "$SHINSA" org add --kind bank --name "$B"
eq "org add bank" "$rc" 0
run "$SHINSA" org list --json
eq "org list --json" "$(echo "$out" | jq -c '[.[] | [.id, .kind, .name, .reg_no, (.public_key | length), .created_at]]')" \
	"[[2,\"bank\",\"$B\",null,64,\"2026-04-01T09:00:00Z\"],[1,\"connector\",\"$C\",\"関東財務局長（電代）第1号\",64,\"2026-04-01T09:00:00Z\"]]"
eq "the private key is stored sealed" "$(sqlite3 "$SHINSA_DB" "SELECT substr(sealed_key, 1, 3), length(sealed_key) FROM org WHERE id = 1")" "v1:|143"
fails "a name is unique" 1 "shinsa: an organisation named \"$B\" already exists" \
	"$SHINSA" org add --kind bank --name "$B"
fails "kind is checked" 1 'shinsa: unknown kind "fintech" (want connector or bank)' \
	"$SHINSA" org add --kind fintech --name X
fails "a blank name" 1 'shinsa: organisation name is empty' \
	"$SHINSA" org add --kind bank --name "　"
fails "a registration number with a control character" 1 'shinsa: registration number contains a control character or invalid UTF-8' \
	"$SHINSA" org add --kind connector --name Y社 --reg-no "$(printf 'No.\t1')"
fails "org add needs a name" 2 'shinsa: org add: --kind and --name are required (usage: shinsa org add --kind connector|bank --name NAME [--reg-no TEXT])' \
	"$SHINSA" org add --kind bank
SHINSA_SECRET_FILE="$T/missing.key" run "$SHINSA" org add --kind bank --name Z銀行
eq "no secret, no org" "$rc:$err" "1:shinsa: no server secret (set SHINSA_SECRET, or run shinsa init to create the key file): cannot read $T/missing.key: No such file or directory"

run "$SHINSA" answers set --org "$C" --item 1 --status implemented --current "情報セキュリティ規程を整備し、責任者を任命済み。"
eq "answer an item" "$rc:$out" "0:item 1: implemented"
run "$SHINSA" answers set --org "$C" --item 2 --status partial --issues "委託先管理の規程がない。" --plan "=2026年度中に整備" --plan-due 2026-09-30
eq "answer with a plan" "$rc" 0
run "$SHINSA" answers set --org "$C" --item 2 --notes "改訂中"
run "$SHINSA" answers show --org "$C" --json
eq "answers show --json" "$(echo "$out" | jq -c '{org, catalog, n: (.items | length), first: (.items[0:3] | map(del(.revision))), revisions: ([.items[].revision | test("^[0-9a-f]{16}$")] | all)}')" \
	"{\"org\":\"$C\",\"catalog\":\"api-checklist-2018-08\",\"n\":45,\"first\":[{\"no\":1,\"status\":\"implemented\",\"current\":\"情報セキュリティ規程を整備し、責任者を任命済み。\",\"issues\":\"\",\"plan\":\"\",\"plan_due\":null,\"notes\":\"\"},{\"no\":2,\"status\":\"partial\",\"current\":\"\",\"issues\":\"委託先管理の規程がない。\",\"plan\":\"=2026年度中に整備\",\"plan_due\":\"2026-09-30\",\"notes\":\"改訂中\"},{\"no\":3,\"status\":null,\"current\":\"\",\"issues\":\"\",\"plan\":\"\",\"plan_due\":null,\"notes\":\"\"}],\"revisions\":true}"
run "$SHINSA" answers show --org "$C"
eq "answers show, for people" "$(echo "$out" | sed -n '1,9p')" "$C: api-checklist-2018-08
  1  対応済
     現在の対応状況: 情報セキュリティ規程を整備し、責任者を任命済み。
  2  一部対応
     課題認識: 委託先管理の規程がない。
     課題への対応計画: =2026年度中に整備
     対応予定日: 2026-09-30
     備考: 改訂中
  3  (未回答)"

fails "bank items are the bank's" 1 'shinsa: item 39 is the bank'"'"'s to answer (対象者: 銀行)' \
	"$SHINSA" answers set --org "$C" --item 39 --status implemented
fails "a bad status" 1 'shinsa: item 3: bad status "done" (want implemented, partial, not_implemented or not_applicable)' \
	"$SHINSA" answers set --org "$C" --item 3 --status done
fails "a bad date" 1 'shinsa: item 2: 2026-02-30 is not a day' \
	"$SHINSA" answers set --org "$C" --item 2 --plan-due 2026-02-30
run "$SHINSA" answers set --org "$C" --item ２ --notes "改訂中（全角の通番）"
eq "--item as typed in Japan: ２" "$rc:$out" "0:item 2: partial"
fails "--item names one item" 2 'shinsa: answers set: --item wants an item number (通番), not "2、3" (usage: shinsa answers set --org NAME --item N [--status S] [--current T] [--issues T] [--plan T] [--plan-due D] [--notes T])' \
	"$SHINSA" answers set --org "$C" --item 2、3 --notes x
fails "an item that does not exist" 1 'shinsa: api-checklist-2018-08 has no item 46' \
	"$SHINSA" answers set --org "$C" --item 46 --status implemented
fails "a bank has no answer set" 1 "shinsa: $B is a bank: answer sets belong to connectors" \
	"$SHINSA" answers show --org "$B"
fails "an unknown organisation" 1 'shinsa: no organisation "X社" (shinsa org list shows them)' \
	"$SHINSA" answers show --org X社
fails "a criteria catalog has no answers" 1 'shinsa: bank-criteria-sample is a criteria catalog, not a checklist' \
	"$SHINSA" answers show --org "$C" --catalog bank-criteria-sample
fails "nothing to set" 2 'shinsa: answers set: nothing to set (give --status, --current, ...) (usage: shinsa answers set --org NAME --item N [--status S] [--current T] [--issues T] [--plan T] [--plan-due D] [--notes T])' \
	"$SHINSA" answers set --org "$C" --item 3
run "$SHINSA" answers show --org "$C" --json
eq "failed edits changed nothing" "$(echo "$out" | jq -c '[.items[1,2,38] | [.status, .plan_due]]')" '[["partial","2026-09-30"],[null,null],[null,null]]'

run "$SHINSA" answers check --org "$C"
eq "check lists everything missing" "$rc:$(echo "$out" | head -n 3):$(echo "$out" | wc -l):$err" \
	"1:item 3: no status
item 4: no status
item 5: no status:37:shinsa: 37 problems to fix before submitting"
# A contradiction is a warning after the problems: it does not stop a
# submission, and it is not counted among the problems.
"$SHINSA" answers set --org "$C" --item 1 --issues "一部の規程が未改訂" >/dev/null
run "$SHINSA" answers check --org "$C"
eq "check warns of a contradiction" "$rc:$(echo "$out" | tail -n 1):$(echo "$out" | wc -l):$err" \
	"1:warning: item 1: implemented, yet the issues (課題認識) have text:38:shinsa: 37 problems to fix before submitting"

finish
