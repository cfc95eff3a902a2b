#include "formats/criteria_docx.h"

#include <expat.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "formats/docx_numfmt.h"
#include "formats/zip_bytes.h"
#include "lib/clock.h"
#include "lib/strbuf.h"
#include "lib/text.h"
#include "lib/xalloc.h"

const struct docx_limits docx_default_limits = {
	.max_part = 16u << 20,
	.max_paragraphs = 20000,
	.max_depth = 100,
	.max_cpu_ms = 5000,
};

#define LEVELS 9
#define NS_SEP '\x01'
#define CHUNK 65536
/* Styles are based on styles: a chain longer than this is a loop. */
#define BASED_MAX 16
/* Lists, list instances and styles a document may define, each: Word's
 * own documents have dozens; this bounds the memory a small part can ask
 * for. */
#define DEFS_MAX 4096
/* A level's text ("%1." "(%2)"): Word's are a few characters; a longer one
 * is not shown, so that no number is longer than a paragraph. */
#define LVLTEXT_MAX 64

struct level {
	long start;
	bool has_start;
	char *fmt, *text, *pstyle;
};

struct abstract {
	char *id;
	struct level lv[LEVELS];
	long cur[LEVELS];
	bool set[LEVELS];
};

struct num {
	char *id, *abs_id;
	long start[LEVELS];          /* w:startOverride */
	bool has_start[LEVELS];
	struct level lv[LEVELS];     /* a w:lvl inside w:lvlOverride */
	bool has_lv[LEVELS];
	bool used;
};

struct style {
	char *id, *based, *num_id;
	int ilvl; /* -1: none */
};

enum part { P_NUMBERING, P_STYLES, P_DOCUMENT };

enum el {
	E_OTHER, E_SKIP, E_P, E_PPR, E_NUMPR, E_ILVL, E_NUMID, E_PSTYLE, E_R, E_T, E_TAB, E_BR, E_CR,
	E_ABSTRACTNUM, E_LVL, E_START, E_NUMFMT, E_LVLTEXT, E_NUM, E_ABSTRACTNUMID, E_LVLOVERRIDE,
	E_STARTOVERRIDE, E_STYLE, E_BASEDON, E_NBHYPHEN,
};

static const char *const el_names[] = {
	[E_P] = "p", [E_PPR] = "pPr", [E_NUMPR] = "numPr", [E_ILVL] = "ilvl", [E_NUMID] = "numId",
	[E_PSTYLE] = "pStyle", [E_R] = "r", [E_T] = "t", [E_TAB] = "tab", [E_BR] = "br", [E_CR] = "cr",
	[E_ABSTRACTNUM] = "abstractNum", [E_LVL] = "lvl", [E_START] = "start", [E_NUMFMT] = "numFmt",
	[E_LVLTEXT] = "lvlText", [E_NUM] = "num", [E_ABSTRACTNUMID] = "abstractNumId",
	[E_LVLOVERRIDE] = "lvlOverride", [E_STARTOVERRIDE] = "startOverride", [E_STYLE] = "style",
	[E_BASEDON] = "basedOn", [E_NBHYPHEN] = "noBreakHyphen",
};

/* Left out with everything in them: what is not the text a reader sees
 * (deleted, field codes, old properties), and drawings and text boxes,
 * whose paragraphs would come out of place. */
static const char *const skipped[] = { "drawing", "pict", "object", "txbxContent", "del", "moveFrom", "delText",
				       "instrText", "pPrChange", "rPrChange", "numberingChange", NULL };

static const char *const w_ns[] = { "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
				    "http://purl.oclc.org/ooxml/wordprocessingml/main", NULL };

struct doc {
	const char *name;
	const struct docx_limits *lim;
	uint64_t end_ns;
	struct err *e;
	bool failed;
	zip_t *za;
	struct abstract *abs;
	size_t n_abs;
	struct num *nums;
	size_t n_nums;
	struct style *styles;
	size_t n_styles;
	struct ctable *t;
	size_t n_paras;
};

/* One part being parsed. */
struct parse {
	struct doc *d;
	enum part part;
	const char *pname;
	XML_Parser p;
	unsigned depth, skip; /* skip: the depth of the element being left out, 0 for none */
	enum el *stack;
	unsigned events;
	int ilvl;             /* the w:lvl or w:lvlOverride being read: its level, -1 for none */
	/* the paragraph being read */
	unsigned p_depth;
	char *pstyle, *num_id;
	int p_ilvl;
	struct strbuf text;
};

