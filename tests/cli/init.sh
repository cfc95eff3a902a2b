# shinsa init: bad catalogs are refused before the database is touched.
. tests/cli/lib.sh

cat_dir() { # a copy of the shipped catalogs to spoil
	rm -rf "$T/cat" && cp -r catalog "$T/cat" && rm -rf "$T/cat/sources"
}

cat_dir
fails "missing catalog directory" 1 "shinsa: cannot open catalog directory $T/nowhere: No such file or directory" \
	"$SHINSA" init --catalog-dir "$T/nowhere"
eq "no database after a failed init" "$(ls "$T")" "cat
err
out"

head -c 300 catalog/api-checklist-2018-08.json >"$T/cat/api-checklist-2018-08.json"
fails "truncated catalog file" 1 "shinsa: $T/cat/api-checklist-2018-08.json:8:6: invalid JSON: premature end of input near '\"sou'" \
	"$SHINSA" init --catalog-dir "$T/cat"
[ -e "$SHINSA_DB" ] && not_ok "truncated catalog leaves no database" || ok "truncated catalog leaves no database"

cat_dir
rm "$T/cat/api-checklist-2018-08.json"
fails "mapping whose checklist is missing" 1 "shinsa: $T/cat/bank-criteria-sample.api-checklist-2018-08.mapping.json: names catalog api-checklist-2018-08, which is not in $T/cat" \
	"$SHINSA" init --catalog-dir "$T/cat"

cat_dir
sed -i 's/"no": 12, "key": "coop-01", "category": "銀行・API接続先の協力体制", "objective": "セキュリティ対策の高度化を図る。", "party": "common"/"no": 12, "key": "coop-01", "category": "銀行・API接続先の協力体制", "objective": "セキュリティ対策の高度化を図る。", "party": "both"/' \
	"$T/cat/api-checklist-2018-08.json"
fails "unknown party" 1 "shinsa: $T/cat/api-checklist-2018-08.json: item 12: unknown party \"both\" (want connector, bank or common)" \
	"$SHINSA" init --catalog-dir "$T/cat"

cat_dir
sed -i 's/"key": "ism-02"/"key": "ism-01"/' "$T/cat/api-checklist-2018-08.json"
fails "duplicate key" 1 "shinsa: $T/cat/api-checklist-2018-08.json: item 2: duplicate key \"ism-01\"" \
	"$SHINSA" init --catalog-dir "$T/cat"

cat_dir
sed -i 's/"objective": "役職員の不正対策を整備する。"/"objective": ""/' "$T/cat/api-checklist-2018-08.json"
fails "empty objective" 1 "shinsa: $T/cat/api-checklist-2018-08.json: item 5: empty objective" \
	"$SHINSA" init --catalog-dir "$T/cat"

cat_dir
sed -i 's/{"criterion": "(1)-9", "items": \[7\]/{"criterion": "(1)-9", "items": [46]/' \
	"$T/cat/bank-criteria-sample.api-checklist-2018-08.mapping.json"
fails "mapping names a missing item" 1 "shinsa: $T/cat/bank-criteria-sample.api-checklist-2018-08.mapping.json: criterion (1)-9: item 46 is not in api-checklist-2018-08" \
	"$SHINSA" init --catalog-dir "$T/cat"
[ -e "$SHINSA_DB" ] && not_ok "no database after refused catalogs" || ok "no database after refused catalogs"

# A catalog changed under the same id after it was loaded is refused, and the
# database keeps what it had.
cat_dir
run "$SHINSA" init --catalog-dir "$T/cat"
eq "init from a catalog directory" "$rc" 0
sed -i 's/"objective": "役職員の不正対策を整備する。"/"objective": "役職員の不正対策を強化する。"/' "$T/cat/api-checklist-2018-08.json"
fails "changed catalog under the same id" 1 "shinsa: catalog api-checklist-2018-08: the database holds different content under this id (a published catalog never changes: give the new version a new id)" \
	"$SHINSA" init --catalog-dir "$T/cat"
run "$SHINSA" catalog show api-checklist-2018-08 --json
eq "the stored catalog is unchanged" "$(echo "$out" | jq -r '.items[4].objective')" "役職員の不正対策を整備する。"

