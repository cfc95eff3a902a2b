#include "formats/criteria_table.h"

#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "formats/xlsx_read.h"
#include "lib/strbuf.h"
#include "lib/text.h"
#include "lib/xalloc.h"

void ctable_free(struct ctable *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->n_rows; i++) {
		for (size_t c = 0; c < t->rows[i].n_cells; c++)
			free(t->rows[i].cells[c].text);
		free(t->rows[i].cells);
	}
	free(t->rows);
	free(t->name);
	free(t->sheet);
	free(t);
}

const char *ctable_get(const struct ctable_row *row, uint32_t col)
{
	/* Text rows hold every field, so the index is the column. */
	if (col < row->n_cells && row->cells[col].col == col)
		return row->cells[col].text;
	for (size_t i = 0; i < row->n_cells && row->cells[i].col <= col; i++)
		if (row->cells[i].col == col)
			return row->cells[i].text;
	return NULL;
}

void ctable_where(const struct ctable *t, const struct ctable_row *row, uint32_t col, char *buf, size_t size)
{
	int n;
	if (t->sheet) {
		char cell[XLSX_CELL_NAME_SIZE];
		xlsx_cell_name(row->at, col, cell);
		n = snprintf(buf, size, "%s!%s", t->sheet, cell);
	} else {
		n = snprintf(buf, size, "%s:%u", t->name, row->at);
	}
	if (n < 0 || (size_t)n >= size)
		snprintf(buf, size, "%s", t->sheet ? "?" : t->name); /* names are cut to fit well before this */
}

static struct ctable *table_new(const char *name, const char *sheet)
{
	struct ctable *t = xcalloc(1, sizeof *t);
	t->name = xstrdup(name);
	t->sheet = xstrdup(sheet);
	return t;
}

static struct ctable_row *add_row(struct ctable *t, uint32_t at)
{
	t->rows = xrealloc(t->rows, (t->n_rows + 1) * sizeof *t->rows);
	struct ctable_row *r = &t->rows[t->n_rows++];
	memset(r, 0, sizeof *r);
	r->at = at;
	return r;
}

static void add_cell(struct ctable_row *r, uint32_t col, char *text)
{
	r->cells = xrealloc(r->cells, (r->n_cells + 1) * sizeof *r->cells);
	r->cells[r->n_cells].col = col;
	r->cells[r->n_cells++].text = text;
}

static size_t count_chars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* The 1-based line of byte offset off in data. */
static unsigned line_of(const char *data, size_t off)
{
	unsigned line = 1;
	for (size_t i = 0; i < off; i++)
		if (data[i] == '\n' || (data[i] == '\r' && data[i + 1] != '\n'))
			line++;
	return line;
}

#define CELL_MAX_TEXT CRITERIA_STR(CRITERIA_MAX_CELL)

/* The error at line of name, as "NAME:LINE: TEXT" and as data: code and
 * the value arg ({1} in text), or none when arg is NULL. */
static void coded_at(struct err *e, const char *name, unsigned line, const char *code, const char *text,
		     const char *arg)
{
	char where[sizeof e->where];
	int n = snprintf(where, sizeof where, "%s:%u", name, line);
	if (n < 0 || (size_t)n >= sizeof where)
		where[0] = '\0'; /* a name longer than any the callers allow: say no place */
	err_coded(e, where[0] ? where : NULL, code, text, arg, NULL);
}

static void too_large(struct err *e, const char *name)
{
	char max[16];
	snprintf(max, sizeof max, "%u", CRITERIA_MAX_BYTES); /* ten digits at most: fits */
	err_coded(e, name, "too_large", "the file is larger than 4 MiB ({1} bytes)", max, NULL);
}

