#include "formats/criteria_list.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/strbuf.h"
#include "lib/text.h"
#include "lib/xalloc.h"

enum kind { K_NONE, K_DECIMAL, K_PAREN, K_CIRCLED, K_BULLET, K_KANA, K_PAREN_KANA };

#define DEPTH_MAX 8

/* One marked line, as read. */
struct entry {
	enum kind kind;
	int depth;
	char *mark;  /* the number as written: "3", "(2)", "①"; NULL for a bullet */
	char *text;
	bool points; /* ・ sub-points joined into text */
	char *head;  /* a heading's words when a paragraph follows it (text is then the paragraph); else NULL */
	unsigned line;
	unsigned text_line; /* with head: the paragraph's line */
};

static uint32_t fold(uint32_t cp)
{
	return cp >= 0xFF01 && cp <= 0xFF5E ? cp - 0xFEE0 : cp;
}

static const char *skip_space(const char *p)
{
	for (;;) {
		const char *q = p;
		uint32_t cp = text_utf8_next(&q);
		if (!cp || !text_is_space(cp))
			return p;
		p = q;
	}
}

/* Digits (full-width too) at *p as ASCII into sb; how many (at most 5). */
static int digits(const char **p, struct strbuf *sb)
{
	int n = 0;
	for (;;) {
		const char *q = *p;
		uint32_t cp = fold(text_utf8_next(&q));
		if (cp < '0' || cp > '9' || n == 5)
			return n;
		strbuf_addch(sb, (char)cp);
		n++;
		*p = q;
	}
}

static bool is_circled(uint32_t cp)
{
	return (cp >= 0x2460 && cp <= 0x2473) || (cp >= 0x3251 && cp <= 0x325F) || (cp >= 0x32B1 && cp <= 0x32BF);
}

/* ア to ン: the katakana Word's aiueo and iroha numbering count in. */
static bool is_kana(uint32_t cp)
{
	return cp >= 0x30A2 && cp <= 0x30F3;
}

static bool is_bullet(uint32_t cp)
{
	return cp == 0x30FB || cp == 0xFF65 || cp == 0x2022 || cp == 0x25CF || cp == 0x25CB || cp == 0x25A0 ||
	       cp == 0x25C6;
}

/* The marker at the start of s: its kind, *mark (yours, NULL for a bullet
 * or none) and *rest the text after it; K_NONE when s has none. */
static enum kind marker(const char *s, char **mark, const char **rest)
{
	struct strbuf sb = STRBUF_INIT;
	const char *p = s;
	uint32_t cp = text_utf8_next(&p);
	enum kind k = K_NONE;
	*mark = NULL;
	if (is_bullet(cp)) {
		k = K_BULLET;
	} else if (is_circled(cp)) {
		strbuf_add(&sb, s, (size_t)(p - s));
		k = K_CIRCLED;
	} else if (fold(cp) == '(') {
		strbuf_addch(&sb, '(');
		const char *at = p;
		uint32_t in = text_utf8_next(&p);
		const char *in_end = p;
		if (is_kana(in) && fold(text_utf8_next(&p)) == ')') {
			strbuf_add(&sb, at, (size_t)(in_end - at));
			strbuf_addch(&sb, ')');
			k = K_PAREN_KANA;
		} else if ((p = at, digits(&p, &sb) > 0) && fold(text_utf8_next(&p)) == ')') {
			strbuf_addch(&sb, ')');
			k = K_PAREN;
		}
	} else if (is_kana(cp)) {
		const char *end = p;
		uint32_t after = text_utf8_next(&p);
		if (fold(after) == '.' || after == 0x3001 /* 、 */) {
			strbuf_add(&sb, s, (size_t)(end - s));
			k = K_KANA;
		}
	} else {
		p = s;
		if (digits(&p, &sb) > 0) {
			uint32_t after = text_utf8_next(&p);
			if (fold(after) == '.' || after == 0x3001 /* 、 */)
				k = K_DECIMAL;
		}
	}
	if (k == K_NONE || (k != K_BULLET && sb.len == 0)) {
		strbuf_release(&sb);
		return K_NONE;
	}
	*mark = k == K_BULLET ? NULL : strbuf_detach(&sb);
	if (k == K_BULLET)
		strbuf_release(&sb);
	*rest = skip_space(p);
	return k;
}

