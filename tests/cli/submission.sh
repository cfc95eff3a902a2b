# shinsa submit, submission, verify and diff: signed submissions end to end.
. tests/cli/lib.sh
export SHINSA_NOW=2026-04-01T09:00:00Z

"$SHINSA" init >/dev/null || { echo "init failed"; exit 1; }
C=株式会社フィンテック
"$SHINSA" org add --kind connector --name "$C" --reg-no "関東財務局長（電代）第1号" >/dev/null
"$SHINSA" org add --kind connector --name 別の接続先 >/dev/null
"$SHINSA" org add --kind bank --name サンプル銀行 >/dev/null
PK=$("$SHINSA" org list --json | jq -r ".[] | select(.name == \"$C\") | .public_key")

# Usage mistakes, one per command.
fails "submit needs --org" 2 'shinsa: submit: --org is required (usage: shinsa submit --org NAME [--catalog ID] [--json])' \
	"$SHINSA" submit
fails "submission show needs a number" 2 'shinsa: submission show: ID is a submission number, not "x" (usage: shinsa submission show ID [--json])' \
	"$SHINSA" submission show x
fails "submission list needs --org" 2 'shinsa: submission list: --org is required (usage: shinsa submission list --org NAME [--json])' \
	"$SHINSA" submission list
fails "submission export needs -o" 2 'shinsa: submission export: missing -o FILE.json or -o FILE.zip (usage: shinsa submission export ID -o FILE.json|FILE.zip)' \
	"$SHINSA" submission export 1
fails "submission wants a subcommand" 2 'shinsa: submission: unknown subcommand "delete" (want show, list, export or receive) (usage: shinsa submission show ID [--json] | list --org NAME [--json] | export ID -o FILE.json|FILE.zip | receive FILE.zip --bank NAME)' \
	"$SHINSA" submission delete 1
fails "verify needs a file" 2 'shinsa: verify: missing FILE.json or FILE.zip (usage: shinsa verify FILE.json|FILE.zip)' \
	"$SHINSA" verify
fails "diff needs two" 2 'shinsa: diff: want two submissions, A and B (usage: shinsa diff A B [--json])' \
	"$SHINSA" diff 1
fails "diff's B" 2 'shinsa: diff: B is a submission number or "working", not "latest" (usage: shinsa diff A B [--json])' \
	"$SHINSA" diff 1 latest
run "$SHINSA" submit --help
eq "submit --help" "$rc:$(echo "$out" | head -n 3)" "0:usage: shinsa submit --org NAME [--catalog ID] [--json]

freeze a connector's answers into a signed submission"
run "$SHINSA" help verify
eq "help verify" "$rc:$(echo "$out" | head -n 1)" "0:usage: shinsa verify FILE.json|FILE.zip"
run "$SHINSA" diff --help
eq "diff --help" "$rc:$(echo "$out" | head -n 1)" "0:usage: shinsa diff A B [--json]"

# Refused until the rules hold, with every problem listed and nothing stored.
for n in $(seq 1 38) 44; do
	"$SHINSA" answers set --org "$C" --item "$n" --status implemented --current "第${n}項: 対応済み。" >/dev/null
done
"$SHINSA" answers set --org "$C" --item 2 --status partial --issues "委託先管理の規程がない。" --plan "2026年度中に整備" >/dev/null
"$SHINSA" answers set --org "$C" --item 44 --status "" >/dev/null
fails "submit refuses with every problem" 1 "shinsa: cannot submit: 2 problems to fix
item 2: partial needs a due date (plan_due)
item 44: no status" \
	"$SHINSA" submit --org "$C"
fails "a bank does not submit" 1 'shinsa: サンプル銀行 is a bank: answer sets belong to connectors' \
	"$SHINSA" submit --org サンプル銀行
run "$SHINSA" submission list --org "$C"
eq "nothing was stored" "$rc:$out" "0:$C has no submissions"

