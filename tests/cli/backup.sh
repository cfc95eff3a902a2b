# shinsa backup and shinsa restore: a backup taken while the server writes,
# restored into a fresh place, is one consistent state (the answer written
# last is counted by exactly as many audit events), signs in, keeps its
# audit trail intact and its signed documents verifying; and every refusal,
# with nothing written.
. tests/http/lib.sh
export SHINSA_NOW=2026-04-01T09:00:00Z
A=接続先A X=X銀行
"$SHINSA" init >/dev/null
"$SHINSA" org add --kind connector --name "$A" >/dev/null
"$SHINSA" org add --kind bank --name "$X" >/dev/null
add_user "$A" editor@a.test editor
add_user "$X" rev@x.test reviewer
for n in $(seq 1 38) 44; do
	"$SHINSA" answers set --org "$A" --item "$n" --status implemented --current "第${n}項: 対応済み。" >/dev/null
done
"$SHINSA" submit --org "$A" >/dev/null
"$SHINSA" share add 1 --bank "$X" >/dev/null

# The bank decides over the API; then a client keeps writing item 1's
# notes ("w1", "w2", ...) until told to stop.
start_server
login rev@x.test
for n in $(seq 1 38) 44; do
	api PUT "/api/v1/reviews/1/items/$n" '{"verdict":"accepted"}'
	[ "$code" = 200 ] || not_ok "accept item $n" "$code $body"
done
api POST /api/v1/reviews/1/decision '{"decision":"meets","reason":""}'
eq "the bank decides" "$code $(echo "$body" | jq -c '[.decision, .signature_valid]')" '201 ["meets",true]'
"$SHINSA" submission export 1 -o "$T/sub.json" >/dev/null
"$SHINSA" review export 1 --bank "$X" -o "$T/dec.json" >/dev/null
login editor@a.test
(
	i=0
	while [ ! -e "$T/stop" ]; do
		i=$((i + 1))
		api PUT /api/v1/answers/1 "{\"notes\":\"w$i\"}"
		[ "$code" = 200 ] || echo "write $i: $code $body" >>"$T/writer.err"
		echo "$i" >"$T/writes.new" && mv "$T/writes.new" "$T/writes"
	done
) &
WRITER=$!
# wait_writes N: until the client has made N writes (at most 20 s).
writes() { cat "$T/writes" 2>/dev/null || echo 0; }
wait_writes() {
	i=0
	until [ "$(writes)" -ge "$1" ] || [ $i -ge 200 ]; do sleep 0.1; i=$((i + 1)); done
}
wait_writes 5
run "$SHINSA" backup "$T/b1"
before=$(writes)
wait_writes $((before + 5))
touch "$T/stop"
wait "$WRITER"
stop_server
eq "the backup is made while the server writes" "$rc $(echo "$out" | sed -n 2p)" \
	"0 the server secret is in $T/b1/secret.key: keep it apart from the database copies (docs/operations.md)"
eq "writes went on during and after it" "$(cat "$T/writer.err" 2>/dev/null)|$([ "$(cat "$T/writes")" -ge $((before + 5)) ] && echo more)" "|more"
eq "the backup's files and modes" "$(stat -c '%a %n' "$T/b1" "$T/b1"/* | sed "s|$T/||")" \
	"700 b1
644 b1/manifest.json
600 b1/secret.key
644 b1/shinsa.db"
M=$T/b1/manifest.json
eq "the manifest: format, schema, time, hashes of both files" \
	"$(jq -c '[.format, .schema, .taken_at]' "$M") $(jq -r .database_sha256 "$M") $(jq -r .secret_sha256 "$M")" \
	"[\"shinsa-backup/1\",$(sqlite3 "$SHINSA_DB" 'SELECT max(version) FROM schema_migration'),\"2026-04-01T09:00:00Z\"] $(sha256sum "$T/b1/shinsa.db" | cut -c1-64) $(sha256sum "$T/b1/secret.key" | cut -c1-64)"
