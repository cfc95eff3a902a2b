#!/bin/sh
# Runs the whole suite against one build directory (build/ or build/asan/):
# every cmocka unit test, every CLI test (tests/cli/*.sh), the HTTP tests
# (tests/http/*.sh, each starting its own server), the rendered-form test
# (tests/render/*.sh), the link check of README.md and docs/
# (scripts/links.sh), the OpenAPI check (scripts/openapi.sh: Spectral and
# the routes), the check of the pages' messages (scripts/i18n.sh), the check
# of the #include layers and circles (scripts/layers.sh) and the browser
# tests (tests/browser/run.sh: the
# pages in Chromium, against a server of their own). Prints one line per
# test file and a closing "N passed, N failed" line counting the checks
# inside them (cmocka tests, and the "ok"/"not ok" lines of the shell tests,
# node's passed tests for the browser); exits non-zero if any file failed.
# A file that dies before reporting counts as one failed check.
set -u
build=${1:-build}
cd "$(dirname "$0")/.." || exit 2
SHINSA=$(pwd)/$build/shinsa
export SHINSA
# Sanitizer builds: fail on the first report, and find leaks too.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:halt_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

passed=0 failed=0 failures=
logdir=$build/test-logs
mkdir -p "$logdir"

run() { # name, command...
	name=$1; shift
	log=$logdir/$(echo "$name" | tr '/' '_').log
	"$@" >"$log" 2>&1
	status=$?
	# cmocka: "[  PASSED  ] 6 test(s)." / "[  FAILED  ] 1 test(s), ..."
	p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -n 1)
	f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -n 1)
	# shell tests: "N passed, M failed"
	if [ -z "$p" ]; then
		p=$(sed -n 's/^\([0-9]*\) passed, [0-9]* failed$/\1/p' "$log" | tail -n 1)
		f=$(sed -n 's/^[0-9]* passed, \([0-9]*\) failed$/\1/p' "$log" | tail -n 1)
	fi
	p=${p:-0} f=${f:-0}
	# A test that checked nothing (no count line, or 0 passed) fails too:
	# an early exit 0 or a missing `finish` must not read as success.
	[ "$status" -eq 0 ] && [ "$p" -eq 0 ] && { status=1; echo "no test passed: nothing was checked" >>"$log"; }
	[ "$status" -ne 0 ] && [ "$f" -eq 0 ] && f=1
	passed=$((passed + p)); failed=$((failed + f))
	if [ "$status" -eq 0 ]; then
		echo "ok   $name ($p)"
	else
		failures="$failures $name"; echo "FAIL $name (log: $log)"
		# First what failed, with node's diagnostics (a TAP "not ok"
		# line down to its closing "..."), since a long log's tail is
		# mostly a server's access log; then the log's last lines.
		awk '/^ *ok /{p=0} /^ *not ok /{p=1} p{print} /^ *\.\.\.$/{p=0}' "$log" | sed 's/^/     ! /' | head -n 80
		grep -v -e '^ok' -e '^\[       OK \]' -e '^\[ RUN      \]' "$log" | sed 's/^/     | /' | tail -n 20
	fi
}

for t in "$build"/tests/test_*; do
	[ -x "$t" ] || continue
	run "unit/${t##*/}" "$t"
done
for t in tests/cli/*.sh tests/http/*.sh tests/render/*.sh; do
	[ -f "$t" ] && [ "${t##*/}" != lib.sh ] || continue
	run "${t#tests/}" sh "$t"
done
run docs/links sh scripts/links.sh
run docs/openapi sh scripts/openapi.sh
run i18n sh scripts/i18n.sh
run src/layers sh scripts/layers.sh
run browser sh tests/browser/run.sh "$build"

echo
[ -n "$failures" ] && echo "failed:$failures"
echo "$passed passed, $failed failed"
[ -z "$failures" ] && [ "$failed" -eq 0 ]
