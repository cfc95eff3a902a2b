# Between servers (docs/evidence.md): a package exported on the connector's
# server (database 1) is verified, received into a bank's own server
# (database 2) with the connector's key pinned, reviewed and decided there;
# the signed decision is received back on database 1. A package signed by
# another key is refused until the bank re-pins; every bad input is a
# coded error naming the file, with nothing written.
. tests/http/lib.sh
export SHINSA_NOW=2026-04-01T09:00:00Z
MK=$(dirname "$SHINSA")/tests/mkpackage
[ -x "$MK" ] || { echo "not ok - $MK is not built (make $MK)"; exit 1; }
C=株式会社フィンテック X=X銀行
DB1=$T/shinsa.db DB2=$T/2.db
on2() { SHINSA_DB=$DB2 "$@"; }
# fp HEX: the fingerprint shinsa prints for a public key.
fp() { python3 -c 'import sys,hashlib; h=hashlib.sha256(bytes.fromhex(sys.argv[1])).hexdigest()[:16]; print(" ".join(h[i:i+4] for i in range(0,16,4)))' "$1"; }
# count DB TABLE: its rows, to see that nothing was written.
count() { sqlite3 "$1" "SELECT count(*) FROM $2"; }
cd "$T" || exit 1

# Database 1: the connector submits and exports its package.
"$SHINSA" init >/dev/null || { echo "init failed"; exit 1; }
"$SHINSA" org add --kind connector --name "$C" >/dev/null
for n in $(seq 1 38) 44; do
	"$SHINSA" answers set --org "$C" --item "$n" --status implemented --current "第${n}項: 対応済み。" >/dev/null
done
# Its evidence: one file on item 3, sealed at submit, carried by the package.
printf '%%PDF-1.4\n%% 情報セキュリティ規程\n' >規程.pdf
"$SHINSA" attach add --org "$C" --item 3 規程.pdf --title 情報セキュリティ規程 >/dev/null
PDF=$(sha256sum 規程.pdf | cut -c1-64)
"$SHINSA" submit --org "$C" >/dev/null
"$SHINSA" submission export 1 -o p1.zip >/dev/null
eq "the package carries the sealed file" "$(unzip -Z1 p1.zip | sort | tr '\n' ' ')" "files/$(echo "$PDF" | cut -c1-12)-規程.pdf submission.json "
SHA=$(unzip -p p1.zip submission.json | jq -r .sha256) KEY=$(unzip -p p1.zip submission.json | jq -r .public_key)
FP=$(fp "$KEY")
run "$SHINSA" verify p1.zip
eq "the package verifies" "$rc:$(echo "$out" | head -n 1)" "0:verified: version 1 of $C for api-checklist-2018-08, submitted 2026-04-01T09:00:00Z, sha256 $SHA, signed by key $KEY"
eq "the connector's fingerprint, to publish" "$("$SHINSA" org list)" "connector  $C  key $FP"
eq "org list --json says it too" "$("$SHINSA" org list --json | jq -c '.[0] | [.fingerprint, .received_at]')" "[\"$FP\",null]"

# Database 2: the bank's own server.
on2 "$SHINSA" init >/dev/null
on2 "$SHINSA" org add --kind bank --name "$X" >/dev/null
on2 "$SHINSA" org add --kind connector --name 接続先B >/dev/null
CAT=$(on2 "$SHINSA" catalog show api-checklist-2018-08 --json | jq -r .sha256)