static void fail(struct doc *d, const char *where, const char *code, const char *tmpl, const char *a, const char *b)
{
	if (d->failed)
		return;
	d->failed = true;
	err_coded(d->e, where ? where : d->name, code, tmpl, a, b, NULL);
}

static void damaged(struct doc *d, const char *reason)
{
	fail(d, NULL, "docx_damaged", "damaged docx file: {1}", reason, NULL);
}

/* libzip's reason for part P, after "part P: ". */
static void zip_failed(struct doc *d, const char *part, zip_error_t *ze)
{
	char why[128], buf[256];
	zip_bytes_reason(ze, why);
	int n = snprintf(buf, sizeof buf, "part %s: %s", part, why);
	if (n < 0 || (size_t)n >= sizeof buf)
		snprintf(buf, sizeof buf, "%s", why); /* part names are ours and short: never */
	damaged(d, buf);
}

static bool over_time(struct doc *d)
{
	if (clock_thread_cpu_ns() <= d->end_ns)
		return false;
	char ms[24];
	snprintf(ms, sizeof ms, "%u", d->lim->max_cpu_ms); /* an unsigned: fits */
	fail(d, NULL, "docx_too_slow", "docx file takes more than {1} ms of CPU to read", ms, NULL);
	return true;
}

static void part_too_large(struct doc *d, const char *part)
{
	char max[24];
	snprintf(max, sizeof max, "%zu", d->lim->max_part); /* a size_t: fits */
	fail(d, NULL, "docx_part_too_large", "docx part {1} is larger than {2} bytes uncompressed", part, max);
}

/* The part at path (any case) into *out: 1, 0 when there is none, -1 on
 * an error. */
static int read_part(struct doc *d, const char *path, struct strbuf *out)
{
	zip_int64_t i = zip_name_locate(d->za, path, 0);
	if (i < 0)
		i = zip_name_locate(d->za, path, ZIP_FL_NOCASE);
	if (i < 0)
		return 0;
	zip_stat_t st;
	zip_file_t *f = zip_stat_index(d->za, (zip_uint64_t)i, 0, &st) < 0 ? NULL : zip_fopen_index(d->za, (zip_uint64_t)i, 0);
	if (!f) {
		zip_failed(d, path, zip_get_error(d->za));
		return -1;
	}
	int rc = 1;
	if ((st.valid & ZIP_STAT_SIZE) && st.size > d->lim->max_part) {
		part_too_large(d, path);
		rc = -1;
	}
	char buf[CHUNK];
	while (rc > 0) {
		zip_int64_t n = zip_fread(f, buf, sizeof buf);
		if (n < 0) {
			zip_failed(d, path, zip_file_get_error(f));
			rc = -1;
		} else if (n == 0) {
			break;
		} else if ((size_t)n > d->lim->max_part - out->len) {
			part_too_large(d, path); /* whatever the zip said */
			rc = -1;
		} else {
			strbuf_add(out, buf, (size_t)n);
			if (over_time(d))
				rc = -1;
		}
	}
	zip_fclose(f);
	return rc;
}

/* The local name of an expat name "URI\1local", and whether it is in
 * WordprocessingML's namespace (or none). */
static const char *local_name(const char *name, bool *w)
{
	const char *sep = strchr(name, NS_SEP);
	if (!sep) {
		*w = true;
		return name;
	}
	*w = false;
	for (int i = 0; w_ns[i]; i++)
		if ((size_t)(sep - name) == strlen(w_ns[i]) && !memcmp(name, w_ns[i], (size_t)(sep - name)))
			*w = true;
	return sep + 1;
}

static enum el classify(const char *name)
{
	bool w;
	const char *local = local_name(name, &w);
	if (!w)
		return strcmp(local, "Choice") == 0 ? E_SKIP : E_OTHER; /* mc:Fallback is read instead */
	for (int i = 0; skipped[i]; i++)
		if (strcmp(local, skipped[i]) == 0)
			return E_SKIP;
	for (size_t i = 0; i < sizeof el_names / sizeof *el_names; i++)
		if (el_names[i] && strcmp(local, el_names[i]) == 0)
			return (enum el)i;
	return E_OTHER;
}

