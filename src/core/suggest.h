/*
 * suggest: for a bank's criterion, the checklist items whose text is most
 * like it — a proposal for the cross-walk, which the bank confirms or
 * changes. Pure computation: no I/O.
 *
 * The measure is TF-IDF-weighted cosine similarity over character
 * n-grams, which suit Japanese (no word boundaries to find):
 *   - a text's grams are its character 2-grams and 3-grams after all
 *     whitespace is removed and full-width ASCII (Ａ, １, （) is folded to
 *     ASCII;
 *   - an item's document is the grams of its text (a checklist item's
 *     objective, a criterion's 項目) plus those of its 区分 counted with
 *     weight SUGGEST_CATEGORY_WEIGHT;
 *   - idf(g) = ln((N + 1) / (df(g) + 1)) + 1 over the N checklist items,
 *     df(g) the number of them whose document has g;
 *   - each document is the vector tf * idf, normalised to length 1, and the
 *     score of an item for a criterion is the dot product of the two (0 to 1).
 * Items are ranked by score, highest first, then by 通番; only items
 * sharing a gram (score > 0) are listed. A damaged criterion (no text) gets
 * no suggestions.
 *
 * On the shipped catalogs this puts an item of the shipped cross-walk first
 * for 43 of the 53 criteria that have a counterpart (tests/unit/test_suggest.c
 * prints the figure).
 */
#ifndef SHINSA_CORE_SUGGEST_H
#define SHINSA_CORE_SUGGEST_H

#include <stddef.h>

#include "core/catalog.h"

#define SUGGEST_CATEGORY_WEIGHT 0.5

struct suggestion {
	int no;       /* the checklist item's 通番 */
	double score; /* 0 < score <= 1 */
};

/* What is computed once per checklist: its vectors and the idf. */
struct suggest_index;

/* The index of checklist (borrowed: it must outlive the index). */
struct suggest_index *suggest_index_new(const struct catalog *checklist);
void suggest_index_free(struct suggest_index *ix);

/*
 * At most top suggestions for criterion, best first, into *out (yours;
 * free() it; NULL when there are none). Returns how many.
 */
size_t suggest_rank(const struct suggest_index *ix, const struct catalog_item *criterion, size_t top,
		    struct suggestion **out);

#endif
