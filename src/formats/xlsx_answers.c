#include "formats/xlsx_answers.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "formats/xlsx_cells.h"
#include "formats/xlsx_form.h"
#include "lib/strbuf.h"
#include "lib/text.h"
#include "lib/xalloc.h"

/* Table columns, counted from the 通番 column. */
enum { C_NO = 0, C_OBJECTIVE = 2, C_STATUS = 4, C_ISSUES = 5, C_PLAN = 6, C_NOTES = 9 };
static const int answer_cols[] = { C_STATUS, C_ISSUES, C_PLAN, C_NOTES };
#define N_ANSWER_COLS (sizeof answer_cols / sizeof answer_cols[0])

struct reader {
	const struct catalog *cat;
	struct xlsx_answers *r;
	const struct xlsx_sheet *sh;
	char sheet_name[80]; /* printable */
	uint32_t header_row, col0;
};

/*
 * Every problem has a code and, for each code, one English line in which
 * {1}… stand for its values. The pages word the same codes in Japanese
 * (problem.CODE in web/i18n/): a code and what its values are must
 * not change.
 */
static const struct {
	const char *code, *line;
} problem_lines[] = {
	{ "no_sheet", "no sheet with the checklist's header row ({1}, {2}, {3}, …, {4})" },
	{ "meta_version", "metadata version {1} is not one this program reads (want {2})" },
	{ "wrong_catalog", "the workbook is for catalog {1}, not {2}" },
	{ "no_number", "no 通番 in a row with answers" },
	{ "not_a_number", "通番 \"{1}\" is not a number" },
	{ "unknown_number", "unknown 通番 {1} (not an item of {2})" },
	{ "number_again", "通番 {1} again (first at {2})" },
	{ "objective", "objective differs from item {1} of {2}: the sheet has \"{3}\", the catalog \"{4}\"" },
	{ "status", "{1}" },
	{ "due_date", "{1}" },
	{ "field", "{1}" },
	{ "bank_item", "item {1} is the bank's to answer (対象者: {2}): leave its cells empty" },
};

/*
 * Records a problem at cell (NULL: the workbook as a whole) with code and
 * its values (NULL-terminated, at most XLSX_PROBLEM_ARGS; each already
 * printable and cut short), and its English line "CELL: LINE".
 */
static void add_problem(struct xlsx_answers *r, const char *cell, const char *code, ...) __attribute__((sentinel));
static void add_problem(struct xlsx_answers *r, const char *cell, const char *code, ...)
{
	if (r->n_errors++ >= XLSX_ANSWERS_MAX_ERRORS)
		return;
	if (!r->errors) {
		r->errors = xcalloc(XLSX_ANSWERS_MAX_ERRORS, sizeof *r->errors);
		r->problems = xcalloc(XLSX_ANSWERS_MAX_ERRORS, sizeof *r->problems);
	}
	struct xlsx_problem *p = &r->problems[r->n_errors - 1];
	p->cell = xstrdup(cell ? cell : "");
	va_list ap;
	va_start(ap, code);
	const char *a;
	/* the values go out as JSON strings, which must be UTF-8: a value cut
	 * badly upstream shows as "?" rather than losing its problem */
	while (p->n_args < XLSX_PROBLEM_ARGS && (a = va_arg(ap, const char *)))
		p->args[p->n_args++] = xstrdup(text_utf8_valid(a, strlen(a)) ? a : "?");
	va_end(ap);
	p->code = code;
	const char *line = "{1}";
	for (size_t i = 0; i < sizeof problem_lines / sizeof *problem_lines; i++)
		if (strcmp(problem_lines[i].code, code) == 0)
			line = problem_lines[i].line;
	struct strbuf sb = STRBUF_INIT;
	if (cell)
		strbuf_addf(&sb, "%s: ", cell);
	strbuf_add_filled(&sb, line, (const char *const *)p->args, p->n_args);
	r->errors[r->n_errors - 1] = strbuf_detach(&sb);
}

