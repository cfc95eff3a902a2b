#include "formats/criteria_read.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "formats/criteria_docx.h"
#include "formats/criteria_list.h"
#include "formats/criteria_table.h"
#include "lib/strbuf.h"
#include "lib/text.h"
#include "lib/xalloc.h"

static const char *const format_names[] = {
	[CRITERIA_TSV] = "tsv", [CRITERIA_CSV] = "csv", [CRITERIA_XLSX] = "xlsx", [CRITERIA_TEXT] = "text",
	[CRITERIA_DOCX] = "docx",
};

const char *criteria_format_name(enum criteria_format f)
{
	return f >= CRITERIA_TSV && f <= CRITERIA_DOCX ? format_names[f] : NULL;
}

enum criteria_format criteria_format_parse(const char *s)
{
	for (int f = CRITERIA_TSV; s && f <= CRITERIA_DOCX; f++)
		if (strcmp(s, format_names[f]) == 0)
			return (enum criteria_format)f;
	return 0;
}

enum criteria_format criteria_format_guess(const char *filename)
{
	const char *dot = filename ? strrchr(filename, '.') : NULL;
	if (!dot)
		return 0;
	if (strcasecmp(dot, ".tsv") == 0)
		return CRITERIA_TSV;
	if (strcasecmp(dot, ".csv") == 0)
		return CRITERIA_CSV;
	if (strcasecmp(dot, ".xlsx") == 0)
		return CRITERIA_XLSX;
	if (strcasecmp(dot, ".txt") == 0)
		return CRITERIA_TEXT;
	if (strcasecmp(dot, ".docx") == 0)
		return CRITERIA_DOCX;
	return 0;
}

/* A Word document by what it holds, whatever its name or the format chosen
 * said: the user picked the file, not its kind. */
enum criteria_format criteria_format_of(const void *data, size_t len, enum criteria_format f)
{
	return f && criteria_docx_is(data, len) ? CRITERIA_DOCX : f;
}

void criteria_warnings_release(struct criteria_warnings *w)
{
	for (size_t i = 0; i < w->n; i++)
		free(w->lines[i]);
	free(w->lines);
	w->lines = NULL;
	w->n = 0;
	criteria_left_release(&w->left);
}

__attribute__((format(printf, 2, 3))) static void warn(struct criteria_warnings *w, const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	char line[1024];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof line)
		strcpy(line + sizeof line - 4, "...");
	strbuf_addstr(&sb, line);
	w->lines = xrealloc(w->lines, (w->n + 1) * sizeof *w->lines);
	w->lines[w->n++] = strbuf_detach(&sb);
}

/* Full-width ASCII (U+FF01..U+FF5E) as ASCII. */
static uint32_t fold(uint32_t cp)
{
	return cp >= 0xFF01 && cp <= 0xFF5E ? cp - 0xFEE0 : cp;
}

