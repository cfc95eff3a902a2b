# The imports over HTTP with a small .xlsx whose parts inflate to huge XML
# comments (issue 14): read in time in proportion to its size (the server's
# CPU measured), and refused past the CPU budget (SHINSA_IMPORT_CPU_MS) with
# the exact message and its problem as data, for the answers import and the
# criteria import.
. tests/http/lib.sh
export SHINSA_NOW=2026-04-01T09:00:00Z
"$SHINSA" init >/dev/null
# 49 MiB comments at the end of four of the parts read: 196 MiB of XML in
# some 215 KB of zip (before, a minute of the server's CPU).
"$SHINSA" form api-checklist-2018-08 -o "$T/blank.xlsx" >/dev/null
python3 tests/cli/xlsx_comment.py "$T/blank.xlsx" "$T/huge.xlsx" 49 \
	_rels/.rels xl/workbook.xml xl/sharedStrings.xml xl/worksheets/sheet1.xml || not_ok "xlsx_comment.py"
for who in "connector 接続先A admin@a.test admin" "bank 銀行B reviewer@b.test reviewer"; do
	set -- $who
	"$SHINSA" org add --kind "$1" --name "$2" >/dev/null
	add_user "$2" "$3" "$4"
done
XLSX=application/vnd.openxmlformats-officedocument.spreadsheetml.sheet

# upload PATH FILE [TYPE]: POSTs the file's bytes as the current identity;
# 20 s at most, so a server in the square of the comments' length fails
# here, not minutes later.
upload() {
	req --max-time 20 -b "$T/jar.$WHO" -c "$T/jar.$WHO" -X POST -H "X-CSRF-Token: $CSRF" \
		-H "Content-Type: ${3:-$XLSX}" --data-binary @"$2" "$URL$1"
}
# The server's CPU time so far, in clock ticks (utime + stime in
# /proc/PID/stat, after the command's name, which may hold spaces).
server_cpu() { sed 's/^.*) //' "/proc/$SERVER_PID/stat" | awk '{ print $12 + $13 }'; }
# "yes" if the server used under 2 s of CPU since $cpu0 ticks.
under2() {
	awk -v a="$cpu0" -v b="$(server_cpu)" -v hz="$(getconf CLK_TCK)" \
		'BEGIN { s = (b - a) / hz; print (s < 2 ? "yes" : "no, " s " s") }'
}

start_server
login admin@a.test
cpu0=$(server_cpu)
upload '/api/v1/answers/import?dry_run=1' "$T/huge.xlsx"
eq "answers import of the huge comments: read" "$code $(jq -c '[.items, .changes, .written]' "$T/b")" '200 [45,[],false]'
eq "answers import of the huge comments: under 2 s of the server's CPU" "$(under2)" yes
login reviewer@b.test
cpu0=$(server_cpu)
upload '/api/v1/criteria?format=xlsx&name=huge.xlsx' "$T/huge.xlsx" application/octet-stream
eq "criteria import of the huge comments: read, then refused for what it holds" "$code $(jq -c '.error.problems' "$T/b")" \
	'400 [{"cell":"huge.xlsx","code":"no_header","args":[]}]'
eq "criteria import of the huge comments: under 2 s of the server's CPU" "$(under2)" yes
stop_server

# One millisecond: the first part alone inflates 49 MiB, so the budget runs
# out in it, whatever else the machine is doing.
SHINSA_IMPORT_CPU_MS=1 start_server
login admin@a.test
upload '/api/v1/answers/import' "$T/huge.xlsx"
eq "answers import past the budget: 400 with the problem as data" "$code $body" \
	'400 {"error":{"code":"bad_request","message":"xlsx file takes more than 1 ms of CPU to read (stopped in part _rels/.rels)","problems":[{"cell":"","code":"too_slow","args":["1","_rels/.rels"]}]}}'
eq "answers import past the budget: nothing written" "$("$SHINSA" answers show --org 接続先A --json | jq -c '[.items[] | select(.status)] | length')" 0
login reviewer@b.test
upload '/api/v1/criteria?format=xlsx&name=huge.xlsx' "$T/huge.xlsx" application/octet-stream
eq "criteria import past the budget: 400 with the problem as data" "$code $body" \
	'400 {"error":{"code":"bad_request","message":"huge.xlsx: xlsx file takes more than 1 ms of CPU to read (stopped in part _rels/.rels)","problems":[{"cell":"huge.xlsx","code":"too_slow","args":["1","_rels/.rels"]}]}}'
api GET /api/v1/criteria
eq "criteria import past the budget: nothing written" "$code $body" \
	'404 {"error":{"code":"not_found","message":"no criteria imported yet"}}'
stop_server
finish
