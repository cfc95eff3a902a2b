/*
 * Reading the answers of a filled-in form: the in-cell convention both
 * ways, our own export read back unchanged, a form laid out by someone else
 * (header elsewhere, repeated title and header rows, merged 区分,
 * full-width 通番, inline strings, rich text, furigana, an extra sheet), and
 * every class of error with its exact message.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "formats/xlsx_answers.h"
#include "formats/xlsx_cells.h"
#include "formats/xlsx_form.h"
#include "formats/xlsx_read.h"
#include "lib/strbuf.h"
#include "lib/xalloc.h"

/* ---- the in-cell convention ---- */

static void assert_status(const char *cell, enum answer_status want, const char *want_current)
{
	enum answer_status s;
	const char *current;
	struct err e = { 0 };
	if (xlsx_cells_parse_status(cell, &s, &current, &e) < 0)
		fail_msg("\"%s\": %s", cell, e.msg);
	assert_int_equal(s, want);
	assert_string_equal(current, want_current);
}

static void assert_plan(const char *cell, const char *want_due, const char *want_plan)
{
	char due[11];
	const char *plan;
	struct err e = { 0 };
	if (xlsx_cells_parse_plan(cell, due, &plan, &e) < 0)
		fail_msg("\"%s\": %s", cell, e.msg);
	assert_string_equal(due, want_due);
	assert_string_equal(plan, want_plan);
}

static void test_cells_read(void **state)
{
	(void)state;
	assert_status("", STATUS_UNSET, "");
	assert_status("【対応済】", STATUS_IMPLEMENTED, "");
	assert_status("【一部対応】\n規程は整備済み。\n運用は来期。 ", STATUS_PARTIAL, "規程は整備済み。\n運用は来期。 ");
	assert_status(" \u3000【 未対応 】\u3000\n\n空行も本文", STATUS_NOT_IMPLEMENTED, "\n空行も本文");
	assert_status("[対象外]\nx", STATUS_NOT_APPLICABLE, "x");
	assert_status("［partial］", STATUS_PARTIAL, "");
	assert_status("[not_applicable】\ny", STATUS_NOT_APPLICABLE, "y");
	assert_status("【未回答】\n【対応済】と書く予定", STATUS_UNSET, "【対応済】と書く予定");
	/* not a status line: text after the bracket, no bracket, brackets inside */
	assert_status("[注] 別紙参照", STATUS_UNSET, "[注] 別紙参照");
	assert_status("対応済\n本文", STATUS_UNSET, "対応済\n本文");
	assert_status("[a] [b]", STATUS_UNSET, "[a] [b]");
	assert_status("【対応済", STATUS_UNSET, "【対応済");
	assert_status("\n【対応済】", STATUS_UNSET, "\n【対応済】");

	enum answer_status s;
	const char *current;
	struct err e = { 0 };
	assert_int_equal(xlsx_cells_parse_status("【完了】\n本文", &s, &current, &e), -1);
	assert_string_equal(e.msg, "unknown status 【完了】 (want 【対応済】, 【一部対応】, 【未対応】 or 【対象外】)");
	assert_int_equal(xlsx_cells_parse_status("[]", &s, &current, &e), -1);
	assert_string_equal(e.msg, "unknown status 【】 (want 【対応済】, 【一部対応】, 【未対応】 or 【対象外】)");

	assert_plan("", "", "");
	assert_plan("計画のみ", "", "計画のみ");
	assert_plan("【対応予定日】2026-09-30", "2026-09-30", "");
	assert_plan("【対応予定日】 2026/9/3 \n計画\n", "2026-09-03", "計画\n");
	assert_plan("[対応予定日]２０２６年１２月１日\n-計画", "2026-12-01", "-計画");
	assert_plan("【対応予定日】\n【対応予定日】未定", "", "【対応予定日】未定");
	assert_plan("【予定】2026-09-30", "", "【予定】2026-09-30");
	char due[11];
	static const char *const bad[][2] = {
		{ "【対応予定日】2026-02-30", "2026-02-30" },
		{ "【対応予定日】来年度\n計画", "来年度" },
		{ "【対応予定日】2026-09-30 頃", "2026-09-30 頃" },
		{ "【対応予定日】2026-9/30", "2026-9/30" },
		{ "【対応予定日】26-09-30", "26-09-30" },
		{ "【対応予定日】1969-12-31", "1969-12-31" },
		{ "【対応予定日】2026年9月30", "2026年9月30" },
		{ "【対応予定日】あいうえおかきくけこさしすせそたちつてとなにぬねの", "あいうえおかきくけこさしす..." },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char *want = xasprintf("bad due date \"%s\" (want 【対応予定日】YYYY-MM-DD)", bad[i][1]);
		if (xlsx_cells_parse_plan(bad[i][0], due, &current, &e) != -1 || strcmp(e.msg, want) != 0)
			fail_msg("\"%s\": \"%s\", want \"%s\"", bad[i][0], e.msg, want);
		free(want);
	}
}

static char *status_text(enum answer_status s, const char *current)
{
	struct answer a = { .status = s, .current = (char *)current };
	return xlsx_cells_status_text(&a);
}

