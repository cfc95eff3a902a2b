/*
 * The blank form: the row-height estimate, the XML that decides how the
 * form prints and what can be edited (golden strings, exact), and writes
 * that fail without leaving anything behind.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

#include "testutil.h"

#include "formats/catalog_json.h"
#include "formats/xlsx_form.h"
#include "lib/strbuf.h"
#include "lib/xalloc.h"

/* ---- the height estimate ---- */

static void test_lines(void **state)
{
	(void)state;
	assert_int_equal(xlsx_form_text_lines("", 40, 10), 1);
	assert_int_equal(xlsx_form_text_lines(NULL, 40, 10), 1);
	assert_int_equal(xlsx_form_text_lines("a\nb\nc", 40, 10), 3);
	assert_int_equal(xlsx_form_text_lines("a\n\n", 40, 10), 3);
	/* 10 full-width characters are 20 units: they fill 20.5 usable units... */
	assert_int_equal(xlsx_form_text_lines("あいうえおかきくけこ", 21, 10), 1);
	/* ...and the 11th does not fit */
	assert_int_equal(xlsx_form_text_lines("あいうえおかきくけこさ", 21, 10), 2);
	/* 。 never starts a line: こ goes down with it, which pushes て to a
	 * third line (10 characters a line would make 2) */
	assert_int_equal(xlsx_form_text_lines("あいうえおかきくけこ。さしすせそたちつて", 21, 10), 3);
	/* an ASCII word moves to the next line whole (split anywhere, this
	 * would be "ab cdef" and "gh ij")... */
	assert_int_equal(xlsx_form_text_lines("ab cdefgh ij", 8.5, 10), 3);
	/* ...unless it is longer than a line: 12 units, 6 to a line */
	assert_int_equal(xlsx_form_text_lines("abcdefghkm", 6.5, 10), 2);
	/* dots are thin: 1.1.1 is 3 × 1.2 + 2 × 0.6 = 4.8 units */
	assert_int_equal(xlsx_form_text_lines("1.1.1", 5.5, 10), 1);
	assert_int_equal(xlsx_form_text_lines("1.1.11", 5.5, 10), 2);
	/* the seed's longest statute list, in the form's 関連規定箇所 width */
	assert_int_equal(xlsx_form_text_lines("統20、統21、統22、統23、統24", 28, 10), 2);
	assert_int_equal(xlsx_form_text_lines("3.3.1 API接続先の適格性 d", 28, 10), 1);
}

/* Heights are whole multiples of 0.75, exact in binary: compare exactly. */
static void assert_height(const char *text, double width, double pt, double want)
{
	double got = xlsx_form_text_height(text, width, pt);
	if (got != want)
		fail_msg("height of \"%.40s\" (width %g, %g pt): %g, want %g", text, width, pt, got, want);
}

static void test_height(void **state)
{
	(void)state;
	/* one line of 10 pt: 13 + 3 = 16 pt, rounded up to 22 px = 16.5 pt */
	assert_height("", 40, 10, 16.5);
	assert_height("ABC", 40, 10, 16.5);
	/* three lines: 39 + 3 = 42 pt = 56 px exactly */
	assert_height("a\nb\nc", 40, 10, 42.0);
	/* 25 full-width characters, 19 to a line: 26 + 3 = 29 -> 29.25 */
	assert_height("セキュリティ管理責任の所在と対象範囲を明確にする。", 40, 10, 29.25);
	/* 7 characters to a line: 4 lines, 55 -> 55.5 */
	assert_height("セキュリティ管理責任の所在と対象範囲を明確にする。", 15, 10, 55.5);
	/* 14 pt: 18.2 + 3 = 21.2 -> 21.75 */
	assert_height("あ", 40, 14, 21.75);
	/* Excel's limit */
	char many[400];
	memset(many, '\n', sizeof many - 1);
	many[sizeof many - 1] = '\0';
	assert_height(many, 40, 10, 409.5);
}

/* ---- the form of the real catalog ---- */

/* The whole of one file of the .xlsx package; you own it. */
static char *zip_text(const char *path, const char *name)
{
	int zerr = 0;
	zip_t *z = zip_open(path, ZIP_RDONLY, &zerr);
	assert_non_null(z);
	zip_stat_t st;
	assert_int_equal(zip_stat(z, name, 0, &st), 0);
	zip_file_t *f = zip_fopen(z, name, 0);
	assert_non_null(f);
	char *buf = xmalloc(st.size + 1);
	assert_int_equal(zip_fread(f, buf, st.size), (zip_int64_t)st.size);
	buf[st.size] = '\0';
	zip_fclose(f);
	zip_close(z);
	return buf;
}