/* s for a message: control characters as '?', cut to max characters. */
static void printable(const char *s, size_t max, char *out, size_t size)
{
	size_t n = 0, chars = 0;
	const char *p = s;
	while (*p && chars < max) {
		const char *q = p;
		text_utf8_next(&q);
		if (n + (size_t)(q - p) + 4 > size)
			break;
		for (; p < q; p++)
			out[n++] = (unsigned char)*p < 0x20 || *p == 0x7f ? '?' : *p;
		chars++;
	}
	if (*p) {
		memcpy(out + n, "…", strlen("…"));
		n += strlen("…");
	}
	out[n] = '\0';
}

/* The next code point of *p that is not whitespace (0 at the end). */
static uint32_t next_solid(const char **p)
{
	uint32_t cp;
	while ((cp = text_utf8_next(p)) && text_is_space(cp))
		;
	return cp;
}

/* Whether a and b are the same text once all whitespace is removed; if not,
 * *at_a and *at_b are where they part (NULL a or b is ""). */
static bool same_solid(const char *a, const char *b, const char **at_a, const char **at_b)
{
	const char *p = a ? a : "", *q = b ? b : "";
	for (;;) {
		const char *pa = p, *pb = q;
		uint32_t x = next_solid(&p), y = next_solid(&q);
		if (x != y) {
			if (at_a)
				*at_a = pa, *at_b = pb;
			return false;
		}
		if (!x)
			return true;
	}
}

/*
 * Nothing but whitespace. A cell may repeat one shared string of 32,767
 * spaces a million times, so the scan stops after BLANK_SCAN code points:
 * a longer run of whitespace counts as content, and the work per cell is
 * bounded.
 */
#define BLANK_SCAN 256
static bool blank(const char *s)
{
	const char *p = s ? s : "";
	uint32_t cp;
	for (int n = 0; n < BLANK_SCAN; n++)
		if (!(cp = text_utf8_next(&p)))
			return true;
		else if (!text_is_space(cp))
			return false;
	return false;
}

/* The cell's text in the table: col counted from the 通番 column. */
static const char *cell(const struct reader *rd, uint32_t row, int col)
{
	return xlsx_sheet_get(rd->sh, row, rd->col0 + (uint32_t)col);
}

/* "SHEET!E6": where a problem is, col counted from the 通番 column. */
#define WHERE_SIZE (sizeof ((struct reader *)0)->sheet_name + XLSX_CELL_NAME_SIZE + 1)
static const char *where(const struct reader *rd, uint32_t row, int col, char buf[WHERE_SIZE])
{
	char ref[XLSX_CELL_NAME_SIZE];
	xlsx_cell_name(row, rd->col0 + (uint32_t)col, ref);
	int n = snprintf(buf, WHERE_SIZE, "%s!%s", rd->sheet_name, ref);
	if (n < 0 || (size_t)n >= WHERE_SIZE)
		buf[0] = '\0'; /* cannot happen: the buffer holds both parts */
	return buf;
}

/* The first line of s, printable and cut short: what a cell starts with. */
static void first_line(const char *s, char *out, size_t size)
{
	/* 1024 bytes hold more than the 40 characters shown */
	size_t n = strcspn(s, "\n");
	char *line = xstrndup(s, n < 1024 ? n : 1024);
	printable(line, 40, out, size);
	free(line);
}

/* n as text, for a problem's values. */
static const char *number(long n, char buf[24])
{
	if (snprintf(buf, 24, "%ld", n) >= 24)
		buf[0] = '\0'; /* cannot happen: a long fits */
	return buf;
}

/* Longer than any header title with spaces and line breaks around it; checked
 * first, since every cell of every sheet is tried as the header's first. */