static char *plan_text(const char *due, const char *plan)
{
	struct answer a = { .plan_due = (char *)due, .plan = (char *)plan };
	return xlsx_cells_plan_text(&a);
}

static void assert_text(char *got, const char *want)
{
	assert_string_equal(got, want);
	free(got);
}

static void test_cells_write(void **state)
{
	(void)state;
	assert_text(xlsx_cells_status_text(NULL), "");
	assert_text(status_text(STATUS_UNSET, ""), "");
	assert_text(status_text(STATUS_UNSET, "本文"), "本文");
	assert_text(status_text(STATUS_IMPLEMENTED, ""), "【対応済】");
	assert_text(status_text(STATUS_NOT_APPLICABLE, "=理由\n"), "【対象外】\n=理由\n");
	/* text that would read as a status gets an explicit "none" */
	assert_text(status_text(STATUS_UNSET, "[注]\n別紙"), "【未回答】\n[注]\n別紙");
	assert_text(status_text(STATUS_UNSET, "[注] 別紙"), "[注] 別紙");
	assert_text(plan_text(NULL, ""), "");
	assert_text(plan_text(NULL, "計画"), "計画");
	assert_text(plan_text("2026-09-30", ""), "【対応予定日】2026-09-30");
	assert_text(plan_text("2026-09-30", "+計画\n"), "【対応予定日】2026-09-30\n+計画\n");
	assert_text(plan_text(NULL, "【対応予定日】未定"), "【対応予定日】\n【対応予定日】未定");
	assert_text(xlsx_cells_escape("_x0041_ _x00e9_ _x41_ x_x000D__"), "_x005F_x0041_ _x005F_x00e9_ _x41_ x_x005F_x000D__");

	struct catalog_item item = { .notes = "カタログの注記" }, none = { .notes = "" };
	struct answer a = { .notes = "" }, b = { .notes = "回答の備考" };
	assert_string_equal(xlsx_cells_notes_text(NULL, &item), "カタログの注記");
	assert_string_equal(xlsx_cells_notes_text(&a, &item), "カタログの注記");
	assert_string_equal(xlsx_cells_notes_text(&b, &item), "回答の備考");
	assert_string_equal(xlsx_cells_parse_notes("カタログの注記", &item), "");
	assert_string_equal(xlsx_cells_parse_notes("回答の備考", &item), "回答の備考");
	assert_string_equal(xlsx_cells_parse_notes("", &none), "");
}

/* ---- workbooks built here ---- */

#define MAXR 300
#define MAXC 14

/* A cell's text; "#3" is the number 3, "<" starts raw XML for the cell's
 * inside (after its r= attribute). */
struct sheet {
	const char *name;
	bool hidden;
	char *cell[MAXR][MAXC];
	const char *merges; /* <mergeCells> or NULL */
};

static void set(struct sheet *s, uint32_t row, uint32_t col, const char *text)
{
	free(s->cell[row][col]);
	s->cell[row][col] = text ? xstrdup(text) : NULL;
}

static void sheet_free(struct sheet *s)
{
	for (int r = 0; r < MAXR; r++)
		for (int c = 0; c < MAXC; c++)
			free(s->cell[r][c]);
}

static void put_header(struct sheet *s, uint32_t row, uint32_t col0)
{
	for (uint32_t c = 0; c < XLSX_FORM_NCOLS; c++)
		set(s, row, col0 + c, xlsx_form_headers[c]);
}

/* The published layout from row top and column col0: title, source,
 * header, one row per item (通番 as a number). Returns the first item row. */
static uint32_t put_form(struct sheet *s, const struct catalog *cat, uint32_t top, uint32_t col0)
{
	set(s, top, col0, cat->title);
	set(s, top + 1, col0, "出典: API接続チェックリストワーキンググループ");
	put_header(s, top + 2, col0);
	for (size_t i = 0; i < cat->n_items; i++) {
		const struct catalog_item *it = &cat->items[i];
		uint32_t row = top + 3 + (uint32_t)i;
		char no[16];
		snprintf(no, sizeof no, "#%d", it->no);
		set(s, row, col0, no);
		set(s, row, col0 + 1, it->category);
		set(s, row, col0 + 2, it->text);
		set(s, row, col0 + 3, party_label(it->party));
	}
	return top + 3;
}

static void add_escaped(struct strbuf *sb, const char *s)
{
	for (; *s; s++) {
		if (*s == '&')
			strbuf_addstr(sb, "&amp;");
		else if (*s == '<')
			strbuf_addstr(sb, "&lt;");
		else if (*s == '>')
			strbuf_addstr(sb, "&gt;");
		else
			strbuf_addch(sb, *s);
	}
}

#define MAIN_NS "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define R_NS "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define PKG_NS "http://schemas.openxmlformats.org/package/2006/relationships"