"$SHINSA" answers set --org "$C" --item 2 --plan-due 2026-09-30 >/dev/null
"$SHINSA" answers set --org "$C" --item 44 --status not_applicable --notes "利用者に \"直接\" 提供しない
（当社は仲介のみ）" >/dev/null
fails "submit needs the secret" 1 "shinsa: no server secret (set SHINSA_SECRET, or run shinsa init to create the key file): cannot read $T/none.key: No such file or directory" \
	env SHINSA_SECRET_FILE="$T/none.key" "$SHINSA" submit --org "$C"

run "$SHINSA" submit --org "$C"
SHA1=$(sqlite3 "$SHINSA_DB" "SELECT hex(document) FROM submission WHERE id = 1" | xxd -r -p | sha256sum | cut -c1-64)
eq "submit" "$rc:$out" "0:submitted version 1 of $C (submission 1, sha256 $SHA1)"
eq "the stored document is canonical JSON of 39 answers" \
	"$(sqlite3 "$SHINSA_DB" "SELECT document FROM submission WHERE id = 1" | jq -c '[.format, .org, .catalog.id, .version, .submitted_at, (.answers | length), .answers[1], .answers[38].no, .attachments]')" \
	"[\"shinsa-submission/2\",{\"name\":\"$C\",\"public_key\":\"$PK\",\"reg_no\":\"関東財務局長（電代）第1号\"},\"api-checklist-2018-08\",1,\"2026-04-01T09:00:00Z\",39,{\"current\":\"第2項: 対応済み。\",\"issues\":\"委託先管理の規程がない。\",\"key\":\"ism-02\",\"no\":2,\"notes\":\"\",\"plan\":\"2026年度中に整備\",\"plan_due\":\"2026-09-30\",\"status\":\"partial\"},44,[]]"

"$SHINSA" answers set --org "$C" --item 2 --status implemented --issues "" --plan "" --plan-due "" >/dev/null
SHINSA_NOW=2026-04-02T10:00:00Z run "$SHINSA" submit --org "$C" --json
SHA2=$(sqlite3 "$SHINSA_DB" "SELECT sha256 FROM submission WHERE id = 2")
eq "submit --json" "$rc:$(echo "$out" | jq -c .)" "0:{\"id\":2,\"version\":2,\"sha256\":\"$SHA2\",\"submitted_at\":\"2026-04-02T10:00:00Z\"}"

run "$SHINSA" submission list --org "$C"
eq "submission list" "$rc:$out" "0:   1  api-checklist-2018-08  version 1  2026-04-01T09:00:00Z  sha256 $SHA1
   2  api-checklist-2018-08  version 2  2026-04-02T10:00:00Z  sha256 $SHA2"
run "$SHINSA" submission list --org "$C" --json
eq "submission list --json" "$(echo "$out" | jq -c '[.[] | [.id, .catalog, .version, .submitted_at, .sha256]]')" \
	"[[1,\"api-checklist-2018-08\",1,\"2026-04-01T09:00:00Z\",\"$SHA1\"],[2,\"api-checklist-2018-08\",2,\"2026-04-02T10:00:00Z\",\"$SHA2\"]]"

run "$SHINSA" submission show 1
CAT_SHA=$(sqlite3 "$SHINSA_DB" "SELECT sha256 FROM catalog WHERE id = 'api-checklist-2018-08'")
eq "submission show" "$rc:$(echo "$out" | sed -n '1,10p')" "0:submission 1: version 1 of $C
catalog:      api-checklist-2018-08 (sha256 $CAT_SHA)
submitted at: 2026-04-01T09:00:00Z
sha256:       $SHA1
signature:    valid, by the key $PK
  1  対応済
     現在の対応状況: 第1項: 対応済み。
  2  一部対応
     現在の対応状況: 第2項: 対応済み。
     課題認識: 委託先管理の規程がない。"
run "$SHINSA" submission show 2 --json
eq "submission show --json" "$(printf '%s\n' "$out" | jq -c '[.id, .org, .catalog, .version, .submitted_at, .sha256 == "'"$SHA2"'", .signature_valid, (.answers | length), .answers[1]]')" \
	"[2,\"$C\",\"api-checklist-2018-08\",2,\"2026-04-02T10:00:00Z\",true,true,39,{\"no\":2,\"status\":\"implemented\",\"current\":\"第2項: 対応済み。\",\"issues\":\"\",\"plan\":\"\",\"plan_due\":null,\"notes\":\"\"}]"
