#include "formats/xlsx_xml.h"

#include <expat.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/clock.h"
#include "lib/strbuf.h"
#include "lib/xalloc.h"

/* expat names a namespaced element or attribute "URI local"; no XML name
 * holds a space. */
#define NS_SEP ' '
#define XML_SPACE "http://www.w3.org/XML/1998/namespace space"
#define RELS_NS "http://schemas.openxmlformats.org/package/2006/relationships"
static const char *const main_ns[] = { "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
				       "http://purl.oclc.org/ooxml/spreadsheetml/main", "" };
static const char *const r_id[] = { "http://schemas.openxmlformats.org/officeDocument/2006/relationships id",
				    "http://purl.oclc.org/ooxml/officeDocument/relationships id" };

/* The elements that matter; K_OTHER is everything else. */
enum kind {
	K_OTHER, K_ROOT, K_RELATIONSHIPS, K_RELATIONSHIP, K_WORKBOOK, K_SHEETS, K_SHEET, K_SST, K_SI, K_IS, K_R,
	K_T, K_WORKSHEET, K_SHEETDATA, K_ROW, K_C, K_V, K_MERGECELLS, K_MERGECELL
};
static const char *const kind_names[] = {
	[K_WORKBOOK] = "workbook", [K_SHEETS] = "sheets", [K_SHEET] = "sheet", [K_SST] = "sst", [K_SI] = "si",
	[K_IS] = "is", [K_R] = "r", [K_T] = "t", [K_WORKSHEET] = "worksheet", [K_SHEETDATA] = "sheetData",
	[K_ROW] = "row", [K_C] = "c", [K_V] = "v", [K_MERGECELLS] = "mergeCells", [K_MERGECELL] = "mergeCell",
};

/* Nothing read is deeper than worksheet/sheetData/row/c/is/r/t. */
#define MAX_DEPTH 16

/* Expat's calls between two looks at the CPU budget: a look is a system
 * call, and a thousand calls take well under a millisecond. */
#define BUDGET_EVERY 1024

enum cell_type { CT_N, CT_S, CT_STR, CT_INLINE, CT_B, CT_E, CT_D };
static const char *const type_names[] = { [CT_N] = "n", [CT_S] = "s", [CT_STR] = "str", [CT_INLINE] = "inlineStr",
					  [CT_B] = "b", [CT_E] = "e", [CT_D] = "d" };

struct xlsx_xml {
	XML_Parser p;
	char where[XLSX_PRINTABLE_SIZE]; /* the part's name, for messages */
	char sheet[XLSX_PRINTABLE_SIZE]; /* the sheet's name, for messages */
	const struct xlsx_limits *lim;
	const struct xlsx_budget *budget;
	unsigned calls; /* since the last look at the budget */
	struct xlsx_xml_target t;
	struct err *e;
	bool failed;
	/* The open elements: up to MAX_DEPTH, each one's kind if it is where
	 * it belongs (else K_OTHER, so all inside it is ignored) and whether
	 * xml:space="preserve" is in force there. */
	size_t depth;
	enum kind kinds[MAX_DEPTH + 1];
	bool preserve[MAX_DEPTH + 1];
	struct strbuf run;  /* the <t> or <v> being read, as written */
	struct strbuf text; /* the <si> or <is> being read, decoded */
	/* in a worksheet: where we are (cells without r follow on) */
	int64_t row, col;
	enum cell_type type;
	bool has_v;
	struct strbuf v;
	char *is_text;
	size_t cells_alloc, merges_alloc;
};

/* Expat may call a handler after XML_StopParser(): keep the first error. */
#define fail(x, ...)                                       \
	do {                                               \
		if (!(x)->failed) {                        \
			err_set((x)->e, __VA_ARGS__);      \
			(x)->failed = true;                \
			XML_StopParser((x)->p, XML_FALSE); \
		}                                          \
	} while (0)