/* The sheet's XML; with sst non-NULL, text goes there as shared strings. */
static char *sheet_xml(const struct sheet *s, struct strbuf *sst, int *n_sst)
{
	struct strbuf x = STRBUF_INIT;
	strbuf_addstr(&x, "<worksheet xmlns=\"" MAIN_NS "\"><sheetData>");
	for (int r = 0; r < MAXR; r++) {
		bool any = false;
		for (int c = 0; c < MAXC; c++) {
			const char *t = s->cell[r][c];
			if (!t)
				continue;
			if (!any)
				strbuf_addf(&x, "<row r=\"%d\">", r + 1);
			any = true;
			char ref[XLSX_CELL_NAME_SIZE];
			xlsx_cell_name((uint32_t)r, (uint32_t)c, ref);
			if (t[0] == '#') {
				strbuf_addf(&x, "<c r=\"%s\"><v>%s</v></c>", ref, t + 1);
			} else if (t[0] == '<') {
				strbuf_addf(&x, "<c r=\"%s\" %s</c>", ref, t + 1);
			} else if (sst) {
				strbuf_addstr(sst, "<si><t xml:space=\"preserve\">");
				add_escaped(sst, t);
				strbuf_addstr(sst, "</t></si>");
				strbuf_addf(&x, "<c r=\"%s\" t=\"s\"><v>%d</v></c>", ref, (*n_sst)++);
			} else {
				strbuf_addf(&x, "<c r=\"%s\" t=\"inlineStr\"><is><t xml:space=\"preserve\">", ref);
				add_escaped(&x, t);
				strbuf_addstr(&x, "</t></is></c>");
			}
		}
		if (any)
			strbuf_addstr(&x, "</row>");
	}
	strbuf_addf(&x, "</sheetData>%s</worksheet>", s->merges ? s->merges : "");
	return strbuf_detach(&x);
}

/* A workbook of these sheets, in this order, read back. */
static struct xlsx_book *book_of(struct sheet *const *sheets, size_t n, bool shared)
{
	struct strbuf wb = STRBUF_INIT, rels = STRBUF_INIT, sst = STRBUF_INIT;
	strbuf_addstr(&wb, "<workbook xmlns=\"" MAIN_NS "\" xmlns:r=\"" R_NS "\"><sheets>");
	strbuf_addstr(&rels, "<Relationships xmlns=\"" PKG_NS "\">");
	strbuf_addstr(&sst, "<sst xmlns=\"" MAIN_NS "\">");
	struct part parts[8];
	char *xml[8], names[8][32];
	int n_sst = 0;
	size_t np = 0;
	parts[np++] = (struct part){ "_rels/.rels",
				     "<Relationships xmlns=\"" PKG_NS "\"><Relationship Id=\"rId1\" Type=\"" R_NS
				     "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>", 0, false };
	for (size_t i = 0; i < n; i++) {
		strbuf_addf(&wb, "<sheet name=\"%s\" sheetId=\"%zu\"%s r:id=\"rId%zu\"/>", sheets[i]->name, i + 1,
			    sheets[i]->hidden ? " state=\"hidden\"" : "", i + 1);
		strbuf_addf(&rels, "<Relationship Id=\"rId%zu\" Type=\"" R_NS "/worksheet\" Target=\"worksheets/s%zu.xml\"/>",
			    i + 1, i + 1);
		snprintf(names[i], sizeof names[i], "xl/worksheets/s%zu.xml", i + 1);
		xml[i] = sheet_xml(sheets[i], shared ? &sst : NULL, &n_sst);
		parts[np++] = (struct part){ names[i], xml[i], 0, false };
	}
	strbuf_addstr(&wb, "</sheets></workbook>");
	strbuf_addstr(&rels, "<Relationship Id=\"rIdS\" Type=\"" R_NS "/sharedStrings\" Target=\"sharedStrings.xml\"/>"
			     "</Relationships>");
	strbuf_addstr(&sst, "</sst>");
	parts[np++] = (struct part){ "xl/workbook.xml", wb.buf, 0, false };
	parts[np++] = (struct part){ "xl/_rels/workbook.xml.rels", rels.buf, 0, false };
	parts[np++] = (struct part){ "xl/sharedStrings.xml", sst.buf, 0, false };
	size_t len;
	char *zip = zip_parts(parts, np, &len);
	struct xlsx_book *book = NULL;
	struct err e = { 0 };
	if (xlsx_read_buffer(zip, len, NULL, &book, &e) < 0)
		fail_msg("%s", e.msg);
	free(zip);
	for (size_t i = 0; i < n; i++)
		free(xml[i]);
	strbuf_release(&wb);
	strbuf_release(&rels);
	strbuf_release(&sst);
	return book;
}

/* The errors of r, one a line. */
static char *errors_of(const struct xlsx_answers *r)
{
	struct strbuf sb = STRBUF_INIT;
	for (size_t i = 0; i < r->n_errors && i < XLSX_ANSWERS_MAX_ERRORS; i++)
		strbuf_addf(&sb, "%s\n", r->errors[i]);
	return strbuf_detach(&sb);
}

