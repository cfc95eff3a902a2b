/* A bank's criteria as a Word .docx made by LibreOffice read as exactly the
 * .txt of the same text (keys, 区分, texts, title); Word's numbering counted
 * and shown as Word shows it; a .docx found by what it holds; every refusal
 * with its exact message and code. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "formats/criteria_docx.h"
#include "formats/criteria_read.h"
#include "lib/fsutil.h"
#include "lib/strbuf.h"
#include "lib/xalloc.h"

#define DIR "tests/fixtures/criteria/"

static struct catalog *read_file(const char *path, enum criteria_format f)
{
	size_t len;
	char *data = fixture_bytes(path, &len);
	struct catalog *cat;
	struct criteria_warnings w = { 0 };
	struct err e = { 0 };
	if (criteria_read(path, data, len, f, &cat, &w, &e) < 0)
		fail_msg("%s", e.msg);
	assert_int_equal(w.n, 0);
	criteria_warnings_release(&w);
	free(data);
	return cat;
}

static void assert_same(const struct catalog *a, const struct catalog *b)
{
	assert_string_equal(a->title, b->title);
	assert_int_equal(a->n_items, b->n_items);
	for (size_t i = 0; i < a->n_items; i++) {
		const struct catalog_item *x = &a->items[i], *y = &b->items[i];
		assert_string_equal(x->key, y->key);
		assert_int_equal(x->no, y->no);
		if (x->section || y->section)
			assert_string_equal(x->section, y->section);
		assert_string_equal(x->category, y->category);
		assert_string_equal(x->text, y->text);
	}
}

/* list.docx is list.txt's text (test_criteria_read holds its golden keys):
 * nested 1. / (1) / ①, ・ bullets numbered under their heading, a line
 * break joined, the title and preamble left out, 以上 ending it. */
static void test_list_same_as_text(void **state)
{
	(void)state;
	struct catalog *docx = read_file(DIR "docx/list.docx", CRITERIA_DOCX), *txt = read_file(DIR "list.txt", CRITERIA_TEXT);
	assert_int_equal(docx->n_items, 7);
	assert_string_equal(docx->items[1].key, "1-(1)-②");
	assert_string_equal(docx->items[1].text, "役職員への周知を、年1回以上行っていること");
	assert_string_equal(docx->items[4].key, "2-2");
	assert_string_equal(docx->items[6].key, "3-(2)");
	assert_same(docx, txt);
	catalog_free(docx);
	catalog_free(txt);
}

/* Headings numbered through their styles (Heading 1 "1.", Heading 2
 * "(1)"), ① lists under them starting again, bullets in a table cell. */
static void test_headings_same_as_text(void **state)
{
	(void)state;
	struct catalog *docx = read_file(DIR "docx/headings.docx", CRITERIA_DOCX),
		       *txt = read_file(DIR "docx/headings.txt", CRITERIA_TEXT);
	static const char *const want[][4] = {
		{ "1-(1)-①", "体制", "管理者", "責任者を定めていること" },
		{ "1-(1)-②", "体制", "管理者", "責任者の連絡先を当行に届け出ていること" },
		{ "1-(2)-①", "体制", "委託先", "委託先を管理していること" },
		{ "2-1", "情報管理", "情報管理", "暗号化していること" },
		{ "2-2", "情報管理", "情報管理", "アクセス記録を保存していること" },
	};
	assert_string_equal(docx->title, "接続基準");
	assert_int_equal(docx->n_items, 5);
	for (size_t i = 0; i < 5; i++) {
		assert_string_equal(docx->items[i].key, want[i][0]);
		assert_string_equal(docx->items[i].section, want[i][1]);
		assert_string_equal(docx->items[i].category, want[i][2]);
		assert_string_equal(docx->items[i].text, want[i][3]);
	}
	assert_same(docx, txt);
	catalog_free(docx);
	catalog_free(txt);
}

/* A Word document whatever the name or the format asked for says. */
static void test_by_content(void **state)
{
	(void)state;
	assert_int_equal(criteria_format_guess("基準.DOCX"), CRITERIA_DOCX);
	assert_int_equal(criteria_format_parse("docx"), CRITERIA_DOCX);
	assert_string_equal(criteria_format_name(CRITERIA_DOCX), "docx");
	struct catalog *a = read_file(DIR "docx/list.docx", CRITERIA_XLSX), *b = read_file(DIR "docx/list.docx", CRITERIA_CSV);
	assert_int_equal(a->n_items, 7);
	assert_same(a, b);
	catalog_free(a);
	catalog_free(b);
}

#define W "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
#define LVL(i, fmt, text, start) \
	"<w:lvl w:ilvl=\"" #i "\"><w:start w:val=\"" #start "\"/><w:numFmt w:val=\"" fmt "\"/><w:lvlText w:val=\"" text "\"/></w:lvl>"
