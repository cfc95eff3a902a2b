# The manual page: made by the build beside the binary, the same as
# `shinsa help --man` prints, rendering with no warning, and naming every
# command `shinsa help` lists as a subsection of COMMANDS.
. tests/cli/lib.sh
export LC_ALL=C.UTF-8 MANWIDTH=80 # the page holds Japanese
page=$(dirname "$SHINSA")/shinsa.1

run "$SHINSA" help --man
eq "help --man" "$rc:$(echo "$out" | head -n 1)" '0:.TH SHINSA 1 "" "Shinsa" "User Commands"'
eq "the built page is what help --man prints" "$(cat "$page")" "$out"
fails "help --man with a command" 2 'shinsa: help: --man takes no command: the page has them all (usage: shinsa help [COMMAND] | --man)' \
	"$SHINSA" help --man init

eq "groff finds nothing to warn about" "$(groff -man -ww -z -k -Tutf8 "$page" 2>&1)" ""
run man -l "$page"
eq "man -l renders without a word on stderr" "$rc:$err" "0:"
rendered=$out
sections=$(echo "$rendered" | grep "^[A-Z]" | tr -s " ")
eq "the sections" "$sections" "SHINSA(1) User Commands SHINSA(1)
NAME
SYNOPSIS
DESCRIPTION
OPTIONS
COMMANDS
ENVIRONMENT
FILES
EXIT STATUS
SEE ALSO
Shinsa SHINSA(1)"

"$SHINSA" help | sed -n 's/^  \([a-z]*\) .*/\1/p' >"$T/commands"
eq "shinsa help lists 26 commands" "$(wc -l <"$T/commands")" 26
while read -r name; do
	# The subsection heading, then the usage line under it.
	got=$(echo "$rendered" | grep -A 1 -x "   $name" | sed -n 2p | cut -c1-$((14 + ${#name})))
	eq "the page has command $name" "$got" "       shinsa $name"
done <"$T/commands"
eq "the commands in the page are those of shinsa help" \
	"$(echo "$rendered" | sed -n '/^COMMANDS/,/^ENVIRONMENT/s/^   \([a-z]*\)$/\1/p')" "$(cat "$T/commands")"

for v in SHINSA_DB SHINSA_CATALOG_DIR SHINSA_SECRET SHINSA_SECRET_FILE SHINSA_NOW SHINSA_SENDMAIL \
	SHINSA_MAIL_FROM SHINSA_LISTEN SHINSA_IMPORT_CPU_MS; do
	eq "ENVIRONMENT has $v" "$(echo "$rendered" | sed -n '/^ENVIRONMENT/,/^FILES/p' | grep -cx "       $v")" 1
done
# The catalogs are where the build said (make's CATALOG_DIR: the tree the
# tests run in, whichever build directory the binary is in).
eq "FILES" "$(echo "$rendered" | sed -n '/^FILES/,/^EXIT/p' | grep '^       [^ ]')" "       var/shinsa.db
       secret.key
       $(pwd)/catalog"
finish