char *xlsx_pool_add(struct xlsx_pool *pool, char *s)
{
	if (pool->n == pool->alloc)
		pool->v = xrealloc(pool->v, (pool->alloc = pool->alloc ? 2 * pool->alloc : 64) * sizeof *pool->v);
	return pool->v[pool->n++] = s;
}

struct xlsx_budget xlsx_budget_start(const struct xlsx_limits *lim)
{
	return (struct xlsx_budget){ clock_thread_cpu_ns() + (uint64_t)lim->max_cpu_ms * 1000000u, lim->max_cpu_ms };
}

int xlsx_budget_check(const struct xlsx_budget *b, const char *part, struct err *e)
{
	if (clock_thread_cpu_ns() < b->end_ns)
		return 0;
	char ms[16];
	int n = snprintf(ms, sizeof ms, "%u", b->ms);
	if (n < 0 || (size_t)n >= sizeof ms) /* cannot happen: 10 digits fit */
		strcpy(ms, "?");
	err_coded(e, NULL, "too_slow", "xlsx file takes more than {1} ms of CPU to read (stopped in part {2})", ms, part,
		  NULL);
	return -1;
}

/* Whether the budget ran out: then the parser is stopped with e set. The
 * start and text handlers ask: one of them is called for every element
 * and every piece of text, so for nearly all the work done on a part. */
static bool spent(struct xlsx_xml *x)
{
	if (x->failed)
		return true;
	if (++x->calls < BUDGET_EVERY)
		return false;
	x->calls = 0;
	if (xlsx_budget_check(x->budget, x->where, x->e) == 0)
		return false;
	x->failed = true;
	XML_StopParser(x->p, XML_FALSE);
	return true;
}

/* Room for element n of an array of such elements. */
static void *grow(void *v, size_t *alloc, size_t n, size_t size)
{
	if (n < *alloc)
		return v;
	*alloc = *alloc ? 2 * *alloc : 16;
	return xrealloc(v, *alloc * size);
}

void xlsx_xml_printable(const char *s, char buf[XLSX_PRINTABLE_SIZE])
{
	/* It comes from the file: keep the message one line, and short. */
	size_t n = 0;
	for (; s[n] && n < XLSX_PRINTABLE_SIZE - 4; n++)
		buf[n] = (unsigned char)s[n] < 0x20 || s[n] == 0x7f ? '?' : s[n];
	if (s[n]) {
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80) /* not in mid-character */
			n--;
		memcpy(buf + n, "...", 3);
		n += 3;
	}
	buf[n] = '\0';
}

/* Digits to a number, capped just past max so it cannot overflow. */
static const char *digits(const char *s, uint64_t max, uint64_t *n)
{
	for (*n = 0; *s >= '0' && *s <= '9'; s++)
		if ((*n = *n * 10 + (uint64_t)(*s - '0')) > max)
			*n = max + 1;
	return s;
}

static const char *attr(const XML_Char **atts, const char *name)
{
	for (; *atts; atts += 2)
		if (!strcmp(atts[0], name))
			return atts[1];
	return NULL;
}

static bool ns_is(const char *name, size_t len, const char *ns)
{
	return len == strlen(ns) && !memcmp(name, ns, len);
}

static enum kind classify(const char *name)
{
	const char *sep = strrchr(name, NS_SEP), *local = sep ? sep + 1 : name;
	size_t len = sep ? (size_t)(sep - name) : 0;
	if (ns_is(name, len, RELS_NS))
		return !strcmp(local, "Relationships") ? K_RELATIONSHIPS
		       : !strcmp(local, "Relationship") ? K_RELATIONSHIP : K_OTHER;
	if (!ns_is(name, len, main_ns[0]) && !ns_is(name, len, main_ns[1]) && !ns_is(name, len, main_ns[2]))
		return K_OTHER;
	for (size_t k = 0; k < sizeof kind_names / sizeof *kind_names; k++)
		if (kind_names[k] && !strcmp(local, kind_names[k]))
			return (enum kind)k;
	return K_OTHER;
}

