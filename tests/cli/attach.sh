# shinsa attach: add a file to a connector's items (--item repeated and as
# a Japanese list, a date as typed in Japan), list it (text and --json),
# change and remove it; the refusals with their messages; a bank has no
# attachments; the quota set with `org set --attachment-quota` (its unit
# syntax), a file over 20 MiB refused unread; the audit trail.
. tests/cli/lib.sh
export SHINSA_NOW=2026-04-01T09:00:00Z
"$SHINSA" init >/dev/null
"$SHINSA" org add --kind connector --name 接続先A >/dev/null
"$SHINSA" org add --kind bank --name X銀行 >/dev/null
ME="cli:$(id -un)"
printf '%%PDF-1.4\n規程\n' >"$T/情報セキュリティ規程.pdf"
SHA=$(sha256sum "$T/情報セキュリティ規程.pdf" | cut -d' ' -f1)

run "$SHINSA" attach add --org 接続先A --item 2 --item ３、４ "$T/情報セキュリティ規程.pdf" --title 規程 --valid-until 令和9年7月31日
eq "add" "$rc:$out" "0:1  情報セキュリティ規程.pdf  pdf  16 bytes  items 2,3,4  「規程」  valid until 2027-07-31
    sha256 $SHA, added 2026-04-01T09:00:00Z by $ME"
run "$SHINSA" attach list --org 接続先A --json
eq "list --json" "$rc:$(echo "$out" | jq -c .)" \
	"0:[{\"id\":1,\"name\":\"情報セキュリティ規程.pdf\",\"title\":\"規程\",\"sha256\":\"$SHA\",\"type\":\"pdf\",\"size\":16,\"valid_until\":\"2027-07-31\",\"items\":[2,3,4],\"created_by\":\"$ME\",\"created_at\":\"2026-04-01T09:00:00Z\"}]"
run "$SHINSA" attach set --org 接続先A 1 --item 5 --valid-until none --title 改定版
eq "set" "$rc:$(echo "$out" | head -n 1)" "0:1  情報セキュリティ規程.pdf  pdf  16 bytes  items 5  「改定版」"

fails "no items" 1 "shinsa: say which items the file supports (at least one)" \
	"$SHINSA" attach add --org 接続先A "$T/情報セキュリティ規程.pdf"
fails "the bank's item" 1 "shinsa: item 45 is the bank's: files go on the connector's items and common ones" \
	"$SHINSA" attach add --org 接続先A --item 45 "$T/情報セキュリティ規程.pdf"
fails "no such item" 1 "shinsa: item 99 is not in the checklist" \
	"$SHINSA" attach add --org 接続先A --item 99 "$T/情報セキュリティ規程.pdf"
fails "not a date" 1 "shinsa: 2027-02-30 is not a day" \
	"$SHINSA" attach add --org 接続先A --item 2 "$T/情報セキュリティ規程.pdf" --valid-until 2027-02-30
fails "not a list" 2 "shinsa: attach add: \"2か3\" is not a list of numbers (want 2、3 or 2〜5) (usage: shinsa attach add --org CONNECTOR --item N [--item M...] FILE [--title T] [--valid-until DATE])" \
	"$SHINSA" attach add --org 接続先A --item 2か3 "$T/情報セキュリティ規程.pdf"
printf 'MZ\220\0' >"$T/setup.pdf"
fails ".exe renamed .pdf" 1 "shinsa: file \"setup.pdf\" is not a PDF (its content is an executable)" \
	"$SHINSA" attach add --org 接続先A --item 2 "$T/setup.pdf"
fails "a bank" 1 "shinsa: X銀行 is a bank: files are attached to a connector's answers" \
	"$SHINSA" attach add --org X銀行 --item 2 "$T/情報セキュリティ規程.pdf"
fails "another's or no attachment" 1 "shinsa: no attachment 9" "$SHINSA" attach remove --org 接続先A 9
head -c $((20 * 1024 * 1024 + 1)) /dev/zero >"$T/big.pdf"
fails "over 20 MiB" 1 "shinsa: file \"big.pdf\" is 20.00 MiB: at most 20 MiB may be attached" \
	"$SHINSA" attach add --org 接続先A --item 2 "$T/big.pdf"

fails "a size it cannot read" 1 "shinsa: \"2 ギガ\" is not a size: give bytes, or a number with MiB or GiB (500MiB, 2GiB)" \
	"$SHINSA" org set 接続先A --attachment-quota "2 ギガ"