/* The attribute called local (in the w namespace or none), or NULL. */
static const char *attr(const XML_Char **atts, const char *local)
{
	for (size_t i = 0; atts[i]; i += 2) {
		bool w;
		const char *l = local_name(atts[i], &w);
		if (w && strcmp(l, local) == 0)
			return atts[i + 1];
	}
	return NULL;
}

static char *dup_attr(const XML_Char **atts, const char *local)
{
	const char *v = attr(atts, local);
	return v ? xstrdup(v) : NULL;
}

static int level_attr(const XML_Char **atts)
{
	const char *v = attr(atts, "ilvl");
	if (!v)
		return -1;
	char *end;
	long n = strtol(v, &end, 10);
	return *v && !*end && n >= 0 && n < LEVELS ? (int)n : -1;
}

static long long_attr(const XML_Char **atts)
{
	const char *v = attr(atts, "val");
	long n = v ? strtol(v, NULL, 10) : 0;
	return n < 0 ? 0 : n > 99999 ? 99999 : n;
}

/* The level a w:lvl child of the element at depth-1 sets, or NULL. */
static struct level *cur_level(struct parse *ps)
{
	struct doc *d = ps->d;
	if (ps->ilvl < 0)
		return NULL;
	if (ps->stack[ps->depth - 2] == E_ABSTRACTNUM && d->n_abs)
		return &d->abs[d->n_abs - 1].lv[ps->ilvl];
	if (ps->stack[ps->depth - 2] == E_LVLOVERRIDE && d->n_nums) {
		d->nums[d->n_nums - 1].has_lv[ps->ilvl] = true;
		return &d->nums[d->n_nums - 1].lv[ps->ilvl];
	}
	return NULL;
}

static void set_str(char **dst, const char *s)
{
	free(*dst);
	*dst = s ? xstrdup(s) : NULL;
}

static void on_numbering(struct parse *ps, enum el k, enum el parent, const XML_Char **atts)
{
	struct doc *d = ps->d;
	struct level *lv;
	if ((k == E_ABSTRACTNUM && d->n_abs == DEFS_MAX) || (k == E_NUM && d->n_nums == DEFS_MAX)) {
		char why[160];
		snprintf(why, sizeof why, "part %s: more than %d lists", ps->pname, DEFS_MAX); /* part names are ours: fits */
		damaged(d, why);
		return;
	}
	switch (k) {
	case E_ABSTRACTNUM:
		d->abs = xrealloc(d->abs, (d->n_abs + 1) * sizeof *d->abs);
		d->abs[d->n_abs++] = (struct abstract){ .id = dup_attr(atts, "abstractNumId") };
		break;
	case E_NUM:
		d->nums = xrealloc(d->nums, (d->n_nums + 1) * sizeof *d->nums);
		d->nums[d->n_nums++] = (struct num){ .id = dup_attr(atts, "numId") };
		break;
	case E_LVL:
	case E_LVLOVERRIDE:
		ps->ilvl = level_attr(atts);
		break;
	case E_ABSTRACTNUMID:
		if (parent == E_NUM && d->n_nums)
			set_str(&d->nums[d->n_nums - 1].abs_id, attr(atts, "val"));
		break;
	case E_STARTOVERRIDE:
		if (parent == E_LVLOVERRIDE && d->n_nums && ps->ilvl >= 0) {
			d->nums[d->n_nums - 1].start[ps->ilvl] = long_attr(atts);
			d->nums[d->n_nums - 1].has_start[ps->ilvl] = true;
		}
		break;
	case E_START:
	case E_NUMFMT:
	case E_LVLTEXT:
	case E_PSTYLE:
		if (parent != E_LVL || !(lv = cur_level(ps)))
			break;
		if (k == E_START) {
			lv->start = long_attr(atts);
			lv->has_start = true;
		} else {
			const char *v = attr(atts, "val");
			if (k == E_LVLTEXT && v && strlen(v) > LVLTEXT_MAX)
				v = NULL; /* shown as no number */
			set_str(k == E_NUMFMT ? &lv->fmt : k == E_LVLTEXT ? &lv->text : &lv->pstyle, v);
		}
		break;
	default:
		break;
	}
}

