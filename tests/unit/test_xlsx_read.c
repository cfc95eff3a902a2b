/*
 * The .xlsx reader: every feature on a workbook built here part by part,
 * our own blank form as written and as LibreOffice re-saves it, and every
 * class of refusal with its exact message.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>

#include "testutil.h"

#include "formats/catalog_json.h"
#include "formats/xlsx_form.h"
#include "formats/xlsx_read.h"
#include "lib/clock.h"
#include "lib/fsutil.h"
#include "lib/strbuf.h"
#include "lib/text.h"
#include "lib/xalloc.h"

/* ---- building workbooks ---- */

#define DECL "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
#define MAIN_NS "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define R_NS "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define PKG_NS "http://schemas.openxmlformats.org/package/2006/relationships"
#define REL(id, type, target) \
	"<Relationship Id=\"" id "\" Type=\"" R_NS "/" type "\" Target=\"" target "\"/>"
#define RELS(body) DECL "<Relationships xmlns=\"" PKG_NS "\">" body "</Relationships>"
#define SST(body) DECL "<sst xmlns=\"" MAIN_NS "\">" body "</sst>"
#define SHEET(body) DECL "<worksheet xmlns=\"" MAIN_NS "\"><sheetData>" body "</sheetData></worksheet>"
#define WORKBOOK(sheets) \
	DECL "<workbook xmlns=\"" MAIN_NS "\" xmlns:r=\"" R_NS "\"><sheets>" sheets "</sheets></workbook>"

static const char content_types[] =
	DECL "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
	"<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
	"<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>";
static const char root_rels[] = RELS(REL("rId1", "officeDocument", "xl/workbook.xml"));
static const char one_sheet[] = WORKBOOK("<sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/>");
static const char one_sheet_rels[] =
	RELS(REL("rId1", "worksheet", "worksheets/sheet1.xml") REL("rId2", "sharedStrings", "sharedStrings.xml"));
static const char one_sheet_rels_no_sst[] = RELS(REL("rId1", "worksheet", "worksheets/sheet1.xml"));

static int read_parts(const struct part *parts, size_t n, const struct xlsx_limits *lim, struct xlsx_book **out,
		      struct err *e)
{
	size_t len;
	char *zip = zip_parts(parts, n, &len);
	int rc = xlsx_read_buffer(zip, len, lim, out, e);
	free(zip);
	return rc;
}

/* A one-sheet workbook, Sheet1, with this sheet and shared strings (NULL:
 * the part is missing). */
static int read_sheet(const char *sst, const char *sheet, const struct xlsx_limits *lim, struct xlsx_book **out,
		      struct err *e)
{
	struct part parts[] = {
		{ "[Content_Types].xml", content_types, 0, false }, { "_rels/.rels", root_rels, 0, false },
		{ "xl/workbook.xml", one_sheet, 0, false },
		{ "xl/_rels/workbook.xml.rels", sst ? one_sheet_rels : one_sheet_rels_no_sst, 0, false },
		{ "xl/worksheets/sheet1.xml", sheet, 0, false }, { "xl/sharedStrings.xml", sst, 0, false },
	};
	return read_parts(parts, sst ? 6 : 5, lim, out, e);
}

/* s (BMP only) in UTF-16LE with a byte order mark; you own it. */
static char *utf16le(const char *s, size_t *len)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_add(&sb, "\xff\xfe", 2);
	for (uint32_t cp; (cp = text_utf8_next(&s));) {
		strbuf_addch(&sb, (char)(cp & 0xff));
		strbuf_addch(&sb, (char)(cp >> 8));
	}
	*len = sb.len;
	return strbuf_detach(&sb);
}

/* Every cell of sh, "A1=text" a line. */
static char *dump(const struct xlsx_sheet *sh)
{
	struct strbuf sb = STRBUF_INIT;
	char ref[XLSX_CELL_NAME_SIZE];
	for (size_t i = 0; i < sh->n_cells; i++) {
		xlsx_cell_name(sh->cells[i].row, sh->cells[i].col, ref);
		strbuf_addf(&sb, "%s=%s\n", ref, sh->cells[i].text);
	}
	return strbuf_detach(&sb);
}

static void assert_sheet(const char *sst, const char *sheet, const char *want)
{
	struct xlsx_book *book = NULL;
	struct err e = { 0 };
	if (read_sheet(sst, sheet, NULL, &book, &e) < 0)
		fail_msg("%s", e.msg);
	assert_int_equal(book->n_sheets, 1);
	char *got = dump(&book->sheets[0]);
	assert_string_equal(got, want);
	free(got);
	xlsx_book_free(book);
}

static void assert_sheet_error(const char *sst, const char *sheet, const struct xlsx_limits *lim, const char *want)
{
	struct xlsx_book *book = NULL;
	struct err e = { 0 };
	assert_int_equal(read_sheet(sst, sheet, lim, &book, &e), -1);
	assert_null(book);
	assert_string_equal(e.msg, want);
	/* and as data, for a page: three kinds by name, the rest as one kind
	 * whose value is the line */
	static const struct {
		const char *msg, *code;
	} named[] = {
		{ "not an xlsx file (empty file)", "empty" },
		{ "not an xlsx file (an .xls workbook, or one protected by a password)", "xls" },
		{ "not an xlsx file (not a zip archive)", "not_zip" },
	};
	const char *code = "workbook";
	for (size_t i = 0; i < sizeof named / sizeof *named; i++)
		if (strcmp(want, named[i].msg) == 0)
			code = named[i].code;
	assert_string_equal(e.code, code);
	assert_string_equal(e.where, "");
	assert_int_equal(e.n_args, strcmp(code, "workbook") == 0);
	if (e.n_args)
		assert_string_equal(e.args[0], want);
}

static void assert_bytes_error(const void *data, size_t len, const struct xlsx_limits *lim, const char *want)
{
	struct xlsx_book *book = NULL;
	struct err e = { 0 };
	assert_int_equal(xlsx_read_buffer(data, len, lim, &book, &e), -1);
	assert_null(book);
	assert_string_equal(e.msg, want);
}

/* ---- what is read ---- */

static void test_cell_name(void **state)
{
	(void)state;
	char buf[XLSX_CELL_NAME_SIZE];
	static const struct {
		uint32_t row, col;
		const char *name;
	} cases[] = { { 32, 2, "C33" }, { 0, 0, "A1" }, { 0, 25, "Z1" }, { 0, 26, "AA1" }, { 0, 701, "ZZ1" },
		      { 0, 702, "AAA1" }, { 1048575, 16383, "XFD1048576" }, { UINT32_MAX, UINT32_MAX, "MWLQKWV4294967296" } };
	uint32_t row, col;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		xlsx_cell_name(cases[i].row, cases[i].col, buf);
		assert_string_equal(buf, cases[i].name);
		if (cases[i].col < XLSX_MAX_COLS) {
			assert_int_equal(xlsx_cell_parse(cases[i].name, &row, &col), 0);
			assert_int_equal(row, cases[i].row);
			assert_int_equal(col, cases[i].col);
		}
	}
	assert_int_equal(xlsx_cell_parse("A01", &row, &col), 0);
	assert_int_equal(row, 0);
	static const char *const invalid[] = { "", "A", "1", "1A", "a1", "A0", "A-1", "$A$1", "A1:B2", " A1", "A1 " };
	for (size_t i = 0; i < sizeof invalid / sizeof *invalid; i++)
		if (xlsx_cell_parse(invalid[i], &row, &col) != -1)
			fail_msg("\"%s\" parsed", invalid[i]);
	static const char *const beyond[] = { "XFE1", "A1048577", "MWLQKWV4294967296", "AAAAAAAAAAAAAAAAAAAAAA99999999999999999999" };
	for (size_t i = 0; i < sizeof beyond / sizeof *beyond; i++)
		if (xlsx_cell_parse(beyond[i], &row, &col) != -2)
			fail_msg("\"%s\" not beyond the grid", beyond[i]);
}

