/*
 * store_criteria: a bank's criteria list and its cross-walk (core/criteria.h)
 * in the database. Included by store.h; callers include store.h.
 *
 * One list per bank. The rules (what a list may hold, which checklist
 * items exist, who may change what) are the service's (service/criteria.h);
 * this keeps the rows. Writes go inside the caller's transaction.
 */
#ifndef SHINSA_STORE_CRITERIA_H
#define SHINSA_STORE_CRITERIA_H

#include "core/criteria.h"
#include "lib/err.h"

struct store;

/* Replaces the bank's list (l->org_id) with l, rows and all. */
int store_criteria_put(struct store *st, const struct criteria_list *l, struct err *e);

/* The bank's list, rows and all: 0 and a new list you own, or STORE_NOT_FOUND. */
int store_criteria_get(struct store *st, long long org_id, struct criteria_list **out, struct err *e);

/* Replaces the mapping of the bank's criterion row->criterion with row
 * (relation, items, note, changed_by, changed_at); STORE_NOT_FOUND when the
 * bank has no such criterion. */
int store_criteria_map(struct store *st, long long org_id, const struct mapping_row *row, struct err *e);

#endif