/* Whether an element of kind k belongs under parent in this kind of part. */
static bool belongs(enum xlsx_part_kind part, enum kind k, enum kind parent)
{
	switch (k) {
	case K_RELATIONSHIPS: return part == XLSX_PART_RELS && parent == K_ROOT;
	case K_RELATIONSHIP: return parent == K_RELATIONSHIPS;
	case K_WORKBOOK: return part == XLSX_PART_WORKBOOK && parent == K_ROOT;
	case K_SHEETS: return parent == K_WORKBOOK;
	case K_SHEET: return parent == K_SHEETS;
	case K_SST: return part == XLSX_PART_SST && parent == K_ROOT;
	case K_SI: return parent == K_SST;
	case K_WORKSHEET: return part == XLSX_PART_SHEET && parent == K_ROOT;
	case K_SHEETDATA: case K_MERGECELLS: return parent == K_WORKSHEET;
	case K_ROW: return parent == K_SHEETDATA;
	case K_C: return parent == K_ROW;
	case K_V: case K_IS: return parent == K_C;
	case K_R: return parent == K_SI || parent == K_IS;
	case K_T: return parent == K_SI || parent == K_IS || parent == K_R;
	case K_MERGECELL: return parent == K_MERGECELLS;
	default: return false;
	}
}

/* ---- text ---- */

static void add_utf8(struct strbuf *sb, uint32_t cp)
{
	char b[4];
	int n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
	for (int i = n - 1; i > 0; i--, cp >>= 6)
		b[i] = (char)(0x80 | (cp & 0x3f));
	b[0] = (char)((n > 1 ? (0xff00 >> n) & 0xff : 0) | cp); /* 0xc0, 0xe0 or 0xf0 and the top bits */
	strbuf_add(sb, b, (size_t)n);
}

/* The UTF-16 code unit of an _xHHHH_ escape at s (n bytes left), or -1. */
static int32_t escape_at(const char *s, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	if (n < 7 || s[0] != '_' || s[1] != 'x' || s[6] != '_')
		return -1;
	int32_t u = 0;
	for (int i = 2; i < 6; i++) {
		const char *d = s[i] ? strchr(hex, s[i] >= 'a' ? s[i] - 'a' + 'A' : s[i]) : NULL;
		if (!d)
			return -1;
		u = u * 16 + (int32_t)(d - hex);
	}
	return u;
}

/* Appends s with Excel's escapes decoded; one that would make NUL or a
 * lone surrogate stays as written. */
static void add_unescaped(struct strbuf *out, const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		const char *u = memchr(s + i, '_', n - i);
		size_t plain = u ? (size_t)(u - (s + i)) : n - i;
		strbuf_add(out, s + i, plain);
		if ((i += plain) == n)
			break;
		int32_t c = escape_at(s + i, n - i), lo = c >= 0xd800 && c < 0xdc00 ? escape_at(s + i + 7, n - i - 7) : -1;
		if (lo >= 0xdc00 && lo < 0xe000) {
			add_utf8(out, 0x10000 + ((uint32_t)(c - 0xd800) << 10) + (uint32_t)(lo - 0xdc00));
			i += 14;
		} else if (c > 0 && (c < 0xd800 || c >= 0xe000)) {
			add_utf8(out, (uint32_t)c);
			i += 7;
		} else {
			strbuf_addch(out, s[i++]);
		}
	}
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* </t>: the run joins the string, trimmed as Excel trims it. */
static void end_run(struct xlsx_xml *x, bool preserve)
{
	const char *s = x->run.buf;
	size_t a = 0, b = x->run.len;
	while (a < b && is_space(s[a]))
		a++;
	if (preserve || a == b)
		a = 0;
	else
		while (is_space(s[b - 1]))
			b--;
	add_unescaped(&x->text, s + a, b - a);
	strbuf_reset(&x->run);
}

