# shinsa form: the blank form is written whole, or not at all.
. tests/cli/lib.sh

"$SHINSA" init >/dev/null || { echo "init failed"; exit 1; }

run "$SHINSA" form api-checklist-2018-08 -o "$T/form.xlsx"
eq "form is written" "$rc:$out" "0:wrote $T/form.xlsx: api-checklist-2018-08, 45 items"
eq "it is an xlsx package" "$(unzip -Z1 "$T/form.xlsx" | grep -c -e '^xl/workbook.xml$' -e '^xl/worksheets/sheet1.xml$' -e '^\[Content_Types\].xml$')" 3
eq "no temporary file is left" "$(ls "$T" | grep -c tmp)" 0
eq "the file has ordinary permissions" "$(stat -c %a "$T/form.xlsx")" "$(umask 022; touch "$T/p"; stat -c %a "$T/p")"

cp "$T/form.xlsx" "$T/before.xlsx"
fails "a criteria catalog has no form" 1 "shinsa: no form for bank-criteria-sample: it is a criteria catalog, not a checklist" \
	"$SHINSA" form bank-criteria-sample -o "$T/form.xlsx"
cmp -s "$T/form.xlsx" "$T/before.xlsx" && ok "a failed write leaves the old file" || not_ok "a failed write leaves the old file"

fails "unknown catalog id" 1 'shinsa: no catalog "api-checklist-2099" (shinsa catalog list shows them)' \
	"$SHINSA" form api-checklist-2099 -o "$T/x.xlsx"
fails "output directory missing" 1 "shinsa: cannot write $T/no/dir/form.xlsx: No such file or directory" \
	"$SHINSA" form api-checklist-2018-08 -o "$T/no/dir/form.xlsx"
fails "output under a regular file" 1 "shinsa: cannot write $T/form.xlsx/x.xlsx: Not a directory" \
	"$SHINSA" form api-checklist-2018-08 -o "$T/form.xlsx/x.xlsx"
eq "nothing half-written" "$(ls "$T" | sort | tr '\n' ' ')" "before.xlsx err form.xlsx out p secret.key shinsa.db "
fails "no output file given" 2 "shinsa: form: missing -o FILE.xlsx (usage: shinsa form CHECKLIST-ID -o FILE.xlsx)" \
	"$SHINSA" form api-checklist-2018-08
fails "output not .xlsx" 2 "shinsa: form: output file must end in .xlsx (usage: shinsa form CHECKLIST-ID -o FILE.xlsx)" \
	"$SHINSA" form api-checklist-2018-08 -o "$T/form.xls"
fails "no catalog id" 2 "shinsa: form: missing CHECKLIST-ID (usage: shinsa form CHECKLIST-ID -o FILE.xlsx)" \
	"$SHINSA" form -o "$T/f.xlsx"

finish
