/*
 * store_review_draft: the drafts of a review's decision, where the bank
 * requires approval (service/approvals.h has the rules). A draft is added
 * pending and changes once, to approved or rejected; none is deleted
 * (migration 12's triggers), and at most one per review is pending (its
 * unique index).
 */
#ifndef SHINSA_STORE_REVIEW_DRAFT_H
#define SHINSA_STORE_REVIEW_DRAFT_H

#include "core/review.h"
#include "lib/err.h"

struct store;

/* Adds d (decision, reason, drafted_by, drafted_at) to review_id as
 * pending; sets d->id. */
int store_review_draft_add(struct store *st, long long review_id, struct review_draft *d, struct err *e);

/* Resolves the pending draft id: state DRAFT_APPROVED or DRAFT_REJECTED,
 * by whom, when, and the rejection's reason (NULL for an approval).
 * STORE_NOT_FOUND when it is not pending. */
int store_review_draft_resolve(struct store *st, long long id, enum review_draft_state state, const char *by,
			       const char *at, const char *rejection, struct err *e);

/* Fills r->drafts (oldest first) and, from the approved one, r->drafted_by
 * and r->drafted_at. */
int store_review_draft_load(struct store *st, struct review *r, struct err *e);

#endif