/* CP932 to UTF-8; -1 with *bad the offset of the first byte that is not CP932. */
static int from_cp932(const char *data, size_t len, char **out, size_t *bad)
{
	iconv_t cd = iconv_open("UTF-8", "CP932");
	if (cd == (iconv_t)-1) {
		*bad = 0;
		return -1;
	}
	/* Every CP932 character is one or two bytes and becomes at most three. */
	size_t cap = len * 3 + 1;
	char *buf = xmalloc(cap);
	char *in = (char *)data, *o = buf;
	size_t inleft = len, outleft = cap - 1;
	size_t rc = iconv(cd, &in, &inleft, &o, &outleft);
	if (rc != (size_t)-1)
		rc = iconv(cd, NULL, NULL, &o, &outleft);
	iconv_close(cd);
	if (rc == (size_t)-1) {
		*bad = (size_t)(in - data);
		free(buf);
		return -1;
	}
	*o = '\0';
	*out = buf;
	return 0;
}

/* The file's text as UTF-8 without a byte-order mark (yours). */
static int decode(const char *name, const char *data, size_t len, char **out, bool *cp932, struct err *e)
{
	*cp932 = false;
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
		data += 3;
		len -= 3;
	}
	const char *nul = memchr(data, '\0', len);
	if (nul) {
		coded_at(e, name, line_of(data, (size_t)(nul - data)), "nul_byte",
			 "a NUL byte: not a text file (UTF-16? save it as UTF-8 or CSV)", NULL);
		return -1;
	}
	/* With no NUL inside, the copy is the whole text, terminated as
	 * text_utf8_valid() needs. */
	char *copy = xstrndup(data, len);
	if (text_utf8_valid(copy, len)) {
		*out = copy;
		return 0;
	}
	free(copy);
	size_t bad;
	if (from_cp932(data, len, out, &bad) < 0) {
		coded_at(e, name, line_of(data, bad), "encoding", "the text is neither UTF-8 nor Shift_JIS (CP932)",
			 NULL);
		return -1;
	}
	*cp932 = true;
	return 0;
}

/* Reads the text files: one record (row) at a time from p. */
struct lexer {
	const char *name;
	const char *p;
	unsigned line;
	enum ctable_syntax syntax;
	char sep;
	struct err *e;
};

static bool at_eol(const char *p)
{
	return *p == '\n' || *p == '\r' || *p == '\0';
}

/*
 * A quoted field from lx->p (at its opening quote) into sb. 1 when it
 * was read and is followed by the separator or a line end; 0 when it is
 * not a quoted field after all (TSV: then it is text as it stands); -1
 * with the error (CSV).
 */
static int quoted(struct lexer *lx, struct strbuf *sb, unsigned start)
{
	const char *q = lx->p + 1;
	unsigned lines = 0;
	for (;;) {
		if (*q == '\0') {
			if (lx->syntax == CTABLE_TSV)
				return 0;
			coded_at(lx->e, lx->name, start, "quote_open", "a quoted field is not closed", NULL);
			return -1;
		}
		if (*q == '"' && q[1] == '"') {
			strbuf_addch(sb, '"');
			q += 2;
			continue;
		}
		if (*q == '"')
			break;
		if (*q == '\r') {
			/* line breaks in a cell are "\n" */
			strbuf_addch(sb, '\n');
			q += q[1] == '\n' ? 2 : 1;
			lines++;
			continue;
		}
		if (*q == '\n')
			lines++;
		strbuf_addch(sb, *q++);
	}
	q++;
	if (*q != lx->sep && !at_eol(q)) {
		if (lx->syntax == CTABLE_TSV)
			return 0;
		coded_at(lx->e, lx->name, lx->line + lines, "quote_text",
			 "text after the closing quote of a field (write a quote inside a quoted field as \"\")", NULL);
		return -1;
	}
	lx->p = q;
	lx->line += lines;
	return 1;
}

/* One field into sb; 0, or -1 with the error. */
static int field(struct lexer *lx, struct strbuf *sb, unsigned start)
{
	strbuf_reset(sb);
	if (*lx->p == '"' && lx->syntax != CTABLE_PLAIN) {
		int rc = quoted(lx, sb, start);
		if (rc != 0)
			return rc < 0 ? -1 : 0;
		strbuf_reset(sb);
	}
	const char *s = lx->p;
	while (*lx->p != lx->sep && !at_eol(lx->p))
		lx->p++;
	strbuf_add(sb, s, (size_t)(lx->p - s));
	return 0;
}