/* The cell being read, for messages. */
static const char *here(const struct xlsx_xml *x, char buf[XLSX_CELL_NAME_SIZE])
{
	xlsx_cell_name((uint32_t)x->row, (uint32_t)x->col, buf);
	return buf;
}

/* The <si> or <is> just read, with "\r\n" and "\r" made "\n"; NULL if
 * it is too long. */
static char *end_string(struct xlsx_xml *x)
{
	struct strbuf *sb = &x->text;
	size_t j = 0, chars = 0;
	for (size_t i = 0; i < sb->len; i++) {
		char c = sb->buf[i];
		if (c == '\r' && i + 1 < sb->len && sb->buf[i + 1] == '\n')
			continue;
		sb->buf[j++] = c == '\r' ? '\n' : c;
		chars += ((unsigned char)c & 0xc0) != 0x80;
	}
	if (sb->alloc)
		sb->buf[sb->len = j] = '\0';
	if (chars <= x->lim->max_text)
		return strbuf_detach(sb);
	char ref[XLSX_CELL_NAME_SIZE];
	if (x->t.kind == XLSX_PART_SST)
		fail(x, "xlsx part %s: shared string %zu is longer than %zu characters", x->where,
		     x->t.pool->n - x->t.sst, x->lim->max_text);
	else
		fail(x, "xlsx cell %s!%s: text is longer than %zu characters", x->sheet, here(x, ref), x->lim->max_text);
	return NULL;
}

/* ---- the elements ---- */

static void start_relationship(struct xlsx_xml *x, const XML_Char **atts)
{
	const char *id = attr(atts, "Id"), *type = attr(atts, "Type"), *target = attr(atts, "Target");
	const char *mode = attr(atts, "TargetMode");
	/* an external target is no part, an incomplete one leads nowhere */
	if (!id || !type || !target || (mode && !strcmp(mode, "External")))
		return;
	struct xlsx_list *l = x->t.list;
	if (l->n >= x->lim->max_parts) {
		fail(x, "xlsx part %s: more than %zu relationships", x->where, x->lim->max_parts);
		return;
	}
	struct xlsx_rel *v = l->v = grow(l->v, &l->alloc, l->n, sizeof *v);
	const char *slash = strrchr(type, '/');
	v[l->n++] = (struct xlsx_rel){ xlsx_pool_add(x->t.pool, xstrdup(id)),
				       xlsx_pool_add(x->t.pool, xstrdup(slash ? slash + 1 : type)),
				       xlsx_pool_add(x->t.pool, xstrdup(target)) };
}

static void start_sheet(struct xlsx_xml *x, const XML_Char **atts)
{
	const char *name = attr(atts, "name"), *state = attr(atts, "state"), *rid = attr(atts, r_id[0]);
	if (!rid)
		rid = attr(atts, r_id[1]);
	struct xlsx_list *l = x->t.list;
	char quoted[XLSX_PRINTABLE_SIZE];
	if (!name) {
		fail(x, "xlsx part %s: sheet %zu has no name", x->where, l->n + 1);
	} else if (!rid) {
		xlsx_xml_printable(name, quoted);
		fail(x, "xlsx part %s: sheet \"%s\" has no r:id", x->where, quoted);
	} else if (l->n >= x->lim->max_parts) { /* each needs a part of its own */
		fail(x, "xlsx part %s: more than %zu sheets", x->where, x->lim->max_parts);
	} else {
		struct xlsx_wb_sheet *v = l->v = grow(l->v, &l->alloc, l->n, sizeof *v);
		bool hidden = state && (!strcmp(state, "hidden") || !strcmp(state, "veryHidden"));
		v[l->n++] = (struct xlsx_wb_sheet){ xlsx_pool_add(x->t.pool, xstrdup(name)),
						    xlsx_pool_add(x->t.pool, xstrdup(rid)), hidden };
	}
}