static void test_shared_strings(void **state)
{
	(void)state;
	assert_sheet(SST("<si><t>plain</t></si>"
			 /* rich text: the runs joined, their formatting dropped */
			 "<si><r><rPr><b/><sz val=\"11\"/></rPr><t>漢字</t></r><r><t xml:space=\"preserve\"> と </t></r>"
			 "<r><rPr><i/></rPr><t>かな</t></r></si>"
			 /* furigana: the phonetic runs and their properties are not the text */
			 "<si><t>東京都</t><rPh sb=\"0\" eb=\"2\"><t>トウキョウ</t></rPh><rPh sb=\"2\" eb=\"3\"><t>ト</t></rPh>"
			 "<phoneticPr fontId=\"1\"/></si>"
			 "<si><r><t>申請</t></r><r><t>者</t></r><rPh sb=\"0\" eb=\"2\"><t>シンセイ</t></rPh>"
			 "<phoneticPr fontId=\"1\" type=\"noConversion\"/></si>"
			 /* whitespace: kept with preserve (here inherited), else trimmed
			  * unless it is all there is */
			 "<si><t xml:space=\"preserve\">  two spaces  </t></si><si><t>\n  trimmed\t</t></si>"
			 "<si xml:space=\"preserve\"><t> kept </t></si><si><t> </t></si><si><t/></si>"),
		     SHEET("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
			   "<c r=\"C1\" t=\"s\"><v>2</v></c><c r=\"D1\" t=\"s\"><v>3</v></c></row>"
			   "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>4</v></c><c r=\"B2\" t=\"s\"><v>5</v></c>"
			   "<c r=\"C2\" t=\"s\"><v>6</v></c><c r=\"D2\" t=\"s\"><v>7</v></c><c r=\"E2\" t=\"s\"><v>8</v></c>"
			   /* the same string in two cells */
			   "<c r=\"F2\" t=\"s\"><v>0</v></c></row>"),
		     "A1=plain\nB1=漢字 と かな\nC1=東京都\nD1=申請者\n"
		     "A2=  two spaces  \nB2=trimmed\nC2= kept \nD2= \nE2=\nF2=plain\n");
}

static void test_line_breaks_and_escapes(void **state)
{
	(void)state;
	assert_sheet(SST("<si><t>one\ntwo&#13;&#10;three&#13;four</t></si>"
			 /* Excel writes a CR it cannot put in XML as _x000D_ */
			 "<si><t>first_x000D_\nsecond</t></si>"
			 "<si><t>tab_x0009_here, _x00e9_, _xD83D__xDE00_</t></si>"
			 /* _x005F_ is "_": this is how Excel writes a literal _x000D_ */
			 "<si><t>_x005F_x000D_ literal</t></si>"
			 /* not escapes: bad hex, NUL, a lone surrogate, too short */
			 "<si><t>_xZZZZ_ _x0000_ _xD800_ _x41_ _x0041</t></si>"),
		     SHEET("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
			   "<c r=\"C1\" t=\"s\"><v>2</v></c><c r=\"D1\" t=\"s\"><v>3</v></c><c r=\"E1\" t=\"s\"><v>4</v></c>"
			   "<c r=\"F1\" t=\"inlineStr\"><is><t>in_x000D_&#10;line</t></is></c>"
			   "<c r=\"G1\" t=\"str\"><f>A1</f><v>a_x000D_&#10;b</v></c></row>"),
		     "A1=one\ntwo\nthree\nfour\nB1=first\nsecond\nC1=tab\there, é, 😀\nD1=_x000D_ literal\n"
		     "E1=_xZZZZ_ _x0000_ _xD800_ _x41_ _x0041\nF1=in\nline\nG1=a\nb\n");
}

static void test_inline_strings(void **state)
{
	(void)state;
	assert_sheet(NULL,
		     SHEET("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>inline</t></is></c>"
			   "<c r=\"B1\" t=\"inlineStr\"><is><r><t>in</t></r><r><rPr><b/></rPr><t>line</t></r>"
			   "<rPh sb=\"0\" eb=\"1\"><t>イン</t></rPh></is></c>"
			   "<c r=\"C1\" t=\"inlineStr\"><is><t xml:space=\"preserve\"> x </t></is></c>"
			   "<c r=\"D1\" t=\"inlineStr\"><is/></c></row>"),
		     "A1=inline\nB1=inline\nC1= x \nD1=\n");
}

static void test_values(void **state)
{
	(void)state;
	assert_sheet(NULL,
		     SHEET("<row r=\"1\"><c r=\"A1\"><v>3</v></c><c r=\"B1\" t=\"n\"><v>3.0</v></c>"
			   /* a date is its serial number */
			   "<c r=\"C1\" s=\"1\"><v>45321.5</v></c><c r=\"D1\"><v>1.5E-3</v></c>"
			   "<c r=\"E1\" t=\"b\"><v>1</v></c><c r=\"F1\" t=\"b\"><v>0</v></c>"
			   "<c r=\"G1\" t=\"e\"><v>#N/A</v></c><c r=\"H1\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c>"
			   "<c r=\"I1\" t=\"d\"><v>2024-01-31T00:00:00</v></c></row>"
			   /* formulas: their cached result, never the formula or its value now */
			   "<row r=\"2\"><c r=\"A2\" t=\"str\"><f>A1&amp;\"x\"</f><v>3x</v></c>"
			   "<c r=\"B2\"><f>SUM(A1:B1)</f><v>6</v></c>"
			   "<c r=\"C2\" t=\"str\"><f>\"=\"&amp;\"1+1\"</f><v>=1+1</v></c>"
			   "<c r=\"D2\" t=\"b\"><f>TRUE()</f><v>1</v></c>"
			   "<c r=\"E2\" t=\"str\"><f>\"\"</f><v></v></c>"
			   /* no value: a formula never calculated, a styled empty cell */
			   "<c r=\"F2\"><f>NOW()</f></c><c r=\"G2\" s=\"3\"/><c r=\"H2\" t=\"s\"/></row>"),
		     "A1=3\nB1=3.0\nC1=45321.5\nD1=1.5E-3\nE1=TRUE\nF1=FALSE\nG1=#N/A\nH1=#DIV/0!\n"
		     "I1=2024-01-31T00:00:00\nA2=3x\nB2=6\nC2==1+1\nD2=TRUE\nE2=\n");
}

