#!/bin/sh
# The main job of `make run`: initialise the database under var/, write the
# blank checklist form beside it, make the demo (a bank and a connector with
# one admin each) unless it is there, and run the server in the foreground.
#   scripts/run.sh [SHINSA]     SHINSA: the binary, default build/shinsa
# SHINSA_LISTEN (default 127.0.0.1:8080) is where the server listens.
set -eu
shinsa=${1:-build/shinsa}
cd "$(dirname "$0")/.."
mkdir -p var
export SHINSA_DB="${SHINSA_DB:-var/shinsa.db}"
listen=${SHINSA_LISTEN:-127.0.0.1:8080}
"$shinsa" init
"$shinsa" form api-checklist-2018-08 -o var/api-checklist-2018-08.xlsx

BANK=デモ銀行 BANK_ADMIN=admin@bank.demo
CONNECTOR=デモ接続先株式会社 CONNECTOR_ADMIN=admin@connector.demo
made=

# demo KIND NAME EMAIL: the organisation and its admin, each unless there.
# A new admin's one-time password is printed once, here, and kept nowhere.
demo() {
	if ! "$shinsa" user list --org "$2" >/dev/null 2>&1; then
		"$shinsa" org add --kind "$1" --name "$2" >/dev/null
	fi
	if ! "$shinsa" user list --org "$2" --json | grep -q "\"email\": \"$3\""; then
		password=$("$shinsa" user add --org "$2" --email "$3" --role admin | tail -n 1)
		made="$made
  $2 ($1)
    email:     $3
    password:  $password"
	fi
}
demo bank "$BANK" "$BANK_ADMIN"
demo connector "$CONNECTOR" "$CONNECTOR_ADMIN"

echo
echo "database:   $SHINSA_DB (and beside it the server secret, secret.key)"
echo "blank form: $(pwd)/var/api-checklist-2018-08.xlsx"
echo
if [ -n "$made" ]; then
	echo "The demo's users (one-time passwords, shown only now; each must be changed at first sign-in):$made"
else
	echo "The demo is already there: $BANK_ADMIN ($BANK) and $CONNECTOR_ADMIN ($CONNECTOR),"
	echo "with the passwords printed when it was made. There is no password reset yet: add"
	echo "another user (build/shinsa user add --org $CONNECTOR --email you@connector.demo --role admin)"
	echo "or start over with an empty database: rm -rf var && make run"
fi
echo
echo "Open http://$listen/ and sign in. Ctrl-C stops the server."
echo
exec "$shinsa" serve --listen "$listen"
