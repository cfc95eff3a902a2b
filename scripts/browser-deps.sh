#!/bin/sh
# Installs the browser tests' npm packages (tests/browser/package-lock.json:
# playwright-core alone, which never downloads a browser of its own; the
# tests drive Debian's /usr/bin/chromium) with `npm ci`, and only when
# tests/browser/node_modules is missing or older than the lock file.
# Called by `scripts/deps.sh test`. Needs node and npm on PATH.
set -eu
dir=$(cd "$(dirname "$0")/../tests/browser" && pwd)
# npm ci writes node_modules/.package-lock.json last: it stands for the
# whole tree, so a half-finished install counts as missing.
stamp=$dir/node_modules/.package-lock.json
if [ -f "$stamp" ] && ! [ "$dir/package-lock.json" -nt "$stamp" ]; then
	exit 0
fi
command -v npm >/dev/null 2>&1 || { echo "browser-deps: npm is not installed (scripts/deps.sh test installs it)" >&2; exit 1; }
echo "installing the browser tests' npm packages (npm ci in tests/browser)" >&2
cd "$dir"
npm ci --no-audit --no-fund >&2