#define P(num, lvl, text) \
	"<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"0\"/></w:tabs><w:numPr><w:ilvl w:val=\"" #lvl "\"/><w:numId w:val=\"" #num \
	"\"/></w:numPr></w:pPr><w:r><w:t>" text "</w:t></w:r></w:p>"

static const char numbering[] =
	"<w:numbering " W "><w:abstractNum w:abstractNumId=\"0\">" LVL(0, "decimalFullWidth", "第%1条", 1)
		LVL(1, "decimal", "%1-%2", 1) LVL(2, "aiueo", "(%3)", 1) LVL(3, "upperLetter", "%4.", 26)
			LVL(4, "decimalEnclosedCircle", "%5", 20) LVL(5, "lowerRoman", "%6)", 4)
	"</w:abstractNum><w:abstractNum w:abstractNumId=\"1\">" LVL(0, "bullet", "\xef\x82\xb7", 1)
	"</w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
	"<w:num w:numId=\"2\"><w:abstractNumId w:val=\"0\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"5\"/></w:lvlOverride></w:num>"
	"<w:num w:numId=\"3\"><w:abstractNumId w:val=\"1\"/></w:num>"
	"<w:abstractNum w:abstractNumId=\"2\">" LVL(0, "decimal", "%1%1%1%1%1%1%1%1%1%1%1%1%1%1%1%1%1%1%1%1%1%1%1%1%1%1%1%1%1%1%1%1%1", 1)
	"</w:abstractNum><w:num w:numId=\"4\"><w:abstractNumId w:val=\"2\"/></w:num></w:numbering>";

/* The lines of a document of body, with numbering above. */
static void lines_are(const char *body, const char *want)
{
	char *doc = xasprintf("<w:document " W "><w:body>%s</w:body></w:document>", body);
	struct part parts[] = { { "word/document.xml", doc, 0, false }, { "word/numbering.xml", numbering, 0, false } };
	size_t len;
	char *zip = zip_parts(parts, 2, &len);
	struct ctable *t;
	struct err e = { 0 };
	if (criteria_docx_read("n.docx", zip, len, NULL, &t, &e) < 0)
		fail_msg("%s", e.msg);
	struct strbuf sb = STRBUF_INIT;
	for (size_t i = 0; i < t->n_rows; i++) {
		assert_int_equal(t->rows[i].n_cells, 1);
		strbuf_addf(&sb, "%u|%s\n", t->rows[i].at, t->rows[i].cells[0].text);
	}
	assert_string_equal(sb.buf, want);
	strbuf_release(&sb);
	ctable_free(t);
	free(zip);
	free(doc);
}

/* Numbers as Word counts and shows them: formats, "%1-%2", deeper levels
 * starting again, a start override, numId 0, a symbol-font bullet as ・, a
 * level text too long to be a number shown as none;
 * a tab as a space, a line break a line of its own, deleted text and field
 * codes left out. */
static void test_numbering(void **state)
{
	(void)state;
	lines_are(P(1, 0, "A") P(1, 1, "B") P(1, 1, "C") P(1, 2, "D") P(1, 3, "E") P(1, 3, "E2") P(1, 4, "F")
			  P(1, 5, "G") P(1, 1, "H") P(1, 2, "I") P(2, 0, "J") P(1, 0, "K") P(0, 0, "L") P(3, 0, "M") P(4, 0, "N")
				  "<w:p><w:r><w:t>x</w:t><w:tab/><w:t>y</w:t><w:br/><w:t>z</w:t><w:noBreakHyphen/><w:t>1</w:t></w:r>"
				  "<w:del><w:r><w:delText>gone</w:delText></w:r></w:del>"
				  "<w:r><w:instrText>PAGE</w:instrText></w:r></w:p>",
		  "1|第１条 A\n2|  １-1 B\n3|  １-2 C\n4|    (ア) D\n5|      Z. E\n6|      AA. E2\n7|        ⑳ F\n"
		  "8|          iv) G\n9|  １-3 H\n10|    (ア) I\n11|第５条 J\n12|第６条 K\n13|L\n14|・ M\n15|N\n16|x y\n16|z-1\n");
}

static struct catalog *read_bytes(const char *name, const char *data, size_t len, enum criteria_format f)
{
	struct catalog *cat;
	struct criteria_warnings w = { 0 };
	struct err e = { 0 };
	if (criteria_read(name, data, len, f, &cat, &w, &e) < 0)
		fail_msg("%s", e.msg);
	criteria_warnings_release(&w);
	return cat;
}

/* Katakana numbers, as Word's aiueo numbering shows them and as typed:
 * "(ア)" and "ア." are markers of the list form, in a .txt and a .docx. */