static void start_row(struct xlsx_xml *x, const XML_Char **atts)
{
	const char *r = attr(atts, "r");
	char quoted[XLSX_PRINTABLE_SIZE];
	uint64_t n = (uint64_t)(x->row + 2); /* without r, the next row */
	if (r && (*digits(r, XLSX_MAX_ROWS, &n) || !n)) {
		xlsx_xml_printable(r, quoted);
		fail(x, "xlsx sheet %s: invalid row number \"%s\"", x->sheet, quoted);
	} else if (n > XLSX_MAX_ROWS) {
		xlsx_xml_printable(r ? r : "1048577", quoted);
		fail(x, "xlsx sheet %s: row %s is beyond Excel's last row %u", x->sheet, quoted, XLSX_MAX_ROWS);
	} else {
		x->row = (int64_t)n - 1;
		x->col = -1;
	}
}

static void start_c(struct xlsx_xml *x, const XML_Char **atts)
{
	const char *r = attr(atts, "r"), *t = attr(atts, "t");
	char quoted[XLSX_PRINTABLE_SIZE];
	uint32_t row = (uint32_t)x->row, col = (uint32_t)(x->col + 1); /* without r, the next cell */
	int rc = r ? xlsx_cell_parse(r, &row, &col) : col >= XLSX_MAX_COLS ? -2 : 0;
	if (r)
		xlsx_xml_printable(r, quoted);
	else
		xlsx_cell_name(row, col, quoted);
	if (rc == -1) {
		fail(x, "xlsx sheet %s: invalid cell reference \"%s\"", x->sheet, quoted);
		return;
	} else if (rc == -2) {
		fail(x, "xlsx sheet %s: cell %s is beyond Excel's last cell XFD1048576", x->sheet, quoted);
		return;
	}
	x->row = row, x->col = col;
	size_t i = 0;
	while (t && i < sizeof type_names / sizeof *type_names && strcmp(t, type_names[i]))
		i++;
	if (i == sizeof type_names / sizeof *type_names) {
		xlsx_xml_printable(t, quoted);
		fail(x, "xlsx cell %s!%s: unknown cell type \"%s\"", x->sheet, here(x, (char[XLSX_CELL_NAME_SIZE]){ 0 }),
		     quoted);
		return;
	}
	x->type = t ? (enum cell_type)i : CT_N;
	x->has_v = false;
	free(x->is_text);
	x->is_text = NULL;
}

static void start_merge(struct xlsx_xml *x, const XML_Char **atts)
{
	const char *ref = attr(atts, "ref");
	if (!ref)
		return;
	/* "B4:B10", or "D5" alone */
	char first[16], quoted[XLSX_PRINTABLE_SIZE];
	size_t n = strcspn(ref, ":");
	uint32_t r1, c1, r2, c2;
	if (n < sizeof first) {
		memcpy(first, ref, n);
		first[n] = '\0';
	}
	if (n >= sizeof first || xlsx_cell_parse(first, &r1, &c1) || xlsx_cell_parse(ref[n] ? ref + n + 1 : ref, &r2, &c2)) {
		xlsx_xml_printable(ref, quoted);
		fail(x, "xlsx sheet %s: invalid merge range \"%s\"", x->sheet, quoted);
		return;
	}
	struct xlsx_sheet *sh = x->t.sheet;
	sh->merges = grow(sh->merges, &x->merges_alloc, sh->n_merges, sizeof *sh->merges);
	sh->merges[sh->n_merges++] = (struct xlsx_merge){ r1 < r2 ? r1 : r2, c1 < c2 ? c1 : c2, r1 < r2 ? r2 : r1,
							  c1 < c2 ? c2 : c1 };
}