#define HEADER_MAX_BYTES 256
static bool header_at(const struct xlsx_sheet *sh, uint32_t row, uint32_t col)
{
	if (col + XLSX_FORM_NCOLS > XLSX_MAX_COLS)
		return false;
	for (int k = 0; k < XLSX_FORM_NCOLS; k++) {
		const char *t = xlsx_sheet_get(sh, row, col + (uint32_t)k);
		if (t && strnlen(t, HEADER_MAX_BYTES + 1) > HEADER_MAX_BYTES)
			return false;
		if (!same_solid(t, xlsx_form_headers[k], NULL, NULL))
			return false;
	}
	return true;
}

static bool find_header(struct reader *rd, const struct xlsx_sheet *sh)
{
	for (size_t i = 0; i < sh->n_cells; i++) {
		const struct xlsx_cell *c = &sh->cells[i];
		if (header_at(sh, c->row, c->col)) {
			rd->sh = sh;
			rd->header_row = c->row;
			rd->col0 = c->col;
			printable(sh->name, 40, rd->sheet_name, sizeof rd->sheet_name);
			return true;
		}
	}
	return false;
}

/* "3", " ３ ", "3.0": the number, or -1. */
static long parse_no(const char *s)
{
	/* No 通番 is this long, spaces and all; bounds the work per row. */
	if (strnlen(s, HEADER_MAX_BYTES + 1) > HEADER_MAX_BYTES)
		return -1;
	const char *p = s;
	long v = 0;
	int digits = 0;
	uint32_t cp = next_solid(&p);
	for (; cp; cp = text_utf8_next(&p)) {
		if (cp >= 0xFF10 && cp <= 0xFF19)
			cp -= 0xFF10 - '0';
		if (cp < '0' || cp > '9' || ++digits > 6)
			break;
		v = v * 10 + (long)(cp - '0');
	}
	if (cp == '.' || cp == 0xFF0E)
		while ((cp = text_utf8_next(&p)) == '0' || cp == 0xFF10)
			;
	if (text_is_space(cp))
		cp = next_solid(&p);
	return digits && digits <= 6 && cp == 0 ? v : -1;
}

/* The excerpt of s around at, for the objective message. */
static void excerpt(const char *s, const char *at, char *out, size_t size)
{
	/* back up a few characters for context */
	const char *start = s ? s : "";
	if (!at)
		at = start;
	int back = 4;
	const char *p = at;
	while (p > start && back > 0) {
		p--;
		if (((unsigned char)*p & 0xc0) != 0x80 && !text_is_space((unsigned char)*p))
			back--;
	}
	struct strbuf sb = STRBUF_INIT;
	if (p > start)
		strbuf_addstr(&sb, "…");
	for (const char *q = p; *q;) {
		const char *c = q;
		if (!text_is_space(text_utf8_next(&q)))
			strbuf_add(&sb, c, (size_t)(q - c));
	}
	printable(sb.buf, XLSX_ANSWERS_EXCERPT, out, size);
	strbuf_release(&sb);
}

static void check_objective(struct reader *rd, uint32_t row, const struct catalog_item *it, bool *ok)
{
	const char *got = cell(rd, row, C_OBJECTIVE), *at_got, *at_want;
	if (same_solid(got, it->text, &at_got, &at_want))
		return;
	char a[128], b[128], w[WHERE_SIZE], no[24];
	excerpt(got, at_got, a, sizeof a);
	excerpt(it->text, at_want, b, sizeof b);
	add_problem(rd->r, where(rd, row, C_OBJECTIVE, w), "objective", number(it->no, no), rd->cat->id, a, b, NULL);
	*ok = false;
}

static void set_field(struct reader *rd, uint32_t row, int col, struct answer *a, enum answer_field f, const char *v)
{
	struct err e = { 0 };
	char w[WHERE_SIZE];
	if (answer_set_field(a, f, v, &e) < 0) {
		err_prefix(&e, "item %d", a->no);
		add_problem(rd->r, where(rd, row, col, w), "field", e.msg, NULL);
	}
}