# A package with files (mkpackage's fixed key), one byte changed: named.
printf '%%PDF-1.4\n%% ISMS認証書\n' >ISMS認証.pdf
printf '項目,状況\n1,対応済み\n' >一覧.csv
MKPACKAGE_CATALOG_SHA256=$CAT MKPACKAGE_VERSION=2 "$MK" p2.zip ISMS認証.pdf application/pdf 3 一覧.csv text/csv 5 || exit 1
KEY2=$(unzip -p p2.zip submission.json | jq -r .public_key) FP2=$(fp "$KEY2")
CSV=$(sha256sum 一覧.csv | cut -c1-64) CSV_M=files/$(sha256sum 一覧.csv | cut -c1-12)-一覧.csv
python3 - p2.zip bad.zip <<'PY'
import sys, zipfile
src, dst = zipfile.ZipFile(sys.argv[1]), zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED)
for m in src.namelist():
    b = src.read(m)
    if m.endswith('.csv'): b = b.replace('済'.encode(), '未'.encode())
    dst.writestr(m, b)
dst.close()
PY
BAD=$(unzip -p bad.zip "$CSV_M" | sha256sum | cut -c1-64)
fails "verify names the changed file" 1 "shinsa: bad.zip: not verified: $CSV_M: its sha256 is $BAD but the submission lists $CSV" \
	"$SHINSA" verify bad.zip
fails "receive refuses it, naming the file" 1 "shinsa: bad.zip: not verified: $CSV_M: its sha256 is $BAD but the submission lists $CSV" \
	on2 "$SHINSA" submission receive bad.zip --bank "$X"

# Bad input: each refused, nothing written.
printf 'not a zip\n' >note.zip
fails "not a package" 1 "shinsa: note.zip: not a package: that is the zip shinsa submission export writes (FILE.zip)" \
	on2 "$SHINSA" submission receive note.zip --bank "$X"
fails "--bank not a bank" 1 'shinsa: no bank "接続先B"' on2 "$SHINSA" submission receive p1.zip --bank 接続先B
fails "--bank is required" 2 "shinsa: submission receive: --bank is required (usage: shinsa submission receive FILE.zip --bank NAME)" \
	on2 "$SHINSA" submission receive p1.zip
SHINSA_DB=$T/3.db "$SHINSA" init >/dev/null
SHINSA_DB=$T/3.db "$SHINSA" org add --kind bank --name "$C" >/dev/null
SHINSA_DB=$T/3.db "$SHINSA" org add --kind bank --name "$X" >/dev/null
fails "a connector's name that is a bank here" 1 "shinsa: p1.zip: $C is a bank on this server, so a package it signed is not received" \
	env SHINSA_DB="$T/3.db" "$SHINSA" submission receive p1.zip --bank "$X"
"$SHINSA" org add --kind bank --name Z銀行 >/dev/null
fails "a package of this server's own connector" 1 "shinsa: p1.zip: $C is an organisation of this server: what it signs is shared here, not received" \
	"$SHINSA" submission receive p1.zip --bank Z銀行
eq "nothing written" "$(count "$DB2" submission) $(count "$DB2" org) $(count "$DB2" share) $(count "$DB2" attachment_blob) $(count "$T/3.db" submission) $(count "$DB1" share)" "0 2 0 0 0 0"

# The first receipt creates the connector with its key pinned.
run on2 "$SHINSA" submission receive p1.zip --bank "$X"
eq "received, the key pinned" "$rc:$out" "0:received p1.zip: submission 1, version 1 of $C, 1 file, shared with $X
pinned key $FP: compare it with the fingerprint the connector published"
eq "org list marks it received" "$(on2 "$SHINSA" org list | grep "$C")" "connector  $C  key $FP (received, pinned)"
eq "the stored submission is the signed bytes" "$(on2 "$SHINSA" submission show 1 | sed -n '4,5p')" "sha256:       $SHA
signature:    valid, by the key $KEY"
eq "shared with the bank" "$(on2 "$SHINSA" inbox --org "$X" --json | jq -c '[.[] | [.submission, .connector]]')" "[[1,\"$C\"]]"
fails "a received connector takes no users" 1 "shinsa: $C was received from another server: its people work on their own" \
	on2 "$SHINSA" user add --org "$C" --email ed@c.test --role editor
fails "the same package again" 1 "shinsa: p1.zip: already received for $X: submission 1" \
	on2 "$SHINSA" submission receive p1.zip --bank "$X"