fails "no such submission" 1 'shinsa: no submission 9 (shinsa submission list --org NAME shows them)' \
	"$SHINSA" submission show 9

# Export, then verify with no database and no secret anywhere.
run "$SHINSA" submission export 1 -o "$T/s1.json"
eq "export" "$rc:$out" "0:wrote $T/s1.json: submission 1, version 1 of $C"
eq "the file ends in one newline" "$(tail -c 2 "$T/s1.json" | xxd -p)" "7d0a"
VERIFIED="verified: version 1 of $C for api-checklist-2018-08, submitted 2026-04-01T09:00:00Z, sha256 $SHA1, signed by key $PK
this proves who signed only if that key is the one $C published (shinsa org list --json shows it)"
cp "$T/s1.json" "$T/elsewhere.json"
run env SHINSA_DB="$T/nowhere/none.db" SHINSA_SECRET_FILE="$T/nowhere/secret.key" "$SHINSA" verify "$T/elsewhere.json"
eq "verify with the database pointing nowhere" "$rc:$out:$err" "0:$VERIFIED:"
run env -u SHINSA_DB -u SHINSA_SECRET -u SHINSA_SECRET_FILE -u SHINSA_NOW sh -c "cd '$T/' && '$SHINSA' verify elsewhere.json"
eq "verify with no database setting at all" "$rc:$out" "0:$VERIFIED"
[ ! -e "$T/nowhere" ] && [ ! -e "$T/var" ] && ok "verify created no database" || not_ok "verify created no database"

# The contract holds for someone else's tools: Python's json makes the same
# canonical bytes, and OpenSSL checks the Ed25519 signature.
python3 - "$T/s1.json" "$T" <<'PY'
import json, sys
raw = open(sys.argv[1], "rb").read()
f = json.loads(raw)
canon = lambda v: json.dumps(v, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
open(sys.argv[2] + "/canon.ok", "w").write(str(canon(f) + b"\n" == raw))
open(sys.argv[2] + "/doc.bin", "wb").write(canon(f["document"]))
open(sys.argv[2] + "/sig.bin", "wb").write(bytes.fromhex(f["signature"]))
open(sys.argv[2] + "/pub.der", "wb").write(bytes.fromhex("302a300506032b6570032100" + f["public_key"]))
PY
eq "Python's canonical bytes are the file's" "$(cat "$T/canon.ok")" True
eq "the document's SHA-256, by sha256sum" "$(sha256sum <"$T/doc.bin" | cut -c1-64)" "$SHA1"
run openssl pkeyutl -verify -pubin -keyform DER -inkey "$T/pub.der" -rawin -in "$T/doc.bin" -sigfile "$T/sig.bin"
eq "OpenSSL verifies the signature" "$rc:$out" "0:Signature Verified Successfully"

# Any changed byte fails, each for its own reason.
V() { sed "$1" "$T/s1.json" >"$T/bad.json"; }
V 's/第7項: 対応済み/第7項: 対応済ミ/'
run "$SHINSA" verify "$T/bad.json"
BAD_SHA=$(python3 -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1]))["document"], sort_keys=True, separators=(",", ":"), ensure_ascii=False), end="")' "$T/bad.json" | sha256sum | cut -c1-64)
eq "one character of a value changed" "$rc:$err" "1:shinsa: $T/bad.json: not verified: the document was changed: its SHA-256 is $BAD_SHA but the file says $SHA1"
V "s/\"sha256\":\"$SHA1\"/\"sha256\":\"$BAD_SHA\"/; s/第7項: 対応済み/第7項: 対応済ミ/"
fails "the value and the hash changed" 1 "shinsa: $T/bad.json: not verified: bad signature: the document was not signed by the key $PK" \
	"$SHINSA" verify "$T/bad.json"
V 's/{"document":{"answers"/{"document";{"answers"/'
fails "one structural byte changed" 1 "shinsa: $T/bad.json: not verified: not JSON: line 1, column 12: ':' expected near ';'" \
	"$SHINSA" verify "$T/bad.json"
