/*
 * store_answers: connectors' master answer sets. Included by store.h;
 * callers include store.h.
 */
#ifndef SHINSA_STORE_ANSWERS_H
#define SHINSA_STORE_ANSWERS_H

#include "core/answers.h"
#include "core/catalog.h"
#include "core/org.h"
#include "lib/err.h"

struct store;

/*
 * The answer set of org for checklist cat: always a complete set (one
 * answer per item, empty where nothing was answered yet). You own *out.
 */
int store_answers_get(struct store *st, const struct org *org, const struct catalog *cat, struct answer_set **out,
		      struct err *e);

/*
 * Writes one answer (matched by a->item_key) of org's set for cat, creating
 * the set on first use. Call inside a transaction when writing several.
 */
int store_answer_put(struct store *st, const struct org *org, const struct catalog *cat, const struct answer *a,
		     struct err *e);

#endif
