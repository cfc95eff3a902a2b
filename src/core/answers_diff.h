/*
 * answers_diff: what changed between two answer sets of one checklist — two
 * submissions, or a submission and the working answers.
 *
 * Items are matched by key. An item only one side has is compared with an
 * empty answer (no status, no date, "" texts). The result lists only the
 * items that changed, in the order of `from` (then any items only `to`
 * has, in its order), and within each only the fields that changed, in
 * enum answer_field order. The diff owns copies of everything it shows;
 * answers_diff_free() releases them.
 */
#ifndef SHINSA_CORE_ANSWERS_DIFF_H
#define SHINSA_CORE_ANSWERS_DIFF_H

#include <stddef.h>

#include "core/answers.h"

struct field_change {
	enum answer_field field;
	char *before; /* NULL: unset (status and plan_due only) */
	char *after;
};

struct item_change {
	int no;
	char *item_key;
	struct field_change *fields;
	size_t n_fields;
};

struct answers_diff {
	struct item_change *items;
	size_t n_items;
};

struct answers_diff *answers_diff_new(const struct answer_set *from, const struct answer_set *to);
void answers_diff_free(struct answers_diff *d);

#endif