V 's/"version":1}/"version": 1}/'
fails "the same meaning in other bytes" 1 "shinsa: $T/bad.json: not verified: not in canonical form: it first differs at byte offset $(grep -ob '"version":1}' "$T/s1.json" | cut -d: -f1 | awk '{print $1 + 10}')" \
	"$SHINSA" verify "$T/bad.json"
V 's|shinsa-submission/2|shinsa-submission/9|'
fails "an unknown format" 1 "shinsa: $T/bad.json: not verified: wrong shape: unknown format \"shinsa-submission/9\" (this shinsa reads shinsa-submission/1 and shinsa-submission/2)" \
	"$SHINSA" verify "$T/bad.json"
OTHER=$("$SHINSA" org list --json | jq -r '.[] | select(.name == "別の接続先") | .public_key')
V "s/\"public_key\":\"$PK\",\"sha256\"/\"public_key\":\"$OTHER\",\"sha256\"/"
fails "another organisation's key beside the document" 1 "shinsa: $T/bad.json: not verified: the public key beside the document ($OTHER) is not the one in it ($PK)" \
	"$SHINSA" verify "$T/bad.json"
printf '{"document":{}}\n' >"$T/bad.json"
fails "a missing field" 1 "shinsa: $T/bad.json: not verified: wrong shape: missing field \"public_key\"" \
	"$SHINSA" verify "$T/bad.json"
fails "a file that is not there" 1 "shinsa: cannot read $T/missing.json: No such file or directory" \
	"$SHINSA" verify "$T/missing.json"
truncate -s 67108865 "$T/big.json"
fails "a file too large" 1 "shinsa: cannot read $T/big.json: larger than 67108864 bytes" \
	"$SHINSA" verify "$T/big.json"
rm -f "$T/big.json"

# Diffs: between versions, and against the working answers.
run "$SHINSA" diff 1 2
eq "diff 1 2" "$rc:$out" "0:$C, api-checklist-2018-08: submission 1 (version 1, 2026-04-01T09:00:00Z) → submission 2 (version 2, 2026-04-02T10:00:00Z)
item 2
  status: \"partial\" → \"implemented\"
  issues: \"委託先管理の規程がない。\" → \"\"
  plan: \"2026年度中に整備\" → \"\"
  plan_due: \"2026-09-30\" → null
1 item changed"
"$SHINSA" answers set --org "$C" --item 5 --status not_implemented --notes '調査中 "A\B"' >/dev/null
"$SHINSA" answers set --org "$C" --item 44 --current "二行
目" >/dev/null
run "$SHINSA" diff 2 working
eq "diff 2 working" "$rc:$out" "0:$C, api-checklist-2018-08: submission 2 (version 2, 2026-04-02T10:00:00Z) → the working answers
item 5
  status: \"implemented\" → \"not_implemented\"
  notes: \"\" → \"調査中 \\\"A\\\\B\\\"\"
item 44
  current: \"第44項: 対応済み。\" → \"二行\\n目\"
2 items changed"
run "$SHINSA" diff 2 working --json
eq "diff --json" "$rc:$(printf '%s\n' "$out" | jq -c .)" "0:{\"org\":\"$C\",\"catalog\":\"api-checklist-2018-08\",\"from\":{\"kind\":\"submission\",\"id\":2,\"version\":2,\"submitted_at\":\"2026-04-02T10:00:00Z\"},\"to\":{\"kind\":\"working\"},\"items\":[{\"no\":5,\"key\":\"ism-05\",\"fields\":[{\"field\":\"status\",\"before\":\"implemented\",\"after\":\"not_implemented\"},{\"field\":\"notes\",\"before\":\"\",\"after\":\"調査中 \\\"A\\\\B\\\"\"}]},{\"no\":44,\"key\":\"use-01\",\"fields\":[{\"field\":\"current\",\"before\":\"第44項: 対応済み。\",\"after\":\"二行\\n目\"}]}],\"files\":[]}"
run "$SHINSA" diff 2 2
eq "diff with itself" "$rc:$out" "0:$C, api-checklist-2018-08: submission 2 (version 2, 2026-04-02T10:00:00Z) → submission 2 (version 2, 2026-04-02T10:00:00Z)
no changes"
for n in $(seq 1 38) 44; do
	"$SHINSA" answers set --org 別の接続先 --item "$n" --status implemented >/dev/null