/* </c>: the cell is listed if it has a value. */
static void end_c(struct xlsx_xml *x)
{
	char ref[XLSX_CELL_NAME_SIZE], quoted[XLSX_PRINTABLE_SIZE];
	const char *text = NULL, *v = x->v.buf;
	char *owned = NULL;
	uint64_t i;
	if (x->type == CT_INLINE) {
		text = owned = x->is_text;
		x->is_text = NULL;
	} else if (!x->has_v) {
		return; /* a style without a value */
	} else if (x->type == CT_S) {
		if (*digits(v, x->t.n_sst, &i) || !*v || i >= x->t.n_sst) {
			xlsx_xml_printable(v, quoted);
			fail(x, "xlsx cell %s!%s: shared string index \"%s\" out of range (%zu strings)", x->sheet,
			     here(x, ref), quoted, x->t.n_sst);
			return;
		}
		text = x->t.pool->v[x->t.sst + i];
	} else if (x->type == CT_B) {
		text = !strcmp(v, "1") || !strcmp(v, "true") ? "TRUE" : !strcmp(v, "0") || !strcmp(v, "false") ? "FALSE" : NULL;
		if (!text) {
			xlsx_xml_printable(v, quoted);
			fail(x, "xlsx cell %s!%s: invalid boolean \"%s\"", x->sheet, here(x, ref), quoted);
			return;
		}
	} else {
		/* numbers, dates and errors as written; a formula's string
		 * result escaped like any string */
		strbuf_reset(&x->text);
		if (x->type == CT_STR)
			add_unescaped(&x->text, v, x->v.len);
		else
			strbuf_add(&x->text, v, x->v.len);
		if (!(text = owned = end_string(x)))
			return;
	}
	if (!text)
		return;
	if (*x->t.n_cells >= x->lim->max_cells) {
		free(owned);
		fail(x, "xlsx file has more than %zu cells", x->lim->max_cells);
		return;
	}
	if (owned)
		xlsx_pool_add(x->t.pool, owned);
	struct xlsx_sheet *sh = x->t.sheet;
	sh->cells = grow(sh->cells, &x->cells_alloc, sh->n_cells, sizeof *sh->cells);
	sh->cells[sh->n_cells++] = (struct xlsx_cell){ (uint32_t)x->row, (uint32_t)x->col, text };
	++*x->t.n_cells;
}

/* ---- expat's handlers ---- */

static void XMLCALL on_start(void *data, const XML_Char *name, const XML_Char **atts)
{
	struct xlsx_xml *x = data;
	/* depth counts every element, so that on_end() can pair them */
	if (spent(x) || ++x->depth > MAX_DEPTH)
		return;
	enum kind parent = x->kinds[x->depth - 1], k = classify(name);
	const char *space = attr(atts, XML_SPACE);
	x->kinds[x->depth] = belongs(x->t.kind, k, parent) ? k : K_OTHER;
	x->preserve[x->depth] = space ? !strcmp(space, "preserve") : x->preserve[x->depth - 1];
	switch (x->kinds[x->depth]) {
	case K_RELATIONSHIP: start_relationship(x, atts); break;
	case K_SHEET: start_sheet(x, atts); break;
	case K_SI:
		if (x->t.pool->n - x->t.sst >= x->lim->max_cells)
			fail(x, "xlsx part %s: more than %zu shared strings", x->where, x->lim->max_cells);
		/* fall through */
	case K_IS: strbuf_reset(&x->text); break;
	case K_T: case K_V: strbuf_reset(&x->run); break;
	case K_ROW: start_row(x, atts); break;
	case K_C: start_c(x, atts); break;
	case K_MERGECELL: start_merge(x, atts); break;
	default: break;
	}
}

static void XMLCALL on_end(void *data, const XML_Char *name)
{
	struct xlsx_xml *x = data;
	(void)name;
	if (x->failed || x->depth-- > MAX_DEPTH)
		return;
	char *s;
	switch (x->kinds[x->depth + 1]) {
	case K_T: end_run(x, x->preserve[x->depth + 1]); break;
	case K_V:
		strbuf_reset(&x->v);
		strbuf_add(&x->v, x->run.buf, x->run.len);
		x->has_v = true;
		break;
	case K_SI:
		if ((s = end_string(x)))
			xlsx_pool_add(x->t.pool, s);
		break;
	case K_IS:
		free(x->is_text);
		x->is_text = end_string(x);
		break;
	case K_C: end_c(x); break;
	default: break;
	}
}

