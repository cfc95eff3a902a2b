#include "core/text_diff.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/strbuf.h"
#include "lib/text.h"
#include "lib/xalloc.h"

/* Script classes; a character of SCRIPT_OTHER is a token alone. */
enum script { SCRIPT_OTHER, SCRIPT_KANJI, SCRIPT_HIRAGANA, SCRIPT_KATAKANA, SCRIPT_ALNUM };

static enum script script_of(uint32_t c)
{
	if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF) ||
	    (c >= 0x20000 && c <= 0x2FFFF) || c == 0x3005 || c == 0x3006)
		return SCRIPT_KANJI;
	if (c >= 0x3041 && c <= 0x309F)
		return SCRIPT_HIRAGANA;
	if ((c >= 0x30A0 && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF) || (c >= 0xFF66 && c <= 0xFF9F))
		return SCRIPT_KATAKANA;
	if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	    (c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A))
		return SCRIPT_ALNUM;
	return SCRIPT_OTHER;
}

struct token {
	const char *p;
	size_t len;
};

/* s cut into tokens (*n of them, the array yours). */
static struct token *tokenize(const char *s, size_t *n)
{
	size_t cap = 16;
	struct token *t = xmalloc(cap * sizeof *t);
	*n = 0;
	const char *p = s;
	while (*p) {
		const char *start = p;
		enum script sc = script_of(text_utf8_next(&p));
		/* A kanji is a word of its own (多要素認証 → 生体認証 keeps 認証). */
		if (sc != SCRIPT_OTHER && sc != SCRIPT_KANJI) {
			const char *q = p;
			while (*q && script_of(text_utf8_next(&q)) == sc)
				p = q;
		}
		if (*n == cap) {
			cap *= 2;
			t = xrealloc(t, cap * sizeof *t);
		}
		t[(*n)++] = (struct token){ start, (size_t)(p - start) };
	}
	return t;
}

static bool token_eq(const struct token *a, const struct token *b)
{
	return a->len == b->len && memcmp(a->p, b->p, a->len) == 0;
}

/* The segments as they are made: a change's deletions and insertions wait
 * in del and ins until the next common text, so deleted comes first. */
struct builder {
	struct text_diff *d;
	size_t cap;
	struct strbuf del, ins;
};

static void append(struct builder *b, enum text_diff_op op, const char *p, size_t len)
{
	struct text_diff *d = b->d;
	if (len == 0)
		return;
	if (d->n && d->segs[d->n - 1].op == op) {
		struct strbuf sb = STRBUF_INIT;
		strbuf_addstr(&sb, d->segs[d->n - 1].text);
		strbuf_add(&sb, p, len);
		free(d->segs[d->n - 1].text);
		d->segs[d->n - 1].text = strbuf_detach(&sb);
		return;
	}
	if (d->n == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 8;
		d->segs = xrealloc(d->segs, b->cap * sizeof *d->segs);
	}
	d->segs[d->n++] = (struct text_diff_seg){ op, xstrndup(p, len) };
}

static void flush(struct builder *b)
{
	append(b, TEXT_DIFF_DEL, b->del.buf ? b->del.buf : "", b->del.len);
	append(b, TEXT_DIFF_INS, b->ins.buf ? b->ins.buf : "", b->ins.len);
	strbuf_reset(&b->del);
	strbuf_reset(&b->ins);
}

static void emit(struct builder *b, enum text_diff_op op, const struct token *t)
{
	if (op == TEXT_DIFF_DEL) {
		strbuf_add(&b->del, t->p, t->len);
	} else if (op == TEXT_DIFF_INS) {
		strbuf_add(&b->ins, t->p, t->len);
	} else {
		flush(b);
		append(b, TEXT_DIFF_SAME, t->p, t->len);
	}
}

/* The middles a[0..n) and b[0..m): the longest common subsequence by a
 * table of suffix lengths, walked from the start; or, too long, all of a
 * deleted and all of b inserted. */
