#include "core/suggest.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/text.h"
#include "lib/xalloc.h"

/*
 * A gram is packed in 64 bits: three code points of 21 bits each, a 2-gram
 * with 0 in the top place. Code point 0 never occurs in text, so no two
 * grams pack alike.
 */
struct term {
	uint64_t gram;
	double w;
};

struct vec {
	struct term *t;
	size_t n, cap;
};

struct suggest_index {
	const struct catalog *checklist;
	struct term *df; /* sorted by gram; w is the document frequency */
	size_t n_df;
	struct vec *docs; /* one per checklist item, weighted and normalised */
};

static void vec_add(struct vec *v, uint64_t gram, double w)
{
	if (v->n == v->cap) {
		v->cap = v->cap ? v->cap * 2 : 64;
		v->t = xrealloc(v->t, v->cap * sizeof *v->t);
	}
	v->t[v->n].gram = gram;
	v->t[v->n++].w = w;
}

static bool is_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\v' || cp == '\f' || cp == 0x3000 ||
	       cp == 0x85 || cp == 0xA0;
}

/* Adds the 2- and 3-grams of s with weight w. */
static void add_grams(struct vec *v, const char *s, double w)
{
	uint32_t *cps = NULL;
	size_t n = 0, cap = 0;
	for (const char *p = s ? s : ""; *p;) {
		uint32_t cp = text_utf8_next(&p);
		if (is_space(cp))
			continue;
		if (cp >= 0xFF01 && cp <= 0xFF5E)
			cp -= 0xFEE0;
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			cps = xrealloc(cps, cap * sizeof *cps);
		}
		cps[n++] = cp;
	}
	for (size_t i = 0; i + 1 < n; i++) {
		vec_add(v, (uint64_t)cps[i] << 21 | cps[i + 1], w);
		if (i + 2 < n)
			vec_add(v, (uint64_t)cps[i] << 42 | (uint64_t)cps[i + 1] << 21 | cps[i + 2], w);
	}
	free(cps);
}

static int by_gram(const void *a, const void *b)
{
	uint64_t x = ((const struct term *)a)->gram, y = ((const struct term *)b)->gram;
	return x < y ? -1 : x > y;
}

/* Sorts v and sums the weights of equal grams. */
static void vec_merge(struct vec *v)
{
	if (v->n == 0)
		return;
	qsort(v->t, v->n, sizeof *v->t, by_gram);
	size_t k = 0;
	for (size_t i = 1; i < v->n; i++) {
		if (v->t[i].gram == v->t[k].gram)
			v->t[k].w += v->t[i].w;
		else
			v->t[++k] = v->t[i];
	}
	v->n = k + 1;
}

/* An item's document: tf of its text and, weighted, its category. */
static struct vec document(const struct catalog_item *item)
{
	struct vec v = { 0 };
	add_grams(&v, item->text, 1.0);
	add_grams(&v, item->category, SUGGEST_CATEGORY_WEIGHT);
	vec_merge(&v);
	return v;
}

static double idf(const struct suggest_index *ix, uint64_t gram)
{
	size_t lo = 0, hi = ix->n_df;
	double df = 0;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (ix->df[mid].gram < gram) {
			lo = mid + 1;
		} else if (ix->df[mid].gram > gram) {
			hi = mid;
		} else {
			df = ix->df[mid].w;
			break;
		}
	}
	double n = (double)ix->checklist->n_items;
	return log((n + 1) / (df + 1)) + 1;
}

/* tf * idf, normalised to length 1. */
static void weigh(const struct suggest_index *ix, struct vec *v)
{
	double norm = 0;
	for (size_t i = 0; i < v->n; i++) {
		v->t[i].w *= idf(ix, v->t[i].gram);
		norm += v->t[i].w * v->t[i].w;
	}
	norm = sqrt(norm);
	for (size_t i = 0; norm > 0 && i < v->n; i++)
		v->t[i].w /= norm;
}

struct suggest_index *suggest_index_new(const struct catalog *checklist)
{
	struct suggest_index *ix = xcalloc(1, sizeof *ix);
	ix->checklist = checklist;
	ix->docs = xcalloc(checklist->n_items ? checklist->n_items : 1, sizeof *ix->docs);
	struct vec all = { 0 };
	for (size_t i = 0; i < checklist->n_items; i++) {
		ix->docs[i] = document(&checklist->items[i]);
		for (size_t k = 0; k < ix->docs[i].n; k++)
			vec_add(&all, ix->docs[i].t[k].gram, 1.0); /* each document once per gram */
	}
	vec_merge(&all);
	ix->df = all.t;
	ix->n_df = all.n;
	for (size_t i = 0; i < checklist->n_items; i++)
		weigh(ix, &ix->docs[i]);
	return ix;
}

void suggest_index_free(struct suggest_index *ix)
{
	if (!ix)
		return;
	for (size_t i = 0; i < ix->checklist->n_items; i++)
		free(ix->docs[i].t);
	free(ix->docs);
	free(ix->df);
	free(ix);
}

static double dot(const struct vec *a, const struct vec *b)
{
	double s = 0;
	size_t i = 0, j = 0;
	while (i < a->n && j < b->n) {
		if (a->t[i].gram < b->t[j].gram)
			i++;
		else if (a->t[i].gram > b->t[j].gram)
			j++;
		else
			s += a->t[i++].w * b->t[j++].w;
	}
	return s;
}

static int by_rank(const void *a, const void *b)
{
	const struct suggestion *x = a, *y = b;
	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	return (x->no > y->no) - (x->no < y->no);
}

size_t suggest_rank(const struct suggest_index *ix, const struct catalog_item *criterion, size_t top,
		    struct suggestion **out)
{
	*out = NULL;
	if (criterion->damaged || !criterion->text || top == 0)
		return 0;
	struct vec q = document(criterion);
	weigh(ix, &q);
	size_t n = 0;
	struct suggestion *all = xcalloc(ix->checklist->n_items ? ix->checklist->n_items : 1, sizeof *all);
	for (size_t i = 0; i < ix->checklist->n_items; i++) {
		double s = dot(&q, &ix->docs[i]);
		if (s > 0) {
			all[n].no = ix->checklist->items[i].no;
			all[n++].score = s;
		}
	}
	free(q.t);
	qsort(all, n, sizeof *all, by_rank);
	if (n > top)
		n = top;
	if (n == 0) {
		free(all);
		return 0;
	}
	*out = all;
	return n;
}
