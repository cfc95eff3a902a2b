#!/bin/sh
# The browser tests: sh tests/browser/run.sh [BUILD | BUILD/shinsa [FILE...]]
# (default: $SHINSA, else build/shinsa; FILEs: only those test files, e.g.
# tests/browser/excel.test.mjs). scripts/test.sh runs it as one suite.
#
# For each tests/browser/*.test.mjs in turn: makes a fresh database in a
# temporary directory with a connector and a bank, one user per role in each (two approvers at the bank)
# (all with $TEST_PASSWORD, none with a password to change), starts `shinsa
# serve` on 127.0.0.1:0, and runs that file with node's own test runner in
# Debian's Chromium (tests/browser/lib.mjs); no file sees another's data. Screenshots go to
# BUILD/browser-shots/NAME.png, emptied first.
#
# Prints node's TAP output, then the server's stderr, then the closing
# "N passed, M failed" line scripts/test.sh reads: node's passed tests, plus
# per file a check that its server stopped cleanly (status 0 on SIGTERM, which is
# where ASan reports leaks). A missing node, chromium or npm package is a
# failed check, never a skip: `scripts/deps.sh test` installs them all.
set -u
cd "$(dirname "$0")/../.." || exit 2

bin=${1:-${SHINSA:-build/shinsa}}
[ $# -gt 0 ] && shift
[ -d "$bin" ] && bin=$bin/shinsa
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
build=$(dirname "$bin")
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
export CHROMIUM
SHINSA_SHOTS=$build/browser-shots
export SHINSA_SHOTS
# The binary, for a test that seeds more organisations with the CLI
# (on SHINSA_DB, the server's database, exported below).
SHINSA=$bin
export SHINSA

passed=0 failed=0
check() { # what, then the condition as a command
	what=$1; shift
	if "$@"; then passed=$((passed + 1)); echo "ok - $what"
	else failed=$((failed + 1)); echo "not ok - $what"; return 1; fi
}
finish() {
	echo "$passed passed, $failed failed"
	[ "$failed" -eq 0 ]
}

# What the tests need, each a check of its own so that the log says which.
node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null; }
node_ok() { command -v node >/dev/null 2>&1 && [ "$(node_major)" -ge 20 ]; }
check "node 20 or later ($(command -v node >/dev/null && echo "$(command -v node) $(node --version)" || echo "no node on PATH"))" node_ok
check "chromium at $CHROMIUM" test -x "$CHROMIUM"
check "playwright-core in tests/browser/node_modules (scripts/browser-deps.sh)" \
	test -f tests/browser/node_modules/playwright-core/package.json
check "shinsa at $bin" test -x "$bin"
[ "$failed" -eq 0 ] || { echo "install with: scripts/deps.sh test (make deps-test)"; finish; exit 1; }

T=$(mktemp -d /tmp/shinsa-browser-XXXXXX)
SERVER_PID=
trap '[ -n "$SERVER_PID" ] && kill -KILL "$SERVER_PID" 2>/dev/null; rm -rf "$T"' EXIT
unset SHINSA_CATALOG_DIR SHINSA_NOW
TEST_PASSWORD='correct horse battery staple'
export TEST_PASSWORD
rm -rf "$SHINSA_SHOTS"

CONNECTOR=ブラウザ接続先株式会社 BANK=ブラウザ銀行
add_user() { # org, email, role
	printf '%s\n' "$TEST_PASSWORD" | "$bin" user add --org "$1" --email "$2" --role "$3" --password-stdin >/dev/null
}
setup() {
	"$bin" init >/dev/null &&
		"$bin" org add --kind connector --name "$CONNECTOR" >/dev/null &&
		"$bin" org add --kind bank --name "$BANK" >/dev/null &&
		add_user "$CONNECTOR" admin@connector.test admin &&
		add_user "$CONNECTOR" editor@connector.test editor &&
		add_user "$CONNECTOR" viewer@connector.test viewer &&
		add_user "$BANK" admin@bank.test admin &&
		add_user "$BANK" reviewer@bank.test reviewer &&
		add_user "$BANK" viewer@bank.test viewer &&
		add_user "$BANK" approver@bank.test approver &&
		add_user "$BANK" approver2@bank.test approver
}
SHINSA_ACCOUNTS=$(printf '{"connector":{"org":"%s","admin":"admin@connector.test","editor":"editor@connector.test","viewer":"viewer@connector.test"},"bank":{"org":"%s","admin":"admin@bank.test","reviewer":"reviewer@bank.test","viewer":"viewer@bank.test","approver":"approver@bank.test","approver2":"approver2@bank.test"}}' "$CONNECTOR" "$BANK")
export SHINSA_ACCOUNTS

# One server on a fresh database per test file, so that no file sees what
# another did (the round starts from no answers whatever ran before it).
# --test-concurrency where this node has it; TAP whatever the terminal;
# `timeout` ends a hung browser rather than the whole suite.
conc=
node --help | grep -q -- --test-concurrency && conc=--test-concurrency=1
[ $# -gt 0 ] || set -- tests/browser/*.test.mjs
for file in "$@"; do
	name=${file##*/}
	mkdir -p "$T/$name"
	export SHINSA_DB="$T/$name/shinsa.db"
	check "$name: a fresh database with a connector, a bank and their users" setup || continue
	"$bin" serve --listen 127.0.0.1:0 >"$T/$name/serve.out" 2>"$T/$name/serve.err" &
	SERVER_PID=$!
	i=0
	# Sanitizer builds start slowly: up to 20 s, as tests/http/lib.sh waits.
	until [ -s "$T/$name/serve.out" ] || [ $i -ge 200 ]; do sleep 0.1; i=$((i + 1)); done
	BASE_URL=$(sed -n '1s/^listening on //p' "$T/$name/serve.out")
	export BASE_URL
	if check "$name: the server started" test -n "$BASE_URL"; then
		# shellcheck disable=SC2086
		timeout 600 node --test $conc --test-reporter=tap "$file" >"$T/$name/node.out" 2>&1
		node_rc=$?
		cat "$T/$name/node.out"
		# TAP's closing comments: "# pass N", "# fail N", "# cancelled N".
		p=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$T/$name/node.out" | tail -n 1)
		f=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$T/$name/node.out" | tail -n 1)
		c=$(sed -n 's/^# cancelled \([0-9]*\)$/\1/p' "$T/$name/node.out" | tail -n 1)
		passed=$((passed + ${p:-0})) failed=$((failed + ${f:-0} + ${c:-0}))
		# node failed without counting a failure (it died, or timed out): one more.
		[ "$node_rc" -ne 0 ] && [ "${f:-0}" -eq 0 ] && [ "${c:-0}" -eq 0 ] && {
			failed=$((failed + 1)); echo "not ok - $name: node --test exited $node_rc without a failed test"; }
	fi
	kill -TERM "$SERVER_PID"
	wait "$SERVER_PID"
	server_rc=$?
	SERVER_PID=
	echo "--- the server's stderr ($name) ---"
	cat "$T/$name/serve.err"
	echo "---"
	check "$name: the server stopped cleanly (status $server_rc)" test "$server_rc" -eq 0
done
echo "screenshots: $SHINSA_SHOTS/"
finish