run "$SHINSA" org set 接続先A --attachment-quota 1MiB
eq "quota" "$rc:$out" "0:接続先A: files may take 1048576 bytes (1.0 MiB), 16 bytes taken now"
head -c $((1024 * 1024)) /dev/zero | tr '\0' a >"$T/notes.txt"
fails "over the quota" 1 "shinsa: file \"notes.txt\" (1 MiB) does not fit: 0.99 MiB of the organisation's 1 MiB for files is left" \
	"$SHINSA" attach add --org 接続先A --item 2 "$T/notes.txt"
run "$SHINSA" org set 接続先A --attachment-quota default
eq "back to the default" "$rc:$out" "0:接続先A: files may take 1073741824 bytes (1024.0 MiB), 16 bytes taken now"
run "$SHINSA" attach add --org 接続先A --item 2 "$T/notes.txt"
eq "fits now" "$rc" 0

run "$SHINSA" attach remove --org 接続先A 1
eq "remove" "$rc:$out" "0:removed attachment 1 (its file is kept: a submission may name it)"
run "$SHINSA" attach list --org 接続先A --json
eq "removed: not listed" "$(echo "$out" | jq -c '[.[].name]')" '["notes.txt"]'
eq "its bytes are kept, and cannot be deleted" \
	"$(sqlite3 "$SHINSA_DB" 'SELECT count(*) FROM attachment_blob'):$(sqlite3 "$SHINSA_DB" "DELETE FROM attachment_blob WHERE sha256 = '$SHA'" 2>&1 | grep -o 'attached files are kept: a submission may name them')" \
	"2:attached files are kept: a submission may name them"
eq "audited" "$("$SHINSA" audit list --org 接続先A --json | jq -c '[reverse[] | select(.action | test("^attachment_|^org_setting")) | [.action, .object, .details]]')" \
	"[[\"attachment_add\",\"attachment:1\",\"{\\\"items\\\":[2,3,4],\\\"name\\\":\\\"情報セキュリティ規程.pdf\\\",\\\"sha256\\\":\\\"$SHA\\\",\\\"size\\\":16,\\\"type\\\":\\\"pdf\\\"}\"],[\"attachment_set\",\"attachment:1\",\"{\\\"items\\\":[5],\\\"title\\\":\\\"改定版\\\",\\\"valid_until\\\":null}\"],[\"org_setting\",\"org:1\",\"{\\\"attachment_quota\\\":1048576}\"],[\"org_setting\",\"org:1\",\"{\\\"attachment_quota\\\":null}\"],[\"attachment_add\",\"attachment:2\",\"{\\\"items\\\":[2],\\\"name\\\":\\\"notes.txt\\\",\\\"sha256\\\":\\\"$(sha256sum "$T/notes.txt" | cut -d' ' -f1)\\\",\\\"size\\\":1048576,\\\"type\\\":\\\"txt\\\"}\"],[\"attachment_remove\",\"attachment:1\",\"{\\\"name\\\":\\\"情報セキュリティ規程.pdf\\\",\\\"sha256\\\":\\\"$SHA\\\"}\"]]"

# The form lists each item's files in 備考; importing it back changes nothing.
"$SHINSA" answers export --org 接続先A -o "$T/form.xlsx" >/dev/null
eq "the form's 備考 names the file" \
	"$(python3 -c 'import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).read("xl/sharedStrings.xml").decode().count(sys.argv[2]))' "$T/form.xlsx" "<t>添付：notes.txt (sha256 $(sha256sum "$T/notes.txt" | cut -c1-12))</t>")" 1
run "$SHINSA" answers import --org 接続先A "$T/form.xlsx" --json
eq "imported back: no change" "$rc:$(echo "$out" | jq -c '.changes')" "0:[]"

# The bytes are in the database: a backup holds them, a restore brings
# them back with the attachments that name them.
"$SHINSA" backup "$T/b" >/dev/null
mkdir "$T/r"
SHINSA_DB="$T/r/shinsa.db" SHINSA_SECRET_FILE="$T/r/secret.key" "$SHINSA" restore "$T/b" >/dev/null
eq "restored: the same list and the same bytes" \
	"$(SHINSA_DB="$T/r/shinsa.db" "$SHINSA" attach list --org 接続先A --json | jq -c .):$(sqlite3 "$T/r/shinsa.db" "SELECT hex(bytes) FROM attachment_blob WHERE sha256 = '$SHA'")" \
	"$("$SHINSA" attach list --org 接続先A --json | jq -c .):$(od -An -tx1 "$T/情報セキュリティ規程.pdf" | tr -d ' \n' | tr a-f A-F)"
finish