/* The problems of r as data, one a line: CELL|CODE|ARG|ARG... */
static char *problems_of(const struct xlsx_answers *r)
{
	struct strbuf sb = STRBUF_INIT;
	for (size_t i = 0; i < r->n_errors && i < XLSX_ANSWERS_MAX_ERRORS; i++) {
		strbuf_addf(&sb, "%s|%s", r->problems[i].cell, r->problems[i].code);
		for (size_t k = 0; k < r->problems[i].n_args; k++)
			strbuf_addf(&sb, "|%s", r->problems[i].args[k]);
		strbuf_addstr(&sb, "\n");
	}
	return strbuf_detach(&sb);
}

static void assert_no_errors(const struct xlsx_answers *r)
{
	if (r->n_errors) {
		char *all = errors_of(r);
		fail_msg("%zu errors:\n%s", r->n_errors, all);
	}
}

static void assert_answer(const struct xlsx_answers *r, int no, uint32_t row, enum answer_status status,
			  const char *current, const char *issues, const char *plan, const char *due, const char *notes)
{
	const struct answer *a = NULL;
	size_t i = 0;
	for (; i < r->set->n_items; i++)
		if (r->set->items[i].no == no)
			a = &r->set->items[i];
	assert_non_null(a);
	i = (size_t)(a - r->set->items);
	assert_int_equal(r->rows[i], row);
	assert_int_equal(a->status, status);
	assert_string_equal(a->current, current);
	assert_string_equal(a->issues, issues);
	assert_string_equal(a->plan, plan);
	assert_string_equal(answer_get(a, FIELD_PLAN_DUE), due);
	assert_string_equal(a->notes, notes);
}

/* ---- our own forms read back ---- */

static void test_blank_form(void **state)
{
	struct form_fixture *fx = *state;
	struct xlsx_book *book = NULL;
	struct err e = { 0 };
	assert_int_equal(xlsx_read_file(fx->path, NULL, &book, &e), 0);
	struct xlsx_answers *r = xlsx_answers_read(book, fx->cat);
	assert_no_errors(r);
	assert_string_equal(r->sheet, XLSX_FORM_SHEET);
	assert_int_equal(r->n_read, 45);
	assert_answer(r, 1, 4, STATUS_UNSET, "", "", "", "", "");
	assert_answer(r, 45, 48, STATUS_UNSET, "", "", "", "", "");
	xlsx_answers_free(r);
	xlsx_book_free(book);
}

static void test_export_read_back(void **state)
{
	struct form_fixture *fx = *state;
	struct answer_set *set = answer_set_new("テスト社", fx->cat);
	static const char *const values[][ANSWER_NFIELDS] = {
		{ "implemented", "規程を整備。\n責任者を任命済み。", "", "", "", "" },
		{ "partial", "", "=SUM(A1:A2)", "+計画\n-二行目 \n", "2026-09-30", "@備考" },
		{ "", "[注]\n別紙参照", "", "【対応予定日】未定", "", "_x0041_ は文字" },
		{ "not_applicable", "\u3000全角空白で始まる\u3000", "\n前後の改行\n", "", "2027-01-31", "" },
		{ "not_implemented", "【対応済】ではない", "- 箇条書き\n- 二つ目", "計画", "2026-12-01", " 前後の空白 " },
	};
	for (size_t i = 0; i < sizeof values / sizeof values[0]; i++)
		for (int f = 0; f < ANSWER_NFIELDS; f++) {
			struct err e = { 0 };
			if (answer_set_field(&set->items[i], (enum answer_field)f, values[i][f], &e) < 0)
				fail_msg("%s", e.msg);
		}
	char *path = xasprintf("%s/export.xlsx", fx->dir);
	struct err e = { 0 };
	if (xlsx_form_export(fx->cat, set, NULL, 0, path, &e) < 0)
		fail_msg("%s", e.msg);
	struct xlsx_book *book = NULL;
	assert_int_equal(xlsx_read_file(path, NULL, &book, &e), 0);
	struct xlsx_answers *r = xlsx_answers_read(book, fx->cat);
	assert_no_errors(r);
	assert_int_equal(r->n_read, 45);
	for (size_t i = 0; i < set->n_items; i++)
		for (int f = 0; f < ANSWER_NFIELDS; f++)
			if (strcmp(answer_get(&set->items[i], (enum answer_field)f),
				   answer_get(&r->set->items[i], (enum answer_field)f)) != 0)
				fail_msg("item %d %s: \"%s\", want \"%s\"", set->items[i].no,
					 answer_field_name((enum answer_field)f),
					 answer_get(&r->set->items[i], (enum answer_field)f),
					 answer_get(&set->items[i], (enum answer_field)f));
	/* what a person sees */
	const struct xlsx_sheet *sh = &book->sheets[0];
	assert_string_equal(xlsx_sheet_get(sh, 3, 4), "【対応済】\n規程を整備。\n責任者を任命済み。");
	assert_string_equal(xlsx_sheet_get(sh, 4, 6), "【対応予定日】2026-09-30\n+計画\n-二行目 \n");
	assert_string_equal(xlsx_sheet_get(sh, 5, 4), "【未回答】\n[注]\n別紙参照");
	assert_string_equal(xlsx_sheet_get(sh, 5, 9), "_x0041_ は文字");
	assert_string_equal(xlsx_sheet_get(xlsx_book_find(book, XLSX_FORM_META_SHEET), 3, 1), "テスト社");
	xlsx_answers_free(r);
	xlsx_book_free(book);
	answer_set_free(set);
	free(path);
}