static void on_styles(struct parse *ps, enum el k, enum el parent, const XML_Char **atts)
{
	struct doc *d = ps->d;
	struct style *s = d->n_styles ? &d->styles[d->n_styles - 1] : NULL;
	bool in_numpr = ps->depth >= 4 && parent == E_NUMPR && ps->stack[ps->depth - 2] == E_PPR &&
			ps->stack[ps->depth - 3] == E_STYLE;
	if (k == E_STYLE && d->n_styles == DEFS_MAX) {
		char why[160];
		snprintf(why, sizeof why, "part %s: more than %d styles", ps->pname, DEFS_MAX); /* part names are ours: fits */
		damaged(d, why);
	} else if (k == E_STYLE) {
		d->styles = xrealloc(d->styles, (d->n_styles + 1) * sizeof *d->styles);
		d->styles[d->n_styles++] = (struct style){ .id = dup_attr(atts, "styleId"), .ilvl = -1 };
	} else if (s && k == E_BASEDON && parent == E_STYLE) {
		set_str(&s->based, attr(atts, "val"));
	} else if (s && k == E_NUMID && in_numpr) {
		set_str(&s->num_id, attr(atts, "val"));
	} else if (s && k == E_ILVL && in_numpr) {
		const char *v = attr(atts, "val");
		s->ilvl = v && v[0] >= '0' && v[0] <= '8' && !v[1] ? v[0] - '0' : -1;
	}
}

static void on_document(struct parse *ps, enum el k, enum el parent, const XML_Char **atts)
{
	bool in_ppr = ps->p_depth && ps->depth == ps->p_depth + 2 && parent == E_PPR;
	bool in_numpr = ps->p_depth && ps->depth == ps->p_depth + 3 && parent == E_NUMPR;
	if (k == E_P && !ps->p_depth) {
		ps->p_depth = ps->depth;
		set_str(&ps->pstyle, NULL);
		set_str(&ps->num_id, NULL);
		ps->p_ilvl = -1;
		strbuf_reset(&ps->text);
	} else if (k == E_PSTYLE && in_ppr) {
		set_str(&ps->pstyle, attr(atts, "val"));
	} else if (k == E_NUMID && in_numpr) {
		set_str(&ps->num_id, attr(atts, "val"));
	} else if (k == E_ILVL && in_numpr) {
		const char *v = attr(atts, "val");
		ps->p_ilvl = v && v[0] >= '0' && v[0] <= '8' && !v[1] ? v[0] - '0' : -1;
	} else if (ps->p_depth && parent == E_R && (k == E_TAB || k == E_BR || k == E_CR || k == E_NBHYPHEN)) {
		strbuf_addch(&ps->text, k == E_TAB ? ' ' : k == E_NBHYPHEN ? '-' : '\n');
	}
}

static const struct style *style_find(const struct doc *d, const char *id)
{
	for (size_t i = 0; id && i < d->n_styles; i++)
		if (d->styles[i].id && strcmp(d->styles[i].id, id) == 0)
			return &d->styles[i];
	return NULL;
}

static struct num *num_find(struct doc *d, const char *id)
{
	for (size_t i = 0; id && i < d->n_nums; i++)
		if (d->nums[i].id && strcmp(d->nums[i].id, id) == 0)
			return &d->nums[i];
	return NULL;
}

static struct abstract *abs_find(struct doc *d, const char *id)
{
	for (size_t i = 0; id && i < d->n_abs; i++)
		if (d->abs[i].id && strcmp(d->abs[i].id, id) == 0)
			return &d->abs[i];
	return NULL;
}

/* The level definition in force: the w:num's override, else its list's. */
static const struct level *level_of(const struct num *nm, const struct abstract *a, int l)
{
	return nm->has_lv[l] ? &nm->lv[l] : &a->lv[l];
}

static long start_of(const struct level *lv)
{
	return lv->has_start ? lv->start : 1;
}