static void test_kana(void **state)
{
	(void)state;
	static const char txt[] = "基準\n1. 管理\n（ア）規程を定めていること\n(イ) 周知していること\n2. 運用\n"
				  "ア. 監視していること\nイ、記録していること\n";
	static const char num[] = "<w:numbering " W "><w:abstractNum w:abstractNumId=\"0\">" LVL(0, "decimal", "%1.", 1)
		LVL(1, "aiueo", "(%2)", 1) "</w:abstractNum><w:abstractNum w:abstractNumId=\"1\">" LVL(1, "aiueo", "%2.", 1)
		"</w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
		"<w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num></w:numbering>";
	static const char doc[] = "<w:document " W "><w:body><w:p><w:r><w:t>基準</w:t></w:r></w:p>" P(1, 0, "管理")
		P(1, 1, "規程を定めていること") P(1, 1, "周知していること") P(1, 0, "運用") P(2, 1, "監視していること")
			P(2, 1, "記録していること") "</w:body></w:document>";
	struct part parts[] = { { "word/document.xml", doc, 0, false }, { "word/numbering.xml", num, 0, false } };
	size_t len;
	char *zip = zip_parts(parts, 2, &len);
	struct catalog *a = read_bytes("k.docx", zip, len, CRITERIA_DOCX), *b = read_bytes("k.txt", txt, 0 + sizeof txt - 1, CRITERIA_TEXT);
	static const char *const want[][3] = {
		{ "1-(ア)", "管理", "規程を定めていること" }, { "1-(イ)", "管理", "周知していること" },
		{ "2-ア", "運用", "監視していること" },     { "2-イ", "運用", "記録していること" },
	};
	assert_int_equal(b->n_items, 4);
	for (size_t i = 0; i < 4; i++) {
		assert_string_equal(b->items[i].key, want[i][0]);
		assert_string_equal(b->items[i].category, want[i][1]);
		assert_string_equal(b->items[i].text, want[i][2]);
	}
	assert_same(a, b);
	catalog_free(a);
	catalog_free(b);
	free(zip);
}

/* Fails with message want and code. */
static void fails(const char *data, size_t len, enum criteria_format f, const char *want, const char *code)
{
	struct catalog *cat;
	struct criteria_warnings w = { 0 };
	struct err e = { 0 };
	assert_int_equal(criteria_read("x.docx", data, len, f, &cat, &w, &e), -1);
	assert_null(cat);
	assert_string_equal(e.msg, want);
	assert_string_equal(e.code, code);
	criteria_warnings_release(&w);
}

static void fails_doc(const char *doc, const char *want, const char *code)
{
	struct part parts[] = { { "word/document.xml", doc, 0, false } };
	size_t len;
	char *zip = zip_parts(parts, 1, &len);
	fails(zip, len, CRITERIA_DOCX, want, code);
	free(zip);
}

static void fails_limited(const struct docx_limits *lim, const char *want, const char *code)
{
	size_t len;
	char *data = fixture_bytes(DIR "docx/list.docx", &len);
	struct ctable *t = (struct ctable *)1;
	struct err e = { 0 };
	assert_int_equal(criteria_docx_read("x.docx", data, len, lim, &t, &e), -1);
	assert_null(t);
	assert_string_equal(e.msg, want);
	assert_string_equal(e.code, code);
	free(data);
}