/* ---- a form made by someone else ---- */

static void test_other_layout(void **state)
{
	struct form_fixture *fx = *state;
	const struct catalog *cat = fx->cat;
	struct sheet notes = { .name = "記入要領" }, form = { .name = "チェックリスト" };
	set(&notes, 0, 0, "通番");
	set(&notes, 0, 1, "区分"); /* a header-like row that is not the whole header */
	/* the table from B5, titles broken over lines and with full-width spaces */
	uint32_t first = put_form(&form, cat, 2, 1);
	set(&form, 4, 3, "セキュリティ\n対応目標");
	set(&form, 4, 5, "現在の\u3000対応状況");
	/* 通番 written as text in all the ways people write it */
	set(&form, first + 0, 1, "１");
	set(&form, first + 1, 1, " 2 ");
	set(&form, first + 2, 1, "#3.0");
	set(&form, first + 3, 1, "4.0");
	/* merged 区分: only the first cell of the range has it */
	for (uint32_t r = first + 1; r < first + 9; r++)
		set(&form, r, 2, NULL);
	form.merges = "<mergeCells count=\"1\"><mergeCell ref=\"C6:C14\"/></mergeCells>";
	/* the objective with line breaks and spaces of its own */
	set(&form, first + 2, 3, "役職員に情報管理方法を周知し、\nセキュリティ管理態勢の\u3000定着を図る。");
	set(&form, first + 0, 5, "<t=\"inlineStr\"><is><r><t>【対応済】</t></r><r><rPr><b/></rPr><t xml:space=\"preserve\">\n"
		 "規程を</t></r><r><t>整備</t></r><rPh sb=\"0\" eb=\"2\"><t>キテイ</t></rPh></is>");
	set(&form, first + 1, 5, "[partial]\n一部");
	set(&form, first + 1, 6, "課題");
	set(&form, first + 1, 7, "【対応予定日】2026/9/30\n計画");
	set(&form, first + 2, 7, "【対応予定日】2027年1月5日");
	set(&form, first + 3, 10, "=備考");
	/* a printed-page break: the title, source and header again, then a
	 * row with nothing but a note in the 通番 column, and empty rows */
	uint32_t brk = first + 20;
	for (uint32_t r = MAXR - 1; r >= brk + 3; r--)
		for (uint32_t c = 0; c < MAXC; c++) {
			free(form.cell[r][c]);
			form.cell[r][c] = form.cell[r - 3][c];
			form.cell[r - 3][c] = NULL;
		}
	set(&form, brk, 1, cat->title);
	set(&form, brk + 1, 1, "※ 続き");
	put_header(&form, brk + 2, 1);
	set(&form, brk + 1 + 30, 1, "※ 注記");
	struct sheet *sheets[] = { &notes, &form };
	for (int shared = 0; shared < 2; shared++) {
		struct xlsx_book *book = book_of(sheets, 2, shared);
		struct xlsx_answers *r = xlsx_answers_read(book, cat);
		assert_no_errors(r);
		assert_string_equal(r->sheet, "チェックリスト");
		assert_int_equal(r->n_read, 45);
		assert_answer(r, 1, 6, STATUS_IMPLEMENTED, "規程を整備", "", "", "", "");
		assert_answer(r, 2, 7, STATUS_PARTIAL, "一部", "課題", "計画", "2026-09-30", "");
		assert_answer(r, 3, 8, STATUS_UNSET, "", "", "", "2027-01-05", "");
		assert_answer(r, 4, 9, STATUS_UNSET, "", "", "", "", "=備考");
		/* past the repeated rows */
		assert_answer(r, 21, 29, STATUS_UNSET, "", "", "", "", "");
		assert_answer(r, 45, 53, STATUS_UNSET, "", "", "", "", "");
		xlsx_answers_free(r);
		xlsx_book_free(book);
	}
	sheet_free(&notes);
	sheet_free(&form);
}

/* ---- errors ---- */

/* The errors of the book of sheets are want (lines) and, as data,
 * want_data (lines of problems_of(); NULL: not checked). */
static void assert_problems(struct sheet *const *sheets, size_t n, const struct catalog *cat, size_t want_n,
			    const char *want, const char *want_data)
{
	struct xlsx_book *book = book_of(sheets, n, false);
	struct xlsx_answers *r = xlsx_answers_read(book, cat);
	char *got = errors_of(r);
	assert_string_equal(got, want);
	assert_int_equal(r->n_errors, want_n);
	free(got);
	if (want_data) {
		got = problems_of(r);
		assert_string_equal(got, want_data);
		free(got);
	}
	xlsx_answers_free(r);
	xlsx_book_free(book);
}

static void assert_errors(struct sheet *const *sheets, size_t n, const struct catalog *cat, size_t want_n,
			  const char *want)
{
	assert_problems(sheets, n, cat, want_n, want, NULL);
}

