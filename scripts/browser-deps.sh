#!/bin/sh
# Installs the test suite's npm packages with `npm ci`, each directory from
# its own package-lock.json: tests/browser (playwright-core alone, which
# never downloads a browser of its own; the tests drive Debian's
# /usr/bin/chromium) and tests/openapi (@stoplight/spectral-cli, which
# scripts/openapi.sh runs on web/openapi.json). A directory is installed
# only when its node_modules is missing or older than its lock file.
# Called by `scripts/deps.sh test`. Needs node and npm on PATH.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
for dir in "$root/tests/browser" "$root/tests/openapi"; do
	# npm ci writes node_modules/.package-lock.json last: it stands for the
	# whole tree, so a half-finished install counts as missing.
	stamp=$dir/node_modules/.package-lock.json
	if [ -f "$stamp" ] && ! [ "$dir/package-lock.json" -nt "$stamp" ]; then
		continue
	fi
	command -v npm >/dev/null 2>&1 || { echo "browser-deps: npm is not installed (scripts/deps.sh test installs it)" >&2; exit 1; }
	echo "installing the test suite's npm packages (npm ci in ${dir#"$root"/})" >&2
	(cd "$dir" && npm ci --no-audit --no-fund >&2)
done
