#!/bin/sh
# Checks web/openapi.json: Spectral (tests/openapi, pinned; installed by
# scripts/browser-deps.sh) with the ruleset .spectral.yaml (spectral:oas)
# must report no error and no warning, and the document's operations must
# be exactly the routes of src/web/routes.c (method and path, both ways).
# Prints "ok - ..." / "not ok - ..." per check and "N passed, M failed" (as
# tests/cli/lib.sh's finish does, so scripts/test.sh counts them).
cd "$(dirname "$0")/.." || exit 2
passed=0 failed=0
ok() { passed=$((passed + 1)); echo "ok - $1"; }
not_ok() { failed=$((failed + 1)); echo "not ok - $1"; shift; printf '%s\n' "$@" | sed 's/^/    /'; }

spectral=tests/openapi/node_modules/.bin/spectral
if ! [ -x "$spectral" ]; then
	not_ok "spectral is in tests/openapi/node_modules (scripts/deps.sh test installs it)"
elif out=$("$spectral" lint --ruleset .spectral.yaml --fail-severity warn --format text web/openapi.json 2>&1); then
	ok "spectral: no error and no warning in web/openapi.json"
else
	not_ok "spectral: web/openapi.json" "$out"
fi

tmp=$(mktemp -d /tmp/shinsa-openapi-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
# A route is a line { "METHOD", "/path", ... } of the table.
sed -n 's/^[[:space:]]*{ "\([A-Z]*\)", "\([^"]*\)".*/\1 \2/p' src/web/routes.c | sort >"$tmp/routes"
jq -r '.paths | to_entries[] | .key as $p | .value | keys[]
	| select(IN("get", "put", "post", "delete", "patch", "head", "options"))
	| "\(ascii_upcase) \($p)"' web/openapi.json | sort >"$tmp/documented"
if [ "$(wc -l <"$tmp/routes")" -lt 1 ]; then
	not_ok "routes read from src/web/routes.c" "none found: has the table's layout changed?"
else
	ok "$(wc -l <"$tmp/routes") routes read from src/web/routes.c"
fi
missing=$(comm -23 "$tmp/routes" "$tmp/documented")
[ -z "$missing" ] && ok "every route is in web/openapi.json" || not_ok "routes missing from web/openapi.json" "$missing"
extra=$(comm -13 "$tmp/routes" "$tmp/documented")
[ -z "$extra" ] && ok "every operation of web/openapi.json is a route" || not_ok "operations of web/openapi.json that are no route" "$extra"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