eq "the secret is the server's" "$(cat "$T/b1/secret.key")" "$(cat "$T/secret.key")"
# The backup event is in the live trail, after the copy, naming its last event.
"$SHINSA" audit list --json --limit 10000 >"$T/live.json"
eq "the live trail records the backup, naming the copy's last event" \
	"$(jq -c --arg d "$T/b1" '[.[] | select(.action == "backup") | [.org, .object, (.details | fromjson | [.dir, .audit_events, .audit_last_hash, .database_sha256])]]' "$T/live.json")" \
	"$(jq -c --arg d "$T/b1" '[[null, "", [$d, .audit_events, .audit_last_hash, .database_sha256]]]' "$M")"
run "$SHINSA" audit verify --anchor "$(jq -r .audit_last_hash "$M")"
eq "the copy's last hash is an anchor of the live trail" "$rc $(echo "$out" | sed -n 2p)" \
	"0 the anchor is event $(jq -r .audit_events "$M")"

# ---- restore into a fresh place, the secret where SHINSA_SECRET_FILE says ----
mkdir "$T/r" "$T/keys"
R=$T/r/shinsa.db K=$T/keys/secret.key
run env SHINSA_DB="$R" SHINSA_SECRET_FILE="$K" "$SHINSA" restore "$T/b1"
eq "restore" "$rc $out" "0 restored $T/b1 (taken 2026-04-01T09:00:00Z, $(jq -r .audit_events "$M") audit events) to $R
wrote the server secret to $K"
eq "the files in place, nothing else" "$(cd "$T" && stat -c '%a %n' r/* keys/*)" "600 r/shinsa.db
600 keys/secret.key"
eq "the secret restored" "$(cat "$K")" "$(cat "$T/secret.key")"
export SHINSA_DB="$R" SHINSA_SECRET_FILE="$K"
run "$SHINSA" audit verify
eq "audit verify passes on the restored database" "$rc $(echo "$out" | cut -d, -f1)" \
	"0 audit trail intact: $(($(jq -r .audit_events "$M") + 1)) events"
"$SHINSA" audit list --json --limit 10000 >"$T/restored.json"
eq "its last event is the restore" "$(jq -c '.[0] | [.action, .org, (.details | fromjson | [.dir, .taken_at, .database_sha256])]' "$T/restored.json")" \
	"$(jq -c --arg d "$T/b1" '["restore", null, [$d, .taken_at, .database_sha256]]' "$M")"
notes=$("$SHINSA" answers show --org "$A" --json | jq -r '.items[0].notes')
edits=$(jq '[.[] | select(.action == "answer_edit" and (.details | fromjson | .fields) == ["notes"])] | length' "$T/restored.json")
eq "one consistent state: the notes written last and the events counting them agree" "$notes" "w$edits"
eq "taken mid-stream: some writes are in the copy, later ones are not" \
	"$([ "$edits" -ge 5 ] && [ "$edits" -lt "$(cat "$T/writes")" ] && echo yes)" "yes"
for id in $("$SHINSA" submission list --org "$A" --json | jq '.[].id'); do
	rm -f "$T/f.json"
	"$SHINSA" submission export "$id" -o "$T/f.json" >/dev/null
	run "$SHINSA" verify "$T/f.json"
	eq "submission $id exported from the restored database verifies" "$rc $(echo "$out" | head -n 1 | sed 's/, submitted .*//')" \
		"0 verified: version $id of $A for api-checklist-2018-08"
	eq "and is the file exported before the backup" "$(cmp "$T/f.json" "$T/sub.json" && echo same)" same
done
rm -f "$T/f.json"
"$SHINSA" review export 1 --bank "$X" -o "$T/f.json" >/dev/null
run "$SHINSA" verify "$T/f.json"
eq "the decision exported from the restored database verifies" "$rc $(echo "$out" | head -n 1 | sed 's/ (version .*//')" \
	"0 verified: $X's decision meets on submission 1"
eq "and is the file exported before the backup" "$(cmp "$T/f.json" "$T/dec.json" && echo same)" same
start_server
login editor@a.test
eq "sign-in works against the restored database" "$code $(echo "$body" | jq -c '[.email, .org.name]')" "200 [\"editor@a.test\",\"$A\"]"
login rev@x.test wrong-password-here
eq "and a wrong password is still refused" "$code" 401
stop_server

