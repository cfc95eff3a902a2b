# An export killed with SIGKILL while it writes leaves no temporary file
# beside its target: the target is absent, or the old file whole; and a
# new file is never there without its audit event (service/export.h: the
# file is named only once the event has committed).
. tests/cli/lib.sh
export SHINSA_NOW=2026-04-01T09:00:00Z

"$SHINSA" init >/dev/null || { echo "init failed"; exit 1; }
"$SHINSA" org add --kind connector --name A >/dev/null
# Long answers make the export take a tenth of a second or so: time to
# see it begin and kill it before it ends.
long=$(printf '審査%.0s' $(seq 1500))
for i in $(seq 1 20); do
	"$SHINSA" answers set --org A --item "$i" --current "$long" --issues "$long" --plan "$long" --notes "$long" \
		>/dev/null || not_ok "answers set --item $i"
done
D=$T/exports
mkdir "$D"

# begun PID: the export has its file in $D, open (named or not) or named.
begun() {
	ls -A "$D" | grep -qvx a.xlsx || ls -l "/proc/$1/fd" 2>/dev/null | grep -qF -- "-> $D/"
}

# put_back: $D as it was before an export that was not killed after all.
put_back() {
	if [ -n "$want" ]; then cp "$T/old.xlsx" "$D/a.xlsx"; else rm -f "$D/a.xlsx"; fi
}

# events: how many answers exports the audit trail holds.
events() {
	sqlite3 "$SHINSA_DB" "SELECT count(*) FROM audit_event WHERE action = 'answers_export'"
}

# kill_export N: starts the export N times and kills each once it has begun;
# after each, $D must hold exactly $want and a.xlsx (if any) sum to $old.
# An export killed after naming its file (a loaded machine) has finished:
# its file is the whole new one and its event is recorded; then again.
kill_export() {
	k=0
	while [ "$k" -lt "$1" ]; do
		before=$(events)
		"$SHINSA" answers export --org A -o "$D/a.xlsx" >/dev/null 2>&1 &
		pid=$!
		state=R
		while [ "$state" != Z ] && ! begun "$pid"; do
			{ read -r _ _ state _ <"/proc/$pid/stat"; } 2>/dev/null || state=Z
		done
		# An export that ended before it was seen is not a kill: again.
		[ "$state" = Z ] && { wait "$pid"; put_back; continue; }
		kill -9 "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
		# Nor is one that ended between being seen and the signal (a
		# loaded machine): only an export the signal ended counts.
		[ $? -eq 137 ] || { put_back; continue; }
		if [ -f "$D/a.xlsx" ] && [ "$(cksum <"$D/a.xlsx")" != "$old" ]; then
			eq "killed once named: the whole new file, and its event" \
				"$(unzip -tq "$D/a.xlsx" >/dev/null && echo whole) $(events)" "whole $((before + 1))"
			put_back
			continue
		fi
		k=$((k + 1))
		eq "kill $k: the directory holds [$want]" "$(ls -A "$D" | tr '\n' ' ')" "$want"
		eq "kill $k: the target is as it was" "$(cat "$D/a.xlsx" 2>/dev/null | cksum)" "$old"
	done
}

want= old=$(printf '' | cksum)
kill_export 5

"$SHINSA" answers export --org A -o "$D/a.xlsx" >/dev/null
"$SHINSA" answers set --org A --item 1 --status implemented >/dev/null
want="a.xlsx " old=$(cksum <"$D/a.xlsx")
cp "$D/a.xlsx" "$T/old.xlsx"
kill_export 5

run "$SHINSA" answers export --org A -o "$D/a.xlsx"
eq "an export not killed replaces it" "$rc:$(ls -A "$D" | tr '\n' ' '):$(cksum <"$D/a.xlsx" | grep -cxF "$old")" "0:a.xlsx :0"
eq "whole" "$(unzip -tq "$D/a.xlsx")" "No errors detected in compressed data of $D/a.xlsx."
eq "with the ordinary permissions of a new file" "$(stat -c %a "$D/a.xlsx")" "$(umask 0022; touch "$T/n"; stat -c %a "$T/n")"
finish