static bool ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), m = strlen(tail);
	return n >= m && memcmp(s + n - m, tail, m) == 0;
}

/* Whether s ends as a sentence or a criterion ends (「…こと」「…ます。」):
 * a line after it is a new line, not the rest of a wrapped one. */
static bool ends_sentence(const char *s)
{
	static const char *const tails[] = { "。", "．", "こと", "ます", "です", "いる", "する", "ない", "れる", "ある" };
	for (size_t i = 0; i < sizeof tails / sizeof *tails; i++)
		if (ends_with(s, tails[i]))
			return true;
	return false;
}

/* Whether s reads as a heading's words (「基本方針」): short, no 、 or 。,
 * not a sentence, not cut after a particle (「…態勢が」 wraps). */
static bool heading_like(const char *s)
{
	static const char *const particles[] = { "が", "を", "に", "は", "の", "と", "で", "も", "や", "、" };
	size_t n = 0;
	for (const char *p = s; *p;) {
		text_utf8_next(&p);
		n++;
	}
	if (!*s || n > 30 || strstr(s, "、") || strstr(s, "。") || ends_sentence(s))
		return false;
	for (size_t i = 0; i < sizeof particles / sizeof *particles; i++)
		if (ends_with(s, particles[i]))
			return false;
	return true;
}

/* Row r's text as one line: its cells (split at tabs) joined by a space, trimmed. */
static char *line_text(const struct ctable_row *r)
{
	struct strbuf sb = STRBUF_INIT;
	for (size_t i = 0; i < r->n_cells; i++) {
		if (i)
			strbuf_addch(&sb, ' ');
		strbuf_addstr(&sb, r->cells[i].text);
	}
	/* trimmed at both ends; spaces inside stay (English words) */
	const char *start = skip_space(sb.buf), *end = start;
	for (const char *p = start; *p;) {
		uint32_t cp = text_utf8_next(&p);
		if (!text_is_space(cp))
			end = p;
	}
	char *t = xstrndup(start, (size_t)(end - start));
	strbuf_release(&sb);
	return t;
}

struct lister {
	const struct ctable *t;
	struct entry *v;
	size_t n;
	char *title;
	struct criteria_left *left; /* NULL: not kept */
	size_t end;                 /* the row of 以上, or t->n_rows */
};

void criteria_left_release(struct criteria_left *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->n; i++) {
		free(l->at[i]);
		free(l->text[i]);
	}
	free(l->at);
	free(l->text);
	memset(l, 0, sizeof *l);
}

static void where_of(const struct ctable *t, unsigned line, char *buf, size_t size);

/* Line s (row at) left out of the list, kept when the caller asked. */
static void left_out(struct lister *l, unsigned at, const char *s)
{
	if (!l->left)
		return;
	char where[160];
	where_of(l->t, at, where, sizeof where);
	criteria_left_add(l->left, where, s);
}

void criteria_left_add(struct criteria_left *o, const char *at, const char *text)
{
	o->at = xrealloc(o->at, (o->n + 1) * sizeof *o->at);
	o->text = xrealloc(o->text, (o->n + 1) * sizeof *o->text);
	o->at[o->n] = xstrdup(at);
	o->text[o->n++] = xstrdup(text);
}

static void lister_release(struct lister *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->v[i].mark);
		free(l->v[i].text);
		free(l->v[i].head);
	}
	free(l->v);
	free(l->title);
}

/* A line with no marker after entry en: the paragraph under a heading's
 * words (「1. 基本方針」 then 「当行は、…」) becomes en's text, its words
 * its head; else the rest of en's text, joined with no break when en was
 * cut mid-sentence (a wrapped line), on a new line when it had ended. */