static int read_records(struct lexer *lx, struct ctable *t)
{
	struct strbuf sb = STRBUF_INIT;
	int rc = 0;
	while (*lx->p && rc == 0) {
		unsigned start = lx->line;
		struct ctable_row *r = add_row(t, start);
		for (uint32_t col = 0;; col++) {
			if ((rc = field(lx, &sb, start)) < 0)
				break;
			if (count_chars(sb.buf) > CRITERIA_MAX_CELL) {
				coded_at(lx->e, lx->name, start, "cell_too_long", "a cell is longer than {1} characters",
					 CELL_MAX_TEXT);
				rc = -1;
				break;
			}
			add_cell(r, col, strbuf_detach(&sb));
			if (*lx->p != lx->sep)
				break;
			lx->p++;
		}
		if (rc == 0 && *lx->p) {
			lx->p += lx->p[0] == '\r' && lx->p[1] == '\n' ? 2 : 1;
			lx->line++;
		}
	}
	strbuf_release(&sb);
	return rc;
}

int ctable_read_text(const char *name, const void *data, size_t len, enum ctable_syntax syntax,
		     struct ctable **out, struct err *e)
{
	*out = NULL;
	if (len > CRITERIA_MAX_BYTES) {
		too_large(e, name);
		return -1;
	}
	char *text;
	bool cp932;
	if (decode(name, data, len, &text, &cp932, e) < 0)
		return -1;
	struct ctable *t = table_new(name, NULL);
	t->cp932 = cp932;
	struct lexer lx = { .name = name, .p = text, .line = 1, .syntax = syntax,
			    .sep = syntax == CTABLE_CSV ? ',' : '\t', .e = e };
	int rc = read_records(&lx, t);
	free(text);
	if (rc < 0) {
		ctable_free(t);
		return -1;
	}
	*out = t;
	return 0;
}

/* One sheet as a table: its cells grouped by row. */
static int sheet_table(const char *name, const struct xlsx_sheet *sh, struct ctable **out, struct err *e)
{
	struct ctable *t = table_new(name, sh->name);
	struct ctable_row *r = NULL;
	for (size_t i = 0; i < sh->n_cells; i++) {
		const struct xlsx_cell *c = &sh->cells[i];
		if (!r || r->at != c->row)
			r = add_row(t, c->row);
		if (count_chars(c->text) > CRITERIA_MAX_CELL) {
			char where[64];
			ctable_where(t, r, c->col, where, sizeof where);
			err_coded(e, where, "cell_too_long", "a cell is longer than {1} characters", CELL_MAX_TEXT, NULL);
			ctable_free(t);
			return -1;
		}
		/* "\r\n" is "\n" already (xlsx_read). */
		add_cell(r, c->col, xstrdup(c->text));
	}
	*out = t;
	return 0;
}

int ctable_read_xlsx(const char *name, const void *data, size_t len, struct ctable ***out, size_t *n,
		     struct err *e)
{
	*out = NULL;
	*n = 0;
	if (len > CRITERIA_MAX_BYTES) {
		too_large(e, name);
		return -1;
	}
	struct xlsx_limits lim = xlsx_default_limits;
	lim.max_file = CRITERIA_MAX_BYTES;
	struct xlsx_book *book;
	if (xlsx_read_buffer(data, len, &lim, &book, e) < 0) {
		err_at(e, name);
		return -1;
	}
	int rc = 0;
	*out = xcalloc(book->n_sheets ? book->n_sheets : 1, sizeof **out);
	for (size_t i = 0; i < book->n_sheets && rc == 0; i++) {
		rc = sheet_table(name, &book->sheets[i], &(*out)[i], e);
		if (rc == 0)
			(*n)++;
	}
	xlsx_book_free(book);
	if (rc < 0) {
		for (size_t i = 0; i < *n; i++)
			ctable_free((*out)[i]);
		free(*out);
		*out = NULL;
		*n = 0;
	}
	return rc;
}