/* The first element of xml starting with start and ending with end. */
static char *element(const char *xml, const char *start, const char *end)
{
	const char *s = strstr(xml, start);
	if (!s)
		return xstrdup("(missing)");
	const char *e = strstr(s, end);
	if (!e)
		return xstrdup("(unterminated)");
	return xstrndup(s, (size_t)(e - s) + strlen(end));
}

static void assert_element(const char *path, const char *name, const char *start, const char *end, const char *want)
{
	char *xml = zip_text(path, name);
	char *got = element(xml, start, end);
	assert_string_equal(got, want);
	free(got);
	free(xml);
}

static void assert_contains(const char *path, const char *name, const char *want)
{
	char *xml = zip_text(path, name);
	if (!strstr(xml, want))
		fail_msg("%s lacks %s", name, want);
	free(xml);
}

static void test_page_setup(void **state)
{
	const char *p = ((struct form_fixture *)*state)->path, *sheet = "xl/worksheets/sheet1.xml";
	assert_element(p, sheet, "<pageSetup", "/>", "<pageSetup paperSize=\"8\" fitToHeight=\"0\" orientation=\"landscape\"/>");
	assert_element(p, sheet, "<sheetPr>", "</sheetPr>", "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>");
	assert_element(p, sheet, "<pageMargins", "/>",
		       "<pageMargins left=\"0.25\" right=\"0.25\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>");
	assert_element(p, sheet, "<printOptions", "/>", "<printOptions horizontalCentered=\"1\"/>");
	assert_element(p, sheet, "<headerFooter>", "</headerFooter>",
		       "<headerFooter><oddFooter>&amp;C&amp;P / &amp;N</oddFooter></headerFooter>");
	assert_element(p, "xl/workbook.xml", "<definedNames>", "</definedNames>",
		       "<definedNames><definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">"
		       "'API接続チェックリスト'!$1:$3</definedName></definedNames>");
	assert_element(p, "xl/workbook.xml", "<sheets>", "</sheets>",
		       "<sheets><sheet name=\"API接続チェックリスト\" sheetId=\"1\" r:id=\"rId1\"/>"
		       "<sheet name=\"shinsa\" sheetId=\"2\" state=\"hidden\" r:id=\"rId2\"/></sheets>");
	/* 212 units: 5 + 19 + 40 + 11 + 27 + 25 + 25 + 18 + 28 + 14 */
	assert_element(p, sheet, "<cols>", "</cols>",
		       "<cols><col min=\"1\" max=\"1\" width=\"5.7109375\" customWidth=\"1\"/>"
		       "<col min=\"2\" max=\"2\" width=\"19.7109375\" customWidth=\"1\"/>"
		       "<col min=\"3\" max=\"3\" width=\"40.7109375\" customWidth=\"1\"/>"
		       "<col min=\"4\" max=\"4\" width=\"11.7109375\" customWidth=\"1\"/>"
		       "<col min=\"5\" max=\"5\" width=\"27.7109375\" customWidth=\"1\"/>"
		       "<col min=\"6\" max=\"6\" width=\"25.7109375\" customWidth=\"1\"/>"
		       "<col min=\"7\" max=\"7\" width=\"25.7109375\" customWidth=\"1\"/>"
		       "<col min=\"8\" max=\"8\" width=\"18.7109375\" customWidth=\"1\"/>"
		       "<col min=\"9\" max=\"9\" width=\"28.7109375\" customWidth=\"1\"/>"
		       "<col min=\"10\" max=\"10\" width=\"14.7109375\" customWidth=\"1\"/></cols>");
	assert_element(p, sheet, "<pane", "/>",
		       "<pane ySplit=\"3\" topLeftCell=\"A4\" activePane=\"bottomLeft\" state=\"frozen\"/>");
}