static void test_positions(void **state)
{
	(void)state;
	struct xlsx_book *book = NULL;
	struct err e = { 0 };
	assert_int_equal(read_sheet(NULL,
				    SHEET(/* rows and cells without r follow the one before */
					  "<row><c><v>1</v></c><c><v>2</v></c></row>"
					  "<row><c r=\"C2\"><v>3</v></c><c><v>4</v></c></row>"
					  "<row r=\"5\"><c><v>5</v></c></row>"
					  "<row><c r=\"B6\"><v>6</v></c><c/><c><v>7</v></c></row>"
					  /* out of order: sorted */
					  "<row r=\"9\"><c r=\"B9\"><v>9</v></c><c r=\"A9\"><v>8</v></c></row>"
					  "<row r=\"8\"><c r=\"A8\"><v>10</v></c></row>"
					  "<row r=\"1048576\"><c r=\"XFD1048576\"><v>last</v></c></row>"),
				    NULL, &book, &e),
			 0);
	const struct xlsx_sheet *sh = &book->sheets[0];
	char *got = dump(sh);
	assert_string_equal(got, "A1=1\nB1=2\nC2=3\nD2=4\nA5=5\nB6=6\nD6=7\nA8=10\nA9=8\nB9=9\nXFD1048576=last\n");
	free(got);
	assert_string_equal(xlsx_sheet_get(sh, 1, 3), "4");
	assert_string_equal(xlsx_sheet_get(sh, 1048575, 16383), "last");
	assert_null(xlsx_sheet_get(sh, 5, 2));
	assert_null(xlsx_sheet_get(sh, 100, 0));
	xlsx_book_free(book);
}

static void test_merges(void **state)
{
	(void)state;
	struct xlsx_book *book = NULL;
	struct err e = { 0 };
	assert_int_equal(read_sheet(NULL,
				    DECL "<worksheet xmlns=\"" MAIN_NS "\"><sheetData><row r=\"4\"><c r=\"B4\" t=\"inlineStr\">"
					 "<is><t>区分</t></is></c></row></sheetData><mergeCells count=\"3\">"
					 "<mergeCell ref=\"B4:B10\"/><mergeCell ref=\"C2:A1\"/><mergeCell ref=\"D5\"/>"
					 "</mergeCells></worksheet>",
				    NULL, &book, &e),
			 0);
	const struct xlsx_sheet *sh = &book->sheets[0];
	assert_int_equal(sh->n_merges, 3);
	const struct xlsx_merge want[] = { { 3, 1, 9, 1 }, { 0, 0, 1, 2 }, { 4, 3, 4, 3 } };
	for (size_t i = 0; i < 3; i++) {
		assert_int_equal(sh->merges[i].first_row, want[i].first_row);
		assert_int_equal(sh->merges[i].first_col, want[i].first_col);
		assert_int_equal(sh->merges[i].last_row, want[i].last_row);
		assert_int_equal(sh->merges[i].last_col, want[i].last_col);
	}
	assert_string_equal(xlsx_sheet_get(sh, 3, 1), "区分");
	xlsx_book_free(book);
}

static void test_sheets(void **state)
{
	(void)state;
	/* the workbook's order, not the relationships' or the parts' */
	const struct part parts[] = {
		{ "_rels/.rels", root_rels, 0, false },
		{ "xl/workbook.xml",
		  WORKBOOK("<sheet name=\"表紙\" sheetId=\"3\" state=\"visible\" r:id=\"rId3\"/>"
			   "<sheet name=\"チェックリスト\" sheetId=\"1\" r:id=\"rId1\"/>"
			   "<sheet name=\"隠し\" sheetId=\"2\" state=\"hidden\" r:id=\"rId2\"/>"
			   "<sheet name=\"とても隠し\" sheetId=\"4\" state=\"veryHidden\" r:id=\"rId4\"/>"),
		  0, false },
		{ "xl/_rels/workbook.xml.rels",
		  RELS(REL("rId1", "worksheet", "worksheets/sheet1.xml") REL("rId2", "worksheet", "worksheets/sheet2.xml")
			       REL("rId3", "worksheet", "worksheets/sheet3.xml")
				       REL("rId4", "worksheet", "worksheets/sheet4.xml")),
		  0, false },
		{ "xl/worksheets/sheet1.xml", SHEET("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"), 0, false },
		{ "xl/worksheets/sheet2.xml", SHEET("<row r=\"1\"><c r=\"A1\"><v>2</v></c></row>"), 0, false },
		{ "xl/worksheets/sheet3.xml", SHEET(""), 0, false },
		{ "xl/worksheets/sheet4.xml", SHEET("<row r=\"2\"><c r=\"B2\"><v>4</v></c></row>"), 0, false },
	};
	struct xlsx_book *book = NULL;
	struct err e = { 0 };
	assert_int_equal(read_parts(parts, sizeof parts / sizeof *parts, NULL, &book, &e), 0);
	assert_int_equal(book->n_sheets, 4);
	const char *names[] = { "表紙", "チェックリスト", "隠し", "とても隠し" }, *cells[] = { "", "A1=1\n", "A1=2\n", "B2=4\n" };
	const bool hidden[] = { false, false, true, true };
	for (size_t i = 0; i < 4; i++) {
		assert_string_equal(book->sheets[i].name, names[i]);
		assert_int_equal(book->sheets[i].hidden, hidden[i]);
		char *got = dump(&book->sheets[i]);
		assert_string_equal(got, cells[i]);
		free(got);
		assert_ptr_equal(xlsx_book_find(book, names[i]), &book->sheets[i]);
	}
	assert_null(xlsx_book_find(book, "Sheet1"));
	xlsx_book_free(book);
	xlsx_book_free(NULL);
}

/* Prefixed elements, absolute and climbing targets, parts where Excel
 * would not put them, a part name in other case, a UTF-16 part. */