/* Counts paragraph's number at level l of nm, into sb as Word shows it. */
static void number(struct num *nm, struct abstract *a, int l, struct strbuf *sb)
{
	if (!nm->used) {
		nm->used = true;
		for (int j = 0; j < LEVELS; j++)
			if (nm->has_start[j]) {
				a->cur[j] = nm->start[j] - 1;
				a->set[j] = true;
			}
	}
	a->cur[l] = a->set[l] ? a->cur[l] + 1 : start_of(level_of(nm, a, l));
	a->set[l] = true;
	for (int j = l + 1; j < LEVELS; j++)
		a->set[j] = false;
	const struct level *lv = level_of(nm, a, l);
	if (lv->fmt && !strcmp(lv->fmt, "bullet")) {
		strbuf_addstr(sb, "・"); /* the glyph is often a symbol font's private character */
		return;
	}
	for (const char *p = lv->text ? lv->text : ""; *p; p++) {
		if (p[0] == '%' && p[1] >= '1' && p[1] <= '9') {
			int k = p[1] - '1';
			const struct level *lk = level_of(nm, a, k);
			docx_numfmt(sb, lk->fmt, a->set[k] ? a->cur[k] : start_of(lk));
			p++;
		} else {
			strbuf_addch(sb, *p);
		}
	}
}

/* The number text of the paragraph just read, into sb (nothing for none). */
static void paragraph_number(struct parse *ps, struct strbuf *sb)
{
	struct doc *d = ps->d;
	const char *num_id = ps->num_id;
	int l = ps->p_ilvl;
	const struct style *s = style_find(d, ps->pstyle);
	for (int hops = 0; s && hops < BASED_MAX && (!num_id || l < 0); hops++) {
		if (!num_id)
			num_id = s->num_id;
		if (l < 0 && s->num_id)
			l = s->ilvl;
		s = style_find(d, s->based);
	}
	struct num *nm = num_find(d, num_id);
	struct abstract *a = nm ? abs_find(d, nm->abs_id) : NULL;
	if (!a)
		return; /* numId 0, or one that names no list: no number */
	for (int j = 0; l < 0 && ps->pstyle && j < LEVELS; j++)
		if (a->lv[j].pstyle && !strcmp(a->lv[j].pstyle, ps->pstyle))
			l = j;
	if (l < 0)
		l = 0;
	for (int j = 0; j < l; j++)
		strbuf_addstr(sb, "  ");
	number(nm, a, l, sb);
	if (sb->len)
		strbuf_addch(sb, ' ');
}

/* A line break makes a row too: end_paragraph() counts rows, not
 * paragraphs, against max_paragraphs. */
static void add_row(struct ctable *t, unsigned at, const char *s, size_t n)
{
	t->rows = xrealloc(t->rows, (t->n_rows + 1) * sizeof *t->rows);
	struct ctable_row *r = &t->rows[t->n_rows++];
	*r = (struct ctable_row){ .at = at, .cells = xcalloc(1, sizeof *r->cells), .n_cells = 1 };
	r->cells[0].text = xstrndup(s, n);
}

static void end_paragraph(struct parse *ps)
{
	struct doc *d = ps->d;
	ps->p_depth = 0;
	d->n_paras++;
	size_t chars = 0, lines = 1;
	for (const char *p = ps->text.buf; *p; p++) {
		chars += ((unsigned char)*p & 0xC0) != 0x80;
		lines += *p == '\n';
	}
	if (lines > d->lim->max_paragraphs - d->t->n_rows) {
		char max[24];
		snprintf(max, sizeof max, "%zu", d->lim->max_paragraphs); /* a size_t: fits */
		fail(d, NULL, "docx_too_many", "more than {1} paragraphs", max, NULL);
		return;
	}
	char where[320];
	int n = snprintf(where, sizeof where, "%s:%zu", d->name, d->n_paras);
	if (n < 0 || (size_t)n >= sizeof where)
		snprintf(where, sizeof where, "%zu", d->n_paras); /* names are at most 255 bytes: never */
	if (chars > CRITERIA_MAX_CELL) {
		fail(d, where, "paragraph_too_long", "a paragraph is longer than {1} characters",
		     CRITERIA_STR(CRITERIA_MAX_CELL), NULL);
		return;
	}
	struct strbuf line = STRBUF_INIT;
	paragraph_number(ps, &line);
	/* a line break in the paragraph starts a line of its own, as Word shows it */
	const char *s = ps->text.buf;
	for (const char *nl; (nl = strchr(s, '\n')); s = nl + 1) {
		strbuf_add(&line, s, (size_t)(nl - s));
		add_row(d->t, (unsigned)d->n_paras, line.buf, line.len);
		strbuf_reset(&line);
	}
	strbuf_addstr(&line, s);
	add_row(d->t, (unsigned)d->n_paras, line.buf, line.len);
	strbuf_release(&line);
}