/* A header label as compared: no whitespace, full-width folded, ASCII lower case. */
static char *label_key(const char *s)
{
	struct strbuf sb = STRBUF_INIT;
	for (const char *p = s; *p;) {
		const char *start = p;
		uint32_t cp = text_utf8_next(&p);
		if (text_is_space(cp))
			continue;
		cp = fold(cp);
		if (cp < 0x80)
			strbuf_addch(&sb, (char)(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
		else
			strbuf_add(&sb, start, (size_t)(p - start));
	}
	return strbuf_detach(&sb);
}

enum column { COL_NO, COL_CATEGORY, COL_TEXT, N_COLS };

static const char *const labels[N_COLS][6] = {
	[COL_NO] = { "通番", "no", "no.", "番号", "項番", NULL },
	[COL_CATEGORY] = { "区分", "分類", "カテゴリ", "カテゴリー", NULL },
	[COL_TEXT] = { "項目", "内容", "基準", "要件", NULL },
};

/* The column a header cell names, or N_COLS. Headers are short: a long
 * cell is no label, and is not folded. */
static enum column label_of(const char *text)
{
	if (strlen(text) > 64)
		return N_COLS;
	char *k = label_key(text);
	enum column found = N_COLS;
	for (int c = 0; c < N_COLS && found == N_COLS; c++)
		for (int i = 0; labels[c][i] && found == N_COLS; i++)
			if (strcmp(k, labels[c][i]) == 0)
				found = (enum column)c;
	free(k);
	return found;
}

/* Whether row is a header row; if so cols[] gets its columns. */
static bool header_of(const struct ctable_row *row, uint32_t cols[N_COLS])
{
	bool seen[N_COLS] = { false };
	for (size_t i = 0; i < row->n_cells; i++) {
		enum column c = label_of(row->cells[i].text);
		if (c != N_COLS && !seen[c]) {
			seen[c] = true;
			cols[c] = row->cells[i].col;
		}
	}
	return seen[COL_NO] && seen[COL_CATEGORY] && seen[COL_TEXT];
}

/* A cell's text as read: NULL when blank. */
static char *clean(const char *s, enum criteria_format f)
{
	if (text_is_blank(s))
		return NULL;
	if (f == CRITERIA_TEXT)
		return text_unwrap(s);
	const char *p = s, *start = NULL, *end = NULL;
	while (*p) {
		const char *at = p;
		uint32_t cp = text_utf8_next(&p);
		if (text_is_space(cp))
			continue;
		if (!start)
			start = at;
		end = p;
	}
	return xstrndup(start, (size_t)(end - start));
}

static size_t count_chars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* Digits (full-width too) at *p: the value (at most 99999), or -1. */
static long digits(const char **p)
{
	long v = 0;
	int n = 0;
	for (;;) {
		const char *q = *p;
		uint32_t cp = fold(text_utf8_next(&q));
		if (cp < '0' || cp > '9')
			break;
		if (++n > 5)
			return -1;
		v = v * 10 + (long)(cp - '0');
		*p = q;
	}
	return n ? v : -1;
}

static bool is_dash(uint32_t cp)
{
	return cp == '-' || cp == 0x2010 || cp == 0x2011 || cp == 0x2012 || cp == 0x2013 || cp == 0x2212;
}

/* "(N)" at the start of s: N, and *rest past it; -1 if s does not start so. */
static long marker(const char *s, const char **rest)
{
	const char *p = s;
	if (fold(text_utf8_next(&p)) != '(')
		return -1;
	long v = digits(&p);
	if (v < 0 || fold(text_utf8_next(&p)) != ')')
		return -1;
	*rest = p;
	return v;
}

/* A 通番: "12", "12.0", "(1)-12" (full-width too). 0 with *part 0 for a
 * plain number, *part N for a two-part one; -1 for anything else. */
static int number_of(const char *s, long *part, long *no)
{
	const char *p = s;
	*part = 0;
	long m = marker(s, &p);
	if (m >= 0) {
		if (!is_dash(fold(text_utf8_next(&p))))
			return -1;
		*part = m;
	} else {
		p = s;
	}
	*no = digits(&p);
	if (*no < 1)
		return -1;
	if (!*part && *p == '.') {
		p++;
		while (*p == '0')
			p++;
	}
	return *p ? -1 : 0;
}

struct section {
	char *text;
	long no;
};

struct reader {
	const char *name;
	enum criteria_format format;
	const struct ctable *t;
	uint32_t cols[N_COLS];
	char *title;
	struct catalog *cat;
	char **wheres;        /* where each item was, for "again" */
	struct section *sections;
	size_t n_sections;
	char *carried;        /* the 区分 above, for blank cells */
	char *block;          /* the 区分 of a block of shifted rows, while in one */
	bool prev_short;      /* the last item: blank 区分, a short 項目, this section */
	struct criteria_warnings *warn;
	struct err *e;
};

static void reader_release(struct reader *r)
{
	/* a list (criteria_list) keeps its own places: wheres is NULL */
	for (size_t i = 0; r->wheres && i < r->cat->n_items; i++)
		free(r->wheres[i]);
	free(r->wheres);
	for (size_t i = 0; i < r->n_sections; i++)
		free(r->sections[i].text);
	free(r->sections);
	free(r->carried);
	free(r->block);
	free(r->title);
}

static void set_str(char **dst, const char *s)
{
	char *copy = xstrdup(s);
	free(*dst);
	*dst = copy;
}

static void start_section(struct reader *r, char *text)
{
	const char *rest;
	long no = marker(text, &rest);
	r->sections = xrealloc(r->sections, (r->n_sections + 1) * sizeof *r->sections);
	r->sections[r->n_sections].text = text;
	r->sections[r->n_sections].no = no >= 0 ? no : (long)r->n_sections + 1;
	r->n_sections++;
	free(r->carried);
	free(r->block);
	r->carried = r->block = NULL;
	r->prev_short = false;
}

/* The section numbered part: the current one if it is, else the last so numbered. */
static const char *section_text(const struct reader *r, long part)
{
	for (size_t i = r->n_sections; i > 0; i--)
		if (r->sections[i - 1].no == part)
			return r->sections[i - 1].text;
	return NULL;
}

static void no_category(struct err *e, const char *where)
{
	err_coded(e, where, "no_category", "区分 is empty and there is none above it to carry down", NULL);
}

/* A row whose 項目 is empty and whose 区分 holds its text (seed 000's rows 13 and 14). */
static int shifted_row(struct reader *r, struct catalog_item *item, char *cat, const char *where)
{
	if (!r->block && r->prev_short) {
		struct catalog_item *prev = &r->cat->items[r->cat->n_items - 2];
		free(prev->category);
		prev->category = prev->text;
		prev->text = NULL;
		prev->damaged = true;
		warn(r->warn, "%s: only 「%s」 survives; kept as damaged", prev->key, prev->category);
		set_str(&r->block, prev->category);
		set_str(&r->carried, prev->category);
	}
	if (!r->carried) {
		no_category(r->e, where);
		free(cat);
		return -1;
	}
	if (!r->block)
		set_str(&r->block, r->carried);
	item->category = xstrdup(r->block);
	item->text = cat;
	warn(r->warn, "%s: the text stood in the 区分 column; read as its 項目", item->key);
	r->prev_short = false;
	return 0;
}

static int item_row(struct reader *r, const struct ctable_row *row, char *no, char *cat, char *txt)
{
	char where[160], first[160];
	ctable_where(r->t, row, r->cols[COL_NO], where, sizeof where);
	long part, n;
	if (!no) {
		err_coded(r->e, where, "no_number", "no 通番 in a row with 区分 or 項目", NULL);
		goto fail;
	}
	const struct section *cur = r->n_sections ? &r->sections[r->n_sections - 1] : NULL;
	char key[CRITERIA_KEY_MAX * 4 + 1];
	const char *section = NULL;
	if (number_of(no, &part, &n) < 0) {
		/* Banks number as they like (A-1, 1.1, ①, 第1条, I-1): a key
		 * that is not a number is kept as written, numbered by place. */
		if (count_chars(no) > CRITERIA_KEY_MAX || strchr(no, '\n')) {
			err_coded(r->e, where, "key_too_long",
				  "通番 \"{1}\" is too long for a key (at most " CRITERIA_STR(CRITERIA_KEY_MAX)
				  " characters, on one line)", no, NULL);
			goto fail;
		}
		snprintf(key, sizeof key, "%s", no); /* at most CRITERIA_KEY_MAX characters of 4 bytes: fits */
		n = (long)r->cat->n_items + 1;
		section = cur ? cur->text : NULL;
	} else if (part) {
		snprintf(key, sizeof key, "(%ld)-%ld", part, n); /* at most five digits each: fits */
		section = section_text(r, part);
	} else if (cur) {
		snprintf(key, sizeof key, "(%ld)-%ld", cur->no, n);
		section = cur->text;
	} else {
		snprintf(key, sizeof key, "%ld", n);
	}
	for (size_t i = 0; i < r->cat->n_items; i++) {
		if (strcmp(r->cat->items[i].key, key) == 0) {
			snprintf(first, sizeof first, "%s", r->wheres[i]);
			err_coded(r->e, where, "number_again", "通番 {1} again (first at {2})", key, first, NULL);
			goto fail;
		}
	}
	if (r->cat->n_items >= CRITERIA_MAX_ITEMS) {
		err_coded(r->e, where, "too_many", "more than {1} criteria", CRITERIA_STR(CRITERIA_MAX_ITEMS), NULL);
		goto fail;
	}
	struct catalog_item *item = catalog_add_item(r->cat);
	r->wheres = xrealloc(r->wheres, r->cat->n_items * sizeof *r->wheres);
	r->wheres[r->cat->n_items - 1] = xstrdup(where);
	item->key = xstrdup(key);
	item->no = (int)n;
	item->section = xstrdup(section);
	free(no);
	if (!txt)
		return shifted_row(r, item, cat, where);
	free(r->block);
	r->block = NULL;
	if (cat) {
		free(r->carried);
		r->carried = cat;
	} else if (!r->carried) {
		no_category(r->e, where);
		free(txt);
		return -1;
	}
	item->category = xstrdup(r->carried);
	item->text = txt;
	r->prev_short = !cat && count_chars(txt) <= CRITERIA_CATEGORY_MAX;
	return 0;
fail:
	free(no);
	free(cat);
	free(txt);
	return -1;
}

/* Whether every non-blank cell of row is the title. */
static bool only_title(const struct reader *r, const struct ctable_row *row)
{
	bool any = false;
	for (size_t i = 0; i < row->n_cells; i++) {
		char *s = clean(row->cells[i].text, r->format);
		bool title = !s || (r->title && strcmp(s, r->title) == 0);
		any = any || s;
		free(s);
		if (!title)
			return false;
	}
	return any;
}

static int body_row(struct reader *r, const struct ctable_row *row)
{
	char *no = clean(ctable_get(row, r->cols[COL_NO]), r->format);
	char *cat = clean(ctable_get(row, r->cols[COL_CATEGORY]), r->format);
	char *txt = clean(ctable_get(row, r->cols[COL_TEXT]), r->format);
	uint32_t unused[N_COLS];
	char where[160];
	ctable_where(r->t, row, r->cols[COL_NO], where, sizeof where);
	if ((!cat && !txt && only_title(r, row)) || header_of(row, unused)) {
		free(no);
		free(cat);
		free(txt);
		return 0; /* page debris */
	}
	if (!no && !cat && !txt) {
		struct strbuf seen = STRBUF_INIT; /* what the row holds, for a preview */
		for (size_t i = 0; i < row->n_cells; i++) {
			char *s = clean(row->cells[i].text, r->format);
			if (s)
				strbuf_addf(&seen, "%s%s", seen.len ? " " : "", s);
			free(s);
		}
		if (seen.len) {
			warn(r->warn, "%s: skipped: nothing under 通番, 区分 or 項目", where);
			criteria_left_add(&r->warn->left, where, seen.buf);
		}
		strbuf_release(&seen);
		return 0;
	}
	long part, n;
	if (no && !cat && !txt) {
		if (number_of(no, &part, &n) < 0) {
			start_section(r, no); /* takes no */
			return 0;
		}
		warn(r->warn, "%s: 通番 %s has neither 区分 nor 項目: skipped", where, no);
		criteria_left_add(&r->warn->left, where, no);
		free(no);
		return 0;
	}
	return item_row(r, row, no, cat, txt);
}

/* Reads table t from its header row (at h) on. */
static int read_table(struct reader *r, const struct ctable *t, size_t h)
{
	r->t = t;
	for (size_t i = 0; i < h && !r->title; i++)
		for (size_t c = 0; c < t->rows[i].n_cells && !r->title; c++)
			r->title = clean(t->rows[i].cells[c].text, r->format);
	for (size_t i = h + 1; i < t->n_rows; i++)
		if (body_row(r, &t->rows[i]) < 0)
			return -1;
	if (r->cat->n_items == 0) {
		err_coded(r->e, r->name, "no_criteria", "no criteria below the header row", NULL);
		return -1;
	}
	return 0;
}

/* The first table with a header row, and that row. */
static bool find_header(struct ctable **tables, size_t n, uint32_t cols[N_COLS], size_t *which, size_t *row)
{
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < tables[i]->n_rows; j++)
			if (header_of(&tables[i]->rows[j], cols)) {
				*which = i;
				*row = j;
				return true;
			}
	return false;
}

static bool all_blank(struct ctable **tables, size_t n)
{
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < tables[i]->n_rows; j++)
			for (size_t c = 0; c < tables[i]->rows[j].n_cells; c++)
				if (!text_is_blank(tables[i]->rows[j].cells[c].text))
					return false;
	return true;
}