static void test_namespaces_and_paths(void **state)
{
	(void)state;
	size_t n16;
	char *utf16 = utf16le("<sst xmlns=\"http://purl.oclc.org/ooxml/spreadsheetml/main\"><si><t>あ</t></si></sst>", &n16);
	const struct part parts[] = {
		{ "_rels/.rels",
		  DECL "<pr:Relationships xmlns:pr=\"" PKG_NS "\"><pr:Relationship Id=\"rId1\" Type=\"" R_NS
		       "/officeDocument\" Target=\"/data/book.xml\"/></pr:Relationships>",
		  0, false },
		{ "data/book.xml",
		  DECL "<x:workbook xmlns:x=\"" MAIN_NS "\" xmlns:rel=\"" R_NS "\"><x:sheets>"
		       "<x:sheet name=\"S\" sheetId=\"1\" rel:id=\"s1\"/></x:sheets></x:workbook>",
		  0, false },
		{ "data/_rels/book.xml.rels",
		  RELS(REL("s1", "worksheet", "/data/sheets/One.xml") REL("s2", "sharedStrings", "./sub/../../strings.xml")),
		  0, false },
		{ "data/sheets/one.xml",
		  DECL "<x:worksheet xmlns:x=\"" MAIN_NS "\"><x:sheetData><x:row x:r=\"1\" r=\"1\">"
		       "<x:c r=\"A1\" t=\"s\"><x:v>0</x:v></x:c><x:c r=\"B1\" t=\"inlineStr\"><x:is><x:r><x:t>a</x:t></x:r>"
		       "<x:r><x:t>b</x:t></x:r></x:is></x:c>"
		       /* the same names in another namespace are something else */
		       "<o:c xmlns:o=\"urn:other\" r=\"C1\"><o:v>no</o:v></o:c><x:c r=\"D1\"><o:v xmlns:o=\"urn:o\">no</o:v></x:c>"
		       "</x:row></x:sheetData></x:worksheet>",
		  0, false },
		{ "strings.xml", utf16, n16, false },
	};
	struct xlsx_book *book = NULL;
	struct err e = { 0 };
	if (read_parts(parts, sizeof parts / sizeof *parts, NULL, &book, &e) < 0)
		fail_msg("%s", e.msg);
	assert_int_equal(book->n_sheets, 1);
	assert_string_equal(book->sheets[0].name, "S");
	char *got = dump(&book->sheets[0]);
	assert_string_equal(got, "A1=あ\nB1=ab\n");
	free(got);
	free(utf16);
	xlsx_book_free(book);
}

/* ---- our blank form, as written and as LibreOffice saves it ---- */

static void assert_cell(const struct xlsx_sheet *sh, uint32_t row, uint32_t col, const char *want)
{
	const char *got = xlsx_sheet_get(sh, row, col);
	char ref[XLSX_CELL_NAME_SIZE];
	xlsx_cell_name(row, col, ref);
	if (!want && got)
		fail_msg("%s: \"%s\", want no cell", ref, got);
	if (want && (!got || strcmp(got, want)))
		fail_msg("%s: %s%s%s, want \"%s\"", ref, got ? "\"" : "", got ? got : "no cell", got ? "\"" : "", want);
}

/* The form of the real checklist, cell by cell. */
static void assert_form(const struct xlsx_book *book, const struct catalog *cat)
{
	assert_int_equal(book->n_sheets, 2);
	/* the hidden metadata sheet (xlsx_form.h) */
	const struct xlsx_sheet *meta = xlsx_book_find(book, XLSX_FORM_META_SHEET);
	assert_ptr_equal(meta, &book->sheets[1]);
	assert_true(meta->hidden);
	assert_cell(meta, 0, 0, "shinsa-answers");
	assert_cell(meta, 0, 1, "1");
	assert_cell(meta, 1, 1, "api-checklist-2018-08");
	assert_cell(meta, 2, 1, cat->sha256);
	assert_cell(meta, 3, 0, "org");
	assert_cell(meta, 3, 1, NULL);
	assert_cell(meta, 5, 1, XLSX_FORM_SHEET);
	assert_cell(meta, 8, 0, "4");
	assert_cell(meta, 8, 1, "1");
	assert_cell(meta, 8, 2, cat->items[0].key);
	assert_cell(meta, 52, 0, "48");
	assert_cell(meta, 52, 2, cat->items[44].key);
	const struct xlsx_sheet *sh = xlsx_book_find(book, XLSX_FORM_SHEET);
	assert_ptr_equal(sh, &book->sheets[0]);
	assert_string_equal(sh->name, "API接続チェックリスト");
	assert_false(sh->hidden);
	assert_int_equal(sh->n_merges, 0);
	assert_cell(sh, 0, 0, "「API接続チェックリスト原案(フォーマット)」(A3横Excel版)サンプル");
	assert_cell(sh, 1, 0, "出典: API接続チェックリストワーキンググループ 2018年8月2日\u3000カタログ: api-checklist-2018-08");
	for (uint32_t c = 0; c < XLSX_FORM_NCOLS; c++)
		assert_cell(sh, XLSX_FORM_HEADER_ROW, c, xlsx_form_headers[c]);
	assert_cell(sh, 2, 0, "通番");
	assert_cell(sh, 2, 9, "備考");
	/* C6, item 3 */
	assert_cell(sh, 5, 0, "3");
	assert_cell(sh, 5, 2, "役職員に情報管理方法を周知し、セキュリティ管理態勢の定着を図る。");
	assert_cell(sh, 5, 7, "銀行API報告書・セキュリティ原則\n\n-----\nFISC・安対基準");
	assert_cell(sh, 5, 8, "3.3.1 API接続先の適格性 d\n3.3.3 内部からの不正アクセス対策 e\n-----\n統13、監1");
	size_t want_cells = 2 + XLSX_FORM_NCOLS;
	char no[16];
	for (size_t i = 0; i < cat->n_items; i++) {
		const struct catalog_item *it = &cat->items[i];
		uint32_t row = XLSX_FORM_FIRST_ITEM_ROW + (uint32_t)i;
		int n = snprintf(no, sizeof no, "%d", it->no);
		assert_true(n > 0 && (size_t)n < sizeof no);
		assert_cell(sh, row, 0, no);
		assert_cell(sh, row, 1, it->category);
		assert_cell(sh, row, 2, it->text);
		assert_cell(sh, row, 3, party_label(it->party));
		/* the answers are empty */
		for (uint32_t c = 4; c < 7; c++)
			assert_cell(sh, row, c, NULL);
		assert_cell(sh, row, 9, it->notes[0] ? it->notes : NULL);
		want_cells += 4 + (it->n_refs ? 2 : 0) + (it->notes[0] ? 1 : 0);
	}
	assert_int_equal(sh->n_cells, want_cells);
	assert_int_equal(sh->n_cells, 264);
}

static void test_blank_form(void **state)
{
	struct form_fixture *fx = *state;
	struct xlsx_book *book = NULL;
	struct err e = { 0 };
	if (xlsx_read_file(fx->path, NULL, &book, &e) < 0)
		fail_msg("%s", e.msg);
	assert_form(book, fx->cat);
	xlsx_book_free(book);
}

static void test_libreoffice_resave(void **state)
{
	struct form_fixture *fx = *state;
	/* A private profile so that a user's LibreOffice or another test
	 * does not meet this one; the timeout so a stuck soffice fails. */
	char *cmd = xasprintf("timeout 180 soffice --headless --norestore '-env:UserInstallation=file://%s/lo' "
			      "--convert-to 'xlsx:Calc MS Excel 2007 XML' --outdir '%s/lo-out' '%s' >'%s/soffice.log' 2>&1",
			      fx->dir, fx->dir, fx->path, fx->dir);
	int rc = system(cmd);
	free(cmd);
	char *out = xasprintf("%s/lo-out/form.xlsx", fx->dir);
	if (rc != 0 || access(out, R_OK) != 0)
		fail_msg("soffice failed (status %d): see %s/soffice.log", rc, fx->dir);
	struct xlsx_book *book = NULL, *ours = NULL;
	struct err e = { 0 };
	if (xlsx_read_file(out, NULL, &book, &e) < 0 || xlsx_read_file(fx->path, NULL, &ours, &e) < 0)
		fail_msg("%s", e.msg);
	assert_form(book, fx->cat);
	/* and nothing else changed */
	char *a = dump(&book->sheets[0]), *b = dump(&ours->sheets[0]);
	assert_string_equal(a, b);
	free(a);
	free(b);
	xlsx_book_free(book);
	xlsx_book_free(ours);
	free(out);
}