# Another key under the same name: refused, naming both, until re-pinned.
fails "another key is refused" 1 "shinsa: p2.zip: signed by key $FP2, but the key pinned for $C is $FP: if $C has a new key, compare it with what $C published, then run shinsa org pin" \
	on2 "$SHINSA" submission receive p2.zip --bank "$X"
eq "nothing written" "$(count "$DB2" submission) $(count "$DB2" attachment_blob)" "1 1"
fails "pin: not a key" 1 "shinsa: --key must be the 64 lowercase hex digits of a public key" on2 "$SHINSA" org pin "$C" --key XYZ
fails "pin: an organisation of this server" 1 "shinsa: $X is an organisation of this server: its key is its own, not pinned" \
	on2 "$SHINSA" org pin "$X" --key "$KEY2"
run on2 "$SHINSA" org pin "$C" --key "$KEY2"
eq "re-pinned" "$rc:$out" "0:$C: pinned key $FP2 (was $FP)"
run on2 "$SHINSA" submission receive p2.zip --bank "$X"
eq "then received, with its files" "$rc:$out" "0:received p2.zip: submission 2, version 2 of $C, 2 files, shared with $X
signed by the pinned key $FP2: the key pinned on first receipt"
eq "the files stored once by sha256" "$(sqlite3 "$DB2" 'SELECT sha256, size, type FROM attachment_blob ORDER BY size')" \
	"$(sha256sum ISMS認証.pdf | cut -c1-64)|25|pdf
$CSV|29|txt
$PDF|42|pdf"
eq "the audit trail" "$(on2 "$SHINSA" audit list --json | jq -c '[.[] | select(.action | test("receive|pin|org_add")) | [.action, .object]] | reverse')" \
	'[["org_add","org:1"],["org_add","org:2"],["org_add","org:3"],["submission_receive","submission:1"],["org_pin","org:3"],["submission_receive","submission:2"]]'
eq "the bank's own trail: the connector received and its key re-pinned (docs/audit.md)" "$(on2 "$SHINSA" audit list --org "$X" --json | jq -c '[.[] | select(.action | test("pin|org_add")) | [.action, .object, (.details | fromjson | [.name, .to] | join(" "))]] | reverse')" \
	"[[\"org_add\",\"org:1\",\"$X \"],[\"org_add\",\"org:3\",\"$C \"],[\"org_pin\",\"org:3\",\"$C $FP2\"]]"
on2 "$SHINSA" org pin "$C" --key "$KEY" >/dev/null

# The bank reviews and decides on its server, and exports the decision.
export SHINSA_DB=$DB2
add_user "$X" rev@x.test reviewer
start_server
login rev@x.test
for n in $(seq 1 38) 44; do
	api PUT "/api/v1/reviews/1/items/$n" '{"verdict":"accepted"}'
	[ "$code" = 200 ] || not_ok "accept item $n" "$code $body"
done
api POST /api/v1/reviews/1/decision '{"decision":"meets","reason":""}'
eq "the bank decides the received submission" "$code $(echo "$body" | jq -c '[.decision, .signature_valid]')" '201 ["meets",true]'
stop_server
"$SHINSA" review export 1 --bank "$X" -o dec.json >/dev/null
BKEY=$(jq -r .public_key dec.json) DSHA=$(jq -r .sha256 dec.json) BFP=$(fp "$(jq -r .public_key dec.json)")
export SHINSA_DB=$DB1

# Database 1 receives the decision beside its submission.
sed 's/"meets"/"does_not_meet"/' dec.json >other.json
fails "a changed decision file is not received" 1 "shinsa: other.json: not verified: the document was changed: its SHA-256 is $(jq -j .document other.json | python3 -c 'import sys,json,hashlib; d=json.load(sys.stdin); print(hashlib.sha256(json.dumps(d,sort_keys=True,separators=(",",":"),ensure_ascii=False).encode()).hexdigest())') but the file says $DSHA" \
	"$SHINSA" review receive other.json
