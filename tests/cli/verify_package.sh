# shinsa verify FILE.zip and submission export -o FILE.zip: the package
# that travels, checked with no database; a changed byte in any file fails
# naming that file. Packages with files come from build/tests/mkpackage
# (a small submission signed with a fixed test key), so that the reader's
# refusals are tried on exact documents; tests/cli/export_files.sh
# packages a real submission's sealed files.
. tests/cli/lib.sh
export SHINSA_NOW=2026-04-01T09:00:00Z
MK=$(dirname "$SHINSA")/tests/mkpackage
[ -x "$MK" ] || { echo "not ok - $MK is not built (make $MK)"; exit 1; }

cd "$T" || exit 1
printf '%%PDF-1.4\n%% ISMS認証書\n' >ISMS認証.pdf
printf '項目,状況\n1,対応済み\n' >一覧.csv
"$MK" p.zip ISMS認証.pdf application/pdf 3 一覧.csv text/csv 5 || exit 1
PDF=$(sha256sum ISMS認証.pdf | cut -c1-64) CSV=$(sha256sum 一覧.csv | cut -c1-64)
PDF_M=files/$(echo "$PDF" | cut -c1-12)-ISMS認証.pdf CSV_M=files/$(echo "$CSV" | cut -c1-12)-一覧.csv
DOC=$(unzip -p p.zip submission.json | jq -r .sha256) KEY=$(unzip -p p.zip submission.json | jq -r .public_key)
eq "the members, by name" "$(unzip -Z1 p.zip | tr '\n' ' ')" "submission.json $PDF_M $CSV_M "

run "$SHINSA" verify p.zip
eq "verify a package: the submission's lines and one per file" "$rc:$out" "0:verified: version 1 of 株式会社フィンテック for api-checklist-2018-08, submitted 2026-04-01T09:00:00Z, sha256 $DOC, signed by key $KEY
$PDF_M: 25 bytes, sha256 $PDF ok
$CSV_M: 29 bytes, sha256 $CSV ok
this proves who signed only if that key is the one 株式会社フィンテック published (shinsa org list --json shows it)"

# rezip SRC DST PYTHON: copies the zip SRC to DST, member by member, through
# PYTHON (a body where m is the member's name and b its bytes; it sets b,
# or m to None to leave the member out), then runs any `extra` lines.
rezip() {
	python3 - "$1" "$2" <<PY
import sys, zipfile
src, dst = zipfile.ZipFile(sys.argv[1]), zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED)
for m in src.namelist():
    b = src.read(m)
$3
    if m is not None:
        dst.writestr(m, b)
$4
dst.close()
PY
}

rezip p.zip bad.zip "    if m.endswith('.csv'): b = b.replace('済'.encode(), '未'.encode())" ""
BAD=$(unzip -p bad.zip "$CSV_M" | sha256sum | cut -c1-64)
fails "one changed byte in a file: the file is named" 1 "shinsa: bad.zip: not verified: $CSV_M: its sha256 is $BAD but the submission lists $CSV" \
	"$SHINSA" verify bad.zip
rezip p.zip bad.zip "    if m.endswith('.pdf'): m = None" ""
fails "a listed file missing" 1 "shinsa: bad.zip: not verified: $PDF_M: listed in the submission but not in the package" \
	"$SHINSA" verify bad.zip
rezip p.zip bad.zip "" "dst.writestr('files/追加.txt', 'x')"
fails "a file not listed" 1 "shinsa: bad.zip: not verified: files/追加.txt: in the package but not listed in the submission" \
	"$SHINSA" verify bad.zip
rezip p.zip bad.zip "" "dst.writestr('../../x', 'x')"
fails "a path out of the folder" 1 "shinsa: bad.zip: not verified: ../../x: a member's name must be a relative path without .., \\, a drive letter or control characters" \
	"$SHINSA" verify bad.zip
rezip p.zip bad.zip "    if m == 'submission.json': b = b.replace(b'\"version\":1', b'\"version\":2')" ""
fails "the submission changed" 1 "shinsa: bad.zip: not verified: submission.json: not verified: the document was changed: its SHA-256 is $(unzip -p bad.zip submission.json | jq -j .document | python3 -c 'import sys,json,hashlib; d=json.load(sys.stdin); print(hashlib.sha256(json.dumps(d,sort_keys=True,separators=(",",":"),ensure_ascii=False).encode()).hexdigest())') but the file says $DOC" \
	"$SHINSA" verify bad.zip
head -c 200 p.zip >cut.zip
fails "a zip cut short" 1 "shinsa: cut.zip: not verified: a zip cut short: not a package" \
	"$SHINSA" verify cut.zip

# A stored submission (no files yet) exported as a package: its
# submission.json is exactly the file export -o FILE.json writes.
"$SHINSA" init >/dev/null || { echo "init failed"; exit 1; }
C=株式会社フィンテック
"$SHINSA" org add --kind connector --name "$C" >/dev/null
for n in $(seq 1 38) 44; do
	"$SHINSA" answers set --org "$C" --item "$n" --status implemented --current "第${n}項: 対応済み。" >/dev/null
done
"$SHINSA" submit --org "$C" >/dev/null
run "$SHINSA" submission export 1 -o s.zip
eq "export -o FILE.zip" "$rc:$out" "0:wrote s.zip: submission 1, version 1 of $C"
"$SHINSA" submission export 1 -o s.json >/dev/null
unzip -p s.zip submission.json >from-zip.json
eq "its submission.json is the exported file, byte for byte" "$(cmp s.json from-zip.json && echo same)" "same"
sleep 1 # another second and another time zone: still the same bytes
TZ=Asia/Tokyo "$SHINSA" submission export 1 -o again.zip >/dev/null
eq "the same submission gives the same zip" "$(cmp s.zip again.zip && echo same)" "same"
SHA=$(jq -r .sha256 s.json) PK=$(jq -r .public_key s.json)
run "$SHINSA" verify s.zip
eq "verify a package without files" "$rc:$out" "0:verified: version 1 of $C for api-checklist-2018-08, submitted 2026-04-01T09:00:00Z, sha256 $SHA, signed by key $PK
the package holds no files
this proves who signed only if that key is the one $C published (shinsa org list --json shows it)"
finish