static void continue_line(struct entry *en, const char *s, unsigned at)
{
	if (!en->head && en->kind != K_BULLET && heading_like(en->text)) {
		en->head = en->text;
		en->text = xstrdup(s);
		en->text_line = at;
		return;
	}
	char *joined = xasprintf("%s%s%s", en->text, *en->text && ends_sentence(en->text) ? "\n" : "", s);
	free(en->text);
	en->text = joined;
}

/* Whether a bullet at depth d (depth: the levels seen) is a sub-point of
 * the entry above it, parent: a sentence (「…規程が整備されていること」)
 * with bullets deeper under it. Its sub-points are parts of that one
 * criterion, as a bank's reviewer reads them, so they join its text as
 * 「・…」 lines; bullets under a heading's words stay criteria ("2-1"). */
static bool absorbs(const struct entry *parent, int d, int depth)
{
	if (parent->kind == K_BULLET || !(parent->points || ends_sentence(parent->text)))
		return false;
	return d == depth || d > parent->depth;
}

/* The lines of t as entries, with their depths. */
static void scan(struct lister *l)
{
	l->end = l->t->n_rows;
	enum kind stack[DEPTH_MAX];
	int depth = 0;
	for (size_t i = 0; i < l->t->n_rows; i++) {
		char *s = line_text(&l->t->rows[i]);
		if (!*s || (l->n && strcmp(s, "以上") == 0)) {
			bool end = *s != '\0';
			free(s);
			if (end) {
				l->end = i; /* 以上: it and all after it are left out last, in line order */
				break;
			}
			continue;
		}
		char *mark;
		const char *rest;
		enum kind k = marker(s, &mark, &rest);
		if (k == K_NONE) {
			if (l->n) {
				continue_line(&l->v[l->n - 1], s, l->t->rows[i].at);
			} else {
				if (!l->title)
					l->title = xstrdup(s);
				left_out(l, l->t->rows[i].at, s);
			}
			free(s);
			continue;
		}
		int d = 0;
		while (d < depth && stack[d] != k)
			d++;
		if (k == K_BULLET && l->n && absorbs(&l->v[l->n - 1], d, depth)) {
			struct entry *parent = &l->v[l->n - 1];
			char *joined = xasprintf("%s\n・%s", parent->text, rest);
			free(parent->text);
			parent->text = joined;
			parent->points = true;
			free(s);
			continue;
		}
		if (d == depth && depth < DEPTH_MAX)
			stack[depth++] = k;
		else if (d == depth)
			d = depth - 1; /* deeper than any list is written: kept at the deepest */
		depth = d + 1;
		l->v = xrealloc(l->v, (l->n + 1) * sizeof *l->v);
		l->v[l->n++] = (struct entry){ .kind = k, .depth = d, .mark = mark, .text = xstrdup(rest),
					       .line = l->t->rows[i].at };
		free(s);
	}
}

/* Whether entry i (words and a paragraph, nothing under it) is a
 * preamble section: a sibling of it has criteria under it (「1. 基本方針」
 * then 「当行は、…」 beside 「2. 契約締結の基準」 and its (1) (2)). A bank
 * states its policy there; no one answers it, so it is no criterion. */
static bool preamble(const struct lister *l, size_t i)
{
	int d = l->v[i].depth;
	if (!l->v[i].head || (i + 1 < l->n && l->v[i + 1].depth > d))
		return false;
	size_t from = i, to = i + 1;
	while (from > 0 && l->v[from - 1].depth >= d)
		from--;
	while (to < l->n && l->v[to].depth >= d)
		to++;
	for (size_t j = from; j + 1 < to; j++)
		if (l->v[j].depth == d && l->v[j + 1].depth > d)
			return true;
	return false;
}

static void where_of(const struct ctable *t, unsigned line, char *buf, size_t size)
{
	int n = snprintf(buf, size, "%s:%u", t->name, line);
	if (n < 0 || (size_t)n >= size)
		snprintf(buf, size, "%s", "?"); /* names are cut to fit well before this */
}

int criteria_list_read(const struct ctable *t, struct catalog *cat, size_t max_items, struct err *e)
{
	return criteria_list_read_left(t, cat, max_items, NULL, e);
}