static void test_errors(void **state)
{
	struct form_fixture *fx = *state;
	struct sheet form = { .name = XLSX_FORM_SHEET };
	uint32_t first = put_form(&form, fx->cat, 0, 0);
	set(&form, first + 0, 2, "セキュリティ管理責任の所在と対象範囲を明確化する。");
	set(&form, first + 0, 4, "【対応済】"); /* not read: the row is wrong */
	set(&form, first + 1, 4, "【完了】\n本文");
	set(&form, first + 1, 6, "【対応予定日】2026-02-30");
	set(&form, first + 38, 9, "銀行の欄"); /* item 39 is the bank's */
	set(&form, 48, 0, "#46");
	set(&form, 48, 2, "x");
	set(&form, 49, 0, "３");
	set(&form, 49, 2, fx->cat->items[2].text);
	set(&form, 50, 4, "【対応済】");
	set(&form, 51, 0, "x\ty");
	set(&form, 51, 2, "y");
	set(&form, 52, 0, "※ 注記");
	struct sheet *sheets[] = { &form };
	assert_problems(sheets, 1, fx->cat, 8,
		      "API接続チェックリスト!C4: objective differs from item 1 of api-checklist-2018-08: "
		      "the sheet has \"…囲を明確化する。\", the catalog \"…囲を明確にする。\"\n"
		      "API接続チェックリスト!E5: unknown status 【完了】 (want 【対応済】, 【一部対応】, 【未対応】 or 【対象外】)\n"
		      "API接続チェックリスト!G5: bad due date \"2026-02-30\" (want 【対応予定日】YYYY-MM-DD)\n"
		      "API接続チェックリスト!J42: item 39 is the bank's to answer (対象者: 銀行): leave its cells empty\n"
		      "API接続チェックリスト!A49: unknown 通番 46 (not an item of api-checklist-2018-08)\n"
		      "API接続チェックリスト!A50: 通番 3 again (first at API接続チェックリスト!A6)\n"
		      "API接続チェックリスト!A51: no 通番 in a row with answers\n"
		      "API接続チェックリスト!A52: 通番 \"x?y\" is not a number\n",
		      "API接続チェックリスト!C4|objective|1|api-checklist-2018-08|…囲を明確化する。|…囲を明確にする。\n"
		      "API接続チェックリスト!E5|status|unknown status 【完了】 (want 【対応済】, 【一部対応】, 【未対応】 or "
		      "【対象外】)|【完了】\n"
		      "API接続チェックリスト!G5|due_date|bad due date \"2026-02-30\" (want 【対応予定日】YYYY-MM-DD)|"
		      "【対応予定日】2026-02-30\n"
		      "API接続チェックリスト!J42|bank_item|39|銀行\n"
		      "API接続チェックリスト!A49|unknown_number|46|api-checklist-2018-08\n"
		      "API接続チェックリスト!A50|number_again|3|API接続チェックリスト!A6\n"
		      "API接続チェックリスト!A51|no_number\n"
		      "API接続チェックリスト!A52|not_a_number|x?y\n");
	sheet_free(&form);
}

static void test_objective_excerpts(void **state)
{
	struct form_fixture *fx = *state;
	struct sheet form = { .name = "S" };
	uint32_t first = put_form(&form, fx->cat, 0, 0);
	set(&form, first + 1, 2, NULL);                     /* item 2: empty */
	set(&form, first + 2, 2, "役職員");                  /* item 3: cut short */
	set(&form, first + 6, 2, "X セキュリティ不祥事案の発生に対して、振り返りと対策を行う体制を確立する。");
	struct sheet *sheets[] = { &form };
	assert_errors(sheets, 1, fx->cat, 3,
		      "S!C5: objective differs from item 2 of api-checklist-2018-08: the sheet has \"\", "
		      "the catalog \"セキュリティ管理ルールを整備する…\"\n"
		      "S!C6: objective differs from item 3 of api-checklist-2018-08: the sheet has \"役職員\", "
		      "the catalog \"役職員に情報管理方法を周知し、セ…\"\n"
		      "S!C10: objective differs from item 7 of api-checklist-2018-08: the sheet has \"Xセキュリティ不祥事案の発生に対…\", "
		      "the catalog \"セキュリティ不祥事案の発生に対し…\"\n");
	sheet_free(&form);
}

static void test_no_sheet(void **state)
{
	struct form_fixture *fx = *state;
	struct sheet a = { .name = "Sheet1" }, b = { .name = XLSX_FORM_SHEET };
	set(&a, 0, 0, "hello");
	put_header(&b, 3, 0);
	set(&b, 3, 9, "備考欄"); /* one title wrong */
	struct sheet *sheets[] = { &a, &b };
	assert_problems(sheets, 2, fx->cat, 1,
			"no sheet with the checklist's header row (通番, 区分, セキュリティ対応目標, …, 備考)\n",
			"|no_sheet|通番|区分|セキュリティ対応目標|備考\n");
	sheet_free(&a);
	sheet_free(&b);
}

