# Shared by the CLI tests: sourced, not run. Needs $SHINSA (the binary).
# Each check prints "ok - what" or "not ok - what" with the evidence; the
# test script ends with `finish`, which fails if any check did.
set -u
: "${SHINSA:?set SHINSA to the shinsa binary}"
T=$(mktemp -d /tmp/shinsa-cli-XXXXXX)
trap 'rm -rf "$T"' EXIT
export SHINSA_DB="$T/shinsa.db"
unset SHINSA_CATALOG_DIR
_fails=0 _count=0

ok() { _count=$((_count + 1)); echo "ok - $1"; }
not_ok() { _count=$((_count + 1)); _fails=$((_fails + 1)); echo "not ok - $1"; shift; for l in "$@"; do echo "    $l"; done; }

# eq WHAT GOT WANT
eq() {
	if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1" "got:  $2" "want: $3"; fi
}

# run CMD...: runs it, keeping stdout in $out, stderr in $err, status in $rc.
run() {
	"$@" >"$T/out" 2>"$T/err"
	rc=$?
	out=$(cat "$T/out")
	err=$(cat "$T/err")
}

# fails WHAT WANT-STATUS WANT-STDERR CMD...: exact status and exact one-line stderr.
fails() {
	what=$1 want_rc=$2 want_err=$3
	shift 3
	run "$@"
	if [ "$rc" = "$want_rc" ] && [ "$err" = "$want_err" ]; then
		ok "$what"
	else
		not_ok "$what" "status: $rc (want $want_rc)" "stderr: $err" "want:   $want_err"
	fi
}

finish() {
	echo "$((_count - _fails)) passed, $_fails failed"
	[ "$_fails" -eq 0 ]
}
