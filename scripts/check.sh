#!/bin/sh
# What `make check` runs once both builds are made: the whole suite
# (scripts/test.sh) on build/ and on build/asan/ at the same time. Most of
# the suite waits on servers, Chromium and the disk rather than on the CPU,
# so two suites side by side take about as long as the slower one alone on
# this project's 2-core machines, instead of the sum of both (every test
# works in a directory of its own and serves on port 0, so the two never
# meet). build/'s suite prints as it goes; the sanitizer suite's lines go to
# build/asan/check.log and are printed once it ends. Exits non-zero if
# either suite failed.
set -u
cd "$(dirname "$0")/.." || exit 2
asan_log=build/asan/check.log
sh scripts/test.sh build/asan >"$asan_log" 2>&1 &
asan=$!
sh scripts/test.sh build
plain=$?
wait "$asan"
sanitized=$?
echo
echo "== the same suite under ASan+UBSan (build/asan) =="
cat "$asan_log"
[ "$plain" -eq 0 ] && [ "$sanitized" -eq 0 ]