static int read_tables(struct reader *r, struct ctable **tables, size_t n)
{
	size_t which, row;
	if (all_blank(tables, n)) {
		err_coded(r->e, r->name, "empty", "the file is empty", NULL);
		return -1;
	}
	if (!find_header(tables, n, r->cols, &which, &row)) {
		/* A text with no header row is a list as banks publish them;
		 * a Word document is one always. */
		if ((r->format == CRITERIA_TEXT || r->format == CRITERIA_DOCX) && n == 1) {
			if (tables[0]->cp932)
				warn(r->warn, "read as Shift_JIS (CP932): the file is not UTF-8");
			if (criteria_list_read_left(tables[0], r->cat, CRITERIA_MAX_ITEMS, &r->warn->left, r->e) < 0)
				return -1;
			r->title = r->cat->title;
			r->cat->title = NULL;
			return 0;
		}
		err_coded(r->e, r->name, "no_header", "no header row (want the columns 通番, 区分 and 項目)", NULL);
		return -1;
	}
	if (tables[which]->cp932)
		warn(r->warn, "read as Shift_JIS (CP932): the file is not UTF-8");
	return read_table(r, tables[which], row);
}

static const enum ctable_syntax syntaxes[] = {
	[CRITERIA_TSV] = CTABLE_TSV, [CRITERIA_CSV] = CTABLE_CSV, [CRITERIA_TEXT] = CTABLE_PLAIN,
};

