# A real submission's files in its package: connector C attaches a PDF
# (items 2 and 3) and a CSV (item 5) with `shinsa attach add`, submits,
# then removes the PDF from its list. `submission export -o FILE.zip`
# still holds both sealed files (the removed one's bytes are kept for the
# submission that names them), `shinsa verify` passes with a line per
# file, and one changed byte in one file fails naming that file. The JSON
# export is as before: the document alone.
. tests/cli/lib.sh
export SHINSA_NOW=2026-04-01T09:00:00Z
cd "$T" || exit 1
"$SHINSA" init >/dev/null || { echo "init failed"; exit 1; }
C=株式会社フィンテック
"$SHINSA" org add --kind connector --name "$C" >/dev/null
for n in $(seq 1 38) 44; do
	"$SHINSA" answers set --org "$C" --item "$n" --status implemented --current "第${n}項: 対応済み。" >/dev/null
done
printf '%%PDF-1.4\n%% ISMS認証書\n' >ISMS認証.pdf
printf '項目,状況\n1,対応済み\n' >一覧.csv
PDF=$(sha256sum ISMS認証.pdf | cut -c1-64) CSV=$(sha256sum 一覧.csv | cut -c1-64)
PDF_M=files/$(echo "$PDF" | cut -c1-12)-ISMS認証.pdf CSV_M=files/$(echo "$CSV" | cut -c1-12)-一覧.csv
"$SHINSA" attach add --org "$C" --item 2,3 ISMS認証.pdf --title ISMS認証 --valid-until 令和9年7月31日 >/dev/null
"$SHINSA" attach add --org "$C" --item ５ 一覧.csv >/dev/null
"$SHINSA" submit --org "$C" >/dev/null
"$SHINSA" attach remove --org "$C" 1 >/dev/null

"$SHINSA" submission export 1 -o s.json >/dev/null
eq "the document seals both files, by name" "$(jq -c '.document.attachments' s.json)" \
	"[{\"items\":[2,3],\"name\":\"ISMS認証.pdf\",\"sha256\":\"$PDF\",\"size\":25,\"title\":\"ISMS認証\",\"type\":\"application/pdf\",\"valid_until\":\"2027-07-31\"},{\"items\":[5],\"name\":\"一覧.csv\",\"sha256\":\"$CSV\",\"size\":29,\"title\":\"\",\"type\":\"text/csv\",\"valid_until\":null}]"
run "$SHINSA" submission show 1
eq "submission show lists the sealed files" "$(printf '%s\n' "$out" | sed -n '/^files:/,/^ *1 /p' | head -n 3)" "files:        2
  ISMS認証.pdf (items 2, 3): 25 bytes, application/pdf, sha256 $PDF, valid until 2027-07-31
  一覧.csv (item 5): 29 bytes, text/csv, sha256 $CSV"
run "$SHINSA" submission export 1 -o p.zip
eq "export -o FILE.zip of a submission with files" "$rc:$out" "0:wrote p.zip: submission 1, version 1 of $C"
eq "the members" "$(unzip -Z1 p.zip | tr '\n' ' ')" "submission.json $PDF_M $CSV_M "
unzip -p p.zip "$PDF_M" | cmp -s - ISMS認証.pdf && ok "the removed PDF's bytes, kept" || not_ok "the removed PDF's bytes, kept"
unzip -p p.zip submission.json | cmp -s - s.json && ok "submission.json is the JSON export" || not_ok "submission.json is the JSON export"
SHA=$(jq -r .sha256 s.json) PK=$(jq -r .public_key s.json)
run "$SHINSA" verify p.zip
eq "verify: the submission and each file" "$rc:$out" "0:verified: version 1 of $C for api-checklist-2018-08, submitted 2026-04-01T09:00:00Z, sha256 $SHA, signed by key $PK
$PDF_M: 25 bytes, sha256 $PDF ok
$CSV_M: 29 bytes, sha256 $CSV ok
this proves who signed only if that key is the one $C published (shinsa org list --json shows it)"

# One byte of the CSV changed: its last み becomes ま.
python3 - <<'PY'
import zipfile
src, dst = zipfile.ZipFile("p.zip"), zipfile.ZipFile("bad.zip", "w", zipfile.ZIP_DEFLATED)
for m in src.namelist():
    b = src.read(m)
    if m.endswith(".csv"):
        b = b[:-2] + bytes([b[-2] ^ 1]) + b[-1:]
    dst.writestr(m, b)
dst.close()
PY
BAD=$(unzip -p bad.zip "$CSV_M" | sha256sum | cut -c1-64)
fails "one changed byte in one file: that file named" 1 \
	"shinsa: bad.zip: not verified: $CSV_M: its sha256 is $BAD but the submission lists $CSV" "$SHINSA" verify bad.zip
finish