static void read_answers(struct reader *rd, uint32_t row, const struct catalog_item *it, struct answer *a)
{
	const char *v[XLSX_FORM_NCOLS] = { 0 };
	for (size_t k = 0; k < N_ANSWER_COLS; k++) {
		v[answer_cols[k]] = cell(rd, row, answer_cols[k]);
		if (!v[answer_cols[k]])
			v[answer_cols[k]] = "";
	}
	struct err e = { 0 };
	char w[WHERE_SIZE], due[11], shown[128];
	enum answer_status status;
	const char *current, *plan;
	if (xlsx_cells_parse_status(v[C_STATUS], &status, &current, &e) < 0) {
		first_line(v[C_STATUS], shown, sizeof shown);
		add_problem(rd->r, where(rd, row, C_STATUS, w), "status", e.msg, shown, NULL);
	}
	if (xlsx_cells_parse_plan(v[C_PLAN], due, &plan, &e) < 0) {
		first_line(v[C_PLAN], shown, sizeof shown);
		add_problem(rd->r, where(rd, row, C_PLAN, w), "due_date", e.msg, shown, NULL);
	}
	/* The lines listing the item's files are the export's, never notes. */
	char *own = xlsx_cells_strip_files(v[C_NOTES]);
	const char *notes = xlsx_cells_parse_notes(own, it);
	if (!answer_is_connectors(it)) {
		int col = *v[C_STATUS] ? C_STATUS : *v[C_ISSUES] ? C_ISSUES : *v[C_PLAN] ? C_PLAN : *notes ? C_NOTES : -1;
		char no[24];
		if (col >= 0)
			add_problem(rd->r, where(rd, row, col, w), "bank_item", number(it->no, no), party_label(it->party),
				    NULL);
		free(own);
		return;
	}
	a->status = status;
	set_field(rd, row, C_STATUS, a, FIELD_CURRENT, current);
	set_field(rd, row, C_ISSUES, a, FIELD_ISSUES, v[C_ISSUES]);
	set_field(rd, row, C_PLAN, a, FIELD_PLAN, plan);
	set_field(rd, row, C_PLAN, a, FIELD_PLAN_DUE, due);
	set_field(rd, row, C_NOTES, a, FIELD_NOTES, notes);
	free(own);
}

static bool answers_blank(const struct reader *rd, uint32_t row)
{
	for (size_t k = 0; k < N_ANSWER_COLS; k++)
		if (!blank(cell(rd, row, answer_cols[k])))
			return false;
	return true;
}

static bool rest_blank(const struct reader *rd, uint32_t row)
{
	for (int k = 1; k < XLSX_FORM_NCOLS; k++)
		if (!blank(cell(rd, row, k)))
			return false;
	return true;
}

static void read_row(struct reader *rd, uint32_t row)
{
	struct xlsx_answers *r = rd->r;
	char w[WHERE_SIZE], shown[64], n[24];
	const char *no_text = cell(rd, row, C_NO);
	if (header_at(rd->sh, row, rd->col0))
		return;
	if (blank(no_text)) {
		if (!answers_blank(rd, row))
			add_problem(r, where(rd, row, C_NO, w), "no_number", NULL);
		return;
	}
	long no = parse_no(no_text);
	if (no < 0) {
		if (!rest_blank(rd, row)) {
			printable(no_text, 20, shown, sizeof shown);
			add_problem(r, where(rd, row, C_NO, w), "not_a_number", shown, NULL);
		}
		return;
	}
	const struct catalog_item *it = catalog_find_no(rd->cat, (int)no);
	if (!it) {
		add_problem(r, where(rd, row, C_NO, w), "unknown_number", number(no, n), rd->cat->id, NULL);
		return;
	}
	size_t i = (size_t)(it - rd->cat->items);
	if (r->rows[i]) {
		char first[WHERE_SIZE];
		where(rd, r->rows[i] - 1, C_NO, first);
		add_problem(r, where(rd, row, C_NO, w), "number_again", number(no, n), first, NULL);
		return;
	}
	r->rows[i] = row + 1;
	r->n_read++;
	bool ok = true;
	check_objective(rd, row, it, &ok);
	if (ok)
		read_answers(rd, row, it, &r->set->items[i]);
}