# SHINSA_CATALOG_DIR, and the default database under var/.
mkdir "$T/home"
run env -u SHINSA_DB SHINSA_CATALOG_DIR="$T/nowhere" sh -c "cd '$T/home' && '$SHINSA' init"
eq "SHINSA_CATALOG_DIR is used" "$err" "shinsa: cannot open catalog directory $T/nowhere: No such file or directory"
run env -u SHINSA_DB sh -c "cd '$T/home' && '$SHINSA' init"
eq "default database var/shinsa.db" "$(echo "$out" | head -n 1)" "database var/shinsa.db: schema version 18 (was 0)"
[ -f "$T/home/var/shinsa.db" ] && ok "var/ created for the default database" || not_ok "var/ created for the default database"

fails "database in a missing directory" 1 "shinsa: cannot create database $T/no/dir/x.db: $T/no/dir: No such file or directory" \
	"$SHINSA" --db "$T/no/dir/x.db" init
echo "not a database, just some text in a file that is long enough to be read...." >"$T/junk.db"
fails "a file that is not a database" 1 "shinsa: cannot open database $T/junk.db: file is not a database" \
	"$SHINSA" --db "$T/junk.db" init

run "$SHINSA" help
eq "help lists the commands" "$(echo "$out" | grep '^  ')" "  init       create or upgrade the database and load the shipped catalogs
  catalog    list, show and cross-walk the catalogs
  form       write the blank checklist form as an A3-landscape Excel file
  org        add, list and set up organisations (connectors and banks)
  user       add, list and change the people who sign in
  token      API tokens for scripts (Authorization: Bearer)
  answers    a connector's master answer set
  submit     freeze a connector's answers into a signed submission
  submission look at and export stored submissions
  verify     check an exported submission, package or review decision, with no database
  diff       compare two submissions, or one with the working answers
  share      consent: let a bank read a submission, see its reads, revoke
  inbox      what is shared with a bank now
  criteria   a bank's own criteria, its cross-walk to the checklist, and suggestions
  review     banks' reviews: verdicts, threads, carried verdicts and the signed decision
  plans      remediation plans: list them, update one
  cycles     periodic re-assessment: list the cycles, set one
  reminders  re-assessment and plan reminders: the outbox and its delivery
  portfolio  where each counterpart stands: decision, queries, plans, re-assessment
  questions  a bank's supplementary questions (criteria with no counterpart) and a connector's answers
  attach     files attached to a connector's answers as evidence
  audit      check and read the tamper-evident audit trail
  backup     copy the database and the server secret into a new directory, while the server runs
  restore    check a backup and put it in place, never overwriting
  serve      run the web server (JSON API under /api/v1, /healthz)
  help       list the commands, or explain one"
run "$SHINSA" init --help
eq "init --help" "$rc:$(echo "$out" | head -n 1)" "0:usage: shinsa init [--catalog-dir DIR]"
run "$SHINSA" help form
eq "help form" "$rc:$(echo "$out" | head -n 1)" "0:usage: shinsa form CHECKLIST-ID -o FILE.xlsx"
run "$SHINSA" catalog show --help
eq "catalog show --help" "$rc:$(echo "$out" | head -n 1)" "0:usage: shinsa catalog show ID [--json]"
fails "init takes no arguments" 2 'shinsa: init: unexpected argument "now" (usage: shinsa init [--catalog-dir DIR])' \
	"$SHINSA" init now