static void test_metadata(void **state)
{
	struct form_fixture *fx = *state;
	struct sheet form = { .name = XLSX_FORM_SHEET }, meta = { .name = "shinsa", .hidden = true };
	put_form(&form, fx->cat, 0, 0);
	struct sheet *sheets[] = { &form, &meta };
	/* a sheet called shinsa that is not ours is ignored */
	set(&meta, 0, 0, "something else");
	set(&meta, 1, 1, "api-checklist-2099");
	assert_errors(sheets, 2, fx->cat, 0, "");
	set(&meta, 0, 0, "shinsa-answers");
	set(&meta, 0, 1, "1");
	set(&meta, 1, 0, "catalog");
	assert_problems(sheets, 2, fx->cat, 1,
			"shinsa!B2: the workbook is for catalog api-checklist-2099, not api-checklist-2018-08\n",
			"shinsa!B2|wrong_catalog|api-checklist-2099|api-checklist-2018-08\n");
	set(&meta, 1, 1, "api-checklist-2018-08");
	assert_errors(sheets, 2, fx->cat, 0, "");
	set(&meta, 1, 0, NULL);
	assert_errors(sheets, 2, fx->cat, 1,
		      "shinsa!B2: the workbook is for catalog (none), not api-checklist-2018-08\n");
	set(&meta, 0, 1, "2");
	assert_problems(sheets, 2, fx->cat, 1, "shinsa!B1: metadata version 2 is not one this program reads (want 1)\n",
			"shinsa!B1|meta_version|2|1\n");
	sheet_free(&form);
	sheet_free(&meta);
}

static void test_long_status(void **state)
{
	/* an unknown status of 64 bytes is cut in its message on a character
	 * boundary (the line and the values stay UTF-8, fit for JSON) */
	struct form_fixture *fx = *state;
	struct sheet form = { .name = "S" };
	uint32_t first = put_form(&form, fx->cat, 0, 0);
	struct strbuf word = STRBUF_INIT, cut = STRBUF_INIT;
	strbuf_addstr(&word, "【x");
	strbuf_addstr(&cut, "x");
	for (int i = 0; i < 21; i++) {
		strbuf_addstr(&word, "漢");
		if (i < 19)
			strbuf_addstr(&cut, "漢");
	}
	strbuf_addstr(&word, "】");
	set(&form, first, 4, word.buf);
	struct sheet *sheets[] = { &form };
	struct strbuf line = STRBUF_INIT, want = STRBUF_INIT, want_data = STRBUF_INIT;
	strbuf_addf(&line, "unknown status 【%s...】 (want 【対応済】, 【一部対応】, 【未対応】 or 【対象外】)", cut.buf);
	strbuf_addf(&want, "S!E4: %s\n", line.buf);
	strbuf_addf(&want_data, "S!E4|status|%s|%s\n", line.buf, word.buf);
	assert_problems(sheets, 1, fx->cat, 1, want.buf, want_data.buf);
	strbuf_release(&word);
	strbuf_release(&cut);
	strbuf_release(&line);
	strbuf_release(&want);
	strbuf_release(&want_data);
	sheet_free(&form);
}

static void test_many_errors(void **state)
{
	struct form_fixture *fx = *state;
	/* a bad status and a bad date on 38 connector rows, and an unknown
	 * 通番 on each of 252 rows after the table: all counted, the first
	 * XLSX_ANSWERS_MAX_ERRORS kept */
	struct sheet form = { .name = "S" };
	uint32_t first = put_form(&form, fx->cat, 0, 0);
	for (uint32_t i = 0; i < 38; i++) {
		set(&form, first + i, 4, "[x]");
		set(&form, first + i, 6, "[対応予定日]x");
	}
	for (uint32_t r = 48; r < MAXR; r++)
		set(&form, r, 0, "#99");
	struct sheet *sheets[] = { &form };
	struct xlsx_book *book = book_of(sheets, 1, false);
	struct xlsx_answers *r = xlsx_answers_read(book, fx->cat);
	assert_int_equal(r->n_errors, 38 * 2 + (MAXR - 48));
	assert_int_equal(XLSX_ANSWERS_MAX_ERRORS, 200);
	assert_string_equal(r->errors[0], "S!E4: unknown status 【x】 (want 【対応済】, 【一部対応】, 【未対応】 or 【対象外】)");
	assert_string_equal(r->errors[1], "S!G4: bad due date \"x\" (want 【対応予定日】YYYY-MM-DD)");
	assert_string_equal(r->errors[199], "S!A172: unknown 通番 99 (not an item of api-checklist-2018-08)");
	xlsx_answers_free(r);
	xlsx_book_free(book);
	sheet_free(&form);
}

/* ---- the files listed in 備考 ---- */

