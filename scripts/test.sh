#!/bin/sh
# Runs the whole suite against one build directory (build/ or build/asan/):
# every cmocka unit test, every CLI test (tests/cli/*.sh) and the rendered-form
# test (tests/render/*.sh). Prints one line per test file and a closing
# "N passed, N failed" line; exits non-zero if anything failed.
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
	if "$@" >"$log" 2>&1; then
		passed=$((passed + 1)); echo "ok   $name"
	else
		failed=$((failed + 1)); failures="$failures $name"; echo "FAIL $name (log: $log)"
		sed 's/^/     | /' "$log" | tail -n 40
	fi
}

for t in "$build"/tests/test_*; do
	[ -x "$t" ] || continue
	run "unit/${t##*/}" "$t"
done
for t in tests/cli/*.sh tests/render/*.sh; do
	[ -f "$t" ] || continue
	run "${t#tests/}" sh "$t"
done

echo
[ -n "$failures" ] && echo "failed:$failures"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