static void stop(struct parse *ps)
{
	XML_StopParser(ps->p, XML_FALSE);
}

static void XMLCALL on_start(void *data, const XML_Char *name, const XML_Char **atts)
{
	struct parse *ps = data;
	if (ps->d->failed)
		return;
	if (++ps->depth > ps->d->lim->max_depth) {
		char max[24];
		snprintf(max, sizeof max, "%u", ps->d->lim->max_depth); /* an unsigned: fits */
		fail(ps->d, NULL, "docx_too_deep", "docx part {1} is nested more than {2} deep", ps->pname, max);
		stop(ps);
		return;
	}
	if ((++ps->events & 1023) == 0 && over_time(ps->d)) {
		stop(ps);
		return;
	}
	if (ps->skip)
		return;
	enum el k = classify(name), parent = ps->stack[ps->depth - 1];
	ps->stack[ps->depth] = k;
	if (k == E_SKIP) {
		ps->skip = ps->depth;
		return;
	}
	if (ps->part == P_NUMBERING)
		on_numbering(ps, k, parent, atts);
	else if (ps->part == P_STYLES)
		on_styles(ps, k, parent, atts);
	else
		on_document(ps, k, parent, atts);
}

static void XMLCALL on_end(void *data, const XML_Char *name)
{
	struct parse *ps = data;
	(void)name;
	if (ps->d->failed)
		return;
	if (ps->skip == ps->depth)
		ps->skip = 0;
	else if (!ps->skip && ps->part == P_DOCUMENT && ps->depth == ps->p_depth)
		end_paragraph(ps);
	else if (!ps->skip && ps->part == P_NUMBERING &&
		 (ps->stack[ps->depth] == E_LVLOVERRIDE ||
		  (ps->stack[ps->depth] == E_LVL && ps->stack[ps->depth - 1] == E_ABSTRACTNUM)))
		ps->ilvl = -1; /* a w:lvl inside w:lvlOverride keeps the override's level */
	if (ps->d->failed)
		stop(ps);
	ps->depth--;
}

static void XMLCALL on_text(void *data, const XML_Char *s, int len)
{
	struct parse *ps = data;
	if (!ps->d->failed && !ps->skip && ps->p_depth && ps->stack[ps->depth] == E_T &&
	    ps->stack[ps->depth - 1] == E_R)
		strbuf_add(&ps->text, s, (size_t)len);
}

static void XMLCALL on_doctype(void *data, const XML_Char *name, const XML_Char *sysid, const XML_Char *pubid,
			       int has_internal_subset)
{
	struct parse *ps = data;
	(void)name, (void)sysid, (void)pubid, (void)has_internal_subset;
	char why[160];
	snprintf(why, sizeof why, "part %s: DTDs are not allowed", ps->pname); /* part names are ours: fits */
	damaged(ps->d, why); /* no DTD: no entity is ever declared, let alone expanded */
	stop(ps);
}

/* Reads and parses the part at path; a missing part is none unless required. */
static int parse_part(struct doc *d, const char *path, enum part part, bool required)
{
	struct strbuf xml = STRBUF_INIT;
	int found = read_part(d, path, &xml);
	if (found <= 0) {
		strbuf_release(&xml);
		if (found == 0 && required)
			fail(d, NULL, "docx_no_document", "not a docx file (no word/document.xml in it)", NULL, NULL);
		return found < 0 || required ? -1 : 0;
	}
	struct parse ps = { .d = d, .part = part, .pname = path, .ilvl = -1, .p_ilvl = -1 };
	ps.stack = xcalloc(d->lim->max_depth + 2, sizeof *ps.stack);
	strbuf_init(&ps.text);
	if (!(ps.p = XML_ParserCreateNS(NULL, NS_SEP))) {
		fputs("shinsa: out of memory creating an XML parser\n", stderr);
		abort();
	}
	XML_SetUserData(ps.p, &ps);
	XML_SetElementHandler(ps.p, on_start, on_end);
	XML_SetCharacterDataHandler(ps.p, on_text);
	XML_SetStartDoctypeDeclHandler(ps.p, on_doctype);
	/* one call for the whole part: see xlsx_xml_parse() for why not chunks */
	if (xml.len > INT_MAX || XML_Parse(ps.p, xml.buf, (int)xml.len, XML_TRUE) != XML_STATUS_OK) {
		char why[300];
		snprintf(why, sizeof why, "part %s: XML error at line %llu: %s", path,
			 (unsigned long long)XML_GetCurrentLineNumber(ps.p), XML_ErrorString(XML_GetErrorCode(ps.p)));
		damaged(d, why); /* kept out when a handler failed first */
	}
	if (!d->failed)
		over_time(d);
	XML_ParserFree(ps.p);
	free(ps.stack);
	free(ps.pstyle);
	free(ps.num_id);
	strbuf_release(&ps.text);
	strbuf_release(&xml);
	return d->failed ? -1 : 0;
}