static void test_files_strip(void **state)
{
	(void)state;
	static const struct {
		const char *cell, *notes;
	} cases[] = {
		{ "添付：a.pdf (sha256 0123456789ab)", "" },
		{ "備考\n添付：a.pdf (sha256 0123456789ab)\n添付：b c.png (sha256 abcdef012345)", "備考" },
		{ "備考\n\n添付：a.pdf (sha256 0123456789ab)", "備考\n" },
		/* not the export's lines: the person's notes */
		{ "添付：別紙参照", "添付：別紙参照" },
		{ "添付：a.pdf (sha256 0123456789AB)", "添付：a.pdf (sha256 0123456789AB)" },
		{ "添付：a.pdf (sha256 0123456789a)", "添付：a.pdf (sha256 0123456789a)" },
		{ "添付：a.pdf (sha256 0123456789ab)\n以上", "添付：a.pdf (sha256 0123456789ab)\n以上" },
		{ " 添付：a.pdf (sha256 0123456789ab)", " 添付：a.pdf (sha256 0123456789ab)" },
		{ "", "" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *got = xlsx_cells_strip_files(cases[i].cell);
		if (strcmp(got, cases[i].notes) != 0)
			fail_msg("\"%s\": \"%s\", want \"%s\"", cases[i].cell, got, cases[i].notes);
		free(got);
	}
}

/* Exports set with files to path and reads it back: the book is yours. */
static struct xlsx_answers *export_files(const struct form_fixture *fx, const struct answer_set *set,
					 const struct xlsx_cells_file *files, size_t n, const char *path,
					 struct xlsx_book **book)
{
	struct err e = { 0 };
	if (xlsx_form_export(fx->cat, set, files, n, path, &e) < 0 || xlsx_read_file(path, NULL, book, &e) < 0)
		fail_msg("%s", e.msg);
	struct xlsx_answers *r = xlsx_answers_read(*book, fx->cat);
	assert_no_errors(r);
	return r;
}

static const char *cell_text(const struct xlsx_book *book, uint32_t row)
{
	const char *v = xlsx_sheet_get(&book->sheets[0], row, 9);
	return v ? v : "";
}

static void test_files_in_notes(void **state)
{
	struct form_fixture *fx = *state;
	struct answer_set *set = answer_set_new("テスト社", fx->cat);
	struct err e = { 0 };
	assert_int_equal(answer_set_field(&set->items[0], FIELD_NOTES, "別紙参照\n", &e), 0);
	assert_int_equal(answer_set_field(&set->items[2], FIELD_NOTES, "添付：別紙のとおり", &e), 0);
	static const char sha_a[] = "3f2a1b4c5d6e7f80919293949596979899a0a1a2a3a4a5a6a7a8a9aaabacadae";
	static const char sha_b[] = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
	const struct xlsx_cells_file files[] = {
		{ 1, "ISMS認証書.pdf", sha_a },
		{ 2, "ISMS認証書.pdf", sha_a },
		{ 1, "規程 一覧.xlsx", sha_b },
		{ 3, "規程 一覧.xlsx", sha_b },
	};
	char *path = xasprintf("%s/files.xlsx", fx->dir), *again = xasprintf("%s/files2.xlsx", fx->dir);
	struct xlsx_book *book = NULL, *book2 = NULL;
	struct xlsx_answers *r = export_files(fx, set, files, 4, path, &book);
	/* what a person sees: the notes, then a line per file */
	assert_string_equal(cell_text(book, 3),
			    "別紙参照\n\n添付：ISMS認証書.pdf (sha256 3f2a1b4c5d6e)\n添付：規程 一覧.xlsx (sha256 001122334455)");
	assert_string_equal(cell_text(book, 4), "添付：ISMS認証書.pdf (sha256 3f2a1b4c5d6e)");
	assert_string_equal(cell_text(book, 5), "添付：別紙のとおり\n添付：規程 一覧.xlsx (sha256 001122334455)");
	assert_string_equal(cell_text(book, 6), "");
	/* import ignores the lines; export again then import: the same */
	assert_string_equal(r->set->items[0].notes, "別紙参照\n");
	assert_string_equal(r->set->items[1].notes, "");
	assert_string_equal(r->set->items[2].notes, "添付：別紙のとおり");
	struct xlsx_answers *r2 = export_files(fx, r->set, files, 4, again, &book2);
	for (size_t i = 0; i < set->n_items; i++) {
		assert_string_equal(r2->set->items[i].notes, set->items[i].notes);
		assert_string_equal(cell_text(book2, 3 + (uint32_t)i), cell_text(book, 3 + (uint32_t)i));
	}
	xlsx_answers_free(r);
	xlsx_answers_free(r2);
	xlsx_book_free(book);
	xlsx_book_free(book2);
	answer_set_free(set);
	free(path);
	free(again);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cells_read),
		cmocka_unit_test(test_cells_write),
		cmocka_unit_test(test_blank_form),
		cmocka_unit_test(test_export_read_back),
		cmocka_unit_test(test_other_layout),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_objective_excerpts),
		cmocka_unit_test(test_no_sheet),
		cmocka_unit_test(test_metadata),
		cmocka_unit_test(test_long_status),
		cmocka_unit_test(test_many_errors),
		cmocka_unit_test(test_files_strip),
		cmocka_unit_test(test_files_in_notes),
	};
	return cmocka_run_group_tests(tests, form_fixture_setup, form_fixture_teardown);
}