static void test_protection(void **state)
{
	const char *p = ((struct form_fixture *)*state)->path;
	/* no password attribute; formatColumns/formatRows="0" means allowed */
	assert_element(p, "xl/worksheets/sheet1.xml", "<sheetProtection", "/>",
		       "<sheetProtection sheet=\"1\" objects=\"1\" scenarios=\"1\" formatColumns=\"0\" formatRows=\"0\"/>");
	/* style 6, the answer cells: text format "@", unlocked */
	assert_element(p, "xl/styles.xml", "<numFmts", "</numFmts>",
		       "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"@\"/></numFmts>");
	assert_element(p, "xl/styles.xml", "<xf numFmtId=\"164\"", "</xf>",
		       "<xf numFmtId=\"164\" fontId=\"2\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyNumberFormat=\"1\" "
		       "applyFont=\"1\" applyBorder=\"1\" applyAlignment=\"1\" applyProtection=\"1\">"
		       "<alignment vertical=\"top\" wrapText=\"1\"/><protection locked=\"0\"/></xf>");
	/* the header: bold, centred, light blue, locked like everything else */
	assert_contains(p, "xl/styles.xml",
			"<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFDDEBF7\"/><bgColor indexed=\"64\"/>"
			"</patternFill></fill>");
	assert_contains(p, "xl/styles.xml",
			"<xf numFmtId=\"0\" fontId=\"3\" fillId=\"2\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\" "
			"applyBorder=\"1\" applyAlignment=\"1\"><alignment horizontal=\"center\" vertical=\"center\" wrapText=\"1\"/></xf>");
	assert_contains(p, "xl/styles.xml",
			"<font><b/><sz val=\"10\"/><color theme=\"1\"/><name val=\"ＭＳ Ｐゴシック\"/><family val=\"3\"/></font>");
	assert_contains(p, "xl/styles.xml",
			"<font><sz val=\"10\"/><color theme=\"1\"/><name val=\"ＭＳ Ｐゴシック\"/><family val=\"3\"/></font>");
	char *styles = zip_text(p, "xl/styles.xml");
	char *xf = strstr(styles, "<cellXfs");
	assert_non_null(xf);
	/* exactly one unlocked format */
	xf = strstr(xf, "locked=\"0\"");
	assert_non_null(xf);
	assert_null(strstr(xf + 1, "locked="));
	free(styles);
}

static void test_header_and_rows(void **state)
{
	const char *p = ((struct form_fixture *)*state)->path, *sheet = "xl/worksheets/sheet1.xml";
	assert_contains(p, "xl/sharedStrings.xml",
			"<si><t>「API接続チェックリスト原案(フォーマット)」(A3横Excel版)サンプル</t></si>"
			"<si><t>出典: API接続チェックリストワーキンググループ 2018年8月2日\u3000カタログ: api-checklist-2018-08</t></si>"
			"<si><t>通番</t></si><si><t>区分</t></si><si><t>セキュリティ対応目標</t></si><si><t>対象者</t></si>"
			"<si><t>現在の対応状況</t></si><si><t>課題認識</t></si><si><t>課題への対応計画</t></si>"
			"<si><t>関連規定</t></si><si><t>関連規定箇所</t></si><si><t>備考</t></si>");
	assert_element(p, sheet, "<row r=\"3\"", "</row>",
		       "<row r=\"3\" spans=\"1:10\" ht=\"16.5\" customHeight=\"1\">"
		       "<c r=\"A3\" s=\"3\" t=\"s\"><v>2</v></c><c r=\"B3\" s=\"3\" t=\"s\"><v>3</v></c>"
		       "<c r=\"C3\" s=\"3\" t=\"s\"><v>4</v></c><c r=\"D3\" s=\"3\" t=\"s\"><v>5</v></c>"
		       "<c r=\"E3\" s=\"3\" t=\"s\"><v>6</v></c><c r=\"F3\" s=\"3\" t=\"s\"><v>7</v></c>"
		       "<c r=\"G3\" s=\"3\" t=\"s\"><v>8</v></c><c r=\"H3\" s=\"3\" t=\"s\"><v>9</v></c>"
		       "<c r=\"I3\" s=\"3\" t=\"s\"><v>10</v></c><c r=\"J3\" s=\"3\" t=\"s\"><v>11</v></c></row>");
	/* Item 3: two documents; the first one's 2 lines are padded to its
	 * clauses' 3, then -----, then the second: 5 lines, 68 -> 68.25 pt.
	 * E, F, G and J are the unlocked answer cells (style 6). */
	assert_element(p, sheet, "<row r=\"6\"", "</row>",
		       "<row r=\"6\" spans=\"1:10\" ht=\"68.25\" customHeight=\"1\">"
		       "<c r=\"A6\" s=\"4\"><v>3</v></c><c r=\"B6\" s=\"5\" t=\"s\"><v>12</v></c>"
		       "<c r=\"C6\" s=\"5\" t=\"s\"><v>20</v></c><c r=\"D6\" s=\"4\" t=\"s\"><v>14</v></c>"
		       "<c r=\"E6\" s=\"6\"/><c r=\"F6\" s=\"6\"/><c r=\"G6\" s=\"6\"/>"
		       "<c r=\"H6\" s=\"5\" t=\"s\"><v>21</v></c><c r=\"I6\" s=\"5\" t=\"s\"><v>22</v></c>"
		       "<c r=\"J6\" s=\"6\"/></row>");
	assert_contains(p, "xl/sharedStrings.xml",
			"<si><t>役職員に情報管理方法を周知し、セキュリティ管理態勢の定着を図る。</t></si>"
			"<si><t>銀行API報告書・セキュリティ原則\n\n-----\nFISC・安対基準</t></si>"
			"<si><t>3.3.1 API接続先の適格性 d\n3.3.3 内部からの不正アクセス対策 e\n-----\n統13、監1</t></si>");
	/* title, source, header and 45 items; no formula anywhere */
	char *xml = zip_text(p, sheet);
	int rows = 0;
	for (const char *s = xml; (s = strstr(s, "<row ")); s++)
		rows++;
	assert_int_equal(rows, 48);
	assert_null(strstr(xml, "<f>"));
	assert_element(p, sheet, "<row r=\"48\"", ">", "<row r=\"48\" spans=\"1:10\" ht=\"29.25\" customHeight=\"1\">");
	free(xml);
}

