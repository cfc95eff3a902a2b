/*
 * store_review: banks' reviews of submissions, their items, threads and
 * signed decisions. Included by store.h; callers include store.h.
 *
 * The rules (who may open, review, answer, post and decide, the carry
 * rule, the decision's preconditions) are core/review.h's and
 * service/reviews.h's; this keeps the rows. A review read from here is
 * complete: header (with the submission's version, both organisations'
 * names and the checklist), every item in checklist order with its
 * party, and every message oldest first. The database refuses to change a
 * decided review or its items, and to delete any of it (migration 8).
 */
#ifndef SHINSA_STORE_REVIEW_H
#define SHINSA_STORE_REVIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "core/review.h"
#include "lib/err.h"

struct store;

/* Adds r (submission_id, bank_id, opened_at, opened_by and every item
 * set) and sets r->id. */
int store_review_add(struct store *st, struct review *r, struct err *e);

/* The review of submission_id by bank_id: 0 and a review you own, or
 * STORE_NOT_FOUND. */
int store_review_get(struct store *st, long long submission_id, long long bank_id, struct review **out,
		     struct err *e);

/* The bank's review of the connector's most recent submission of the
 * checklist before version, or STORE_NOT_FOUND. */
int store_review_previous(struct store *st, long long bank_id, long long connector_id, const char *catalog_id,
			  int version, struct review **out, struct err *e);

/* Sets an item's verdict, comment and verdict_at (carried becomes false). */
int store_review_verdict(struct store *st, long long review_id, const struct review_item *item, struct err *e);

/* Sets an item's bank answer (status, current, notes; no longer carried). */
int store_review_bank_answer(struct store *st, long long review_id, const struct review_item *item, struct err *e);

/* Appends a message by author of org_id to an item's thread, given with
 * verdict (VERDICT_PENDING: a plain message, stored as NULL). */
int store_review_message_add(struct store *st, long long review_id, const char *item_key, long long org_id,
			     const char *author, const char *at, const char *text, enum review_verdict verdict,
			     struct err *e);

/* Records r's decision (decision, reason, decided_at, decided_by and the
 * signed document with its SHA-256 and signature); STORE_NOT_FOUND when
 * it is decided already. */
int store_review_decide(struct store *st, const struct review *r, struct err *e);

/* One review as lists show it. */
struct review_summary {
	long long submission_id;
	int version;
	char *connector;
	char *bank;
	char *opened_at;
	size_t pending, query, improvement; /* connector and common items */
	enum review_decision decision;
	char *decided_at; /* NULL while open */
};

/* Every review by bank_id (bank true) or of connector_id's submissions
 * (bank false), by submission then bank. review_summary_list_free(). */
int store_review_list(struct store *st, long long org_id, bool bank, struct review_summary **out, size_t *n,
		      struct err *e);
void review_summary_list_free(struct review_summary *list, size_t n);

/*
 * Where a bank and a connector stand, for portfolios and re-assessment
 * (one row per pair that has a review): for a bank (bank true), one row per
 * connector it reviewed; for a connector, one row per bank that reviewed
 * it. latest_* is the most recently decided review of the pair
 * (decision DECISION_NONE and the rest 0/NULL when none is decided);
 * open_queries counts the query verdicts (要確認) of the pair's latest
 * review, the one of the newest submission, decided or not (improvements
 * are followed as plans). By counterpart name.
 */
struct review_standing {
	char *counterpart;       /* the connector's name for a bank, the bank's for a connector */
	enum review_decision latest_decision;
	char *latest_decided_at;
	long long latest_submission;
	int latest_version;
	size_t open_queries;
};

int store_review_standing(struct store *st, long long org_id, bool bank, struct review_standing **out, size_t *n,
			  struct err *e);
void review_standing_list_free(struct review_standing *list, size_t n);

#endif
