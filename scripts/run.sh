#!/bin/sh
# The main job of `make run`: initialise the database under var/ and write the
# blank checklist form beside it. (When the server lands, this starts it.)
set -eu
shinsa=${1:-build/shinsa}
cd "$(dirname "$0")/.."
mkdir -p var
export SHINSA_DB="${SHINSA_DB:-var/shinsa.db}"
"$shinsa" init
"$shinsa" form api-checklist-2018-08 -o var/api-checklist-2018-08.xlsx
echo
echo "database: $SHINSA_DB"
echo "blank form: $(pwd)/var/api-checklist-2018-08.xlsx"
