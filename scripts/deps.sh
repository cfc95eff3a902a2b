#!/bin/sh
# Install the Debian packages Shinsa needs, and only those that are missing.
#   scripts/deps.sh build   - what `make` needs to compile and run shinsa
#   scripts/deps.sh test    - build + what `make check` needs (cmocka, clang
#                             sanitizers, LibreOffice and poppler for the
#                             rendered-form test, jq for the CLI tests,
#                             python3, openssl and xxd to check submissions,
#                             curl for the HTTP tests, chromium for the
#                             browser tests, man-db and groff-base to render
#                             the manual page, and Node.js with npm when no
#                             `node`/`npm` is on PATH); then the browser
#                             tests' and Spectral's npm packages (scripts/browser-deps.sh)
#   scripts/deps.sh bench   - build + what `make bench` needs (the peers it
#                             is compared with: python3-openpyxl, wrk and nginx)
# Uses sudo when not root. Runs apt-get update only when something is missing.
set -eu

build="build-essential pkg-config libsqlite3-dev libjansson-dev libxlsxwriter-dev
libsodium-dev libzip-dev libexpat1-dev libmicrohttpd-dev liboath-dev libqrencode-dev fonts-ipaexfont"
test="libcmocka-dev clang libclang-rt-14-dev jq sqlite3 unzip libreoffice-calc-nogui
poppler-utils fonts-crosextra-carlito python3 openssl xxd curl chromium man-db groff-base"
bench="jq python3-openpyxl wrk nginx-light curl"

case "${1:-build}" in
build) want=$build ;;
test) want="$build $test" ;;
bench) want="$build $bench" ;;
*) echo "usage: scripts/deps.sh build|test|bench" >&2; exit 2 ;;
esac

missing=
for p in $want; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing="$missing $p"
done
# Node.js may come from elsewhere than Debian (a machine image may ship its
# own nodejs package, with npm inside): Debian's is installed only when
# there is no node or npm at all, so as not to fight the one that is there.
if [ "${1:-build}" = test ]; then
	command -v node >/dev/null 2>&1 || missing="$missing nodejs"
	command -v npm >/dev/null 2>&1 || missing="$missing npm"
fi
browser_deps() {
	[ "${1:-build}" = test ] || return 0
	"$(dirname "$0")/browser-deps.sh"
}
[ -z "$missing" ] && { browser_deps "$@"; exit 0; }

echo "installing:$missing" >&2
sudo=
[ "$(id -u)" -eq 0 ] || sudo=sudo
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q >/dev/null
# shellcheck disable=SC2086
$sudo apt-get install -y -q --no-install-recommends $missing >/dev/null
browser_deps "$@"