done
"$SHINSA" submit --org 別の接続先 >/dev/null
fails "diff across organisations" 1 "shinsa: submission 1 is of $C and submission 3 of 別の接続先: only one organisation's compare" \
	"$SHINSA" diff 1 3
fails "diff with a missing submission" 1 'shinsa: no submission 7 (shinsa submission list --org NAME shows them)' \
	"$SHINSA" diff 1 7

# A second checklist: its submissions do not compare with the first's.
mkdir "$T/cat2"
jq '.id = "api-checklist-2030-01"' catalog/api-checklist-2018-08.json >"$T/cat2/second.json"
"$SHINSA" init --catalog-dir "$T/cat2" >/dev/null
for n in $(seq 1 38) 44; do
	"$SHINSA" answers set --org "$C" --catalog api-checklist-2030-01 --item "$n" --status implemented >/dev/null
done
fails "submit needs --catalog when there are two checklists" 1 'shinsa: there is more than one checklist: say which with --catalog ID' \
	"$SHINSA" submit --org "$C"
run "$SHINSA" submit --org "$C" --catalog api-checklist-2030-01
eq "version 1 of the second checklist" "$rc:$out" "0:submitted version 1 of $C (submission 4, sha256 $(sqlite3 "$SHINSA_DB" "SELECT sha256 FROM submission WHERE id = 4"))"
fails "diff across checklists" 1 "shinsa: submission 1 answers api-checklist-2018-08 and submission 4 api-checklist-2030-01: only one checklist's compare" \
	"$SHINSA" diff 1 4

# Stored submissions cannot be changed; one changed behind the store's back is caught.
run sqlite3 "$SHINSA_DB" "UPDATE submission SET version = 5 WHERE id = 1"
eq "the database refuses an UPDATE" "$rc:$err" "19:Error: stepping, submissions are immutable (19)"
run sqlite3 "$SHINSA_DB" "DELETE FROM submission WHERE id = 1"
eq "the database refuses a DELETE" "$rc:$err" "19:Error: stepping, submissions are immutable (19)"
sqlite3 "$SHINSA_DB" "DROP TRIGGER submission_no_update; UPDATE submission SET document = replace(document, '第7項', '第8項') WHERE id = 1"
run "$SHINSA" submission show 1
TAMPERED=$(sqlite3 "$SHINSA_DB" "SELECT hex(document) FROM submission WHERE id = 1" | xxd -r -p | sha256sum | cut -c1-64)
eq "show says a tampered record does not verify" "$rc:$(echo "$out" | sed -n 5p):$err" \
	"1:signature:    NOT VALID:shinsa: submission 1 does not verify: the stored document was changed: its SHA-256 is $TAMPERED but $SHA1 was signed"

# A genuine signed document moved under another record's number, date and organisation.
sqlite3 "$SHINSA_DB" "UPDATE submission SET (document, sha256, signature) = (SELECT document, sha256, signature FROM submission WHERE id = 2) WHERE id = 3"
V2_AT=$(sqlite3 "$SHINSA_DB" "SELECT submitted_at FROM submission WHERE id = 2")
V3_AT=$(sqlite3 "$SHINSA_DB" "SELECT submitted_at FROM submission WHERE id = 3")
V3=$(sqlite3 "$SHINSA_DB" "SELECT version FROM submission WHERE id = 3")
MOVED="submission 3 does not verify: the stored record (version $V3, $V3_AT, api-checklist-2018-08) does not match its signed document (version 2, $V2_AT, api-checklist-2018-08)"
run "$SHINSA" submission show 3
eq "a document moved to another record is caught" "$rc:$(echo "$out" | sed -n 1p):$err" "1:submission 3: version 2 of 別の接続先:shinsa: $MOVED"
fails "diff refuses a record that does not verify" 1 "shinsa: $MOVED" "$SHINSA" diff 2 3
fails "export refuses a record that does not verify" 1 "shinsa: $MOVED" "$SHINSA" submission export 3 -o "$T/moved.json"
[ ! -e "$T/moved.json" ] && ok "nothing exported" || not_ok "nothing exported"

finish