static void diff_middle(struct builder *bd, const struct token *a, size_t n, const struct token *b, size_t m)
{
	size_t w = m + 1;
	if (n == 0 || m == 0 || (n + 1) > TEXT_DIFF_MAX_CELLS / w) {
		for (size_t i = 0; i < n; i++)
			emit(bd, TEXT_DIFF_DEL, &a[i]);
		for (size_t j = 0; j < m; j++)
			emit(bd, TEXT_DIFF_INS, &b[j]);
		return;
	}
	uint32_t *L = xcalloc((n + 1) * w, sizeof *L);
	for (size_t i = n; i-- > 0;)
		for (size_t j = m; j-- > 0;)
			L[i * w + j] = token_eq(&a[i], &b[j]) ? L[(i + 1) * w + j + 1] + 1
				       : L[(i + 1) * w + j] >= L[i * w + j + 1] ? L[(i + 1) * w + j]
										  : L[i * w + j + 1];
	size_t i = 0, j = 0;
	while (i < n || j < m) {
		if (i < n && j < m && token_eq(&a[i], &b[j])) {
			emit(bd, TEXT_DIFF_SAME, &a[i++]);
			j++;
		} else if (j == m || (i < n && L[(i + 1) * w + j] >= L[i * w + j + 1])) {
			emit(bd, TEXT_DIFF_DEL, &a[i++]);
		} else {
			emit(bd, TEXT_DIFF_INS, &b[j++]);
		}
	}
	free(L);
}

/* One character kept between two changes is a coincidence, not a
 * shared word (rewritten sentences share many の and 、): it goes into
 * both sides of the change, which then reads whole. */
static struct text_diff *without_islands(struct text_diff *d)
{
	struct builder bd = { xcalloc(1, sizeof *bd.d), 0, STRBUF_INIT, STRBUF_INIT };
	for (size_t i = 0; i < d->n; i++) {
		const struct text_diff_seg *s = &d->segs[i];
		const char *p = s->text;
		bool one = text_utf8_next(&p) && *p == '\0';
		bool island = s->op == TEXT_DIFF_SAME && one && i > 0 && i + 1 < d->n;
		struct token t = { s->text, strlen(s->text) };
		if (island) {
			emit(&bd, TEXT_DIFF_DEL, &t);
			emit(&bd, TEXT_DIFF_INS, &t);
		} else {
			emit(&bd, s->op, &t);
		}
	}
	flush(&bd);
	strbuf_release(&bd.del);
	strbuf_release(&bd.ins);
	text_diff_free(d);
	return bd.d;
}

struct text_diff *text_diff_new(const char *before, const char *after)
{
	size_t n, m, pre = 0, post = 0;
	struct token *a = tokenize(before ? before : "", &n);
	struct token *b = tokenize(after ? after : "", &m);
	struct builder bd = { xcalloc(1, sizeof *bd.d), 0, STRBUF_INIT, STRBUF_INIT };
	while (pre < n && pre < m && token_eq(&a[pre], &b[pre]))
		pre++;
	while (post < n - pre && post < m - pre && token_eq(&a[n - 1 - post], &b[m - 1 - post]))
		post++;
	for (size_t i = 0; i < pre; i++)
		emit(&bd, TEXT_DIFF_SAME, &a[i]);
	diff_middle(&bd, a + pre, n - pre - post, b + pre, m - pre - post);
	for (size_t i = n - post; i < n; i++)
		emit(&bd, TEXT_DIFF_SAME, &a[i]);
	flush(&bd);
	strbuf_release(&bd.del);
	strbuf_release(&bd.ins);
	free(a);
	free(b);
	return without_islands(bd.d);
}

void text_diff_free(struct text_diff *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->n; i++)
		free(d->segs[i].text);
	free(d->segs);
	free(d);
}

const char *text_diff_op_name(enum text_diff_op op)
{
	return op == TEXT_DIFF_DEL ? "del" : op == TEXT_DIFF_INS ? "ins" : "same";
}