static void test_properties(void **state)
{
	const char *p = ((struct form_fixture *)*state)->path;
	assert_contains(p, "docProps/core.xml",
			"<dc:title>「API接続チェックリスト原案(フォーマット)」(A3横Excel版)サンプル</dc:title>"
			"<dc:subject>チェックリスト回答様式 (api-checklist-2018-08)</dc:subject><dc:creator>Shinsa</dc:creator>"
			"<cp:keywords>api-checklist-2018-08</cp:keywords>");
}

static bool exists(const char *path);

static void test_header_notes(void **state)
{
	const char *p = ((struct form_fixture *)*state)->path;
	assert_contains(p, "xl/worksheets/sheet1.xml", "<legacyDrawing r:id=\"rId1\"/>");
	char *xml = zip_text(p, "xl/comments1.xml");
	char *got = element(xml, "<commentList>", "</commentList>");
	/* the in-cell convention, on the headers it is about (xlsx_cells.h) */
	assert_string_equal(got,
		"<commentList><comment ref=\"E3\" authorId=\"0\"><text><r><rPr><sz val=\"9\"/><color indexed=\"81\"/>"
		"<rFont val=\"ＭＳ Ｐゴシック\"/><family val=\"3\"/></rPr><t>記入方法: 1行目に【対応済】【一部対応】【未対応】"
		"【対象外】のいずれかを書き、2行目から現在の対応状況を記入してください。\n例:\n【一部対応】\n"
		"規程は整備済み、運用は来期から。</t></r></text></comment>"
		"<comment ref=\"G3\" authorId=\"0\"><text><r><rPr><sz val=\"9\"/><color indexed=\"81\"/>"
		"<rFont val=\"ＭＳ Ｐゴシック\"/><family val=\"3\"/></rPr><t>記入方法: 1行目に【対応予定日】と日付 (YYYY-MM-DD) "
		"を書き、2行目から対応計画を記入してください。\n例:\n【対応予定日】2026-09-30\n委託先管理規程を整備する。</t>"
		"</r></text></comment></commentList>");
	free(got);
	got = element(xml, "<authors>", "</authors>");
	assert_string_equal(got, "<authors><author>Shinsa</author></authors>");
	free(got);
	free(xml);
}