run "$SHINSA" review receive dec.json
eq "the decision received, the bank's key pinned" "$rc:$out" "0:received dec.json: $X's decision meets on submission 1 (version 1)
pinned key $BFP: compare it with the fingerprint the bank published"
eq "submission show marks it received" "$("$SHINSA" submission show 1 | grep '^decision:')" \
	"decision:     meets by $X, decided 2026-04-01T09:00:00Z (received 2026-04-01T09:00:00Z from another server, signed by key $BFP)"
eq "and --json" "$("$SHINSA" submission show 1 --json | jq -c .received_decisions)" \
	"[{\"bank\":\"$X\",\"fingerprint\":\"$BFP\",\"decision\":\"meets\",\"decided_at\":\"2026-04-01T09:00:00Z\",\"sha256\":\"$DSHA\",\"received_at\":\"2026-04-01T09:00:00Z\"}]"
"$SHINSA" org pin "$X" --key "$KEY2" >/dev/null
fails "a decision signed by another key than the bank's pinned one" 1 "shinsa: dec.json: signed by key $BFP, but the key pinned for $X is $FP2: if $X has a new key, compare it with what $X published, then run shinsa org pin" \
	"$SHINSA" review receive dec.json
"$SHINSA" org pin "$X" --key "$BKEY" >/dev/null
fails "the same decision again" 1 "shinsa: dec.json: already received: the decision of $X on submission 1" \
	"$SHINSA" review receive dec.json
fails "a decision on a submission not here" 1 "shinsa: dec.json: no submission here has sha256 $SHA" \
	env SHINSA_DB="$T/3.db" "$SHINSA" review receive dec.json
eq "the audit trail" "$("$SHINSA" audit list --json | jq -c '[.[] | select(.action | test("receive|org_add")) | [.action, .object, (.details | fromjson | .fingerprint)]] | reverse')" \
	"[[\"org_add\",\"org:1\",null],[\"org_add\",\"org:2\",null],[\"org_add\",\"org:3\",null],[\"decision_receive\",\"submission:1\",\"$BFP\"]]"
eq "the connector's own trail: the bank received and its key pinned twice" "$("$SHINSA" audit list --org "$C" --json | jq -c '[.[] | select(.action | test("pin|org_add")) | [.action, .object, (.details | fromjson | [.name, .to] | join(" "))]] | reverse')" \
	"[[\"org_add\",\"org:1\",\"$C \"],[\"org_add\",\"org:3\",\"$X \"],[\"org_pin\",\"org:3\",\"$X $FP2\"],[\"org_pin\",\"org:3\",\"$X $BFP\"]]"
[ -n "$BKEY" ] || not_ok "the decision names its key"
# The connector sees it over the API too, where it sees its submission.
add_user "$C" ed@c.test editor
start_server
login ed@c.test
api GET /api/v1/submissions/1
eq "GET /api/v1/submissions/1 lists it" "$code $(echo "$body" | jq -c .received_decisions)" \
	"200 $("$SHINSA" submission show 1 --json | jq -c .received_decisions)"
# The audit page says it in words (ja, the default, and en).
add_user "$C" adm@c.test admin
login adm@c.test
req -b "$T/jar.$WHO" "$URL/audit"
eq "the audit page, ja" "$code $(echo "$body" | grep -o "${X}の審査結果（適合）を銀行のサーバーから受領しました（提出番号1）" | head -n 1)" \
	"200 ${X}の審査結果（適合）を銀行のサーバーから受領しました（提出番号1）"
req -b "$T/jar.$WHO" -H 'Accept-Language: en' "$URL/audit"
eq "the audit page, en" "$code $(echo "$body" | grep -o "Received the decision of $X ([A-Za-z ]*) on submission 1 from the bank&#39;s server" | head -n 1)" \
	"200 Received the decision of $X (Meets) on submission 1 from the bank&#39;s server"
stop_server
finish
