/*
 * store_submission: submissions, kept whole and never changed. Included by
 * store.h; callers include store.h.
 *
 * The database refuses UPDATE and DELETE on submissions (triggers), so a
 * stored submission stays as it was signed. Records are struct
 * submission_record (core/submission.h); the caller makes the document, its
 * hash and signature, since the version is part of what is signed:
 *
 *   store_begin(); store_submission_next_version(); build and sign the
 *   document with that version; store_submission_add(); store_commit();
 *
 * store_begin() takes the write lock at once, so two submitters cannot both
 * take the same number, and UNIQUE (org, catalog, version) refuses it anyway.
 */
#ifndef SHINSA_STORE_SUBMISSION_H
#define SHINSA_STORE_SUBMISSION_H

#include <stddef.h>

#include "core/submission.h"
#include "lib/err.h"

struct store;

/* The version the next submission of org_id for catalog_id gets: 1 + the
 * highest so far, 1 for the first. Call inside the adding transaction. */
int store_submission_next_version(struct store *st, long long org_id, const char *catalog_id, int *version,
				  struct err *e);

/* Adds r (org_id, catalog_id, version, submitted_at, document, sha256 and
 * signature set) and sets r->id. Call inside a transaction. */
int store_submission_add(struct store *st, struct submission_record *r, struct err *e);

/* 0 and a new record you own (org_name set), or STORE_NOT_FOUND. */
int store_submission_get(struct store *st, long long id, struct submission_record **out, struct err *e);

/* org_id's submissions, oldest first (by catalog, then version); you own
 * the array and each record. */
int store_submission_list(struct store *st, long long org_id, struct submission_record ***out, size_t *n,
			  struct err *e);

/* The submission whose document has that SHA-256 (the oldest, should a
 * document ever be stored twice), or STORE_NOT_FOUND. */
int store_submission_by_sha256(struct store *st, const char *sha256, struct submission_record **out, struct err *e);

/* org_id's submission of that version for catalog_id, or STORE_NOT_FOUND. */
int store_submission_by_version(struct store *st, long long org_id, const char *catalog_id, int version,
				struct submission_record **out, struct err *e);

#endif