/* ---- refusals ---- */

static void test_not_a_zip(void **state)
{
	(void)state;
	assert_bytes_error("hello, this is not a zip", 24, NULL, "not an xlsx file (not a zip archive)");
	assert_bytes_error("", 0, NULL, "not an xlsx file (empty file)");
	assert_bytes_error("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 and more", 17, NULL,
			   "not an xlsx file (an .xls workbook, or one protected by a password)");
	struct xlsx_book *book = NULL;
	struct err e = { 0 };
	assert_int_equal(xlsx_read_file("/nonexistent/form.xlsx", NULL, &book, &e), -1);
	assert_string_equal(e.msg, "cannot read xlsx file: No such file or directory");
	assert_int_equal(xlsx_read_file("/tmp", NULL, &book, &e), -1);
	assert_string_equal(e.msg, "cannot read xlsx file: Is a directory");
	assert_int_equal(xlsx_read_file("Makefile", NULL, &book, &e), -1);
	assert_string_equal(e.msg, "not an xlsx file (not a zip archive)");
	assert_null(book);
}

static void test_damaged_zip(void **state)
{
	struct form_fixture *fx = *state;
	char *data;
	size_t len;
	struct err e = { 0 };
	assert_int_equal(fs_read_file(fx->path, 1 << 20, &data, &len, &e), 0);
	assert_bytes_error(data, len / 2, NULL, "damaged xlsx file: zip archive is truncated (no central directory)");
	free(data);

	/* a changed byte in a stored part: the CRC says so */
	const char *sheet = SHEET("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>original</t></is></c></row>");
	struct part parts[] = {
		{ "_rels/.rels", root_rels, 0, false }, { "xl/workbook.xml", one_sheet, 0, false },
		{ "xl/_rels/workbook.xml.rels", one_sheet_rels_no_sst, 0, false },
		{ "xl/worksheets/sheet1.xml", sheet, 0, true },
	};
	data = zip_parts(parts, 4, &len);
	size_t at = 0;
	while (at + 8 <= len && memcmp(data + at, "original", 8))
		at++;
	assert_true(at + 8 <= len);
	data[at] = 'O';
	assert_bytes_error(data, len, NULL, "damaged xlsx file: part xl/worksheets/sheet1.xml: CRC error");
	free(data);

	/* a part that inflates to more than its headers say: the room made
	 * for it is the size they say, and not a byte more is taken */
	parts[3].store = false;
	data = zip_parts(parts, 4, &len);
	size_t size = strlen(sheet), patched = 0;
	for (at = 0; at + 46 <= len; at++) {
		/* the uncompressed size: at 22 in the local header, 24 in the
		 * central directory's, both little-endian */
		size_t off = !memcmp(data + at, "PK\3\4", 4) ? 22 : !memcmp(data + at, "PK\1\2", 4) ? 24 : 0;
		unsigned char *p = (unsigned char *)data + at + off;
		if (off && (size_t)p[0] + ((size_t)p[1] << 8) + ((size_t)p[2] << 16) + ((size_t)p[3] << 24) == size) {
			p[0] = 10, p[1] = p[2] = p[3] = 0;
			patched++;
		}
	}
	assert_int_equal(patched, 2);
	assert_bytes_error(data, len, NULL, "damaged xlsx file: part xl/worksheets/sheet1.xml: zip archive inconsistent");
	free(data);
}

static void test_too_large(void **state)
{
	(void)state;
	/* 60 MB of spaces, well-formed as XML, deflate to about 60 KB: the
	 * size the zip states is refused before any is inflated (one that
	 * understates it is damaged: test_damaged_zip) */
	static const char head[] = "<worksheet xmlns=\"" MAIN_NS "\"><sheetData>", tail[] = "</sheetData></worksheet>";
	size_t n = 60u << 20;
	char *bomb = xmalloc(n);
	memset(bomb, ' ', n);
	memcpy(bomb, head, strlen(head));
	memcpy(bomb + n - strlen(tail), tail, strlen(tail));
	struct part parts[] = {
		{ "_rels/.rels", root_rels, 0, false }, { "xl/workbook.xml", one_sheet, 0, false },
		{ "xl/_rels/workbook.xml.rels", one_sheet_rels_no_sst, 0, false },
		{ "xl/worksheets/sheet1.xml", bomb, n, false },
	};
	size_t len;
	char *zip = zip_parts(parts, 4, &len);
	free(bomb);
	assert_true(len < 200000);
	assert_bytes_error(zip, len, NULL, "xlsx part xl/worksheets/sheet1.xml is larger than 52428800 bytes uncompressed");
	/* every part within its limit, but not all of them together */
	struct xlsx_limits lim = xlsx_default_limits;
	lim.max_part = 500;
	lim.max_total = 1000;
	const char *small = SHEET("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>");
	assert_sheet_error(SST("<si><t>x</t></si>"), small, &lim, "xlsx file is larger than 1000 bytes uncompressed");
	/* and the file itself */
	assert_bytes_error(zip, len, &(struct xlsx_limits){ .max_file = 1000 }, "xlsx file is larger than 1000 bytes");
	free(zip);
	char *path = xasprintf("%s/big.xlsx", ((struct form_fixture *)*state)->dir);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	assert_int_equal(fwrite("PK\3\4", 1, 4, f), 4);
	assert_int_equal(fseek(f, 21u << 20, SEEK_SET), 0);
	assert_int_equal(fputc('x', f), 'x');
	assert_int_equal(fclose(f), 0);
	struct xlsx_book *book = NULL;
	struct err e = { 0 };
	assert_int_equal(xlsx_read_file(path, NULL, &book, &e), -1);
	assert_string_equal(e.msg, "xlsx file is larger than 20971520 bytes");
	assert_int_equal(unlink(path), 0);
	free(path);
}

static void test_too_many_parts(void **state)
{
	(void)state;
	size_t n = 10001;
	struct part *parts = xcalloc(n, sizeof *parts);
	char **names = xcalloc(n, sizeof *names);
	for (size_t i = 0; i < n; i++) {
		names[i] = xasprintf("p/%zu.xml", i);
		parts[i] = (struct part){ names[i], "<x/>", 0, true };
	}
	size_t len;
	char *zip = zip_parts(parts, n, &len);
	assert_bytes_error(zip, len, NULL, "xlsx file has more than 10000 parts");
	free(zip);
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	free(parts);
}

