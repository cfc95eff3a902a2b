# shinsa questions: list a bank's supplementary questions for a connector
# (text and --json), answer one, clear it; the refusals with their messages.
. tests/cli/lib.sh
export SHINSA_NOW=2026-04-01T09:00:00Z
"$SHINSA" init >/dev/null
"$SHINSA" org add --kind connector --name 接続先A >/dev/null
"$SHINSA" org add --kind bank --name X銀行 >/dev/null
"$SHINSA" org add --kind bank --name Y銀行 >/dev/null
printf '通番\t区分\t項目\n1\t体制\t責任者を置く\n2\t監査\t外部監査を受ける\n' >"$T/x.tsv"
"$SHINSA" criteria import "$T/x.tsv" --org X銀行 >/dev/null
"$SHINSA" criteria map --org X銀行 2 --relation none >/dev/null

run "$SHINSA" questions list --org 接続先A --bank Y銀行
eq "a bank with no questions" "$rc:$out" "0:Y銀行 has no supplementary questions"
run "$SHINSA" questions answer --org 接続先A --bank X銀行 --key 2 --text 年1回受けている
eq "answer" "$rc:$out" "0:answered X銀行's question 2"
run "$SHINSA" questions list --org 接続先A --bank X銀行
eq "list" "$rc:$out" "0:2  監査
  外部監査を受ける
  answer (2026-04-01T09:00:00Z by cli:$(id -un)): 年1回受けている"
run "$SHINSA" questions list --org 接続先A --bank X銀行 --json
eq "list --json" "$rc:$(echo "$out" | jq -c .)" \
	"0:[{\"key\":\"2\",\"category\":\"監査\",\"text\":\"外部監査を受ける\",\"answer\":\"年1回受けている\",\"answered_at\":\"2026-04-01T09:00:00Z\",\"answered_by\":\"cli:$(id -un)\"}]"
run "$SHINSA" questions answer --org 接続先A --bank X銀行 --key 2 --text ""
eq "an empty text clears it" "$rc:$out" "0:cleared the answer to X銀行's question 2"
run "$SHINSA" questions list --org 接続先A --bank X銀行
eq "not answered" "$rc:$(echo "$out" | tail -n 1)" "0:  not answered"
eq "audited" "$("$SHINSA" audit list --org 接続先A --json | jq -c '[.[] | select(.action == "question_answer") | [.object, .details]]')" \
	'[["question:2-2","{\"bank\":\"X銀行\",\"cleared\":true,\"key\":\"2\"}"],["question:2-2","{\"bank\":\"X銀行\",\"cleared\":false,\"key\":\"2\"}"]]'

fails "a criterion with a counterpart" 1 'shinsa: X銀行 has no question "1"' \
	"$SHINSA" questions answer --org 接続先A --bank X銀行 --key 1 --text x
fails "not a bank" 1 'shinsa: no bank "接続先A"' \
	"$SHINSA" questions list --org 接続先A --bank 接続先A
fails "a bank does not answer" 1 'shinsa: X銀行 is a bank: answers belong to connectors' \
	"$SHINSA" questions answer --org X銀行 --bank X銀行 --key 2 --text x
fails "a bank lists no connector's answers" 1 'shinsa: X銀行 is a bank: answers belong to connectors' \
	"$SHINSA" questions list --org X銀行 --bank X銀行
fails "an answer from the command line is UTF-8" 1 'shinsa: the answer is not valid UTF-8' \
	"$SHINSA" questions answer --org 接続先A --bank X銀行 --key 2 --text "$(printf '\377\376')"
fails "--key is required" 2 'shinsa: questions answer: --key is required (usage: shinsa questions answer --org CONNECTOR --bank BANK --key KEY --text TEXT)' \
	"$SHINSA" questions answer --org 接続先A --bank X銀行 --text x
finish