static void test_export(void **state)
{
	struct form_fixture *fx = *state;
	struct answer_set *set = answer_set_new("テスト社", fx->cat);
	struct err e = { 0 };
	/* eleven lines in 現在の対応状況: the row grows to them */
	assert_int_equal(answer_set_field(&set->items[0], FIELD_STATUS, "implemented", &e), 0);
	assert_int_equal(answer_set_field(&set->items[0], FIELD_CURRENT, "1\n2\n3\n4\n5\n6\n7\n8\n9\n=10", &e), 0);
	assert_int_equal(answer_set_field(&set->items[1], FIELD_NOTES, "+備考", &e), 0);
	char *path = xasprintf("%s/export.xlsx", fx->dir);
	assert_int_equal(xlsx_form_export(fx->cat, set, NULL, 0, path, &e), 0);
	/* 11 lines: 143 + 3 = 146 pt -> 146.25; the answer cells keep style 6
	 * (text format, unlocked) and are strings, never formulas */
	assert_element(path, "xl/worksheets/sheet1.xml", "<row r=\"4\"", ">",
		       "<row r=\"4\" spans=\"1:10\" ht=\"146.25\" customHeight=\"1\">");
	char *xml = zip_text(path, "xl/worksheets/sheet1.xml");
	assert_non_null(strstr(xml, "<c r=\"E4\" s=\"6\" t=\"s\">"));
	assert_non_null(strstr(xml, "<c r=\"F4\" s=\"6\"/><c r=\"G4\" s=\"6\"/>"));
	assert_non_null(strstr(xml, "<c r=\"J5\" s=\"6\" t=\"s\">"));
	assert_null(strstr(xml, "<f>"));
	free(xml);
	assert_contains(path, "xl/sharedStrings.xml", "<si><t>【対応済】\n1\n2\n3\n4\n5\n6\n7\n8\n9\n=10</t></si>");
	assert_contains(path, "xl/sharedStrings.xml", "<si><t>+備考</t></si>");
	assert_contains(path, "docProps/core.xml", "<cp:keywords>api-checklist-2018-08</cp:keywords>");
	/* an answer set of another catalog is refused, and nothing written */
	free(set->catalog_id);
	set->catalog_id = xstrdup("other");
	char *other = xasprintf("%s/other.xlsx", fx->dir);
	assert_int_equal(xlsx_form_export(fx->cat, set, NULL, 0, other, &e), -1);
	assert_string_equal(e.msg, "the answers of テスト社 are for other, not api-checklist-2018-08");
	assert_false(exists(other));
	assert_int_equal(unlink(path), 0);
	answer_set_free(set);
	free(path);
	free(other);
}

/* ---- refusals and failed writes ---- */

static bool exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}

/* A one-item checklist whose objective is text. */
static struct catalog *small_checklist(const char *text)
{
	struct catalog *cat = catalog_new(CATALOG_CHECKLIST);
	cat->id = xstrdup("tiny");
	cat->title = xstrdup("=HYPERLINK(\"x\")");
	cat->publisher = xstrdup("+publisher");
	cat->date = xstrdup("2018-08-02");
	struct catalog_item *item = catalog_add_item(cat);
	item->key = xstrdup("a");
	item->no = 1;
	item->category = xstrdup("-1");
	item->text = xstrdup(text);
	item->party = PARTY_BANK;
	free(item->notes);
	item->notes = xstrdup("@note");
	catalog_ref_add_clause(catalog_item_add_ref(item, "=A1"), "@B2");
	return cat;
}

static void test_never_a_formula(void **state)
{
	struct form_fixture *fx = *state;
	struct err e = { 0 };
	char *path = xasprintf("%s/tiny.xlsx", fx->dir);
	struct catalog *cat = small_checklist("=SUM(A1:A2)");
	assert_int_equal(xlsx_form_write(cat, path, &e), 0);
	assert_contains(path, "xl/sharedStrings.xml", "<si><t>=SUM(A1:A2)</t></si>");
	assert_contains(path, "xl/sharedStrings.xml", "<si><t>=HYPERLINK(\"x\")</t></si>");
	assert_contains(path, "xl/sharedStrings.xml", "<si><t>出典: +publisher 2018年8月2日\u3000カタログ: tiny</t></si>");
	assert_contains(path, "xl/sharedStrings.xml", "<si><t>-1</t></si>");
	assert_contains(path, "xl/sharedStrings.xml", "<si><t>=A1</t></si><si><t>@B2</t></si><si><t>@note</t></si>");
	char *sheet = zip_text(path, "xl/worksheets/sheet1.xml");
	assert_null(strstr(sheet, "<f>"));
	free(sheet);
	assert_int_equal(unlink(path), 0);
	catalog_free(cat);
	free(path);
}