static void doc_release(struct doc *d)
{
	for (size_t i = 0; i < d->n_abs; i++)
		for (int l = 0; l < LEVELS; l++) {
			free(d->abs[i].lv[l].fmt);
			free(d->abs[i].lv[l].text);
			free(d->abs[i].lv[l].pstyle);
		}
	for (size_t i = 0; i < d->n_abs; i++)
		free(d->abs[i].id);
	for (size_t i = 0; i < d->n_nums; i++) {
		for (int l = 0; l < LEVELS; l++) {
			free(d->nums[i].lv[l].fmt);
			free(d->nums[i].lv[l].text);
			free(d->nums[i].lv[l].pstyle);
		}
		free(d->nums[i].id);
		free(d->nums[i].abs_id);
	}
	for (size_t i = 0; i < d->n_styles; i++) {
		free(d->styles[i].id);
		free(d->styles[i].based);
		free(d->styles[i].num_id);
	}
	free(d->abs);
	free(d->nums);
	free(d->styles);
}

static zip_t *open_zip(struct doc *d, const void *data, size_t len)
{
	enum zip_bytes_fail why_not;
	char why[128];
	zip_t *za = zip_bytes_open(data, len, &why_not, why);
	if (!za && why_not == ZIP_BYTES_DAMAGED)
		damaged(d, why);
	else if (!za && why_not == ZIP_BYTES_TRUNCATED)
		damaged(d, "zip archive is truncated (no central directory)");
	else if (!za)
		fail(d, NULL, "docx_not_zip", "not a docx file (not a zip archive)", NULL, NULL);
	return za;
}

bool criteria_docx_is(const void *data, size_t len)
{
	if (len < 4 || memcmp(data, "PK\3\4", 4) != 0)
		return false;
	zip_source_t *src = zip_source_buffer_create(data, len, 0, NULL);
	zip_t *za = src ? zip_open_from_source(src, ZIP_RDONLY, NULL) : NULL;
	if (!za) {
		zip_source_free(src);
		return false;
	}
	bool is = zip_name_locate(za, "word/document.xml", ZIP_FL_NOCASE) >= 0;
	zip_discard(za);
	return is;
}

int criteria_docx_read(const char *name, const void *data, size_t len, const struct docx_limits *lim,
		       struct ctable **out, struct err *e)
{
	*out = NULL;
	struct doc d = { .name = name, .lim = lim ? lim : &docx_default_limits, .e = e };
	d.end_ns = clock_thread_cpu_ns() + (uint64_t)d.lim->max_cpu_ms * 1000000u;
	if (len == 0) {
		fail(&d, NULL, "empty", "the file is empty", NULL, NULL);
		return -1;
	}
	if (len > CRITERIA_MAX_BYTES) {
		char max[24];
		snprintf(max, sizeof max, "%u", CRITERIA_MAX_BYTES); /* an unsigned: fits */
		fail(&d, NULL, "too_large", "the file is larger than 4 MiB ({1} bytes)", max, NULL);
		return -1;
	}
	if (!(d.za = open_zip(&d, data, len)))
		return -1;
	d.t = xcalloc(1, sizeof *d.t);
	d.t->name = xstrdup(name);
	/* the lists and styles first: a paragraph's number is counted as it is read */
	int rc = parse_part(&d, "word/numbering.xml", P_NUMBERING, false) < 0 ||
				 parse_part(&d, "word/styles.xml", P_STYLES, false) < 0 ||
				 parse_part(&d, "word/document.xml", P_DOCUMENT, true) < 0
			 ? -1
			 : 0;
	zip_discard(d.za);
	doc_release(&d);
	if (rc < 0) {
		ctable_free(d.t);
		return -1;
	}
	*out = d.t;
	return 0;
}
