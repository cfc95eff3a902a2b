# An import of 2,000 rows (the size bench/xlsx_bench.py measures): its
# audit event summarises the changed items, which listed one by one would
# pass AUDIT_DETAILS_MAX (until now the import failed: "audit: the details
# are longer than 65536 bytes"), and the trail still verifies.
. tests/cli/lib.sh
export SHINSA_NOW=2026-04-01T09:00:00Z
mkdir "$T/catalogs"
# The shipped checklist's 45 items repeated to 2,000, all the connector's,
# as the bench makes its catalog; and the filled-in sheet, written with the
# standard library (inline strings), every row answered but items 1000 and
# 1500, whose rows are there and empty.
python3 - "$T" <<'PY' || { echo "making the workbook failed"; exit 1; }
import json, sys, zipfile
from xml.sax.saxutils import escape
d = sys.argv[1]
base = json.load(open("catalog/api-checklist-2018-08.json", encoding="utf-8"))
big = dict(base, id="big-2000", title="2000項目")
big["items"] = [dict(base["items"][i % 45], no=i + 1, key="r%d" % (i + 1), party="connector") for i in range(2000)]
json.dump(big, open(d + "/catalogs/big-2000.json", "w", encoding="utf-8"), ensure_ascii=False)

def cell(col, row, v):
    if isinstance(v, int):
        return '<c r="%s%d"><v>%d</v></c>' % (col, row, v)
    return '<c r="%s%d" t="inlineStr"><is><t xml:space="preserve">%s</t></is></c>' % (col, row, escape(v))

head = ["通番", "区分", "セキュリティ対応目標", "対象者", "現在の対応状況", "課題認識", "課題への対応計画", "関連規定",
        "関連規定箇所", "備考"]
rows = ['<row r="1">%s</row>' % "".join(cell(c, 1, h) for c, h in zip("ABCDEFGHIJ", head))]
for it in big["items"]:
    r = it["no"] + 1
    cells = [cell("A", r, it["no"]), cell("C", r, it["objective"])]
    if it["no"] not in (1000, 1500):
        cells.append(cell("E", r, "【対応済】\n項目%dは規程を整備済み。" % it["no"]))
    rows.append('<row r="%d">%s</row>' % (r, "".join(cells)))
ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
pkg = "http://schemas.openxmlformats.org/package/2006/relationships"
with zipfile.ZipFile(d + "/big.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
    z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="%s"><Relationship Id="rId1" Type="%s/officeDocument" Target="xl/workbook.xml"/></Relationships>' % (pkg, rel))
    z.writestr("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8"?><workbook %s xmlns:r="%s"><sheets><sheet name="API接続チェックリスト" sheetId="1" r:id="rId1"/></sheets></workbook>' % (ns, rel))
    z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="%s"><Relationship Id="rId1" Type="%s/worksheet" Target="worksheets/sheet1.xml"/></Relationships>' % (pkg, rel))
    z.writestr("xl/worksheets/sheet1.xml", '<?xml version="1.0" encoding="UTF-8"?><worksheet %s><sheetData>%s</sheetData></worksheet>' % (ns, "".join(rows)))
PY
"$SHINSA" init --catalog-dir "$T/catalogs" >/dev/null || { echo "init failed"; exit 1; }
"$SHINSA" org add --kind connector --name A社 >/dev/null

run "$SHINSA" answers import "$T/big.xlsx" --org A社 --catalog big-2000
eq "2,000 rows imported" "$rc:$(printf '%s' "$out" | tail -n 1):$err" \
	"0:imported 2000 items (1998 changed) from $T/big.xlsx:"
eq "every answer written" "$("$SHINSA" answers show --org A社 --catalog big-2000 --json |
	jq -c '[([.items[] | select(.status == "implemented")] | length), .items[1998].current, .items[999].status]')" \
	'[1998,"項目1999は規程を整備済み。",null]'
eq "the event summarises what changed" "$("$SHINSA" audit list --limit 1 --json | jq -r '.[0] | .action + " " + .object + " " + .details')" \
	"answers_import answer_set:big-2000 {\"catalog\":\"big-2000\",\"changed_count\":1998,\"changed_fields\":{\"current\":1998,\"status\":1998},\"changed_items\":\"1-999,1001-1499,1501-2000\",\"file\":\"$T/big.xlsx\",\"read\":2000}"
run "$SHINSA" audit verify
eq "the trail verifies" "$rc:$(printf '%s' "$out" | cut -d, -f1)" "0:audit trail intact: 2 events"
finish