static void test_criteria_refused(void **state)
{
	struct form_fixture *fx = *state;
	struct err e = { 0 };
	char *path = xasprintf("%s/criteria.xlsx", fx->dir);
	const struct catalog *cat = catalog_files_find(&fx->files, "bank-criteria-sample");
	assert_non_null(cat);
	assert_int_equal(xlsx_form_write(cat, path, &e), -1);
	assert_string_equal(e.msg, "no form for bank-criteria-sample: it is a criteria catalog, not a checklist");
	assert_false(exists(path));
	free(path);
}

/* Nothing but the files the fixture made may be in its directory. */
static void assert_dir_holds(const char *dir, const char *want)
{
	char *cmd = xasprintf("ls '%s' | tr '\\n' ' '", dir);
	FILE *ls = popen(cmd, "r");
	assert_non_null(ls);
	char got[256] = "";
	size_t n = fread(got, 1, sizeof got - 1, ls);
	got[n] = '\0';
	assert_int_equal(pclose(ls), 0);
	assert_string_equal(got, want);
	free(cmd);
}

static void test_unwritable(void **state)
{
	struct form_fixture *fx = *state;
	const struct catalog *cat = catalog_files_find(&fx->files, "api-checklist-2018-08");
	struct err e = { 0 };

	assert_int_equal(xlsx_form_write(cat, "/nonexistent-dir/x.xlsx", &e), -1);
	assert_string_equal(e.msg, "cannot write /nonexistent-dir/x.xlsx: No such file or directory");
	assert_false(exists("/nonexistent-dir"));

	char *under = xasprintf("%s/x.xlsx", fx->path); /* form.xlsx is a regular file */
	char *want = xasprintf("cannot write %s: Not a directory", under);
	assert_int_equal(xlsx_form_write(cat, under, &e), -1);
	assert_string_equal(e.msg, want);
	free(under);
	free(want);

	/* the whole workbook is written, then cannot replace a directory */
	char *dir = xasprintf("%s/sub", fx->dir);
	assert_int_equal(mkdir(dir, 0755), 0);
	want = xasprintf("cannot write %s: Is a directory", dir);
	assert_int_equal(xlsx_form_write(cat, dir, &e), -1);
	assert_string_equal(e.msg, want);
	assert_int_equal(rmdir(dir), 0);
	free(dir);
	free(want);
	assert_dir_holds(fx->dir, "form.xlsx ");
}

static void test_libxlsxwriter_error_keeps_old_file(void **state)
{
	struct form_fixture *fx = *state;
	struct err e = { 0 };
	char *before = xasprintf("cp '%s' '%s/before.xlsx'", fx->path, fx->dir);
	assert_int_equal(system(before), 0);
	struct strbuf huge = STRBUF_INIT;
	for (int i = 0; i < 32768; i++)
		strbuf_addch(&huge, 'x');
	struct catalog *cat = small_checklist(huge.buf);
	assert_int_equal(xlsx_form_write(cat, fx->path, &e), -1);
	char *want = xasprintf("cannot write %s: C4: String exceeds Excel's limit of 32,767 characters", fx->path);
	assert_string_equal(e.msg, want);
	char *same = xasprintf("cmp -s '%s' '%s/before.xlsx' && rm '%s/before.xlsx'", fx->path, fx->dir, fx->dir);
	assert_int_equal(system(same), 0);
	assert_dir_holds(fx->dir, "form.xlsx ");
	strbuf_release(&huge);
	catalog_free(cat);
	free(before);
	free(want);
	free(same);
}

int main(void)
{
	/* One group, so that scripts/test.sh counts every test; the height
	 * tests do not use the form the group setup writes. */
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lines),
		cmocka_unit_test(test_height),
		cmocka_unit_test(test_page_setup),
		cmocka_unit_test(test_protection),
		cmocka_unit_test(test_header_and_rows),
		cmocka_unit_test(test_properties),
		cmocka_unit_test(test_header_notes),
		cmocka_unit_test(test_export),
		cmocka_unit_test(test_criteria_refused),
		cmocka_unit_test(test_unwritable),
		cmocka_unit_test(test_libxlsxwriter_error_keeps_old_file),
		cmocka_unit_test(test_never_a_formula),
	};
	return cmocka_run_group_tests(tests, form_fixture_setup, form_fixture_teardown);
}