static void XMLCALL on_text(void *data, const XML_Char *s, int len)
{
	struct xlsx_xml *x = data;
	if (!spent(x) && x->depth <= MAX_DEPTH && (x->kinds[x->depth] == K_T || x->kinds[x->depth] == K_V))
		strbuf_add(&x->run, s, (size_t)len);
}

static void XMLCALL on_doctype(void *data, const XML_Char *name, const XML_Char *sysid, const XML_Char *pubid,
			       int has_internal_subset)
{
	struct xlsx_xml *x = data;
	(void)name, (void)sysid, (void)pubid, (void)has_internal_subset;
	/* No DTD: so no entity is ever declared, let alone expanded. */
	fail(x, "xlsx part %s: DTDs are not allowed", x->where);
}

struct xlsx_xml *xlsx_xml_new(const char *name, const struct xlsx_limits *lim, const struct xlsx_budget *budget,
			      const struct xlsx_xml_target *t)
{
	struct xlsx_xml *x = xcalloc(1, sizeof *x);
	if (!(x->p = XML_ParserCreateNS(NULL, NS_SEP))) {
		fputs("shinsa: out of memory creating an XML parser\n", stderr);
		abort();
	}
	XML_SetUserData(x->p, x);
	XML_SetElementHandler(x->p, on_start, on_end);
	XML_SetCharacterDataHandler(x->p, on_text);
	XML_SetStartDoctypeDeclHandler(x->p, on_doctype);
	xlsx_xml_printable(name, x->where);
	xlsx_xml_printable(t->sheet ? t->sheet->name : "", x->sheet);
	x->lim = lim;
	x->budget = budget;
	x->t = *t;
	x->kinds[0] = K_ROOT;
	x->row = x->col = -1;
	strbuf_init(&x->run);
	strbuf_init(&x->text);
	strbuf_init(&x->v);
	return x;
}

void xlsx_xml_free(struct xlsx_xml *x)
{
	if (!x)
		return;
	XML_ParserFree(x->p);
	strbuf_release(&x->run);
	strbuf_release(&x->text);
	strbuf_release(&x->v);
	free(x->is_text);
	free(x);
}

char *xlsx_xml_buffer(struct xlsx_xml *x, size_t len)
{
	/* expat hands out no buffer for 0 bytes */
	void *buf = len <= INT_MAX ? XML_GetBuffer(x->p, len ? (int)len : 1) : NULL;
	if (!buf) {
		fputs("shinsa: out of memory for an XML part\n", stderr);
		abort();
	}
	return buf;
}

/*
 * One call for the whole part, not a call per chunk as it comes out of the
 * zip: expat (2.5.0, and any before 2.6) scans a token that a chunk leaves
 * unfinished again from its start with every chunk that follows, so a
 * comment, processing instruction, tag or attribute of n bytes fed in
 * chunks costs time in the square of n (a 49 MiB comment: a minute). In
 * one call every byte is scanned once. That costs no memory expat would
 * not take anyway, since it keeps an unfinished token whole however long
 * it grows, and max_part bounds it. Capping the length of each kind of
 * token instead would need expat's view of where a token starts, which it
 * does not give, and a cap low enough to keep the square cheap would
 * refuse long texts that Excel writes.
 */
int xlsx_xml_parse(struct xlsx_xml *x, size_t len, struct err *e)
{
	x->e = e;
	if (XML_ParseBuffer(x->p, (int)len, XML_TRUE) == XML_STATUS_OK)
		return 0;
	if (!x->failed)
		err_set(e, "xlsx part %s: XML error at line %llu: %s", x->where,
			(unsigned long long)XML_GetCurrentLineNumber(x->p), XML_ErrorString(XML_GetErrorCode(x->p)));
	x->failed = true;
	return -1;
}