int criteria_read(const char *name, const void *data, size_t len, enum criteria_format f, struct catalog **out,
		  struct criteria_warnings *warnings, struct err *e)
{
	*out = NULL;
	struct ctable **tables = NULL, *one = NULL;
	size_t n = 0;
	int rc;
	f = criteria_format_of(data, len, f);
	if (f == CRITERIA_DOCX) {
		rc = criteria_docx_read(name, data, len, NULL, &one, e);
		tables = &one;
		n = rc == 0;
	} else if (f == CRITERIA_XLSX) {
		rc = ctable_read_xlsx(name, data, len, &tables, &n, e);
	} else if (f >= CRITERIA_TSV && f <= CRITERIA_TEXT) {
		rc = ctable_read_text(name, data, len, syntaxes[f], &one, e);
		tables = &one;
		n = rc == 0;
	} else {
		err_set(e, "%s: unknown format", name);
		return -1;
	}
	if (rc < 0)
		return -1;
	struct reader r = { .name = name, .format = f, .cat = catalog_new(CATALOG_CRITERIA), .warn = warnings, .e = e };
	rc = read_tables(&r, tables, n);
	if (rc == 0) {
		r.cat->title = r.title;
		r.title = NULL;
		*out = r.cat;
	}
	reader_release(&r);
	if (rc < 0)
		catalog_free(r.cat);
	for (size_t i = 0; i < n; i++)
		ctable_free(tables[i]);
	if (tables != &one)
		free(tables);
	return rc;
}