int criteria_list_read_left(const struct ctable *t, struct catalog *cat, size_t max_items, struct criteria_left *left,
			    struct err *e)
{
	struct lister l = { .t = t, .left = left };
	scan(&l);
	const char *path[DEPTH_MAX] = { 0 };    /* the marks of the headings above, by depth */
	const char *heads[DEPTH_MAX] = { 0 };   /* their texts */
	int bullets[DEPTH_MAX] = { 0 };         /* bullets so far at each depth, under the heading above */
	char **wheres = NULL;
	int rc = 0;
	char where[160], num[16];
	for (size_t i = 0; i < l.n && rc == 0; i++) {
		struct entry *en = &l.v[i];
		int d = en->depth;
		for (int j = d + 1; j < DEPTH_MAX; j++)
			bullets[j] = 0;
		if (en->kind == K_BULLET) {
			snprintf(num, sizeof num, "%d", ++bullets[d]); /* an int: fits */
			en->mark = xstrdup(num);
		}
		path[d] = en->mark;
		heads[d] = en->head ? en->head : en->text;
		bool heading = i + 1 < l.n && l.v[i + 1].depth > d;
		if (heading && en->head)
			left_out(&l, en->line, en->text); /* a heading's paragraph: not a criterion */
		if (!heading && preamble(&l, i)) {
			left_out(&l, en->line, en->head);
			left_out(&l, en->text_line, en->text);
			continue;
		}
		if (heading || !*en->text)
			continue;
		struct strbuf key = STRBUF_INIT;
		for (int j = 0; j <= d; j++) {
			if (j)
				strbuf_addch(&key, '-');
			strbuf_addstr(&key, path[j] ? path[j] : "");
		}
		where_of(t, en->line, where, sizeof where);
		for (size_t k = 0; k < cat->n_items && rc == 0; k++)
			if (strcmp(cat->items[k].key, key.buf) == 0) {
				err_coded(e, where, "number_again", "通番 {1} again (first at {2})", key.buf, wheres[k],
					  NULL);
				rc = -1;
			}
		/* the nearest heading with words ("1." alone has none), else the title */
		const char *category = en->head ? en->head : l.title;
		for (int j = d - 1; j >= 0 && !en->head; j--)
			if (*heads[j]) {
				category = heads[j];
				break;
			}
		if (rc == 0 && !category) {
			err_coded(e, where, "list_no_category", "a criterion with no heading above it and no title", NULL);
			rc = -1;
		}
		if (rc == 0 && cat->n_items >= max_items) {
			char max[24];
			snprintf(max, sizeof max, "%zu", max_items); /* a size_t: fits */
			err_coded(e, where, "too_many", "more than {1} criteria", max, NULL);
			rc = -1;
		}
		if (rc < 0) {
			strbuf_release(&key);
			break;
		}
		struct catalog_item *it = catalog_add_item(cat);
		wheres = xrealloc(wheres, cat->n_items * sizeof *wheres);
		wheres[cat->n_items - 1] = xstrdup(where);
		it->key = strbuf_detach(&key);
		it->no = (int)cat->n_items;
		it->section = *heads[0] && (d > 0 || en->head) ? xstrdup(heads[0]) : NULL;
		it->category = xstrdup(category);
		it->text = xstrdup(en->text);
	}
	/* 以上 and all after it (a signature, a date) are not the list */
	for (size_t j = l.end; j < t->n_rows; j++) {
		char *rest = line_text(&t->rows[j]);
		if (*rest)
			left_out(&l, t->rows[j].at, rest);
		free(rest);
	}
	if (rc == 0 && cat->n_items == 0) {
		err_coded(e, t->name, "list_empty", "no criteria in the list form (want numbered lines: 1. (1) ① ・)",
			  NULL);
		rc = -1;
	}
	for (size_t k = 0; k < cat->n_items; k++)
		free(wheres[k]);
	free(wheres);
	if (rc == 0) {
		cat->title = l.title;
		l.title = NULL;
	}
	lister_release(&l);
	return rc;
}
