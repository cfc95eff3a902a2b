/*
 * store_share: shares of submissions with banks and the reads made through
 * them. Included by store.h; callers include store.h.
 *
 * The rules (who may share what, one share in force per submission and
 * bank) are service/shares.h's; this keeps the rows. Shares read from here
 * carry the submission's version and SHA-256 and both organisations' names
 * (struct share, core/share.h). "now" arguments are clock stamps.
 */
#ifndef SHINSA_STORE_SHARE_H
#define SHINSA_STORE_SHARE_H

#include <stddef.h>

#include "core/share.h"
#include "lib/err.h"

struct store;

/* Adds s (submission_id, bank_id, created_by, created_at, expires_at set)
 * and sets s->id. */
int store_share_add(struct store *st, struct share *s, struct err *e);

/* 0 and a new share you own (no accesses), or STORE_NOT_FOUND. */
int store_share_get(struct store *st, long long id, struct share **out, struct err *e);

/* The share of submission_id with bank_id in force at now (the oldest, if
 * ever more than one), or STORE_NOT_FOUND. */
int store_share_in_force(struct store *st, long long submission_id, long long bank_id, const char *now,
			 struct share **out, struct err *e);

/* 1 when a share of any of connector_id's submissions with bank_id is in
 * force at now, 0 when none is; -1. */
int store_share_pair_in_force(struct store *st, long long bank_id, long long connector_id, const char *now,
			      struct err *e);

/* Sets revoked_at of share id to at: STORE_NOT_FOUND when there is no such
 * share or it is revoked already. */
int store_share_revoke(struct store *st, long long id, const char *at, struct err *e);

/* Records that user_id read through share_id at at. */
int store_share_access_add(struct store *st, long long share_id, long long user_id, const char *at,
			   struct err *e);

/* Every share of connector_id's submissions, in force or not, oldest first,
 * each with its accesses oldest first. share_list_free() the result. */
int store_share_list(struct store *st, long long connector_id, struct share ***out, size_t *n, struct err *e);

/* The shares with bank_id in force at now, oldest first (no accesses). */
int store_share_inbox(struct store *st, long long bank_id, const char *now, struct share ***out, size_t *n,
		      struct err *e);

#endif