static void test_dtd(void **state)
{
	(void)state;
	const char *sheet = SHEET("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>");
	/* billion laughs: 10^9 "lol"s if the entities were expanded */
	assert_sheet_error("<?xml version=\"1.0\"?>\n<!DOCTYPE sst [<!ENTITY lol \"lol\">"
			   "<!ENTITY l1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
			   "<!ENTITY l2 \"&l1;&l1;&l1;&l1;&l1;&l1;&l1;&l1;&l1;&l1;\">"
			   "<!ENTITY l3 \"&l2;&l2;&l2;&l2;&l2;&l2;&l2;&l2;&l2;&l2;\">"
			   "<!ENTITY l4 \"&l3;&l3;&l3;&l3;&l3;&l3;&l3;&l3;&l3;&l3;\">"
			   "<!ENTITY l5 \"&l4;&l4;&l4;&l4;&l4;&l4;&l4;&l4;&l4;&l4;\">"
			   "<!ENTITY l6 \"&l5;&l5;&l5;&l5;&l5;&l5;&l5;&l5;&l5;&l5;\">"
			   "<!ENTITY l7 \"&l6;&l6;&l6;&l6;&l6;&l6;&l6;&l6;&l6;&l6;\">"
			   "<!ENTITY l8 \"&l7;&l7;&l7;&l7;&l7;&l7;&l7;&l7;&l7;&l7;\">]>"
			   "<sst xmlns=\"" MAIN_NS "\"><si><t>&l8;</t></si></sst>",
			   sheet, NULL, "xlsx part xl/sharedStrings.xml: DTDs are not allowed");
	/* an external entity, and a DTD without entities: all refused */
	assert_sheet_error(SST("<si><t>x</t></si>"),
			   "<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
			   "<worksheet xmlns=\"" MAIN_NS "\"><sheetData><row><c t=\"inlineStr\"><is><t>&x;</t></is></c></row>"
			   "</sheetData></worksheet>",
			   NULL, "xlsx part xl/worksheets/sheet1.xml: DTDs are not allowed");
	assert_sheet_error(SST("<si><t>x</t></si>"), "<!DOCTYPE worksheet><worksheet/>", NULL,
			   "xlsx part xl/worksheets/sheet1.xml: DTDs are not allowed");
	/* and without a DTD an entity is merely undefined */
	assert_sheet_error(SST("<si><t>&lol;</t></si>"), sheet, NULL,
			   "xlsx part xl/sharedStrings.xml: XML error at line 2: undefined entity");
}

static void test_bad_xml(void **state)
{
	(void)state;
	const char *sheet = SHEET("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>");
	assert_sheet_error(DECL "<sst xmlns=\"" MAIN_NS "\"><si><t>a</t></si>\n<si><t>b</si>\n</sst>", sheet, NULL,
			   "xlsx part xl/sharedStrings.xml: XML error at line 3: mismatched tag");
	/* invalid UTF-8 */
	assert_sheet_error(NULL, SHEET("<row><c t=\"inlineStr\"><is><t>\xff</t></is></c></row>"), NULL,
			   "xlsx part xl/worksheets/sheet1.xml: XML error at line 2: not well-formed (invalid token)");
	assert_sheet_error(NULL, SHEET("<row><c t=\"inlineStr\"><is><t>\xe3\x81</t></is></c></row>"), NULL,
			   "xlsx part xl/worksheets/sheet1.xml: XML error at line 2: not well-formed (invalid token)");
	assert_sheet_error(NULL, "", NULL, "xlsx part xl/worksheets/sheet1.xml: XML error at line 1: no element found");
	assert_sheet_error(NULL, SHEET("<row>"), NULL,
			   "xlsx part xl/worksheets/sheet1.xml: XML error at line 2: mismatched tag");
	assert_sheet_error(NULL, "<worksheet xmlns=\"" MAIN_NS "\"><x:row/></worksheet>", NULL,
			   "xlsx part xl/worksheets/sheet1.xml: XML error at line 1: unbound prefix");
	assert_sheet_error(NULL, "<?xml version=\"1.0\" encoding=\"Shift_JIS\"?><worksheet/>", NULL,
			   "xlsx part xl/worksheets/sheet1.xml: XML error at line 1: unknown encoding");
}

static void test_structure(void **state)
{
	(void)state;
	const char *sheet = SHEET("");
	struct part parts[] = {
		{ "[Content_Types].xml", content_types, 0, false }, { "xl/worksheets/sheet1.xml", sheet, 0, false },
		{ "_rels/.rels", RELS(REL("rId1", "officeDocument", "/xl/book.xml")), 0, false },
	};
	struct xlsx_book *book = NULL;
	struct err e = { 0 };
	assert_int_equal(read_parts(parts, 2, NULL, &book, &e), -1);
	assert_string_equal(e.msg, "no workbook in xlsx file (xl/workbook.xml missing)");
	assert_int_equal(read_parts(parts, 3, NULL, &book, &e), -1);
	assert_string_equal(e.msg, "no workbook in xlsx file (xl/book.xml missing)");

	struct part wb[] = {
		{ "xl/workbook.xml", one_sheet, 0, false },
		{ "xl/_rels/workbook.xml.rels", one_sheet_rels_no_sst, 0, false },
		{ "xl/worksheets/sheet1.xml", sheet, 0, false },
	};
	wb[0].data = WORKBOOK("");
	assert_int_equal(read_parts(wb, 3, NULL, &book, &e), -1);
	assert_string_equal(e.msg, "no sheets in xlsx file");
	wb[0].data = WORKBOOK("<sheet name=\"A\" sheetId=\"1\" r:id=\"rId9\"/>");
	assert_int_equal(read_parts(wb, 3, NULL, &book, &e), -1);
	assert_string_equal(e.msg, "damaged xlsx file: sheet \"A\" has no relationship rId9");
	wb[0].data = WORKBOOK("<sheet name=\"A\" sheetId=\"1\"/>");
	assert_int_equal(read_parts(wb, 3, NULL, &book, &e), -1);
	assert_string_equal(e.msg, "xlsx part xl/workbook.xml: sheet \"A\" has no r:id");
	wb[0].data = WORKBOOK("<sheet sheetId=\"1\" r:id=\"rId1\"/>");
	assert_int_equal(read_parts(wb, 3, NULL, &book, &e), -1);
	assert_string_equal(e.msg, "xlsx part xl/workbook.xml: sheet 1 has no name");
	wb[0].data = WORKBOOK("<sheet name=\"A\" sheetId=\"1\" r:id=\"rId1\"/><sheet name=\"B\" sheetId=\"2\" r:id=\"rId1\"/>");
	assert_int_equal(read_parts(wb, 3, NULL, &book, &e), -1);
	assert_string_equal(e.msg, "damaged xlsx file: xl/worksheets/sheet1.xml is the part of two sheets");
	/* the sheet's part, or the shared strings named, are not there */
	wb[0].data = one_sheet;
	wb[1].data = one_sheet_rels;
	assert_int_equal(read_parts(wb, 3, NULL, &book, &e), -1);
	assert_string_equal(e.msg, "damaged xlsx file: xl/sharedStrings.xml (shared strings) is missing");
	wb[1].data = RELS(REL("rId1", "worksheet", "worksheets/sheet2.xml"));
	assert_int_equal(read_parts(wb, 3, NULL, &book, &e), -1);
	assert_string_equal(e.msg, "damaged xlsx file: xl/worksheets/sheet2.xml (sheet \"Sheet1\") is missing");
	wb[1].data = RELS(REL("rId1", "worksheet", "../../sheet1.xml"));
	assert_int_equal(read_parts(wb, 3, NULL, &book, &e), -1);
	assert_string_equal(e.msg, "damaged xlsx file: ../../sheet1.xml (sheet \"Sheet1\") is missing");
	/* a sheet or a relationship each needs a part: no more than there may be */
	struct xlsx_limits lim = xlsx_default_limits;
	lim.max_parts = 3;
	wb[1].data = one_sheet_rels_no_sst;
	wb[0].data = WORKBOOK("<sheet name=\"A\" r:id=\"rId1\"/><sheet name=\"B\" r:id=\"rId1\"/>"
			      "<sheet name=\"C\" r:id=\"rId1\"/><sheet name=\"D\" r:id=\"rId1\"/>");
	assert_int_equal(read_parts(wb, 3, &lim, &book, &e), -1);
	assert_string_equal(e.msg, "xlsx part xl/workbook.xml: more than 3 sheets");
	wb[0].data = one_sheet;
	wb[1].data = RELS(REL("rId1", "worksheet", "worksheets/sheet1.xml") REL("rId2", "styles", "styles.xml")
				  REL("rId3", "theme", "theme/theme1.xml") REL("rId4", "calcChain", "calcChain.xml"));
	assert_int_equal(read_parts(wb, 3, &lim, &book, &e), -1);
	assert_string_equal(e.msg, "xlsx part xl/_rels/workbook.xml.rels: more than 3 relationships");
	assert_null(book);
}