# Migration 16 on a database loaded before it: the shipped cross-walk's
# English notes, in the mapping and in a bank's rows, become the Japanese
# ones with English as the alternate; a note the bank typed stays; init
# then finds the shipped file unchanged. The old state is made by hand from
# a new database: the columns of 16 dropped, the notes and sha256 of before.
DB16="$T/m16.db"
"$SHINSA" --db "$DB16" init >/dev/null
"$SHINSA" --db "$DB16" org add --kind bank --name 旧銀行 >/dev/null
"$SHINSA" --db "$DB16" criteria import catalog/sources/000_facbf1237c5cd287.txt --org 旧銀行 >/dev/null 2>&1
sqlite3 "$DB16" "
UPDATE mapping_row SET note = (SELECT o FROM (SELECT column1 AS k, column2 AS o FROM (VALUES
	('(1)-1', 'management ownership is absorbed into 責任の所在 (統4)'),
	('(1)-5', '役員 -> 役職員'),
	('(1)-6', '確認 -> 整備'),
	('(1)-7', '役職員の不正対策 (3.3.3 c)'),
	('(1)-10', 'objective proof of the security set-up; nearest are items 2/3 via 3.3.1 d (certifications)'),
	('(1)-11', '004 adds 障害 and makes it 共通'),
	('(1)-12', 'damaged row in seed 000: only the category word 外部委託管理 survives'),
	('(1)-23', 'political/legal-change (data location) risk; dropped or merged in 004'),
	('(1)-27', 'ウィルス -> ウイルス'),
	('(1)-48', 'shortened in 004'),
	('(1)-49', 'becomes 共通 in 004'),
	('(1)-50', 'becomes 共通 in 004'),
	('(1)-52', '把握する -> 回避する'),
	('(1)-54', '45 is the bank-side counterpart'),
	('(2)-1', 'BCP: outside the checklist''s security scope'),
	('(2)-2', 'anti-social forces: outside the checklist''s security scope'))) WHERE k = criterion_key)
  WHERE note_en <> '';
UPDATE mapping SET sha256 = '5d88ae496f3fb0213e8fcf75313643b4c2afa7868eaeb8757f572402d6230055';
UPDATE criterion SET note = (SELECT r.note FROM mapping_row r WHERE r.criterion_key = criterion.key);
UPDATE criterion SET note = 'BCP は別途、業務継続計画の提出で確認' WHERE key = '(2)-1';
ALTER TABLE mapping_row DROP COLUMN note_en;
ALTER TABLE criterion DROP COLUMN note_en;
DELETE FROM schema_migration WHERE version = 16;
DROP TABLE attachment_item; DROP TABLE attachment; DROP TABLE attachment_blob;
ALTER TABLE org DROP COLUMN attachment_quota;
DELETE FROM schema_migration WHERE version = 17;
DROP TABLE review_message_file; DROP TABLE review_upload;
DELETE FROM schema_migration WHERE version = 20;"
run "$SHINSA" --db "$DB16" init
eq "migration 16, then the shipped files unchanged" "$rc:$(echo "$out" | grep -v '^catalog')" "0:database $DB16: schema version 18 (was 15)
mapping bank-criteria-sample.api-checklist-2018-08: 57 rows, unchanged"
eq "the shipped notes in Japanese, English the alternate" \
	"$(sqlite3 -separator '|' "$DB16" "SELECT criterion_key, note, note_en FROM mapping_row WHERE criterion_key IN ('(1)-1', '(1)-5', '(1)-12') ORDER BY seq")" \
	"(1)-1|経営陣による主体的な管理は、チェックリストでは「責任の所在」（統4）に含めて確認する|management ownership is absorbed into 責任の所在 (統4)
(1)-5|基準の「役員」は、チェックリストでは「役職員」|役員 in the criterion, 役職員 in the checklist
(1)-12|原文の判読できない行。読み取れるのは区分の「外部委託管理」のみ|a damaged row in the source list: only the category word 外部委託管理 survives"
eq "the bank's rows as the shipped ones, its own note as typed" \
	"$(sqlite3 -separator '|' "$DB16" "SELECT key, note, note_en FROM criterion WHERE key IN ('(1)-1', '(2)-1', '(2)-2') ORDER BY seq")" \
	"(1)-1|経営陣による主体的な管理は、チェックリストでは「責任の所在」（統4）に含めて確認する|management ownership is absorbed into 責任の所在 (統4)
(2)-1|BCP は別途、業務継続計画の提出で確認|
(2)-2|反社会的勢力への対応はチェックリストのセキュリティの範囲外|anti-social forces: outside the checklist's security scope"
eq "the mapping as a new database has it" "$(sqlite3 "$DB16" "SELECT * FROM mapping_row ORDER BY seq" | sha256sum)" \
	"$(sqlite3 "$T/home/var/shinsa.db" "SELECT * FROM mapping_row ORDER BY seq" | sha256sum)"

finish