/* The metadata sheet, if the book has ours: its version and catalog. */
static void read_meta(struct reader *rd, const struct xlsx_book *book)
{
	const struct xlsx_sheet *sh = xlsx_book_find(book, XLSX_FORM_META_SHEET);
	const char *marker = sh ? xlsx_sheet_get(sh, 0, 0) : NULL;
	if (!marker || strcmp(marker, XLSX_FORM_META_MARKER) != 0)
		return;
	char shown[80];
	const char *version = xlsx_sheet_get(sh, 0, 1);
	if (!version || strcmp(version, XLSX_FORM_META_VERSION) != 0) {
		printable(version ? version : "", 20, shown, sizeof shown);
		add_problem(rd->r, XLSX_FORM_META_SHEET "!B1", "meta_version", shown, XLSX_FORM_META_VERSION, NULL);
		return;
	}
	const char *label = xlsx_sheet_get(sh, XLSX_FORM_META_CATALOG_ROW, 0);
	const char *id = xlsx_sheet_get(sh, XLSX_FORM_META_CATALOG_ROW, 1);
	if (!label || strcmp(label, "catalog") != 0 || !id || strcmp(id, rd->cat->id) != 0) {
		printable(id && label && strcmp(label, "catalog") == 0 ? id : "(none)", 64, shown, sizeof shown);
		char cell[sizeof XLSX_FORM_META_SHEET + 24];
		if (snprintf(cell, sizeof cell, "%s!B%d", XLSX_FORM_META_SHEET, XLSX_FORM_META_CATALOG_ROW + 1) >=
		    (int)sizeof cell)
			cell[0] = '\0'; /* cannot happen: a sheet name and a row number */
		add_problem(rd->r, cell, "wrong_catalog", shown, rd->cat->id, NULL);
	}
}

static const struct xlsx_sheet *choose_sheet(struct reader *rd, const struct xlsx_book *book)
{
	const struct xlsx_sheet *form = xlsx_book_find(book, XLSX_FORM_SHEET);
	if (form && find_header(rd, form))
		return form;
	for (size_t i = 0; i < book->n_sheets; i++) {
		const struct xlsx_sheet *sh = &book->sheets[i];
		if (sh != form && strcmp(sh->name, XLSX_FORM_META_SHEET) != 0 && find_header(rd, sh))
			return sh;
	}
	return NULL;
}

struct xlsx_answers *xlsx_answers_read(const struct xlsx_book *book, const struct catalog *cat)
{
	struct xlsx_answers *r = xcalloc(1, sizeof *r);
	r->set = answer_set_new("", cat);
	r->rows = xcalloc(cat->n_items ? cat->n_items : 1, sizeof *r->rows);
	struct reader rd = { .cat = cat, .r = r };
	read_meta(&rd, book);
	if (!choose_sheet(&rd, book)) {
		add_problem(r, NULL, "no_sheet", xlsx_form_headers[0], xlsx_form_headers[1], xlsx_form_headers[2],
			    xlsx_form_headers[XLSX_FORM_NCOLS - 1], NULL);
		return r;
	}
	r->sheet = rd.sh->name;
	/* Rows in order: the cells are sorted by row, then column. */
	const struct xlsx_sheet *sh = rd.sh;
	for (size_t i = 0; i < sh->n_cells; i++) {
		uint32_t row = sh->cells[i].row;
		if (row <= rd.header_row || (i > 0 && sh->cells[i - 1].row == row))
			continue;
		read_row(&rd, row);
	}
	return r;
}

void xlsx_answers_free(struct xlsx_answers *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->n_errors && i < XLSX_ANSWERS_MAX_ERRORS; i++) {
		free(r->errors[i]);
		free(r->problems[i].cell);
		for (size_t k = 0; k < r->problems[i].n_args; k++)
			free(r->problems[i].args[k]);
	}
	free(r->errors);
	free(r->problems);
	free(r->rows);
	answer_set_free(r->set);
	free(r);
}