static void test_refusals(void **state)
{
	(void)state;
	/* not a docx */
	fails("", 0, CRITERIA_DOCX, "x.docx: the file is empty", "empty");
	fails("hello", 5, CRITERIA_DOCX, "x.docx: not a docx file (not a zip archive)", "docx_not_zip");
	struct part other[] = { { "xl/other.xml", "<a/>", 0, false } };
	size_t len;
	char *zip = zip_parts(other, 1, &len);
	fails(zip, len, CRITERIA_DOCX, "x.docx: not a docx file (no word/document.xml in it)", "docx_no_document");
	free(zip);
	char *data = fixture_bytes(DIR "docx/list.docx", &len);
	fails(data, 1000, CRITERIA_DOCX, "x.docx: damaged docx file: zip archive is truncated (no central directory)",
	      "docx_damaged");
	free(data);
	fails_doc("<!DOCTYPE d [<!ENTITY a \"aaaa\">]><d/>",
		  "x.docx: damaged docx file: part word/document.xml: DTDs are not allowed", "docx_damaged");
	fails_doc("<w:document " W "><w:body>",
		  "x.docx: damaged docx file: part word/document.xml: XML error at line 1: no element found", "docx_damaged");
	/* too big */
	char *big = xcalloc(1, CRITERIA_MAX_BYTES + 2);
	memcpy(big, "PK\3\4", 4);
	fails(big, CRITERIA_MAX_BYTES + 1, CRITERIA_DOCX, "x.docx: the file is larger than 4 MiB (4194304 bytes)",
	      "too_large");
	free(big);
	size_t n = docx_default_limits.max_part + 1;
	char *spaces = xmalloc(n + 1);
	memset(spaces, ' ', n);
	spaces[n] = '\0';
	struct part bomb[] = { { "word/document.xml", spaces, n, false } };
	zip = zip_parts(bomb, 1, &len);
	assert_true(len < 1u << 20); /* small as a file, large once read */
	fails(zip, len, CRITERIA_DOCX, "x.docx: docx part word/document.xml is larger than 16777216 bytes uncompressed",
	      "docx_part_too_large");
	free(zip);
	free(spaces);
	struct strbuf sb = STRBUF_INIT;
	strbuf_addstr(&sb, "<w:document " W "><w:body><w:p><w:r><w:t>");
	for (int i = 0; i < CRITERIA_MAX_CELL + 1; i++)
		strbuf_addstr(&sb, "基");
	strbuf_addstr(&sb, "</w:t></w:r></w:p></w:body></w:document>");
	fails_doc(sb.buf, "x.docx:1: a paragraph is longer than 4000 characters", "paragraph_too_long");
	strbuf_reset(&sb);
	/* too deep */
	for (int i = 0; i < 101; i++)
		strbuf_addstr(&sb, "<a>");
	for (int i = 0; i < 101; i++)
		strbuf_addstr(&sb, "</a>");
	fails_doc(sb.buf, "x.docx: docx part word/document.xml is nested more than 100 deep", "docx_too_deep");
	strbuf_release(&sb);
	struct docx_limits lim = docx_default_limits;
	lim.max_part = 100;
	fails_limited(&lim, "x.docx: docx part word/numbering.xml is larger than 100 bytes uncompressed",
		      "docx_part_too_large");
	lim = docx_default_limits;
	lim.max_paragraphs = 5;
	fails_limited(&lim, "x.docx: more than 5 paragraphs", "docx_too_many");
	lim = docx_default_limits;
	lim.max_cpu_ms = 0;
	fails_limited(&lim, "x.docx: docx file takes more than 0 ms of CPU to read", "docx_too_slow");
	/* lists beyond DEFS_MAX: a small part asking for much memory */
	strbuf_addstr(&sb, "<w:numbering " W ">");
	for (int i = 0; i < 4097; i++)
		strbuf_addstr(&sb, "<w:num/>");
	strbuf_addstr(&sb, "</w:numbering>");
	struct part many[] = { { "word/document.xml", "<w:document " W "/>", 0, false }, { "word/numbering.xml", sb.buf, 0, false } };
	zip = zip_parts(many, 2, &len);
	fails(zip, len, CRITERIA_DOCX, "x.docx: damaged docx file: part word/numbering.xml: more than 4096 lists", "docx_damaged");
	free(zip);
	strbuf_release(&sb);
	/* a line break is a line more against the limit */
	struct part three[] = { { "word/document.xml",
				  "<w:document " W "><w:body><w:p><w:r><w:t>a</w:t><w:br/><w:t>b</w:t><w:br/>"
				  "<w:t>c</w:t></w:r></w:p></w:body></w:document>", 0, false } };
	zip = zip_parts(three, 1, &len);
	struct ctable *t = NULL;
	struct err e = { 0 };
	lim = docx_default_limits;
	lim.max_paragraphs = 2;
	assert_int_equal(criteria_docx_read("x.docx", zip, len, &lim, &t, &e), -1);
	assert_string_equal(e.msg, "x.docx: more than 2 paragraphs");
	lim.max_paragraphs = 3;
	assert_int_equal(criteria_docx_read("x.docx", zip, len, &lim, &t, &e), 0);
	assert_int_equal(t->n_rows, 3);
	ctable_free(t);
	free(zip);
	/* no list in it */
	fails_doc("<w:document " W "><w:body><w:p><w:r><w:t>基準</w:t></w:r></w:p><w:p><w:r><w:t>当行は、以下のとおりです。"
		  "</w:t></w:r></w:p></w:body></w:document>",
		  "x.docx: no criteria in the list form (want numbered lines: 1. (1) ① ・)", "list_empty");
	fails_doc("<w:document " W "><w:body><w:p/></w:body></w:document>", "x.docx: the file is empty", "empty");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_list_same_as_text), cmocka_unit_test(test_headings_same_as_text),
		cmocka_unit_test(test_by_content),	  cmocka_unit_test(test_numbering),
		cmocka_unit_test(test_kana),		  cmocka_unit_test(test_refusals),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