# ---- refusals: nothing overwritten, nothing written ----
fails "backup without DIR" 2 "shinsa: backup: missing DIR (usage: shinsa backup DIR)" "$SHINSA" backup
fails "restore with two" 2 "shinsa: restore: unexpected argument \"b\" (usage: shinsa restore DIR)" "$SHINSA" restore a b
run "$SHINSA" restore --help
eq "restore --help" "$rc $(echo "$out" | head -n 1)" "0 usage: shinsa restore DIR"
fails "a directory that already holds a backup" 1 "shinsa: backup directory $T/b1 already holds a backup: choose a new one" \
	"$SHINSA" backup "$T/b1"
fails "restore onto an existing database" 1 \
	"shinsa: database $R already exists: restore never overwrites one (move it away first)" \
	"$SHINSA" restore "$T/b1"
fails "restore onto an existing key file" 1 \
	"shinsa: server secret $K already exists: restore never overwrites one (move it away first)" \
	env SHINSA_DB="$T/n/shinsa.db" "$SHINSA" restore "$T/b1"
fails "a missing backup directory" 1 "shinsa: backup directory $T/nope does not exist" \
	env SHINSA_DB="$T/n/shinsa.db" SHINSA_SECRET_FILE="$T/n/secret.key" "$SHINSA" restore "$T/nope"
mkdir "$T/n" "$T/empty"
fails "a directory without a backup" 1 "shinsa: $T/empty holds no backup (no manifest.json)" \
	env SHINSA_DB="$T/n/shinsa.db" SHINSA_SECRET_FILE="$T/n/secret.key" "$SHINSA" restore "$T/empty"
fails "SHINSA_SECRET set to another secret" 1 \
	"shinsa: SHINSA_SECRET is set and is not the secret of backup $T/b1: restore writes the secret as a key file, so unset SHINSA_SECRET (SHINSA_SECRET_FILE says where the file goes), or set it to the contents of $T/b1/secret.key" \
	env SHINSA_DB="$T/n/shinsa.db" SHINSA_SECRET=$(printf '%064d' 0) "$SHINSA" restore "$T/b1"
cp -r "$T/b1" "$T/b2"
# The byte changed is the first of a page in the middle: every page of a
# copy VACUUM INTO made is in use, so SQLite's own check notices it too.
page=$(sqlite3 "$T/b2/shinsa.db" 'PRAGMA page_size')
at=$(($(stat -c %s "$T/b2/shinsa.db") / page / 2 * page))
byte=$(od -An -tu1 -j $at -N1 "$T/b2/shinsa.db" | tr -d ' ')
printf "$(printf '\\%03o' $(((byte + 1) % 256)))" | dd of="$T/b2/shinsa.db" bs=1 seek=$at conv=notrunc 2>/dev/null
fails "a damaged copy (one byte changed)" 1 "shinsa: backup $T/b2 is damaged: shinsa.db does not match its sha256 in the manifest" \
	env SHINSA_DB="$T/n/shinsa.db" SHINSA_SECRET_FILE="$T/n/secret.key" "$SHINSA" restore "$T/b2"
eq "and nothing was written" "$(ls -A "$T/n")" ""
# The same damage with the manifest's sha256 made to match: SQLite's own
# check still finds it.
jq --arg s "$(sha256sum "$T/b2/shinsa.db" | cut -c1-64)" '.database_sha256 = $s' "$M" >"$T/b2/manifest.json"
run env SHINSA_DB="$T/n/shinsa.db" SHINSA_SECRET_FILE="$T/n/secret.key" "$SHINSA" restore "$T/b2"
eq "a damaged copy whose manifest was rewritten" "$rc $(echo "$err" | sed 's/damaged: .*/damaged:/')|$(ls -A "$T/n")" \
	"1 shinsa: backup $T/b2: the database is damaged:|"
# A secret that is not the database's, with the manifest made to match.
cp -r "$T/b1" "$T/b3"
chmod 600 "$T/b3/secret.key"
printf '%064d\n' 7 >"$T/b3/secret.key"
jq --arg s "$(sha256sum "$T/b3/secret.key" | cut -c1-64)" '.secret_sha256 = $s' "$M" >"$T/b3/manifest.json"
fails "a secret that does not open the database's keys" 1 \
	"shinsa: backup $T/b3: secret.key is not this database's secret (it does not open the signing key of $X)" \
	env SHINSA_DB="$T/n/shinsa.db" SHINSA_SECRET_FILE="$T/n/secret.key" "$SHINSA" restore "$T/b3"
eq "and nothing was written" "$(ls -A "$T/n")" ""
finish
