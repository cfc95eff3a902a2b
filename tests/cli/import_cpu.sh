# A small .xlsx whose parts inflate to huge XML comments (issue 14): read in
# time in proportion to its size, for the answers import and the criteria
# import alike, and refused past the CPU budget (SHINSA_IMPORT_CPU_MS) with
# the exact message, nothing written.
. tests/cli/lib.sh
export SHINSA_NOW=2026-04-01T09:00:00Z
# Each command stops at 10 s of CPU: a reader in the square of the comments'
# length (over a minute for this file) fails here in seconds.
ulimit -t 10
"$SHINSA" init >/dev/null || { echo "init failed"; exit 1; }
"$SHINSA" org add --kind connector --name 接続先A >/dev/null
"$SHINSA" org add --kind bank --name 銀行B >/dev/null
"$SHINSA" form api-checklist-2018-08 -o "$T/blank.xlsx" >/dev/null
# 49 MiB comments at the end of four of the parts read: 196 MiB of XML in
# some 215 KB of zip. Before, reading it took over a minute of CPU.
python3 tests/cli/xlsx_comment.py "$T/blank.xlsx" "$T/huge.xlsx" 49 \
	_rels/.rels xl/workbook.xml xl/sharedStrings.xml xl/worksheets/sheet1.xml || not_ok "xlsx_comment.py"
size=$(wc -c <"$T/huge.xlsx")
eq "the file is small" "$([ "$size" -lt 266000 ] && echo yes)" yes

# timed CMD...: like run, and $cpu is the CPU seconds it used (user +
# system), from a subshell that runs nothing else.
timed() {
	("$@" >"$T/out" 2>"$T/err"; echo $? >"$T/rc"; times >"$T/times")
	rc=$(cat "$T/rc")
	out=$(cat "$T/out")
	err=$(cat "$T/err")
	# times: the shell's user and system time, then its children's
	cpu=$(sed -n 2p "$T/times" | awk '{ split($1, u, /[ms]/); split($2, s, /[ms]/); printf "%.2f", u[1] * 60 + u[2] + s[1] * 60 + s[2] }')
}
under2() { awk -v c="${cpu:-99}" 'BEGIN { print (c < 2 ? "yes" : "no, " c " s") }'; }

before=$("$SHINSA" answers show --org 接続先A --json)
timed "$SHINSA" answers import "$T/huge.xlsx" --org 接続先A --dry-run
eq "answers import of the huge comments: read" "$rc:$out" \
	"0:dry run: 45 items read from $T/huge.xlsx, 0 would change; nothing written"
eq "answers import of the huge comments: under 2 s of CPU" "$(under2)" yes
timed "$SHINSA" criteria import "$T/huge.xlsx" --org 銀行B --format xlsx
eq "criteria import of the huge comments: read, then refused for what it holds" "$rc:$err" \
	"1:shinsa: $T/huge.xlsx: no header row (want the columns 通番, 区分 and 項目)"
eq "criteria import of the huge comments: under 2 s of CPU" "$(under2)" yes

# One millisecond: the first part alone inflates 49 MiB, so the budget runs
# out in it, whatever else the machine is doing.
export SHINSA_IMPORT_CPU_MS=1
fails "answers import past the budget" 1 \
	"shinsa: $T/huge.xlsx: xlsx file takes more than 1 ms of CPU to read (stopped in part _rels/.rels)" \
	"$SHINSA" answers import "$T/huge.xlsx" --org 接続先A
eq "answers import past the budget: nothing written" "$("$SHINSA" answers show --org 接続先A --json)" "$before"
fails "criteria import past the budget" 1 \
	"shinsa: $T/huge.xlsx: xlsx file takes more than 1 ms of CPU to read (stopped in part _rels/.rels)" \
	"$SHINSA" criteria import "$T/huge.xlsx" --org 銀行B --format xlsx
fails "criteria import past the budget: nothing written" 1 \
	"shinsa: 銀行B has no criteria yet (shinsa criteria import FILE --org 銀行B)" "$SHINSA" criteria show --org 銀行B
SHINSA_IMPORT_CPU_MS=1000 run "$SHINSA" answers import "$T/blank.xlsx" --org 接続先A --dry-run
eq "a blank form is read within a budget of 1000 ms" "$rc:$out" \
	"0:dry run: 45 items read from $T/blank.xlsx, 0 would change; nothing written"

for bad in 0 x 3600001 -5 " 5"; do
	SHINSA_IMPORT_CPU_MS=$bad fails "SHINSA_IMPORT_CPU_MS=\"$bad\"" 1 \
		"shinsa: SHINSA_IMPORT_CPU_MS wants a whole number of milliseconds from 1 to 3600000, got \"$bad\"" \
		"$SHINSA" answers import "$T/blank.xlsx" --org 接続先A --dry-run
done
finish