static void test_bad_cells(void **state)
{
	(void)state;
	const char *sst = SST("<si><t>a</t></si><si><t>b</t></si>");
	assert_sheet_error(sst, SHEET("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>2</v></c></row>"), NULL,
			   "xlsx cell Sheet1!A1: shared string index \"2\" out of range (2 strings)");
	assert_sheet_error(sst, SHEET("<row r=\"1\"><c r=\"B1\" t=\"s\"><v>-1</v></c></row>"), NULL,
			   "xlsx cell Sheet1!B1: shared string index \"-1\" out of range (2 strings)");
	assert_sheet_error(NULL, SHEET("<row r=\"3\"><c r=\"C3\" t=\"s\"><v>0</v></c></row>"), NULL,
			   "xlsx cell Sheet1!C3: shared string index \"0\" out of range (0 strings)");
	assert_sheet_error(NULL, SHEET("<row r=\"1\"><c r=\"A1\" t=\"zz\"><v>0</v></c></row>"), NULL,
			   "xlsx cell Sheet1!A1: unknown cell type \"zz\"");
	assert_sheet_error(NULL, SHEET("<row r=\"1\"><c r=\"A1\" t=\"b\"><v>2</v></c></row>"), NULL,
			   "xlsx cell Sheet1!A1: invalid boolean \"2\"");
	assert_sheet_error(NULL,
			   SHEET("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"2\"><c r=\"B2\"><v>1</v></c></row>"
				 "<row r=\"1\"><c r=\"A1\"><v>2</v></c></row>"),
			   NULL, "xlsx cell Sheet1!A1: given twice");
	/* references beyond Excel's grid, or not references */
	assert_sheet_error(NULL, SHEET("<row r=\"1\"><c r=\"XFE1\"><v>1</v></c></row>"), NULL,
			   "xlsx sheet Sheet1: cell XFE1 is beyond Excel's last cell XFD1048576");
	assert_sheet_error(NULL, SHEET("<row r=\"1\"><c r=\"A1048577\"><v>1</v></c></row>"), NULL,
			   "xlsx sheet Sheet1: cell A1048577 is beyond Excel's last cell XFD1048576");
	assert_sheet_error(NULL, SHEET("<row r=\"1\"><c r=\"XFD1\"/><c><v>1</v></c></row>"), NULL,
			   "xlsx sheet Sheet1: cell XFE1 is beyond Excel's last cell XFD1048576");
	assert_sheet_error(NULL, SHEET("<row r=\"1\"><c r=\"ZZZZZZZZZZZZ99999999999999999999\"/></row>"), NULL,
			   "xlsx sheet Sheet1: cell ZZZZZZZZZZZZ99999999999999999999 is beyond Excel's last cell XFD1048576");
	assert_sheet_error(NULL, SHEET("<row r=\"1\"><c r=\"1A\"><v>1</v></c></row>"), NULL,
			   "xlsx sheet Sheet1: invalid cell reference \"1A\"");
	assert_sheet_error(NULL, SHEET("<row r=\"1\"><c r=\"a1\"><v>1</v></c></row>"), NULL,
			   "xlsx sheet Sheet1: invalid cell reference \"a1\"");
	assert_sheet_error(NULL, SHEET("<row r=\"1\"><c r=\"A0\"><v>1</v></c></row>"), NULL,
			   "xlsx sheet Sheet1: invalid cell reference \"A0\"");
	assert_sheet_error(NULL, SHEET("<row r=\"1048577\"><c><v>1</v></c></row>"), NULL,
			   "xlsx sheet Sheet1: row 1048577 is beyond Excel's last row 1048576");
	assert_sheet_error(NULL, SHEET("<row r=\"1048576\"/><row/>"), NULL,
			   "xlsx sheet Sheet1: row 1048577 is beyond Excel's last row 1048576");
	assert_sheet_error(NULL, SHEET("<row r=\"0\"/>"), NULL, "xlsx sheet Sheet1: invalid row number \"0\"");
	assert_sheet_error(NULL, SHEET("<row r=\" 1\"/>"), NULL, "xlsx sheet Sheet1: invalid row number \" 1\"");
	assert_sheet_error(NULL,
			   DECL "<worksheet xmlns=\"" MAIN_NS "\"><sheetData/><mergeCells><mergeCell ref=\"A1:\"/>"
				"</mergeCells></worksheet>",
			   NULL, "xlsx sheet Sheet1: invalid merge range \"A1:\"");
	/* a name from the file is made fit for one line */
	assert_sheet_error(NULL, SHEET("<row r=\"1\"><c r=\"A&#10;1\"/></row>"), NULL,
			   "xlsx sheet Sheet1: invalid cell reference \"A?1\"");
}

static void test_too_many_cells(void **state)
{
	(void)state;
	struct xlsx_limits lim = xlsx_default_limits;
	lim.max_cells = 3;
	const char *sheet = SHEET("<row r=\"1\"><c r=\"A1\"><v>1</v></c><c r=\"B1\"><v>2</v></c><c r=\"C1\"/>"
				  "<c r=\"D1\"><v>3</v></c></row>");
	struct xlsx_book *book = NULL;
	struct err e = { 0 };
	assert_int_equal(read_sheet(NULL, sheet, &lim, &book, &e), 0); /* C1 has no value: 3 cells */
	xlsx_book_free(book);
	assert_sheet_error(NULL, SHEET("<row r=\"1\"><c><v>1</v></c><c><v>2</v></c><c><v>3</v></c><c><v>4</v></c></row>"),
			   &lim, "xlsx file has more than 3 cells");
	/* more shared strings than cells could use */
	assert_sheet_error(SST("<si><t>1</t></si><si><t>2</t></si><si><t>3</t></si><si><t>4</t></si>"), SHEET(""), &lim,
			   "xlsx part xl/sharedStrings.xml: more than 3 shared strings");
}

static void test_text_too_long(void **state)
{
	(void)state;
	struct xlsx_limits lim = xlsx_default_limits;
	lim.max_text = 5;
	/* characters, not bytes: 5 kana (15 bytes), and an escape is one */
	const char *ok = SHEET("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>あいうえお</t></is></c>"
			       "<c r=\"B1\" t=\"inlineStr\"><is><t>abcd_x000D_</t></is></c></row>");
	struct xlsx_book *book = NULL;
	struct err e = { 0 };
	if (read_sheet(NULL, ok, &lim, &book, &e) < 0)
		fail_msg("%s", e.msg);
	xlsx_book_free(book);
	assert_sheet_error(SST("<si><t>12345</t></si><si><r><t>123</t></r><r><t>456</t></r></si>"), SHEET(""), &lim,
			   "xlsx part xl/sharedStrings.xml: shared string 1 is longer than 5 characters");
	assert_sheet_error(NULL, SHEET("<row r=\"2\"><c r=\"B2\" t=\"inlineStr\"><is><t>あいうえおか</t></is></c></row>"), &lim,
			   "xlsx cell Sheet1!B2: text is longer than 5 characters");
	assert_sheet_error(NULL, SHEET("<row r=\"2\"><c r=\"C2\"><v>123456</v></c></row>"), &lim,
			   "xlsx cell Sheet1!C2: text is longer than 5 characters");
	assert_sheet_error(NULL, SHEET("<row r=\"2\"><c r=\"D2\" t=\"str\"><f>x</f><v>abcdef</v></c></row>"), &lim,
			   "xlsx cell Sheet1!D2: text is longer than 5 characters");
}

/* The refusal when the CPU budget runs out, in words and as data. */
static void assert_too_slow(const char *sheet, unsigned ms, const char *part)
{
	struct xlsx_limits lim = xlsx_default_limits;
	lim.max_cpu_ms = ms;
	struct xlsx_book *book = NULL;
	struct err e = { 0 };
	assert_int_equal(read_sheet(NULL, sheet, &lim, &book, &e), -1);
	assert_null(book);
	char *want = xasprintf("xlsx file takes more than %u ms of CPU to read (stopped in part %s)", ms, part);
	assert_string_equal(e.msg, want);
	free(want);
	assert_string_equal(e.code, "too_slow");
	assert_string_equal(e.where, "");
	assert_int_equal(e.n_args, 2);
	char ms_text[16];
	snprintf(ms_text, sizeof ms_text, "%u", ms);
	assert_string_equal(e.args[0], ms_text);
	assert_string_equal(e.args[1], part);
}

/* s with n copies of what between head and tail; you own it. */
static char *repeated(const char *head, const char *what, size_t n, const char *tail, size_t *len)
{
	size_t h = strlen(head), w = strlen(what), t = strlen(tail);
	char *s = xmalloc(h + n * w + t + 1);
	memcpy(s, head, h);
	for (size_t i = 0; i < n; i++)
		memcpy(s + h + i * w, what, w);
	memcpy(s + h + n * w, tail, t + 1);
	*len = h + n * w + t;
	return s;
}

static void test_cpu_budget(void **state)
{
	(void)state;
	const char *small = SHEET("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>");
	/* none at all: refused at the first part */
	assert_too_slow(small, 0, "_rels/.rels");
	/* run out in the middle of a sheet of two million elements (8 MB, a
	 * quarter of a second or more), long after the small parts before it */
	size_t len;
	char *sheet = repeated("<worksheet xmlns=\"" MAIN_NS "\"><sheetData>", "<a/>", 2000000, "</sheetData></worksheet>",
			       &len);
	assert_too_slow(sheet, 20, "xl/worksheets/sheet1.xml");
	free(sheet);
}

/* A comment, a processing instruction and an attribute of tens of MiB
 * (46 MiB in all, deflated to some 50 KB): each read once, not again with
 * every chunk, so well within the 2 s of CPU the issue allows (before, the
 * comment alone took several seconds). */
static void test_huge_tokens(void **state)
{
	(void)state;
	static const char head[] = "<worksheet xmlns=\"" MAIN_NS "\"><!--", rows[] =
		"<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>after</t></is></c></row></sheetData>";
	size_t comment = 30u << 20, pi = 8u << 20, attr = 8u << 20;
	char *sheet = xmalloc(comment + pi + attr + 1000), *p = sheet;
	p = stpcpy(p, head);
	p = (char *)memset(p, 'c', comment) + comment;
	p = stpcpy(p, "--><?pi ");
	p = (char *)memset(p, 'p', pi) + pi;
	p = stpcpy(p, "?><x a=\"");
	p = (char *)memset(p, 'a', attr) + attr;
	p = stpcpy(stpcpy(stpcpy(p, "\"/>"), rows), "</worksheet>");
	struct part parts[] = {
		{ "_rels/.rels", root_rels, 0, false }, { "xl/workbook.xml", one_sheet, 0, false },
		{ "xl/_rels/workbook.xml.rels", one_sheet_rels_no_sst, 0, false },
		{ "xl/worksheets/sheet1.xml", sheet, (size_t)(p - sheet), false },
	};
	size_t len;
	char *zip = zip_parts(parts, 4, &len);
	free(sheet);
	assert_true(len < 266000);
	struct xlsx_limits lim = xlsx_default_limits;
	lim.max_cpu_ms = 2000;
	struct xlsx_book *book = NULL;
	struct err e = { 0 };
	uint64_t start = clock_thread_cpu_ns();
	if (xlsx_read_buffer(zip, len, &lim, &book, &e) < 0)
		fail_msg("%s", e.msg);
	assert_true(clock_thread_cpu_ns() - start < 2000000000u);
	char *got = dump(&book->sheets[0]);
	assert_string_equal(got, "A1=after\n");
	free(got);
	xlsx_book_free(book);
	free(zip);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cell_name),
		cmocka_unit_test(test_shared_strings),
		cmocka_unit_test(test_line_breaks_and_escapes),
		cmocka_unit_test(test_inline_strings),
		cmocka_unit_test(test_values),
		cmocka_unit_test(test_positions),
		cmocka_unit_test(test_merges),
		cmocka_unit_test(test_sheets),
		cmocka_unit_test(test_namespaces_and_paths),
		cmocka_unit_test(test_blank_form),
		cmocka_unit_test(test_libreoffice_resave),
		cmocka_unit_test(test_not_a_zip),
		cmocka_unit_test(test_damaged_zip),
		cmocka_unit_test(test_too_large),
		cmocka_unit_test(test_too_many_parts),
		cmocka_unit_test(test_dtd),
		cmocka_unit_test(test_bad_xml),
		cmocka_unit_test(test_structure),
		cmocka_unit_test(test_bad_cells),
		cmocka_unit_test(test_too_many_cells),
		cmocka_unit_test(test_text_too_long),
		cmocka_unit_test(test_cpu_budget),
		cmocka_unit_test(test_huge_tokens),
	};
	return cmocka_run_group_tests(tests, form_fixture_setup, form_fixture_teardown);
}
